package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/** {@link IntSort} against {@link Arrays#sort(int[], int, int)} on ranges of many shapes. */
class IntSortTest {
  @Test
  void sortsLikeArraysSort_onRandomSortedReversedAndRepeatedRanges() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    for (int trial = 0; trial < 3_000; trial++) {
      int n = trial < 100 ? trial : rng.nextInt(trial % 10 == 0 ? 5_000 : 300);
      int[] a = new int[n + 6];
      int bound = trial % 3 == 0 ? 4 : trial % 3 == 1 ? n + 1 : Integer.MAX_VALUE;
      for (int i = 0; i < a.length; i++) {
        a[i] = trial % 7 == 0 ? i : trial % 7 == 1 ? -i : rng.nextInt(bound) - bound / 2;
      }
      int from = Math.min(3, n);
      int to = from + n;
      int[] expected = a.clone();
      Arrays.sort(expected, from, to);
      IntSort.sort(a, from, to);
      assertArrayEquals(expected, a, "trial " + trial + ", " + n + " entries");
    }
  }
}
