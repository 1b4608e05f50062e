package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bench --scenarios DIR} and {@code --data DIR} that are not folders: exit 2, named. */
class BenchFoldersTest {
  @TempDir Path tmp;

  private String bench(String option, Path dir) {
    Cli cli = Cli.run("bench", "--suite", "quick", "--trials", "1", option, dir.toString());
    assertEquals(2, cli.code(), cli.err() + "\n" + cli.out());
    assertEquals("", cli.out(), "no case ran");
    return cli.err();
  }

  @Test
  void aMissingFolder_exits2_namingTheOption() {
    Path missing = tmp.resolve("missing");
    assertTrue(
        bench("--scenarios", missing).contains("--scenarios " + missing + ": no such folder"));
    assertTrue(bench("--data", missing).contains("--data " + missing + ": no such folder"));
  }

  @Test
  void aFileInsteadOfAFolder_exits2() throws Exception {
    Path file = Files.writeString(tmp.resolve("data.txt"), "x");
    assertTrue(bench("--data", file).contains("--data " + file + ": is a file, not a folder"));
  }
}
