package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Spill;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.stats.Sums;
import org.junit.jupiter.api.Test;

/** Monte Carlo means against closed forms, within 4 standard errors, fixed seeds. */
class StatisticalTest {

  /** The mean of {@code values} is {@code expected} within 4 standard errors (shared by tests). */
  static void assertWithin4Se(double expected, double[] values) {
    int n = values.length;
    double mean = Sums.mean(values, n);
    double se = Sums.sampleStd(values, n, mean) / Math.sqrt(n);
    assertEquals(
        expected, mean, 4 * se + 1e-12, "mean " + mean + " vs " + expected + " (se " + se + ")");
  }

  /** A spill of exactly 1 per successful hit and no outage: spill_volume counts successes. */
  private static Build counter(int horizon) {
    Link pipe =
        Link.of("pipe", "src", "city", "gas", 10).with(LinkKind.PIPELINE, null, 0, new Spill(0, 1));
    return Build.horizon(horizon).source("src", 10).sink("city", 10).link(pipe);
  }

  @Test
  void poissonAttemptCountHasMeanRateTimesHorizon() {
    // 73 attempts per year over 10 days: mean 2 attempts per trial; every attempt succeeds.
    Scenario s =
        counter(10)
            .threat(
                Threat.poisson("t", 73, 1.0, new RepairTime.Fixed(0), TargetSpec.ofLinks("pipe")))
            .scenario();
    assertWithin4Se(2.0, MonteCarlo.run(s, RunOptions.of(20000, 3, 2)).values(Metric.SPILL_VOLUME));
  }

  @Test
  void successProbabilityThinsAttempts() {
    // 73 per year x 10 days x success 0.3 = 0.6 successful hits per trial.
    Scenario s =
        counter(10)
            .threat(
                Threat.poisson("t", 73, 0.3, new RepairTime.Fixed(0), TargetSpec.ofLinks("pipe")))
            .scenario();
    assertWithin4Se(0.6, MonteCarlo.run(s, RunOptions.of(20000, 5, 2)).values(Metric.SPILL_VOLUME));
  }

  @Test
  void independentFailureHappensWithProbabilityTimesSuccess() {
    // probability 0.5 x success_probability 0.6 = 0.3 of trials lose the only link for the horizon.
    Threat t =
        new Threat(
            "q",
            org.corridorrisk.model.ThreatModel.INDEPENDENT,
            0,
            0.5,
            0,
            Selection.UNIFORM,
            0.6,
            false,
            new RepairTime.Fixed(10),
            TargetSpec.ofLinks("pipe"),
            null);
    Scenario s = counter(10).threat(t).scenario();
    assertWithin4Se(
        0.3, MonteCarlo.run(s, RunOptions.of(20000, 8, 2)).values(Metric.UNSERVED_FRACTION));
  }

  @Test
  void exponentialRepairGivesMeanOfCeiledDays() {
    // Outage = ceil(X) days, X ~ exponential(mean 5): E = 1 / (1 - e^(-1/5)) = 5.5167 days;
    // unserved volume = 10 per day down. Horizon 400 makes truncation negligible (e^-80).
    Scenario s =
        counter(400)
            .threat(
                Threat.independent(
                    "q", 1.0, 0, new RepairTime.Exponential(5), TargetSpec.ofLinks("pipe")))
            .scenario();
    double expectedDays = 1 / (1 - Math.exp(-1.0 / 5));
    StudyResult r = MonteCarlo.run(s, RunOptions.of(20000, 13, 2));
    assertWithin4Se(10 * expectedDays, r.unservedVolume()[0]);
  }

  @Test
  void capacityWeightedSelectionHitsInProportionToCapacity() {
    // Two parallel links, capacity 3 and 1, to a sink of 4; one attempt per trial on average.
    // Spill 1 per hit on the big link only: mean = 36.5 x 20/365 x 3/4 = 1.5 x 0.5 ... computed
    // below.
    Link big =
        Link.of("big", "src", "city", "gas", 3).with(LinkKind.PIPELINE, null, 0, new Spill(0, 1));
    Link small = Link.of("small", "src", "city", "gas", 1);
    Threat t =
        Threat.poisson("t", 36.5, 1.0, new RepairTime.Fixed(0), TargetSpec.ofLinks("big", "small"))
            .with(Selection.CAPACITY_WEIGHTED, false);
    Scenario s =
        Build.horizon(20)
            .source("src", 4)
            .sink("city", 4)
            .link(big)
            .link(small)
            .threat(t)
            .scenario();
    // attempts: 36.5 / 365 x 20 = 2 per trial; share on big = 3/4 -> 1.5 spills per trial.
    assertWithin4Se(
        1.5, MonteCarlo.run(s, RunOptions.of(20000, 17, 2)).values(Metric.SPILL_VOLUME));
  }

  @Test
  void lognormalRepairHasGivenMedian() {
    // P(ceil(X) <= 14) = P(X <= 14) = 0.5 for median 14: the share of trials with <= 14 days down.
    Scenario s =
        counter(200)
            .threat(
                Threat.independent(
                    "q", 1.0, 0, new RepairTime.Lognormal(14, 45), TargetSpec.ofLinks("pipe")))
            .scenario();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(20000, 19, 2));
    double[] atMostMedian = new double[r.keptTrials()];
    for (int i = 0; i < atMostMedian.length; i++) {
      atMostMedian[i] = r.unservedVolume()[0][i] <= 140 + 1e-9 ? 1 : 0;
    }
    assertWithin4Se(0.5, atMostMedian);
  }
}
