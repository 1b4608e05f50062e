package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/** Damage states, repair time precedence, repair crews and staged restoration, computed by hand. */
class DamageAndCrewsTest {
  private static final double EPS = 1e-9;

  /** src (10) -> pipe (10) -> city (10); a certain hit on pipe at day 2 (independent, p = 1). */
  private static String oneLink(String threatExtra, String linkExtra, int days) {
    return """
        format: corridor-risk/v1
        name: damage
        horizon_days: %d
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 10%s}
        threats:
          - id: cut
            model: independent
            probability: 1
            start_day: 2
            targets: {links: [pipe]}
            repair_days: {dist: fixed, value: 9}
        %s
        """
        .formatted(days, linkExtra, threatExtra);
  }

  private static StudyResult run(String yaml, int trials) {
    return MonteCarlo.run(Yaml.load(yaml).baseline(), RunOptions.of(trials, 7, 1));
  }

  private static String damage(String states) {
    return "    damage:\n" + states;
  }

  @Test
  void partialCapacityFactor() {
    // factor 0.3 for 5 days (state's repair): capacity 3, 7 unserved a day on days 2..6 = 35.
    String yaml =
        oneLink(
            damage(
                "      - {probability: 1, capacity_factor: 0.3, repair_days: {dist: fixed, value:"
                    + " 5}}\n"),
            "",
            20);
    StudyResult r = run(yaml, 2);
    assertEquals(35.0, r.unservedVolume()[0][0], EPS);
    // person-days = 5 x 1000 x 7 / 10
    assertEquals(3_500.0, r.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)[0], 1e-6);
  }

  @Test
  void partialFactorOnAJunction_scalesItsThroughput() {
    // src (20) -> hub (throughput 12) -> city (10): undisturbed, 10 served. A certain hit on day 2
    // leaves the hub at 0.5 x 12 = 6 for 4 days (days 2..5): 4 unserved a day = 16.
    String yaml =
        """
        format: corridor-risk/v1
        name: junction
        horizon_days: 20
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 20}
          - {id: hub, kind: junction, commodity: gas, throughput: 12}
          - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000}
        links:
          - {id: a, from: src, to: hub, commodity: gas, capacity: 30}
          - {id: b, from: hub, to: city, commodity: gas, capacity: 30, directed: false}
        threats:
          - id: cut
            model: independent
            probability: 1
            start_day: 2
            targets: {nodes: [hub]}
            damage:
              - {probability: 1, capacity_factor: 0.5}
            repair_days: {dist: fixed, value: 4}
        """;
    StudyResult r = run(yaml, 2);
    assertEquals(16.0, r.unservedVolume()[0][0], EPS);
    assertEquals(16.0, r.unservedVolume()[0][1], EPS);
  }

  @Test
  void damageStateMixture() {
    // 1/4: severed for 4 days (40 unserved); 3/4: half capacity for 2 days (2 x 5 = 10).
    // Mean 0.25 x 40 + 0.75 x 10 = 17.5; every trial is exactly one of the two.
    String yaml =
        oneLink(
            damage(
                "      - {probability: 0.25, capacity_factor: 0, repair_days: {dist: fixed, value:"
                    + " 4}}\n"
                    + "      - {probability: 0.75, capacity_factor: 0.5, repair_days: {dist: fixed,"
                    + " value: 2}}\n"),
            "",
            20);
    int n = 4000;
    StudyResult r = run(yaml, n);
    int severed = 0;
    for (int k = 0; k < n; k++) {
      double u = r.unservedVolume()[0][k];
      assertTrue(Math.abs(u - 40) < EPS || Math.abs(u - 10) < EPS, "trial " + k + ": " + u);
      severed += u > 20 ? 1 : 0;
    }
    double share = severed / (double) n;
    double se = Math.sqrt(0.25 * 0.75 / n);
    assertEquals(0.25, share, 4 * se, "share severed");
  }

  @Test
  void repairTimePrecedence_stateThenAssetThenThreat() {
    // threat 9 days -> 90; the asset's own 6 days wins over it -> 60; the state's 3 days over both.
    assertEquals(90.0, run(oneLink("", "", 20), 1).unservedVolume()[0][0], EPS);
    String asset = ", repair_days: {dist: fixed, value: 6}";
    assertEquals(60.0, run(oneLink("", asset, 20), 1).unservedVolume()[0][0], EPS);
    String state =
        damage(
            "      - {probability: 1, capacity_factor: 0, repair_days: {dist: fixed, value: 3}}\n");
    assertEquals(30.0, run(oneLink(state, asset, 20), 1).unservedVolume()[0][0], EPS);
  }

  @Test
  void repairTimePrecedence_drawsOnTheSameUniform() {
    // threat uniform(0, 10) vs the asset's uniform(0, 20) on the same uniform u: x = 10u, the
    // asset's draw is 2x, so its rounded-up days are 2 ceil(x) - 1 or 2 ceil(x), in every trial.
    String threat =
        oneLink("", "", 40).replace("{dist: fixed, value: 9}", "{dist: uniform, min: 0, max: 10}");
    String asset =
        oneLink("", ", repair_days: {dist: uniform, min: 0, max: 20}", 40)
            .replace("{dist: fixed, value: 9}", "{dist: uniform, min: 0, max: 10}");
    int n = 300;
    StudyResult a = run(threat, n);
    StudyResult b = run(asset, n);
    for (int k = 0; k < n; k++) {
      double days = a.unservedVolume()[0][k] / 10;
      double own = b.unservedVolume()[0][k] / 10;
      assertTrue(own == 2 * days || own == 2 * days - 1, "trial " + k + ": " + days + " " + own);
    }
  }

  /** Two separate lines a and b, both cut at day 2, repaired by one pool of crews. */
  private static String twoLines(int count, int mobilization) {
    return """
        format: corridor-risk/v1
        name: crews
        horizon_days: 20
        commodities: [{id: gas}]
        nodes:
          - {id: s1, kind: source, commodity: gas, supply: 10}
          - {id: s2, kind: source, commodity: gas, supply: 10}
          - {id: c1, kind: sink, commodity: gas, demand: 10}
          - {id: c2, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: a, from: s1, to: c1, commodity: gas, capacity: 10, kind: subsea-cable}
          - {id: b, from: s2, to: c2, commodity: gas, capacity: 10, kind: subsea-cable}
        threats:
          - {id: anchor, model: independent, probability: 1, start_day: 2,
             targets: {kinds: [subsea-cable]}, repair_days: {dist: fixed, value: 3}}
        repair_crews:
          - {id: vessel, count: %d, serves: {kinds: [subsea-cable]}, mobilization_days: %d}
        mitigations:
          - id: second-vessel
            cost: 1
            changes:
              - {repair_crew: vessel, set: {count: 2}}
        """
        .formatted(count, mobilization);
  }

  @Test
  void twoAssetsQueuedForOneCrew_withoutMobilization() {
    // a (first in the file) gets the crew on day 2, back on day 5: out days 2-4 = 30.
    // b waits; the crew takes it on day 5, back on day 8: out days 2-7 = 60. Total 90.
    assertEquals(90.0, run(twoLines(1, 0), 1).unservedVolume()[0][0], EPS);
    // two crews: both back on day 5 -> 60 (the old rule: repairs independent)
    assertEquals(60.0, run(twoLines(2, 0), 1).unservedVolume()[0][0], EPS);
  }

  @Test
  void twoAssetsQueuedForOneCrew_withMobilization() {
    // mobilization 2: a: crew day 2, back day 2 + 2 + 3 = 7 (50); b: crew day 7, back 12 (100).
    assertEquals(150.0, run(twoLines(1, 2), 1).unservedVolume()[0][0], EPS);
    // the mitigation's second vessel (count 2): both back on day 7 -> 100
    LoadedScenario loaded = Yaml.load(twoLines(1, 2));
    Scenario patched = loadedVariant(loaded, "second-vessel");
    assertEquals(
        100.0, MonteCarlo.run(patched, RunOptions.of(1, 7, 1)).unservedVolume()[0][0], EPS);
  }

  private static Scenario loadedVariant(LoadedScenario s, String id) {
    try {
      return s.variant(List.of(id));
    } catch (org.corridorrisk.scenario.ScenarioException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void pipelineCyberattack_heldOutStyle() {
    // A certain event on day 3 shuts the trunk for 6 days (days 3-8), then it restarts at 60% for
    // 2 days (days 9-10, capacity 6), then fully. Terminal storage: 12 in stock, 4 a day at most.
    // Panic buying: demand 10 x 1.2 = 12 on days 3..10, else 10. Supply 10.
    // days 0-2: served 10 (storage idle, no spare supply to refill: it is full anyway).
    // day 3: storage 4 (inv 8) -> unserved 8; day 4: 4 (inv 4) -> 8; day 5: 4 (inv 0) -> 8;
    // days 6-8: nothing -> 12 each; days 9-10: trunk 6 -> 6 each; days 11-13: served 10.
    // unserved = 24 + 36 + 12 = 72; demand = 3 x 10 + 8 x 12 + 3 x 10 = 156.
    // person-days (population 1000) = 3 x 1000 x 8/12 + 3 x 1000 + 2 x 1000 x 6/12 = 6,000.
    String yaml =
        """
        format: corridor-risk/v1
        name: cyberattack
        horizon_days: 14
        profiles:
          - {id: panic, steps: [{from_day: 0, factor: 1}, {from_day: 3, factor: 1.2},
                                {from_day: 11, factor: 1}]}
        commodities: [{id: fuel}]
        nodes:
          - {id: refinery, kind: source, commodity: fuel, supply: 10}
          - {id: terminal, kind: junction, commodity: fuel}
          - {id: tank, kind: storage, commodity: fuel, inventory: 12, max_withdrawal: 4,
             capacity: 12, max_injection: 4}
          - {id: city, kind: sink, commodity: fuel, demand: 10, population: 1000,
             demand_profile: panic}
        links:
          - {id: trunk, from: refinery, to: terminal, commodity: fuel, capacity: 10}
          - {id: tank-line, from: tank, to: terminal, commodity: fuel, capacity: 20,
             directed: false}
          - {id: delivery, from: terminal, to: city, commodity: fuel, capacity: 20}
        threats:
          - id: ransomware
            model: independent
            probability: 1
            start_day: 3
            targets: {links: [trunk]}
            damage:
              - {probability: 1, capacity_factor: 0, repair_days: {dist: fixed, value: 6},
                 restoration: [{capacity_factor: 0.6, days: {dist: fixed, value: 2}}]}
            repair_days: {dist: fixed, value: 30}
        """;
    StudyResult r = run(yaml, 3);
    for (int k = 0; k < 3; k++) {
      assertEquals(72.0, r.unservedVolume()[0][k], EPS);
      assertEquals(72.0 / 156.0, r.values(Metric.UNSERVED_FRACTION)[k], EPS);
      assertEquals(6_000.0, r.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)[k], 1e-6);
    }
  }

  @Test
  void restorationStagesPastTheLastDay_doNotWrapAround() {
    // Hit on day 2, repaired after 1 day; then stages of 1e9 days each (0.9, 0.9, 0.9, 0.9, then
    // 0.2). The first stage already outlasts the horizon, so days 3..19 run at 0.9: 1 unserved a
    // day (17) plus day 2 out (10) = 27. Summed in int days, the third stage's end would pass
    // 2^31 and wrap, and the fifth stage (0.2) would come back over days 3..19 (8 a day: 146).
    String stages = stagesOfAThousandMillionDays();
    String yaml =
        oneLink(
            damage(
                "      - {probability: 1, capacity_factor: 0, repair_days: {dist: fixed, value: 1},"
                    + " restoration: ["
                    + stages
                    + "]}\n"),
            "",
            20);
    StudyResult r = run(yaml, 2);
    for (int k = 0; k < 2; k++) {
      assertEquals(27.0, r.unservedVolume()[0][k], EPS);
    }
  }

  @Test
  void restorationStagesOfACrewJobPastTheLastDay_doNotWrapAround() {
    // As above with a repair crew: the job's stages start when the crew is done (day 3).
    String stages = stagesOfAThousandMillionDays();
    String yaml =
        oneLink(
            damage(
                    "      - {probability: 1, capacity_factor: 0, repair_days: {dist: fixed,"
                        + " value: 1}, restoration: ["
                        + stages
                        + "]}\n")
                + "repair_crews:\n  - {id: crew, count: 1, serves: {links: [pipe]}}\n",
            "",
            20);
    StudyResult r = run(yaml, 2);
    for (int k = 0; k < 2; k++) {
      assertEquals(27.0, r.unservedVolume()[0][k], EPS);
    }
  }

  /** Five restoration stages of 1e9 days each: four at 0.9, then one at 0.2. */
  private static String stagesOfAThousandMillionDays() {
    String stage = "{capacity_factor: %s, days: {dist: fixed, value: 1.0e9}}";
    return String.join(
        ", ",
        stage.formatted("0.9"),
        stage.formatted("0.9"),
        stage.formatted("0.9"),
        stage.formatted("0.9"),
        stage.formatted("0.2"));
  }
}
