package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    Cli cli = Cli.run(args);
    assertEquals(2, cli.code(), cli.err());
    assertEquals(1, cli.err().strip().lines().count(), cli.err());
    assertFalse(Files.exists(tmp.resolve("ex").resolve("exercise.json")));
    return cli.err();
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
  void anEmptyIdInOneDecision_exits2_sayingSo() throws Exception {
    for (String d :
        new String[] {"3:second-line+", "3:+second-line", "3:second-line++bigger-store"}) {
      String err = exercise(d);
      assertTrue(
          err.contains("--decide '" + d + "': empty mitigation id (ids are joined with '+'"), err);
      assertFalse(err.contains("unknown mitigation"), err);
    }
  }

  @Test
  void theSameMitigationOnTwoDays_isTwoBranches() throws Exception {
    Cli cli =
        Cli.run(
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
            "5:bigger-store");
    assertEquals(0, cli.code(), cli.err());
  }
}
