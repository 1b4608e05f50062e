package org.corridorrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command as a cluster user runs it: through Spark's {@code SparkSubmit} (what {@code
 * spark-submit} starts), in a JVM of its own, with the application's classes in a jar that Spark
 * loads in a child class loader and Spark, with its own Log4j set-up, on the class path, as in a
 * Spark distribution. Spark's INFO logging used to flood stderr there (about a hundred lines per
 * study: Spark configures Log4j before the command's main method runs).
 */
class SparkSubmitTest {
  @TempDir static Path tmp;

  private static Path appJar;

  /** The application's classes and resources, as the jar given to spark-submit. */
  @BeforeAll
  static void packTheApplication() throws IOException {
    Path classes = Path.of("target", "classes");
    appJar = tmp.resolve("app.jar");
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(appJar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        jar.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        Files.copy(f, jar);
        jar.closeEntry();
      }
    }
  }

  private record Result(int exit, String out, String err) {}

  /** {@code SparkSubmit --master local[1] --class org.corridorrisk.cli.Main app.jar args...}. */
  private static Result submit(String name, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the module flags of Spark's launcher, as this JVM has them (surefire's argLine)
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("--add-opens")
          || a.startsWith("-XX:+IgnoreUnrecognizedVMOptions")
          || a.startsWith("-Djdk.reflect")
          || a.startsWith("-Dio.netty")) {
        cmd.add(a);
      }
    }
    cmd.add("-Xmx512m");
    cmd.add("-cp");
    cmd.add(sparkClassPath());
    cmd.add("org.apache.spark.deploy.SparkSubmit");
    cmd.addAll(
        List.of(
            "--master",
            "local[1]",
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--class",
            "org.corridorrisk.cli.Main",
            appJar.toString()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve(name + ".out");
    Path err = tmp.resolve(name + ".err");
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      // no input
    }
    if (!p.waitFor(5, TimeUnit.MINUTES)) { // a hang, not a slow machine
      p.destroyForcibly();
      throw new AssertionError("SparkSubmit did not end: " + Files.readString(err));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /**
   * The test class path less this project's classes (they are in the application jar) and slf4j-nop
   * (a Spark distribution logs through Log4j's SLF4J provider only).
   */
  private static String sparkClassPath() {
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> kept = new ArrayList<>();
    for (String entry : cp.split(File.pathSeparator)) {
      String e = entry.replace('\\', '/');
      if (e.endsWith("target/classes")
          || e.endsWith("target/classes/")
          || e.contains("slf4j-nop")
          || e.isBlank()) {
        continue;
      }
      kept.add(entry);
    }
    return String.join(File.pathSeparator, kept);
  }

  @Test
  void aStudyUnderSparkSubmit_isQuiet_andSaysItRanOnSpark() throws Exception {
    Path dir = tmp.resolve("study");
    Result r =
        submit(
            "study",
            "run",
            "src/test/resources/golden/reroute-fair.yaml",
            "--engine",
            "spark",
            "--trials",
            "200",
            "--quiet",
            "--out",
            dir.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("wrote " + dir.resolve("summary.json")), r.out());
    List<String> info = r.err().lines().filter(l -> l.contains(" INFO ")).toList();
    assertEquals(List.of(), info, "Spark's INFO lines on stderr");
    assertTrue(
        Files.readString(dir.resolve("summary.json")).contains("\"engine\" : \"spark\""),
        "summary.json names the engine");
  }

  @Test
  void aBadScenarioUnderSparkSubmit_isExit2_withTheLocatedMessage() throws Exception {
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(bad, "x: [\n");
    Result r = submit("bad", "run", bad.toString(), "--engine", "spark", "--out", "unused");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains(bad + ":2:1: YAML syntax error"), r.err());
    assertTrue(!r.err().contains("\tat "), "no stack trace: " + r.err());
  }
}
