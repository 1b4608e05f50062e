package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * summary.json's {@code intervals} block names the method of each interval it holds, as
 * docs/report.md lists them: a reader who trusts a label must get the interval it names.
 */
class SummaryJsonIntervalsTest {
  private static JsonNode summary() throws Exception {
    return new ObjectMapper().readTree(SummaryJson.toJson(SyntheticStudy.result(2000, 7, false)));
  }

  @Test
  void cvarInterval_isLabelledSkewCorrected_sinceItIsNoNormalInterval() throws Exception {
    JsonNode s = summary();
    JsonNode loss = s.get("metrics").get("economic_loss");
    double cvar = loss.get("cvar95").asDouble();
    double below = cvar - loss.get("cvar95_ci95_low").asDouble();
    double above = loss.get("cvar95_ci95_high").asDouble() - cvar;
    // a normal interval is symmetric; Hall's correction stretches the side of the long tail
    assertTrue(
        above > below * 1.01, "asymmetric interval: " + below + " below, " + above + " above");
    String label = s.get("intervals").get("cvar").asText();
    assertFalse(label.contains("normal"), label);
    assertEquals("asymptotic-hall-skew-corrected-t", label);
  }

  @Test
  void everyIntervalLabel_isTheOneDocsReportMdGives() throws Exception {
    String doc = Files.readString(Path.of("docs/report.md")).replaceAll("\\s+", " ");
    Iterator<Map.Entry<String, JsonNode>> it = summary().get("intervals").fields();
    int labels = 0;
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isTextual()) {
        String entry = "`" + e.getKey() + "`: `" + e.getValue().asText() + "`";
        assertTrue(doc.contains(entry), "docs/report.md lists " + entry);
        labels++;
      }
    }
    assertEquals(4, labels, "mean, share, quantile and cvar");
  }
}
