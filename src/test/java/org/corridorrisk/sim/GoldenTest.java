package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.Spill;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;

/** Hand-computed cases, in plain numbers. */
class GoldenTest {
  private static final double EPS = 1e-9;

  @Test
  void storageRunsDryOnDayTwo() {
    // src -(L1: 10)-> city (demand 10); store (inventory 25, withdrawal 10) -(L2)-> city.
    // L1 out days 0..9: day 0: 10 from storage (left 15), day 1: 10 (left 5), day 2: 5, days 3-9:
    // 0.
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("city", 10)
            .node(Node.storage("store", "gas", 25, 10, 25, 10))
            .link("L1", "src", "city", 10)
            .link("L2", "store", "city", 10)
            .scenario();
    TrialMetrics m = new OutageEvaluator(s).evaluate(List.of("L1"), 10);
    assertEquals(75.0, m.unservedVolumeByCommodity()[0], EPS);
    assertEquals(0.75, m.get(Metric.UNSERVED_FRACTION), EPS);
  }

  @Test
  void storageRefillsAfterRepairFromSpareSupply() {
    // src 15/d, city 10/d; storage 20 of capacity 20 refills at most 3/d from the spare 5/d.
    // L1 out days 0..1: storage gives 10 + 10 (empty), days 2..: refills 3/d; nothing unserved.
    Scenario s =
        Build.horizon(6)
            .source("src", 15)
            .sink("city", 10)
            .node(Node.storage("store", "gas", 20, 10, 20, 3))
            .link("L1", "src", "j", 20)
            .junction("j")
            .link("L3", "j", "city", 20)
            .link("L2", "store", "j", 10)
            .link("L4", "j", "store", 10)
            .scenario();
    TrialMetrics m = new OutageEvaluator(s).evaluate(List.of("L1"), 2);
    assertEquals(0.0, m.unservedVolumeByCommodity()[0], EPS);
    TrialMetrics longer = new OutageEvaluator(s).evaluate(List.of("L1"), 3);
    assertEquals(10.0, longer.unservedVolumeByCommodity()[0], EPS);
  }

  @Test
  void iimTwoSectorsGivesIndirectLossAndPeaks() {
    // Sink a (sector s1, demand 10, VoLL 2) loses everything on days 0..2; sink b (s2) is fine.
    // A* = [[0, 0], [0.4, 0]]: c* = (1, 0) -> q = (1, 0.4): indirect = 0.4 x 100 per day x 3 = 120.
    Scenario s =
        Build.horizon(5)
            .source("src", 20)
            .node(Node.sink("a", "gas", 10).withSinkDetails(1, 0, 2, "s1"))
            .node(Node.sink("b", "gas", 10).withSinkDetails(1, 0, 0, "s2"))
            .link("La", "src", "a", 10)
            .link("Lb", "src", "b", 10)
            .economy(new double[][] {{0, 0}, {0.4, 0}}, new Sector("s1", 50), new Sector("s2", 100))
            .scenario();
    TrialMetrics m = new OutageEvaluator(s).evaluate(List.of("La"), 3);
    assertEquals(60.0, m.get(Metric.DIRECT_LOSS), EPS);
    assertEquals(120.0, m.get(Metric.INDIRECT_LOSS), 1e-6);
    assertEquals(180.0, m.get(Metric.ECONOMIC_LOSS), 1e-6);
    assertEquals(1.0, m.peakInoperabilityBySector()[0], EPS);
    assertEquals(0.4, m.peakInoperabilityBySector()[1], 1e-9);
    assertEquals(0.0, m.indirectLossBySector()[0], EPS);
    assertEquals(120.0, m.indirectLossBySector()[1], 1e-6);
  }

