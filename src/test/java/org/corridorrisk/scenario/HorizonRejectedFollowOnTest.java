package org.corridorrisk.scenario;

import static org.corridorrisk.scenario.TestFiles.BASE;
import static org.corridorrisk.scenario.TestFiles.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When {@code horizon_days} itself is rejected (or missing), the rules that compare with the
 * horizon (a start day after it, too many attempts over it) do not report against the stand-in
 * value the model is built with; with a valid horizon they still do.
 */
class HorizonRejectedFollowOnTest {
  /** BASE plus a one-off threat on day 20 and a poisson threat far too frequent for any horizon. */
  private static final String THREATS =
      BASE
          + """
            - id: once
              model: independent
              probability: 0.5
              start_day: 20
              targets: {links: [l]}
              repair_days: {dist: fixed, value: 3}
            - id: swarm
              model: poisson
              events_per_year: 1e12
              targets: {links: [l]}
              repair_days: {dist: fixed, value: 3}
          """;

  @Test
  void aRejectedHorizon_isTheOnlyProblem() {
    String[][] cases = {
      {"horizon_days: 1e999999", "t.yaml:3:15: horizon_days: must be a whole number, was Infinity"},
      {"horizon_days: 0", "t.yaml:3:15: horizon_days: must be >= 1, was 0"},
      {"horizon_days: 2.5", "t.yaml:3:15: horizon_days: must be a whole number, was 2.5"},
      {"", "t.yaml:1:1: horizon_days: is required but missing"},
    };
    for (String[] c : cases) {
      String text =
          TestFiles.replace(THREATS, "horizon_days: 30\n", c[0].isEmpty() ? "" : c[0] + "\n");
      assertEquals(List.of(c[1]), problems(text), c[0]);
    }
  }

  @Test
  void aValidHorizon_stillChecksTheThreatsAgainstIt() {
    List<String> found =
        problems(TestFiles.replace(THREATS, "horizon_days: 30", "horizon_days: 10"));
    assertEquals(2, found.size(), found.toString());
    assertEquals(
        "t.yaml:30:16: threats[1].start_day: must be < horizon_days (10), was 20 (threat 'once')",
        found.get(0));
    assertEquals(true, found.get(1).contains("threats[2].events_per_year"), found.get(1));
  }
}
