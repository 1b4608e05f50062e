package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code exercise --percentile P} shows P exactly as given, in the terminal and the provenance. */
class ExercisePercentileTextTest {
  @TempDir Path tmp;

  @Test
  void asGiven_keepsEveryDigit_andNoMore() {
    assertEquals("99.5", ExerciseCommand.asGiven(99.5));
    assertEquals("99.99", ExerciseCommand.asGiven(99.99));
    assertEquals("99.95", ExerciseCommand.asGiven(99.95));
    assertEquals("12.345", ExerciseCommand.asGiven(12.345));
    assertEquals("0.0001", ExerciseCommand.asGiven(0.0001));
    assertEquals("95", ExerciseCommand.asGiven(95));
    assertEquals("100", ExerciseCommand.asGiven(100));
    assertEquals("0", ExerciseCommand.asGiven(0));
  }

  @Test
  void percentile_isShownAsGiven_inTheSummaryAndTheProvenance() throws Exception {
    Path dir = tmp.resolve("ex");
    Cli cli =
        Cli.run(
            "exercise",
            ExerciseCommandTest.decisions().toString(),
            "--percentile",
            "99.99",
            "--trials",
            "50",
            "--out",
            dir.toString());
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.out().contains("at percentile 99.99 of economic_loss"), cli.out());
    String methods =
        new ObjectMapper()
            .readTree(dir.resolve("exercise.json").toFile())
            .path("provenance")
            .path("methods")
            .toString();
    assertTrue(methods.contains("nearest-rank percentile 99.99 of"), methods);
  }

  @Test
  void percentileOutOfRange_isEchoedAsGiven() {
    Cli cli = Cli.run("exercise", "x.yaml", "--percentile", "100.05");
    assertEquals(2, cli.code(), cli.err());
    assertTrue(cli.err().contains("between 0 and 100, was 100.05"), cli.err());
  }
}
