package org.corridorrisk.study;

import org.corridorrisk.stats.Intervals;
import org.corridorrisk.stats.MetricAccumulator;
import org.corridorrisk.stats.MetricSummary;
import org.corridorrisk.stats.Moments;

/**
 * One metric of a mitigated scenario compared, trial by trial, with the baseline run on common
 * random numbers. The per-trial reduction is {@code baseline - mitigated}: positive means the
 * mitigation helped in that trial.
 *
 * <p>Design note: the interval of the mean reduction is computed from the paired differences, not
 * from the two marginal intervals. With common random numbers the two runs are strongly positively
 * correlated, so the paired interval is far narrower; combining the marginal intervals would ignore
 * that. It is the project's honest interval of a mean ({@link Intervals#mean}, Hall's
 * skew-corrected t), which keeps its coverage when a few trials carry the reduction (rare, long
 * outages), where the normal approximation covered the true reduction in only 80-86% of seeds. The
 * relative reduction is a ratio of two means; its interval applies the same skew-corrected interval
 * to the residuals {@code r_k = d_k - R b_k} (delta method: {@code R_hat - R ~ mean(r) / mean(b)}),
 * so it also carries the uncertainty of the baseline mean. Shares of trials better or worse carry
 * Wilson intervals.
 *
 * <p>Ties: a trial counts as better (worse) only when the mitigated value is below (above) the
 * baseline value by more than {@link #TIE_TOLERANCE} of the larger magnitude. This keeps
 * floating-point round-off of a differently ordered flow computation from being reported as a
 * change; any real change is many orders of magnitude larger. Such a trial also contributes a
 * difference of exactly 0 to the mean reduction and its interval, so a mitigation that changes no
 * trial reports a reduction of 0 with the interval [0, 0].
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
 * @param betterCi95 Wilson 95% interval {@code {low, high}} of {@code shareOfTrialsBetter}
 * @param worseCi95 Wilson 95% interval {@code {low, high}} of {@code shareOfTrialsWorse}
 * @param reductionEffectiveTrials Kish's effective number of trials carrying the mean reduction
 *     ({@code NaN} when no trial changed)
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
    double[] betterCi95,
    double[] worseCi95,
    double reductionEffectiveTrials,
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
    Moments momentsD = MetricAccumulator.ofValues(d, n).moments();
    double meanD = momentsD.mean();
    double sdD = momentsD.sampleStd();
    double[] ciD = Intervals.mean(momentsD);
    MetricSummary base = MetricSummary.of(baseline, n);
    double meanB = base.mean();
    double rel = Double.NaN;
    double relLow = Double.NaN;
    double relHigh = Double.NaN;
    if (meanB != 0) {
      rel = meanD / meanB;
      double[] residual = new double[n];
      for (int k = 0; k < n; k++) {
        residual[k] = d[k] - rel * baseline[k];
      }
      Moments r = MetricAccumulator.ofValues(residual, n).moments();
      double[] ciR = Intervals.mean(r);
      double a = rel + (ciR[0] - r.mean()) / meanB;
      double b = rel + (ciR[1] - r.mean()) / meanB;
      relLow = Math.min(a, b);
      relHigh = Math.max(a, b);
    }
    MetricSummary mit = MetricSummary.of(mitigated, n);
    double sdB = base.std();
    double factor = sdD > 0 ? (sdB * sdB + mit.std() * mit.std()) / (sdD * sdD) : Double.NaN;
    return new PairedMetric(
        mit,
        meanB,
        meanD,
        sdD,
        ciD[0],
        ciD[1],
        (double) better / n,
        (double) worse / n,
        rel,
        relLow,
        relHigh,
        Intervals.wilson(better, n),
        Intervals.wilson(worse, n),
        momentsD.effectiveCount(),
        factor);
  }

  /**
   * The paired differences {@code baseline[k] - mitigated[k]} of the first {@code n} trials; a
   * trial whose two values tie within {@link #TIE_TOLERANCE} has difference 0, so that round-off
   * which the shares of trials better and worse ignore does not move the mean reduction or its
   * interval either.
   */
  public static double[] differences(double[] baseline, double[] mitigated, int n) {
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = compare(mitigated[k], baseline[k]) == 0 ? 0 : baseline[k] - mitigated[k];
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

  /** Whether the mean reduction rests on few trials (some change, few effective trials). */
  public boolean fewTrials() {
    return reductionEffectiveTrials > 0 && reductionEffectiveTrials < Intervals.FEW_TRIALS;
  }

  /** Whether every trial was a tie (the mitigation changed nothing in this metric). */
  public boolean unchanged() {
    return shareOfTrialsBetter == 0 && shareOfTrialsWorse == 0;
  }
}
