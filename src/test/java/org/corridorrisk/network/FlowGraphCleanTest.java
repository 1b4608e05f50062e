package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link FlowGraph#clean} (a masked copy of the value's bits) against the plain {@code value > eps
 * ? value : 0} it replaces, bit for bit: signed zeros, values at and around the epsilon, negative
 * values, infinities, NaN and random flows.
 */
class FlowGraphCleanTest {
  private static double reference(double value, double eps) {
    return value > eps ? value : 0;
  }

  private static void check(double value, double eps) {
    assertEquals(
        Double.doubleToRawLongBits(reference(value, eps)),
        Double.doubleToRawLongBits(FlowGraph.clean(value, eps)),
        "clean(" + value + ", " + eps + ")");
  }

  @Test
  void sameBitsAsTheComparison_onSpecialAndRandomValues() {
    double[] epsilons = {0, 1e-12, 1e-9, 1.5};
    double[] special = {
      0.0,
      -0.0,
      Double.MIN_VALUE,
      -Double.MIN_VALUE,
      1e-12,
      Math.nextUp(1e-12),
      Math.nextDown(1e-12),
      1e-9,
      Math.nextUp(1e-9),
      -1e-9,
      1.5,
      Math.nextUp(1.5),
      -3,
      Double.MAX_VALUE,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Double.NaN
    };
    for (double eps : epsilons) {
      for (double value : special) {
        check(value, eps);
      }
    }
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    for (int i = 0; i < 100_000; i++) {
      double scale = Math.pow(10, rng.nextInt(24) - 16);
      check((rng.nextDouble() - 0.25) * scale, epsilons[i & 3]);
    }
  }
}
