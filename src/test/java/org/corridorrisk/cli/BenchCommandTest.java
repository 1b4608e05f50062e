package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void bench_runsEachCase_andPrintsRatesCacheAndMachine() throws Exception {
    Path scenarios = Files.createDirectory(dir.resolve("scenarios"));
    Files.copy(
        Path.of("scenarios/middle-corridor.yaml"), scenarios.resolve("middle-corridor.yaml"));
    Path data = Files.createDirectories(dir.resolve("data/gaslib"));
    Files.copy(org.corridorrisk.TestData.gaslib("GasLib-135.zip"), data.resolve("GasLib-135.zip"));

    assertEquals(
        0,
        run(
            "bench",
            "--trials",
            "100",
            "--threads",
            "1",
            "--scenarios",
            scenarios.toString(),
            "--data",
            dir.resolve("data").toString()),
        err::toString);

    String text = out.toString();
    assertTrue(
        text.startsWith("machine: " + Runtime.getRuntime().availableProcessors() + " cores"), text);
    // name, nodes, links, days, trials, seconds, trials/s, flows/s, cache hit rate, trials/cpu-s
    assertTrue(
        Pattern.compile(
                "(?m)^middle-corridor\\s+15\\s+18\\s+90\\s+100\\s+[0-9.]+\\s+[0-9]+\\s+[0-9]+"
                    + "\\s+[0-9.]+%\\s+([0-9]+|n/a)$")
            .matcher(text)
            .find(),
        text);
    assertTrue(
        Pattern.compile("(?m)^gaslib-135 \\(imported\\)\\s+135\\s+170\\s+90\\s+100\\s")
            .matcher(text)
            .find(),
        text);
  }

  @Test
  void bench_unknownSharing_exits2() {
    assertEquals(2, run("bench", "--sharing", "proportional"));
    assertTrue(err.toString().contains("--sharing must be fair or any"), err::toString);
  }

  @Test
  void benchGrid_familyOut_neverOverwritesAFile() throws Exception {
    Path out = Files.createDirectory(dir.resolve("family"));
    Path mine = out.resolve(BindingGridFamily.fileName(BindingGridFamily.name(0.5, 0.05, 0.01)));
    Files.writeString(mine, "mine");
    assertEquals(
        2,
        run(
            "bench",
            "--suite",
            "grid",
            "--trials",
            "10",
            "--threads",
            "1",
            "--family-out",
            out.toString()),
        err::toString);
    assertTrue(err.toString().contains("never overwrites"), err::toString);
    assertEquals("mine", Files.readString(mine));
  }

  @Test
  void bench_unknownSuite_exits2() {
    assertEquals(2, run("bench", "--suite", "huge"));
    assertTrue(err.toString().contains("--suite must be quick, full or grid"), err::toString);
  }

  @Test
  void bench_nothingToRun_exits2WithAHint() throws Exception {
    assertEquals(
        2,
        run(
            "bench",
            "--trials",
            "10",
            "--scenarios",
            Files.createDirectory(dir.resolve("empty")).toString(),
            "--data",
            dir.resolve("none").toString()));
    assertTrue(err.toString().contains("no benchmark case found"), err::toString);
  }
}
