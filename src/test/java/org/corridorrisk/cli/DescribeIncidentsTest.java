package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** describe shows the calendar, profiles, damage states, repair crews and own repair times. */
class DescribeIncidentsTest {
  @Test
  void balticExample() throws Exception {
    String text =
        DescribeCommand.describe(
            ScenarioLoader.load(Path.of("scenarios/baltic-sea-2023.yaml")).baseline());
    for (String expected :
        new String[] {
          "calendar: day 0 = 2023-10-01, last day 181 = 2024-03-30",
          "heating (monthly): factor 0.9 to 1.6 over the horizon",
          "inkoo-cargoes (5 steps): factor 0.3 to 1 over the horizon; used by inkoo-fsru",
          "damage state: probability 0.6, capacity factor 0.5",
          "then 0.8 for 7.0 days",
          "gulf-repair-vessel: 1 crew, mobilization 14 days; serves (3): balticconnector,"
              + " estlink-1, estlink-2",
          "own repair times: balticconnector (mean",
          "repair crew gulf-repair-vessel: count = 2",
          "1 subsea-pipeline",
        }) {
      assertTrue(text.contains(expected), "missing: " + expected + "\n" + text);
    }
  }
}
