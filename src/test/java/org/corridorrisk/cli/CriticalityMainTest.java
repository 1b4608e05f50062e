package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** criticality end to end through Main.execute on a scenario file. */
class CriticalityMainTest {
  @TempDir Path tmp;

  static final String PARALLEL =
      """
      format: corridor-risk/v1
      name: parallel-paths
      horizon_days: 10
      commodities:
        - {id: gas, unit: mcm/d}
      nodes:
        - {id: source, kind: source, commodity: gas, supply: 110}
        - {id: city, kind: sink, commodity: gas, demand: 100, population: 1000, value_of_lost_load: 5}
        - {id: town, kind: sink, commodity: gas, demand: 10, population: 100, value_of_lost_load: 5}
      links:
        - {id: p1, from: source, to: city, commodity: gas, capacity: 100}
        - {id: p2, from: source, to: city, commodity: gas, capacity: 100}
        - {id: x, from: source, to: town, commodity: gas, capacity: 10}
      threats:
        - id: sabotage
          model: poisson
          events_per_year: 1
          targets: {links: [p1, p2, x]}
          repair_days: {dist: fixed, value: 5}
      """;

  private Path scenario() throws Exception {
    Path file = tmp.resolve("parallel.yaml");
    Files.writeString(file, PARALLEL);
    return file;
  }

  @Test
  void criticality_writesJsonPerContract() throws Exception {
    Path out = tmp.resolve("out");
    Cli o =
        Cli.run(
            "criticality",
            scenario().toString(),
            "--budget",
            "2",
            "--out",
            out.toString(),
            "--threads",
            "2");
    assertEquals(0, o.code(), o.err());
    JsonNode root = new ObjectMapper().readTree(out.resolve("criticality.json").toFile());
    JsonNode assets = root.get("assets");
    // infrastructure only: the source and the three links; the sinks need --include-sinks
    assertEquals(4, assets.size());
    for (JsonNode a : assets) {
      for (String key :
          List.of(
              "id", "kind", "unserved_fraction", "economic_loss", "person_days_without_service")) {
        assertTrue(a.has(key), key + " in " + a);
      }
    }
    // worst first: source (everything), then x (10/110); p1 and p2 alone cost nothing
    assertEquals("source", assets.get(0).get("id").asText());
    assertEquals("source", assets.get(0).get("kind").asText());
    assertEquals("x", assets.get(1).get("id").asText());
    assertEquals(false, root.get("include_sinks").asBoolean());
    JsonNode worst = root.get("worst_case");
    assertEquals(2, worst.size());
    assertEquals(1, worst.get(0).get("budget").asInt());
    List<String> pair = new ArrayList<>();
    worst.get(1).get("assets").forEach(n -> pair.add(n.asText()));
    assertEquals(List.of("p1", "p2"), pair);
    assertEquals(100 / 110.0, worst.get(1).get("unserved_fraction").asDouble(), 1e-9);
    assertEquals(100 * 5 * 10.0, worst.get(1).get("economic_loss").asDouble(), 1e-6);
    assertEquals(1000 * 10.0, worst.get(1).get("person_days_without_service").asDouble(), 1e-6);
    assertTrue(worst.get(1).get("exact").asBoolean());
    assertTrue(Files.exists(out.resolve("criticality.html")));
    assertTrue(Files.exists(out.resolve(".corridor-risk-output")));
    assertTrue(o.out().contains("budget 2: p1, p2"), o.out());
  }

  @Test
  void criticality_nonEmptyForeignOutDir_exit2AndUntouched() throws Exception {
    Path out = tmp.resolve("mine");
    Files.createDirectories(out);
    Files.writeString(out.resolve("criticality.json"), "my notes");
    Cli o = Cli.run("criticality", scenario().toString(), "--out", out.toString());
    assertEquals(2, o.code());
    assertEquals("my notes", Files.readString(out.resolve("criticality.json")));
  }

