package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;

  static Scenario scenario() {
    List<Node> nodes =
        List.of(
            Node.source("src", "gas", 12),
            Node.junction("j", "gas"),
            Node.sink("homes", "gas", 5).withSinkDetails(1, 1000, 50, "households"),
            Node.sink("plant", "gas", 6).withSinkDetails(2, 0, 20, "industry"),
            Node.storage("store", "gas", 30, 4, 40, 2));
    List<Link> links =
        List.of(
            Link.of("a", "src", "j", "gas", 8),
            Link.of("b", "src", "j", "gas", 6),
            Link.of("c", "j", "homes", "gas", 6),
            Link.of("d", "j", "plant", "gas", 7),
            Link.of("s-out", "store", "j", "gas", 4),
            Link.of("s-in", "j", "store", "gas", 4));
    List<Threat> threats =
        List.of(
            Threat.poisson(
                "saboteur",
                6,
                0.7,
                new RepairTime.Lognormal(5, 15),
                TargetSpec.ofLinks("a", "b", "d")));
    Economy economy =
        new Economy(
            List.of(new Sector("households", 0), new Sector("industry", 1000)),
            new double[][] {{0, 0.1}, {0.2, 0}});
    return new Scenario(
        "demo",
        "",
        60,
        "EUR",
        List.of(new Commodity("gas", "mcm/d")),
        nodes,
        links,
        threats,
        List.of(),
        economy,
        List.of());
  }

  /** The unit column of the terminal table's row for {@code metric}. */
  private String terminalUnit(Scenario s, String metric) throws IOException {
    StringWriter out = new StringWriter();
    RunCommand.execute(
        s,
        null,
        tmp.resolve("units-" + s.name()),
        200,
        5,
        1,
        Double.NaN,
        null,
        new PrintWriter(out));
    for (String line : out.toString().split("\n")) {
      if (line.startsWith(metric + " ")) {
        return line.substring(line.lastIndexOf("  ") + 2);
      }
    }
    throw new AssertionError("no " + metric + " row in\n" + out);
  }

  @Test
  void terminalTable_namesTheSpillUnitAsTheReportDoes() throws IOException {
    // link a spills gas in mcm/d: the volume is in mcm (the report's label), not "commodity units"
    Scenario base = scenario();
    List<Link> links =
        base.links().stream()
            .map(
                l ->
                    l.id().equals("a")
                        ? l.with(
                            l.kind(),
                            l.corridor(),
                            l.costPerUnit(),
                            new org.corridorrisk.model.Spill(2, 0.5))
                        : l)
            .toList();
    Scenario spilling =
        new Scenario(
            "spills",
            "",
            60,
            "EUR",
            base.commodities(),
            base.nodes(),
            links,
            base.threats(),
            List.of(),
            base.economy().orElse(null),
            List.of());
    assertEquals("mcm", terminalUnit(spilling, "spill_volume"));
    assertEquals("volume (no link can spill)", terminalUnit(base, "spill_volume"));
    assertEquals("EUR", terminalUnit(base, "economic_loss"));
  }

  private byte[] summaryBytes(String name, int threads, double targetCi) throws IOException {
    Path dir = tmp.resolve(name);
    RunCommand.execute(
        scenario(),
        null,
        dir,
        3000,
        5,
        threads,
        targetCi,
        null,
        new PrintWriter(new StringWriter()));
    return Files.readAllBytes(dir.resolve("summary.json"));
  }

  @Test
  void summaryJsonIsByteIdenticalForOneTwoAndFourThreads() throws IOException {
    byte[] one = summaryBytes("t1", 1, Double.NaN);
    assertArrayEquals(one, summaryBytes("t2", 2, Double.NaN));
    assertArrayEquals(one, summaryBytes("t4", 4, Double.NaN));
  }

  @Test
  void summaryJsonIsByteIdenticalWithTargetCiForAnyThreadCount() throws IOException {
    assertArrayEquals(summaryBytes("c1", 1, 0.2), summaryBytes("c2", 2, 0.2));
  }

  @Test
  void summaryJsonHasContractKeysInOrder() throws IOException {
    String json = new String(summaryBytes("keys", 2, Double.NaN));
    String[] keys = {
      "\"format\" : \"corridor-risk/summary/v1\"",
      "\"scenario\" : \"demo\"",
      "\"trials\" : 3000",
      "\"seed\" : 5",
      "\"metrics\"",
      "\"unserved_fraction\"",
      "\"person_days_without_service\"",
      "\"direct_loss\"",
      "\"indirect_loss\"",
      "\"rerouting_cost\"",
      "\"spill_volume\"",
      "\"economic_loss\"",
      "\"by_commodity\"",
      "\"gas\"",
      "\"unserved_volume\"",
      "\"economy\"",
      "\"sectors\"",
      "\"id\" : \"households\"",
      "\"mean_peak_inoperability\"",
      "\"mean_indirect_loss\""
    };
    int at = 0;
    for (String k : keys) {
      int next = json.indexOf(k, at);
      assertTrue(next >= at, "missing or out of order: " + k + "\n" + json);
      at = next;
    }
    String[] stats = {
      "mean", "std", "ci95_low", "ci95_high", "p50", "p90", "p95", "p99", "var95", "cvar95", "max"
    };
    int from = json.indexOf("\"economic_loss\"");
    for (String k : stats) {
      int next = json.indexOf("\"" + k + "\"", from);
      assertTrue(next > from, "stat out of order: " + k);
      from = next;
    }
  }

  @Test
  void differentSeedGivesDifferentSummary() throws IOException {
    Path a = tmp.resolve("s1");
    Path b = tmp.resolve("s2");
    PrintWriter sink = new PrintWriter(new StringWriter());
    RunCommand.execute(scenario(), null, a, 2000, 1, 2, Double.NaN, null, sink);
    RunCommand.execute(scenario(), null, b, 2000, 2, 2, Double.NaN, null, sink);
    assertFalse(
        Files.readString(a.resolve("summary.json"))
            .equals(Files.readString(b.resolve("summary.json"))));
  }

  @Test
  void trialsCsvHasHeaderAndOneRowPerTrial() throws IOException {
    Path dir = tmp.resolve("csv");
    RunCommand.execute(
        scenario(), null, dir, 250, 1, 2, Double.NaN, null, new PrintWriter(new StringWriter()));
    List<String> lines = Files.readAllLines(dir.resolve("trials.csv"));
    assertEquals(
        "trial,unserved_fraction,person_days_without_service,direct_loss,indirect_loss,rerouting_cost,"
            + "spill_volume,economic_loss,unserved_volume.gas,person_days_without_service.gas,"
            + "peak_inoperability.households,peak_inoperability.industry,"
            + "indirect_loss.households,indirect_loss.industry",
        lines.get(0));
    assertEquals(251, lines.size());
    assertTrue(lines.get(1).startsWith("0,"));
    assertTrue(lines.get(250).startsWith("249,"));
    assertTrue(Files.exists(dir.resolve(".corridor-risk-output")));
    assertTrue(Files.exists(dir.resolve("report.html")));
  }

  @Test
  void refusesNonEmptyDirectoryWithoutMarker() throws IOException {
    Path dir = tmp.resolve("mine");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    assertThrows(
        UserInputException.class, () -> OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS));
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
  }

  @Test
  void rerunsIntoItsOwnOutputDirectory() throws IOException {
    Path dir = tmp.resolve("again");
    PrintWriter sink = new PrintWriter(new StringWriter());
    RunCommand.execute(scenario(), null, dir, 100, 1, 1, Double.NaN, null, sink);
    RunCommand.execute(scenario(), null, dir, 100, 1, 1, Double.NaN, null, sink);
    assertTrue(Files.exists(dir.resolve("summary.json")));
  }

  @Test
  void refusesToOverwriteTheScenarioFile() throws IOException {
    Path dir = tmp.resolve("odd");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(OutputDirectory.MARKER), "");
    Path scenarioFile = dir.resolve("trials.csv");
    Files.writeString(scenarioFile, "format: corridor-risk/v1");
    assertThrows(
        UserInputException.class,
        () -> OutputDirectory.prepare(dir, scenarioFile, RunCommand.OUTPUTS));
  }

  @Test
  void rejectsBadOptionValuesWithExitCode2() {
    for (String[] args :
        List.of(
            new String[] {"run", "x.yaml", "--trials", "0"},
            new String[] {"run", "x.yaml", "--threads", "0"},
            new String[] {"run", "x.yaml", "--target-ci", "-1"},
            new String[] {"run", "x.yaml", "--trials", "many"})) {
      Cli cli = Cli.run(args);
      assertEquals(2, cli.code(), String.join(" ", args) + ": " + cli.err());
    }
  }

  @Test
  void printsTableWithEveryMetric() throws IOException {
    StringWriter out = new StringWriter();
    RunCommand.execute(
        scenario(), null, tmp.resolve("table"), 500, 1, 2, Double.NaN, null, new PrintWriter(out));
    String text = out.toString();
    System.out.println(text);
    for (org.corridorrisk.impact.Metric m : org.corridorrisk.impact.Metric.values()) {
      assertTrue(text.contains(m.key()), m.key());
    }
    assertTrue(text.contains("summary.json"));
  }

  @Test
  void table_usesTheReportsNumbersAndSaysTheHorizon() throws IOException {
    // Issue 13 point 5: the terminal printed 5.494e+06 and 7.883e-04; it now writes numbers as the
    // report does (shares in percent, k / M / bn suffixes) and names the horizon.
    StringWriter out = new StringWriter();
    RunCommand.execute(
        scenario(), null, tmp.resolve("words"), 500, 1, 2, Double.NaN, null, new PrintWriter(out));
    String table =
        out.toString()
            .lines()
            .takeWhile(l -> !l.startsWith("wrote "))
            .reduce("", (a, b) -> a + b + "\n");
    assertTrue(table.contains("-day horizon"), table);
    assertTrue(!table.matches("(?s).*\\d\\.\\d+e[+-]\\d+.*"), table);
    String fraction =
        table.lines().filter(l -> l.startsWith("unserved_fraction")).findFirst().orElseThrow();
    assertTrue(fraction.contains("%"), fraction);
  }

  /**
   * A study stopped before any trial was in (the Spark engine's job cancelled by Ctrl-C while it
   * waited for executors): nothing to summarize, so no outputs and no internal error. It used to
   * print "interrupted: writing the outputs of the first 0 trials", then fail with "internal error:
   * java.lang.IllegalArgumentException: need at least one value but had 0" (exit 1), leaving a
   * trials.csv with only its header.
   */
  @Test
  void aStudyStoppedBeforeAnyTrial_writesNothing_andIsInterrupted() throws IOException {
    Path dir = tmp.resolve("none");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    org.corridorrisk.sim.MonteCarlo.RangeEngine handsOnNothing =
        new org.corridorrisk.sim.MonteCarlo.RangeEngine() {
          @Override
          public String name() {
            return "spark";
          }

          @Override
          public void run(
              org.corridorrisk.sim.MonteCarlo.PartitionRequest request,
              java.util.function.Predicate<org.corridorrisk.sim.MonteCarlo.Partition> sink,
              java.util.function.BooleanSupplier stop) {
            // cancelled before any task finished: returns without a partition
          }
        };
    org.corridorrisk.sim.StudyResult r =
        RunCommand.execute(
            scenario(),
            null,
            dir,
            new org.corridorrisk.sim.RunOptions(1000, 1, 1, Double.NaN, null),
            true,
            null,
            java.util.Set.of(),
            false,
            new PrintWriter(out),
            new PrintWriter(err),
            handsOnNothing);
    assertTrue(r.interrupted());
    assertEquals(0, r.trials());
    assertEquals("interrupted before any trial finished: no outputs written\n", err.toString());
    assertEquals("", out.toString());
    for (String output : RunCommand.OUTPUTS) {
      assertFalse(Files.exists(dir.resolve(output)), output);
    }
  }
}
