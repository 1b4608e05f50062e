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
}
