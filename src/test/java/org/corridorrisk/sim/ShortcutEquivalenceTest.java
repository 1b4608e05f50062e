package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;

/**
 * The engine's shortcuts (undisturbed prefix, event-driven re-solving, memo of states) change no
 * result: every trial equals the plain day-by-day simulation that solves every commodity every day.
 */
class ShortcutEquivalenceTest {

  private static TrialRunner assertSameAsNaive(Scenario s, int trials) {
    StudyModel model = new StudyModel(s);
    TrialRunner fast = new TrialRunner(model, model.baseline);
    TrialRunner naive = new TrialRunner(model, model.baseline, true);
    for (int k = 0; k < trials; k++) {
      fast.runTrial(21, k);
      TrialMetrics a = fast.ledger().toTrialMetrics();
      naive.runTrial(21, k);
      TrialMetrics b = naive.ledger().toTrialMetrics();
      assertArrayEquals(b.values(), a.values(), 0.0, "trial " + k);
      assertArrayEquals(
          b.unservedVolumeByCommodity(), a.unservedVolumeByCommodity(), 0.0, "trial " + k);
      assertArrayEquals(b.personDaysByCommodity(), a.personDaysByCommodity(), 0.0, "trial " + k);
      assertArrayEquals(
          b.peakInoperabilityBySector(), a.peakInoperabilityBySector(), 0.0, "trial " + k);
      assertArrayEquals(b.indirectLossBySector(), a.indirectLossBySector(), 0.0, "trial " + k);
      assertArrayEquals(
          naive.ledger().unservedBySink(), fast.ledger().unservedBySink(), 0.0, "trial " + k);
      assertArrayEquals(
          naive.ledger().personDaysBySink(), fast.ledger().personDaysBySink(), 0.0, "trial " + k);
      // every day's served share, also on the days the shortcuts never added (the ledger keeps the
      // undisturbed share there); and every day whose share differs from the undisturbed one is
      // listed as added (what the study's bulk share accounting relies on)
      double[][] undisturbed = model.baseline.servedShare();
      boolean[] listed = new boolean[model.horizonDays];
      for (int i = 0; i < fast.ledger().addedDayCount(); i++) {
        listed[fast.ledger().addedDay(i)] = true;
      }
      for (int c = 0; c < model.commodityCount; c++) {
        double[] want = naive.ledger().servedShareByCommodityDay()[c];
        assertArrayEquals(want, fast.ledger().servedShareByCommodityDay()[c], 0.0, "trial " + k);
        for (int d = 0; d < want.length; d++) {
          if (Double.compare(want[d], undisturbed[c][d]) != 0) {
            assertTrue(listed[d], "trial " + k + " day " + d + " not listed");
          }
        }
      }
      assertArrayEquals(
          touched(naive, model.assetCount), touched(fast, model.assetCount), "trial " + k);
    }
    return fast;
  }

  /** Days down per asset in the last trial. */
  private static int[] touched(TrialRunner r, int assets) {
    int[] days = new int[assets];
    for (int i = 0; i < r.touchedCount(); i++) {
      days[r.touched(i)] = r.daysDown(r.touched(i));
    }
    return days;
  }

  @Test
  void profilesPartialDamageCrewsAndStagesGiveTheSameTrials() throws Exception {
    // The flow memo must key on the day's demand and on partial capacities: a stale flow would
    // show here (the naive runner solves every commodity every day, without the memo).
    String text =
        java.nio.file.Files.readString(java.nio.file.Path.of("scenarios/baltic-sea-2023.yaml"))
            .replace("events_per_year: 0.5", "events_per_year: 12")
            .replace("events_per_year: 0.2", "events_per_year: 6")
            .replace("success_probability: 0.3", "success_probability: 0.9")
            .replace("selection: uniform", "selection: max-damage");
    TrialRunner fast = assertSameAsNaive(Yaml.load(text).baseline(), 150);
    // the shortcuts after a first hit were taken (so this compares them)
    assertTrue(fast.mergedDays > 0, "merged " + fast.mergedDays);
    assertTrue(fast.repeatedDays > 0, "repeated " + fast.repeatedDays);
  }

  @Test
  void storagePrioritiesAndMaxDamageGiveTheSameTrials() {
    assertSameAsNaive(ReproducibilityTest.network(), 400);
  }

  @Test
  void dependenciesAndCommonModeGiveTheSameTrials() {
    Scenario s =
        new Build()
            .commodity("power")
            .source("gsrc", 12)
            .junction("j")
            .sink("gas-plant", 6)
            .sink("homes", 5)
            .node(Node.storage("store", "gas", 10, 3, 20, 2))
            .link(
                Link.of("g1", "gsrc", "j", "gas", 8)
                    .with(org.corridorrisk.model.LinkKind.PIPELINE, "row", 0.5, null))
            .link(
                Link.of("g2", "gsrc", "j", "gas", 8)
                    .with(org.corridorrisk.model.LinkKind.PIPELINE, "row", 1.5, null))
            .link("g3", "j", "gas-plant", 8)
            .link("g4", "j", "homes", 8)
            .link("so", "store", "j", 3)
            .link("si", "j", "store", 3)
            .node(Node.source("plant", "power", 50))
            .node(Node.sink("town", "power", 40))
            .link(Link.of("wire", "plant", "town", "power", 60))
            .dependency("gas-plant", "plant")
            .threat(
                Threat.poisson(
                        "sab",
                        40,
                        0.5,
                        new RepairTime.Exponential(2),
                        TargetSpec.ofLinks("g1", "g2", "g4", "so"))
                    .with(Selection.CAPACITY_WEIGHTED, true))
            .threat(
                Threat.poisson(
                        "cut",
                        20,
                        0.5,
                        new RepairTime.Uniform(1, 3),
                        TargetSpec.ofLinks("wire", "g3"))
                    .with(Selection.MAX_DAMAGE, false))
            .scenario();
    assertSameAsNaive(s, 300);
  }

