package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} through the command line on a shipped example. */
class RunExamplesTest {
  private static final Path EXAMPLE = Path.of("scenarios", "middle-corridor.yaml");
  @TempDir Path tmp;

  private int run(String... args) {
    Cli cli = Cli.run(args);
    lastOut = cli.out();
    lastErr = cli.err();
    return cli.code();
  }

  private String lastOut;
  private String lastErr;

  private byte[] summary(String dir, String... extra) throws IOException {
    Path out = tmp.resolve(dir);
    String[] base = {
      "run", EXAMPLE.toString(), "--trials", "2000", "--seed", "7", "--out", out.toString()
    };
    String[] args = new String[base.length + extra.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(extra, 0, args, base.length, extra.length);
    assertEquals(0, run(args), lastErr);
    return Files.readAllBytes(out.resolve("summary.json"));
  }

  @Test
  void exampleSummaryIsByteIdenticalForOneTwoAndFourThreads() throws IOException {
    byte[] one = summary("t1", "--threads", "1");
    assertArrayEquals(one, summary("t2", "--threads", "2"));
    assertArrayEquals(one, summary("t4", "--threads", "4"));
    assertTrue(lastOut.contains("economic_loss"));
  }

  @Test
  void exampleWithTargetCiIsByteIdenticalForAnyThreadCount() throws IOException {
    byte[] one = summary("c1", "--threads", "1", "--target-ci", "0.05");
    assertArrayEquals(one, summary("c2", "--threads", "2", "--target-ci", "0.05"));
  }

  @Test
  void differentSeedChangesTheSummary() throws IOException {
    byte[] a = summary("s7");
    Path out = tmp.resolve("s8");
    assertEquals(
        0,
        run("run", EXAMPLE.toString(), "--trials", "2000", "--seed", "8", "--out", out.toString()));
    assertFalse(java.util.Arrays.equals(a, Files.readAllBytes(out.resolve("summary.json"))));
  }

  @Test
  void missingFileExitsWith2() {
    assertEquals(
        2, run("run", tmp.resolve("nope.yaml").toString(), "--out", tmp.resolve("x").toString()));
  }

  @Test
  void nonEmptyForeignOutDirExitsWith2AndKeepsFiles() throws IOException {
    Path dir = tmp.resolve("mine");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("summary.json"), "mine");
    assertEquals(2, run("run", EXAMPLE.toString(), "--trials", "10", "--out", dir.toString()));
    assertEquals("mine", Files.readString(dir.resolve("summary.json")));
    assertTrue(lastErr.contains("refusing"), lastErr);
  }
}
