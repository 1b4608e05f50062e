package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

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

  private static void assertSameAsNaive(Scenario s, int trials) {
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
      assertArrayEquals(b.indirectLossBySector(), a.indirectLossBySector(), 0.0, "trial " + k);
    }
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
    assertSameAsNaive(Yaml.load(text).baseline(), 150);
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
}
