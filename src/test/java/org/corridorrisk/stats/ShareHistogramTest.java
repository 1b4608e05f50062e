package org.corridorrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

class ShareHistogramTest {
  @Test
  void mergeOfSplitEqualsSinglePass() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    double[] shares = new double[10_000];
    int[] series = new int[shares.length];
    for (int i = 0; i < shares.length; i++) {
      shares[i] = rng.nextDouble() < 0.3 ? 1.0 : rng.nextDouble();
      series[i] = rng.nextInt(5);
    }
    ShareHistogram single = new ShareHistogram(5);
    for (int i = 0; i < shares.length; i++) {
      single.add(series[i], shares[i]);
    }
    ShareHistogram[] parts = {new ShareHistogram(5), new ShareHistogram(5), new ShareHistogram(5)};
    for (int i = 0; i < shares.length; i++) {
      parts[i % 3 == 0 ? 2 : (i < 4000 ? 0 : 1)].add(series[i], shares[i]);
    }
    ShareHistogram merged = new ShareHistogram(5);
    merged.merge(parts[1]);
    merged.merge(parts[2]);
    merged.merge(parts[0]);
    assertTrue(single.sameCounts(merged));
    for (int s = 0; s < 5; s++) {
      assertEquals(single.percentile(s, 0.05), merged.percentile(s, 0.05));
    }
  }

  @Test
  void percentileIsNearestRankAtBinResolution() {
    ShareHistogram h = new ShareHistogram(1);
    for (int i = 0; i < 19; i++) {
      h.add(0, 1.0);
    }
    h.add(0, 0.25);
    // 20 values: p05 = 1st smallest = 0.25; p50 = 10th = 1.0
    assertEquals(0.25, h.percentile(0, 0.05), 1e-12);
    assertEquals(1.0, h.percentile(0, 0.5), 1e-12);
    assertEquals(20, h.count(0));
  }
}
