package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The link printed to open the report or the exercise page has no {@code ./} or {@code ../}. */
class PageLinkNormalisedTest {
  @TempDir Path tmp;

  private String execute(String... args) {
    Cli cli = Cli.run(args);
    assertEquals(0, cli.code(), cli.err());
    return cli.out();
  }

  /** The line that starts with {@code prefix}. */
  private static String line(String out, String prefix) {
    return out.lines()
        .filter(l -> l.startsWith(prefix))
        .findFirst()
        .orElseThrow(() -> new AssertionError(out));
  }

  @Test
  void runAndExercise_printTheRealPathOfThePage() throws Exception {
    Files.createDirectory(tmp.resolve("a"));
    String f = ExerciseCommandTest.decisions().toString();
    String run = execute("run", f, "--trials", "50", "--quiet", "--out", tmp + "/a/./../r");
    assertEquals(
        "open the report: " + tmp.resolve("r").resolve("report.html").toRealPath().toUri(),
        line(run, "open the report: "));
    String ex =
        execute(
            "exercise", f, "--trial", "1", "--trials", "50", "--quiet", "--out", tmp + "/a/../e");
    assertEquals(
        "open the page: " + tmp.resolve("e").resolve("exercise.html").toRealPath().toUri(),
        line(ex, "open the page: "));
  }
}
