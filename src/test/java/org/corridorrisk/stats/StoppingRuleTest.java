package org.corridorrisk.stats;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {
  @Test
  void allZerosCountAsConverged() {
    assertTrue(StoppingRule.converged(new double[1000], 1000, 0.01));
  }

  @Test
  void halfWidthComparedWithRelativeMean() {
    double[] v = new double[1000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i % 2 == 0 ? 9 : 11; // mean 10, std ~1.0005: half-width ~0.062
    }
    assertTrue(StoppingRule.converged(v, 1000, 0.01));
    assertFalse(StoppingRule.converged(v, 1000, 0.005));
  }
}
