package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Spill;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.junit.jupiter.api.Test;

/** Selection rules, common mode, overlapping outages, dependencies and rerouting cost. */
class ThreatSemanticsTest {
  private static final double EPS = 1e-9;

  /** Two sinks on their own links: "rich" loses 100 per unit, "poor" 1 per unit. */
  private static Build twoSinks() {
    return Build.horizon(30)
        .source("src", 20)
        .node(Node.sink("rich", "gas", 10).withSinkDetails(1, 0, 100, null))
        .node(Node.sink("poor", "gas", 10).withSinkDetails(1, 0, 1, null))
        .link("to-poor", "src", "poor", 10)
        .link("to-rich", "src", "rich", 10);
  }

  @Test
  void maxDamageHitsTheCostliestUpTargetFirst() {
    // One certain attempt at most days; the first success must take "to-rich" (the costliest), and
    // a
    // second success while it is down must take "to-poor".
    Threat t =
        Threat.poisson(
                "planner",
                36.5,
                1.0,
                new RepairTime.Fixed(100),
                TargetSpec.ofLinks("to-poor", "to-rich"))
            .with(Selection.MAX_DAMAGE, false);
    StudyResult r = MonteCarlo.run(twoSinks().threat(t).scenario(), RunOptions.of(500, 1, 1));
    for (int k = 0; k < r.trials(); k++) {
      double direct = r.values(Metric.DIRECT_LOSS)[k];
      double unserved = r.unservedVolume()[0][k];
      // rich unserved volume = direct portion / 100; every trial with any loss lost "rich" first
      if (unserved > 0) {
        double richVolume =
            (direct - (unserved - 0)) / 99.0; // direct = 100 r + 1 p, unserved = r + p
        double poorVolume = unserved - richVolume;
        assertTrue(
            richVolume >= poorVolume - EPS,
            "trial " + k + ": rich " + richVolume + " poor " + poorVolume);
      }
    }
  }

  @Test
  void commonModeDisablesEveryTargetInTheCorridor() {
    // Two links of capacity 5 in corridor "row" feed a sink of 10. Each fails at day 2 with
    // probability 0.5 for 3 days. With common mode any failure takes both: 30 unserved; without
    // it a single failure would leave 5 per day (15).
    assertOutcomes(true, 30.0);
    assertOutcomes(false, 15.0);
  }

