package org.corridorrisk.study;

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
import org.corridorrisk.sim.StudyResult;

/** Study results with hand-made per-trial arrays, for testing the comparison statistics. */
final class Synthetic {
  private Synthetic() {}

  static final Scenario SCENARIO =
      new Scenario(
          "synthetic",
          "",
          10,
          "USD",
          List.of(new Commodity("gas", "mcm/d")),
          List.of(Node.source("s", "gas", 10), Node.sink("d", "gas", 5)),
          List.of(Link.of("l", "s", "d", "gas", 10)),
          List.of(Threat.poisson("t", 1, 1, new RepairTime.Fixed(1), TargetSpec.ofLinks("l"))),
          List.of(),
          null,
          List.of());

  /** A result whose every metric has the given per-trial values. */
  static StudyResult result(long seed, double... values) {
    double[][] byMetric = new double[Metric.values().length][];
    for (Metric m : Metric.values()) {
      byMetric[m.ordinal()] = values.clone();
    }
    return result(seed, byMetric);
  }

  /** A result with per-metric values {@code [Metric.ordinal()][trial]}. */
  static StudyResult result(long seed, double[][] byMetric) {
    int n = byMetric[0].length;
    return new StudyResult(
        SCENARIO,
        RunOptions.of(n, seed, 1),
        n,
        0L,
        byMetric,
        new double[][] {byMetric[0]},
        new double[][] {byMetric[Metric.PERSON_DAYS_WITHOUT_SERVICE.ordinal()]},
        new double[0][],
        new double[0][],
        new StudyResult.DailyServed(
            List.of("gas"), new double[1][0], new double[1][0], new double[1][0]),
        List.of(),
        List.of());
  }

  static double max(double[] values) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  static MitigatedRun run(String id, double cost, StudyResult result) {
    return new MitigatedRun(id, cost, List.of(id.split("\\+")), result);
  }
}
