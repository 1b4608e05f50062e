package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.sim.RunOptions;
import org.junit.jupiter.api.Test;

/** The runner on scenarios built in code (no file loader involved). */
class ComparisonRunnerTest {

  /** Source -> sink over one link attacked 4 times a year with the given success probability. */
  static Scenario singleLink(double successProbability) {
    return new Scenario(
        "single-link",
        "",
        365,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        List.of(
            Node.source("src", "gas", 10),
            Node.sink("city", "gas", 10).withSinkDetails(1, 1000, 100, null)),
        List.of(Link.of("line", "src", "city", "gas", 10)),
        List.of(
            Threat.poisson(
                "attack",
                4,
                successProbability,
                new RepairTime.Fixed(3),
                TargetSpec.ofLinks("line"))),
        List.of(),
        null,
        List.of());
  }

  @Test
  void run_halvedSuccessProbability_neverAddsAHitAndMatchesClosedForm() {
    int n = 4000;
    Comparison c =
        ComparisonRunner.run(
            singleLink(0.5),
            List.of(
                new ComparisonRunner.Variant("halve", 1000, List.of("halve"), singleLink(0.25))),
            RunOptions.of(n, 5, 2),
            null);
    MitigationComparison m = c.mitigations().get(0);
    assertEquals(
        0.0,
        m.metric(Metric.UNSERVED_FRACTION).shareOfTrialsWorse(),
        "halving success made a trial worse");
    // P(trial has a successful hit) goes from 1 - exp(-2) to 1 - exp(-1)
    double[] b = c.baseline().values(Metric.UNSERVED_FRACTION);
    double[] x = m.run().result().values(Metric.UNSERVED_FRACTION);
    double[] hitB = new double[n];
    double[] hitX = new double[n];
    for (int k = 0; k < n; k++) {
      hitB[k] = b[k] > 0 ? 1 : 0;
      hitX[k] = x[k] > 0 ? 1 : 0;
    }
    PairedMetric p = PairedMetric.of(hitB, hitX, n);
    double expected = Math.exp(-1) - Math.exp(-2);
    System.out.printf(
        "single link, success halved: P(hit) reduction %.4f, closed form %.4f, SE %.4f%n",
        p.meanReduction(), expected, p.reductionStd() / Math.sqrt(n));
    assertEquals(expected, p.meanReduction(), 4 * p.reductionStd() / Math.sqrt(n));
  }

  @Test
  void run_targetCi_mitigationsRunTheBaselinesTrialCount() {
    Comparison c =
        ComparisonRunner.run(
            singleLink(0.5),
            List.of(
                new ComparisonRunner.Variant("halve", 1000, List.of("halve"), singleLink(0.25))),
            new RunOptions(50_000, 1, 2, 0.1, null),
            null);
    assertTrue(c.trials() < 50_000, "expected an early stop but ran " + c.trials());
    assertEquals(c.trials(), c.mitigations().get(0).run().result().trials());
  }

  @Test
  void run_tellsEachRunBeforeItStarts() {
    List<String> told = new java.util.ArrayList<>();
    ComparisonRunner.run(
        singleLink(0.5),
        List.of(new ComparisonRunner.Variant("halve", 1000, List.of("halve"), singleLink(0.25))),
        RunOptions.of(10, 1, 1),
        (id, i, n) -> {
          told.add(id + " " + i + "/" + n);
          return null;
        });
    assertEquals(List.of("baseline 1/2", "halve 2/2"), told);
  }
}
