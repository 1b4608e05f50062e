package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * The failures of independent threats, which a trial keeps as one event per threat, are hit one by
 * one in the order the threats' streams draw them: threat order, then target order. A replay
 * reports the hits in that order, and each with the repair time of its own repair uniform; the
 * expected hits are drawn here from the library generator ({@link Streams#stream}), one failure
 * uniform and one repair uniform per target, as the format defines them.
 */
class IndependentFailureEventsTest {

  /**
   * A source feeding {@code n} sinks by one line each; two independent threats on all lines with
   * the same start day, repair times uniform over 1..9 days (so that each hit's repair uniform
   * shows in its repair time).
   */
  private static String scenario(int n) {
    StringBuilder y =
        new StringBuilder(
            """
            format: corridor-risk/v1
            name: lines
            horizon_days: 12
            commodities: [{id: power}]
            nodes:
              - {id: src, kind: source, commodity: power, supply: 1000}
            """);
    for (int k = 0; k < n; k++) {
      y.append("  - {id: s").append(k).append(", kind: sink, commodity: power, demand: 1}\n");
    }
    y.append("links:\n");
    for (int k = 0; k < n; k++) {
      y.append("  - {id: l")
          .append(k)
          .append(", from: src, to: s")
          .append(k)
          .append(", commodity: power, capacity: 2}\n");
    }
    y.append(
        """
        threats:
          - {id: storms, model: independent, probability: 0.3, start_day: 2,
             targets: {commodities: [power]}, repair_days: {dist: uniform, min: 1, max: 9}}
          - {id: ageing, model: independent, probability: 0.2, start_day: 2,
             targets: {commodities: [power]}, repair_days: {dist: uniform, min: 1, max: 9}}
        """);
    return y.toString();
  }

  @Test
  void hitsComeInThreatOrderThenTargetOrder_eachWithItsOwnRepairUniform() {
    int n = 40;
    StudyModel model = new StudyModel(Yaml.load(scenario(n)).baseline());
    TrialRunner runner = new TrialRunner(model, model.baseline);
    int hits = 0;
    for (long trial = 0; trial < 30; trial++) {
      List<String> expected = new ArrayList<>();
      for (ThreatPlan.Compiled th : model.plan.threats) {
        UniformRandomProvider rng = Streams.stream(TrialReplayTest.SEED, trial, th.key);
        for (int pos = 0; pos < th.targets.length; pos++) {
          if (rng.nextDouble() < th.failProbability) {
            int days =
                ThreatPlan.Compiled.wholeDays(
                    th.repair.quantiles().applyAsDouble(rng.nextDouble()));
            expected.add(
                th.id + " " + model.net.linkId(th.targets[pos] - model.nodeCount) + " " + days);
          } else {
            rng.nextLong();
          }
        }
      }
      TrialReplayTest.Recording rec = new TrialReplayTest.Recording();
      runner.replayTrial(TrialReplayTest.SEED, trial, rec);
      List<String> got = new ArrayList<>();
      for (TrialEvent e : rec.events) {
        if (e.type() == TrialEvent.Type.HIT) {
          assertEquals(2, e.day());
          got.add(e.threat() + " " + e.asset() + " " + e.details().get("repair_days"));
        }
      }
      assertEquals(expected, got, "trial " + trial);
      hits += got.size();
    }
    assertTrue(hits > 300, "hits compared: " + hits);
  }
}
