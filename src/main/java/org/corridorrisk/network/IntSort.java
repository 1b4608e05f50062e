package org.corridorrisk.network;

/**
 * Sorts a range of an {@code int[]} ascending, for the short lists of arc and position indices a
 * day patches ({@link ReferenceFlow#installDay}): the same order as {@link
 * java.util.Arrays#sort(int[], int, int)} (ints have one order; equal values are
 * indistinguishable).
 *
 * <p>Design note: {@code Arrays.sort} is the faster sort on large arrays, but its dual-pivot
 * quicksort is a large method: called every day of every trial, it becomes hot early and the
 * optimizing compiler (C2) spends about a second of CPU compiling it (JFR's {@code jdk.Compilation}
 * events of a 20,000-trial grid run), on a 2-core machine time the trials lose. The lists here are
 * short (tens to a few thousand entries), so a small quicksort (middle pivot of three, insertion
 * sort below 16 entries, recursion into the smaller part only) does as well and compiles in a
 * fraction of that.
 */
final class IntSort {
  private static final int INSERTION_BELOW = 16;

  private IntSort() {}

  /** Sorts {@code a[from .. to - 1]} ascending. */
  static void sort(int[] a, int from, int to) {
    int lo = from;
    int hi = to - 1;
    while (hi - lo >= INSERTION_BELOW) {
      int mid = (lo + hi) >>> 1;
      int pivot = medianOfThree(a[lo], a[mid], a[hi]);
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          int t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      // a[lo .. j] <= pivot <= a[i .. hi]: recurse into the smaller part, loop on the larger
      if (j - lo < hi - i) {
        sort(a, lo, j + 1);
        lo = i;
      } else {
        sort(a, i, hi + 1);
        hi = j;
      }
    }
    for (int k = lo + 1; k <= hi; k++) {
      int v = a[k];
      int m = k - 1;
      while (m >= lo && a[m] > v) {
        a[m + 1] = a[m];
        m--;
      }
      a[m + 1] = v;
    }
  }

  private static int medianOfThree(int x, int y, int z) {
    return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
  }
}
