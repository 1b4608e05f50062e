package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ImportedScenario;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench}: a built-in suite (the example scenarios, GasLib-135 and the Western US power grid
 * imported from the bundled data/ folder) run with the real engine; prints per case trials per
 * second, flows solved per second and the flow-cache hit rate, and the machine. See
 * docs/performance.md.
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li>Each case runs a short unreported warm-up (a fifth of the trials, at most 2,000) before the
 *       timed run, so the figures describe a JIT-compiled engine; {@code run} from the command line
 *       pays JIT warm-up and parsing too, which docs/performance.md measures separately.
 *   <li>{@code --engine spark} adds, under each case's local row, a row for the same study on Spark
 *       (default master {@code local[T]}): one SparkContext serves every case (the first case's
 *       engine starts it, the others join it) and Spark's start-up is outside the timing, as on a
 *       long-running cluster. Spark is loaded by reflection ({@link Engines}); the launcher puts it
 *       on the class path whenever {@code --engine spark} appears.
 *   <li>{@code --peak-memory N,...} measures peak memory the only way that isolates one study: each
 *       measurement is a fresh child JVM ({@link PeakMemory}) running {@code run FILE --trials N
 *       --no-trials-csv} with the given heap, which reports its own peak resident set size (the
 *       kernel's {@code VmHWM}, what {@code /usr/bin/time -v} prints as maximum resident set size)
 *       and CPU time when the study is done. The parent's own RSS would mix every case and JIT
 *       warm-up.
 * </ul>
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the built-in benchmark suite and prints trials per second on this machine.",
      "The suite: the example scenarios, GasLib-135 and the Western US power grid",
      "(imported from the bundled data/ folder); prints trials/s, flows solved/s, cache",
      "hit rate and the machine."
    })
