package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.study.CriticalityNetworks;
import org.corridorrisk.study.CriticalityOptions;
import org.corridorrisk.study.CriticalityResult;
import org.corridorrisk.study.CriticalityStudy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CriticalityReportTest {
  @TempDir Path tmp;

  private static CriticalityResult parallel() {
    Scenario s = CriticalityNetworks.parallelPaths();
    return CriticalityStudy.run(
        s,
        new CriticalityOptions(s.horizonDays(), 2, Metric.UNSERVED_FRACTION, 3, 2, 1000, 3, false));
  }

  @Test
  void page_hasTornadoPerMetricWorstSetsAndMap_withoutExternalResources() throws Exception {
    Path file = tmp.resolve("criticality.html");
    CriticalityReport.write(parallel(), file);
    String html = Files.readString(file);
    for (String chart :
        new String[] {
          "tornado-economic-loss",
          "tornado-unserved-fraction",
          "tornado-person-days-without-service",
          "worst-case",
          "map"
        }) {
      assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
    }
    assertTrue(html.contains("p1, p2"));
    // the map labels nodes only; the caption names the worst-set links instead
    java.util.List<String> links =
        parallel().worstCase().stream()
            .flatMap(w -> w.assetIds().stream())
            .filter(id -> parallel().scenario().links().stream().anyMatch(l -> l.id().equals(id)))
            .distinct()
            .sorted()
            .toList();
    assertFalse(links.isEmpty(), "the fixture's worst sets hold links");
    assertTrue(
        html.contains("Links in a worst set are the darkest lines: " + String.join(", ", links)),
        "caption names " + links);
    assertFalse(
        html.contains("Assets in a worst set are labelled"), "no claim the map cannot keep");
    assertFalse(html.contains("<script src"));
    assertFalse(html.contains("<link rel=\"stylesheet\""));
  }

  @Test
  void json_hasContractKeysInOrder() {
    JsonNode root = CriticalityJson.toJson(parallel());
    JsonNode first = root.get("assets").get(0);
    for (String key :
        new String[] {
          "id", "kind", "unserved_fraction", "economic_loss", "person_days_without_service"
        }) {
      assertTrue(first.has(key), key);
    }
    JsonNode w2 = root.get("worst_case").get(1);
    assertEquals(2, w2.get("budget").asInt());
    assertEquals("p1", w2.get("assets").get(0).asText());
    assertEquals("p2", w2.get("assets").get(1).asText());
    assertTrue(w2.get("exact").asBoolean());
    assertEquals(100 / 110.0, w2.get("unserved_fraction").asDouble(), 1e-9);
    assertEquals(3, root.get("pairs").size());
  }

  @Test
  void n1Charts_nameTheScenariosCurrency_andDrawOneBarPerAsset() throws Exception {
    CriticalityResult r = parallel();
    String currency = r.scenario().currency();
    Path file = tmp.resolve("units.html");
    CriticalityReport.write(r, file);
    String html = Files.readString(file);
    assertFalse(html.contains("(currency)"), "a placeholder instead of the currency");
    assertTrue(html.contains("economic_loss (" + currency + ")"), currency);
    assertTrue(html.contains("unserved_fraction (share of demand)"));
    // one bar per asset: no second, always-empty "intact" series in the legend
    assertFalse(html.contains(">intact</text>"), "an empty second column per asset");
  }
}
