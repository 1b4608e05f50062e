package org.corridorrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The p99 interval's upper end exists only when some order statistic bounds p99 with 97.5%
 * confidence: the largest of n values lies above p99 with probability {@code 1 - 0.99^n}, which
 * reaches 0.975 only at n = 368. Below that the upper end is NaN (null in the JSON), never the
 * maximum passed off as a bound.
 */
class QuantileIntervalTest {
  private static double[] ramp(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = i + 1;
    }
    return v;
  }

  @Test
  void p99UpperEnd_fewerTrialsThanAnyOrderStatisticBounds_isNaN() {
    for (int n : new int[] {1, 2, 10, 100, 200, 367}) {
      MetricSummary m = MetricSummary.of(ramp(n));
      assertTrue(Double.isNaN(m.p99High()), n + " trials: p99_ci95_high was " + m.p99High());
      assertFalse(Double.isNaN(m.p99Low()), n + " trials: the lower end exists");
    }
  }

  @Test
  void p99UpperEnd_enoughTrials_isAnOrderStatistic() {
    assertEquals(368, MetricSummary.of(ramp(368)).p99High());
    MetricSummary m = MetricSummary.of(ramp(10_000));
    long[] ranks = Intervals.quantileRanks(10_000, 0.99);
    assertEquals(ranks[1], m.p99High());
    assertEquals(ranks[0], m.p99Low());
  }

  @Test
  void upperBoundExists_matchesTheBinomialBound() {
    assertFalse(Intervals.quantileUpperBounded(367, 0.99));
    assertTrue(Intervals.quantileUpperBounded(368, 0.99));
    assertTrue(Intervals.quantileLowerBounded(1, 0.99));
    assertFalse(Intervals.quantileLowerBounded(5, 0.5));
    assertTrue(Intervals.quantileLowerBounded(6, 0.5));
  }

  @Test
  void p99UpperEnd_fromTheSketch_isNaNWithFewTrialsToo() {
    MetricAccumulator acc = MetricAccumulator.ofValues(ramp(100), 100, true);
    assertTrue(Double.isNaN(MetricSummary.of(acc, null).p99High()));
    MetricAccumulator enough = MetricAccumulator.ofValues(ramp(1000), 1000, true);
    assertFalse(Double.isNaN(MetricSummary.of(enough, null).p99High()));
  }
}
