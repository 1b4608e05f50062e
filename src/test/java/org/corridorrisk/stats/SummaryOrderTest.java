package org.corridorrisk.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The partial order for summaries against a full sort: the same values at every index the summary
 * reads, and so the same summary bit for bit, on the shapes per-trial losses take (mostly zero,
 * heavy tails, ties, negative zero).
 */
class SummaryOrderTest {

  @Test
  void forSummary_matchesAFullSortWhereTheSummaryReads_andGivesTheSameSummary() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    int checked = 0;
    for (int n : new int[] {4095, 4096, 4097, 5000, 20_000, 100_003}) {
      for (int shape = 0; shape < 5; shape++) {
        double[] v = values(rng, n, shape);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        double[] partial = SummaryOrder.forSummary(v, n);
        for (int i : readIndices(n)) {
          assertEquals(
              Double.doubleToRawLongBits(sorted[i]),
              Double.doubleToRawLongBits(partial[i]),
              "n " + n + " shape " + shape + " index " + i);
          checked++;
        }
        double[] sortedCopy = sorted.clone();
        Arrays.sort(partial);
        assertTrue(Arrays.equals(sortedCopy, partial), "not a permutation: n " + n);
        MetricAccumulator acc = MetricAccumulator.ofValues(v, n);
        assertEquals(
            MetricSummary.of(acc, sorted),
            MetricSummary.of(acc, SummaryOrder.forSummary(v, n)),
            "n " + n + " shape " + shape);
      }
    }
    assertTrue(checked > 30_000, "checked " + checked); // about 5% of 6 sizes x 5 shapes
  }

  @Test
  void select_putsTheKthValueInPlace_withSmallerBeforeAndLargerAfter() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(9L);
    for (int round = 0; round < 500; round++) {
      int n = 1 + rng.nextInt(300);
      double[] a = values(rng, n, round % 5);
      double[] sorted = a.clone();
      Arrays.sort(sorted);
      int k = rng.nextInt(n);
      SummaryOrder.select(a, 0, n - 1, k);
      assertEquals(Double.doubleToRawLongBits(sorted[k]), Double.doubleToRawLongBits(a[k]));
      for (int i = 0; i < n; i++) {
        int c = Double.compare(a[i], a[k]);
        assertTrue(i < k ? c <= 0 : i > k ? c >= 0 : c == 0, "round " + round + " index " + i);
      }
    }
  }

  /** Every index {@link MetricSummary#of(MetricAccumulator, double[])} reads. */
  private static int[] readIndices(int n) {
    int tail = (int) Math.ceil(0.05 * n);
    long[] p99 = Intervals.quantileRanks(n, 0.99);
    int from = Math.min(n - tail, (int) p99[0] - 1);
    from = Math.min(from, SummaryOrder.index(n, 0.95));
    int[] idx = new int[n - from + 2];
    int k = 0;
    idx[k++] = SummaryOrder.index(n, 0.50);
    idx[k++] = SummaryOrder.index(n, 0.90);
    for (int i = from; i < n; i++) {
      idx[k++] = i;
    }
    return idx;
  }

  private static double[] values(UniformRandomProvider rng, int n, int shape) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      switch (shape) {
        case 0 -> v[i] = u < 0.97 ? 0 : Math.exp(10 * rng.nextDouble()); // mostly no loss
        case 1 -> v[i] = Math.floor(u * 7); // few distinct values, many ties
        case 2 -> v[i] = u < 0.5 ? -0.0 : (u < 0.9 ? 0.0 : u); // signed zeros
        case 3 -> v[i] = 1 / (1e-6 + u); // heavy tail
        default -> v[i] = u;
      }
    }
    return v;
  }
}
