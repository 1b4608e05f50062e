package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.study.Comparison;
import org.corridorrisk.study.ComparisonRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareReportTest {
  private static Comparison comparison;

  static Scenario twoPaths(double success, double repairDays, double bypassCapacity) {
    return new Scenario(
        "two-paths",
        "",
        120,
        "EUR",
        List.of(new Commodity("gas", "mcm/d")),
        List.of(
            Node.source("src", "gas", 30),
            Node.junction("hub", "gas"),
            Node.sink("city", "gas", 20).withSinkDetails(1, 50_000, 1000, null)),
        List.of(
            Link.of("main", "src", "hub", "gas", 20),
            Link.of("spare", "src", "hub", "gas", bypassCapacity),
            Link.of("feed", "hub", "city", "gas", 25)),
        List.of(
            Threat.poisson(
                "attack",
                6,
                success,
                new RepairTime.Fixed(repairDays),
                TargetSpec.ofLinks("main", "feed"))),
        List.of(),
        null,
        List.of());
  }

  @BeforeAll
  static void compare() {
    comparison =
        ComparisonRunner.run(
            twoPaths(0.6, 10, 1),
            List.of(
                new ComparisonRunner.Variant(
                    "patrols", 2e5, List.of("patrols"), twoPaths(0.3, 10, 1)),
                new ComparisonRunner.Variant("crews", 1e5, List.of("crews"), twoPaths(0.6, 4, 1)),
                new ComparisonRunner.Variant("bypass", 0, List.of("bypass"), twoPaths(0.6, 10, 10)),
                new ComparisonRunner.Variant(
                    "patrols+crews", 3e5, List.of("patrols", "crews"), twoPaths(0.3, 4, 1))),
            RunOptions.of(400, 1, 2),
            null);
  }

  @Test
  void write_pageIsSelfContainedWithEveryChart(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("compare.html");
    CompareReport.write(comparison, file);
    String html = Files.readString(file);
    for (String chart :
        List.of(
            "reduction-economic-loss",
            "benefit-cost",
            "exceedance-economic-loss",
            "paired-1",
            "cost-benefit")) {
      assertTrue(html.contains("data-chart=\"" + chart + "\""), chart);
    }
    assertFalse(html.contains("<script"), "no scripts");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no external resources");
    assertTrue(html.contains("patrols+crews"));
    // kept for looking at: target/test-output/compare.html
    Path kept = Files.createDirectories(Path.of("target", "test-output")).resolve("compare.html");
    Files.copy(file, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void zeroLossComparison_leavesOutChartsWithNothingToDraw(@TempDir Path tmp) throws Exception {
    Comparison none =
        ComparisonRunner.run(
            twoPaths(0, 10, 1),
            List.of(
                new ComparisonRunner.Variant("crews", 1e5, List.of("crews"), twoPaths(0, 4, 1)),
                new ComparisonRunner.Variant(
                    "bypass", 2e5, List.of("bypass"), twoPaths(0, 10, 10))),
            RunOptions.of(100, 1, 1),
            null);
    Path file = tmp.resolve("compare.html");
    CompareReport.write(none, file);
    String html = Files.readString(file);
    assertFalse(
        java.util.regex.Pattern.compile(">-?[0-9.]+e-[0-9]+<").matcher(html).find(),
        "no made-up axis around 0");
    for (String chart : List.of("benefit-cost", "exceedance-economic-loss", "cost-benefit")) {
      assertFalse(html.contains("data-chart=\"" + chart + "\""), chart + " is not drawn");
      assertTrue(html.contains("data-no-chart=\"" + chart + "\""), chart + " has its line");
    }
    assertTrue(
        html.contains(
            "<b>Chance of reaching each economic_loss:</b> No baseline trial had economic_loss"
                + " above 0: nothing to chart."),
        "the line says why");
  }

  @Test
  void toJson_zeroCost_nullRatioWithNote() {
    JsonNode bypass = CompareJson.toJson(comparison).path("mitigations").get(2);
    assertEquals("bypass", bypass.path("id").asText());
    assertTrue(bypass.path("benefit_cost_ratio").isNull());
    assertTrue(bypass.path("note").asText().contains("cost 0"));
  }

  @Test
  void toJson_rankingListsEveryMitigationOnce() {
    JsonNode ranking = CompareJson.toJson(comparison).path("ranking");
    assertEquals(4, ranking.size());
    assertEquals("bypass", ranking.get(0).asText(), "free and helpful ranks first");
  }
}
