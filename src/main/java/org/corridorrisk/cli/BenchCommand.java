package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
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
 * <p>Design note: each case runs a short unreported warm-up (a fifth of the trials, at most 2,000)
 * before the timed run, so the figures describe a JIT-compiled engine; {@code run} from the command
 * line pays JIT warm-up and parsing too, which docs/performance.md measures separately.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the built-in benchmark suite: the example scenarios, GasLib-135 and the",
      "Western US power grid (imported from the bundled data/ folder); prints trials/s, flows solved/s,",
      "cache hit rate and the machine."
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
              + " top 5% or 20% of nodes by degree, failure probability 1% or 10%).")
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

  @Override
  public Integer call() throws Exception {
    String which = suite.toLowerCase(Locale.ROOT);
    boolean full =
        switch (which) {
          case "quick", "grid" -> false;
          case "full" -> true;
          default ->
              throw new UserInputException(
                  "--suite must be quick, full or grid but was '" + suite + "'");
        };
    boolean grid = which.equals("grid");
    int n = trials != null ? trials : full ? 20_000 : 2_000;
    if (n < 1) {
      throw new UserInputException("--trials must be >= 1 but was " + n);
    }
    Sharing rule = sharing == null ? null : Sharing.fromFileName(sharing);
    if (sharing != null && rule == null) {
      throw new UserInputException("--sharing must be fair or any but was '" + sharing + "'");
    }
    int t = threads != null ? threads : Runtime.getRuntime().availableProcessors();
    if (t < 1) {
      throw new UserInputException("--threads must be >= 1 but was " + t);
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println(machine());
    out.printf(
        Locale.ROOT,
        "suite %s: %d trials per case, %d threads, seed %d, warm-up %d trials per case%s%n",
        which,
        n,
        t,
        seed,
        warmupTrials(n),
        rule == null ? "" : ", sharing " + rule.fileName());
    List<Case> cases = grid ? BindingGridFamily.cases(dataPath(), err) : cases(err);
    if (cases.isEmpty()) {
      throw new UserInputException(
          "no benchmark case found: give --scenarios DIR and/or --data DIR");
    }
    out.printf(
        Locale.ROOT,
        "%-28s %6s %6s %4s %8s %8s %10s %12s %8s %12s%n",
        "case",
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
    try {
      for (Case c : cases) {
        Scenario scenario = load(c, tmp);
        if (familyOut != null && c.lineFlowMultiple() > 0) {
          Files.createDirectories(familyOut);
          Path target = familyOut.resolve(BindingGridFamily.fileName(c.name()));
          if (Files.exists(target)) {
            throw new UserInputException(
                target
                    + " exists; bench never overwrites a file: remove it or choose another"
                    + " --family-out folder");
          }
          Files.copy(tmp.resolve(BindingGridFamily.fileName(c.name())), target);
        }
        if (rule != null) {
          scenario = scenario.withSharing(rule);
        }
        MonteCarlo.run(scenario, RunOptions.of(warmupTrials(n), seed + 1, t));
        EngineCounters.Snapshot before = EngineCounters.snapshot();
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        StudyResult result = MonteCarlo.run(scenario, RunOptions.of(n, seed, t));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        EngineCounters.Snapshot delta = EngineCounters.snapshot().minus(before);
        out.printf(
            Locale.ROOT,
            "%-28s %6d %6d %4d %8d %8.2f %10.0f %12s %8s %12s%n",
            c.name(),
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
            cpuSeconds > 0
                ? String.format(Locale.ROOT, "%.0f", result.trials() / cpuSeconds)
                : "n/a");
        out.flush();
      }
    } finally {
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
    return Failures.OK;
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

  /** Cores, JVM and heap of this machine. */
  static String machine() {
    Runtime rt = Runtime.getRuntime();
    return String.format(
            Locale.ROOT,
            "machine: %d cores, %s %s (%s), max heap %d MiB, %s %s, corridor-risk %s",
            rt.availableProcessors(),
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

  private static Scenario load(Case c, Path tmp) throws IOException, ScenarioException {
    Path file = c.file();
    if (c.lineFlowMultiple() > 0) {
      file = tmp.resolve(BindingGridFamily.fileName(c.name()));
      BindingGridFamily.write(c.file(), c.importOptions(), c.lineFlowMultiple(), file);
    } else if (c.imported()) {
      ImportedScenario imported = ScenarioImporter.importFile(c.file(), null, c.importOptions());
      file = tmp.resolve(stripExtension(c.file()) + ".yaml");
      imported.write(file, true);
    }
    return ScenarioLoader.load(file).baseline();
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
