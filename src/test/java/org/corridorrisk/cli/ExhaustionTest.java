package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs that validate must not exhaust memory: refused up front or run in bounded memory. */
class ExhaustionTest {
  @TempDir Path tmp;

  @Test
  void poissonThreatWithHundredMillionAttemptsIsRefusedUpFront() {
    long start = System.nanoTime();
    Cli cli =
        Cli.run(
            "run",
            "src/test/resources/exhaustion/swarm.yaml",
            "--out",
            tmp.resolve("out").toString(),
            "--quiet");
    double seconds = (System.nanoTime() - start) / 1e9;
    String msg = cli.err();
    assertEquals(2, cli.code(), msg);
    assertTrue(msg.contains("swarm.yaml:"), msg);
    assertTrue(msg.contains("threats[0].events_per_year"), msg);
    assertTrue(msg.contains("drone-swarm"), msg);
    assertTrue(msg.contains("100,000,000 attempts per trial"), msg);
    assertTrue(msg.contains("limit of 100,000"), msg);
    assertFalse(msg.contains("Exception"), msg);
    assertTrue(seconds < 20, "refused up front, not after running: " + seconds + " s");
  }

  /**
   * Two billion trials of an example in a separate JVM with a small heap: it runs (no
   * OutOfMemoryError), and Ctrl-C (SIGINT) stops it cleanly with consistent outputs for the trials
   * done: summary.json says how many and that it was interrupted, trials.csv has exactly that many
   * rows.
   */
  @Test
  void twoBillionTrialsRunInSmallHeapAndStopCleanlyOnCtrlC() throws Exception {
    Path out = tmp.resolve("btc");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        List.of(
            java,
            "-Xmx160m",
            "-cp",
            System.getProperty("java.class.path"),
            "org.corridorrisk.cli.Main",
            "run",
            "scenarios/btc-oil.yaml",
            "--trials",
            "2000000000",
            "--trials-csv",
            "--threads",
            "2",
            "--quiet",
            "--out",
            out.toString());
    File errFile = tmp.resolve("stderr.txt").toFile();
    Process p =
        new ProcessBuilder(cmd)
            .redirectError(errFile)
            .redirectOutput(tmp.resolve("stdout.txt").toFile())
            .start();
    // let it run until trials are being written
    Path csv = out.resolve("trials.csv");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline
        && p.isAlive()
        && !(Files.exists(csv) && Files.size(csv) > 200_000)) {
      Thread.sleep(200);
    }
    assertTrue(p.isAlive(), "still running: " + Files.readString(errFile.toPath()));
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
    int expected = 130;
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      // started with SIGINT ignored (a background job inherits that): a termination signal
      // takes the shutdown-hook path, which must keep the outputs just as consistent
      p.destroy();
      expected = 143;
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "stops after Ctrl-C");
    String err = Files.readString(errFile.toPath(), StandardCharsets.UTF_8);
    assertEquals(expected, p.exitValue(), err);
    assertFalse(err.contains("OutOfMemoryError"), err);
    assertTrue(err.contains("interrupted"), err);
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    long trials = summary.get("trials").asLong();
    assertTrue(trials > 0 && trials % 100 == 0, "whole batches: " + trials);
    assertTrue(summary.get("interrupted").asBoolean());
    // exact while every trial done is kept (the first 100,000), else from the sketch
    assertEquals(
        trials <= 100_000 ? "exact" : "log-histogram",
        summary.get("percentiles").get("method").asText());
    long rows;
    try (var lines = Files.lines(csv)) {
      rows = lines.count() - 1;
    }
    assertEquals(trials, rows, "trials.csv rows = trials in summary.json");
    assertTrue(Files.size(out.resolve("report.html")) > 10_000);
  }
}
