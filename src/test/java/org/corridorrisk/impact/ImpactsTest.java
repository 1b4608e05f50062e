package org.corridorrisk.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ImpactsTest {
  @Test
  void spillIsFlowForDetectionHoursPlusIsolationVolume() {
    assertEquals(8 * 6 / 24.0 + 3000, Impacts.spillVolume(8, 6, 3000), 1e-12);
  }

  @Test
  void unservedFractionAveragesCommoditiesAndIgnoresZeroDemand() {
    assertEquals(
        (0.5 + 0.1 + 0) / 3,
        Impacts.unservedFraction(new double[] {5, 2, 0}, new double[] {10, 20, 0}),
        1e-12);
  }

  @Test
  void reroutingCostNeverNegative() {
    assertEquals(0, Impacts.reroutingCost(5, 9), 0);
    assertEquals(4, Impacts.reroutingCost(13, 9), 0);
  }
}
