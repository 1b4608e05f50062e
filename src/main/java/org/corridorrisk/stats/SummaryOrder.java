package org.corridorrisk.stats;

import java.util.Arrays;

/**
 * Orders per-trial values just enough for {@link MetricSummary#of(MetricAccumulator, double[])}:
 * the summary reads the p50 and p90 order statistics and, from the largest values, p95, p99, the
 * order-statistic interval of p99, cvar95 (the largest {@code ceil(0.05 n)} values, summed in
 * ascending order) and the maximum. So only the top 5% (and a little more) must be sorted, and two
 * more values selected below it; the rest may stay in any order.
 *
 * <p>Design note: a full sort of 10^6 values per column (a study has a dozen or more columns) cost
 * about as much as the last second of a 10^6-trial run on two cores; selection plus a sort of the
 * top 5% reads the same values at the same indices (so every summary is bit for bit the same) for a
 * fraction of it. The order is Java's total order on doubles ({@link Double#compare}: {@code -0.0 <
 * 0.0}, NaN last), the order of {@link Arrays#sort(double[])}, so the sorted part equals that of a
 * full sort. Rejected: a sketch (the percentiles must stay exact up to the documented threshold).
 */
public final class SummaryOrder {
  /** Below this many values a full sort is as fast and simpler. */
  static final int FULL_SORT_BELOW = 4096;

  private SummaryOrder() {}

  /**
   * A copy of {@code values[0 .. n - 1]} that equals its ascending sort at every index {@link
   * MetricSummary#of(MetricAccumulator, double[])} reads (see the class note); other entries hold
   * the remaining values in an unspecified order.
   */
  public static double[] forSummary(double[] values, int n) {
    double[] a = Arrays.copyOf(values, n);
    if (n < FULL_SORT_BELOW) {
      Arrays.sort(a);
      return a;
    }
    int tail = (int) Math.ceil(0.05 * n);
    long[] p99Ranks = Intervals.quantileRanks(n, 0.99);
    int lo = n - tail;
    lo = Math.min(lo, index(n, 0.95));
    lo = Math.min(lo, index(n, 0.99));
    lo = Math.min(lo, (int) p99Ranks[0] - 1);
    select(a, 0, n - 1, lo);
    Arrays.sort(a, lo, n);
    // below the sorted top: p90, then p50 within what lies below p90
    int upper = lo;
    for (int k : new int[] {index(n, 0.90), index(n, 0.50)}) {
      if (k < upper) {
        select(a, 0, upper - 1, k);
        upper = k;
      }
    }
    return a;
  }

  /** The 0-based index {@link MetricSummary#percentile} reads for {@code p} among {@code n}. */
  public static int index(int n, double p) {
    int rank = (int) Math.ceil(p * n - 1e-9);
    return Math.max(0, Math.min(n, rank) - 1);
  }

  /**
   * Rearranges {@code a[from .. to]} so that {@code a[k]} holds the value a sort would put there,
   * with nothing larger before it and nothing smaller after it (iterative quickselect, median of
   * three, Hoare partition; deterministic).
   */
  static void select(double[] a, int from, int to, int k) {
    int lo = from;
    int hi = to;
    while (hi > lo) {
      int mid = (lo + hi) >>> 1;
      // median of three into a[mid]
      if (less(a[mid], a[lo])) {
        swap(a, mid, lo);
      }
      if (less(a[hi], a[lo])) {
        swap(a, hi, lo);
      }
      if (less(a[hi], a[mid])) {
        swap(a, hi, mid);
      }
      double pivot = a[mid];
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (less(a[i], pivot)) {
          i++;
        }
        while (less(pivot, a[j])) {
          j--;
        }
        if (i <= j) {
          swap(a, i, j);
          i++;
          j--;
        }
      }
      // now a[lo .. j] <= pivot <= a[i .. hi], and a[j + 1 .. i - 1] == pivot
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return;
      }
    }
  }

  private static boolean less(double x, double y) {
    return Double.compare(x, y) < 0;
  }

  private static void swap(double[] a, int i, int j) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
