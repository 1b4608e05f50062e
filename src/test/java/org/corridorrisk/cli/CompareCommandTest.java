package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path tmp;

  private String out = "";
  private String err = "";

  private int execute(String... args) {
    Cli cli = Cli.run(args);
    out = cli.out();
    err = cli.err();
    return cli.code();
  }

  private static Path scenario(String name) throws Exception {
    return Path.of(CompareCommandTest.class.getResource("/compare/" + name).toURI());
  }

  private JsonNode compareJson(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("compare.json").toFile());
  }

  @Test
  void compare_validScenario_writesContractKeysAndExitsZero() throws Exception {
    Path dir = tmp.resolve("out");
    int code =
        execute(
            "compare",
            scenario("monotone.yaml").toString(),
            "--trials",
            "200",
            "--threads",
            "2",
            "--out",
            dir.toString());
    assertEquals(0, code, err);
    JsonNode root = compareJson(dir);
    for (String metric :
        List.of(
            "unserved_fraction",
            "person_days_without_service",
            "direct_loss",
            "indirect_loss",
            "rerouting_cost",
            "spill_volume",
            "economic_loss")) {
      JsonNode base = root.path("baseline").path("metrics").path(metric);
      for (String key :
          List.of(
              "mean",
              "std",
              "ci95_low",
              "ci95_high",
              "p50",
              "p90",
              "p95",
              "p99",
              "var95",
              "cvar95",
              "max")) {
        assertTrue(base.has(key), "baseline " + metric + "." + key);
      }
    }
    JsonNode mitigations = root.path("mitigations");
    assertEquals(5, mitigations.size());
    JsonNode first = mitigations.get(0);
    assertEquals("bigger-main", first.path("id").asText());
    assertEquals(1.0e7, first.path("cost").asDouble());
    assertTrue(first.has("benefit_cost_ratio"));
    JsonNode econ = first.path("metrics").path("economic_loss");
    for (String key :
        List.of(
            "mean",
            "std",
            "ci95_low",
            "ci95_high",
            "p50",
            "p90",
            "p95",
            "p99",
            "var95",
            "cvar95",
            "max",
            "mean_reduction",
            "reduction_ci95_low",
            "reduction_ci95_high",
            "share_of_trials_better",
            "share_of_trials_worse")) {
      assertTrue(econ.has(key), "economic_loss." + key);
    }
    assertEquals(
        econ.path("mean_reduction").asDouble() / 1.0e7,
        first.path("benefit_cost_ratio").asDouble(),
        1e-9);
    assertTrue(Files.exists(dir.resolve("compare.html")));
    assertTrue(Files.exists(dir.resolve(".corridor-risk-output")));
  }

  @Test
  void compare_baselineMetrics_equalSummaryJsonOfRunWithSameSeedAndTrials() throws Exception {
    Path runDir = tmp.resolve("run");
    Path compareDir = tmp.resolve("compare");
    String file = scenario("monotone.yaml").toString();
    assertEquals(
        0, execute("run", file, "--trials", "300", "--seed", "9", "--out", runDir.toString()), err);
    assertEquals(
        0,
        execute(
            "compare",
            file,
            "--trials",
            "300",
            "--seed",
            "9",
            "--out",
            compareDir.toString(),
            "--mitigations",
            "patrols"),
        err);
    JsonNode summary =
        new ObjectMapper().readTree(runDir.resolve("summary.json").toFile()).path("metrics");
    JsonNode baseline = compareJson(compareDir).path("baseline").path("metrics");
    assertEquals(summary, baseline);
  }

  @Test
  void compare_printsRankingWithVerdicts() throws Exception {
    int code =
        execute(
            "compare",
            scenario("monotone.yaml").toString(),
            "--trials",
            "100",
            "--out",
            tmp.resolve("o").toString(),
            "--mitigations",
            "patrols");
    assertEquals(0, code, err);
    assertTrue(out.contains("patrols: reduces expected person-days without service by"), out);
  }

  @Test
  void compare_mitigationsOption_runsOnlyThoseInOrder() throws Exception {
    Path dir = tmp.resolve("o");
    assertEquals(
        0,
        execute(
            "compare",
            scenario("monotone.yaml").toString(),
            "--trials",
            "50",
            "--out",
            dir.toString(),
            "--mitigations",
            "patrols,bypass"),
        err);
    List<String> ids = new ArrayList<>();
    compareJson(dir).path("mitigations").forEach(m -> ids.add(m.path("id").asText()));
    assertEquals(List.of("patrols", "bypass"), ids);
  }

  @Test
  void compare_portfolio_hasJoinedIdAndSummedCost() throws Exception {
    Path dir = tmp.resolve("o");
    assertEquals(
        0,
        execute(
            "compare",
            scenario("monotone.yaml").toString(),
            "--trials",
            "50",
            "--out",
            dir.toString(),
            "--mitigations",
            "patrols",
            "--portfolio",
            "patrols+bypass"),
        err);
    JsonNode p = compareJson(dir).path("mitigations").get(1);
    assertEquals("patrols+bypass", p.path("id").asText());
    assertEquals(2.3e7, p.path("cost").asDouble(), 1e-6);
    assertTrue(p.path("portfolio").asBoolean());
  }

  @Test
  void compare_unknownMitigation_exitsTwoNamingItAndTheAvailableIds() throws Exception {
    int code =
        execute(
            "compare",
            scenario("monotone.yaml").toString(),
            "--trials",
            "10",
            "--out",
            tmp.resolve("o").toString(),
            "--mitigations",
            "patrols,walls");
    assertEquals(2, code);
    assertTrue(err.contains("'walls'"), err);
    assertTrue(err.contains("bigger-main, more-gas-stored, bypass, patrols, repair-crews"), err);
    assertFalse(Files.exists(tmp.resolve("o").resolve("compare.json")));
  }

  @Test
  void compare_unknownPortfolioMember_exitsTwo() throws Exception {
    int code =
        execute(
            "compare",
            scenario("monotone.yaml").toString(),
            "--trials",
            "10",
            "--out",
            tmp.resolve("o").toString(),
            "--portfolio",
            "patrols+walls");
    assertEquals(2, code);
    assertTrue(err.contains("'walls'"), err);
  }

  @Test
  void compare_portfolioWithAnEmptyId_saysSoInsteadOfUnknownMitigation() throws Exception {
    for (String p : new String[] {"patrols+", "+patrols", "patrols++bypass", "+"}) {
      Path dir = tmp.resolve("o-" + p.length());
      int code =
          execute(
              "compare",
              scenario("monotone.yaml").toString(),
              "--trials",
              "10",
              "--out",
              dir.toString(),
              "--portfolio",
              p);
      assertEquals(2, code, p + ": " + err);
      assertTrue(
          err.contains(
              "--portfolio '" + p + "' has an empty mitigation id (ids are joined with '+'"),
          err);
      assertFalse(err.contains("unknown mitigation"), err);
      assertFalse(Files.exists(dir.resolve("compare.json")), p);
    }
  }

  @Test
  void compare_emptyOrMalformedMitigationsList_isAUsageError() throws Exception {
    String file = scenario("monotone.yaml").toString();
    String[][] cases = {
      {",", "--mitigations ',' names no mitigation"},
      {"", "--mitigations '' names no mitigation"},
      {"patrols,,walls", "--mitigations 'patrols,,walls' has an empty mitigation id"},
      {"patrols,", "--mitigations 'patrols,' has an empty mitigation id"},
      {"patrols, patrols", "--mitigations names 'patrols' twice"},
    };
    for (String[] c : cases) {
      Path dir = tmp.resolve("o-" + c[0].length());
      int code =
          execute(
              "compare", file, "--trials", "10", "--out", dir.toString(), "--mitigations", c[0]);
      assertEquals(2, code, c[0] + ": " + err);
      assertTrue(err.contains(c[1]), err);
      assertFalse(err.contains("Exception"), err);
      assertFalse(out.contains("baseline vs"), out);
      assertFalse(Files.exists(dir.resolve("compare.json")), c[0]);
    }
    // the same id in two uses of the option is named twice too
    assertEquals(
        2,
        execute(
            "compare",
            file,
            "--trials",
            "10",
            "--out",
            tmp.resolve("o2").toString(),
            "--mitigations",
            "patrols",
            "--mitigations",
            "patrols"));
    assertTrue(err.contains("--mitigations names 'patrols' twice"), err);
  }

  @Test
  void compare_scenarioWithoutMitigations_exitsTwoWithClearMessage() throws Exception {
    String text = Files.readString(scenario("single-link.yaml"));
    Path file = tmp.resolve("plain.yaml");
    Files.writeString(file, text.substring(0, text.indexOf("mitigations:")));
    int code =
        execute("compare", file.toString(), "--trials", "10", "--out", tmp.resolve("o").toString());
    assertEquals(2, code);
    assertTrue(err.contains("declares no mitigations"), err);
  }

  @Test
  void compare_scenarioWithoutMitigations_namesFileLineColumnAndKey() throws Exception {
    String text = Files.readString(scenario("single-link.yaml"));
    Path absent = tmp.resolve("absent.yaml");
    Files.writeString(absent, text.substring(0, text.indexOf("mitigations:")));
    Cli none =
        Cli.run("compare", absent.toString(), "--quiet", "--out", tmp.resolve("a").toString());
    assertEquals(2, none.code(), none.err());
    // no key to point at: the start of the document (its first line after the comments)
    int start = 1;
    while (text.lines().skip(start - 1).findFirst().orElseThrow().startsWith("#")) {
      start++;
    }
    assertTrue(
        none.err().startsWith(absent + ":" + start + ":1: mitigations: ")
            && none.err().contains("no mitigations"),
        none.err());
    // an empty list is located at its key
    Path empty = tmp.resolve("empty.yaml");
    String head = text.substring(0, text.indexOf("mitigations:"));
    Files.writeString(empty, head + "mitigations: []\n");
    int line = (int) head.lines().count() + 1;
    Cli listed =
        Cli.run("compare", empty.toString(), "--quiet", "--out", tmp.resolve("e").toString());
    assertEquals(2, listed.code(), listed.err());
    assertTrue(listed.err().startsWith(empty + ":" + line + ":1: mitigations: "), listed.err());
    assertEquals(1, listed.err().strip().lines().count(), listed.err());
  }

  @Test
  void compare_nonEmptyDirectoryWithoutMarker_exitsTwoAndKeepsFiles() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(dir.resolve("notes.txt"), "keep me");
    int code =
        execute(
            "compare",
            scenario("single-link.yaml").toString(),
            "--trials",
            "10",
            "--out",
            dir.toString());
    assertEquals(2, code);
    assertTrue(err.contains("not empty"), err);
    assertEquals("keep me", Files.readString(dir.resolve("notes.txt")));
    assertFalse(Files.exists(dir.resolve("compare.json")));
  }

  @Test
  void compare_directoryWithMarker_isReused() throws Exception {
    Path dir = tmp.resolve("o");
    assertEquals(
        0,
        execute(
            "compare",
            scenario("single-link.yaml").toString(),
            "--trials",
            "10",
            "--out",
            dir.toString()),
        err);
    assertEquals(
        0,
        execute(
            "compare",
            scenario("single-link.yaml").toString(),
            "--trials",
            "10",
            "--out",
            dir.toString()),
        err);
  }

  @Test
  void compare_zeroCostMitigation_writesNullRatioAndNote() throws Exception {
    String text = Files.readString(scenario("single-link.yaml")).replace("cost: 1000", "cost: 0");
    Path file = tmp.resolve("free.yaml");
    Files.writeString(file, text);
    Path dir = tmp.resolve("o");
    assertEquals(
        0, execute("compare", file.toString(), "--trials", "20", "--out", dir.toString()), err);
    JsonNode m = compareJson(dir).path("mitigations").get(0);
    assertTrue(m.path("benefit_cost_ratio").isNull());
    assertTrue(m.path("note").asText().contains("cost 0"));
  }

  @Test
  void compare_targetCi_runsMitigationsWithTheBaselineTrialCount() throws Exception {
    Path dir = tmp.resolve("o");
    assertEquals(
        0,
        execute(
            "compare",
            scenario("single-link.yaml").toString(),
            "--trials",
            "20000",
            "--target-ci",
            "0.2",
            "--out",
            dir.toString()),
        err);
    JsonNode root = compareJson(dir);
    assertTrue(
        root.path("trials").asInt() < 20000, "expected an early stop, ran " + root.path("trials"));
  }

  @Test
  void compare_badTrials_exitsTwo() throws Exception {
    assertEquals(
        2,
        execute(
            "compare",
            scenario("single-link.yaml").toString(),
            "--trials",
            "0",
            "--out",
            tmp.resolve("o").toString()));
  }

  @Test
  void compare_trialsAboveTheDocumentedCap_exitsTwoSayingWhyAndWhatToUse() throws Exception {
    assertEquals(
        2,
        execute(
            "compare",
            scenario("single-link.yaml").toString(),
            "--trials",
            "1000001",
            "--out",
            tmp.resolve("o").toString()));
    assertTrue(
        err.contains("--trials 1,000,001 is above compare's limit of 1,000,000"), err::toString);
    assertTrue(err.contains("run FILE --trials N"), err::toString);
    assertFalse(err.contains("Exception"), err::toString);
    assertFalse(Files.exists(tmp.resolve("o")), "nothing is written before the check");
  }

  @Test
  void tableShares_showASmallNonZeroShareAsBelowAPermille() {
    assertEquals("<0.1%", CompareCommand.share(0.0003));
    assertEquals("0.0%", CompareCommand.share(0));
    assertEquals("0.1%", CompareCommand.share(0.0005));
    assertEquals("42.0%", CompareCommand.share(0.42));
  }
}
