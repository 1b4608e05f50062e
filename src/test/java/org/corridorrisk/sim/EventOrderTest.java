package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The trial's event order (by time, ties in index order) from insertion sort (few events) and merge
 * sort (many) against a stable library sort, on event lists with many ties (independent threats put
 * all their events on one day) and runs already in time order (each threat's own).
 */
class EventOrderTest {

  @Test
  void ordersByTimeWithTiesInIndexOrder_onBothSidesOfTheInsertionLimit() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(4L);
    int[] sizes = {0, 1, 2, 5, TrialRunner.INSERTION_SORT_MAX, TrialRunner.INSERTION_SORT_MAX + 1};
    int checked = 0;
    for (int round = 0; round < 3000; round++) {
      int n = round < sizes.length * 50 ? sizes[round % sizes.length] : rng.nextInt(200);
      double[] time = new double[n];
      int i = 0;
      if (round % 7 == 0) {
        // already in order (one threat's failures on its start day, or increasing times)
        boolean sameDay = rng.nextBoolean();
        for (int k = 0; k < n; k++) {
          time[k] = sameDay ? 3 : (k == 0 ? 0 : time[k - 1] + rng.nextInt(2));
        }
        i = n;
      }
      while (i < n) {
        // a threat: a run of increasing times, or one day for all its targets
        int run = 1 + rng.nextInt(8);
        boolean sameDay = rng.nextBoolean();
        double t = rng.nextInt(30);
        for (int k = 0; k < run && i < n; k++) {
          time[i++] = sameDay ? t : (t += rng.nextDouble() * 3);
        }
      }
      int[] expected =
          IntStream.range(0, n)
              .boxed()
              .sorted(Comparator.comparingDouble(e -> time[e]))
              .mapToInt(Integer::intValue)
              .toArray();
      int[] order = new int[n + 3];
      int[] tmp = new int[n + 3];
      int[] got = TrialRunner.stableOrderByTime(time, n, order, tmp);
      assertArrayEquals(expected, java.util.Arrays.copyOf(got, n), "round " + round);
      checked += n > TrialRunner.INSERTION_SORT_MAX ? 1 : 0;
    }
    assertTrue(checked > 500, "merge-sorted rounds " + checked);
  }
}
