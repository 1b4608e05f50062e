package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --decide} is repeatable, one branch per decision; the same decision twice, or a mitigation
 * named twice in one decision, is a usage error (exit 2) and not a second column or a complaint
 * about the scenario file.
 */
class ExerciseRepeatedDecisionTest {
  @TempDir Path tmp;

  private String exercise(String... decides) throws Exception {
    String[] args = new String[8 + 2 * decides.length];
    String[] head = {
      "exercise",
      ExerciseCommandTest.decisions().toString(),
      "--trial",
      "1",
      "--trials",
      "10",
      "--out",
      tmp.resolve("ex").toString()
    };
    System.arraycopy(head, 0, args, 0, head.length);
    for (int i = 0; i < decides.length; i++) {
      args[head.length + 2 * i] = "--decide";
      args[head.length + 2 * i + 1] = decides[i];
    }
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(err));
    assertEquals(2, code, err.toString());
    assertEquals(1, err.toString().strip().lines().count(), err.toString());
    assertFalse(Files.exists(tmp.resolve("ex").resolve("exercise.json")));
    return err.toString();
  }

  @Test
  void theSameDecisionTwice_exits2() throws Exception {
    String err = exercise("3:bigger-store", "3:bigger-store");
    assertTrue(
        err.contains("--decide '3:bigger-store' is the same decision as --decide '3:bigger-store'"),
        err);
    err = exercise("3:second-line+bigger-store", "3:bigger-store+second-line");
    assertTrue(err.contains("is the same decision as"), err);
  }

  @Test
  void aMitigationNamedTwiceInOneDecision_exits2_namingIt() throws Exception {
    String err = exercise("3:second-line+second-line");
    assertTrue(
        err.contains(
            "--decide '3:second-line+second-line': mitigation 'second-line' is named twice"),
        err);
    assertFalse(err.contains("duplicate id"), err);
  }

  @Test
  void theSameMitigationOnTwoDays_isTwoBranches() throws Exception {
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "exercise",
              ExerciseCommandTest.decisions().toString(),
              "--trial",
              "1",
              "--trials",
              "10",
              "--quiet",
              "--out",
              tmp.resolve("ok").toString(),
              "--decide",
              "3:bigger-store",
              "--decide",
              "5:bigger-store"
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
  }
}