final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--trials",
      paramLabel = "N",
      description = "Trials per case (default: 2000 for --suite quick, 20000 for full).")
  Integer trials;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(
      names = "--suite",
      paramLabel = "SUITE",
      defaultValue = "quick",
      description =
          "quick | full | grid (default quick). grid: the binding-capacity family of the Western US"
              + " power grid (line capacity 0.5x..5x the mean undisturbed line flow, sources at the"
              + " top 5%% or 20%% of nodes by degree, failure probability 1%% or 10%%).")
  String suite;

  @Option(
      names = "--family-out",
      paramLabel = "DIR",
      description =
          "With --suite grid: also write each member's scenario to DIR (for end-to-end runs).")
  Path familyOut;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default 1).")
  long seed;

  @Option(
      names = "--scenarios",
      paramLabel = "DIR",
      description = "Folder of example scenarios (default: scenarios/ of the project).")
  Path scenariosDir;

  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Folder of the public data sets (default: data/ of the project).")
  Path dataDir;

  @Option(
      names = "--sharing",
      paramLabel = "RULE",
      description = "fair | any: run every case with this sharing rule (default: each file's own).")
  String sharing;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "local",
      description =
          "local (default), or spark: every case (and --peak-memory run) also on Apache Spark,"
              + " a row next to the local one.")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description = "With --engine spark: the Spark master (default: local[T], T = --threads).")
  String master;

  @Option(
      names = "--case",
      paramLabel = "NAME",
      split = ",",
      description =
          "Run only these cases (names as printed, e.g. southern-gas-corridor; repeatable or"
              + " comma-separated). 'none' skips the suite (e.g. with --peak-memory).")
  List<String> only;

  @Option(
      names = "--peak-memory",
      paramLabel = "TRIALS",
      split = ",",
      description =
          "Also measure peak memory (max RSS) of `run FILE --trials N --no-trials-csv` in a fresh"
              + " JVM for each N (e.g. 1000000,10000000), on each engine.")
  List<Long> peakMemoryTrials;

  @Option(
      names = "--peak-memory-heap",
      paramLabel = "SIZE",
      defaultValue = "512m",
      description = "Maximum heap (-Xmx) of the --peak-memory runs (default 512m).")
  String peakMemoryHeap;

  @Option(
      names = "--peak-memory-scenario",
      paramLabel = "FILE",
      description =
          "Scenario of the --peak-memory runs (default: southern-gas-corridor.yaml in the"
              + " scenarios folder).")
  Path peakMemoryScenario;

  @Option(
      names = "--peak-memory-out",
      paramLabel = "DIR",
      description =
          "Keep each --peak-memory run's outputs in DIR/ENGINE-TRIALS (e.g. to diff the"
              + " summary.json of the two engines; default: a temporary folder, deleted).")
  Path peakMemoryOut;

  /**
   * One benchmark case: a name and how to obtain its scenario; {@code lineFlowMultiple > 0} marks a
   * member of the binding-capacity family (capacity = that multiple of the mean undisturbed line
   * flow).
   */
  record Case(
      String name,
      Path file,
      boolean imported,
      ImportOptions importOptions,
      double lineFlowMultiple) {
    Case(String name, Path file, boolean imported, ImportOptions importOptions) {
      this(name, file, imported, importOptions, 0);
    }
  }

  /** A folder the user named must exist (a silent skip would bench fewer cases than asked). */
  private static void requireFolder(Path dir, String option) {
    if (dir == null || Files.isDirectory(dir)) {
      return;
    }
    throw new UserInputException(
        option
            + " "
            + dir
            + (Files.exists(dir) ? ": is a file, not a folder" : ": no such folder"));
  }

  @Override
  public Integer call() throws Exception {
    String which = suite.toLowerCase(Locale.ROOT);
    boolean full =
        switch (which) {
          case "quick", "grid" -> false;
          case "full" -> true;
          default ->
              throw new UserInputException(
                  "--suite must be quick, full or grid, was '" + suite + "'");
        };
    boolean grid = which.equals("grid");
    int n = trials != null ? trials : full ? 20_000 : 2_000;
    if (n < 1) {
      throw new UserInputException("--trials must be >= 1, was " + n);
    }
    Sharing rule = sharing == null ? null : Sharing.fromFileName(sharing);
    if (sharing != null && rule == null) {
      throw new UserInputException("--sharing must be fair or any, was '" + sharing + "'");
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (t < 1) {
      throw new UserInputException("--threads must be >= 1, was " + t);
    }
    boolean spark = Engines.SPARK.equals(engine);
    if (!spark && !Engines.LOCAL.equals(engine)) {
      throw new UserInputException("--engine must be local or spark, was '" + engine + "'");
    }
    if (master != null && !spark) {
      throw new UserInputException("--master needs --engine spark");
    }
    if (spark && !Engines.sparkAvailable()) {
      throw new UserInputException(
          "bench --engine spark needs Apache Spark on the class path: run it through the"
              + " ./corridor-risk launcher, which adds Spark (docs/scale-out.md)");
    }
    if (spark && rule != null) {
      // Spark tasks rebuild each scenario from its file's bytes, which name the file's own rule
      throw new UserInputException(
          "--sharing cannot be combined with --engine spark (Spark tasks read each scenario's own"
              + " sharing rule from its file)");
    }
    requireFolder(scenariosDir, "--scenarios");
    requireFolder(dataDir, "--data");
    String sparkMaster = master != null ? master : "local[" + t + "]";
    List<Long> memoryTrials = peakMemoryTrials == null ? List.of() : peakMemoryTrials;
    for (long m : memoryTrials) {
      if (m < 1) {
        throw new UserInputException("--peak-memory trial counts must be >= 1 but got " + m);
      }
    }
    if (!peakMemoryHeap.matches("[0-9]+[kKmMgG]?")) {
      throw new UserInputException(
          "--peak-memory-heap expects a Java heap size such as 512m or 1g but got '"
              + peakMemoryHeap
              + "'");
    }
    boolean suiteWanted = only == null || !(only.size() == 1 && "none".equals(only.get(0)));
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Case> cases =
        suiteWanted
            ? selected(grid ? BindingGridFamily.cases(dataPath(), err) : cases(err))
            : List.of();
    Path memoryFile = memoryTrials.isEmpty() ? null : memoryScenario();
    if (suiteWanted && cases.isEmpty()) {
      throw new UserInputException(
          only == null
              ? "no benchmark case found: give --scenarios DIR and/or --data DIR"
              : "no benchmark case is named " + only + " (see the names bench prints)");
    }
    refuseExistingFamilyFiles(cases);
    out.println(machine());
    if (suiteWanted) {
      suite(out, cases, full, n, t, rule, spark, sparkMaster);
    }
    if (memoryFile != null && !peakMemory(out, memoryFile, memoryTrials, t, spark, sparkMaster)) {
      err.println("corridor-risk: bench: a --peak-memory run failed (its last line is above)");
      return Failures.INTERNAL;
    }
    return Failures.OK;
  }

  /**
   * {@code --family-out} is for the grid suite's members, and never replaces a file: every member's
   * file is checked before the first case runs, so that a clash with the last member does not end
   * the command after the others have run and been written.
   */
  private void refuseExistingFamilyFiles(List<Case> cases) {
    if (familyOut == null) {
      return;
    }
    if (Files.exists(familyOut) && !Files.isDirectory(familyOut)) {
      throw new UserInputException(
          "--family-out " + familyOut + " is a file, not a folder; give a folder for the members");
    }
    if (!"grid".equalsIgnoreCase(suite)) {
      throw new UserInputException(
          "--family-out writes the members of --suite grid; add --suite grid (the "
              + suite.toLowerCase(Locale.ROOT)
              + " suite has no members to write)");
    }
    for (Case c : cases) {
      Path target = familyOut.resolve(BindingGridFamily.fileName(c.name()));
      if (Files.exists(target)) {
        throw new UserInputException(
            target
                + " exists; bench never overwrites a file: remove it or choose another"
                + " --family-out folder");
      }
    }
  }

  /** The rates table: one row per case (two with Spark). */
  private void suite(
      PrintWriter out,
      List<Case> cases,
      boolean full,
      int n,
      int t,
      Sharing rule,
      boolean spark,
      String sparkMaster)
      throws IOException, ScenarioException {
    out.printf(
        Locale.ROOT,
        "suite %s: %d %s per case, %d %s, seed %d, warm-up %d %s per case%s%n",
        suite.toLowerCase(Locale.ROOT),
        n,
        NumberText.plural(n, "trial"),
        t,
        NumberText.plural(t, "thread"),
        seed,
        warmupTrials(n),
        NumberText.plural(warmupTrials(n), "trial"),
        rule == null ? "" : ", sharing " + rule.fileName());
    out.printf(
        Locale.ROOT,
        "%-28s%s %6s %6s %4s %8s %8s %10s %12s %8s %12s%n",
        "case",
        spark ? String.format(Locale.ROOT, " %-16s", "engine") : "",
        "nodes",
        "links",
        "days",
        "trials",
        "seconds",
        "trials/s",
        "flows/s",
        "cache",
        "trials/cpu-s");
    Path tmp = Files.createTempDirectory("corridor-risk-bench");
    // Spark engines, closed last-opened first: the first one started the SparkContext that the
    // later ones join, and stops it when closed
    List<MonteCarlo.RangeEngine> engines = new ArrayList<>();
    try {
      for (Case c : cases) {
        Path file = scenarioFile(c, tmp);
        if (familyOut != null && c.lineFlowMultiple() > 0) {
          Files.createDirectories(familyOut);
          Path target = familyOut.resolve(BindingGridFamily.fileName(c.name()));
          if (Files.exists(target)) {
            throw new UserInputException(
                target
                    + " exists; bench never overwrites a file: remove it or choose another"
                    + " --family-out folder");
          }
          Files.copy(file, target);
        }
        LoadedScenario loaded = ScenarioLoader.load(file);
        Scenario scenario = loaded.baseline();
        if (rule != null) {
          scenario = scenario.withSharing(rule);
        }
        MonteCarlo.RangeEngine sparkEngine = null;
        if (spark) {
          sparkEngine = Engines.openSpark(sparkMaster, c.name(), file, loaded.contents());
          engines.add(sparkEngine);
        }
        // warm-ups first, on both engines (they share the JIT-compiled trial code), so that the
        // first timed row does not pay compilation the second one is spared
        study(scenario, RunOptions.of(warmupTrials(n), seed + 1, t), null);
        if (sparkEngine != null) {
          study(scenario, RunOptions.of(warmupTrials(n), seed + 1, t), sparkEngine);
        }
        row(out, c, scenario, n, t, null, spark ? Engines.LOCAL : null);
        if (sparkEngine != null) {
          row(out, c, scenario, n, t, sparkEngine, Engines.SPARK + " " + sparkMaster);
        }
      }
    } finally {
      for (int i = engines.size() - 1; i >= 0; i--) {
        Engines.close(engines.get(i));
      }
      try (Stream<Path> files = Files.list(tmp)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(tmp);
    }
    out.println(
        "flows/s: daily max-flow solves per second (cache hits not counted);"
            + " cache: share of daily flow look-ups answered by the memo of repeated failure states;"
            + " trials/cpu-s: trials per second of process CPU time (all threads), steadier than"
            + " trials/s on a loaded machine.");
    if (spark) {
      out.println(
          "spark rows: the same study as Spark tasks (trial ranges) after a warm-up job on a"
              + " running SparkContext (its start-up not counted); flows/s, cache and"
              + " trials/cpu-s count all work in this JVM (with a local master, the executors'"
              + " too).");
    }
    out.flush();
  }

  /** Times one study of {@code n} trials (after the case's warm-ups) and prints its row. */
  private void row(
      PrintWriter out,
      Case c,
      Scenario scenario,
      int n,
      int t,
      MonteCarlo.RangeEngine rangeEngine,
      String engineLabel) {
    EngineCounters.Snapshot before = EngineCounters.snapshot();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    StudyResult result = study(scenario, RunOptions.of(n, seed, t), rangeEngine);
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    EngineCounters.Snapshot delta = EngineCounters.snapshot().minus(before);
    out.printf(
        Locale.ROOT,
        "%-28s%s %6d %6d %4d %8d %8.2f %10.0f %12s %8s %12s%n",
        c.name(),
        engineLabel == null ? "" : String.format(Locale.ROOT, " %-16s", engineLabel),
        scenario.nodes().size(),
        scenario.links().size(),
        scenario.horizonDays(),
        result.trials(),
        seconds,
        result.trials() / seconds,
        delta.available()
            ? String.format(Locale.ROOT, "%.0f", delta.flowsSolved() / seconds)
            : "n/a",
        delta.available() && delta.lookups() > 0
            ? String.format(Locale.ROOT, "%.1f%%", 100.0 * delta.cacheHits() / delta.lookups())
            : "n/a",
        cpuSeconds > 0 ? String.format(Locale.ROOT, "%.0f", result.trials() / cpuSeconds) : "n/a");
    out.flush();
  }

  private static StudyResult study(
      Scenario scenario, RunOptions options, MonteCarlo.RangeEngine rangeEngine) {
    return rangeEngine == null
        ? MonteCarlo.run(scenario, options)
        : MonteCarlo.run(scenario, options, rangeEngine);
  }

  static int warmupTrials(int trials) {
    return Math.max(1, Math.min(2_000, trials / 5));
  }

  /**
   * CPU time of the whole process so far (all threads, JIT and GC included), or 0 when the JVM does
   * not report it. On a shared, loaded machine trials per CPU second vary far less than trials per
   * wall-clock second.
   */
  static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return Math.max(0, os.getProcessCpuTime());
    }
    return 0;
  }

  /**
   * Cores (with the CPU's model name where the system says it), the load average when the bench
   * starts, JVM and heap of this machine: what a reader needs to compare figures taken on shared or
   * different machines.
   */
  static String machine() {
    Runtime rt = Runtime.getRuntime();
    String cpu = cpuModel();
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    return String.format(
            Locale.ROOT,
            "machine: %d cores%s%s, %s %s (%s), max heap %d MiB, %s %s, corridor-risk %s",
            rt.availableProcessors(),
            cpu == null ? "" : " (" + cpu + ")",
            load < 0 ? "" : String.format(Locale.ROOT, ", load average %.2f", load),
            System.getProperty("java.vm.name"),
            System.getProperty("java.runtime.version"),
            System.getProperty("java.vm.vendor"),
            rt.maxMemory() >> 20,
            System.getProperty("os.name"),
            System.getProperty("os.arch"),
            Main.version())
        + String.format(
            Locale.ROOT, ", JVM args %s", ManagementFactory.getRuntimeMXBean().getInputArguments());
  }

  /** The first "model name" of /proc/cpuinfo (Linux), else null. */
  static String cpuModel() {
    Path info = Path.of("/proc/cpuinfo");
    if (!Files.isReadable(info)) {
      return null;
    }
    try (Stream<String> lines = Files.lines(info)) {
      return lines
          .filter(l -> l.startsWith("model name"))
          .map(l -> l.substring(l.indexOf(':') + 1).strip())
          .filter(m -> !m.isEmpty())
          .findFirst()
          .orElse(null);
    } catch (IOException | UncheckedIOException e) {
      return null;
    }
  }

  private List<Case> cases(PrintWriter err) throws IOException {
    List<Case> cases = new ArrayList<>();
    Path scenarios = scenariosDir != null ? scenariosDir : projectPath("scenarios");
    if (scenarios != null && Files.isDirectory(scenarios)) {
      try (Stream<Path> files = Files.list(scenarios)) {
        files
            .filter(p -> p.getFileName().toString().endsWith(".yaml"))
            .sorted()
            .forEach(p -> cases.add(new Case(stripExtension(p), p, false, null)));
      }
    } else {
      err.println(
          "corridor-risk: bench: no scenarios folder found (use --scenarios DIR); examples skipped");
    }
    Path data = dataPath();
    if (data != null && Files.isDirectory(data)) {
      Path gaslib = data.resolve("gaslib/GasLib-135.zip");
      if (Files.isRegularFile(gaslib)) {
        cases.add(new Case("gaslib-135 (imported)", gaslib, true, ImportOptions.defaults()));
      }
      Path grid = data.resolve("power-grid/western-us-power-grid.mtx");
      if (Files.isRegularFile(grid)) {
        cases.add(new Case("us-power-grid (imported)", grid, true, ImportOptions.defaults()));
      }
    } else {
      err.println(
          "corridor-risk: bench: no data folder found (use --data DIR); imported networks skipped");
    }
    return cases;
  }

  private Path dataPath() {
    return dataDir != null ? dataDir : projectPath("data");
  }

  /** The binding-capacity family as cases (see {@link BindingGridFamily}). */
  static Case familyCase(String name, Path file, ImportOptions options, double lineFlowMultiple) {
    return new Case(name, file, true, options, lineFlowMultiple);
  }

  /** The case's scenario file (an imported network is written to {@code tmp} first). */
  private static Path scenarioFile(Case c, Path tmp) throws IOException, ScenarioException {
    Path file = c.file();
    if (c.lineFlowMultiple() > 0) {
      file = tmp.resolve(BindingGridFamily.fileName(c.name()));
      BindingGridFamily.write(c.file(), c.importOptions(), c.lineFlowMultiple(), file);
    } else if (c.imported()) {
      ImportedScenario imported = ScenarioImporter.importFile(c.file(), null, c.importOptions());
      file = tmp.resolve(stripExtension(c.file()) + ".yaml");
      imported.write(file, true);
    }
    return file;
  }

  /** The cases named by {@code --case} (all without it), in suite order. */
  private List<Case> selected(List<Case> all) {
    if (only == null) {
      return all;
    }
    List<Case> chosen = new ArrayList<>();
    for (Case c : all) {
      if (only.contains(c.name())) {
        chosen.add(c);
      }
    }
    List<String> unknown = new ArrayList<>();
    for (String name : only) {
      if (!"none".equals(name) && all.stream().noneMatch(c -> c.name().equals(name))) {
        unknown.add(name);
      }
    }
    if (!chosen.isEmpty() && !unknown.isEmpty()) {
      // one name among known ones used to be skipped without a word
      throw new UserInputException(
          "--case: no benchmark case is named "
              + unknown
              + "; the cases are "
              + all.stream().map(c -> "'" + c.name() + "'").toList());
    }
    return chosen;
  }

  /** The scenario of the --peak-memory runs. */
  private Path memoryScenario() {
    Path file = peakMemoryScenario;
    if (file == null) {
      Path scenarios = scenariosDir != null ? scenariosDir : projectPath("scenarios");
      file = scenarios == null ? null : scenarios.resolve("southern-gas-corridor.yaml");
    }
    if (file == null || !Files.isRegularFile(file)) {
      throw new UserInputException(
          "--peak-memory: no scenario file "
              + (file == null ? "southern-gas-corridor.yaml" : file.toString())
              + " (give --peak-memory-scenario FILE)");
    }
    return file;
  }

  /**
   * The peak-memory table: for each trial count (and engine), a fresh JVM runs the study and
   * reports its peak RSS ({@link PeakMemory}). Returns whether every run succeeded.
   */
  private boolean peakMemory(
      PrintWriter out, Path file, List<Long> counts, int t, boolean spark, String sparkMaster)
      throws IOException, InterruptedException {
    out.printf(
        Locale.ROOT,
        "peak memory: `run %s --trials N --no-trials-csv --quiet --seed %d` in a fresh JVM with"
            + " -Xmx%s each%n",
        file,
        seed,
        peakMemoryHeap);
    out.printf(
        Locale.ROOT,
        "%-16s %12s %6s %9s %9s %12s %12s%n",
        "engine",
        "trials",
        "exit",
        "wall s",
        "cpu s",
        "trials/s",
        "max RSS MiB");
    boolean allOk = true;
    Path tmp =
        peakMemoryOut != null
            ? Files.createDirectories(peakMemoryOut)
            : Files.createTempDirectory("corridor-risk-bench-memory");
    try {
      for (long trialCount : counts) {
        for (String e : spark ? List.of(Engines.LOCAL, Engines.SPARK) : List.of(Engines.LOCAL)) {
          List<String> args = new ArrayList<>();
          args.add("run");
          args.add(file.toString());
          args.add("--trials");
          args.add(Long.toString(trialCount));
          args.add("--seed");
          args.add(Long.toString(seed));
          args.add("--no-trials-csv");
          args.add("--quiet");
          args.add("--out");
          args.add(tmp.resolve(e + "-" + trialCount).toAbsolutePath().toString());
          if (Engines.SPARK.equals(e)) {
            args.add("--engine");
            args.add(Engines.SPARK);
            args.add("--master");
            args.add(sparkMaster);
          } else {
            args.add("--threads");
            args.add(Integer.toString(t));
          }
          long start = System.nanoTime();
          PeakMemory.Measurement m = PeakMemory.measure(peakMemoryHeap, args);
          double seconds = (System.nanoTime() - start) / 1e9;
          out.printf(
              Locale.ROOT,
              "%-16s %12d %6d %9.1f %9s %12.0f %12s%n",
              Engines.SPARK.equals(e) ? e + " " + sparkMaster : e,
              trialCount,
              m.exitCode(),
              seconds,
              m.cpuNanos() > 0 ? String.format(Locale.ROOT, "%.1f", m.cpuNanos() / 1e9) : "n/a",
              trialCount / seconds,
              m.peakRssKb() > 0
                  ? String.format(Locale.ROOT, "%.0f", m.peakRssKb() / 1024.0)
                  : "n/a");
          out.flush();
          if (m.exitCode() != 0) {
            out.println("  the run failed: " + m.lastError());
            allOk = false;
          }
        }
      }
    } finally {
      if (peakMemoryOut == null) {
        deleteTree(tmp);
      }
    }
    out.println(
        "max RSS: the child JVM's peak resident set size (VmHWM, as /usr/bin/time -v reports);"
            + " wall s and trials/s include JVM start, parsing and writing the outputs.");
    out.flush();
    return allOk;
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static String stripExtension(Path p) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  /** {@code relative} under the project folder: the working directory, or the jar's project. */
  private static Path projectPath(String relative) {
    Path cwd = Path.of("").toAbsolutePath().resolve(relative);
    if (Files.exists(cwd)) {
      return cwd;
    }
    Path project = projectOfJar();
    return project == null ? null : project.resolve(relative);
  }

  /** The project folder when running from {@code target/corridor-risk.jar}, else null. */
  private static Path projectOfJar() {
    try {
      Path jar =
          Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path target = jar.getParent();
      return target == null ? null : target.getParent();
    } catch (Exception e) {
      return null;
    }
  }
}
