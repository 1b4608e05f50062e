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

  @Test
  void spectralRadiusNearOneStillGivesTheExactLinearSolution() {
    // Two sectors feeding each other with share r = 1 - 1e-6 (spectral radius r, valid): the
    // iteration contracts by r per step, so tens of millions of steps would be needed. The fixed
    // point below the cap is q1 = c1 / (1 - r^2), q2 = r c1 / (1 - r^2).
    double r = 1 - 1e-6;
    double c1 = 1e-8;
    double[] q = Iim.leastFixedPoint(new double[][] {{0, r}, {r, 0}}, new double[] {c1, 0});
    double q1 = c1 / (1 - r * r);
    assertEquals(q1, q[0], q1 * 1e-9);
    assertEquals(r * q1, q[1], q1 * 1e-9);
  }

  @Test
  void spectralRadiusNearOneWithTheCapReached() {
    // Sector 0 is fully cut (c* = 1); sectors 1 and 2 feed each other with share r = 1 - 5e-7
    // (spectral radius r) and take small shares of sector 0's inoperability; sector 3 takes half
    // of sector 1's. Below the cap the exact answer is the linear solution.
    double r = 1 - 5e-7;
    double[][] a = {{0, 0, 0, 0}, {0.3e-6, 0, r, 0}, {0.1e-6, r, 0, 0}, {0, 0.5, 0, 0}};
    double[] q = Iim.leastFixedPoint(a, new double[] {1, 0, 0, 0});
    // below the cap: q1 = (a10 + r a20) / (1 - r^2), q2 = (a20 + r a10) / (1 - r^2)
    double d = 1 - r * r;
    double q1 = (0.3e-6 + r * 0.1e-6) / d;
    double q2 = (0.1e-6 + r * 0.3e-6) / d;
    assertEquals(1, q[0], 0);
    assertEquals(q1, q[1], 1e-9);
    assertEquals(q2, q[2], 1e-9);
    assertEquals(0.5 * q1, q[3], 1e-9);
    // more direct inoperability pushes sectors 1 and 2 to the cap
    double[][] b = {{0, 0, 0, 0}, {0.3, 0, r, 0}, {0.1, r, 0, 0}, {0, 0.5, 0, 0}};
    assertArrayEquals(
        new double[] {1, 1, 1, 0.5}, Iim.leastFixedPoint(b, new double[] {1, 0, 0, 0}), 1e-12);
  }

  @Test
  void exactSolveMatchesTheIterationOnRandomMatrices() {
    // Where the iteration converges (radius <= 0.95, so its error is below 1e-12 / 0.05), the
    // exact solve must agree with it, caps included, from c* as the starting lower bound.
    SplittableRandom random = new SplittableRandom(34);
    for (int n : new int[] {1, 2, 3, 5, 8, 17, 40}) {
      for (int round = 0; round < 20; round++) {
        double[][] a = randomMatrix(random, n, round % 2 == 0 ? 1.0 : 0.3, 0.95);
        double[] cStar = randomDirect(random, n);
        double[] expected = plainJacobi(a, cStar);
        double[] q = cStar.clone();
        Iim.solveExactly(a, cStar, q);
        assertArrayEquals(expected, q, 1e-10, "n " + n + " round " + round);
      }
    }
  }

  @Test
  void radiusNearOneGivesAFixedPointOnRandomMatrices() {
    // Row sums 1 - 1e-7 (radius just below 1): the answer must satisfy q = min(1, A q + c*).
    SplittableRandom random = new SplittableRandom(56);
    for (int n : new int[] {2, 3, 6, 13, 30}) {
      for (int round = 0; round < 10; round++) {
        double[][] a = randomMatrix(random, n, round % 2 == 0 ? 1.0 : 0.5, 1 - 1e-7);
        double[] cStar = randomDirect(random, n);
        for (int i = 0; i < n; i++) {
          cStar[i] *= 1e-6; // small direct shares, so that not every sector ends at the cap
        }
        double[] q = Iim.leastFixedPoint(a, cStar);
        for (int i = 0; i < n; i++) {
          double s = cStar[i];
          for (int j = 0; j < n; j++) {
            s += a[i][j] * q[j];
          }
          assertEquals(Math.min(1, s), q[i], 1e-9, "n " + n + " round " + round + " sector " + i);
        }
      }
    }
  }

  /** A random A* >= 0 with zero diagonal whose rows sum to {@code rowSum} (or 0 if empty). */
  private static double[][] randomMatrix(
      SplittableRandom random, int n, double density, double rowSum) {
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
    return a;
  }

  /** Direct inoperabilities: half 0, most of the rest small, some near a full cut. */
  private static double[] randomDirect(SplittableRandom random, int n) {
    double[] cStar = new double[n];
    for (int i = 0; i < n; i++) {
      double u = random.nextDouble();
      cStar[i] = u < 0.5 ? 0 : u < 0.9 ? random.nextDouble() * 0.3 : 0.9 + 0.1 * u;
    }
    return cStar;
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
