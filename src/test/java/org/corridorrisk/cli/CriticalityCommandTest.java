package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CriticalityCommandTest {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--budget=-1",
        "--objective=loss",
        "--threads=0",
        "--outage-days=0",
        "--pairs=-2",
        "--max-evaluations=0",
        "--budget=two",
        "--no-such-option"
      })
  void badOption_exitsWithUserInputCode(String option) throws Exception {
    Path file = tmp.resolve("s.yaml");
    Files.writeString(file, "format: corridor-risk/v1\n");
    Cli o = Cli.run("criticality", file.toString(), option, "--out", tmp.resolve("o").toString());
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().startsWith("corridor-risk: "), o.err());
    assertTrue(!o.err().contains("Exception"), o.err());
  }

  @Test
  void missingFile_exitsWithUserInputCode() {
    Cli o = Cli.run("criticality", tmp.resolve("none.yaml").toString());
    assertEquals(2, o.code(), o.err());
  }

  @Test
  void nonEmptyDirectoryWithoutMarker_isRefused() throws Exception {
    Path dir = tmp.resolve("mine");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    UserInputException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            UserInputException.class, () -> OutputDirectory.prepare(dir, null));
    assertTrue(e.getMessage().contains(".corridor-risk-output"), e.getMessage());
    assertEquals("mine", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void directoryWithMarker_isReusedAndMarked() throws Exception {
    Path dir = tmp.resolve("ours");
    OutputDirectory.prepare(dir, null);
    Files.writeString(dir.resolve("criticality.json"), "{}");
    OutputDirectory.prepare(dir, null);
    assertTrue(Files.exists(dir.resolve(OutputDirectory.MARKER)));
  }

  @Test
  void worstCaseLines_showTheObjectiveOnceAndAnotherMetricBesideIt() {
    Cli o =
        Cli.run(
            "criticality",
            "scenarios/btc-oil.yaml",
            "--objective",
            "economic_loss",
            "--budget",
            "1",
            "--out",
            tmp.resolve("o").toString());
    assertEquals(0, o.code(), o.err());
    String line =
        o.out().lines().filter(l -> l.startsWith("  budget 1:")).findFirst().orElseThrow();
    assertEquals(1, line.split("economic_loss", -1).length - 1, line);
    assertTrue(line.contains("unserved_fraction"), line);
  }

  @Test
  void budgetOne_saysItReusesTheSingleOutages_notZeroEvaluations() throws Exception {
    Path dir = tmp.resolve("o");
    Cli o =
        Cli.run("criticality", "scenarios/btc-oil.yaml", "--budget", "2", "--out", dir.toString());
    assertEquals(0, o.code(), o.err());
    int candidates =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("criticality.json").toFile())
            .path("candidates")
            .size();
    assertTrue(candidates > 1, "btc-oil has threat targets");
    String one = o.out().lines().filter(l -> l.startsWith("  budget 1:")).findFirst().orElseThrow();
    assertTrue(
        one.contains(
            "exact (exhaustive over the "
                + candidates
                + " single-asset outages already simulated, "),
        one);
    assertTrue(!one.contains("evaluations"), one);
    String two = o.out().lines().filter(l -> l.startsWith("  budget 2:")).findFirst().orElseThrow();
    assertTrue(two.matches(".*\\(exhaustive, [1-9][0-9]* evaluations, .*"), two);
    String html = Files.readString(dir.resolve("criticality.html"));
    assertTrue(html.contains("0 new (reuses the " + candidates + " single-asset outages)"));
  }

  /** A source feeding a sink through two links in series; a threat targets both. */
  private Path series() throws Exception {
    Path file = tmp.resolve("series.yaml");
    Files.writeString(
        file,
        """
        format: corridor-risk/v1
        name: series
        horizon_days: 30
        commodities:
          - id: gas
        nodes:
          - {id: a, kind: source, commodity: gas, supply: 10}
          - {id: j, kind: junction, commodity: gas}
          - {id: b, kind: sink, commodity: gas, demand: 5, value_of_lost_load: 1000}
        links:
          - {id: in, from: a, to: j, commodity: gas, capacity: 10}
          - {id: out, from: j, to: b, commodity: gas, capacity: 10}
        threats:
          - {id: t, model: poisson, events_per_year: 1, targets: {links: [in, out]},
             repair_days: {dist: fixed, value: 3}}
        """);
    return file;
  }

  @Test
  void budgetsAfterAllDemandIsCut_sayTheyWereNotSearched_notZeroEvaluations() throws Exception {
    // budget 1 already leaves all demand unserved, so budgets 2 and 3 keep its set unsearched:
    // the line said "(branch-and-bound, 0 evaluations, 0.00 s)"; budget 3 exceeds the 2 targets
    Path dir = tmp.resolve("o");
    Cli o = Cli.run("criticality", series().toString(), "--budget", "3", "--out", dir.toString());
    assertEquals(0, o.code(), o.err());
    for (String budget : new String[] {"  budget 2:", "  budget 3:"}) {
      String line = o.out().lines().filter(l -> l.startsWith(budget)).findFirst().orElseThrow();
      assertTrue(line.contains("unserved_fraction 100%"), line);
      assertTrue(!line.contains("evaluations"), line);
    }
    String two = o.out().lines().filter(l -> l.startsWith("  budget 2:")).findFirst().orElseThrow();
    assertTrue(
        two.endsWith(
            "exact (not searched: budget 1 already leaves 100% of demand unserved, so no larger"
                + " set can do worse)"),
        two);
    String html = Files.readString(dir.resolve("criticality.html"));
    assertTrue(
        html.contains(
            "not searched: budget 1 already leaves 100% of demand unserved, so no larger set can"
                + " do worse"),
        html);
    assertTrue(html.contains("0 (none needed)"), html);
    var json =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(dir.resolve("criticality.json").toFile());
    var worst = json.path("worst_case");
    assertTrue(worst.get(0).path("kept_from_budget").isNull(), worst.toString());
    assertEquals(1, worst.get(1).path("kept_from_budget").asInt(), worst.toString());
    assertEquals(1, worst.get(2).path("kept_from_budget").asInt(), worst.toString());
    assertEquals(0, worst.get(1).path("evaluations").asLong(), "the contract's count is unchanged");
    assertTrue(worst.get(1).path("exact").asBoolean());
  }

  @Test
  void budgetAboveTheNumberOfTargets_saysNoLargerSetExists() throws Exception {
    // economic_loss has no ceiling: budget 2 is searched, budget 3 has no 3-set to search
    Path dir = tmp.resolve("o");
    Cli o =
        Cli.run(
            "criticality",
            series().toString(),
            "--budget",
            "3",
            "--objective",
            "economic_loss",
            "--out",
            dir.toString());
    assertEquals(0, o.code(), o.err());
    String three =
        o.out().lines().filter(l -> l.startsWith("  budget 3:")).findFirst().orElseThrow();
    assertTrue(
        three.endsWith(
            "(not searched: there are only 2 threat targets, so no set larger than budget 2's"
                + " exists)"),
        o.out());
  }
}
