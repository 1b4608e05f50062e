package org.corridorrisk.stats;

import java.util.Arrays;

/**
 * Summary statistics of one metric's per-trial values, as in {@code summary.json}.
 *
 * <p>Definitions (one throughout the project): {@code std} is the sample standard deviation (n - 1;
 * 0 for one trial); {@code ci95} is the normal-approximation interval mean +- 1.959964 std /
 * sqrt(n); percentiles use the nearest-rank definition, the {@code ceil(p n)}-th smallest value
 * (the smallest for p n < 1); {@code var95} = p95; {@code cvar95} is the mean of the largest {@code
 * ceil(0.05 n)} values.
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
    double max) {

  /** z value of a two-sided 95% normal interval. */
  public static final double Z95 = 1.959963984540054;

  /** Summarizes the values (not modified). Requires at least one value. */
  public static MetricSummary of(double[] values) {
    return of(values, values.length);
  }

  /** Summarizes the first {@code n} values (not modified). Requires n >= 1. */
  public static MetricSummary of(double[] values, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one value but had " + n);
    }
    double mean = Sums.mean(values, n);
    double std = Sums.sampleStd(values, n, mean);
    double half = Z95 * std / Math.sqrt(n);
    double[] sorted = Arrays.copyOf(values, n);
    Arrays.sort(sorted);
    int tail = (int) Math.ceil(0.05 * n);
    double tailSum = 0;
    double c = 0;
    for (int i = n - tail; i < n; i++) {
      double y = sorted[i] - c;
      double t = tailSum + y;
      c = (t - tailSum) - y;
      tailSum = t;
    }
    return new MetricSummary(
        mean,
        std,
        mean - half,
        mean + half,
        percentile(sorted, 0.50),
        percentile(sorted, 0.90),
        percentile(sorted, 0.95),
        percentile(sorted, 0.99),
        percentile(sorted, 0.95),
        tailSum / tail,
        sorted[n - 1]);
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

  /** Half-width of the 95% confidence interval of the mean. */
  public double ci95HalfWidth() {
    return 0.5 * (ci95High - ci95Low);
  }
}
