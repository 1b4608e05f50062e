package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Departures from the command-line contract found by an outside-style audit (2026-12-01). */
class AuditFixesTest {
  private String err = "";

  private int exit(String... args) {
    Cli cli = Cli.run(args);
    err = cli.err();
    return cli.code();
  }

  @Test
  void summaryJson_alwaysHasTheEconomyKey(@TempDir Path dir) throws Exception {
    assertEquals(
        0,
        exit("run", "scenarios/btc-oil.yaml", "--trials", "50", "--quiet", "--out", dir.toString()),
        err);
    var economy = new ObjectMapper().readTree(dir.resolve("summary.json").toFile()).get("economy");
    assertTrue(economy != null && economy.get("sectors").isArray(), String.valueOf(economy));
    assertEquals(0, economy.get("sectors").size());
  }

  @Test
  void compare_takesRunsNoTrialsCsv(@TempDir Path dir) {
    assertEquals(
        0,
        exit(
            "compare",
            "scenarios/btc-oil.yaml",
            "--trials",
            "100",
            "--no-trials-csv",
            "--quiet",
            "--out",
            dir.toString()),
        err);
    assertFalse(Files.exists(dir.resolve("trials.csv")));
  }

  @Test
  void emptyOut_andImportOntoADirectory_sayWhatIsWrong(@TempDir Path dir) throws Exception {
    assertEquals(2, exit("run", "scenarios/btc-oil.yaml", "--trials", "10", "--out", ""));
    assertTrue(err.contains("--out must name a directory"), err);
    Path folder = Files.createDirectory(dir.resolve("folder"));
    assertEquals(
        2, exit("import", "data/gaslib/GasLib-11.zip", "--out", folder.toString(), "--force"));
    assertTrue(err.contains("is a directory; give the scenario file to write"), err);
  }

  @Test
  void outOfMemory_isAMessageWithoutStackTrace() {
    String e =
        internalError(
            new IllegalStateException("a worker failed", new OutOfMemoryError("Java heap")));
    assertTrue(e.contains("out of memory"), e);
    assertTrue(e.contains("CORRIDOR_RISK_JAVA_OPTS=-Xmx"), e);
    assertFalse(e.contains("\tat "), e);
  }

  /**
   * An internal error whose message carries a stack trace (Spark's "Job aborted due to stage
   * failure: ... Driver stacktrace:"): one line without --debug.
   */
  @Test
  void internalError_whoseMessageHoldsAStackTrace_isOneLine() {
    String e =
        internalError(
            new IllegalStateException(
                "Job aborted due to stage failure: Task 0 failed 4 times\n"
                    + "\tat org.apache.spark.util.Utils$.tryOrIOException(Utils.scala:97)\n"
                    + "\nDriver stacktrace:"));
    assertTrue(
        e.startsWith(
            "corridor-risk: internal error: java.lang.IllegalStateException: Job aborted due"
                + " to stage failure: Task 0 failed 4 times\n"),
        e);
    assertFalse(e.contains("\tat "), e);
    assertFalse(e.contains("Driver stacktrace"), e);
  }

  /** What the command prints for an internal error without --debug (its exit code checked). */
  private static String internalError(Exception failure) {
    StringWriter e = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setErr(new PrintWriter(e));
    int code = new Failures(false).handleExecutionException(failure, cl, null);
    assertEquals(Failures.INTERNAL, code);
    return e.toString();
  }
}
