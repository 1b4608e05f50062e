package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;

/** Trial k depends only on (seed, k): same numbers for any thread count or batch split. */
class ReproducibilityTest {

  /** A small network with storage, priorities, uniform and max-damage attackers. */
  static Scenario network() {
    return Build.horizon(60)
        .source("src", 12)
        .junction("j")
        .node(Node.sink("homes", "gas", 5).withSinkDetails(1, 1000, 50, null))
        .node(Node.sink("plant", "gas", 6).withSinkDetails(2, 0, 20, null))
        .node(Node.storage("store", "gas", 30, 4, 40, 2))
        .link("a", "src", "j", 8)
        .link("b", "src", "j", 6)
        .link("c", "j", "homes", 6)
        .link("d", "j", "plant", 7)
        .link("s-out", "store", "j", 4)
        .link("s-in", "j", "store", 4)
        .threat(
            Threat.poisson(
                "saboteur",
                6,
                0.7,
                new RepairTime.Lognormal(5, 15),
                TargetSpec.ofLinks("a", "b", "d")))
        .threat(
            Threat.poisson(
                    "planner",
                    2,
                    0.5,
                    new RepairTime.Exponential(4),
                    TargetSpec.ofLinks("a", "b", "c"))
                .with(Selection.MAX_DAMAGE, false))
        .threat(
            Threat.independent(
                "flood", 0.1, 10, new RepairTime.Uniform(2, 8), TargetSpec.ofNodes("store")))
        .scenario();
  }

  @Test
  void sameSeedGivesSameTrialsForOneTwoAndFourThreads() {
    Scenario s = network();
    StudyResult one = MonteCarlo.run(s, RunOptions.of(1500, 42, 1));
    StudyResult two = MonteCarlo.run(s, RunOptions.of(1500, 42, 2));
    StudyResult four = MonteCarlo.run(s, RunOptions.of(1500, 42, 4));
    for (Metric m : Metric.values()) {
      assertArrayEquals(one.values(m), two.values(m), m.key());
      assertArrayEquals(one.values(m), four.values(m), m.key());
    }
    assertTrue(Arrays.deepEquals(one.daily().mean(), four.daily().mean()));
    assertTrue(Arrays.deepEquals(one.daily().p05(), four.daily().p05()));
    assertEquals(one.sinks(), four.sinks());
    assertEquals(one.assets().toString(), four.assets().toString());
  }

  @Test
  void trialDependsOnlyOnSeedAndIndexNotOnTrialCount() {
    Scenario s = network();
    StudyResult small = MonteCarlo.run(s, RunOptions.of(250, 42, 1));
    StudyResult large = MonteCarlo.run(s, RunOptions.of(900, 42, 2));
    double[] prefix = Arrays.copyOf(large.values(Metric.ECONOMIC_LOSS), 250);
    assertArrayEquals(small.values(Metric.ECONOMIC_LOSS), prefix);
  }

  @Test
  void differentSeedGivesDifferentTrials() {
    Scenario s = network();
    StudyResult a = MonteCarlo.run(s, RunOptions.of(300, 1, 1));
    StudyResult b = MonteCarlo.run(s, RunOptions.of(300, 2, 1));
    assertFalse(Arrays.equals(a.values(Metric.ECONOMIC_LOSS), b.values(Metric.ECONOMIC_LOSS)));
  }

  @Test
  void targetCiStopsAtTheSameMultipleOfAThousandForAnyThreadCount() {
    Scenario s = network();
    StudyResult one = MonteCarlo.run(s, new RunOptions(50_000, 42, 1, 0.05, null));
    StudyResult two = MonteCarlo.run(s, new RunOptions(50_000, 42, 2, 0.05, null));
    assertEquals(0, one.trials() % MonteCarlo.CHECK_EVERY);
    assertTrue(one.trials() < 50_000, "converges before the cap: " + one.trials());
    assertEquals(one.trials(), two.trials());
    assertArrayEquals(one.values(Metric.ECONOMIC_LOSS), two.values(Metric.ECONOMIC_LOSS));
  }

  @Test
  void allZeroLossConvergesAtTheFirstCheck() {
    Scenario s =
        Build.horizon(5)
            .source("src", 5)
            .sink("city", 5)
            .link("a", "src", "city", 5)
            .threat(Threat.poisson("none", 0, 1, new RepairTime.Fixed(1), TargetSpec.ofLinks("a")))
            .scenario();
    StudyResult r = MonteCarlo.run(s, new RunOptions(10_000, 1, 1, 0.01, null));
    assertEquals(1000, r.trials());
  }
}
