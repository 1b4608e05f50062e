package org.corridorrisk.stats;

/**
 * The {@code --target-ci} rule: a study may stop once the 95% confidence half-width of a mean
 * (normal approximation, {@link MetricSummary#Z95}) is within a share of the mean's magnitude. A
 * sample that is all zeros (mean 0, std 0) counts as converged.
 */
public final class StoppingRule {
  private StoppingRule() {}

  /**
   * Whether the first {@code n} values' mean is known to within {@code relative x |mean|}.
   *
   * @param relative e.g. 0.01 for 1%
   */
  public static boolean converged(double[] values, int n, double relative) {
    if (n < 2) {
      return false;
    }
    double mean = Sums.mean(values, n);
    double std = Sums.sampleStd(values, n, mean);
    if (std == 0) {
      return true;
    }
    return MetricSummary.Z95 * std / Math.sqrt(n) <= relative * Math.abs(mean);
  }
}
