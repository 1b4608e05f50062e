package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImportCommandTest {
  @TempDir Path dir;
  private String out = "";
  private String err = "";

  private int run(String... args) {
    Cli cli = Cli.run(args);
    out = cli.out();
    err = cli.err();
    return cli.code();
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
    assertTrue(out.contains("11 nodes, 11 links"), out::toString);
  }

  @Test
  void import_countsOneThreat_inTheSingular() throws Exception {
    Path mtx = dir.resolve("ring.mtx");
    Files.writeString(
        mtx, "%%MatrixMarket matrix coordinate pattern symmetric\n4 4 4\n2 1\n3 2\n4 3\n4 1\n");
    Path target = dir.resolve("ring.yaml");
    assertEquals(0, run("import", mtx.toString(), "--out", target.toString()), err::toString);
    assertTrue(out.contains("4 nodes, 4 links, 1 threat (defaults"), out::toString);
  }

  @Test
  void import_neverOverwritesAnExistingFile_withoutForce() throws Exception {
    Path target = dir.resolve("mine.yaml");
    Files.writeString(target, "my own work\n");
    assertEquals(2, run("import", gaslib("GasLib-11.zip"), "--out", target.toString()));
    assertEquals("my own work\n", Files.readString(target));
    assertTrue(err.contains("--force"), err::toString);
    assertFalse(err.contains("at org."), "no stack trace");
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
    assertTrue(err.contains("nope.mtx"), err::toString);
  }

  @Test
  void import_unknownExtensionWithoutFormat_exits2WithAHint() throws Exception {
    Path file = dir.resolve("edges.csv");
    Files.writeString(file, "1,2\n");
    assertEquals(2, run("import", file.toString(), "--out", dir.resolve("o.yaml").toString()));
    assertTrue(err.contains("--format"), err::toString);
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
        err.contains("bad.mtx:2:3: node id must be a positive integer, was 'x'"), err::toString);
    assertFalse(Files.exists(dir.resolve("o.yaml")));
  }

  @Test
  void import_binaryFileAsMatrixMarket_oneLocatedLine_exit2() throws Exception {
    // a zip given with --format matrix-market used to end in "corridor-risk: Input length = 1"
    Path target = dir.resolve("o.yaml");
    assertEquals(
        2,
        run(
            "import",
            gaslib("GasLib-11.zip"),
            "--format",
            "matrix-market",
            "--out",
            target.toString()));
    String[] lines = err.strip().split("\n");
    assertEquals(1, lines.length, err::toString);
    assertTrue(
        lines[0].matches(
            ".*GasLib-11\\.zip:\\d+:\\d+: not a MatrixMarket file: byte 0x[0-9A-F]{2} .*"),
        err::toString);
    assertFalse(Files.exists(target));
  }

  @Test
  void import_matrixMarketFileAsGasLib_saysItIsNotAGasLibNetwork() throws Exception {
    // it used to ask for a nomination file "w.scn" beside a file that is no GasLib network at all
    Path mtx = dir.resolve("w.mtx");
    Files.writeString(mtx, "%%MatrixMarket matrix coordinate pattern symmetric\n2 2 1\n2 1\n");
    Path target = dir.resolve("g.yaml");
    assertEquals(
        2, run("import", mtx.toString(), "--format", "gaslib", "--out", target.toString()));
    assertTrue(err.contains("w.mtx: not a GasLib network"), err::toString);
    assertFalse(err.contains(".scn)"), err::toString);
    assertFalse(Files.exists(target));
  }

  @Test
  void import_otherTextFileAsMatrixMarket_oneLocatedLine_exit2() throws Exception {
    Path file = dir.resolve("net.txt");
    Files.writeString(file, "<?xml version=\"1.0\"?>\n<network>\n  <a b=\"1\"/>\n</network>\n");
    assertEquals(
        2,
        run(
            "import",
            file.toString(),
            "--format",
            "matrix-market",
            "--out",
            dir.resolve("o.yaml").toString()));
    String[] lines = err.strip().split("\n");
    assertEquals(1, lines.length, err::toString);
    assertTrue(
        lines[0].contains("net.txt:1:1: not a MatrixMarket file: no '%%MatrixMarket"),
        err::toString);
  }

  @ParameterizedTest
  @CsvSource({
    "--sources,3",
    "--demand,2",
    "--capacity,5",
    "--failure-probability,0.1",
    "--link-kind,rail"
  })
  void import_topologyOnlyOption_withGasLib_exits2NamingIt(String option, String value) {
    // these options used to be dropped without a word for a GasLib file
    Path target = dir.resolve("o.yaml");
    assertEquals(
        2, run("import", gaslib("GasLib-11.zip"), option, value, "--out", target.toString()));
    assertTrue(
        err.contains(option + " applies only to topology formats (matrix-market, graphml)"),
        err::toString);
    assertFalse(Files.exists(target));
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
    assertTrue(err.contains("--failure-probability must be in [0, 1], was 1.5"), err::toString);
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

  /** Imports a small MatrixMarket file with extra options; returns the exit code. */
  private int importWith(String outName, String... options) throws Exception {
    Path file = dir.resolve("net.mtx");
    Files.writeString(file, "1 2\n2 3\n3 4\n");
    String[] args = new String[options.length + 4];
    args[0] = "import";
    args[1] = file.toString();
    args[2] = "--out";
    args[3] = dir.resolve(outName).toString();
    System.arraycopy(options, 0, args, 4, options.length);
    return run(args);
  }

  @ParameterizedTest(name = "{0} {1} is refused before anything is written")
  @CsvSource(
      value = {
        "--name, a/b",
        "--name, ''",
        "--voll, 1e40",
        "--demand, 1e35",
        "--capacity, 1e35",
        "--horizon-days, 99999"
      })
  void optionThatValidateWouldReject_exits2NamingTheOption(String option, String value)
      throws Exception {
    assertEquals(2, importWith("o.yaml", option, value), out::toString);
    assertTrue(err.startsWith("corridor-risk: " + option + " must "), err::toString);
    assertFalse(err.contains("at org."), "no stack trace");
    assertFalse(Files.exists(dir.resolve("o.yaml")));
  }

  @Test
  void jsonOut_isRefusedWithAHintToUseYaml() throws Exception {
    assertEquals(2, importWith("x.json"));
    assertTrue(err.contains("--out"), err::toString);
    assertTrue(err.contains("x.yaml"), err::toString);
    assertFalse(Files.exists(dir.resolve("x.json")));
  }

  @Test
  void subseaLinkKinds_areAccepted_andTheFileValidates() throws Exception {
    for (String kind : new String[] {"subsea-cable", "subsea-pipeline"}) {
      assertEquals(0, importWith(kind + ".yaml", "--link-kind", kind), err::toString);
      assertEquals(0, run("validate", dir.resolve(kind + ".yaml").toString()), err::toString);
      assertTrue(Files.readString(dir.resolve(kind + ".yaml")).contains("kind: " + kind));
    }
  }

  @Test
  void tooManyNodes_exits2_andWritesNothing() throws Exception {
    Path file = dir.resolve("big.mtx");
    Files.writeString(file, "1 2\n2 250000\n");
    Path target = dir.resolve("big.yaml");
    assertEquals(2, run("import", file.toString(), "--out", target.toString()));
    assertTrue(err.contains("big.mtx:2:3: node id 250000 is too large"), err::toString);
    assertFalse(Files.exists(target));
  }

  @Test
  void writtenFile_getsThePermissionsOfANewFile_notPrivateOnes() throws Exception {
    assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX file system");
    Path reference = dir.resolve("reference.txt");
    Files.writeString(reference, "x"); // created as any program creates a file: mode by umask
    assertEquals(0, importWith("perm.yaml"), err::toString);
    assertEquals(
        Files.getPosixFilePermissions(reference),
        Files.getPosixFilePermissions(dir.resolve("perm.yaml")));
  }
}
