package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.junit.jupiter.api.Test;

/**
 * "New random draws keep the old ones": adding damage states, a hazard or a location moves no other
 * draw, and patches of crew count, damage states and profiles compare on common random numbers.
 */
class NewDrawsKeepOldOnesTest {
  private static final int N = 400;

  /** src (20) feeds city (15) over a and b (10 each); sabotage on both links. */
  private static final String BASE =
      """
      format: corridor-risk/v1
      name: crn
      horizon_days: 365
      profiles:
        - {id: winter, monthly: [1.2, 1.2, 1, 1, 0.8, 0.8, 0.8, 0.8, 1, 1, 1.2, 1.2]}
      commodities: [{id: gas}]
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 20, location: {lat: 60, lon: 24}}
        - {id: spare, kind: junction, commodity: gas, location: {lat: 60.1, lon: 24.1}}
        - {id: city, kind: sink, commodity: gas, demand: 15, demand_profile: winter}
      links:
        - {id: a, from: src, to: city, commodity: gas, capacity: 10, kind: subsea-pipeline}
        - {id: b, from: src, to: city, commodity: gas, capacity: 10, kind: subsea-cable}
        - {id: stub, from: src, to: spare, commodity: gas, capacity: 5}
      threats:
        - id: sabotage
          model: poisson
          events_per_year: 12
          success_probability: 0.7
          targets: {links: [a, b]}
          repair_days: {dist: lognormal, median: 10, p90: 40}
      repair_crews:
        - {id: vessel, count: 1, serves: {kinds: [subsea-pipeline, subsea-cable]}}
      mitigations:
        - id: noop
          cost: 1
          changes:
            - {repair_crew: vessel, set: {count: 1}}
        - id: second-vessel
          cost: 1
          changes:
            - {repair_crew: vessel, set: {count: 2}}
        - id: milder-winter
          cost: 1
          changes:
            - {profile: winter, set: {monthly: [1, 1, 1, 1, 0.8, 0.8, 0.8, 0.8, 1, 1, 1, 1]}}
        - id: armour
          cost: 1
          changes:
            - {threat: sabotage, set: {damage: [{probability: 1, capacity_factor: 0.5}]}}
      """;

  private static double[] unserved(Scenario s) {
    return MonteCarlo.run(s, RunOptions.of(N, 21, 1)).unservedVolume()[0];
  }

  private static double[] unserved(String yaml) {
    return unserved(Yaml.load(yaml).baseline());
  }

  private static Scenario variant(String yaml, String id) {
    LoadedScenario s = Yaml.load(yaml);
    try {
      return s.variant(List.of(id));
    } catch (ScenarioException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void addingTheDefaultDamageStateOrALocationChangesNoTrial() {
    double[] base = unserved(BASE);
    assertTrue(java.util.Arrays.stream(base).sum() > 0, "the threat must bite");
    String damaged =
        BASE.replace(
            "    repair_days: {dist: lognormal, median: 10, p90: 40}",
            "    damage: [{probability: 1, capacity_factor: 0}]\n"
                + "    repair_days: {dist: lognormal, median: 10, p90: 40}");
    assertArrayEquals(base, unserved(damaged), 0.0);
    String located =
        BASE.replace(
            "{id: city, kind: sink, commodity: gas, demand: 15,",
            "{id: city, kind: sink, commodity: gas, demand: 15, location: {lat: 59.4, lon: 24.7},");
    assertArrayEquals(base, unserved(located), 0.0);
  }

  @Test
  void addingAHazardMovesNoOtherDraw() {
    // the hazard can only damage the junction "spare", which carries nothing: every trial's
    // unserved volume is that of the file without it, bit for bit
    String withHazard =
        BASE.replace(
            "repair_crews:",
            """
              - id: quake
                model: hazard
                events_per_year: 5
                epicenter: {lat: 60.1, lon: 24.1}
                intensity: {at_epicenter: 1.0, halving_km: 10}
                fragility: [{kinds: [junction], median: 0.2, beta: 0.3}]
                repair_days: {dist: fixed, value: 30}
            repair_crews:""");
    assertArrayEquals(unserved(BASE), unserved(withHazard), 0.0);
  }

  @Test
  void patchesCompareOnCommonRandomNumbers() {
    double[] base = unserved(BASE);
    assertArrayEquals(base, unserved(variant(BASE, "noop")), 0.0, "a no-op patch");
    double[] vessels = unserved(variant(BASE, "second-vessel"));
    double[] winter = unserved(variant(BASE, "milder-winter"));
    double[] armour = unserved(variant(BASE, "armour"));
    int better = 0;
    for (int k = 0; k < N; k++) {
      // no competition between sinks: a second crew, less demand or milder damage never hurt
      assertTrue(vessels[k] <= base[k] + 1e-9, "second vessel, trial " + k);
      assertTrue(winter[k] <= base[k] + 1e-9, "milder winter, trial " + k);
      assertTrue(armour[k] <= base[k] + 1e-9, "armour, trial " + k);
      if (base[k] == 0) {
        // no successful hit: the same (undisturbed) trial in all of them
        assertEquals(0.0, vessels[k]);
        assertEquals(0.0, armour[k]);
      }
      better += vessels[k] < base[k] ? 1 : 0;
    }
    assertTrue(better > 0, "a second vessel must help in some trial");
  }
}
