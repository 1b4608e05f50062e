package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    // 182 days from 2023-10-01: the last day, 181, is 2024-03-30. Days are numbered from 0 as in
    // the scenario file ("day d is start_date + d days"), describe and exercise.json.
    assertTrue(html.contains("day 0 = 2023-10-01, last day 181 = 2024-03-30"), "calendar fact");
    assertTrue(html.contains("Day 0 is 2023-10-01"), "resilience caption");
    assertFalse(html.contains("day 1 = 2023-10-01"), "axis label");
    Matcher lowest =
        Pattern.compile("lowest mean share is on day (\\d+) \\((\\d{4}-\\d{2}-\\d{2})\\)")
            .matcher(html);
    assertTrue(lowest.find(), "lowest day in the caption");
    assertEquals(
        LocalDate.parse("2023-10-01").plusDays(Integer.parseInt(lowest.group(1))),
        LocalDate.parse(lowest.group(2)),
        "the lowest day's number and date agree with day d = start_date + d");
    Scenario plain = ScenarioLoader.load(Path.of("scenarios/btc-oil.yaml")).baseline();
    String other = HtmlReportTest.html(MonteCarlo.run(plain, RunOptions.of(50, 1, 1)));
    assertFalse(other.contains("Day 0 is"), "no dates without start_date");
  }
}
