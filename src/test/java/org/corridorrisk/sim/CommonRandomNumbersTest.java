package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;

/**
 * Mitigations are compared on common random numbers: a no-op patch changes no trial; on a network
 * without competing sinks or saturated sectors, more capacity, inventory or shorter repairs make no
 * trial worse.
 */
class CommonRandomNumbersTest {
  private static final int TRIALS = 2000;

  /** One sink fed by two parallel links (6 + 6 for demand 10) and a small storage. */
  private static Build base(double capacity, double inventory, RepairTime repair) {
    return Build.horizon(60)
        .source("src", 12)
        .junction("j")
        .node(Node.sink("city", "gas", 10).withSinkDetails(1, 500, 30, null))
        .node(Node.storage("store", "gas", inventory, 4, Math.max(inventory, 40), 2))
        .link("a", "src", "j", capacity)
        .link("b", "src", "j", capacity)
        .link("c", "j", "city", 12)
        .link("s-out", "store", "j", 4)
        .link("s-in", "j", "store", 4)
        .threat(Threat.poisson("sabotage", 8, 0.6, repair, TargetSpec.ofLinks("a", "b", "c")))
        .threat(
            Threat.independent(
                "quake", 0.05, 20, new RepairTime.Triangular(3, 5, 12), TargetSpec.ofLinks("c")));
  }

  private static StudyResult run(Scenario s) {
    return MonteCarlo.run(s, RunOptions.of(TRIALS, 99, 2));
  }

  @Test
  void noOpPatchesChangeNoTrial() {
    StudyResult baseline = run(base(6, 20, new RepairTime.Lognormal(6, 20)).scenario());
    // an extra threat that never acts, and an extra asset no threat targets
    Scenario patched =
        base(6, 20, new RepairTime.Lognormal(6, 20))
            .threat(Threat.poisson("idle", 0, 1, new RepairTime.Fixed(3), TargetSpec.ofLinks("a")))
            .junction("spare")
            .link(Link.of("spur", "j", "spare", "gas", 3))
            .scenario();
    StudyResult other = run(patched);
    for (Metric m : Metric.values()) {
      assertArrayEquals(baseline.values(m), other.values(m), m.key());
    }
  }

  @Test
  void moreCapacityMakesNoTrialWorse() {
    assertNeverWorse(
        run(base(6, 20, new RepairTime.Lognormal(6, 20)).scenario()),
        run(base(9, 20, new RepairTime.Lognormal(6, 20)).scenario()));
  }

  @Test
  void moreInventoryMakesNoTrialWorse() {
    assertNeverWorse(
        run(base(6, 20, new RepairTime.Lognormal(6, 20)).scenario()),
        run(base(6, 35, new RepairTime.Lognormal(6, 20)).scenario()));
  }

  @Test
  void shorterRepairsMakeNoTrialWorse() {
    assertNeverWorse(
        run(base(6, 20, new RepairTime.Lognormal(6, 20)).scenario()),
        run(base(6, 20, new RepairTime.Lognormal(3, 10)).scenario()));
  }

  private static void assertNeverWorse(StudyResult before, StudyResult after) {
    double[] b = before.values(Metric.UNSERVED_FRACTION);
    double[] a = after.values(Metric.UNSERVED_FRACTION);
    boolean someBetter = false;
    for (int t = 0; t < b.length; t++) {
      assertTrue(a[t] <= b[t] + 1e-12, "trial " + t + " got worse: " + b[t] + " -> " + a[t]);
      someBetter |= a[t] < b[t] - 1e-12;
    }
    assertTrue(someBetter, "the patch should help in some trial");
    double[] lb = before.values(Metric.ECONOMIC_LOSS);
    double[] la = after.values(Metric.ECONOMIC_LOSS);
    for (int t = 0; t < lb.length; t++) {
      assertTrue(
          la[t] <= lb[t] + 1e-6, "trial " + t + " loss got worse: " + lb[t] + " -> " + la[t]);
    }
  }
}
