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
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider",
            "-Dslf4j.internal.verbosity=WARN",
            "-cp",
            System.getProperty("java.class.path"),
            "org.corridorrisk.cli.Main",
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
    Path outFile = tmp.resolve("stdout.txt");
    Path errFile = tmp.resolve("stderr.txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(outFile.toFile())
            .redirectError(errFile.toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the run did not end");
    String out = Files.readString(outFile, StandardCharsets.UTF_8);
    String err = Files.readString(errFile, StandardCharsets.UTF_8);
    String both = "stdout:\n" + out + "\nstderr:\n" + err;
    assertEquals(2, p.exitValue(), both);
    assertTrue(err.contains("--master: Spark cannot use '" + master + "'"), both);
    assertFalse(out.contains("\tat ") || err.contains("\tat "), both);
    assertFalse(out.contains("Exception") || err.contains("SparkException"), both);
    assertEquals(1, err.strip().lines().count(), "one line: " + both);
  }
}
