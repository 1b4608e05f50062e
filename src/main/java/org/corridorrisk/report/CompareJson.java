package org.corridorrisk.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.stats.MetricSummary;
import org.corridorrisk.study.Comparison;
import org.corridorrisk.study.MitigationComparison;
import org.corridorrisk.study.PairedMetric;

/**
 * Writes {@code compare.json} (format {@code corridor-risk/compare/v1}), the contract of {@code
 * docs/compare.md}: the baseline's metrics as in {@code summary.json}, then per mitigation its
 * cost, per-metric statistics of the mitigated run with the paired reduction, and the benefit-cost
 * ratio. Non-finite numbers (an undefined ratio) are written as {@code null}.
 */
public final class CompareJson {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "corridor-risk/compare/v1";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CompareJson() {}

  /** Writes the comparison to {@code file} (UTF-8, replacing it), run by the local engine. */
  public static void write(Comparison comparison, Path file) throws IOException {
    write(comparison, file, SummaryJson.LOCAL);
  }

  /**
   * Writes the comparison to {@code file} (UTF-8, replacing it), naming the engine that ran its
   * trials ({@code local}, {@code spark}).
   */
  public static void write(Comparison comparison, Path file, String engine) throws IOException {
    Files.writeString(file, MAPPER.writeValueAsString(toJson(comparison, engine)) + "\n");
  }

  /** The document as a Jackson tree (local engine). */
  public static ObjectNode toJson(Comparison c) {
    return toJson(c, SummaryJson.LOCAL);
  }

