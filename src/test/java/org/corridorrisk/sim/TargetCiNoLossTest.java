package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * {@code --target-ci} does not stop on "no loss yet" while a threat can still strike: a study with
 * threats and no trial with a loss has not converged (as a study without {@code --trials} goes on,
 * {@link MonteCarlo#needsMoreTrials}); without threats an all-zero sample has.
 */
class TargetCiNoLossTest {
  private static RunOptions targetCi(long most) {
    return new RunOptions(most, 1, 2, 0.05, null);
  }

  @Test
  void targetCi_threatsButNoLossYet_runsOnToTheMost() {
    // the coverage scenario's pipe with a failure so rare that 5,000 trials see none
    Scenario rare = CoverageTest.scenario(1e-6);
    StudyResult r = MonteCarlo.run(rare, targetCi(5_000));
    assertEquals(0, r.summary(Metric.ECONOMIC_LOSS).trialsWithLoss());
    assertEquals(5_000, r.trials(), "stopped on no loss at " + r.trials());
  }

  @Test
  void targetCi_noThreats_stopsAtTheFirstCheck() {
    Scenario calm =
        Build.horizon(120)
            .source("src", 1)
            .sink("city", 1)
            .link(Link.of("pipe", "src", "city", "gas", 1))
            .scenario();
    StudyResult r = MonteCarlo.run(calm, targetCi(5_000));
    assertEquals(MonteCarlo.CHECK_EVERY, r.trials());
  }

  @Test
  void targetCi_aThreatThatCannotStrike_stopsAtTheFirstCheck() {
    // a Poisson rate of 0 or a success probability of 0: no trial can ever have a loss
    for (org.corridorrisk.model.Threat never :
        new org.corridorrisk.model.Threat[] {
          org.corridorrisk.model.Threat.poisson(
              "none",
              0,
              1,
              new org.corridorrisk.model.RepairTime.Fixed(1),
              org.corridorrisk.model.TargetSpec.ofLinks("pipe")),
          org.corridorrisk.model.Threat.poisson(
              "fails",
              5,
              0,
              new org.corridorrisk.model.RepairTime.Fixed(1),
              org.corridorrisk.model.TargetSpec.ofLinks("pipe"))
        }) {
      Scenario s =
          Build.horizon(30)
              .source("src", 1)
              .sink("city", 1)
              .link(Link.of("pipe", "src", "city", "gas", 1))
              .threat(never)
              .scenario();
      assertEquals(false, MonteCarlo.threatened(s), never.id());
      assertEquals(MonteCarlo.CHECK_EVERY, MonteCarlo.run(s, targetCi(5_000)).trials());
    }
  }

  @Test
  void targetCi_lossesSeen_stillStopsOnceTheIntervalIsNarrow() {
    // about 1 trial in 1,000 has a loss (of service; the scenario puts no money on it): the
    // study stops long before 10^6 trials, and only once some trial had a loss
    Scenario s = CoverageTest.scenario();
    StudyResult r = MonteCarlo.run(s, new RunOptions(1_000_000, 1, 2, 0.5, null));
    long n = r.trials();
    org.junit.jupiter.api.Assertions.assertTrue(n < 1_000_000, "stopped: " + n);
    org.junit.jupiter.api.Assertions.assertTrue(
        r.summary(Metric.UNSERVED_FRACTION).trialsWithLoss() > 0, "losses seen");
  }
}
