package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Scenario;

/**
 * The per-trial columns of a study, in {@code trials.csv} order: the seven metrics ({@link Metric}
 * order), {@code unserved_volume.<commodity>} per commodity, then {@code
 * peak_inoperability.<sector>} and {@code indirect_loss.<sector>} per sector (only with an
 * economy).
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
    return metrics + commodities + 2 * sectors;
  }

  public int metric(Metric m) {
    return m.ordinal();
  }

  public int unservedVolume(int commodity) {
    return metrics + commodity;
  }

  public int peakInoperability(int sector) {
    return metrics + commodities + sector;
  }

  public int indirectLoss(int sector) {
    return metrics + commodities + sectors + sector;
  }

  /** Column names as in {@code trials.csv} (without the leading {@code trial}). */
  public static List<String> names(Scenario s) {
    List<String> names = new ArrayList<>();
    for (Metric m : Metric.values()) {
      names.add(m.key());
    }
    s.commodities().forEach(c -> names.add("unserved_volume." + c.id()));
    s.economy()
        .ifPresent(
            e -> {
              e.sectors().forEach(x -> names.add("peak_inoperability." + x.id()));
              e.sectors().forEach(x -> names.add("indirect_loss." + x.id()));
            });
    return names;
  }
}
