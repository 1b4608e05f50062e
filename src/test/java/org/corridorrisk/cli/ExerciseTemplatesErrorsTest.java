package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code exercise --templates FILE}: every problem of the file is reported on its own line as
 * {@code FILE:LINE:COLUMN: key: message}, like a scenario's, and nothing is written.
 */
class ExerciseTemplatesErrorsTest {
  @TempDir Path tmp;

  private String exercise(Path templates) throws Exception {
    Cli cli =
        Cli.exercise(
            "/exercise/decisions.yaml", 10, tmp.resolve("ex"), "--templates", templates.toString());
    assertEquals(2, cli.code(), cli.err());
    assertFalse(cli.err().contains("Exception"), cli.err());
    assertFalse(Files.exists(tmp.resolve("ex").resolve("msel.csv")));
    return cli.err();
  }

  @Test
  void everyProblem_isLocatedByLineColumnAndKey() throws Exception {
    Path t = tmp.resolve("t.yaml");
    Files.writeString(
        t,
        String.join(
            "\n",
            "defaults:",
            "  method: phone",
            "hit:",
            "  default:",
            "    message: \"{asset} out\"",
            "    time: \"25:00\"",
            "  pipeline:",
            "    colour: red",
            "hitt:",
            "  default: {message: x}",
            ""));
    String err = exercise(t);
    assertTrue(err.contains(t + ":6:11: hit.default.time: must be HH:MM, was '25:00'"), err);
    assertTrue(err.contains(t + ":8:5: hit.pipeline.colour: unknown field"), err);
    assertTrue(err.contains(t + ":9:1: hitt: unknown inject type"), err);
    assertEquals(3, err.strip().lines().count(), err);
  }

  @Test
  void aSyntaxError_isLocated() throws Exception {
    Path t = tmp.resolve("t.yaml");
    Files.writeString(t, "hit:\n  default:\n    message: \"unclosed\n");
    String err = exercise(t);
    assertTrue(err.startsWith(t + ":"), err);
    assertTrue(
        err.matches("(?s)" + java.util.regex.Pattern.quote(t.toString()) + ":\\d+:\\d+: .*"), err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test
  void anEmptyOrMissingFile_isNamed() throws Exception {
    Path empty = tmp.resolve("empty.yaml");
    Files.writeString(empty, "\n");
    assertTrue(exercise(empty).contains(empty + ":1:1: the file is empty"));
    Path missing = tmp.resolve("missing.yaml");
    assertTrue(exercise(missing).contains(missing + ": no such file"));
  }
}
