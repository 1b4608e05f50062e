package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.junit.jupiter.api.Test;

/** The report shows calendar dates when the scenario has a start_date, and only then. */
class CalendarDatesTest {
  @Test
  void startDate_putsDatesInTheReport() throws Exception {
    Scenario baltic = ScenarioLoader.load(Path.of("scenarios/baltic-sea-2023.yaml")).baseline();
    String html = HtmlReportTest.html(MonteCarlo.run(baltic, RunOptions.of(200, 1, 1)));
    // 182 days from 2023-10-01: the last day is 2024-03-30
    assertTrue(html.contains("day 1 = 2023-10-01, last day = 2024-03-30"), "calendar fact");
    assertTrue(html.contains("Day 1 is 2023-10-01"), "resilience caption");
    Scenario plain = ScenarioLoader.load(Path.of("scenarios/btc-oil.yaml")).baseline();
    String other = HtmlReportTest.html(MonteCarlo.run(plain, RunOptions.of(50, 1, 1)));
    assertFalse(other.contains("Day 1 is"), "no dates without start_date");
  }
}
