package org.corridorrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code spark://} master nobody listens on (port 1 of this machine): the command says so in one
 * line, exit 2, without Spark's "Application has been killed. Reason: All masters are unresponsive!
 * Giving up." before it, which Spark logs from its registration thread; {@code --debug} shows
 * Spark's error (and why: "Failed to connect to master").
 *
 * <p>Slow by Spark's design: its client tries to register 3 times, 20 s apart (fixed in Spark, not
 * a setting), so each run takes about 65 s. The two runs (with and without {@code --debug}) go in
 * parallel, each in a fresh JVM as the launcher starts it, and are stopped after 180 s.
 */
class SparkUnreachableMasterTest {
  private static final String MASTER = "spark://127.0.0.1:1";

  @TempDir Path tmp;

  private Process start(String name, boolean debug) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the module flags Spark needs on Java 17, as the launcher passes them (surefire's argLine)
    for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (arg.startsWith("--add-opens")
          || arg.equals("-XX:+IgnoreUnrecognizedVMOptions")
          || arg.startsWith("-Djdk.reflect.")
          || arg.startsWith("-Dio.netty.")) {
        cmd.add(arg);
      }
    }
    cmd.add("-Dslf4j.provider=org.apache.logging.slf4j.SLF4JServiceProvider");
    cmd.add("-Dslf4j.internal.verbosity=WARN");
    cmd.add("-Dspark.ui.enabled=false");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("org.corridorrisk.cli.Main");
    cmd.addAll(
        List.of(
            "run",
            "scenarios/btc-oil.yaml",
            "--trials",
            "100",
            "--quiet",
            "--out",
            tmp.resolve(name).toString(),
            "--engine",
            "spark",
            "--master",
            MASTER));
    if (debug) {
      cmd.add("--debug");
    }
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectOutput(tmp.resolve(name + ".out").toFile())
            .redirectError(tmp.resolve(name + ".err").toFile());
    // the master's port is on this machine; Spark's own address too
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    return pb.start();
  }

  private String finish(Process p, String name) throws Exception {
    boolean ended = p.waitFor(180, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    String out = read(name + ".out");
    String err = read(name + ".err");
    String both = name + " stdout:\n" + out + "\nstderr:\n" + err;
    assertTrue(ended, "the run did not end within 180 s: " + both);
    assertEquals(2, p.exitValue(), both);
    assertEquals("", out, both);
    return err;
  }

  private String read(String file) throws Exception {
    File f = tmp.resolve(file).toFile();
    return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
  }

  @Test
  void unreachableMaster_saysSoInOneLine_andDebugShowsSparksError() throws Exception {
    Process quiet = start("quiet", false);
    Process debug = start("debug", true);
    String err = finish(quiet, "quiet");
    String debugErr = finish(debug, "debug");
    String ours =
        "corridor-risk: Spark stopped the application before its trials ran (master '"
            + MASTER
            + "')";
    assertEquals(1, err.strip().lines().count(), "one line:\n" + err);
    assertTrue(err.startsWith(ours), err);
    assertTrue(debugErr.contains(ours), debugErr);
    assertTrue(debugErr.contains("All masters are unresponsive"), debugErr);
    assertTrue(debugErr.contains("Failed to connect to master"), debugErr);
  }
}
