package org.corridorrisk.study;

import java.util.Map;
import org.corridorrisk.impact.Metric;

/**
 * How one mitigation (or portfolio) compares with the baseline, per metric, on common random
 * numbers.
 *
 * @param run the mitigation and its study
 * @param metrics per metric, in {@link Metric} order
 * @param benefitCostRatio mean reduction of {@code economic_loss} / cost; {@code NaN} when the cost
 *     is 0 (undefined)
 * @param benefitCostCi95Low the reduction's 95% interval bounds divided by the cost; NaN when the
 *     cost is 0
 * @param benefitCostCi95High see {@code benefitCostCi95Low}
 * @param rank 1 = best in the ranking of {@link Comparison#ranking()}
 * @param efficient whether it is on the efficient set: no other mitigation (and not doing nothing,
 *     at cost 0 and reduction 0) costs at most as much and reduces the mean economic loss at least
 *     as much, one of them strictly
 * @param verdict a plain-language sentence for planners
 */
public record MitigationComparison(
    MitigatedRun run,
    Map<Metric, PairedMetric> metrics,
    double benefitCostRatio,
    double benefitCostCi95Low,
    double benefitCostCi95High,
    int rank,
    boolean efficient,
    String verdict) {

  public MitigationComparison {
    metrics = Map.copyOf(metrics);
  }

  public String id() {
    return run.id();
  }

  public double costUsd() {
    return run.costUsd();
  }

  /** The comparison of one metric. */
  public PairedMetric metric(Metric metric) {
    return metrics.get(metric);
  }
}
