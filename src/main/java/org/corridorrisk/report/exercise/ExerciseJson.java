package org.corridorrisk.report.exercise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.TrialEvent;
import org.corridorrisk.study.ExerciseReplay;
import org.corridorrisk.study.ExerciseStudy;

/**
 * Writes {@code exercise.json} (format {@value #FORMAT}), as in the output contract: {@code
 * format}, {@code scenario}, {@code seed}, {@code trials}, {@code trial}, {@code totals} (the
 * trial's {@code trials.csv} row by column name), {@code events}, {@code days}, {@code branches};
 * plus {@code selection}, {@code provenance}, {@code start_date}, {@code horizon_days}, {@code
 * currency} and {@code commodities}.
 *
 * <p>Numbers are written in Java's shortest round-trip form (as {@code trials.csv}), so a total
 * read back is the same double as the CSV cell.
 */
public final class ExerciseJson {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "corridor-risk/exercise/v1";

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ExerciseJson() {}

  /** The document as a tree (also embedded in the page). */
  public static ObjectNode tree(
      ExerciseStudy.Result r, ExerciseCalendar cal, Provenance provenance) {
    Scenario s = r.scenario();
    ObjectNode root = F.objectNode();
    root.put("format", FORMAT);
    root.put("scenario", s.name());
    root.put("seed", r.seed());
    root.put("trials", r.trials());
    root.put("trial", r.pick().trial());
    ObjectNode sel = root.putObject("selection");
    if (Double.isNaN(r.pick().percentile())) {
      sel.put("by", "trial");
    } else {
      sel.put("by", "percentile");
      sel.put("percentile", r.pick().percentile());
      sel.put("metric", r.pick().metric());
      sel.put("value", r.pick().value());
      sel.put("rule", "nearest rank: the ceil(p/100 x trials)-th smallest; ties: lowest trial");
    }
    root.set("provenance", provenance(provenance));
    if (cal.startDate() == null) {
      root.putNull("start_date");
    } else {
      root.put("start_date", cal.startDate().toString());
    }
    root.put("horizon_days", s.horizonDays());
    root.put("currency", s.currency());
    ArrayNode commodities = root.putArray("commodities");
    s.commodities().forEach(c -> commodities.addObject().put("id", c.id()).put("unit", c.unit()));
    root.set("totals", totals(s, r.baseline().totals()));
    root.set("events", events(r.baseline().events(), cal, 0));
    root.set("days", days(r.baseline(), cal, 0));
    ArrayNode branches = root.putArray("branches");
    Map<String, Double> base = totalsMap(s, r.baseline().totals());
    for (ExerciseStudy.Branch b : r.branches()) {
      ObjectNode o = branches.addObject();
      o.put("day", b.decision().day());
      o.put("date", cal.isoDate(b.decision().day()));
      o.put("mitigation", b.decision().mitigation());
      o.put("cost", b.decision().costUsd());
      o.set("totals", totals(s, b.replay().totals()));
      ObjectNode diff = o.putObject("reduction");
      totalsMap(s, b.replay().totals()).forEach((k, v) -> diff.put(k, base.get(k) - v));
      o.set("events", events(b.replay().events(), cal, b.decision().day()));
      o.set("days", days(b.replay(), cal, 0));
    }
    return root;
  }

  /** Writes the document (UTF-8, pretty-printed, trailing newline). */
  public static void write(ObjectNode tree, Path file) throws IOException {
    Files.writeString(file, toJson(tree) + "\n", StandardCharsets.UTF_8);
  }