  /**
   * After an outage a refillable storage fills up to its capacity again (bitwise the undisturbed
   * inventory) while a storage without injection stays lower with the same caps: the trial merges
   * back into the undisturbed run until the next hit. Repairs by a crew (queued when busy) with a
   * restoration stage, several hits a trial, a demand profile, a deliverability curve, sectors, a
   * dearer backup supply (rerouting cost on days with every sink served), and days on which even
   * the undisturbed run falls short (winter peak).
   */
  @Test
  void mergeBackAfterRefillCrewsStagesAndProfilesGivesTheSameTrials() {
    String yaml =
        """
        format: corridor-risk/v1
        name: merge-back
        horizon_days: 120
        commodities: [{id: gas}]
        profiles:
          - id: season
            steps:
              - {from_day: 0, factor: 1.0}
              - {from_day: 40, factor: 1.3}
              - {from_day: 47, factor: 1.0}
              - {from_day: 90, factor: 0.9}
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 12}
          - {id: src2, kind: source, commodity: gas, supply: 6}
          - {id: hub, kind: junction, commodity: gas}
          - {id: refill, kind: storage, commodity: gas, inventory: 8, max_withdrawal: 4,
             capacity: 12, max_injection: 2}
          - {id: reserve, kind: storage, commodity: gas, inventory: 60, max_withdrawal: 3,
             capacity: 60, max_injection: 0,
             deliverability: [{fill: 0, factor: 0.5}, {fill: 1, factor: 1}]}
          - {id: city, kind: sink, commodity: gas, demand: 8, priority: 1, population: 1000,
             value_of_lost_load: 5, demand_profile: season, sector: homes}
          - {id: plant, kind: sink, commodity: gas, demand: 2, priority: 2, population: 0,
             value_of_lost_load: 2, sector: industry}
        links:
          - {id: main, from: src, to: hub, commodity: gas, capacity: 12, kind: subsea-pipeline,
             cost_per_unit: 1}
          - {id: backup, from: src2, to: hub, commodity: gas, capacity: 6, cost_per_unit: 3}
          - {id: r1, from: refill, to: hub, commodity: gas, capacity: 10, directed: false,
             kind: subsea-pipeline}
          - {id: r2, from: reserve, to: hub, commodity: gas, capacity: 10}
          - {id: c1, from: hub, to: city, commodity: gas, capacity: 20}
          - {id: c2, from: hub, to: plant, commodity: gas, capacity: 20}
        threats:
          - id: anchor
            model: poisson
            events_per_year: 30
            success_probability: 0.7
            targets: {links: [main]}
            damage:
              - {probability: 0.5, capacity_factor: 0, repair_days: {dist: fixed, value: 3},
                 restoration: [{capacity_factor: 0.5, days: {dist: fixed, value: 2}}]}
              - {probability: 0.5, capacity_factor: 0.6, repair_days: {dist: uniform, min: 1,
                 max: 4}}
            repair_days: {dist: fixed, value: 3}
          - id: storm
            model: poisson
            events_per_year: 8
            success_probability: 1
            targets: {links: [c2, r2, r1]}
            repair_days: {dist: uniform, min: 1, max: 6}
        repair_crews:
          - {id: vessel, count: 1, serves: {kinds: [subsea-pipeline]}, mobilization_days: 1}
        economy:
          sectors:
            - {id: homes, output_per_day: 10}
            - {id: industry, output_per_day: 20}
          interdependency:
            - [0.0, 0.2]
            - [0.3, 0.0]
        """;
    TrialRunner fast = assertSameAsNaive(Yaml.load(yaml).baseline(), 400);
    assertTrue(fast.mergedDays > 0, "merged " + fast.mergedDays);
    assertTrue(fast.repeatedDays > 0, "repeated " + fast.repeatedDays);
  }

  /**
   * The Southern Gas Corridor example has one storage (the network's only one, which the repeated
   * days handle on their own path): it empties through outages and refills after them, hit again
   * while moving; every trial as the plain day-by-day loop gives it.
   */
  @Test
  void aLoneStorageMovingThroughRepeatedDaysGivesTheSameTrials() throws Exception {
    String yaml =
        java.nio.file.Files.readString(
            java.nio.file.Path.of("scenarios/southern-gas-corridor.yaml"));
    TrialRunner fast = assertSameAsNaive(Yaml.load(yaml).baseline(), 300);
    assertEquals(1, new StudyModel(Yaml.load(yaml).baseline()).storageNodes.length);
    assertTrue(fast.movingRepeatedDays > 1000, "moving repeats " + fast.movingRepeatedDays);
  }
}
