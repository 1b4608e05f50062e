package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A storage's deliverability curve: withdrawal falls as the inventory empties (closed form). */
class DeliverabilityTest {
  private static final double EPS = 1e-9;

  /**
   * st (inventory 100 of 100, max_withdrawal 20) -> city (demand 20) for 3 days; no threat hits.
   */
  private static String storage(String curve) {
    return """
        format: corridor-risk/v1
        name: deliverability
        horizon_days: 3
        commodities: [{id: gas}]
        nodes:
          - {id: st, kind: storage, commodity: gas, inventory: 100, max_withdrawal: 20,
             capacity: 100, max_injection: 0%s}
          - {id: city, kind: sink, commodity: gas, demand: 20, population: 1000}
        links:
          - {id: pipe, from: st, to: city, commodity: gas, capacity: 100}
        threats:
          - {id: never, model: independent, probability: 0, targets: {links: [pipe]},
             repair_days: {dist: fixed, value: 1}}
        """
        .formatted(curve);
  }

  private static double unserved(String yaml) {
    StudyResult r = MonteCarlo.run(Yaml.load(yaml).baseline(), RunOptions.of(2, 7, 1));
    return r.unservedVolume()[0][0];
  }

  @Test
  void withoutACurve_theStorageDeliversItsMaximumUntilEmpty() {
    // 3 days x 20 = 60 <= 100: nothing unserved.
    assertEquals(0, unserved(storage("")), EPS);
  }

  @Test
  void linearCurve_lowersWithdrawalAsTheStorageEmpties() {
    // factor = 0.5 + 0.5 x fill. Day 0: fill 1, 20 out, inventory 80. Day 1: fill 0.8, factor
    // 0.9, 18 out (2 unserved), inventory 62. Day 2: fill 0.62, factor 0.81, 16.2 out (3.8
    // unserved). Total 5.8.
    String curve = ",\n     deliverability: [{fill: 0, factor: 0.5}, {fill: 1, factor: 1}]";
    assertEquals(5.8, unserved(storage(curve)), EPS);
  }

  @Test
  void curveBeyondItsPoints_keepsTheEndValues() {
    // One point at fill 0.5 with factor 0.75: the factor is 0.75 at every fill, 15 a day:
    // 5 unserved a day, 15 in all.
    String curve = ",\n     deliverability: [{fill: 0.5, factor: 0.75}]";
    assertEquals(15, unserved(storage(curve)), EPS);
  }
}
