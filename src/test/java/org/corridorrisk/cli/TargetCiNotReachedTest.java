package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --target-ci REL} with a {@code --trials} cap it cannot meet: the run stops at the cap, and
 * says that the precision asked for was not reached (it used to stop without a word, as if it had).
 */
class TargetCiNotReachedTest {
  @TempDir Path tmp;

  /** One pipe, attacked about once a month, half the attempts succeed: a loss in ~40% of trials. */
  private Path scenario() throws Exception {
    Path file = tmp.resolve("pipe.yaml");
    Files.writeString(
        file,
        """
        format: corridor-risk/v1
        name: pipe
        horizon_days: 30
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000,
             value_of_lost_load: 100}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 10}
        threats:
          - id: sab
            model: poisson
            events_per_year: 12
            targets: {links: [pipe]}
            success_probability: 0.5
            repair_days: {dist: exponential, mean: 5}
        """);
    return file;
  }

  private static final String NOTE = "--target-ci 0.05 was not reached";

  @Test
  void aCapBelowTheTarget_isSaidInSummaryJsonTheTerminalAndTheReport() throws Exception {
    Path out = tmp.resolve("capped");
    Cli cli =
        Cli.run(
            "run",
            scenario().toString(),
            "--target-ci",
            "0.05",
            "--trials",
            "3000",
            "--threads",
            "2",
            "--out",
            out.toString());
    assertEquals(0, cli.code(), cli.err());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals(3000, summary.get("trials").asLong());
    JsonNode loss = summary.get("metrics").get("economic_loss");
    double mean = loss.get("mean").asDouble();
    double half =
        Math.max(mean - loss.get("ci95_low").asDouble(), loss.get("ci95_high").asDouble() - mean);
    assertTrue(half > 0.05 * mean, "the cap is below the target: " + half / mean);
    String note = summary.get("notes").get(0).asText();
    assertTrue(note.startsWith(NOTE), note);
    assertTrue(
        note.contains(
            String.format(java.util.Locale.ROOT, "%.1f%% of the mean", 100 * half / mean)),
        note);
    assertTrue(cli.out().contains("note: " + NOTE), cli.out());
    assertTrue(Files.readString(out.resolve("report.html")).contains(NOTE));
  }

  @Test
  void compare_saysItsBaselineDidNotReachTheTarget() throws Exception {
    Path file = scenario();
    Files.writeString(
        file,
        Files.readString(file)
            + """
            mitigations:
              - id: patrol
                cost: 1000
                changes: [{threat: sab, set: {success_probability: 0.25}}]
            """);
    Path out = tmp.resolve("compare");
    Cli cli =
        Cli.run(
            "compare",
            file.toString(),
            "--target-ci",
            "0.05",
            "--trials",
            "3000",
            "--out",
            out.toString());
    assertEquals(0, cli.code(), cli.err());
    JsonNode notes = new ObjectMapper().readTree(out.resolve("compare.json").toFile()).get("notes");
    assertEquals(1, notes.size(), notes.toString());
    assertTrue(notes.get(0).asText().startsWith("baseline: " + NOTE), notes.toString());
    assertTrue(cli.out().contains("note: baseline: " + NOTE), cli.out());
  }

  @Test
  void aTargetReached_orNoTarget_addsNoNote() throws Exception {
    for (String[] extra :
        new String[][] {{"--target-ci", "0.05", "--trials", "20000"}, {"--trials", "3000"}}) {
      Path out = tmp.resolve("run" + extra.length + extra[extra.length - 1]);
      String[] args = {"run", scenario().toString(), "--quiet", "--out", out.toString()};
      String[] all =
          java.util.stream.Stream.concat(
                  java.util.Arrays.stream(args), java.util.Arrays.stream(extra))
              .toArray(String[]::new);
      Cli cli = Cli.run(all);
      assertEquals(0, cli.code(), cli.err());
      JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
      assertEquals(0, summary.get("notes").size(), summary.get("notes").toString());
      assertFalse(cli.out().contains("target-ci"), cli.out());
    }
  }
}
