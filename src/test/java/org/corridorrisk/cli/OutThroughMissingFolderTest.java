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
 * An {@code --out} with {@code ..} after a folder that does not exist ({@code sub/../r1}) is the
 * folder it names once the missing folders are thought of as created: {@code r1} next to {@code
 * sub}; {@code sub} is not created. A {@code ..} after an existing folder is the operating
 * system's.
 */
class OutThroughMissingFolderTest {
  @TempDir Path tmp;
  private String err;

  private int run(String... args) {
    StringWriter e = new StringWriter();
    int code = Main.execute(args, new PrintWriter(new StringWriter()), new PrintWriter(e));
    err = e.toString().trim();
    return code;
  }

  @Test
  void dotDotAfterAMissingFolder_writesNextToIt_forEveryCommandThatWrites() throws Exception {
    String f = ExerciseCommandTest.decisions().toString();
    String[][] commands = {
      {"run", f, "--trials", "10", "--quiet"},
      {"compare", f, "--trials", "10"},
      {"criticality", "scenarios/middle-corridor.yaml"},
      {"exercise", f, "--trial", "1", "--trials", "10", "--quiet"},
    };
    String[] written = {"summary.json", "compare.json", "criticality.json", "exercise.json"};
    for (int i = 0; i < commands.length; i++) {
      String[] c = commands[i];
      String[] args = java.util.Arrays.copyOf(c, c.length + 2);
      args[c.length] = "--out";
      args[c.length + 1] = tmp + "/sub" + i + "/../deeper/../r" + i;
      assertEquals(0, run(args), String.join(" ", args) + ": " + err);
      assertTrue(Files.isRegularFile(tmp.resolve("r" + i).resolve(written[i])), c[0]);
      assertTrue(Files.isRegularFile(tmp.resolve("r" + i).resolve(OutputDirectory.MARKER)), c[0]);
      assertFalse(Files.exists(tmp.resolve("sub" + i)), c[0]);
      assertFalse(Files.exists(tmp.resolve("deeper")), c[0]);
    }
  }

  @Test
  void dotDotAfterAnExistingLinkedFolder_isTheOperatingSystems() throws Exception {
    Path deep = Files.createDirectories(tmp.resolve("a").resolve("b"));
    Files.createSymbolicLink(tmp.resolve("link"), deep);
    String f = ExerciseCommandTest.decisions().toString();
    assertEquals(0, run("run", f, "--trials", "10", "--quiet", "--out", tmp + "/link/../r"), err);
    assertTrue(Files.isRegularFile(tmp.resolve("a").resolve("r").resolve("summary.json")));
    assertFalse(Files.exists(tmp.resolve("r")));
  }

  @Test
  void importTo_aFileAfterAMissingFolder_writesNextToIt() throws Exception {
    assertEquals(
        0,
        run(
            "import",
            org.corridorrisk.TestData.gaslib("GasLib-11.zip").toString(),
            "--out",
            tmp + "/sub/../g.yaml"),
        err);
    assertTrue(Files.isRegularFile(tmp.resolve("g.yaml")));
    assertFalse(Files.exists(tmp.resolve("sub")));
  }
}
