package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.Columns;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.junit.jupiter.api.Test;

/**
 * Issue 13 point 2: people are never added across commodities. A gas sink and a power sink in the
 * same region serve (in part) the same people; the headline, the terminal and summary.json give
 * people and person-days per commodity (and per region and commodity), never a combined population.
 */
class PeopleServedTest {
  private static final double EPS = 1e-9;

  /**
   * Region EE: a gas sink (1,000 people) and a power sink (3,000 people); region FI: a power sink
   * (200 people). Every trial: the pipe is out on days 2, 3, 4 (fixed repair 3 days); the line to
   * EE works at half capacity on days 5..8 (fixed repair 4 days).
   */
  static final String SCENARIO =
      """
      format: corridor-risk/v1
      name: gas-and-power-in-one-region
      horizon_days: 10
      commodities:
        - {id: gas, unit: mcm/d}
        - {id: power, unit: MW}
      nodes:
        - {id: gas-src, kind: source, commodity: gas, supply: 10}
        - {id: ee-gas, kind: sink, commodity: gas, demand: 10, population: 1000, region: EE}
        - {id: power-src, kind: source, commodity: power, supply: 120}
        - {id: ee-power, kind: sink, commodity: power, demand: 100, population: 3000, region: EE}
        - {id: fi-power, kind: sink, commodity: power, demand: 20, population: 200, region: FI}
      links:
        - {id: pipe, from: gas-src, to: ee-gas, commodity: gas, capacity: 10}
        - {id: line, from: power-src, to: ee-power, commodity: power, capacity: 100}
        - {id: fi-line, from: power-src, to: fi-power, commodity: power, capacity: 20}
      threats:
        - id: cut
          model: independent
          probability: 1
          start_day: 2
          targets: {links: [pipe]}
          repair_days: {dist: fixed, value: 3}
        - id: storm
          model: independent
          probability: 1
          start_day: 5
          targets: {links: [line]}
          repair_days: {dist: fixed, value: 4}
          damage:
            - {probability: 1.0, capacity_factor: 0.5}
      """;

  static Scenario scenario() throws Exception {
    return ScenarioLoader.parse("people.yaml", SCENARIO.getBytes(StandardCharsets.UTF_8))
        .baseline();
  }

  static StudyResult run() throws Exception {
    return MonteCarlo.run(scenario(), RunOptions.of(50, 3, 1));
  }

