package org.corridorrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccumulatorTest {
  private static double[] heavy(int n, long seed) {
    Random r = new Random(seed);
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = r.nextDouble() < 0.1 ? Math.exp(3 * r.nextGaussian()) * 1e6 : 0;
    }
    return v;
  }

  @Test
  void momentsMatchTwoPassFormulas() {
    double[] v = {3, 1, 4, 1, 5, 9, 2, 6};
    Moments m = new Moments();
    for (double x : v) {
      m.add(x);
    }
    // by hand: mean 31/8 = 3.875; squared deviations: sum of squares 173 - 31^2/8 = 52.875
    assertEquals(3.875, m.mean(), 1e-12);
    assertEquals(52.875, m.m2(), 1e-9);
    double m3 = 0;
    for (double x : v) {
      m3 += Math.pow(x - 3.875, 3);
    }
    assertEquals(m3, m.m3(), 1e-9);
    // merging two halves gives the same moments as one pass
    Moments a = new Moments();
    Moments b = new Moments();
    for (int i = 0; i < 3; i++) {
      a.add(v[i]);
    }
    for (int i = 3; i < v.length; i++) {
      b.add(v[i]);
    }
    a.merge(b);
    assertEquals(m.mean(), a.mean(), 1e-12);
    assertEquals(m.m2(), a.m2(), 1e-9);
    assertEquals(m.m3(), a.m3(), 1e-9);
    // Kish: four equal non-zero values of eight carry the sum -> effective count 4
    Moments k = new Moments();
    for (double x : new double[] {0, 2, 0, 2, 0, 2, 0, 2}) {
      k.add(x);
    }
    assertEquals(4.0, k.effectiveCount(), 1e-12);
  }

  @Test
  void batchTreeIsTheSameForAnyAlignedPartitioning() {
    double[] v = heavy(123_456, 3);
    MetricAccumulator whole = MetricAccumulator.ofValues(v, v.length);
    int batches = (v.length + BatchTree.BATCH - 1) / BatchTree.BATCH;
    // partitions of 2^j batches (and a last partial one), each with its own tree, then pushed
    for (int j : new int[] {0, 3, 7, 10}) {
      int part = 1 << j;
      BatchTree<MetricAccumulator> driver = new BatchTree<>(MetricAccumulator::merge);
      for (int p0 = 0; p0 < batches; p0 += part) {
        BatchTree<MetricAccumulator> local = new BatchTree<>(MetricAccumulator::merge);
        for (int b = p0; b < Math.min(batches, p0 + part); b++) {
          MetricAccumulator a = new MetricAccumulator();
          for (int i = b * BatchTree.BATCH;
              i < Math.min(v.length, (b + 1) * BatchTree.BATCH);
              i++) {
            a.add(v[i]);
          }
          local.push(a, 1);
        }
        for (BatchTree.Block<MetricAccumulator> block : local.blocks()) {
          driver.push(block.value(), block.size());
        }
      }
      assertTrue(whole.sameAs(driver.total()), "partitions of " + part + " batches");
    }
  }

  @Test
  void withoutASketchTheMomentsCountsAndExactSummaryAreTheSame() {
    double[] v = heavy(12_345, 9);
    for (int i = 0; i < v.length; i += 5) {
      v[i] = -v[i] / 2;
    }
    MetricAccumulator with = MetricAccumulator.ofValues(v, v.length, true);
    MetricAccumulator without = MetricAccumulator.ofValues(v, v.length, false);
    assertTrue(with.hasSketch());
    assertFalse(without.hasSketch());
    assertTrue(with.moments().sameAs(without.moments()));
    assertEquals(with.positive(), without.positive());
    assertEquals(with.negative(), without.negative());
    assertTrue(with.positive() > 0 && with.negative() > 0);
    // one with a sketch and one without are not the same accumulator
    assertFalse(with.sameAs(without));
    assertFalse(without.sameAs(with));
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    assertEquals(MetricSummary.of(with, sorted), MetricSummary.of(without, sorted));
    // percentiles of an accumulator without a sketch need the sorted values
    assertThrows(IllegalArgumentException.class, () -> MetricSummary.of(without, null));
    assertThrows(IllegalStateException.class, without::sketch);
    // merging: a sketch-less accumulator takes anything; one with a sketch needs one
    MetricAccumulator a = new MetricAccumulator(false);
    a.merge(with);
    assertTrue(a.moments().sameAs(with.moments()));
    assertThrows(IllegalStateException.class, () -> new MetricAccumulator(true).merge(without));
  }

  @Test
  void sketchQuantilesWithinRelativeErrorOfExactNearestRank() {
    double[] v = heavy(200_000, 5);
    for (int i = 0; i < v.length; i += 7) {
      v[i] = -v[i] / 3; // some negative values too
    }
    MetricAccumulator acc = MetricAccumulator.ofValues(v, v.length);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    MetricSummary exact = MetricSummary.of(acc, sorted);
    MetricSummary sketch = MetricSummary.of(acc, null);
    double a = LogHistogram.RELATIVE_ERROR;
    for (double p : new double[] {0.01, 0.1, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
      double e = MetricSummary.percentile(sorted, p);
      double s = acc.sketch().quantile(p);
      assertEquals(e, s, a * Math.abs(e) + 1e-300, "p" + p);
    }
    assertEquals(exact.cvar95(), sketch.cvar95(), a * Math.abs(exact.cvar95()));
    assertEquals(exact.mean(), sketch.mean(), 0.0);
    assertEquals(exact.max(), sketch.max(), 0.0);
  }

  @Test
  void sketchMergeIsOrderFree() {
    double[] v = heavy(10_000, 9);
    List<LogHistogram> parts = new ArrayList<>();
    for (int p = 0; p < 10; p++) {
      LogHistogram h = new LogHistogram();
      for (int i = p * 1000; i < (p + 1) * 1000; i++) {
        h.add(v[i]);
      }
      parts.add(h);
    }
    LogHistogram forward = new LogHistogram();
    parts.forEach(forward::merge);
    LogHistogram backward = new LogHistogram();
    for (int p = parts.size() - 1; p >= 0; p--) {
      backward.merge(parts.get(p));
    }
    assertTrue(forward.sameCounts(backward));
  }

  @Test
  void wilsonIntervalByHand() {
    // k = 0 of n = 100: low 0, high z^2 / (n + z^2) = 3.8415 / 103.8415 = 0.03699
    double[] w = Intervals.wilson(0, 100);
    assertEquals(0, w[0], 0);
    assertEquals(3.841459 / 103.841459, w[1], 1e-6);
    // k = 50 of 100: centre 0.5, half-width z sqrt(0.25/100 + z^2/40000)/(1 + z^2/100) = 0.09617
    double[] h = Intervals.wilson(50, 100);
    assertEquals(0.5 - 0.0961677, h[0], 1e-6);
    assertEquals(0.5 + 0.0961677, h[1], 1e-6);
  }

  @Test
  void hallIntervalStretchesTheUpperSideForRightSkew() {
    double[] v = heavy(10_000, 11);
    Moments m = MetricAccumulator.ofValues(v, v.length).moments();
    double[] ci = Intervals.mean(m);
    double normalHalf = Intervals.Z95 * m.sampleStd() / Math.sqrt(m.count());
    assertTrue(ci[1] - m.mean() > normalHalf, "upper side longer than normal");
    assertTrue(m.mean() - ci[0] < normalHalf, "lower side shorter than normal");
    // symmetric data: the same as the normal interval
    Moments s = new Moments();
    for (int i = 0; i < 1000; i++) {
      s.add(i % 2 == 0 ? 9 : 11);
    }
    double[] sym = Intervals.mean(s);
    double half = Intervals.Z95 * s.sampleStd() / Math.sqrt(1000);
    assertEquals(10 - half, sym[0], 1e-12);
    assertEquals(10 + half, sym[1], 1e-12);
  }

  @Test
  void intervalsOfANonNegativeSample_neverReachBelowZero() {
    // one loss in 100,000 trials: Hall's interval alone would reach below 0
    double[] v = new double[100_000];
    v[123] = 1e6;
    MetricSummary s = MetricSummary.of(v);
    assertEquals(0.0, s.ci95Low());
    assertTrue(s.ci95High() > s.mean());
    assertTrue(s.cvar95Low() >= 0);
    // with a value below 0 the interval keeps its own lower end
    v[7] = -1;
    assertTrue(MetricSummary.of(v).ci95Low() < 0);
  }
}
