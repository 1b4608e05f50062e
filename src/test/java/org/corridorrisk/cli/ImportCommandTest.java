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

class ImportCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  private static String gaslib(String name) {
    return org.corridorrisk.TestData.gaslib(name).toString();
  }

  @Test
  void import_writesTheScenario_andSaysWhatItWrote() throws Exception {
    Path target = dir.resolve("g11.yaml");
    assertEquals(
        0, run("import", gaslib("GasLib-11.zip"), "--out", target.toString()), err::toString);
    assertTrue(Files.readString(target).contains("format: corridor-risk/v1"));
    assertTrue(out.toString().contains("11 nodes, 11 links"), out::toString);
  }

  @Test
  void import_neverOverwritesAnExistingFile_withoutForce() throws Exception {
    Path target = dir.resolve("mine.yaml");
    Files.writeString(target, "my own work\n");
    assertEquals(2, run("import", gaslib("GasLib-11.zip"), "--out", target.toString()));
    assertEquals("my own work\n", Files.readString(target));
    assertTrue(err.toString().contains("--force"), err::toString);
    assertFalse(err.toString().contains("at org."), "no stack trace");
  }

  @Test
  void import_withForce_overwrites() throws Exception {
    Path target = dir.resolve("mine.yaml");
    Files.writeString(target, "old\n");
    assertEquals(
        0,
        run("import", gaslib("GasLib-11.zip"), "--out", target.toString(), "--force"),
        err::toString);
    assertTrue(Files.readString(target).contains("GasLib-11"));
  }

  @Test
  void import_missingFile_exits2() {
    assertEquals(
        2,
        run(
            "import",
            dir.resolve("nope.mtx").toString(),
            "--out",
            dir.resolve("o.yaml").toString()));
    assertTrue(err.toString().contains("nope.mtx"), err::toString);
  }

  @Test
  void import_unknownExtensionWithoutFormat_exits2WithAHint() throws Exception {
    Path file = dir.resolve("edges.csv");
    Files.writeString(file, "1,2\n");
    assertEquals(2, run("import", file.toString(), "--out", dir.resolve("o.yaml").toString()));
    assertTrue(err.toString().contains("--format"), err::toString);
  }

  @Test
  void import_explicitFormat_overridesTheExtension() throws Exception {
    Path file = dir.resolve("edges.txt");
    Files.writeString(file, "1 2\n2 3\n");
    assertEquals(
        0,
        run(
            "import",
            file.toString(),
            "--format",
            "matrix-market",
            "--out",
            dir.resolve("o.yaml").toString()),
        err::toString);
  }

  @Test
  void import_invalidInput_printsLocatedProblems_exit2() throws Exception {
    Path file = dir.resolve("bad.mtx");
    Files.writeString(file, "1 2\n2 x\n");
    assertEquals(2, run("import", file.toString(), "--out", dir.resolve("o.yaml").toString()));
    assertTrue(
        err.toString().contains("bad.mtx:2:3: node id must be a positive integer but was 'x'"),
        err::toString);
    assertFalse(Files.exists(dir.resolve("o.yaml")));
  }

  @Test
  void import_badOptionValue_exits2() throws Exception {
    Path file = dir.resolve("g.mtx");
    Files.writeString(file, "1 2\n");
    assertEquals(
        2,
        run(
            "import",
            file.toString(),
            "--failure-probability",
            "1.5",
            "--out",
            dir.resolve("o.yaml").toString()));
    assertTrue(
        err.toString().contains("--failure-probability must be in [0, 1] but was 1.5"),
        err::toString);
    assertEquals(
        2,
        run(
            "import",
            file.toString(),
            "--format",
            "csv",
            "--out",
            dir.resolve("o.yaml").toString()));
  }
}
