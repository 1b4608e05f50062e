package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Charts#exceedancePoints} reads an already sorted, finite column as it is and gives the
 * same curve as for the same values in any order (which it filters and sorts).
 */
class ExceedanceSortedInputTest {

  @Test
  void sortedFinite_followsArraysSortOrder() {
    assertTrue(Charts.sortedFinite(new double[0]));
    assertTrue(Charts.sortedFinite(new double[] {-1, -0.0, 0.0, 0.0, 2.5}));
    assertFalse(Charts.sortedFinite(new double[] {0.0, -0.0})); // Arrays.sort puts -0.0 first
    assertFalse(Charts.sortedFinite(new double[] {1, 3, 2}));
    assertFalse(Charts.sortedFinite(new double[] {1, 2, Double.NaN}));
    assertFalse(Charts.sortedFinite(new double[] {1, Double.POSITIVE_INFINITY}));
  }

  @Test
  void sortedColumn_givesTheCurveOfTheSameValuesUnsorted() {
    SplittableRandom random = new SplittableRandom(15);
    for (int round = 0; round < 200; round++) {
      int n = random.nextInt(1, 3000);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        // many zeros (and negative zeros), ties, a heavy tail, now and then a negative value
        int kind = random.nextInt(10);
        values[i] =
            kind < 4
                ? (random.nextBoolean() ? 0.0 : -0.0)
                : kind < 6
                    ? Math.floor(random.nextDouble() * 5)
                    : Math.exp(random.nextGaussian() * 3);
        if (kind == 9) {
          values[i] = -values[i];
        }
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      assertTrue(Charts.sortedFinite(sorted));
      for (boolean positiveOnly : new boolean[] {false, true}) {
        int maxPoints = 2 + random.nextInt(600);
        double[][] fast = Charts.exceedancePoints(sorted, maxPoints, positiveOnly);
        double[][] slow = Charts.exceedancePoints(values, maxPoints, positiveOnly);
        assertArrayEquals(slow[0], fast[0]);
        assertArrayEquals(slow[1], fast[1]);
      }
    }
  }
}