  private static void assertOutcomes(boolean commonMode, double singleFailureVolume) {
    Link a = Link.of("a", "src", "city", "gas", 5).with(LinkKind.PIPELINE, "row", 0, null);
    Link b = Link.of("b", "src", "city", "gas", 5).with(LinkKind.PIPELINE, "row", 0, null);
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("city", 10)
            .link(a)
            .link(b)
            .threat(
                new Threat(
                    "blast",
                    ThreatModel.INDEPENDENT,
                    0,
                    0.5,
                    2,
                    Selection.UNIFORM,
                    1.0,
                    commonMode,
                    new RepairTime.Fixed(3),
                    new TargetSpec(null, null, null, null, List.of("row")),
                    null))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(400, 3, 1));
    boolean sawSingle = false;
    for (int k = 0; k < r.trials(); k++) {
      double u = r.unservedVolume()[0][k];
      assertTrue(
          u == 0 || Math.abs(u - 30) < EPS || Math.abs(u - singleFailureVolume) < EPS,
          "trial " + k + ": " + u);
      sawSingle |= Math.abs(u - singleFailureVolume) < EPS;
    }
    assertTrue(sawSingle);
  }

  @Test
  void secondHitExtendsOutageToTheLaterEnd() {
    // Both independent threats hit the only link at day 1: repairs 2 and 5 days -> days 1..5 down.
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("city", 10)
            .link("a", "src", "city", 10)
            .threat(
                Threat.independent(
                    "short", 1.0, 1, new RepairTime.Fixed(2), TargetSpec.ofLinks("a")))
            .threat(
                Threat.independent(
                    "long", 1.0, 1, new RepairTime.Fixed(4.2), TargetSpec.ofLinks("a")))
            .threat(
                Threat.independent(
                    "later", 1.0, 3, new RepairTime.Fixed(1), TargetSpec.ofLinks("a")))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(5, 1, 1));
    assertEquals(50.0, r.unservedVolume()[0][0], EPS);
    StudyResult.AssetStat a =
        r.assets().stream().filter(x -> x.id().equals("a")).findFirst().orElseThrow();
    assertEquals(5.0, a.meanOutageDays(), EPS);
    assertEquals(1.0, a.shareOfTrialsDisabled(), EPS);
  }

  @Test
  void dependencyScalesSupplyOfSupportedSource() {
    // Gas sink "gas-plant" (demand 10) feeds power source "plant" (supply 50) one for one in share.
    // Gas link out for 4 of 10 days: power unserved 4 days x 50 = 200 of 500.
    Scenario s =
        new Build()
            .commodity("power")
            .source("gsrc", 10)
            .sink("gas-plant", 10)
            .link("g", "gsrc", "gas-plant", 10)
            .node(Node.source("plant", "power", 50))
            .node(Node.sink("town", "power", 50))
            .link(Link.of("wire", "plant", "town", "power", 60))
            .dependency("gas-plant", "plant")
            .scenario();
    TrialMetrics m = new OutageEvaluator(s).evaluate(List.of("g"), 4);
    assertEquals(40.0, m.unservedVolumeByCommodity()[0], EPS);
    assertEquals(200.0, m.unservedVolumeByCommodity()[1], EPS);
    assertEquals((0.4 + 0.4) / 2, m.get(Metric.UNSERVED_FRACTION), EPS);
  }

  @Test
  void reroutingCostIsExtraCostOverUndisturbedDay() {
    // Cheap link (1/unit) and dear link (3/unit), each capacity 10, demand 10: losing the cheap
    // link for 3 days costs 3 x 10 x (3 - 1) = 60 extra.
    Link cheap = Link.of("cheap", "src", "city", "gas", 10).with(LinkKind.PIPELINE, null, 1, null);
    Link dear = Link.of("dear", "src", "city", "gas", 10).with(LinkKind.PIPELINE, null, 3, null);
    Scenario s =
        Build.horizon(10).source("src", 10).sink("city", 10).link(cheap).link(dear).scenario();
    TrialMetrics m = new OutageEvaluator(s).evaluate(List.of("cheap"), 3);
    assertEquals(60.0, m.get(Metric.REROUTING_COST), EPS);
    assertEquals(60.0, m.get(Metric.ECONOMIC_LOSS), EPS);
    TrialMetrics none = new OutageEvaluator(s).evaluate(List.of("dear"), 3);
    assertEquals(0.0, none.get(Metric.REROUTING_COST), EPS);
  }

  @Test
  void spillOnAnAlreadyDisabledLinkCountsOnlyIsolationVolume() {
    Link pipe =
        Link.of("pipe", "src", "city", "gas", 10)
            .with(LinkKind.PIPELINE, null, 0, new Spill(24, 7));
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("city", 10)
            .link(pipe)
            .threat(
                Threat.independent(
                    "first", 1.0, 1, new RepairTime.Fixed(5), TargetSpec.ofLinks("pipe")))
            .threat(
                Threat.independent(
                    "second", 1.0, 2, new RepairTime.Fixed(1), TargetSpec.ofLinks("pipe")))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(3, 1, 1));
    // first: 10 x 24/24 + 7 = 17; second, on the disabled link: 0 + 7
    assertEquals(24.0, r.values(Metric.SPILL_VOLUME)[0], EPS);
  }

  @Test
  void commonModeBlastSpillsNoCorridorMemberThatIsAlreadyDown() {
    // Pipes a and b share corridor "row" and feed their own sink (5 a day each); both fail at day
    // 2 (independent, probability 1, common mode). a's blast takes a and b: each spills its flow
    // 5 x 24/24 + 7 = 12. b's own failure is a hit on a disabled pipe: 0 + 7 (as for any hit);
    // its blast finds a already down and must not spill it again (it did add 7 more).
    Spill spill = new Spill(24, 7);
    Link a = Link.of("a", "src", "c1", "gas", 5).with(LinkKind.PIPELINE, "row", 0, spill);
    Link b = Link.of("b", "src", "c2", "gas", 5).with(LinkKind.PIPELINE, "row", 0, spill);
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("c1", 5)
            .sink("c2", 5)
            .link(a)
            .link(b)
            .threat(
                new Threat(
                    "blast",
                    ThreatModel.INDEPENDENT,
                    0,
                    1.0,
                    2,
                    Selection.UNIFORM,
                    1.0,
                    true,
                    new RepairTime.Fixed(3),
                    new TargetSpec(null, null, null, null, List.of("row")),
                    null))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(2, 1, 1));
    assertEquals(12 + 12 + 7, r.values(Metric.SPILL_VOLUME)[0], EPS);
  }

  @Test
  void capacityWeightedNeverPicksZeroWeightTarget() {
    Link zero =
        Link.of("zero", "src", "city", "gas", 0).with(LinkKind.PIPELINE, null, 0, new Spill(0, 1));
    Threat t =
        Threat.poisson("t", 365, 1.0, new RepairTime.Fixed(0), TargetSpec.ofLinks("zero", "real"))
            .with(Selection.CAPACITY_WEIGHTED, false);
    Scenario s =
        Build.horizon(10)
            .source("src", 10)
            .sink("city", 10)
            .link(zero)
            .link("real", "src", "city", 10)
            .threat(t)
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(200, 1, 1));
    for (double v : r.values(Metric.SPILL_VOLUME)) {
      assertEquals(0.0, v, EPS);
    }
  }
}
