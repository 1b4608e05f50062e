package org.corridorrisk.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IimTest {
  @Test
  void twoByTwoMatchesTheLinearSolutionBelowTheCap() {
    // q1 = 0.1 + 0.5 q2, q2 = 0.2 q1  ->  q1 = 0.1 / 0.9, q2 = 0.02 / 0.9
    double[] q = Iim.leastFixedPoint(new double[][] {{0, 0.5}, {0.2, 0}}, new double[] {0.1, 0});
    assertArrayEquals(new double[] {0.1 / 0.9, 0.02 / 0.9}, q, 1e-11);
  }

  @Test
  void capAtOneGivesTheLeastFixedPointOfTheCappedMap() {
    // q1 = min(1, 0.9 + 0.5 q2), q2 = min(1, 0.5 + 0.5 q1): the linear solution exceeds 1, so q =
    // (1, 1).
    double[] q = Iim.leastFixedPoint(new double[][] {{0, 0.5}, {0.5, 0}}, new double[] {0.9, 0.5});
    assertArrayEquals(new double[] {1, 1}, q, 1e-11);
  }

  @Test
  void zeroDirectInoperabilityGivesZero() {
    assertArrayEquals(
        new double[] {0, 0},
        Iim.leastFixedPoint(new double[][] {{0, 0.5}, {0.5, 0}}, new double[2]));
  }

  @Test
  void cascadeAlongAChain() {
    // s3 depends on s2 (0.5), s2 on s1 (0.5): c* = (0.4, 0, 0) -> q = (0.4, 0.2, 0.1)
    double[][] a = {{0, 0, 0}, {0.5, 0, 0}, {0, 0.5, 0}};
    double[] q = Iim.leastFixedPoint(a, new double[] {0.4, 0, 0});
    assertEquals(0.2, q[1], 1e-12);
    assertEquals(0.1, q[2], 1e-12);
  }

  @Test
  void bitwiseThePlainJacobiIterationOnRandomMatrices() {
    // The rows are computed four at a time; every iterate must be bitwise that of the plain loop
    // below (same terms added in the same order), for sizes with and without a remainder of rows,
    // sparse and dense matrices, and direct inoperabilities that drive some sectors to the cap.
    SplittableRandom random = new SplittableRandom(12);
    int[] sizes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 31, 64};
    for (int n : sizes) {
      for (int round = 0; round < 20; round++) {
        double density = round % 2 == 0 ? 1.0 : 0.3;
        double rowSum = 0.2 + 0.75 * random.nextDouble(); // spectral radius below 1
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
          double sum = 0;
          for (int j = 0; j < n; j++) {
            if (i != j && random.nextDouble() < density) {
              a[i][j] = random.nextDouble();
              sum += a[i][j];
            }
          }
          for (int j = 0; j < n; j++) {
            a[i][j] = sum > 0 ? a[i][j] * rowSum / sum : 0;
          }
        }
        double[] cStar = new double[n];
        for (int i = 0; i < n; i++) {
          double u = random.nextDouble();
          cStar[i] = u < 0.5 ? 0 : u < 0.9 ? random.nextDouble() * 0.3 : 0.9 + 0.1 * u;
        }
        double[] expected = plainJacobi(a, cStar);
        double[] q = Iim.leastFixedPoint(a, cStar);
        for (int i = 0; i < n; i++) {
          assertEquals(
              Double.doubleToRawLongBits(expected[i]),
              Double.doubleToRawLongBits(q[i]),
              "n " + n + " round " + round + " sector " + i);
        }
      }
    }
  }

  /** The plain iteration the class comment describes: one row at a time. */
  private static double[] plainJacobi(double[][] a, double[] cStar) {
    int n = cStar.length;
    double[] q = cStar.clone();
    boolean any = false;
    for (double c : cStar) {
      any |= c > 0;
    }
    if (!any) {
      return q;
    }
    double[] next = new double[n];
    while (true) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        double s = cStar[i];
        for (int j = 0; j < n; j++) {
          s += a[i][j] * q[j];
        }
        next[i] = Math.min(1.0, s);
        change = Math.max(change, Math.abs(next[i] - q[i]));
      }
      System.arraycopy(next, 0, q, 0, n);
      if (change < Iim.TOLERANCE) {
        return q;
      }
    }
  }
}
