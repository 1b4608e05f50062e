package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTest {
  @TempDir Path dir;
  private String out = "";
  private String err = "";

  private int run(String... args) {
    Cli cli = Cli.run(args);
    out = cli.out();
    err = cli.err();
    return cli.code();
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

    String text = out;
    assertTrue(
        text.startsWith("machine: " + Runtime.getRuntime().availableProcessors() + " cores"), text);
    assertTrue(text.contains("100 trials per case, 1 thread, seed "), text);
    // the load when the bench starts, which every figure's meaning depends on a shared machine
    assertTrue(
        Pattern.compile("(?m)^machine: .*, load average [0-9]+\\.[0-9]{2}, ").matcher(text).find(),
        text);
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
  void bench_sparkEngine_addsASparkRowUnderEachLocalRow() throws Exception {
    Path scenarios = Files.createDirectory(dir.resolve("scenarios"));
    Files.copy(
        Path.of("scenarios/middle-corridor.yaml"), scenarios.resolve("middle-corridor.yaml"));
    Files.copy(Path.of("scenarios/btc-oil.yaml"), scenarios.resolve("btc-oil.yaml"));

    assertEquals(
        0,
        run(
            "bench",
            "--engine",
            "spark",
            "--master",
            "local[1]",
            "--case",
            "middle-corridor",
            "--trials",
            "200",
            "--threads",
            "1",
            "--scenarios",
            scenarios.toString(),
            "--data",
            Files.createDirectories(dir.resolve("none")).toString()),
        err::toString);

    String text = out;
    // name, engine, nodes, links, days, trials, seconds, trials/s, flows/s, cache, trials/cpu-s
    // trials/cpu-s is n/a when the process CPU clock did not advance (a very short local run)
    String rest =
        "\\s+15\\s+18\\s+90\\s+200\\s+[0-9.]+\\s+[0-9]+\\s+[0-9]+\\s+[0-9.]+%\\s+([0-9]+|n/a)$";
    assertTrue(Pattern.compile("(?m)^middle-corridor\\s+local" + rest).matcher(text).find(), text);
    assertTrue(
        Pattern.compile("(?m)^middle-corridor\\s+spark local\\[1\\]" + rest).matcher(text).find(),
        text);
    assertFalse(text.contains("btc-oil"), "--case keeps only the named case:\n" + text);
  }

  @Test
  void bench_peakMemory_reportsEachChildRunsMaxRss() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/status")), "VmHWM is Linux's");
    assertEquals(
        0,
        run(
            "bench",
            "--case",
            "none",
            "--peak-memory",
            "300",
            "--peak-memory-heap",
            "256m",
            "--peak-memory-scenario",
            "scenarios/middle-corridor.yaml",
            "--peak-memory-out",
            dir.resolve("kept").toString(),
            "--threads",
            "1"),
        err::toString);

    String text = out;
    assertTrue(text.contains("in a fresh JVM with -Xmx256m"), text);
    // engine, trials, exit code, wall s, cpu s, trials/s, max RSS MiB
    java.util.regex.Matcher rows =
        Pattern.compile("(?m)^local\\s+300\\s+0\\s+[0-9.]+\\s+[0-9.]+\\s+[0-9]+\\s+([0-9]+)$")
            .matcher(text);
    int found = 0;
    while (rows.find()) {
      found++;
      // a JVM that ran a study holds at least its heap's young generation and the loaded classes;
      // far less than 16 MiB would mean the figure is not the child's resident set
      long mib = Long.parseLong(rows.group(1));
      assertTrue(mib > 16 && mib < 4096, "max RSS " + mib + " MiB:\n" + text);
    }
    assertEquals(1, found, text);
    assertTrue(
        Files.readString(dir.resolve("kept/local-300/summary.json")).contains("\"trials\" : 300,"),
        "--peak-memory-out keeps the run's outputs");
  }

  @Test
  void bench_peakMemoryRunThatFails_exits1ShowingTheChildsMessage() throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: [unclosed\n");
    assertEquals(
        1,
        run(
            "bench",
            "--case",
            "none",
            "--peak-memory",
            "100",
            "--peak-memory-scenario",
            bad.toString(),
            "--threads",
            "1"),
        err::toString);
    // the child's exit code (2: bad input) in the table, then its own message
    assertTrue(Pattern.compile("(?m)^local\\s+100\\s+2\\s").matcher(out).find(), out::toString);
    assertTrue(out.contains("the run failed: " + bad), out::toString);
    assertTrue(err.contains("a --peak-memory run failed"), err::toString);
  }

  @Test
  void peakMemory_loggingNotices_areNotTheRunsMessage() {
    assertTrue(
        PeakMemory.isLoggingNotice(
            "SLF4J(I): Actual provider is of type [org.slf4j.nop.NOPServiceProvider@78d3030a]"));
    assertTrue(
        PeakMemory.isLoggingNotice("SLF4J(W): Class path contains multiple SLF4J providers."));
    assertTrue(PeakMemory.isLoggingNotice("SLF4J: Failed to load class"));
    assertFalse(PeakMemory.isLoggingNotice("/tmp/bad.yaml:2:1: YAML syntax error: ..."));
    assertFalse(PeakMemory.isLoggingNotice("SLF4J-free scenario.yaml:1:1: nodes: required"));
  }

  @Test
  void peakMemory_childFlags_keepModulesPropertiesAndCollectorOnly() {
    assertEquals(
        List.of(
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "-Dslf4j.provider=x",
            "-XX:+UseParallelGC",
            "-XX:MaxNewSize=128m",
            "-XX:+IgnoreUnrecognizedVMOptions"),
        PeakMemory.inheritedFlags(
            List.of(
                "-Xmx1g",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-javaagent:/x/jacoco.jar=destfile=y",
                "-Dslf4j.provider=x",
                "-XX:+UseParallelGC",
                "-XX:MaxNewSize=128m",
                "-XX:+UseTransparentHugePages",
                "-XX:SharedArchiveFile=a.jsa",
                "-XX:+IgnoreUnrecognizedVMOptions")));
  }

  @Test
  void bench_badEngineOrMasterOrCaseOrHeap_exits2() {
    assertEquals(2, run("bench", "--engine", "flink"));
    assertTrue(err.contains("--engine must be local or spark"), err::toString);
    assertEquals(2, run("bench", "--master", "local[2]"));
    assertTrue(err.contains("--master needs --engine spark"), err::toString);
    assertEquals(2, run("bench", "--case", "no-such-case", "--data", dir.toString()));
    assertTrue(err.contains("no benchmark case is named"), err::toString);
    assertEquals(2, run("bench", "--peak-memory", "1000", "--peak-memory-heap", "lots"));
    assertTrue(err.contains("--peak-memory-heap expects"), err::toString);
  }

  @Test
  void bench_unknownSharing_exits2() {
    assertEquals(2, run("bench", "--sharing", "proportional"));
    assertTrue(err.contains("--sharing must be fair or any"), err::toString);
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
    assertTrue(err.contains("never overwrites"), err::toString);
    assertEquals("mine", Files.readString(mine));
  }

  @Test
  void benchGrid_familyOut_checksEveryMemberBeforeRunningAny() throws Exception {
    // a clash with the last member used to stop bench only after the 15 others had run and
    // been written
    Path folder = Files.createDirectory(dir.resolve("family"));
    Path mine = folder.resolve(BindingGridFamily.fileName(BindingGridFamily.name(5, 0.20, 0.10)));
    Files.writeString(mine, "mine");
    assertEquals(
        2,
        run(
            "bench",
            "--suite",
            "grid",
            "--trials",
            "5",
            "--threads",
            "1",
            "--family-out",
            folder.toString()),
        err::toString);
    assertTrue(err.contains(mine + " exists; bench never overwrites"), err::toString);
    assertFalse(out.contains("grid cap"), out::toString);
    try (var files = Files.list(dir.resolve("family"))) {
      assertEquals(List.of(mine), files.toList());
    }
    assertEquals("mine", Files.readString(mine));
  }

  @Test
  void bench_familyOutWithoutTheGridSuite_exits2() throws Exception {
    // it was accepted and wrote nothing
    Path family = dir.resolve("family");
    assertEquals(
        2, run("bench", "--trials", "5", "--case", "none", "--family-out", family.toString()));
    assertTrue(err.contains("--family-out writes the members of --suite grid"), err::toString);
    assertFalse(Files.exists(family));
  }

  @Test
  void gridFamilyMember_isNamedAfterItsFile_andItsHeaderSaysWhichMemberItIs() throws Exception {
    // every member was named western-us-power-grid, so their runs shared out/western-us-power-grid
    BenchCommand.Case member = null;
    for (BenchCommand.Case c :
        BindingGridFamily.cases(Path.of("data"), new java.io.PrintWriter(System.err))) {
      if (c.name().equals(BindingGridFamily.name(2, 0.20, 0.10))) {
        member = c;
      }
    }
    assertTrue(member != null);
    Path file = dir.resolve("member.yaml");
    BindingGridFamily.write(member.file(), member.importOptions(), member.lineFlowMultiple(), file);
    String text = Files.readString(file);
    assertTrue(text.contains("\nname: grid-cap2x-src20-p10\n"), text.substring(0, 3000));
    assertTrue(
        text.contains("line capacity = 2 x the mean line flow of the undisturbed day"),
        text.substring(0, 3000));
    assertTrue(text.contains("988 sources (highest degree), line failure probability 0.1."));
    assertEquals(
        "grid-cap2x-src20-p10",
        org.corridorrisk.scenario.ScenarioLoader.load(file).baseline().name());
  }

  @Test
  void bench_unknownCaseBesideAKnownOne_exits2NamingIt() throws Exception {
    // 'gaslib-135' (printed as 'gaslib-135 (imported)') used to be skipped without a word
    assertEquals(
        2, run("bench", "--trials", "5", "--threads", "1", "--case", "middle-corridor,gaslib-135"));
    assertTrue(err.contains("--case: no benchmark case is named [gaslib-135]"), err::toString);
    assertTrue(err.contains("'gaslib-135 (imported)'"), err::toString);
    assertFalse(out.contains("middle-corridor "), out::toString);
  }

  @Test
  void bench_familyOutIsAFile_exits2SayingSo() throws Exception {
    // the message was only the file's name
    Path file = Files.writeString(dir.resolve("afile"), "mine");
    assertEquals(
        2,
        run(
            "bench",
            "--suite",
            "grid",
            "--trials",
            "5",
            "--case",
            BindingGridFamily.name(1, 0.05, 0.01),
            "--family-out",
            file.toString()));
    assertTrue(err.contains("--family-out " + file + " is a file, not a folder"), err::toString);
    assertEquals("mine", Files.readString(file));
  }

  @Test
  void bench_unknownSuite_exits2() {
    assertEquals(2, run("bench", "--suite", "huge"));
    assertTrue(err.contains("--suite must be quick, full or grid"), err::toString);
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
            Files.createDirectories(dir.resolve("none")).toString()));
    assertTrue(err.contains("no benchmark case found"), err::toString);
  }
}
