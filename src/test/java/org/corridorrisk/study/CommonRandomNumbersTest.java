package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The common-random-numbers properties of the spec, on the real loader and engine: a no-op patch
 * changes no trial, a patch that only adds capacity, inventory or paths (or lowers a success
 * probability or shortens repairs) makes no trial worse on a network without competing sinks, and a
 * mitigation with a closed-form effect matches it.
 */
class CommonRandomNumbersTest {

  static LoadedScenario load(String name) throws Exception {
    return ScenarioLoader.load(resource(name));
  }

  static Path resource(String name) throws URISyntaxException {
    return Path.of(CommonRandomNumbersTest.class.getResource("/compare/" + name).toURI());
  }

  static StudyResult run(Scenario s, int trials, long seed) {
    return MonteCarlo.run(s, RunOptions.of(trials, seed, 2));
  }

  @ParameterizedTest
  @ValueSource(strings = {"same-values", "idle-asset"})
  void noOpPatch_everyPairedDifferenceIsExactlyZero(String mitigation) throws Exception {
    LoadedScenario loaded = load("crn-rich.yaml");
    StudyResult base = run(loaded.baseline(), 500, 7);
    StudyResult mitigated = run(loaded.variant(List.of(mitigation)), 500, 7);
    assertTrue(
        Synthetic.max(base.values(Metric.ECONOMIC_LOSS)) > 0,
        "the baseline must have losses to compare");
    for (Metric m : Metric.values()) {
      double[] b = base.values(m);
      double[] x = mitigated.values(m);
      for (int k = 0; k < base.trials(); k++) {
        assertEquals(
            0.0,
            b[k] - x[k],
            m.key() + " differs in trial " + k + ": baseline " + b[k] + ", mitigated " + x[k]);
      }
    }
  }

  @Test
  void addedAssetsThatTheThreatTargets_doNotShiftTheDrawsOfTheBaselineTargets() throws Exception {
    // the threat targets by kind; the mitigation adds a junction and a pipeline it also targets,
    // idle (nothing flows through them to the sink): every trial must keep its loss
    LoadedScenario loaded = load("crn-added-target.yaml");
    StudyResult base = run(loaded.baseline(), 2000, 7);
    StudyResult mitigated = run(loaded.variant(List.of("idle-junction")), 2000, 7);
    assertTrue(Synthetic.max(base.values(Metric.ECONOMIC_LOSS)) > 0);
    double[] b = base.values(Metric.ECONOMIC_LOSS);
    double[] x = mitigated.values(Metric.ECONOMIC_LOSS);
    for (int k = 0; k < base.trials(); k++) {
      assertEquals(b[k], x[k], "trial " + k);
    }
    assertEquals(
        List.of("L", "J9", "Z"),
        loaded.variant(List.of("idle-junction")).threats().get(0).targets());
  }

  @ParameterizedTest
  @ValueSource(strings = {"bigger-main", "more-gas-stored", "bypass", "patrols", "repair-crews"})
  void monotonePatch_noTrialWorseInAnyMetric(String mitigation) throws Exception {
    LoadedScenario loaded = load("monotone.yaml");
    StudyResult base = run(loaded.baseline(), 1000, 3);
    StudyResult mitigated = run(loaded.variant(List.of(mitigation)), 1000, 3);
    Comparison c =
        Comparison.of(
            base, List.of(new MitigatedRun(mitigation, 1, List.of(mitigation), mitigated)));
    MitigationComparison mc = c.mitigations().get(0);
    for (Metric m : Metric.values()) {
      assertEquals(0.0, mc.metric(m).shareOfTrialsWorse(), m.key() + " worse in some trial");
    }
    assertTrue(
        mc.metric(Metric.ECONOMIC_LOSS).shareOfTrialsBetter() > 0,
        "the patch should help in some trial");
  }

  @Test
  void monotonePortfolio_noTrialWorseThanEitherMember() throws Exception {
    LoadedScenario loaded = load("monotone.yaml");
    StudyResult storage = run(loaded.variant(List.of("more-gas-stored")), 1000, 3);
    StudyResult both = run(loaded.variant(List.of("more-gas-stored", "bypass")), 1000, 3);
    double[] a = storage.values(Metric.ECONOMIC_LOSS);
    double[] ab = both.values(Metric.ECONOMIC_LOSS);
    for (int k = 0; k < a.length; k++) {
      assertTrue(
          ab[k] <= a[k] * (1 + PairedMetric.TIE_TOLERANCE),
          "trial " + k + ": " + ab[k] + " > " + a[k]);
    }
  }

  @Test
  void halvedSuccessProbability_chanceOfNoSuccessfulHitMatchesClosedForm() throws Exception {
    LoadedScenario loaded = load("single-link.yaml");
    int n = 4000;
    StudyResult base = run(loaded.baseline(), n, 11);
    StudyResult halved = run(loaded.variant(List.of("halve-success")), n, 11);
    // 4 attempts a year over 365 days: P(no success) = exp(-4 x p)
    double expectedBase = Math.exp(-4 * 0.5);
    double expectedHalved = Math.exp(-4 * 0.25);
    double[] noHitBase = noHit(base);
    double[] noHitHalved = noHit(halved);
    assertWithin4Se(expectedBase, noHitBase, "baseline");
    assertWithin4Se(expectedHalved, noHitHalved, "halved");
    // the paired difference of the indicators has mean exp(-2) - exp(-1)
    PairedMetric p = PairedMetric.of(noHitBase, noHitHalved, n);
    double se = p.reductionStd() / Math.sqrt(n);
    assertEquals(expectedBase - expectedHalved, p.meanReduction(), 4 * se);
    // with common random numbers a trial without a successful hit stays so after halving
    assertEquals(
        0.0,
        p.shareOfTrialsBetter(),
        "a trial lost its 'no hit' status when attacks became less successful");
  }

  /** 1 for a trial with nothing unserved (no successful hit), else 0. */
  private static double[] noHit(StudyResult r) {
    double[] u = r.values(Metric.UNSERVED_FRACTION);
    double[] out = new double[r.keptTrials()];
    for (int k = 0; k < out.length; k++) {
      out[k] = u[k] == 0 ? 1 : 0;
    }
    return out;
  }

  private static void assertWithin4Se(double expected, double[] indicator, String what) {
    int n = indicator.length;
    double mean = 0;
    for (double v : indicator) {
      mean += v;
    }
    mean /= n;
    double se = Math.sqrt(expected * (1 - expected) / n);
    System.out.printf(
        "%s: P(no successful hit) = %.4f, closed form %.4f, 4 SE = %.4f%n",
        what, mean, expected, 4 * se);
    assertEquals(expected, mean, 4 * se, what + ": share of trials without a successful hit");
  }
}
