package org.corridorrisk.stats;

/**
 * The {@code --target-ci} rule: a study may stop once the 95% confidence interval of a mean (the
 * project's honest interval, {@link Intervals#mean}; its larger side) is within a share of the
 * mean's magnitude and the mean does not rest on few trials ({@link Intervals#FEW_TRIALS}). A
 * sample that is all zeros (mean 0, std 0) counts as converged here; the engine does not stop on it
 * while a threat can still strike ({@code MonteCarlo.targetReached}).
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
    return converged(MetricAccumulator.ofValues(values, n).moments(), relative);
  }

  /** As above, from the accumulated moments. */
  public static boolean converged(Moments m, double relative) {
    if (m.count() < 2) {
      return false;
    }
    if (m.sampleStd() == 0) {
      return true;
    }
    if (m.effectiveCount() < Intervals.FEW_TRIALS) {
      return false;
    }
    double[] ci = Intervals.mean(m);
    double half = Math.max(m.mean() - ci[0], ci[1] - m.mean());
    return half <= relative * Math.abs(m.mean());
  }
}
