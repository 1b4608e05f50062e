package org.corridorrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code isNone()} of the incidents' extras says exactly what {@code equals(NONE)} says, for the
 * empty extras and for each component set on its own (the loader asks it once per asset).
 */
class ExtrasNoneTest {
  private static final RepairTime FIXED = new RepairTime.Fixed(2);

  @Test
  void assetExtras_isNoneAgreesWithEqualsNone() {
    List<Incidents.AssetExtras> cases =
        List.of(
            Incidents.AssetExtras.NONE,
            new Incidents.AssetExtras(null, Double.NaN, null, null, null, null),
            // another NaN bit pattern: a record compares doubles with Double.compare, so it is NONE
            new Incidents.AssetExtras(
                List.of(), Double.longBitsToDouble(0x7ff8000000000123L), null, null, null),
            new Incidents.AssetExtras(List.of("winter"), Double.NaN, null, null, null),
            new Incidents.AssetExtras(List.of(), 0.5, null, null, null),
            new Incidents.AssetExtras(List.of(), 0.0, null, null, null),
            new Incidents.AssetExtras(List.of(), Double.NaN, FIXED, null, null),
            new Incidents.AssetExtras(List.of(), Double.NaN, null, "north", null),
            new Incidents.AssetExtras(List.of(), Double.NaN, null, "", null),
            new Incidents.AssetExtras(List.of(), Double.NaN, null, null, "grid co"),
            new Incidents.AssetExtras(
                List.of(),
                Double.NaN,
                null,
                null,
                null,
                List.of(new Incidents.DeliverabilityPoint(0.5, 0.8))));
    int none = 0;
    for (Incidents.AssetExtras x : cases) {
      assertEquals(x.equals(Incidents.AssetExtras.NONE), x.isNone(), x.toString());
      none += x.isNone() ? 1 : 0;
    }
    assertEquals(3, none); // the first three
  }

  @Test
  void threatExtras_isNoneAgreesWithEqualsNone() {
    Incidents.DamageState state = new Incidents.DamageState(1, 0, FIXED, List.of());
    List<Incidents.ThreatExtras> cases =
        List.of(
            Incidents.ThreatExtras.NONE,
            new Incidents.ThreatExtras(null, null, null),
            new Incidents.ThreatExtras(List.of(state), List.of(), null),
            new Incidents.ThreatExtras(List.of(), List.of("storm season"), null),
            new Incidents.ThreatExtras(
                List.of(),
                List.of(),
                new Incidents.Hazard(null, 40, 41, 49, 50, FIXED, Double.NaN, 25, List.of())));
    for (Incidents.ThreatExtras x : cases) {
      assertEquals(x.equals(Incidents.ThreatExtras.NONE), x.isNone(), x.toString());
    }
    assertTrue(cases.get(1).isNone());
    assertFalse(cases.get(2).isNone());
    assertFalse(cases.get(3).isNone());
    assertFalse(cases.get(4).isNone());
  }
}
