package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.impact.Metric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --quiet} of run, compare and exercise through the command line (the contract: no progress
 * bar and no summary table; stdout then says only where the outputs went, stderr stays empty).
 * criticality's quiet mode is pinned in {@link CriticalityMainTest}.
 *
 * <p>The scenario makes the loud output as long as it gets: a rare attack (about 2.5% of the
 * 365-day trials see a successful hit: 1 - exp(-0.05 x 0.5)), so at 200 trials the means rest on
 * few trials and the table carries its "note: ..." lines, and a sink with people, so run prints its
 * people headline. Each test runs loud first and checks those parts are there, so the quiet checks
 * cannot pass on an output that never had them.
 */
class QuietOptionTest {
  @TempDir Path tmp;

  static final String RARE =
      """
      format: corridor-risk/v1
      name: rare-single-link
      horizon_days: 365
      commodities:
        - {id: gas, unit: mcm/d}
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 10}
        - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000, value_of_lost_load: 100}
      links:
        - {id: line, from: src, to: city, commodity: gas, kind: pipeline, capacity: 10}
      threats:
        - id: attack
          model: poisson
          events_per_year: 0.05
          targets: {links: [line]}
          success_probability: 0.5
          repair_days: {dist: fixed, value: 3}
      mitigations:
        - id: halve-success
          cost: 1000
          changes:
            - {threat: attack, set: {success_probability: 0.25}}
      """;

  private Path scenario() throws Exception {
    Path file = tmp.resolve("rare.yaml");
    Files.writeString(file, RARE);
    return file;
  }

  private static String[] with(String[] args, String... more) {
    String[] all = new String[args.length + more.length];
    System.arraycopy(args, 0, all, 0, args.length);
    System.arraycopy(more, 0, all, args.length, more.length);
    return all;
  }

  @Test
  void run_quiet_printsOnlyWhereTheOutputsWent() throws Exception {
    Path dir = tmp.resolve("run");
    String[] args = {
      "run", scenario().toString(), "--trials", "200", "--threads", "1", "--out", dir.toString()
    };

    Cli loud = Cli.run(args);
    assertEquals(0, loud.code(), loud.err());
    assertEquals("", loud.err());
    List<String> loudLines = loud.out().lines().toList();
    assertTrue(
        loudLines.stream().anyMatch(l -> l.startsWith("metric ") && l.contains("95% CI of mean")),
        loud.out());
    for (Metric m : Metric.values()) {
      assertTrue(
          loudLines.stream().anyMatch(l -> l.startsWith(m.key() + " ")), m.key() + "\n" + loud);
    }
    assertTrue(loud.out().contains("rests on few trials"), loud.out());
    assertTrue(loud.out().contains("people without service"), loud.out());

    // the same study into the same directory (its marker allows it), quietly
    Cli quiet = Cli.run(with(args, "--quiet"));
    assertEquals(0, quiet.code(), quiet.err());
    assertEquals("", quiet.err(), "--quiet run wrote to stderr");
    Path html = dir.resolve("report.html");
    assertEquals(
        List.of(
            "wrote " + dir.resolve("summary.json"),
            "      " + dir.resolve("trials.csv"),
            "      " + html,
            "open the report: " + html.toAbsolutePath().toUri()),
        quiet.out().lines().toList());
    // the loud output is the table, a blank line and exactly these lines
    assertTrue(loud.out().endsWith("\n" + quiet.out()), loud.out());
    assertTrue(Files.size(dir.resolve("summary.json")) > 0);
  }

  @Test
  void compare_quiet_isAcceptedAndPrintsOnlyWhereTheOutputsWent() throws Exception {
    Path dir = tmp.resolve("compare");
    String[] args = {
      "compare", scenario().toString(), "--trials", "200", "--threads", "1", "--out", dir.toString()
    };

    Cli loud = Cli.run(args);
    assertEquals(0, loud.code(), loud.err());
    assertEquals("", loud.err());
    List<String> loudLines = loud.out().lines().toList();
    assertTrue(
        loudLines.stream().anyMatch(l -> l.startsWith("rank ") && l.contains("mitigation")),
        loud.out());
    assertTrue(loudLines.stream().anyMatch(l -> l.startsWith("halve-success: ")), loud.out());
    assertTrue(loud.out().contains("rests on few trials"), loud.out());

    Cli quiet = Cli.run(with(args, "--quiet"));
    assertEquals(0, quiet.code(), quiet.err());
    assertEquals("", quiet.err(), "--quiet compare wrote to stderr");
    assertEquals(
        List.of("wrote " + dir.resolve("compare.json") + " and " + dir.resolve("compare.html")),
        quiet.out().lines().toList());
    assertTrue(loud.out().endsWith("\n" + quiet.out()), loud.out());
    assertTrue(Files.size(dir.resolve("compare.json")) > 0);
  }

  @Test
  void exercise_quiet_printsOnlyWhereTheOutputsWent() throws Exception {
    Path dir = tmp.resolve("exercise");
    String[] args = {
      "exercise",
      scenario().toString(),
      "--percentile",
      "99",
      "--trials",
      "200",
      "--threads",
      "1",
      "--out",
      dir.toString()
    };

    Cli loud = Cli.run(args);
    assertEquals(0, loud.code(), loud.err());
    assertEquals("", loud.err());
    assertTrue(loud.out().startsWith("rare-single-link: trial "), loud.out());

    Cli quiet = Cli.run(with(args, "--quiet"));
    assertEquals(0, quiet.code(), quiet.err());
    assertEquals("", quiet.err(), "--quiet exercise wrote to stderr");
    Path html = dir.resolve("exercise.html");
    assertEquals(
        List.of(
            "wrote " + dir.resolve("exercise.json"),
            "      " + dir.resolve("msel.csv"),
            "      " + html,
            "open the page: " + html.toAbsolutePath().toUri()),
        quiet.out().lines().toList());
    assertFalse(quiet.out().contains("trial "), quiet.out());
    assertTrue(loud.out().endsWith(quiet.out()) && loud.out().length() > quiet.out().length());
  }
}
