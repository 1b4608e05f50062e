package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.StudyResult.SinkStat;
import org.corridorrisk.sim.TrialReplayTest.Recording;
import org.junit.jupiter.api.Test;

/** {@code sharing} through the whole engine (loader, day loop, memo, ledger). */
class FairSharingEngineTest {
  private static final Path FILE = Path.of("src/test/resources/scenario/fair-spur.yaml");

  private static Map<String, Double> unservedBySink(StudyResult r) {
    Map<String, Double> m = new HashMap<>();
    for (SinkStat k : r.sinks()) {
      m.put(k.id(), k.meanUnservedVolume());
    }
    return m;
  }

  @Test
  void fair_sharesEachDayMaxMinAndAnyKeepsTheTotals() throws Exception {
    Scenario scenario = ScenarioLoader.load(FILE).baseline();
    assertEquals(Sharing.FAIR, scenario.sharing());
    StudyResult fair = MonteCarlo.run(scenario, RunOptions.of(20, 1, 2));
    StudyResult any = MonteCarlo.run(scenario.withSharing(Sharing.ANY), RunOptions.of(20, 1, 2));
    // Days 0-4, supply 12 through the main line: c stops at the spur's 3 (share 0.2); a and b
    // share 9: 15 lam = 9, lam = 0.6: a 6, b 3. Unserved a 4, b 2, c 12 a day.
    // Days 5-9, the backup line carries 6: c's spur does not bind below share 0.2 ... every
    // share rises together: 30 lam = 6, lam = 0.2 (c at 3 = its spur, exactly): a 2, b 1, c 3.
    // Unserved a 8, b 4, c 12 a day.
    // Horizon: a 5 x 4 + 5 x 8 = 60, b 5 x 2 + 5 x 4 = 30, c 10 x 12 = 120; total 210.
    Map<String, Double> f = unservedBySink(fair);
    assertEquals(60, f.get("a"), 1e-9);
    assertEquals(30, f.get("b"), 1e-9);
    assertEquals(120, f.get("c"), 1e-9);
    // person-days: population 1000 x unserved / demand: a 1000 x 60 / 10 = 6,000,
    // b 1000 x 30 / 5 = 6,000, c 1000 x 120 / 15 = 8,000: 20,000 in every trial.
    for (double v : fair.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)) {
      assertEquals(20_000, v, 1e-6);
    }
    Map<String, Double> a = unservedBySink(any);
    assertEquals(210, a.get("a") + a.get("b") + a.get("c"), 1e-9);
    assertEquals(
        mean(any.values(Metric.UNSERVED_FRACTION)),
        mean(fair.values(Metric.UNSERVED_FRACTION)),
        1e-12);
  }

  /** Two storages st1, st2 feeding sink k; the end-of-day inventories of a 1-trial replay. */
  private static List<double[]> inventories(String storages, int demand, String threat) {
    String yaml =
        """
        format: corridor-risk/v1
        name: two-stores
        horizon_days: 3
        commodities: [{id: gas}]
        nodes:
        %s
          - {id: k, kind: sink, commodity: gas, demand: %d}
        links:
          - {id: sk, from: s, to: k, commodity: gas, capacity: 100}
          - {id: l1, from: st1, to: k, commodity: gas, capacity: 100, directed: false}
          - {id: l2, from: st2, to: k, commodity: gas, capacity: 100, directed: false}
          - {id: r1, from: s, to: st1, commodity: gas, capacity: 100}
          - {id: r2, from: s, to: st2, commodity: gas, capacity: 100}
        threats:
        %s
        """
            .formatted(storages, demand, threat);
    Recording rec = new Recording();
    new TrialReplay(Yaml.load(yaml).baseline()).replay(1, 0, rec);
    return rec.inventory;
  }

  @Test
  void fair_storagesDrawDownInProportionToWhatEachCanGiveThatDay() {
    // Source 5, sink 15: the storages give 10 a day. st1 holds only 6 (max 10 a day), st2 100
    // (max 10). Day 0: caps 6 and 10, 16 mu = 10: st1 gives 3.75, st2 6.25 (not 5 and 5).
    // Day 1: caps 2.25 and 10: st1 gives 2.25 x 10 / 12.25, st2 10 x 10 / 12.25.
    // Day 2: st2 is hit (factor 0.5, cap 5) and st1's cap is what it still holds.
    String stores =
        """
          - {id: s, kind: source, commodity: gas, supply: 5}
          - {id: st1, kind: storage, commodity: gas, inventory: 6, max_withdrawal: 10}
          - {id: st2, kind: storage, commodity: gas, inventory: 100, max_withdrawal: 10}
        """;
    String hit =
        """
          - {id: q, model: independent, probability: 1, start_day: 2, targets: {nodes: [st2]},
               damage: [{probability: 1, capacity_factor: 0.5}],
               repair_days: {dist: fixed, value: 1}}
        """;
    List<double[]> inv = inventories(stores, 15, hit);
    double st1 = 6 - 3.75;
    double st2 = 100 - 6.25;
    assertEquals(st1, inv.get(0)[0], 1e-9);
    assertEquals(st2, inv.get(0)[1], 1e-9);
    double mu = 10 / (st1 + 10);
    st1 -= mu * st1;
    st2 -= mu * 10;
    assertEquals(0.413265306122449, st1, 1e-12);
    assertEquals(st1, inv.get(1)[0], 1e-9);
    assertEquals(st2, inv.get(1)[1], 1e-9);
    // day 2: caps st1 (0.41) and 5 give 5.41 < 10: both give all they can (the sink is short)
    assertEquals(0, inv.get(2)[0], 1e-9);
    assertEquals(st2 - 5, inv.get(2)[1], 1e-9);
  }

  @Test
  void fair_refillsInProportionToWhatEachCanTakeThatDay() {
    // Source 10, sink 4: 6 spare a day. st1 (room 5 below its capacity 100, max 10 a day) and
    // st2 (empty, capacity 100, max 10): caps 5 and 10, 15 nu = 6: 2 and 4 (not 3 and 3).
    // Day 1: st1 is hit (factor 0.2: max 2 a day, below its room 3): caps 2 and 10, 12 nu = 6:
    // 1 and 5. Day 2: st1 is back: caps min(10, room 2) and 10: 1 and 5 again.
    String stores =
        """
          - {id: s, kind: source, commodity: gas, supply: 10}
          - {id: st1, kind: storage, commodity: gas, inventory: 95, max_withdrawal: 10,
             capacity: 100}
          - {id: st2, kind: storage, commodity: gas, inventory: 0, max_withdrawal: 10,
             capacity: 100}
        """;
    String hit =
        """
          - {id: q, model: independent, probability: 1, start_day: 1, targets: {nodes: [st1]},
               damage: [{probability: 1, capacity_factor: 0.2}],
               repair_days: {dist: fixed, value: 1}}
        """;
    List<double[]> inv = inventories(stores, 4, hit);
    assertEquals(97, inv.get(0)[0], 1e-9);
    assertEquals(4, inv.get(0)[1], 1e-9);
    assertEquals(98, inv.get(1)[0], 1e-9);
    assertEquals(9, inv.get(1)[1], 1e-9);
    assertEquals(99, inv.get(2)[0], 1e-9);
    assertEquals(14, inv.get(2)[1], 1e-9);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
