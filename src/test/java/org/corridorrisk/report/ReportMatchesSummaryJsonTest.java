package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.junit.jupiter.api.Test;

/** Every key number in report.html equals the number in summary.json (both parsed). */
class ReportMatchesSummaryJsonTest {
  private static final Pattern CELL =
      Pattern.compile("<t[dh][^>]*\\bdata-metric=\"([^\"]+)\"[^>]*>");
  private static final Pattern ATTR = Pattern.compile("data-([a-z0-9_]+)=\"([^\"]*)\"");

  /**
   * {@code "metric/stat" -> value} for every tagged cell; ci95 cells give ci95_low and ci95_high.
   */
  static Map<String, Double> reportNumbers(String html) {
    Map<String, Double> out = new HashMap<>();
    Matcher cell = CELL.matcher(html);
    while (cell.find()) {
      Map<String, String> a = new HashMap<>();
      Matcher attr = ATTR.matcher(cell.group());
      while (attr.find()) {
        a.put(attr.group(1), attr.group(2));
      }
      String key = a.get("metric");
      if (a.containsKey("value")) {
        out.put(key + "/" + a.get("stat"), Double.parseDouble(a.get("value")));
      }
      if (a.containsKey("low")) {
        out.put(key + "/ci95_low", Double.parseDouble(a.get("low")));
        out.put(key + "/ci95_high", Double.parseDouble(a.get("high")));
      }
    }
    return out;
  }

  static int assertSameNumbers(StudyResult result) throws Exception {
    JsonNode summary = new ObjectMapper().readTree(SummaryJson.toJson(result));
    Map<String, Double> report = reportNumbers(HtmlReport.html(result, "test", Instant.EPOCH));
    int compared = 0;
    String[] stats = {"mean", "ci95_low", "ci95_high", "p50", "var95", "cvar95", "max"};
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.get("metrics").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> metric = it.next();
      for (String stat : stats) {
        assertEquals(
            metric.getValue().get(stat).asDouble(),
            report.get(metric.getKey() + "/" + stat),
            metric.getKey() + " " + stat);
        compared++;
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = summary.get("by_commodity").fields();
        it.hasNext(); ) {
      Map.Entry<String, JsonNode> c = it.next();
      for (String stat : stats) {
        String key = "by_commodity." + c.getKey() + ".unserved_volume/" + stat;
        assertEquals(
            c.getValue().get("unserved_volume").get(stat).asDouble(), report.get(key), key);
        compared++;
        String people = "by_commodity." + c.getKey() + ".person_days_without_service/" + stat;
        assertEquals(
            c.getValue().get("person_days_without_service").get(stat).asDouble(),
            report.get(people),
            people);
        compared++;
      }
    }
    if (summary.has("economy")) {
      for (JsonNode sector : summary.get("economy").get("sectors")) {
        String key = "economy." + sector.get("id").asText();
        assertEquals(
            sector.get("mean_peak_inoperability").asDouble(),
            report.get(key + "/mean_peak_inoperability"),
            key);
        assertEquals(
            sector.get("mean_indirect_loss").asDouble(),
            report.get(key + "/mean_indirect_loss"),
            key);
        compared += 2;
      }
    }
    return compared;
  }

  @Test
  void syntheticResult_reportNumbersEqualSummaryJson() throws Exception {
    int compared = assertSameNumbers(SyntheticStudy.result(3_000, 21, true));
    assertEquals(7 * 7 + 2 * 7 + 2 * 2, compared);
  }

  @Test
  void engineRun_reportNumbersEqualSummaryJson() throws Exception {
    StudyResult result = MonteCarlo.run(SyntheticStudy.scenario(true), RunOptions.of(400, 5, 1));
    assertTrue(assertSameNumbers(result) > 50);
  }
}
