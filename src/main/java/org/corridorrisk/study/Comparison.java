package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.MetricSummary;

/**
 * A baseline study compared with mitigated studies of the same seed and trial count (common random
 * numbers: trial k of every variant saw the same attempt times, target choices, success and repair
 * draws wherever its patch left those inputs unchanged).
 *
 * <p>Design note: this class works only on the per-trial arrays of {@link StudyResult}; it neither
 * runs nor patches scenarios ({@link ComparisonRunner} runs them, the CLI patches them). That keeps
 * the statistics testable with synthetic arrays. Mitigations keep the order they were given in;
 * {@link #ranking()} orders them by benefit-cost ratio.
 */
public final class Comparison {
  private final StudyResult baseline;
  private final Map<Metric, MetricSummary> baselineMetrics;
  private final List<MitigationComparison> mitigations;
  private final Metric headlineMetric;

  private Comparison(
      StudyResult baseline,
      Map<Metric, MetricSummary> baselineMetrics,
      List<MitigationComparison> mitigations,
      Metric headlineMetric) {
    this.baseline = baseline;
    this.baselineMetrics = baselineMetrics;
    this.mitigations = List.copyOf(mitigations);
    this.headlineMetric = headlineMetric;
  }

  /**
   * Compares each mitigated run with the baseline, trial by trial.
   *
   * @throws IllegalArgumentException when a run has another seed or trial count than the baseline,
   *     or two runs share an id
   */
  public static Comparison of(StudyResult baseline, List<MitigatedRun> runs) {
    if (!baseline.exact()) {
      throw new IllegalArgumentException(
          "paired comparison needs every trial's values but the baseline kept "
              + baseline.keptTrials()
              + " of "
              + baseline.trials()
              + " trials");
    }
    int n = baseline.keptTrials();
    Set<String> ids = new HashSet<>();
    for (MitigatedRun r : runs) {
      if (!ids.add(r.id())) {
        throw new IllegalArgumentException("mitigation '" + r.id() + "' is listed twice");
      }
      if (r.result().trials() != n) {
        throw new IllegalArgumentException(
            "mitigation '"
                + r.id()
                + "' ran "
                + r.result().trials()
                + " trials but the baseline ran "
                + n
                + "; paired comparison needs the same trials");
      }
      if (r.result().options().seed() != baseline.options().seed()) {
        throw new IllegalArgumentException(
            "mitigation '"
                + r.id()
                + "' ran with seed "
                + r.result().options().seed()
                + " but the baseline with seed "
                + baseline.options().seed()
                + "; common random numbers need the same seed");
      }
    }
    Map<Metric, MetricSummary> baseMetrics = new EnumMap<>(Metric.class);
    for (Metric m : Metric.values()) {
      baseMetrics.put(m, baseline.summary(m));
    }
    Metric headline = headlineMetric(baseMetrics);

    List<Map<Metric, PairedMetric>> paired = new ArrayList<>();
    double[] reduction = new double[runs.size()];
    double[] score = new double[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      MitigatedRun r = runs.get(i);
      Map<Metric, PairedMetric> byMetric = new EnumMap<>(Metric.class);
      for (Metric m : Metric.values()) {
        byMetric.put(m, PairedMetric.of(baseline.values(m), r.result().values(m), n));
      }
      paired.add(byMetric);
      reduction[i] = byMetric.get(Metric.ECONOMIC_LOSS).meanReduction();
      score[i] = rankingScore(reduction[i], r.costUsd());
    }
    int[] rank = ranks(runs, reduction, score);
    boolean[] efficient = efficientSet(runs, reduction);

    List<MitigationComparison> out = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      MitigatedRun r = runs.get(i);
      PairedMetric econ = paired.get(i).get(Metric.ECONOMIC_LOSS);
      double cost = r.costUsd();
      double bcr = cost > 0 ? econ.meanReduction() / cost : Double.NaN;
      double bcrLow = cost > 0 ? econ.reductionCi95Low() / cost : Double.NaN;
      double bcrHigh = cost > 0 ? econ.reductionCi95High() / cost : Double.NaN;
      String verdict = Verdicts.sentence(headline, paired.get(i), cost, bcr);
      out.add(
          new MitigationComparison(
              r, paired.get(i), bcr, bcrLow, bcrHigh, rank[i], efficient[i], verdict));
    }
    return new Comparison(baseline, baseMetrics, out, headline);
  }

  /**
   * The metric the verdicts lead with: person-days without service when the baseline has any, else
   * economic loss when it has any, else the unserved fraction.
   */
  static Metric headlineMetric(Map<Metric, MetricSummary> baseMetrics) {
    if (baseMetrics.get(Metric.PERSON_DAYS_WITHOUT_SERVICE).mean() > 0) {
      return Metric.PERSON_DAYS_WITHOUT_SERVICE;
    }
    if (baseMetrics.get(Metric.ECONOMIC_LOSS).mean() > 0) {
      return Metric.ECONOMIC_LOSS;
    }
    return Metric.UNSERVED_FRACTION;
  }

  /** Benefit-cost ratio, with a free mitigation that helps ranked above any ratio. */
  private static double rankingScore(double reduction, double cost) {
    if (cost > 0) {
      return reduction / cost;
    }
    if (reduction > 0) {
      return Double.POSITIVE_INFINITY;
    }
    return reduction < 0 ? Double.NEGATIVE_INFINITY : 0;
  }

  private static int[] ranks(List<MitigatedRun> runs, double[] reduction, double[] score) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < runs.size(); i++) {
      order.add(i);
    }
    order.sort(
        Comparator.<Integer>comparingDouble(i -> -score[i])
            .thenComparingDouble(i -> -reduction[i])
            .thenComparingDouble(i -> runs.get(i).costUsd())
            .thenComparing(i -> runs.get(i).id()));
    int[] rank = new int[runs.size()];
    for (int pos = 0; pos < order.size(); pos++) {
      rank[order.get(pos)] = pos + 1;
    }
    return rank;
  }

  /**
   * Pareto frontier of (cost, mean economic-loss reduction): not dominated by another mitigation
   * nor by doing nothing (cost 0, reduction 0).
   */
  static boolean[] efficientSet(List<MitigatedRun> runs, double[] reduction) {
    boolean[] efficient = new boolean[runs.size()];
    for (int i = 0; i < runs.size(); i++) {
      double cost = runs.get(i).costUsd();
      boolean dominated = dominates(0, 0, cost, reduction[i]);
      for (int j = 0; j < runs.size() && !dominated; j++) {
        dominated = j != i && dominates(runs.get(j).costUsd(), reduction[j], cost, reduction[i]);
      }
      efficient[i] = !dominated;
    }
    return efficient;
  }

  private static boolean dominates(double costA, double redA, double costB, double redB) {
    return costA <= costB && redA >= redB && (costA < costB || redA > redB);
  }

  /** The baseline study. */
  public StudyResult baseline() {
    return baseline;
  }

  /** Trials of every run (the baseline's, after any early stop). */
  public int trials() {
    return baseline.keptTrials();
  }

  /** Statistics of the baseline per metric. */
  public MetricSummary baselineMetric(Metric metric) {
    return baselineMetrics.get(metric);
  }

  /** The mitigations in the order they were given. */
  public List<MitigationComparison> mitigations() {
    return mitigations;
  }

  /** The mitigations best first: by benefit-cost ratio, free helpful ones first. */
  public List<MitigationComparison> ranking() {
    List<MitigationComparison> sorted = new ArrayList<>(mitigations);
    sorted.sort(Comparator.comparingInt(MitigationComparison::rank));
    return sorted;
  }

  /** The metric the verdicts lead with. */
  public Metric headlineMetric() {
    return headlineMetric;
  }

  /** Paired differences {@code baseline - mitigated} of one metric, in trial order. */
  public double[] differences(MitigationComparison mitigation, Metric metric) {
    return PairedMetric.differences(
        baseline.values(metric), mitigation.run().result().values(metric), trials());
  }
}
