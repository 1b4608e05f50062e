package org.corridorrisk.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Location;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;

/**
 * StudyResults built without the engine: a small located gas network with an economy and random
 * (but plausible: many zeros, heavy tail) per-trial arrays. For report tests and for timing the
 * report on a million trials.
 */
final class SyntheticStudy {
  private SyntheticStudy() {}

  static Scenario scenario(boolean located) {
    List<Node> nodes = new ArrayList<>();
    nodes.add(at(Node.source("baku", "gas", 60), located, 40.2, 49.5));
    nodes.add(at(Node.junction("tbilisi", "gas"), located, 41.7, 44.8));
    nodes.add(at(Node.storage("storage", "gas", 500, 20, 800, 20), located, 39.9, 32.8));
    nodes.add(
        at(
            Node.sink("georgia", "gas", 8).withSinkDetails(1, 3_700_000, 2e5, "households"),
            located,
            41.6,
            44.9));
    nodes.add(
        at(
            Node.sink("turkey", "gas", 20).withSinkDetails(1, 20_000_000, 2e5, "households"),
            located,
            41.0,
            28.9));
    nodes.add(
        at(
            Node.sink("italy-industry", "gas", 25).withSinkDetails(2, 0, 1e5, "industry"),
            located,
            40.4,
            18.0));
    List<Link> links =
        List.of(
            Link.of("scp", "baku", "tbilisi", "gas", 60),
            Link.of("tbilisi-ge", "tbilisi", "georgia", "gas", 10),
            Link.of("tanap", "tbilisi", "turkey", "gas", 50),
            Link.of("tap", "turkey", "italy-industry", "gas", 30),
            Link.of("storage-line", "storage", "turkey", "gas", 20));
    Economy economy =
        new Economy(
            List.of(new Sector("households", 0), new Sector("industry", 4e8)),
            new double[][] {{0, 0}, {0.2, 0}});
    return new Scenario(
        "synthetic-corridor",
        "A made-up corridor for report tests.",
        90,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        nodes,
        links,
        List.of(
            Threat.poisson(
                "sabotage", 2, 0.5, new RepairTime.Fixed(14), TargetSpec.ofKinds("other"))),
        List.of(),
        economy,
        List.of());
  }

  private static Node at(Node n, boolean located, double lat, double lon) {
    return located ? n.withLocation(new Location(lat, lon)) : n;
  }

  /** A result of {@code trials} trials with values drawn from {@code seed}. */
  static StudyResult result(int trials, long seed, boolean located) {
    Scenario s = scenario(located);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
    int metrics = Metric.values().length;
    double[][] values = new double[metrics][trials];
    double[][] unserved = new double[1][trials];
    double[][] peak = new double[2][trials];
    double[][] indirect = new double[2][trials];
    for (int t = 0; t < trials; t++) {
      boolean hit = rng.nextDouble() < 0.35;
      double severity = hit ? Math.exp(rng.nextDouble() * 6) / Math.exp(6) : 0;
      double volume = severity * 53 * 90 * 0.5;
      values[Metric.UNSERVED_FRACTION.ordinal()][t] = volume / (53 * 90);
      values[Metric.PERSON_DAYS_WITHOUT_SERVICE.ordinal()][t] = severity * 23_700_000 * 20;
      double direct = volume * 1.5e5;
      double ind = severity * 4e8 * 10 * 0.2;
      double reroute = hit ? rng.nextDouble() * 1e6 : 0;
      values[Metric.DIRECT_LOSS.ordinal()][t] = direct;
      values[Metric.INDIRECT_LOSS.ordinal()][t] = ind;
      values[Metric.REROUTING_COST.ordinal()][t] = reroute;
      values[Metric.SPILL_VOLUME.ordinal()][t] = 0;
      values[Metric.ECONOMIC_LOSS.ordinal()][t] = direct + ind + reroute;
      unserved[0][t] = volume;
      peak[1][t] = Math.min(1, severity);
      peak[0][t] = Math.min(1, severity * 0.5);
      indirect[1][t] = ind;
    }
    int days = s.horizonDays();
    double[][] mean = new double[1][days];
    double[][] p05 = new double[1][days];
    double[][] p95 = new double[1][days];
    for (int d = 0; d < days; d++) {
      mean[0][d] = 1 - 0.08 * Math.sin(Math.PI * d / days);
      p05[0][d] = mean[0][d] - 0.25 * Math.sin(Math.PI * d / days);
      p95[0][d] = 1;
    }
    List<StudyResult.SinkStat> sinks =
        List.of(
            new StudyResult.SinkStat(
                "georgia", "gas", 1, 8, 3_700_000, 120, 120 / (8.0 * days), 3_700_000 * 15.0),
            new StudyResult.SinkStat(
                "turkey", "gas", 1, 20, 20_000_000, 300, 300 / (20.0 * days), 20_000_000 * 15.0),
            new StudyResult.SinkStat(
                "italy-industry", "gas", 2, 25, 0, 900, 900 / (25.0 * days), 0));
    List<StudyResult.AssetStat> assets =
        List.of(
            new StudyResult.AssetStat("scp", true, "other", 0.2, 3.1, 2.4e8),
            new StudyResult.AssetStat("tanap", true, "other", 0.15, 2.2, 1.5e8),
            new StudyResult.AssetStat("tap", true, "other", 0.12, 1.7, 9e7),
            new StudyResult.AssetStat("tbilisi-ge", true, "other", 0.05, 0.6, 7e7),
            new StudyResult.AssetStat("storage-line", true, "other", 0.0, 0.0, Double.NaN));
    return new StudyResult(
        s,
        new RunOptions(trials, seed, 2, Double.NaN, null),
        trials,
        3_000_000_000L,
        values,
        unserved,
        new double[][] {values[Metric.PERSON_DAYS_WITHOUT_SERVICE.ordinal()]},
        peak,
        indirect,
        new StudyResult.DailyServed(List.of("gas"), mean, p05, p95),
        sinks,
        assets);
  }
}