  /** The document as text. */
  public static String toJson(ObjectNode tree) {
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode provenance(Provenance p) {
    ObjectNode o = F.objectNode();
    o.put("version", p.version());
    o.put("scenario_file", p.scenarioFile());
    o.put("scenario_sha256", p.scenarioSha256());
    o.put("seed", p.seed());
    o.put("trials", p.trials());
    ArrayNode m = o.putArray("methods");
    p.methods().forEach(m::add);
    return o;
  }

  /**
   * The columns of a {@code trials.csv} row, by name: the seven metrics, {@code
   * unserved_volume.<commodity>}, {@code person_days_without_service.<commodity>}, then with an
   * economy {@code peak_inoperability.<sector>} and {@code indirect_loss.<sector>}.
   */
  public static Map<String, Double> totalsMap(Scenario s, TrialMetrics m) {
    Map<String, Double> t = new LinkedHashMap<>();
    for (Metric x : Metric.values()) {
      t.put(x.key(), m.get(x));
    }
    for (int c = 0; c < s.commodities().size(); c++) {
      t.put("unserved_volume." + s.commodities().get(c).id(), m.unservedVolumeByCommodity()[c]);
    }
    for (int c = 0; c < s.commodities().size(); c++) {
      t.put(
          Metric.PERSON_DAYS_WITHOUT_SERVICE.key() + "." + s.commodities().get(c).id(),
          m.personDaysByCommodity()[c]);
    }
    Economy e = s.economy().orElse(null);
    if (e != null) {
      for (int i = 0; i < e.sectors().size(); i++) {
        t.put("peak_inoperability." + e.sectors().get(i).id(), m.peakInoperabilityBySector()[i]);
      }
      for (int i = 0; i < e.sectors().size(); i++) {
        t.put("indirect_loss." + e.sectors().get(i).id(), m.indirectLossBySector()[i]);
      }
    }
    return t;
  }

  private static ObjectNode totals(Scenario s, TrialMetrics m) {
    ObjectNode o = F.objectNode();
    totalsMap(s, m).forEach(o::put);
    return o;
  }

  static ArrayNode events(List<TrialEvent> events, ExerciseCalendar cal, int fromDay) {
    ArrayNode a = F.arrayNode();
    for (TrialEvent e : events) {
      if (e.day() < fromDay) {
        continue;
      }
      ObjectNode o = a.addObject();
      o.put("day", e.day());
      o.put("date", cal.isoDate(e.day()));
      o.put("time", ExerciseCalendar.clock(e.time()));
      o.put("type", e.type().key());
      o.put("threat", e.threat());
      o.put("asset", e.asset());
      if (!Double.isNaN(e.capacityFactor())) {
        o.put("capacity_factor", e.capacityFactor());
      }
      if (e.endDay() >= 0) {
        o.put("end_day", e.endDay());
      }
      e.details()
          .forEach(
              (k, v) -> {
                if (v instanceof Number n) {
                  o.put(k, n.doubleValue());
                } else if (v instanceof Boolean b) {
                  o.put(k, b);
                } else {
                  o.put(k, String.valueOf(v));
                }
              });
    }
    return a;
  }

  static ArrayNode days(ExerciseReplay r, ExerciseCalendar cal, int fromDay) {
    ArrayNode a = F.arrayNode();
    for (ExerciseReplay.Day d : r.days()) {
      if (d.day() < fromDay) {
        continue;
      }
      ObjectNode o = a.addObject();
      o.put("day", d.day());
      o.put("date", cal.isoDate(d.day()));
      ObjectNode share = o.putObject("served_share");
      for (int c = 0; c < r.commodityIds().size(); c++) {
        share.put(r.commodityIds().get(c), d.servedShare()[c]);
      }
      ObjectNode unserved = o.putObject("unserved");
      for (int k = 0; k < r.sinkIds().size(); k++) {
        unserved.put(r.sinkIds().get(k), d.unserved(k));
      }
      ObjectNode demand = o.putObject("demand");
      for (int k = 0; k < r.sinkIds().size(); k++) {
        demand.put(r.sinkIds().get(k), d.sinkDemand()[k]);
      }
      ObjectNode storage = o.putObject("storage");
      d.storage().forEach(storage::put);
      ArrayNode out = o.putArray("assets_out");
      d.assetsOut().forEach(out::add);
      if (!d.assetsOut().isEmpty()) {
        ObjectNode f = o.putObject("capacity_factor");
        for (int i = 0; i < d.assetsOut().size(); i++) {
          f.put(d.assetsOut().get(i), d.assetFactors()[i]);
        }
      }
      if (!r.sectorIds().isEmpty()) {
        ObjectNode q = o.putObject("sector_inoperability");
        for (int i = 0; i < r.sectorIds().size(); i++) {
          q.put(r.sectorIds().get(i), d.inoperability()[i]);
        }
      }
      o.put("transport_cost", d.transportCost());
    }
    return a;
  }
}
