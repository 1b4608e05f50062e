package org.corridorrisk.stats;

import java.util.Arrays;

/**
 * Sorts doubles into the order of {@link Arrays#sort(double[])} (Java's total order: {@code -0.0 <
 * 0.0}), by a least-significant-digit radix sort of their bits for large arrays: four passes of 16
 * bits over keys that order like the doubles, a pass skipped when every key has the same digit.
 *
 * <p>Design note: after a large study every column of per-trial values is sorted once (a million
 * values each, {@link org.corridorrisk.sim.StudyResult#sortedValues}); run once per process, the
 * library's quicksort spends much of its time before the JIT has compiled it, while the radix
 * sort's few flat loops compile at once and do a fixed amount of work (about half the time,
 * measured in docs/performance.md). The result is the same array. Arrays with NaN (whose payloads
 * the library keeps in place at the end) and small arrays go to the library sort.
 */
public final class DoubleSort {
  /** Below this many values the library sort is used. */
  static final int RADIX_FROM = 4096;

  private DoubleSort() {}

  /** Sorts {@code a} in place, as {@link Arrays#sort(double[])}. */
  public static void sort(double[] a) {
    int n = a.length;
    if (n < RADIX_FROM) {
      Arrays.sort(a);
      return;
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      double v = a[i];
      if (v != v) {
        Arrays.sort(a); // NaN
        return;
      }
      keys[i] = key(Double.doubleToRawLongBits(v));
    }
    long[] src = keys;
    long[] dst = new long[n];
    int[] count = new int[1 << 16];
    for (int shift = 0; shift < 64; shift += 16) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (src[i] >>> shift) & 0xFFFF]++;
      }
      if (count[(int) (src[0] >>> shift) & 0xFFFF] == n) {
        continue; // every key has this digit: the pass would change nothing
      }
      int start = 0;
      for (int d = 0; d < count.length; d++) {
        int c = count[d];
        count[d] = start;
        start += c;
      }
      for (int i = 0; i < n; i++) {
        long k = src[i];
        dst[count[(int) (k >>> shift) & 0xFFFF]++] = k;
      }
      long[] t = src;
      src = dst;
      dst = t;
    }
    for (int i = 0; i < n; i++) {
      a[i] = Double.longBitsToDouble(bits(src[i]));
    }
  }

  /**
   * A key whose unsigned order is the doubles' order: negative values have every bit flipped,
   * others only the sign bit.
   */
  private static long key(long bits) {
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  private static long bits(long key) {
    return key < 0 ? key ^ Long.MIN_VALUE : ~key;
  }
}
