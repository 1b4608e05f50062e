package org.corridorrisk.impact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
