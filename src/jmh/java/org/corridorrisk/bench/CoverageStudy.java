package org.corridorrisk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.MetricSummary;

/**
 * Measures the coverage of the 95% interval of the mean on {@code
 * src/test/resources/coverage/rare-outage.yaml} (closed-form mean in the file), at the default
 * settings of {@code run} (10,000 trials, continued while few trials carry the mean, up to
 * 1,000,000) or at a fixed trial count:
 *
 * <pre>
 * ./mvnw -B -q -o package -DskipTests && ./mvnw -B -q -o test-compile
 * java -cp target/corridor-risk.jar:target/test-classes org.corridorrisk.bench.CoverageStudy \
 *     SEEDS [TRIALS|default] [PROBABILITY]
 * </pre>
 *
 * PROBABILITY replaces the failure probability 0.001 (the closed form scales with it). Prints the
 * coverage of Hall's interval and of the normal approximation, and the trials run.
 */
public final class CoverageStudy {
  private CoverageStudy() {}

  public static void main(String[] args) throws Exception {
    int seeds = Integer.parseInt(args[0]);
    boolean fixed = args.length > 1 && !args[1].equals("default");
    long trials = fixed ? Long.parseLong(args[1]) : MonteCarlo.DEFAULT_TRIALS;
    double q = args.length > 2 ? Double.parseDouble(args[2]) : 0.001;
    Path file = Path.of("src/test/resources/coverage/rare-outage.yaml");
    if (q != 0.001) {
      Path copy = Files.createTempFile("rare-outage", ".yaml");
      Files.writeString(
          copy, Files.readString(file).replace("probability: 0.001", "probability: " + q));
      file = copy;
    }
    Scenario s = ScenarioLoader.load(file).baseline();
    double days = (1 - Math.exp(-120.0 / 40)) / (1 - Math.exp(-1.0 / 40));
    double truth = q * days / 120;
    int covered = 0;
    int normal = 0;
    int few = 0;
    long totalTrials = 0;
    long minTrials = Long.MAX_VALUE;
    long maxTrials = 0;
    int threads = Runtime.getRuntime().availableProcessors();
    for (int seed = 1; seed <= seeds; seed++) {
      RunOptions o =
          fixed
              ? RunOptions.of(trials, seed, threads)
              : new RunOptions(
                  trials,
                  seed,
                  threads,
                  Double.NaN,
                  null,
                  MonteCarlo.DEFAULT_MAX_TRIALS,
                  null,
                  null);
      StudyResult r = MonteCarlo.run(s, o);
      MetricSummary m = r.summary(Metric.UNSERVED_FRACTION);
      if (m.ci95Low() <= truth && truth <= m.ci95High()) {
        covered++;
      }
      double half = MetricSummary.Z95 * m.std() / Math.sqrt(r.trials());
      if (m.mean() - half <= truth && truth <= m.mean() + half) {
        normal++;
      }
      if (m.fewTrials()) {
        few++;
      }
      totalTrials += r.trials();
      minTrials = Math.min(minTrials, r.trials());
      maxTrials = Math.max(maxTrials, r.trials());
    }
    System.out.printf(
        Locale.ROOT,
        "probability %s, %s: %d seeds, trials %,d..%,d (mean %,.0f); coverage %.3f (Hall),"
            + " %.3f (normal approximation); few trials in %d seeds%n",
        q,
        fixed ? "fixed " + trials + " trials" : "default settings (continuation)",
        seeds,
        minTrials,
        maxTrials,
        (double) totalTrials / seeds,
        (double) covered / seeds,
        (double) normal / seeds,
        few);
  }
}
