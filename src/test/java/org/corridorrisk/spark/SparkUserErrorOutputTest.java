package org.corridorrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad {@code --master} is the user's input: exit 2 with one line (not Spark's own "Error
 * initializing SparkContext" beside it), and no stack trace on stdout or stderr. Runs the CLI in a
 * fresh JVM, as the launcher does: there the scenario reader's warm-up thread can start Log4j
 * before Spark is opened, and Spark's "Error initializing SparkContext" then went to stdout with
 * its stack trace through Log4j's default configuration (the quiet configuration was set too late).
 */
class SparkUserErrorOutputTest {
  @TempDir Path tmp;

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"nowhere:7077", "local[0]", "bogus"})
  void unusableMasterPrintsNoStackTrace(String master) throws Exception {
    Result r = runCli(System.getProperty("java.class.path"), master);
    assertEquals(2, r.exit, r.both);
    assertTrue(r.err.contains("--master: Spark cannot use '" + master + "'"), r.both);
    assertOneLineNoTrace(r);
  }

  /**
   * A Spark that lacks a jar (here Dropwizard metrics, which Spark needs when its context starts):
   * the JVM's own report of the NoClassDefFoundError went to the stderr that --engine spark
   * silences, so the command ended with exit 1 and printed nothing at all.
   */
  @org.junit.jupiter.api.Test
  void aClassMissingFromSparksClassPathIsOneLine() throws Exception {
    String sep = java.io.File.pathSeparator;
    String cp =
        java.util.Arrays.stream(System.getProperty("java.class.path").split(sep))
            .filter(e -> !Path.of(e).getFileName().toString().startsWith("metrics-core"))
            .collect(java.util.stream.Collectors.joining(sep));
    assertFalse(cp.equals(System.getProperty("java.class.path")), "metrics-core not found");
    Result r = runCli(cp, "local[1]");
    assertEquals(1, r.exit, r.both);
    assertTrue(r.err.contains("com/codahale/metrics/"), r.both);
    assertTrue(r.err.contains("class path"), r.both);
    assertOneLineNoTrace(r);
  }

  private record Result(int exit, String out, String err, String both) {}

  /**
   * A termination signal (or Ctrl-C: compare has no handler of its own) while compare's Spark jobs
   * run: Spark's shutdown hook stops the context, and the engine took that for a master that had
   * stopped the application ("Spark stopped the application before its trials ran ... check that
   * the master is reachable"). Now it adds nothing, as compare on the local engine.
   */
  @org.junit.jupiter.api.Test
  void aSignalDuringCompareOnSparkAddsNoMessage() throws Exception {
    Result r =
        runCli(
            System.getProperty("java.class.path"),
            10,
            "compare",
            "scenarios/btc-oil.yaml",
            "--trials",
            "1000000",
            "--quiet",
            "--out",
            tmp.resolve("compare").toString(),
            "--engine",
            "spark",
            "--master",
            "local[1]");
    assertTrue(r.exit != 0, r.both);
    assertEquals("", r.err.strip(), r.both);
  }

  private Result runCli(String classPath, String master) throws Exception {
    return runCli(
        classPath,
        0,
        "run",
        "scenarios/btc-oil.yaml",
        "--trials",
        "100",
        "--quiet",
        "--out",
        tmp.resolve("out").toString(),
        "--engine",
        "spark",
        "--master",
        master);
  }

  /** Runs the command line in a fresh JVM; with {@code stopAfterS > 0}, SIGTERM after that. */
  private Result runCli(String classPath, int stopAfterS, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider",
                "-Dslf4j.internal.verbosity=WARN",
                "-cp",
                classPath,
                "org.corridorrisk.cli.Main"));
    cmd.addAll(List.of(args));
    Path outFile = tmp.resolve("stdout.txt");
    Path errFile = tmp.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(outFile.toFile())
            .redirectError(errFile.toFile())
            .start();
    if (stopAfterS > 0) {
      assertFalse(p.waitFor(stopAfterS, TimeUnit.SECONDS), "ended before the signal");
      p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, Spark's among them
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end");
    String out = Files.readString(outFile, StandardCharsets.UTF_8);
    String err = Files.readString(errFile, StandardCharsets.UTF_8);
    return new Result(p.exitValue(), out, err, "stdout:\n" + out + "\nstderr:\n" + err);
  }

  private static void assertOneLineNoTrace(Result r) {
    assertFalse(r.out.contains("\tat ") || r.err.contains("\tat "), r.both);
    assertFalse(r.out.contains("Exception") || r.err.contains("SparkException"), r.both);
    assertEquals(1, r.err.strip().lines().count(), "one line: " + r.both);
  }
}