  @Test
  void spillOnKnownDayUsesFlowBeforeHit() {
    // Independent threat, probability 1 at day 3, repair 2 days, on a link carrying 8/d:
    // spill = 8 x 12 / 24 + 100 = 104 in every trial; unserved 16 of 80.
    Link pipe =
        Link.of("pipe", "src", "city", "gas", 10)
            .with(LinkKind.PIPELINE, null, 0, new Spill(12, 100));
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("city", 8)
            .link(pipe)
            .threat(
                Threat.independent(
                    "quake", 1.0, 3, new RepairTime.Fixed(2), TargetSpec.ofLinks("pipe")))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(20, 7, 1));
    for (int t = 0; t < 20; t++) {
      assertEquals(104.0, r.values(Metric.SPILL_VOLUME)[t], EPS);
      assertEquals(16.0, r.unservedVolume()[0][t], EPS);
      assertEquals(0.2, r.values(Metric.UNSERVED_FRACTION)[t], EPS);
    }
  }

  @Test
  void reportSeriesFollowAKnownOutage() {
    // The only link is down on days 3 and 4 in every trial (independent, probability 1).
    Scenario s =
        Build.horizon(8)
            .source("src", 10)
            .node(Node.sink("city", "gas", 8).withSinkDetails(1, 100, 0, null))
            .link("pipe", "src", "city", 10)
            .threat(
                Threat.independent(
                    "quake", 1.0, 3, new RepairTime.Fixed(2), TargetSpec.ofLinks("pipe")))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(50, 1, 2));
    double[] mean = r.daily().mean()[0];
    assertEquals(1.0, mean[2], EPS);
    assertEquals(0.0, mean[3], EPS);
    assertEquals(0.0, r.daily().p95()[0][4], EPS);
    assertEquals(1.0, r.daily().p05()[0][5], EPS);
    StudyResult.SinkStat city = r.sinks().get(0);
    assertEquals(16.0, city.meanUnservedVolume(), EPS);
    assertEquals(0.25, city.meanUnservedShare(), EPS);
    StudyResult.AssetStat pipe =
        r.assets().stream().filter(a -> a.id().equals("pipe")).findFirst().orElseThrow();
    assertEquals(1.0, pipe.shareOfTrialsDisabled(), EPS);
    assertEquals(2.0, pipe.meanOutageDays(), EPS);
    StudyResult.AssetStat src =
        r.assets().stream().filter(a -> a.id().equals("src")).findFirst().orElseThrow();
    assertEquals(0.0, src.shareOfTrialsDisabled(), EPS);
    assertEquals(true, Double.isNaN(src.meanEconomicLossWhenDisabled()));
  }

  @Test
  void prioritySinkKeepsItsSupplyInAShortage() {
    // 10/d for a priority-1 sink of 6 (pop 600) and a priority-2 sink of 8 (pop 1000):
    // the second gets 4, unserved 4/d: person-days 1000 x 4/8 x 5 = 2500, fraction 20/70.
    Scenario s =
        Build.horizon(5)
            .source("src", 10)
            .junction("j")
            .node(Node.sink("hosp", "gas", 6).withSinkDetails(1, 600, 0, null))
            .node(Node.sink("ind", "gas", 8).withSinkDetails(2, 1000, 0, null))
            .link("L0", "src", "j", 20)
            .link("L1", "j", "hosp", 20)
            .link("L2", "j", "ind", 20)
            .scenario();
    TrialMetrics m = new OutageEvaluator(s).evaluate(List.of(), 0);
    assertEquals(20.0, m.unservedVolumeByCommodity()[0], EPS);
    assertEquals(2500.0, m.get(Metric.PERSON_DAYS_WITHOUT_SERVICE), EPS);
    assertEquals(20.0 / 70.0, m.get(Metric.UNSERVED_FRACTION), EPS);
  }

  @Test
  void seriesChainFailsUnlessEveryLinkSurvives() {
    // Three links in series fail independently at day 0 with 0.1, 0.2, 0.3 for the whole horizon.
    // P(all up) = 0.9 x 0.8 x 0.7 = 0.504, so the mean unserved fraction is 0.496.
    Build b =
        Build.horizon(4)
            .source("src", 5)
            .junction("j1")
            .junction("j2")
            .sink("city", 5)
            .link("a", "src", "j1", 5)
            .link("b", "j1", "j2", 5)
            .link("c", "j2", "city", 5);
    double[] p = {0.1, 0.2, 0.3};
    String[] ids = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
      b.threat(
          Threat.independent(
              "fail-" + ids[i], p[i], 0, new RepairTime.Fixed(4), TargetSpec.ofLinks(ids[i])));
    }
    int n = 20000;
    StudyResult r = MonteCarlo.run(b.scenario(), RunOptions.of(n, 11, 2));
    double[] v = r.values(Metric.UNSERVED_FRACTION);
    double mean = 0;
    for (double x : v) {
      assertEquals(true, x == 0.0 || x == 1.0, "each trial is all or nothing");
      mean += x;
    }
    mean /= n;
    double expected = 1 - 0.504;
    double se = Math.sqrt(expected * (1 - expected) / n);
    assertEquals(expected, mean, 4 * se);
  }
}
