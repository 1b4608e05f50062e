package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An output name taken by something the user made (a directory called report.html, a file called
 * charts) is refused up front, with exit code 2 and one line naming it, before any trial runs; the
 * user's directory or file is left as it was.
 */
class OutputNameTakenTest {
  @TempDir Path tmp;

  /** A folder corridor-risk wrote before (it holds the marker). */
  private Path ours(String name) throws IOException {
    Path dir = tmp.resolve(name);
    RunCommand.execute(
        RunCommandTest.scenario(),
        null,
        dir,
        10,
        1,
        1,
        Double.NaN,
        null,
        new PrintWriter(new StringWriter()));
    return dir;
  }

  @Test
  void outputFileNameTakenByADirectory_isRefusedBeforeTheTrials() throws IOException {
    String[][] commands = {
      {"run", "scenarios/middle-corridor.yaml", "--trials", "10", "--quiet"},
      {"compare", "scenarios/middle-corridor.yaml", "--trials", "10", "--quiet"},
      {"criticality", "scenarios/middle-corridor.yaml", "--quiet"},
    };
    String[] taken = {"report.html", "compare.json", "criticality.html"};
    for (int i = 0; i < commands.length; i++) {
      for (boolean empty : new boolean[] {true, false}) {
        Path dir = tmp.resolve("d" + i + empty);
        Files.createDirectories(dir.resolve(taken[i]));
        Files.writeString(dir.resolve(OutputDirectory.MARKER), "");
        if (!empty) {
          Files.writeString(dir.resolve(taken[i]).resolve("mine.txt"), "keep me");
        }
        String[] args = java.util.Arrays.copyOf(commands[i], commands[i].length + 2);
        args[args.length - 2] = "--out";
        args[args.length - 1] = dir.toString();
        Cli cli = Cli.run(args);
        String err = cli.err().trim();
        assertEquals(2, cli.code(), String.join(" ", args) + ": " + err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.contains(dir.resolve(taken[i]) + " is a directory"), err);
        assertTrue(Files.isDirectory(dir.resolve(taken[i])), "left as it was");
        if (!empty) {
          assertEquals("keep me", Files.readString(dir.resolve(taken[i]).resolve("mine.txt")));
        }
        try (var entries = Files.list(dir)) {
          assertEquals(2, entries.count(), "nothing written before the refusal: " + dir);
        }
      }
    }
  }

  @Test
  void chartsTakenByAFile_isRefusedBeforeTheTrials() throws IOException {
    Path dir = ours("charts-file");
    Files.writeString(dir.resolve("charts"), "keep me");
    Files.delete(dir.resolve("summary.json"));
    Cli cli = runWithSvgCharts(dir);
    String err = cli.err().trim();
    assertEquals(2, cli.code(), err);
    assertEquals(1, err.lines().count(), err);
    assertTrue(err.contains(dir.resolve("charts") + " is a file"), err);
    assertEquals("keep me", Files.readString(dir.resolve("charts")));
    assertFalse(Files.exists(dir.resolve("summary.json")), "refused before the trials");
  }

  @Test
  void chartFileNameTakenByADirectory_isRefusedBeforeTheTrials() throws IOException {
    Path dir = ours("chart-dir");
    Files.createDirectories(dir.resolve("charts").resolve("loss-histogram.svg"));
    Files.delete(dir.resolve("summary.json"));
    Cli cli = runWithSvgCharts(dir);
    String err = cli.err().trim();
    assertEquals(2, cli.code(), err);
    assertTrue(
        err.contains(dir.resolve("charts").resolve("loss-histogram.svg") + " is a directory"), err);
    assertFalse(Files.exists(dir.resolve("summary.json")), "refused before the trials");
  }

  /** A short study of the middle corridor into {@code dir}, with SVG chart files. */
  private static Cli runWithSvgCharts(Path dir) {
    return Cli.run(
        "run",
        "scenarios/middle-corridor.yaml",
        "--trials",
        "10",
        "--quiet",
        "--charts",
        "svg",
        "--out",
        dir.toString());
  }
}
