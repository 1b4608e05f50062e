package org.corridorrisk.study;

import org.corridorrisk.stats.MetricSummary;
import org.corridorrisk.stats.Sums;

/**
 * One metric of a mitigated scenario compared, trial by trial, with the baseline run on common
 * random numbers. The per-trial reduction is {@code baseline - mitigated}: positive means the
 * mitigation helped in that trial.
 *
 * <p>Design note: the interval of the mean reduction is computed from the paired differences
 * (normal approximation, {@code mean +- 1.96 sd(d) / sqrt(n)}), not from the two marginal
 * intervals. With common random numbers the two runs are strongly positively correlated, so the
 * paired interval is far narrower; combining the marginal intervals would ignore that. The relative
 * reduction is a ratio of two means; its interval uses the delta method on the residuals {@code d_k
 * - R b_k}, so it also carries the uncertainty of the baseline mean.
 *
 * <p>Ties: a trial counts as better (worse) only when the mitigated value is below (above) the
 * baseline value by more than {@link #TIE_TOLERANCE} of the larger magnitude. This keeps
 * floating-point round-off of a differently ordered flow computation from being reported as a
 * change; any real change is many orders of magnitude larger.
 *
 * @param mitigated statistics of the mitigated scenario's per-trial values
 * @param baselineMean mean of the baseline's per-trial values
 * @param meanReduction mean of {@code baseline - mitigated} over the trials (metric units)
 * @param reductionStd sample standard deviation of the paired differences
 * @param reductionCi95Low lower bound of the 95% interval of {@code meanReduction}
 * @param reductionCi95High upper bound of the 95% interval of {@code meanReduction}
 * @param shareOfTrialsBetter share of trials with mitigated < baseline (0..1)
 * @param shareOfTrialsWorse share of trials with mitigated > baseline (0..1)
 * @param relativeReduction {@code meanReduction / baselineMean}; {@code NaN} when the baseline mean
 *     is 0
 * @param relativeCi95Low lower bound of the 95% interval of the relative reduction, or NaN
 * @param relativeCi95High upper bound of the 95% interval of the relative reduction, or NaN
 * @param varianceReductionFactor {@code (Var(b) + Var(m)) / Var(b - m)}: how many times larger the
 *     variance of the difference would be had the two runs used independent random numbers (for
 *     independent runs {@code Var(B - M) = Var(B) + Var(M)}); {@code NaN} when the paired
 *     differences do not vary
 */
public record PairedMetric(
    MetricSummary mitigated,
    double baselineMean,
    double meanReduction,
    double reductionStd,
    double reductionCi95Low,
    double reductionCi95High,
    double shareOfTrialsBetter,
    double shareOfTrialsWorse,
    double relativeReduction,
    double relativeCi95Low,
    double relativeCi95High,
    double varianceReductionFactor) {

  /** Relative difference below which two per-trial values count as equal. */
  public static final double TIE_TOLERANCE = 1e-9;

  /**
   * Compares the first {@code n} values of two per-trial arrays in trial order (not modified).
   *
   * @throws IllegalArgumentException when {@code n < 1} or an array is shorter than {@code n}
   */
  public static PairedMetric of(double[] baseline, double[] mitigated, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("need at least one trial but had " + n);
    }
    if (baseline.length < n || mitigated.length < n) {
      throw new IllegalArgumentException(
          "need "
              + n
              + " trials but baseline has "
              + baseline.length
              + " and mitigated has "
              + mitigated.length);
    }
    double[] d = differences(baseline, mitigated, n);
    int better = 0;
    int worse = 0;
    for (int k = 0; k < n; k++) {
      int c = compare(mitigated[k], baseline[k]);
      if (c < 0) {
        better++;
      } else if (c > 0) {
        worse++;
      }
    }
    double meanD = Sums.mean(d, n);
    double sdD = Sums.sampleStd(d, n, meanD);
    double half = MetricSummary.Z95 * sdD / Math.sqrt(n);
    double meanB = Sums.mean(baseline, n);
    double rel = Double.NaN;
    double relLow = Double.NaN;
    double relHigh = Double.NaN;
    if (meanB != 0) {
      rel = meanD / meanB;
      double[] residual = new double[n];
      for (int k = 0; k < n; k++) {
        residual[k] = d[k] - rel * baseline[k];
      }
      double sdR = Sums.sampleStd(residual, n, Sums.mean(residual, n));
      double relHalf = MetricSummary.Z95 * sdR / Math.sqrt(n) / Math.abs(meanB);
      relLow = rel - relHalf;
      relHigh = rel + relHalf;
    }
    MetricSummary mit = MetricSummary.of(mitigated, n);
    double sdB = Sums.sampleStd(baseline, n, meanB);
    double factor = sdD > 0 ? (sdB * sdB + mit.std() * mit.std()) / (sdD * sdD) : Double.NaN;
    return new PairedMetric(
        mit,
        meanB,
        meanD,
        sdD,
        meanD - half,
        meanD + half,
        (double) better / n,
        (double) worse / n,
        rel,
        relLow,
        relHigh,
        factor);
  }

  /** The paired differences {@code baseline[k] - mitigated[k]} of the first {@code n} trials. */
  public static double[] differences(double[] baseline, double[] mitigated, int n) {
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = baseline[k] - mitigated[k];
    }
    return d;
  }

  /**
   * -1 when {@code a} is smaller than {@code b} beyond the tie tolerance, +1 when larger, else 0.
   */
  static int compare(double a, double b) {
    double tol = TIE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
    if (a < b - tol) {
      return -1;
    }
    if (a > b + tol) {
      return 1;
    }
    return 0;
  }

  /** Whether every trial was a tie (the mitigation changed nothing in this metric). */
  public boolean unchanged() {
    return shareOfTrialsBetter == 0 && shareOfTrialsWorse == 0;
  }
}
