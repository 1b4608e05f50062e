package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An --out path that runs through a file is refused in words, with exit code 2. */
class OutputPathMessagesTest {
  @TempDir Path tmp;

  @Test
  void outUnderAFile_isExplained_forEveryCommandThatWrites() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "keep me");
    String expected =
        "cannot create it because " + file.toAbsolutePath() + " is a file, not a folder";
    String[][] commands = {
      {"run", "scenarios/middle-corridor.yaml", "--trials", "10", "--out"},
      {"compare", "scenarios/middle-corridor.yaml", "--trials", "10", "--out"},
      {"criticality", "scenarios/middle-corridor.yaml", "--out"},
    };
    for (String[] c : commands) {
      String[] args = java.util.Arrays.copyOf(c, c.length + 1);
      args[c.length] = file.resolve("sub").toString();
      Cli cli = Cli.run(args);
      String err = cli.err().trim();
      assertEquals(2, cli.code(), String.join(" ", args) + ": " + err);
      assertEquals(
          "corridor-risk: --out "
              + file.resolve("sub")
              + ": "
              + expected
              + "; choose another --out",
          err);
      assertFalse(err.contains("Not a directory"), err);
    }
    Cli cli =
        Cli.run(
            "import",
            org.corridorrisk.TestData.gaslib("GasLib-11.zip").toString(),
            "--out",
            file.resolve("g.yaml").toString());
    assertEquals(2, cli.code());
    assertEquals(
        "corridor-risk: --out "
            + file.resolve("g.yaml")
            + ": "
            + expected
            + "; choose another --out",
        cli.err().trim());
    assertEquals("keep me", Files.readString(file));
  }
}
