package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.corridorrisk.stats.MetricSummary;
import org.junit.jupiter.api.Test;

/**
 * Coverage of the 95% interval of the mean where a handful of trials carry it: many seeds of a
 * small scenario with a known mean and rare, long outages, at a fixed 10,000 trials each.
 *
 * <p>The scenario: one source feeds one sink (demand 1 per day) over one pipe; horizon 120 days. An
 * independent failure takes the pipe down on day 0 with probability 0.001 per trial (once in 1,000
 * trial periods), repaired after ceil(X) days with X exponential of mean 40 days. So about 10
 * trials in 10,000 have any loss, each losing weeks to months.
 *
 * <p>Closed form: the pipe is down min(ceil(X), 120) days, and E[min(ceil X, H)] = sum over j = 0
 * .. H-1 of P(X > j) = (1 - e^(-H/40)) / (1 - e^(-1/40)) = (1 - e^-3) / (1 - e^-0.025) = 0.9502129
 * / 0.0246901 = 38.48556 days. The unserved fraction of a trial is days down / 120, so its mean is
 * 0.001 x 38.48556 / 120 = 3.207130e-4.
 */
class CoverageTest {
  static final int SEEDS = 500;
  static final int TRIALS = 10_000;

  static double trueMean() {
    double h = 120;
    double mu = 40;
    double days = (1 - Math.exp(-h / mu)) / (1 - Math.exp(-1 / mu));
    return 0.001 * days / h;
  }

  static Scenario scenario() {
    return scenario(0.001);
  }

  /** The same pipe and city, failing with {@code probability} per trial. */
  static Scenario scenario(double probability) {
    Threat t =
        new Threat(
            "anchor-drag",
            ThreatModel.INDEPENDENT,
            0,
            probability,
            0,
            Selection.UNIFORM,
            1.0,
            false,
            new RepairTime.Exponential(40),
            TargetSpec.ofLinks("pipe"),
            null);
    return Build.horizon(120)
        .source("src", 1)
        .sink("city", 1)
        .link(Link.of("pipe", "src", "city", "gas", 1))
        .threat(t)
        .scenario();
  }

  @Test
  void intervalOfTheMeanCoversTheTrueMeanInAtLeast93PercentOfSeeds() {
    Scenario s = scenario();
    double truth = trueMean();
    int covered = 0;
    int normalCovered = 0;
    for (int seed = 1; seed <= SEEDS; seed++) {
      StudyResult r = MonteCarlo.run(s, RunOptions.of(TRIALS, seed, 2));
      MetricSummary m = r.summary(Metric.UNSERVED_FRACTION);
      if (m.ci95Low() <= truth && truth <= m.ci95High()) {
        covered++;
      }
      double half = MetricSummary.Z95 * m.std() / Math.sqrt(TRIALS);
      if (m.mean() - half <= truth && truth <= m.mean() + half) {
        normalCovered++;
      }
    }
    double coverage = (double) covered / SEEDS;
    String msg =
        String.format(
            java.util.Locale.ROOT,
            "coverage %.3f (normal approximation %.3f) over %d seeds",
            coverage,
            (double) normalCovered / SEEDS,
            SEEDS);
    System.out.println("CoverageTest: " + msg);
    assertTrue(coverage >= 0.93, msg);
  }

  @Test
  void closedFormMatchesALongRun() {
    // a sanity check of the closed form itself: 400,000 trials, within 4 standard errors
    StudyResult r = MonteCarlo.run(scenario(), RunOptions.of(400_000, 12345, 2));
    MetricSummary m = r.summary(Metric.UNSERVED_FRACTION);
    double se = m.std() / Math.sqrt(r.trials());
    assertTrue(Math.abs(m.mean() - trueMean()) < 4 * se, m.mean() + " vs " + trueMean());
    assertTrue(List.of(m.trialsWithLoss()).get(0) > 300, "about 400 trials with a loss");
  }
}
