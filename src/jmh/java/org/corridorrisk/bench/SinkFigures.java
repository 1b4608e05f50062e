package org.corridorrisk.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.sim.StudyResult.SinkStat;

/**
 * Per-sink mean unserved volume of scenario files under {@code sharing: any} and {@code sharing:
 * fair} (CHANGES.md). Usage: {@code SinkFigures TRIALS SEED FILE...}; prints one Markdown table per
 * file.
 *
 * <pre>
 * ./mvnw -o -q test-compile exec:exec -Dexec.executable=java \
 *   -Dexec.args="-cp %classpath org.corridorrisk.bench.SinkFigures 10000 1 scenarios/btc-oil.yaml"
 * </pre>
 */
public final class SinkFigures {
  private SinkFigures() {}

  public static void main(String[] args) throws Exception {
    int trials = Integer.parseInt(args[0]);
    long seed = Long.parseLong(args[1]);
    for (int f = 2; f < args.length; f++) {
      Scenario scenario = ScenarioLoader.load(Path.of(args[f])).baseline();
      StudyResult any = MonteCarlo.run(scenario.withSharing(Sharing.ANY), opts(trials, seed));
      StudyResult fair = MonteCarlo.run(scenario.withSharing(Sharing.FAIR), opts(trials, seed));
      System.out.printf(Locale.ROOT, "%n### %s (%d trials, seed %d)%n%n", args[f], trials, seed);
      System.out.println(
          "| sink | commodity | priority | mean unserved volume, any | fair | change |");
      System.out.println("|---|---|---|---:|---:|---:|");
      List<SinkStat> a = any.sinks();
      List<SinkStat> b = fair.sinks();
      for (int i = 0; i < a.size(); i++) {
        SinkStat x = a.get(i);
        SinkStat y = b.get(i);
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %d | %.6g | %.6g | %+.6g |%n",
            x.id(),
            x.commodity(),
            x.priority(),
            x.meanUnservedVolume(),
            y.meanUnservedVolume(),
            y.meanUnservedVolume() - x.meanUnservedVolume());
      }
      System.out.println();
      for (int c = 0; c < scenario.commodities().size(); c++) {
        System.out.printf(
            Locale.ROOT,
            "- mean unserved volume of %s: any %.9g, fair %.9g%n",
            scenario.commodities().get(c).id(),
            mean(any.unservedVolume()[c]),
            mean(fair.unservedVolume()[c]));
      }
      for (Metric m : Metric.values()) {
        System.out.printf(
            Locale.ROOT,
            "- mean %s: any %.9g, fair %.9g%n",
            m.key(),
            mean(any.values(m)),
            mean(fair.values(m)));
      }
    }
  }

  private static RunOptions opts(int trials, long seed) {
    return RunOptions.of(trials, seed, 2);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? 0 : s / v.length;
  }
}