  @Test
  void personDaysPerCommodity_closedForm() throws Exception {
    // Gas: ee-gas gets nothing on days 2, 3, 4: 1,000 people x (10 / 10 unserved) x 3 days
    //   = 3,000 person-days.
    // Power: ee-power gets 50 of 100 on days 5..8: 3,000 x (50 / 100) x 4 days = 6,000; fi-power is
    //   fully served: 0. Power total 6,000.
    // Total over commodities (the metric of the spec): 3,000 + 6,000 = 9,000. Same in every trial.
    StudyResult r = run();
    Columns cols = Columns.of(r.scenario());
    for (int k = 0; k < r.keptTrials(); k++) {
      assertEquals(3_000.0, r.personDays()[0][k], EPS, "gas, trial " + k);
      assertEquals(6_000.0, r.personDays()[1][k], EPS, "power, trial " + k);
      assertEquals(9_000.0, r.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)[k], EPS, "total " + k);
    }
    assertEquals(3_000.0, r.summary(cols.personDays(0)).mean(), EPS);
    assertEquals(6_000.0, r.summary(cols.personDays(1)).mean(), EPS);
    // per sink: the means the per-region figures add up
    assertEquals(3_000.0, sink(r, "ee-gas").meanPersonDays(), EPS);
    assertEquals(6_000.0, sink(r, "ee-power").meanPersonDays(), EPS);
    assertEquals(0.0, sink(r, "fi-power").meanPersonDays(), EPS);
  }

  @Test
  void summaryJson_hasPersonDaysAndPeoplePerCommodity_andByRegion() throws Exception {
    StudyResult r = run();
    JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(r));
    JsonNode total = root.path("metrics").path("person_days_without_service");
    assertEquals(9_000.0, total.path("mean").asDouble(), EPS, "top-level metric unchanged");
    List<String> metricKeys = new ArrayList<>();
    total.fieldNames().forEachRemaining(metricKeys::add);
    JsonNode gas = root.path("by_commodity").path("gas");
    JsonNode power = root.path("by_commodity").path("power");
    for (JsonNode c : List.of(gas, power)) {
      JsonNode pd = c.path("person_days_without_service");
      List<String> keys = new ArrayList<>();
      pd.fieldNames().forEachRemaining(keys::add);
      assertEquals(metricKeys, keys, "same keys as a metric");
      assertTrue(c.has("unserved_volume"));
    }
    assertEquals(3_000.0, gas.path("person_days_without_service").path("mean").asDouble(), EPS);
    assertEquals(6_000.0, power.path("person_days_without_service").path("mean").asDouble(), EPS);
    assertEquals(1_000.0, gas.path("people_served").asDouble(), EPS);
    assertEquals(3_200.0, power.path("people_served").asDouble(), EPS);

    JsonNode regions = root.path("by_region");
    List<String> order = new ArrayList<>();
    regions.fieldNames().forEachRemaining(order::add);
    assertEquals(List.of("EE", "FI"), order);
    assertEquals(1_000.0, regions.path("EE").path("gas").path("people_served").asDouble(), EPS);
    assertEquals(3_000.0, regions.path("EE").path("power").path("people_served").asDouble(), EPS);
    assertEquals(200.0, regions.path("FI").path("power").path("people_served").asDouble(), EPS);
    assertFalse(regions.path("FI").has("gas"), "FI has no gas sink");
    assertEquals(
        3_000.0,
        regions.path("EE").path("gas").path("mean_person_days_without_service").asDouble(),
        EPS);
    assertEquals(
        6_000.0,
        regions.path("EE").path("power").path("mean_person_days_without_service").asDouble(),
        EPS);
    assertEquals(
        0.0,
        regions.path("FI").path("power").path("mean_person_days_without_service").asDouble(),
        EPS);
    // no population anywhere is a sum across commodities (EE: 1,000 + 3,000; all: 1,000 + 3,200)
    String json = SummaryJson.toJson(r);
    assertFalse(json.contains("4000.0"), json);
    assertFalse(json.contains("4200.0"), json);
  }

  @Test
  void summaryJson_withoutRegionLabels_hasNoByRegion() throws Exception {
    Scenario s =
        ScenarioLoader.parse(
                "plain.yaml",
                SCENARIO
                    .replace(", region: EE", "")
                    .replace(", region: FI", "")
                    .getBytes(StandardCharsets.UTF_8))
            .baseline();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(20, 3, 1));
    JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(r));
    assertFalse(root.has("by_region"));
    assertTrue(PeopleServed.byRegion(r).isEmpty());
    assertEquals(
        3_000.0,
        root.path("by_commodity")
            .path("gas")
            .path("person_days_without_service")
            .path("mean")
            .asDouble(),
        EPS);
  }

  @Test
  void headline_givesPeoplePerCommodity_neverACombinedPopulation() throws Exception {
    StudyResult r = run();
    String html = HtmlReport.html(r, "test", Instant.EPOCH);
    List<String> headlines = new ArrayList<>();
    Matcher m = Pattern.compile("<p class=\"headline\">([^<]*)</p>").matcher(html);
    while (m.find()) {
      headlines.add(m.group(1));
    }
    assertEquals(2, headlines.size(), headlines.toString());
    // gas: 3,000 person-days / 1,000 people = 3 days each; power: 6,000 / 3,200 = 1.875 days
    assertTrue(
        headlines
            .get(0)
            .startsWith(
                "Gas: on average 3k person-days without gas per 10-day period (95% CI 3k to 3k),"
                    + " as if all 1k people served by gas went without it for 3 days."),
        headlines.get(0));
    assertTrue(
        headlines
            .get(1)
            .startsWith(
                "Power: on average 6k person-days without power per 10-day period (95% CI 6k to"
                    + " 6k), as if all 3.2k people served by power went without it for 1.88"
                    + " days."),
        headlines.get(1));
    for (String h : headlines) {
      assertFalse(h.contains("4.2k"), "gas + power people added: " + h);
      assertFalse(h.contains("4k"), "EE gas + power people added: " + h);
      assertFalse(h.contains("9k"), "person-days added across commodities in a per-people line");
    }
    // the People section: per-commodity table and per-region table carry the same figures
    assertTrue(html.contains("id=\"people\""));
    assertTrue(html.contains("data-metric=\"by_region.EE.power\""));
    assertFalse(html.contains("4.2k people"));
  }

  @Test
  void terminalLines_perCommodityAndRegion_neverACombinedPopulation() throws Exception {
    StudyResult r = run();
    List<String> lines = PeopleServed.terminalLines(r);
    String text = String.join("\n", lines);
    assertTrue(text.contains("all 1k people served by gas went without it for 3 days"), text);
    assertTrue(
        text.contains("all 3.2k people served by power went without it for 1.88 days"), text);
    // region rows: EE power 3,000 people, 6,000 person-days, 2 days each
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("\\s+EE\\s+power\\s+3k\\s+6k\\s+2 days")), text);
    assertTrue(
        lines.stream().anyMatch(l -> l.matches("\\s+FI\\s+power\\s+200\\s+0\\s+none")), text);
    assertFalse(text.contains("4.2k"), text);
    assertFalse(text.matches("(?s).*\\b4k\\b.*"), text);
  }

  @Test
  void terminalRegionTable_staysAligned_withLongRegionAndCommodityNames() throws Exception {
    String yaml =
        SCENARIO
            .replace("region: EE", "region: Nord-Pas-de-Calais-Picardie")
            .replace("id: power,", "id: electricity,")
            .replace("commodity: power", "commodity: electricity");
    Scenario s =
        ScenarioLoader.parse("long.yaml", yaml.getBytes(StandardCharsets.UTF_8)).baseline();
    List<String> lines = PeopleServed.terminalLines(MonteCarlo.run(s, RunOptions.of(20, 3, 1)));
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).trim().startsWith("region ")) {
        header = i;
      }
    }
    assertTrue(header >= 0, String.join("\n", lines));
    // every column starts where its header starts: the numbers end under "people served" and
    // "person-days", the durations begin under "time without service"
    String head = lines.get(header);
    int peopleEnd = head.indexOf("people served") + "people served".length();
    int daysEnd = head.indexOf("person-days") + "person-days".length();
    int timeStart = head.indexOf("time without service");
    int commodityStart = head.indexOf("commodity");
    List<String> rows = lines.subList(header + 1, lines.size());
    assertEquals(3, rows.size(), String.join("\n", lines));
    for (String row : rows) {
      assertTrue(row.length() > timeStart, row);
      assertTrue(row.charAt(peopleEnd - 1) != ' ' && row.charAt(peopleEnd) == ' ', row);
      assertTrue(row.charAt(daysEnd - 1) != ' ' && row.charAt(daysEnd) == ' ', row);
      assertTrue(row.charAt(timeStart - 1) == ' ' && row.charAt(timeStart) != ' ', row);
      assertTrue(row.charAt(commodityStart - 1) == ' ' && row.charAt(commodityStart) != ' ', row);
    }
  }

  @Test
  void terminalLines_carryTheReportsOneInNClause_onlyWithEnoughTrials() throws Exception {
    // every trial: 3,000 gas person-days (closed form above), so the 95th percentile is 3k; 50
    // trials support a 1-in-20 level
    StudyResult r = run();
    String clause =
        "In 1 of 20 simulated 10-day periods at least 3k person-days without gas: all 1k people"
            + " served by gas without it for 3 days.";
    List<String> lines = PeopleServed.terminalLines(r);
    assertTrue(lines.contains("    " + clause), String.join("\n", lines));
    assertTrue(HtmlReport.html(r, "test", Instant.EPOCH).contains(clause), "the report says it");
    // 10 trials support no 1-in-N level: neither the report nor the terminal gives one
    StudyResult few = MonteCarlo.run(scenario(), RunOptions.of(10, 3, 1));
    String text = String.join("\n", PeopleServed.terminalLines(few));
    assertFalse(text.contains("In 1 of"), text);
    assertFalse(HtmlReport.html(few, "test", Instant.EPOCH).contains("In 1 of"));
  }

  @Test
  void reportPeopleTables_equalSummaryJson() throws Exception {
    StudyResult r = run();
    JsonNode root = new ObjectMapper().readTree(SummaryJson.toJson(r));
    java.util.Map<String, Double> report =
        ReportMatchesSummaryJsonTest.reportNumbers(HtmlReport.html(r, "test", Instant.EPOCH));
    int compared = 0;
    for (String c : List.of("gas", "power")) {
      assertEquals(
          root.path("by_commodity").path(c).path("people_served").asDouble(),
          report.get("by_commodity." + c + "/people_served"),
          c);
      compared++;
    }
    for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> regions =
            root.path("by_region").fields();
        regions.hasNext(); ) {
      java.util.Map.Entry<String, JsonNode> region = regions.next();
      for (java.util.Iterator<java.util.Map.Entry<String, JsonNode>> cs =
              region.getValue().fields();
          cs.hasNext(); ) {
        java.util.Map.Entry<String, JsonNode> c = cs.next();
        String key = "by_region." + region.getKey() + "." + c.getKey();
        for (String stat : List.of("people_served", "mean_person_days_without_service")) {
          assertEquals(c.getValue().path(stat).asDouble(), report.get(key + "/" + stat), key);
          compared++;
        }
      }
    }
    assertEquals(2 + 3 * 2, compared);
  }

  @Test
  void terminalRegionTable_showsTheWorst20AndSaysHowManyMore() throws Exception {
    // 25 regions with one gas sink each; only r7 and r23 are behind the cut pipe
    StringBuilder y =
        new StringBuilder(
            """
            format: corridor-risk/v1
            name: many-regions
            horizon_days: 10
            commodities:
              - {id: gas, unit: mcm/d}
            nodes:
              - {id: src, kind: source, commodity: gas, supply: 100}
              - {id: hub, kind: junction, commodity: gas}
            """);
    StringBuilder links =
        new StringBuilder(
            "links:\n  - {id: pipe, from: src, to: hub, commodity: gas, capacity: 100}\n");
    for (int i = 0; i < 25; i++) {
      y.append(
          "  - {id: s%d, kind: sink, commodity: gas, demand: 1, population: 10, region: r%d}\n"
              .formatted(i, i));
      String from = i == 7 || i == 23 ? "hub" : "src";
      links.append(
          "  - {id: l%d, from: %s, to: s%d, commodity: gas, capacity: 1}\n".formatted(i, from, i));
    }
    y.append(links)
        .append(
            """
            threats:
              - {id: cut, model: independent, probability: 1, start_day: 0, targets: {links: [pipe]},
                 repair_days: {dist: fixed, value: 2}}
            """);
    Scenario s =
        ScenarioLoader.parse("many.yaml", y.toString().getBytes(StandardCharsets.UTF_8)).baseline();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(10, 1, 1));
    List<String> lines = PeopleServed.terminalLines(r);
    long rows = lines.stream().filter(l -> l.matches("\\s+r\\d+\\s+gas\\s.*")).count();
    assertEquals(PeopleServed.MAX_TERMINAL_REGIONS, rows, String.join("\n", lines));
    // r7 and r23: 10 people x 2 days = 20 person-days each; both among the rows shown
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+r7\\s+gas\\s+10\\s+20\\s+2 days")));
    assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+r23\\s+gas\\s+10\\s+20\\s+2 days")));
    assertTrue(lines.get(lines.size() - 1).contains("and 5 more"), lines.get(lines.size() - 1));
    assertEquals(25, PeopleServed.byRegion(r).size());
  }

  @Test
  void commodityWithoutPeople_isNamedInANoteNotInThePeopleTable() throws Exception {
    String yaml =
        SCENARIO
            .replace(
                "  - {id: power, unit: MW}\n",
                "  - {id: power, unit: MW}\n  - {id: oil, unit: t/d}\n")
            .replace(
                "nodes:\n",
                "nodes:\n  - {id: oil-src, kind: source, commodity: oil, supply: 5}\n"
                    + "  - {id: refinery, kind: sink, commodity: oil, demand: 5}\n")
            .replace(
                "links:\n",
                "links:\n  - {id: oil-pipe, from: oil-src, to: refinery, commodity: oil,"
                    + " capacity: 5}\n");
    Scenario s = ScenarioLoader.parse("oil.yaml", yaml.getBytes(StandardCharsets.UTF_8)).baseline();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(20, 3, 1));
    String html = HtmlReport.html(r, "test", Instant.EPOCH);
    assertTrue(html.contains("No sink of oil has a population"), "note missing");
    assertFalse(html.contains("data-metric=\"by_commodity.oil\""), "oil row in the people table");
    assertTrue(html.contains("data-metric=\"by_commodity.gas\""));
    assertEquals(
        0.0,
        new ObjectMapper()
            .readTree(SummaryJson.toJson(r))
            .path("by_commodity")
            .path("oil")
            .path("people_served")
            .asDouble(-1),
        0.0);
  }

  @Test
  void duration_inWordsAPlannerCanRepeat() {
    assertEquals("1.51 days", PeopleServed.duration(1.51));
    assertEquals("1 day", PeopleServed.duration(1));
    assertEquals("2.4 hours", PeopleServed.duration(0.1));
    assertEquals("14.4 minutes", PeopleServed.duration(0.01));
    assertEquals("8.64 seconds", PeopleServed.duration(1e-4));
    assertEquals("none", PeopleServed.duration(0));
  }

  @Test
  void commodityWithoutPeople_hasNoSentence() throws Exception {
    StudyResult r = run();
    PeopleServed.CommodityPeople none =
        new PeopleServed.CommodityPeople(
            "oil", 0, 0, PeopleServed.byCommodity(r).get(0).personDays());
    assertNull(PeopleServed.sentence(none, "per year"));
    assertNull(PeopleServed.tail(none, "year"));
  }

  private static StudyResult.SinkStat sink(StudyResult r, String id) {
    return r.sinks().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
