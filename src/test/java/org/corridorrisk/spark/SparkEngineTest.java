package org.corridorrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.corridorrisk.cli.Main;
import org.corridorrisk.sim.MonteCarlo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code run --engine spark --master local[2]} against the local engine on every example (and the
 * golden test scenarios): the summary.json files must be equal byte for byte except the {@code
 * engine} line (so every metric, by commodity and economy, bit for bit), and trials.csv byte for
 * byte.
 *
 * <p>One SparkContext serves all cases (started here; the engine joins it and leaves it running).
 * Tasks of 100 trials (the smallest, one batch) give each study several partitions, which two cores
 * finish out of order, so the ordered merge is exercised.
 */
class SparkEngineTest {
  private static JavaSparkContext sc;

  @TempDir static Path tmp;

  private static int badMasterExit;
  private static String badMasterErr;

  @BeforeAll
  static void startSpark() {
    QuietLogging.install();
    badMasterExit =
        exit(
            "run",
            "scenarios/btc-oil.yaml",
            "--trials",
            "100",
            "--out",
            tmp.resolve("bad-master").toString(),
            "--engine",
            "spark",
            "--master",
            "nowhere:7077");
    badMasterErr = lastErr;
    sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("corridor-risk test")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1")
                .set(SparkEngine.PARTITION_TRIALS, "100"));
  }

  @AfterAll
  static void stopSpark() {
    if (sc != null) {
      sc.stop();
    }
  }

  static Stream<String> examples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
      List<String> names =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".yaml"))
              .sorted()
              .toList();
      assertTrue(names.size() >= 4, "examples: " + names);
      return names.stream();
    }
  }

  /**
   * The examples and the two golden test scenarios (gas-winter: a start date, monthly and step
   * profiles, a rate profile, damage states; reroute-fair: fair sharing over an undirected detour),
   * whose features the examples do not all have.
   */
  static Stream<String> studies() throws IOException {
    return Stream.concat(
        examples().map(n -> "scenarios/" + n),
        Stream.of(
            "src/test/resources/golden/gas-winter.yaml",
            "src/test/resources/golden/reroute-fair.yaml"));
  }

  /** Trials per example: several partitions, a last partial batch, and a few seconds each. */
  private static final String TRIALS = "450";

  @ParameterizedTest
  @MethodSource("studies")
  void sparkSummaryEqualsLocalBitForBit(String study) throws IOException {
    Path file = Path.of(study);
    String example = file.getFileName().toString();
    Path local = tmp.resolve(example + "-local");
    Path spark = tmp.resolve(example + "-spark");
    run("run", file.toString(), "--trials", TRIALS, "--seed", "11", "--out", local.toString());
    run(
        "run",
        file.toString(),
        "--trials",
        TRIALS,
        "--seed",
        "11",
        "--out",
        spark.toString(),
        "--engine",
        "spark",
        "--master",
        "local[2]");
    String localJson = Files.readString(local.resolve("summary.json"), StandardCharsets.UTF_8);
    String sparkJson = Files.readString(spark.resolve("summary.json"), StandardCharsets.UTF_8);
    assertTrue(localJson.contains("\"engine\" : \"local\""), localJson);
    assertTrue(sparkJson.contains("\"engine\" : \"spark\""), sparkJson);
    assertTrue(localJson.contains("\"by_commodity\""), localJson);
    assertEquals(
        localJson.replace("\"engine\" : \"local\"", "\"engine\" : \"?\""),
        sparkJson.replace("\"engine\" : \"spark\"", "\"engine\" : \"?\""));
    assertEquals(
        Files.readString(local.resolve("trials.csv")),
        Files.readString(spark.resolve("trials.csv")),
        "trials.csv");
  }

  /**
   * Stages: with --target-ci the study runs rounds of 1,000 trials and checks after each, so rounds
   * start mid-way in the merge tree (batch 10, 20, ...); tasks of 400 trials then need aligned
   * pieces. A target of 0.3 on btc-oil stops after a few rounds; the cap of 4,950 trials ends with
   * a partial batch. Also a fixed run of 1,050 trials with tasks of 400.
   */
  @ParameterizedTest
  @ValueSource(strings = {"--target-ci=0.3", "--target-ci=0.0001", "--fixed"})
  void stagesAndTaskSizesKeepTheMergeOrder(String mode) throws IOException {
    Path file = Path.of("scenarios", "btc-oil.yaml");
    String trials = mode.equals("--fixed") ? "1050" : "4950";
    List<String> common =
        new ArrayList<>(List.of("run", file.toString(), "--trials", trials, "--seed", "5"));
    if (!mode.equals("--fixed")) {
      common.add(mode);
    }
    Path local = tmp.resolve("stages-local" + mode);
    Path spark = tmp.resolve("stages-spark" + mode);
    List<String> l = new ArrayList<>(common);
    l.addAll(List.of("--out", local.toString()));
    List<String> k = new ArrayList<>(common);
    k.addAll(List.of("--out", spark.toString(), "--engine", "spark"));
    run(l.toArray(String[]::new));
    sc.setLocalProperty(SparkEngine.PARTITION_TRIALS, "400");
    try {
      run(k.toArray(String[]::new));
    } finally {
      sc.setLocalProperty(SparkEngine.PARTITION_TRIALS, null);
    }
    String localJson = Files.readString(local.resolve("summary.json"));
    String sparkJson = Files.readString(spark.resolve("summary.json"));
    assertEquals(
        localJson.replace("\"engine\" : \"local\"", "\"engine\" : \"?\""),
        sparkJson.replace("\"engine\" : \"spark\"", "\"engine\" : \"?\""));
    assertEquals(
        Files.readString(local.resolve("trials.csv")),
        Files.readString(spark.resolve("trials.csv")));
  }

  /**
   * {@code compare --engine spark}: the baseline, each mitigation and a portfolio run as Spark jobs
   * whose tasks apply the variant's patches to the shipped file; compare.json equals the local one
   * (the engine aside), with tasks of 200 trials so every run has several. With a CI target the
   * baseline stops early in stages and the variants follow its trial count.
   */
  @ParameterizedTest
  @ValueSource(strings = {"--fixed", "--target-ci=0.3"})
  void compareOnSparkEqualsLocal(String mode) throws IOException {
    List<String> common =
        new ArrayList<>(
            List.of(
                "compare",
                "scenarios/btc-oil.yaml",
                "--trials",
                mode.equals("--fixed") ? "650" : "4950",
                "--seed",
                "7",
                "--mitigations",
                "fast-leak-detection,river-crossing-patrols",
                "--portfolio",
                "river-crossing-patrols+spare-parts-and-repair-crews",
                "--quiet"));
    if (!mode.equals("--fixed")) {
      common.add(mode);
    }
    Path local = tmp.resolve("compare-local" + mode);
    Path spark = tmp.resolve("compare-spark" + mode);
    List<String> l = new ArrayList<>(common);
    l.addAll(List.of("--out", local.toString()));
    List<String> k = new ArrayList<>(common);
    k.addAll(List.of("--out", spark.toString(), "--engine", "spark"));
    run(l.toArray(String[]::new));
    sc.setLocalProperty(SparkEngine.PARTITION_TRIALS, "200");
    try {
      run(k.toArray(String[]::new));
    } finally {
      sc.setLocalProperty(SparkEngine.PARTITION_TRIALS, null);
    }
    String localJson = Files.readString(local.resolve("compare.json"), StandardCharsets.UTF_8);
    String sparkJson = Files.readString(spark.resolve("compare.json"), StandardCharsets.UTF_8);
    assertTrue(localJson.contains("\"engine\" : \"local\""), localJson);
    assertTrue(sparkJson.contains("\"engine\" : \"spark\""), sparkJson);
    assertTrue(localJson.contains("river-crossing-patrols+spare-parts-and-repair-crews"));
    assertEquals(
        localJson.replace("\"engine\" : \"local\"", "\"engine\" : \"?\""),
        sparkJson.replace("\"engine\" : \"spark\"", "\"engine\" : \"?\""));
  }

  @Test
  void partitionTrialsSetting_mustBeAWholeNumberOfTrialsAtLeast1() {
    assertEquals(4096, SparkEngine.partitionTrials(" 4096 "));
    for (String bad : new String[] {"abc", "0", "-5", "1.5", ""}) {
      org.corridorrisk.sim.EngineSetupException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              org.corridorrisk.sim.EngineSetupException.class,
              () -> SparkEngine.partitionTrials(bad));
      assertTrue(e.getMessage().contains("spark.corridorrisk.partitionTrials"), e.getMessage());
    }
  }

  @Test
  void compareTakesEngineAndMasterAsRunDoes() {
    String file = "scenarios/btc-oil.yaml";
    String out = tmp.resolve("compare-bad").toString();
    assertEquals(2, exit("compare", file, "--out", out, "--engine", "hadoop"));
    assertTrue(lastErr.contains("--engine must be local or spark"), lastErr);
    assertEquals(2, exit("compare", file, "--out", out, "--master", "local[2]"));
    assertTrue(lastErr.contains("--master needs --engine spark"), lastErr);
  }

  @Test
  void economyAndEverySectorAreCompared() throws IOException {
    // at least one example carries an economy, so the sector means are part of the comparison
    boolean anyEconomy = false;
    for (String example : examples().toList()) {
      anyEconomy |= Files.readString(Path.of("scenarios", example)).contains("\neconomy:");
    }
    assertTrue(anyEconomy, "no example has an economy");
  }

  @Test
  void splitCutsAlignedPiecesForTheMergeTree() {
    // 300 trials per task round up to 100 x 2^2 = 400: [0,400) [400,800) [800,1050)
    List<long[]> r = SparkEngine.split(0, 1050, 300);
    assertEquals(3, r.size());
    assertEquals(800, r.get(2)[0]);
    assertEquals(1050, r.get(2)[1]);
    // a stage starting at 1,000 trials = batch 10 = 0b1010: pieces of 2 batches (10..11), then
    // 4 (12..15), then 4 (16..19): [1000,1200) [1200,1600) [1600,2000)
    List<long[]> s = SparkEngine.split(1000, 2000, 400);
    assertEquals(3, s.size());
    assertEquals(1200, s.get(0)[1]);
    assertEquals(1600, s.get(1)[1]);
    assertEquals(2000, s.get(2)[1]);
    // every piece starts at a multiple of its own (power of two) batch count
    for (long[] piece : SparkEngine.split(1300, 1_000_000, 51_200)) {
      long batches = (piece[1] - piece[0] + 99) / 100;
      long aligned = Long.highestOneBit(batches);
      assertEquals(0, (piece[0] / 100) % aligned, () -> piece[0] + ".." + piece[1]);
    }
    // 10^6 trials on 8 cores, 4 tasks per core: ceil(10^6 / 32) = 31,250 -> 100 x 2^9 = 51,200
    assertEquals(51_200, SparkEngine.defaultPartitionTrials(1_000_000, 8));
    // capped at 1,024 batches for huge runs
    assertEquals(102_400, SparkEngine.defaultPartitionTrials(1_000_000_000_000L, 2));
  }

  @Test
  void badEngineOrMasterIsUserInput() {
    Path file = Path.of("scenarios", "btc-oil.yaml");
    String out = tmp.resolve("bad").toString();
    assertEquals(2, exit("run", file.toString(), "--out", out, "--engine", "hadoop"));
    assertTrue(lastErr.contains("--engine must be local or spark"), lastErr);
    assertEquals(2, exit("run", file.toString(), "--out", out, "--master", "local[2]"));
    assertTrue(lastErr.contains("--master needs --engine spark"), lastErr);
  }

  @Test
  void unusableMasterIsUserInput() {
    // run in startSpark() before the shared context existed (with one, Spark ignores --master)
    assertEquals(2, badMasterExit, badMasterErr);
    assertTrue(badMasterErr.contains("--master: Spark cannot use 'nowhere:7077'"), badMasterErr);
  }

  /**
   * Ctrl-C (or any stop) while a job runs: the sink declines the first result, the engine cancels
   * the job and returns with what was handed on. Spark reports the cancellation as a checked
   * SparkException ("Job 0 cancelled part of cancelled job group"), which once escaped the engine's
   * handler and made the interrupted study an internal error (exit 1, no outputs).
   */
  @Test
  void aStopWhileAJobRuns_endsTheJobAndKeepsWhatWasHandedOn() throws Exception {
    byte[] bytes = Files.readAllBytes(Path.of("scenarios", "btc-oil.yaml"));
    List<MonteCarlo.Partition> got = new ArrayList<>();
    try (SparkEngine engine = SparkEngine.open(null, "stop test", "btc-oil.yaml", bytes)) {
      engine.run(
          new MonteCarlo.PartitionRequest(3, 200_000, false, 0, 200_000),
          p -> {
            got.add(p);
            return false;
          },
          () -> false);
    }
    assertEquals(1, got.size());
    assertEquals(0, got.get(0).from());
    assertEquals(100, got.get(0).to());
  }

  /**
   * {@code ./corridor-risk run ... --engine spark --master spark://host:7077} ships the application
   * jar to the executors; before, every task failed with ClassNotFoundException on a real cluster.
   */
  @Test
  void aClusterMasterGetsTheApplicationJar_localAndSparkSubmitsOwnAreKept() throws Exception {
    Path jar = Files.createFile(tmp.resolve("corridor-risk.jar"));
    java.security.CodeSource fromJar =
        new java.security.CodeSource(jar.toUri().toURL(), (java.security.cert.Certificate[]) null);
    SparkConf cluster = new SparkConf(false).setMaster("spark://host:7077");
    SparkEngine.shipApplicationJar(cluster, fromJar);
    assertEquals(jar.toString(), cluster.get("spark.jars"));

    SparkConf local = new SparkConf(false).setMaster("local[2]");
    SparkEngine.shipApplicationJar(local, fromJar);
    assertTrue(!local.contains("spark.jars"));

    SparkConf submitted =
        new SparkConf(false).setMaster("spark://host:7077").set("spark.jars", "/apps/theirs.jar");
    SparkEngine.shipApplicationJar(submitted, fromJar);
    assertEquals("/apps/theirs.jar", submitted.get("spark.jars"));

    SparkConf fromClasses = new SparkConf(false).setMaster("spark://host:7077");
    SparkEngine.shipApplicationJar(
        fromClasses,
        new java.security.CodeSource(tmp.toUri().toURL(), (java.security.cert.Certificate[]) null));
    assertTrue(!fromClasses.contains("spark.jars"));
  }

  private static final CountDownLatch BLOCKERS_STARTED = new CountDownLatch(2);
  private static final CountDownLatch RELEASE_BLOCKERS = new CountDownLatch(1);

  /**
   * Ctrl-C while the job has no running task (on a cluster: executors that never start, "Initial
   * job has not accepted any resources"): the engine cancels the job and returns at once, with
   * nothing handed on. It used to wait for the first result in trial order, which on such a cluster
   * never came: the first Ctrl-C did nothing. Here both cores of the test's context are held by
   * another job, so the study's tasks cannot start (that job lets go after a minute, after which
   * the old engine handed on one partition).
   */
  @Test
  void aStopWhileNoTaskRuns_endsTheJobWithoutWaitingForOne() throws Exception {
    Thread blockers =
        new Thread(
            () ->
                sc.parallelize(List.of(1, 2), 2)
                    .foreach(
                        x -> {
                          BLOCKERS_STARTED.countDown();
                          RELEASE_BLOCKERS.await(60, TimeUnit.SECONDS);
                        }),
            "blocking job");
    blockers.start();
    try {
      assertTrue(BLOCKERS_STARTED.await(5, TimeUnit.MINUTES), "the blocking tasks run");
      byte[] bytes = Files.readAllBytes(Path.of("scenarios", "btc-oil.yaml"));
      List<MonteCarlo.Partition> got = new ArrayList<>();
      try (SparkEngine engine = SparkEngine.open(null, "stop test", "btc-oil.yaml", bytes)) {
        engine.run(
            new MonteCarlo.PartitionRequest(3, 1000, false, 0, 1000),
            p -> {
              got.add(p);
              return false; // stopped: as the study's sink once Ctrl-C came
            },
            () -> true);
      }
      assertEquals(0, got.size(), "partitions handed on");
    } finally {
      RELEASE_BLOCKERS.countDown();
      blockers.join();
    }
  }

  private static String lastErr = "";

  private static int exit(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    lastErr = err.toString();
    return code;
  }

  private static void run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out), new PrintWriter(err));
    assertEquals(0, code, () -> String.join(" ", args) + "\n" + err + out);
  }
}
