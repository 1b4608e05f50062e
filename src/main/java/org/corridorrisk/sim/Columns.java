package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Scenario;

/**
 * The per-trial columns of a study, in {@code trials.csv} order: the seven metrics ({@link Metric}
 * order), {@code unserved_volume.<commodity>} per commodity, {@code
 * person_days_without_service.<commodity>} per commodity, then {@code peak_inoperability.<sector>}
 * and {@code indirect_loss.<sector>} per sector (only with an economy).
 *
 * <p>Engines treat the columns alike (one accumulator and one kept array each), so a column added
 * here reaches the local engine, the Spark partitions and {@code trials.csv} without more code.
 */
public final class Columns {
  final int metrics;
  final int commodities;
  final int sectors;

  Columns(int commodities, int sectors) {
    this.metrics = Metric.values().length;
    this.commodities = commodities;
    this.sectors = sectors;
  }

  /** The columns of a scenario. */
  public static Columns of(Scenario s) {
    Economy e = s.economy().orElse(null);
    return new Columns(s.commodities().size(), e == null ? 0 : e.sectors().size());
  }

  public int count() {
    return metrics + 2 * commodities + 2 * sectors;
  }

  public int metric(Metric m) {
    return m.ordinal();
  }

  public int unservedVolume(int commodity) {
    return metrics + commodity;
  }

  /** Person-days without service of the sinks of one commodity. */
  public int personDays(int commodity) {
    return metrics + commodities + commodity;
  }

  public int peakInoperability(int sector) {
    return metrics + 2 * commodities + sector;
  }

  public int indirectLoss(int sector) {
    return metrics + 2 * commodities + sectors + sector;
  }

  /** Column names as in {@code trials.csv} (without the leading {@code trial}). */
  public static List<String> names(Scenario s) {
    List<String> names = new ArrayList<>();
    for (Metric m : Metric.values()) {
      names.add(m.key());
    }
    s.commodities().forEach(c -> names.add("unserved_volume." + c.id()));
    s.commodities()
        .forEach(c -> names.add(Metric.PERSON_DAYS_WITHOUT_SERVICE.key() + "." + c.id()));
    s.economy()
        .ifPresent(
            e -> {
              e.sectors().forEach(x -> names.add("peak_inoperability." + x.id()));
              e.sectors().forEach(x -> names.add("indirect_loss." + x.id()));
            });
    return names;
  }
}