  /** The document as a Jackson tree, naming the engine that ran the trials. */
  public static ObjectNode toJson(Comparison c, String engine) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("scenario", c.baseline().scenario().name());
    root.put("trials", c.trials());
    root.put("seed", c.baseline().options().seed());
    root.put("engine", engine);
    root.put("currency", c.baseline().scenario().currency());
    root.put("headline_metric", c.headlineMetric().key());
    ObjectNode baselineMetrics = root.putObject("baseline").putObject("metrics");
    for (Metric m : Metric.values()) {
      putSummary(baselineMetrics.putObject(m.key()), c.baselineMetric(m));
    }
    ArrayNode list = root.putArray("mitigations");
    ArrayNode notes = MAPPER.createArrayNode();
    for (MitigationComparison mc : c.mitigations()) {
      ObjectNode o = list.addObject();
      o.put("id", mc.id());
      o.put("cost", mc.costUsd());
      o.put("portfolio", mc.run().portfolio());
      ArrayNode members = o.putArray("members");
      mc.run().members().forEach(members::add);
      ObjectNode metrics = o.putObject("metrics");
      for (Metric m : Metric.values()) {
        putPaired(metrics.putObject(m.key()), mc.metric(m));
      }
      putNumber(o, "benefit_cost_ratio", mc.benefitCostRatio());
      putNumber(o, "benefit_cost_ratio_ci95_low", mc.benefitCostCi95Low());
      putNumber(o, "benefit_cost_ratio_ci95_high", mc.benefitCostCi95High());
      o.put("rank", mc.rank());
      o.put("efficient", mc.efficient());
      o.put("verdict", mc.verdict());
      if (!(mc.costUsd() > 0)) {
        String note =
            "mitigation '"
                + mc.id()
                + "' has cost 0, so its benefit_cost_ratio is undefined (null)";
        o.put("note", note);
        notes.add(note);
      }
    }
    ArrayNode ranking = root.putArray("ranking");
    c.ranking().forEach(mc -> ranking.add(mc.id()));
    ArrayNode efficient = root.putArray("efficient_set");
    c.ranking().stream()
        .filter(MitigationComparison::efficient)
        .forEach(mc -> efficient.add(mc.id()));
    baselineNotes(c).forEach(notes::add);
    root.set("notes", notes);
    return root;
  }

  /**
   * What the report, compare.json and the terminal say about the baseline's estimates: each mean
   * that rests on few trials, a baseline in which no trial had a loss ({@link
   * SummaryJson#noLossNote}), and a {@code --target-ci} the baseline did not reach ({@link
   * SummaryJson#targetCiNote}).
   */
  public static List<String> baselineNotes(Comparison c) {
    List<String> out = new java.util.ArrayList<>();
    for (Metric metric : Metric.values()) {
      MetricSummary b = c.baselineMetric(metric);
      if (SummaryJson.few(b)) {
        out.add(
            String.format(
                java.util.Locale.ROOT,
                "the baseline mean %s rests on few trials (%,d with a loss, %.0f effective): %s;"
                    + " treat it as rough",
                metric.key(),
                b.trialsWithLoss(),
                b.effectiveTrials(),
                FewTrials.intervalClause(b)));
      }
    }
    String noLoss = SummaryJson.noLossNote(c.baseline());
    if (noLoss != null) {
      out.add("baseline: " + noLoss);
    }
    String target = SummaryJson.targetCiNote(c.baseline());
    if (target != null) {
      out.add("baseline: " + target);
    }
    return out;
  }

  /** The {@code summary.json} keys of one metric. */
  static void putSummary(ObjectNode o, MetricSummary s) {
    putNumber(o, "mean", s.mean());
    putNumber(o, "std", s.std());
    putNumber(o, "ci95_low", s.ci95Low());
    putNumber(o, "ci95_high", s.ci95High());
    putNumber(o, "p50", s.p50());
    putNumber(o, "p90", s.p90());
    putNumber(o, "p95", s.p95());
    putNumber(o, "p99", s.p99());
    putNumber(o, "var95", s.var95());
    putNumber(o, "cvar95", s.cvar95());
    putNumber(o, "max", s.max());
    putNumber(o, "p99_ci95_low", s.p99Low());
    putNumber(o, "p99_ci95_high", s.p99High());
    putNumber(o, "cvar95_ci95_low", s.cvar95Low());
    putNumber(o, "cvar95_ci95_high", s.cvar95High());
    o.put("trials_with_loss", s.trialsWithLoss());
    putNumber(o, "share_with_loss", s.shareWithLoss());
    putNumber(o, "share_with_loss_ci95_low", s.shareWithLossLow());
    putNumber(o, "share_with_loss_ci95_high", s.shareWithLossHigh());
    putNumber(o, "effective_trials", Double.isNaN(s.effectiveTrials()) ? 0 : s.effectiveTrials());
    o.put("few_trials", SummaryJson.few(s));
  }

  private static void putPaired(ObjectNode o, PairedMetric p) {
    putSummary(o, p.mitigated());
    putNumber(o, "mean_reduction", p.meanReduction());
    putNumber(o, "reduction_ci95_low", p.reductionCi95Low());
    putNumber(o, "reduction_ci95_high", p.reductionCi95High());
    putNumber(o, "share_of_trials_better", p.shareOfTrialsBetter());
    putNumber(o, "share_of_trials_worse", p.shareOfTrialsWorse());
    putNumber(o, "share_of_trials_better_ci95_low", p.betterCi95()[0]);
    putNumber(o, "share_of_trials_better_ci95_high", p.betterCi95()[1]);
    putNumber(o, "share_of_trials_worse_ci95_low", p.worseCi95()[0]);
    putNumber(o, "share_of_trials_worse_ci95_high", p.worseCi95()[1]);
    putNumber(
        o,
        "reduction_effective_trials",
        Double.isNaN(p.reductionEffectiveTrials()) ? 0 : p.reductionEffectiveTrials());
    o.put("reduction_few_trials", p.fewTrials());
    putNumber(o, "reduction_std", p.reductionStd());
    putNumber(o, "relative_reduction", p.relativeReduction());
    putNumber(o, "relative_reduction_ci95_low", p.relativeCi95Low());
    putNumber(o, "relative_reduction_ci95_high", p.relativeCi95High());
    putNumber(o, "variance_reduction_factor", p.varianceReductionFactor());
  }

  private static void putNumber(ObjectNode o, String key, double value) {
    if (Double.isFinite(value)) {
      o.put(key, value);
    } else {
      o.putNull(key);
    }
  }
}
