package org.corridorrisk.stats;

import java.util.Arrays;

/**
 * Sorts doubles into the order of {@link Arrays#sort(double[])} (Java's total order: {@code -0.0 <
 * 0.0}), by a least-significant-digit radix sort of their bits for large arrays: six passes of 11
 * bits (the last of 9) over keys that order like the doubles, a pass skipped when every key has the
 * same digit, and nothing to do when every value is the same.
 *
 * <p>Design note: after a large study every column of per-trial values is sorted once (a million
 * values each, {@link org.corridorrisk.sim.StudyResult#sortedValues}); run once per process, the
 * library's quicksort spends much of its time before the JIT has compiled it, while the radix
 * sort's few flat loops compile at once and do a fixed amount of work (about half the time,
 * measured in docs/performance.md). The digit counts of all passes are taken in the one pass that
 * makes the keys; digits of 11 bits keep each pass's 2,048 counters and write positions in the
 * processor's caches, where digits of 16 bits (four passes, 65,536 write positions) scattered their
 * writes over the whole array. On the nine columns of a million-trial run of southern-gas-corridor,
 * each sorted once in a fresh JVM as after a run, that is 300 to 400 ms instead of 360 to 570 ms;
 * sorted again once compiled, both take the same time (docs/performance.md, issue 15 session 7).
 * The result is the same array. Arrays with NaN (whose payloads the library keeps in place at the
 * end) and small arrays go to the library sort.
 */
public final class DoubleSort {
  /** Below this many values the library sort is used. */
  static final int RADIX_FROM = 4096;

  private static final int BITS = 11;
  private static final int PASSES = (64 + BITS - 1) / BITS;
  private static final int RADIX = 1 << BITS;
  private static final int MASK = RADIX - 1;

  private DoubleSort() {}

  /** Sorts {@code a} in place, as {@link Arrays#sort(double[])}. */
  public static void sort(double[] a) {
    int n = a.length;
    if (n < RADIX_FROM) {
      Arrays.sort(a);
      return;
    }
    long[] keys = new long[n];
    int[] count = new int[PASSES * RADIX];
    long first = Double.doubleToRawLongBits(a[0]);
    boolean allSame = true;
    for (int i = 0; i < n; i++) {
      double v = a[i];
      if (v != v) {
        Arrays.sort(a); // NaN
        return;
      }
      long bits = Double.doubleToRawLongBits(v);
      allSame &= bits == first;
      long k = key(bits);
      keys[i] = k;
      count[(int) k & MASK]++;
      count[RADIX + ((int) (k >>> BITS) & MASK)]++;
      count[2 * RADIX + ((int) (k >>> (2 * BITS)) & MASK)]++;
      count[3 * RADIX + ((int) (k >>> (3 * BITS)) & MASK)]++;
      count[4 * RADIX + ((int) (k >>> (4 * BITS)) & MASK)]++;
      count[5 * RADIX + (int) (k >>> (5 * BITS))]++;
    }
    if (allSame) {
      return; // e.g. a column of zeros: already in order
    }
    long[] src = keys;
    long[] dst = new long[n];
    for (int pass = 0; pass < PASSES; pass++) {
      int shift = pass * BITS;
      int base = pass * RADIX;
      if (count[base + (int) ((src[0] >>> shift) & MASK)] == n) {
        continue; // every key has this digit: the pass would change nothing
      }
      int start = 0;
      for (int d = 0; d < RADIX; d++) {
        int c = count[base + d];
        count[base + d] = start;
        start += c;
      }
      for (int i = 0; i < n; i++) {
        long k = src[i];
        dst[count[base + (int) ((k >>> shift) & MASK)]++] = k;
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
