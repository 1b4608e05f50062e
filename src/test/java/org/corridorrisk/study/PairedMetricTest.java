package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.stats.MetricSummary;
import org.junit.jupiter.api.Test;

class PairedMetricTest {

  private static final double[] BASE = {10, 20, 30, 40};
  private static final double[] MIT = {8, 20, 31, 30};

  @Test
  void of_handComputedPairs_meanReductionIsMeanOfDifferences() {
    // d = 2, 0, -1, 10
    assertEquals(2.75, PairedMetric.of(BASE, MIT, 4).meanReduction(), 1e-12);
  }

  @Test
  void of_handComputedPairs_intervalUsesPairedStandardDeviation() {
    PairedMetric p = PairedMetric.of(BASE, MIT, 4);
    double sd = Math.sqrt((0.5625 + 7.5625 + 14.0625 + 52.5625) / 3);
    assertEquals(sd, p.reductionStd(), 1e-12);
    // Hall's skew-corrected interval by hand: deviations -0.75, -2.75, -3.75, 7.25 give
    // m2 = 74.75 and m3 = -0.421875 - 20.796875 - 52.734375 + 381.078125 = 307.125; skewness
    // g = (m3 / 4) / (m2 / 4)^1.5; A = g / (3 sqrt 4), b = g / (6 sqrt 4);
    // G^-1(z) = (cbrt(1 + 3 A (z - b)) - 1) / A; interval 2.75 - se G^-1(+-1.96), se = sd / 2
    double g = (307.125 / 4) / Math.pow(74.75 / 4, 1.5);
    double a = g / 6;
    double b = g / 12;
    double se = sd / 2;
    double up = (Math.cbrt(1 + 3 * a * (MetricSummary.Z95 - b)) - 1) / a;
    double down = (Math.cbrt(1 + 3 * a * (-MetricSummary.Z95 - b)) - 1) / a;
    assertEquals(2.75 - se * up, p.reductionCi95Low(), 1e-12);
    assertEquals(2.75 - se * down, p.reductionCi95High(), 1e-12);
    // right-skewed differences: the upper side is longer than the normal interval's
    assertTrue(p.reductionCi95High() - 2.75 > MetricSummary.Z95 * se);
  }

  @Test
  void sharesCarryWilsonIntervals() {
    PairedMetric p = PairedMetric.of(BASE, MIT, 4);
    // 2 better of 4: Wilson centre (0.5 + z^2/8) / (1 + z^2/4) = 0.5
    assertEquals(0.5, (p.betterCi95()[0] + p.betterCi95()[1]) / 2, 1e-12);
    assertTrue(p.betterCi95()[0] < 0.5 && p.betterCi95()[1] > 0.5);
    assertTrue(p.worseCi95()[0] < 0.25 && p.worseCi95()[1] > 0.25);
  }

  @Test
  void of_handComputedPairs_sharesCountStrictImprovementsAndWorsenings() {
    PairedMetric p = PairedMetric.of(BASE, MIT, 4);
    assertEquals(0.5, p.shareOfTrialsBetter());
    assertEquals(0.25, p.shareOfTrialsWorse());
  }

  @Test
  void of_handComputedPairs_relativeReductionIsShareOfBaselineMean() {
    PairedMetric p = PairedMetric.of(BASE, MIT, 4);
    assertEquals(25, p.baselineMean(), 1e-12);
    assertEquals(0.11, p.relativeReduction(), 1e-12);
    assertTrue(p.relativeCi95Low() < 0.11 && p.relativeCi95High() > 0.11);
  }

  @Test
  void of_handComputedPairs_mitigatedSummaryIsOfMitigatedValues() {
    assertEquals(MetricSummary.of(MIT), PairedMetric.of(BASE, MIT, 4).mitigated());
  }

  @Test
  void of_handComputedPairs_varianceReductionFactorIsSumOfVariancesOverPairedVariance() {
    // Var(b) = 500/3, Var(m) = 344.75/3 (mean 22.25), Var(d) = 74.75/3
    PairedMetric p = PairedMetric.of(BASE, MIT, 4);
    assertEquals((500 + 344.75) / 74.75, p.varianceReductionFactor(), 1e-12);
  }

  @Test
  void of_identicalValues_zeroReductionAndNoChangedTrial() {
    PairedMetric p = PairedMetric.of(BASE, BASE.clone(), 4);
    assertEquals(0, p.meanReduction());
    assertEquals(0, p.reductionCi95Low());
    assertEquals(0, p.reductionCi95High());
    assertTrue(p.unchanged());
  }

  @Test
  void of_roundOffDifference_countsAsTie() {
    double[] b = {1e9, 3.0};
    double[] m = {1e9 * (1 + 1e-14), 3.0 * (1 - 1e-15)};
    PairedMetric p = PairedMetric.of(b, m, 2);
    assertEquals(0, p.shareOfTrialsWorse());
    assertEquals(0, p.shareOfTrialsBetter());
  }

  @Test
  void of_roundOffDifferencesOnly_zeroReductionWithIntervalAtZero() {
    // every trial ties within the tolerance, all round-off on the same side: no change is
    // reported, so the reduction, its interval and the relative reduction are exactly 0
    double[] b = {1e9, 2e9, 3.0};
    double[] m = {1e9 + 1e-5, 2e9 + 2e-5, 3.0 * (1 + 1e-15)};
    PairedMetric p = PairedMetric.of(b, m, 3);
    assertTrue(p.unchanged());
    assertEquals(0, p.meanReduction());
    assertEquals(0, p.reductionCi95Low());
    assertEquals(0, p.reductionCi95High());
    assertEquals(0, p.relativeReduction());
    assertTrue(Double.isNaN(p.varianceReductionFactor()));
    for (double d : PairedMetric.differences(b, m, 3)) {
      assertEquals(0, d);
    }
  }

  @Test
  void of_zeroBaselineMean_relativeReductionIsNaN() {
    PairedMetric p = PairedMetric.of(new double[] {0, 0}, new double[] {0, 1}, 2);
    assertTrue(Double.isNaN(p.relativeReduction()));
    assertEquals(0.5, p.shareOfTrialsWorse());
  }

  @Test
  void of_usesOnlyTheFirstNTrials() {
    PairedMetric p = PairedMetric.of(new double[] {5, 5, 100}, new double[] {4, 4, 0}, 2);
    assertEquals(1, p.meanReduction(), 1e-12);
  }

  @Test
  void of_arrayShorterThanN_rejected() {
    assertThrows(IllegalArgumentException.class, () -> PairedMetric.of(BASE, new double[] {1}, 4));
  }
}
