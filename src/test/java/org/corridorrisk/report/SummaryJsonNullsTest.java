package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** An interval end the trials cannot give is {@code null} in summary.json, never a number. */
class SummaryJsonNullsTest {
  @Test
  void p99UpperEnd_fewTrials_isNull() throws Exception {
    JsonNode loss =
        new ObjectMapper()
            .readTree(SummaryJson.toJson(SyntheticStudy.result(100, 7, false)))
            .get("metrics")
            .get("economic_loss");
    assertTrue(loss.has("p99_ci95_high"));
    assertTrue(loss.get("p99_ci95_high").isNull(), loss.toString());
    assertTrue(loss.get("p99_ci95_low").isNumber(), loss.toString());
  }

  @Test
  void p99UpperEnd_manyTrials_isANumber() throws Exception {
    JsonNode loss =
        new ObjectMapper()
            .readTree(SummaryJson.toJson(SyntheticStudy.result(2000, 7, false)))
            .get("metrics")
            .get("economic_loss");
    assertTrue(loss.get("p99_ci95_high").isNumber(), loss.toString());
  }
}
