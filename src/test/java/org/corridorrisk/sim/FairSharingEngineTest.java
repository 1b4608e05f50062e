package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.StudyResult.SinkStat;
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

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }
}
