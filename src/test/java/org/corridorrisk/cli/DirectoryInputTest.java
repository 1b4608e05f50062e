package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A directory given where a file is expected: exit 2 with one line that says so. */
class DirectoryInputTest {
  @TempDir Path tmp;

  private String run(int expectedCode, String... args) {
    Cli cli = Cli.run(args);
    assertEquals(expectedCode, cli.code(), cli.err());
    return cli.err();
  }

  @Test
  void criticality_ofADirectory_saysItIsADirectory() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("scenarios"));
    String err = run(2, "criticality", dir.toString(), "--out", tmp.resolve("c").toString());
    assertTrue(err.contains(dir + ": is a directory, not a scenario file"), err);
    assertFalse(err.contains("no such file"), err);
    assertEquals(1, err.strip().lines().count(), err);
  }

  @Test
  void import_ofADirectory_saysItIsADirectory_inEveryFormat() throws Exception {
    Path dir = Files.createDirectory(tmp.resolve("net.graphml"));
    for (String format : new String[] {"gaslib", "matrix-market", "graphml"}) {
      String err =
          run(
              2,
              "import",
              dir.toString(),
              "--format",
              format,
              "--out",
              tmp.resolve("x.yaml").toString());
      assertTrue(err.contains(dir + ": is a directory, not a network file"), format + ": " + err);
      assertFalse(err.contains("Exception"), format + ": " + err);
      assertEquals(1, err.strip().lines().count(), format + ": " + err);
    }
    assertFalse(Files.exists(tmp.resolve("x.yaml")));
  }
}
