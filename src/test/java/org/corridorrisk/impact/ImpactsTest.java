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
  void unservedFraction_neverAboveOne_whenTheSumsOfUnservedAndDemandRoundApart() {
    // the unserved volume is summed day by day and sink by sink, the demand in another order, so
    // a commodity that lost all its demand can come out a few ulps above it (zangezur-corridor's
    // criticality gave 1.0000000000000009); the contract's range is 0..1
    double demand = 0.1 + 0.2;
    double unserved = 0.30000000000000004 + 1e-16 * 3;
    assertEquals(1.0, Impacts.unservedFraction(new double[] {unserved}, new double[] {demand}), 0);
    assertEquals(
        (1.0 + 0.5) / 2,
        Impacts.unservedFraction(new double[] {unserved, 1}, new double[] {demand, 2}),
        0);
  }

  @Test
  void reroutingCostNeverNegative() {
    assertEquals(0, Impacts.reroutingCost(5, 9), 0);
    assertEquals(4, Impacts.reroutingCost(13, 9), 0);
  }
}