  @Test
  void criticality_invalidScenario_exit2WithLocation() throws Exception {
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(file, PARALLEL.replace("capacity: 10}", "capacity: -10}"));
    Cli o = Cli.run("criticality", file.toString(), "--out", tmp.resolve("o").toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("bad.yaml:"), o.err());
  }

  @Test
  void criticality_outageDaysAndObjective_change_theAnswer() throws Exception {
    Path out = tmp.resolve("o2");
    Cli o =
        Cli.run(
            "criticality",
            scenario().toString(),
            "--outage-days",
            "5",
            "--objective",
            "economic_loss",
            "--budget",
            "1",
            "--pairs",
            "3",
            "--out",
            out.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode root = new ObjectMapper().readTree(out.resolve("criticality.json").toFile());
    assertEquals(5, root.get("outage_days").asInt());
    assertEquals("economic_loss", root.get("objective").asText());
    assertEquals(0.5, root.get("assets").get(0).get("unserved_fraction").asDouble(), 1e-9);
    assertEquals(3, root.get("pairs").size());
    assertEquals("exhaustive", root.get("worst_case").get(0).get("method").asText());
  }

  @Test
  void criticality_scenarioNamedLikeAnOutput_isNeverOverwritten() throws Exception {
    Path dir = tmp.resolve("same");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(".corridor-risk-output"), "");
    Path file = dir.resolve("criticality.json");
    Files.writeString(
        file,
        new com.fasterxml.jackson.databind.ObjectMapper()
            .writeValueAsString(
                new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(PARALLEL)));
    Cli o = Cli.run("criticality", file.toString(), "--out", dir.toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(Files.readString(file).contains("parallel-paths"));
  }

  private JsonNode criticality(String name, String... options) throws Exception {
    Path out = tmp.resolve(name);
    List<String> args = new ArrayList<>(List.of("criticality", scenario().toString()));
    args.addAll(List.of(options));
    args.addAll(List.of("--out", out.toString(), "--threads", "1"));
    Cli o = Cli.run(args.toArray(String[]::new));
    assertEquals(0, o.code(), o.err());
    lastOut = o.out();
    return new ObjectMapper().readTree(out.resolve("criticality.json").toFile());
  }

  private String lastOut;

  @Test
  void criticality_terminal_writesNumbersAsTheReportDoes() throws Exception {
    // Issue 13 point 5: the table printed 0.0909, 500.0 and 5.494e+06-style numbers. Now shares in
    // percent and k / M / bn as in run's table and the report. Hand values for x out 10 days:
    // town (demand 10 of 110) unserved: 10 / 110 = 9.09%; economic loss 10 x 5 x 10 = 500;
    // person-days 100 x 10 = 1,000 -> "1k". Source out: 110 / 110 = 100%, loss 110 x 5 x 10 =
    // 5,500 -> "5.5k", person-days (1,000 + 100) x 10 = 11,000 -> "11k". Worst pair p1 + p2 (budget
    // 2, maximizing the unserved share): 100 / 110 = 90.9%, loss 100 x 5 x 10 = 5,000 -> "5k".
    criticality("words", "--budget", "2");
    String out = lastOut;
    assertTrue(!out.matches("(?s).*\\d\\.\\d+e[+-]?\\d+.*"), out);
    assertTrue(
        out.lines()
            .anyMatch(l -> l.matches("\\s+1\\s+source\\s+node\\s+source\\s+100%\\s+5.5k\\s+11k")),
        out);
    assertTrue(
        out.lines().anyMatch(l -> l.matches("\\s+2\\s+x\\s+link\\s+\\S+\\s+9.09%\\s+500\\s+1k")),
        out);
    assertTrue(
        out.lines().anyMatch(l -> l.matches("\\s+share of demand\\s+\\S*\\s*person-days")), out);
    assertTrue(
        out.lines()
            .anyMatch(
                l ->
                    l.matches(
                        "\\s+budget 2: p1, p2\\s+unserved_fraction 90.9%\\s+economic_loss (\\S+ )?5k\\s.*")),
        out);
  }

  @Test
  void criticality_includeSinks_ranksTheDemandPointsToo() throws Exception {
    JsonNode root = criticality("sinks", "--include-sinks", "--budget", "0");
    JsonNode assets = root.get("assets");
    assertEquals(6, assets.size());
    // city alone out: its 100 of 110 units are unserved, second after the source
    assertEquals("city", assets.get(1).get("id").asText());
    assertEquals(100 / 110.0, assets.get(1).get("unserved_fraction").asDouble(), 1e-9);
    assertTrue(root.get("include_sinks").asBoolean());
  }

  @Test
  void criticality_noSetCausesLoss_saysSoInJsonTerminalAndPage() throws Exception {
    // only the two parallel pipes are targeted, and the budget is 1: either alone costs nothing
    Path file = tmp.resolve("redundant.yaml");
    Files.writeString(file, PARALLEL.replace("links: [p1, p2, x]", "links: [p1, p2]"));
    Path out = tmp.resolve("redundant");
    Cli o = Cli.run("criticality", file.toString(), "--budget", "1", "--out", out.toString());
    assertEquals(0, o.code(), o.err());
    JsonNode w = new ObjectMapper().readTree(out.resolve("criticality.json").toFile());
    JsonNode first = w.get("worst_case").get(0);
    assertEquals(false, first.get("any_loss").asBoolean());
    assertEquals(0, first.get("assets").size());
    assertEquals(0.0, first.get("unserved_fraction").asDouble());
    assertTrue(first.get("exact").asBoolean());
    assertTrue(
        o.out().contains("no set of up to 1 of the 2 threat targets causes any loss"), o.out());
    assertTrue(!o.out().contains("budget 1:"), o.out());
    String html = Files.readString(out.resolve("criticality.html"));
    assertTrue(html.contains("No set of up to 1 of the 2 threat targets causes any loss"), html);
  }

  @Test
  void criticality_personDaysObjective_exhaustiveAndExact() throws Exception {
    JsonNode root =
        criticality("pd", "--objective", "person_days_without_service", "--budget", "2");
    JsonNode w2 = root.get("worst_case").get(1);
    // p1 + p2 cut the city: 1000 people x 10 days; x cuts the town: 100 x 10
    assertEquals(1000 * 10.0, w2.get("person_days_without_service").asDouble(), 1e-6);
    assertEquals("p1", w2.get("assets").get(0).asText());
    assertEquals("p2", w2.get("assets").get(1).asText());
    assertTrue(w2.get("exact").asBoolean());
    assertEquals("exhaustive", w2.get("method").asText());
    assertTrue(root.get("objective_definition").asText().startsWith("person_days"));
  }

  @Test
  void criticality_economicLossObjective_tooLargeToEnumerate_heuristicNotExact() throws Exception {
    // C(3, 2) = 3 sets > --max-evaluations 1: the non-monotone objective gets the heuristic
    JsonNode root =
        criticality(
            "econ", "--objective", "economic_loss", "--budget", "2", "--max-evaluations", "1");
    JsonNode w2 = root.get("worst_case").get(1);
    assertEquals(false, w2.get("exact").asBoolean());
    assertEquals("heuristic", w2.get("method").asText());
    assertTrue(w2.get("upper_bound").isNull(), "no proven bound for a non-monotone objective");
    assertTrue(lastOut.contains("NOT exact"), lastOut);
  }

  @Test
  void criticality_objectiveExplained_onPageAndTerminal() throws Exception {
    criticality("explained", "--budget", "1");
    String html = Files.readString(tmp.resolve("explained").resolve("criticality.html"));
    assertTrue(html.contains("What the attacker maximizes: unserved_fraction"), html);
    assertTrue(html.contains("--objective</code> economic_loss"), html);
    assertTrue(lastOut.contains("maximizing unserved_fraction, the share of demand"), lastOut);
  }

  @Test
  void criticality_quiet_printsOnlyWhereTheOutputsWent() throws Exception {
    criticality("quiet", "--quiet", "--budget", "1");
    assertTrue(lastOut.startsWith("wrote "), lastOut);
    assertEquals(1, lastOut.strip().lines().count(), lastOut);
  }
}
