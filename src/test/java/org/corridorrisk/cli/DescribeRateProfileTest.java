package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * describe's expected attempts of a Poisson threat follow its {@code rate_profile}: here factor 2
 * (December to February) x 3 (from day 60) on days 60..89 and 0 before, so 1/365 x 6 x 30 = 0.49
 * attempts over the 90 days, not the flat 90/365 = 0.25 it printed before.
 */
class DescribeRateProfileTest {
  @Test
  void expectedAttempts_followTheRateProfile() throws Exception {
    String text =
        DescribeCommand.describe(
            ScenarioLoader.load(Cli.resource("/describe/rate-profile.yaml")).baseline());
    String expected = "expected 0.49 attempts and 0.25 successful hits over 90 days";
    assertTrue(text.contains(expected), "missing: " + expected + "\n" + text);
  }
}
