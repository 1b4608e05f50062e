package org.corridorrisk.stats;

/**
 * Summary statistics of one metric's per-trial values, as in {@code summary.json}.
 *
 * <p>Definitions (one throughout the project): {@code std} is the sample standard deviation (n - 1;
 * 0 for one trial); {@code ci95} is Hall's skew-corrected interval of the mean ({@link
 * Intervals#mean}); percentiles use the nearest-rank definition, the {@code ceil(p n)}-th smallest
 * value (the smallest for p n < 1); {@code var95} = p95; {@code cvar95} is the mean of the largest
 * {@code ceil(0.05 n)} values. Percentiles are exact when the sorted values are given, else from
 * the accumulator's {@link LogHistogram} (relative error {@link LogHistogram#RELATIVE_ERROR}).
 *
 * @param trials number of trials summarized
 * @param trialsWithLoss trials with a value above zero
 * @param shareWithLossLow Wilson 95% interval of the share of trials with a value above zero
 * @param shareWithLossHigh see {@code shareWithLossLow}
 * @param effectiveTrials Kish's effective number of trials carrying the mean ({@code NaN} when all
 *     values are 0); the estimate rests on few trials when it is below {@link Intervals#FEW_TRIALS}
 * @param p99Low order-statistic 95% interval of p99; an end is {@code NaN} (null in the JSON) when
 *     too few trials were run for any order statistic to bound p99 on that side ({@link
 *     Intervals#quantileUpperBounded}: the upper end needs 368 trials)
 * @param p99High see {@code p99Low}
 * @param cvar95Low 95% interval of cvar95 ({@link Intervals#cvar}); {@code NaN} (null in the JSON)
 *     with fewer than 2 tail trials (fewer than 21 trials)
 * @param cvar95High see {@code cvar95Low}
 * @param exactPercentiles whether the percentiles are exact order statistics
 */
public record MetricSummary(
    double mean,
    double std,
    double ci95Low,
    double ci95High,
    double p50,
    double p90,
    double p95,
    double p99,
    double var95,
    double cvar95,
    double max,
    long trials,
    long trialsWithLoss,
    double shareWithLossLow,
    double shareWithLossHigh,
    double effectiveTrials,
    double p99Low,
    double p99High,
    double cvar95Low,
    double cvar95High,
    boolean exactPercentiles) {

  /** z value of a two-sided 95% normal interval. */
  public static final double Z95 = Intervals.Z95;

  /** Summarizes the values (not modified), exactly. Requires at least one value. */
  public static MetricSummary of(double[] values) {
    return of(values, values.length);
  }

  /** Summarizes the first {@code n} values (not modified), exactly. Requires n >= 1. */
  public static MetricSummary of(double[] values, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one value but had " + n);
    }
    return of(MetricAccumulator.ofValues(values, n), SummaryOrder.forSummary(values, n));
  }

  /**
   * Summarizes an accumulator; percentiles exact from {@code sorted} (all the trials' values in
   * ascending order, or at least ordered as {@link SummaryOrder#forSummary} leaves them) when
   * given, else from the sketch.
   */
  public static MetricSummary of(MetricAccumulator acc, double[] sorted) {
    long n = acc.count();
    if (n < 1) {
      throw new IllegalArgumentException("need at least one value but had " + n);
    }
    if (sorted == null && !acc.hasSketch()) {
      throw new IllegalArgumentException(
          "an accumulator without a sketch needs the sorted values for its percentiles");
    }
    if (sorted != null && sorted.length != n) {
      throw new IllegalArgumentException(
          "sorted values: " + sorted.length + " but the accumulator has " + n);
    }
    Moments m = acc.moments();
    double[] ci = Intervals.mean(m);
    double[] share = Intervals.wilson(acc.positive(), n);
    long tail = (long) Math.ceil(0.05 * n);
    long[] p99Ranks = Intervals.quantileRanks(n, 0.99);
    double p50;
    double p90;
    double p95;
    double p99;
    double p99Low;
    double p99High;
    double cvar;
    double tailVar;
    double tailSkew;
    double max;
    if (sorted != null) {
      p50 = percentile(sorted, 0.50);
      p90 = percentile(sorted, 0.90);
      p95 = percentile(sorted, 0.95);
      p99 = percentile(sorted, 0.99);
      p99Low = sorted[(int) p99Ranks[0] - 1];
      p99High = sorted[(int) p99Ranks[1] - 1];
      int t = (int) tail;
      double tailSum = 0;
      double c = 0;
      for (int i = sorted.length - t; i < sorted.length; i++) {
        double y = sorted[i] - c;
        double s = tailSum + y;
        c = (s - tailSum) - y;
        tailSum = s;
      }
      cvar = tailSum / t;
      double ss = 0;
      double s3 = 0;
      for (int i = sorted.length - t; i < sorted.length; i++) {
        double d = sorted[i] - cvar;
        ss += d * d;
        s3 += d * d * d;
      }
      tailVar = t > 1 ? ss / (t - 1) : 0;
      tailSkew = Intervals.adjustedSkewness(t, ss, s3);
      max = sorted[sorted.length - 1];
    } else {
      LogHistogram h = acc.sketch();
      p50 = h.quantile(0.50);
      p90 = h.quantile(0.90);
      p95 = h.quantile(0.95);
      p99 = h.quantile(0.99);
      p99Low = h.valueAtRank(p99Ranks[0]);
      p99High = h.valueAtRank(p99Ranks[1]);
      double[] top = h.topMoments(tail);
      cvar = top[0];
      tailVar = top[1];
      tailSkew = top[2];
      max = h.max();
    }
    if (!Intervals.quantileUpperBounded(n, 0.99)) {
      p99High = Double.NaN; // no order statistic is a bound: the maximum is no upper end
    }
    if (!Intervals.quantileLowerBounded(n, 0.99)) {
      p99Low = Double.NaN;
    }
    double[] cvarCi = Intervals.cvar(cvar, p95, tailVar, tailSkew, n, 0.05);
    if (acc.negative() == 0) {
      // no value below 0: neither the mean nor the expected shortfall can be (an interval's lower
      // end below 0 only says the sample is small; cutting it there keeps its coverage)
      ci[0] = Math.max(0, ci[0]);
      cvarCi[0] = Double.isNaN(cvarCi[0]) ? cvarCi[0] : Math.max(0, cvarCi[0]);
    }
    return new MetricSummary(
        m.mean(),
        m.sampleStd(),
        ci[0],
        ci[1],
        p50,
        p90,
        p95,
        p99,
        p95,
        cvar,
        max,
        n,
        acc.positive(),
        share[0],
        share[1],
        m.effectiveCount(),
        p99Low,
        p99High,
        cvarCi[0],
        cvarCi[1],
        sorted != null);
  }

  /**
   * Nearest-rank percentile of sorted values: the ceil(p n)-th smallest (1-based), at least the
   * first.
   */
  public static double percentile(double[] sorted, double p) {
    int n = sorted.length;
    int rank = (int) Math.ceil(p * n - 1e-9);
    return sorted[Math.max(0, Math.min(n, rank) - 1)];
  }

  /** Half-width of the 95% confidence interval of the mean (the larger side). */
  public double ci95HalfWidth() {
    return Math.max(mean - ci95Low, ci95High - mean);
  }

  /** Whether the mean rests on few trials (effective trials below {@link Intervals#FEW_TRIALS}). */
  public boolean fewTrials() {
    return effectiveTrials < Intervals.FEW_TRIALS;
  }

  /** Share of trials with a value above zero. */
  public double shareWithLoss() {
    return (double) trialsWithLoss / trials;
  }
}
