package org.corridorrisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.study.AssetOutage;
import org.corridorrisk.study.CriticalityResult;
import org.corridorrisk.study.SetOutage;
import org.corridorrisk.study.WorstCaseResult;
import org.corridorrisk.study.WorstSet;

/**
 * Writes {@code criticality.json} (format {@code corridor-risk/criticality/v1}).
 *
 * <p>Contract keys (cli-and-outputs.md): {@code assets[]} with {@code id, kind, unserved_fraction,
 * economic_loss, person_days_without_service}, worst first; and {@code worst_case[]} with {@code
 * budget, assets, unserved_fraction, economic_loss, person_days_without_service, exact}. Added
 * keys: top-level {@code format, scenario, outage_days, objective, objective_definition,
 * include_sinks, candidates, monotone_objective, flow_bound, ranking_seconds, pairs}; per asset
 * {@code type} ({@code node}|{@code link}) and every other metric; per worst set {@code any_loss}
 * (false: no set of at most that budget causes a loss; {@code assets} is then empty and the metrics
 * are the undisturbed run's), {@code objective, method, upper_bound} (null when none is known),
 * {@code evaluations, kept_from_budget} (null when this budget was searched; else the smaller
 * budget whose set it keeps without a search: that one already cut all demand, or no larger set
 * exists), {@code seconds} and every other metric. Key order is fixed.
 */
public final class CriticalityJson {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "corridor-risk/criticality/v1";

  private CriticalityJson() {}

  /** The document as a Jackson tree. */
  public static ObjectNode toJson(CriticalityResult result) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    root.put("format", FORMAT);
    root.put("scenario", result.scenario().name());
    root.put(
        "outage_days", Math.min(result.options().outageDays(), result.scenario().horizonDays()));
    root.put("objective", result.options().objective().key());
    root.put("objective_definition", CriticalityReport.objectiveDefinition(result));
    root.put("include_sinks", result.options().includeSinks());
    ArrayNode assets = root.putArray("assets");
    for (AssetOutage a : result.assets()) {
      ObjectNode o = assets.addObject();
      o.put("id", a.id());
      o.put("kind", a.kind());
      o.put("type", a.type());
      metrics(o, a.metrics());
    }
    ArrayNode worst = root.putArray("worst_case");
    for (WorstSet w : result.worstCase()) {
      WorstCaseResult s = w.search();
      ObjectNode o = worst.addObject();
      o.put("budget", w.budget());
      ArrayNode ids = o.putArray("assets");
      w.assetIds().forEach(ids::add);
      metrics(o, w.metrics());
      o.put("any_loss", w.anyLoss());
      o.put("exact", s.exact());
      o.put("objective", result.options().objective().key());
      o.put("method", s.method());
      if (Double.isFinite(s.upperBound())) {
        o.put("upper_bound", s.upperBound());
      } else {
        o.putNull("upper_bound");
      }
      o.put("evaluations", s.evaluations());
      if (s.searched()) {
        o.putNull("kept_from_budget");
      } else {
        o.put("kept_from_budget", s.keptFromBudget());
      }
      o.put("seconds", round(s.seconds()));
    }
    ArrayNode candidates = root.putArray("candidates");
    result.candidates().forEach(candidates::add);
    root.put("monotone_objective", result.monotoneObjective());
    root.put("flow_bound", result.flowBoundUsed());
    ArrayNode pairs = root.putArray("pairs");
    for (SetOutage p : result.pairs()) {
      ObjectNode o = pairs.addObject();
      ArrayNode ids = o.putArray("assets");
      p.assetIds().forEach(ids::add);
      metrics(o, p.metrics());
    }
    root.put("ranking_seconds", round(result.rankingSeconds()));
    return root;
  }

  /** Writes the document to {@code file} (pretty-printed, UTF-8). */
  public static void write(CriticalityResult result, Path file) throws IOException {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.writeString(file, mapper.writeValueAsString(toJson(result)) + "\n");
  }

  /** The contract's three metrics first, then the others in {@link Metric} order. */
  private static void metrics(ObjectNode o, TrialMetrics m) {
    o.put(Metric.UNSERVED_FRACTION.key(), m.get(Metric.UNSERVED_FRACTION));
    o.put(Metric.ECONOMIC_LOSS.key(), m.get(Metric.ECONOMIC_LOSS));
    o.put(Metric.PERSON_DAYS_WITHOUT_SERVICE.key(), m.get(Metric.PERSON_DAYS_WITHOUT_SERVICE));
    for (Metric metric : Metric.values()) {
      if (!o.has(metric.key())) {
        o.put(metric.key(), m.get(metric));
      }
    }
  }

  private static double round(double seconds) {
    return Math.round(seconds * 1000) / 1000.0;
  }
}
