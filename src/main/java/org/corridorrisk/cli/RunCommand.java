package org.corridorrisk.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.ChartExport;
import org.corridorrisk.report.HtmlReport;
import org.corridorrisk.report.SummaryJson;
import org.corridorrisk.report.TrialsCsv;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.MetricSummary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code run FILE [--trials N] [--seed S] [--threads T] [--out DIR] [--target-ci REL]}: the Monte
 * Carlo study. Writes summary.json, trials.csv and report.html into DIR, plus the marker file
 * {@value #MARKER} that lets later runs replace the outputs; refuses a non-empty DIR without it.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Runs the Monte Carlo study.")
final class RunCommand implements Callable<Integer> {
  /** Marks a directory as corridor-risk output, so a later run may write into it again. */
  static final String MARKER = OutputDirectory.MARKER;

  static final String[] OUTPUTS = {"summary.json", "trials.csv", "report.html"};

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Scenario file (.yaml, .yml or .json).")
  Path file;

  @Option(
      names = "--trials",
      paramLabel = "N",
      defaultValue = "10000",
      description = "Trials to run (default: ${DEFAULT-VALUE}); with --target-ci, the most to run.")
  int trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed; the same seed gives the same results (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: the number of cores); never changes results.")
  Integer threads;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: out/<scenario name>).")
  Path out;

  @Option(
      names = "--target-ci",
      paramLabel = "REL",
      description =
          "Stop once the 95%% CI half-width of mean economic_loss is within REL x mean "
              + "(checked every "
              + MonteCarlo.CHECK_EVERY
              + " trials).")
  Double targetCi;

  @Option(
      names = "--quiet",
      description = "No progress bar (it is shown only on a terminal anyway).")
  boolean quiet;

  @Option(
      names = "--charts",
      paramLabel = "FORMATS",
      description =
          "Also write every report chart into DIR/charts/ as svg and/or png (e.g. svg,png).")
  String charts;

  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = "local",
      description =
          "local (threads on this machine, default) or spark (Apache Spark; same results, see "
              + "docs/scale-out.md).")
  String engine;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "With --engine spark: the Spark master, e.g. local[2] or spark://host:7077 (default: "
              + "spark-submit's, else local[*]).")
  String master;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ScenarioException, IOException {
    int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    validateOptions(threadCount);
    LoadedScenario loaded = ScenarioLoader.load(file);
    Scenario scenario = loaded.baseline();
    Path dir = out != null ? out : Paths.get("out", scenario.name());
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Set<String> chartFormats;
    try {
      chartFormats = charts == null ? Set.of() : ChartExport.parseFormats(charts);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--charts: " + e.getMessage());
    }
    MonteCarlo.RangeEngine rangeEngine =
        Engines.SPARK.equals(engine)
            ? Engines.openSpark(master, scenario.name(), file, loaded.contents())
            : null;
    try {
      execute(
          scenario,
          file,
          dir,
          trials,
          seed,
          threadCount,
          targetCi == null ? Double.NaN : targetCi,
          ConsoleProgress.forTerminal(quiet, stderr),
          chartFormats,
          stdout,
          rangeEngine);
    } finally {
      Engines.close(rangeEngine);
    }
    return Failures.OK;
  }

  private void validateOptions(int threadCount) {
    if (!Engines.LOCAL.equals(engine) && !Engines.SPARK.equals(engine)) {
      throw new UserInputException("--engine must be local or spark but was '" + engine + "'");
    }
    if (master != null && !Engines.SPARK.equals(engine)) {
      throw new UserInputException("--master needs --engine spark");
    }
    if (master != null && master.isBlank()) {
      throw new UserInputException("--master must not be empty (e.g. local[2])");
    }
    if (trials < 1) {
      throw new UserInputException("--trials must be >= 1 but was " + trials);
    }
    if (threadCount < 1 || threadCount > 4096) {
      throw new UserInputException("--threads must be between 1 and 4096 but was " + threadCount);
    }
    if (targetCi != null && !(targetCi > 0 && targetCi < Double.POSITIVE_INFINITY)) {
      throw new UserInputException(
          "--target-ci must be a number > 0 (e.g. 0.01 for 1%) but was " + targetCi);
    }
  }

  /** Runs the study and writes the outputs; the testable core of the command. */
  static StudyResult execute(
      Scenario scenario,
      Path scenarioFile,
      Path dir,
      int trials,
      long seed,
      int threads,
      double targetCi,
      PrintWriter progressTo,
      PrintWriter stdout)
      throws IOException {
    return execute(
        scenario,
        scenarioFile,
        dir,
        trials,
        seed,
        threads,
        targetCi,
        progressTo == null ? null : new ConsoleProgress(progressTo, System::nanoTime),
        Set.of(),
        stdout,
        null);
  }

  /**
   * As above, with a progress bar (or {@code null}), chart files to export ({@code svg}, {@code
   * png}) and the engine running the trials ({@code null}: threads on this machine).
   */
  static StudyResult execute(
      Scenario scenario,
      Path scenarioFile,
      Path dir,
      int trials,
      long seed,
      int threads,
      double targetCi,
      ConsoleProgress progress,
      Set<String> chartFormats,
      PrintWriter stdout,
      MonteCarlo.RangeEngine engine)
      throws IOException {
    OutputDirectory.prepare(dir, scenarioFile, OUTPUTS);
    StudyResult result;
    try {
      RunOptions options = new RunOptions(trials, seed, threads, targetCi, progress);
      result =
          engine == null
              ? MonteCarlo.run(scenario, options)
              : MonteCarlo.run(scenario, options, engine);
    } finally {
      if (progress != null) {
        progress.finish();
      }
    }
    Path summary = dir.resolve(OUTPUTS[0]);
    Path csv = dir.resolve(OUTPUTS[1]);
    Path html = dir.resolve(OUTPUTS[2]);
    SummaryJson.write(result, engine == null ? Engines.LOCAL : engine.name(), summary);
    TrialsCsv.write(result, csv);
    HtmlReport.write(result, html);
    printTable(result, stdout);
    stdout.println();
    stdout.println("wrote " + summary);
    stdout.println("      " + csv);
    stdout.println("      " + html);
    if (!chartFormats.isEmpty()) {
      Path chartDir = dir.resolve("charts");
      List<Path> files = ChartExport.write(HtmlReport.figures(result), chartDir, chartFormats);
      stdout.println("      " + chartDir + File.separator + " (" + files.size() + " chart files)");
    }
    stdout.println("open the report: " + html.toAbsolutePath().toUri());
    stdout.flush();
    return result;
  }

  /** The compact summary table. */
  static void printTable(StudyResult r, PrintWriter out) {
    String currency = r.scenario().currency();
    out.printf(
        Locale.ROOT,
        "%s: %d trials, seed %d, %.1f s (%.0f trials/s)%n",
        r.scenario().name(),
        r.trials(),
        r.options().seed(),
        r.elapsedNanos() / 1e9,
        r.trials() / Math.max(1e-9, r.elapsedNanos() / 1e9));
    out.printf(
        Locale.ROOT,
        "%-28s %11s %25s %11s %11s %11s %11s  %s%n",
        "metric",
        "mean",
        "95% CI of mean",
        "p50",
        "p95",
        "CVaR95",
        "max",
        "unit");
    for (Metric m : Metric.values()) {
      MetricSummary s = MetricSummary.of(r.values(m), r.trials());
      String unit =
          switch (m.unitKind()) {
            case "currency" -> currency;
            case "share of demand" -> "share of demand";
            case "person-days" -> "person-days";
            default -> "commodity units";
          };
      out.printf(
          Locale.ROOT,
          "%-28s %11s %25s %11s %11s %11s %11s  %s%n",
          m.key(),
          num(s.mean()),
          "[" + num(s.ci95Low()) + ", " + num(s.ci95High()) + "]",
          num(s.p50()),
          num(s.p95()),
          num(s.cvar95()),
          num(s.max()),
          unit);
    }
  }

  static String num(double x) {
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-3) {
      return String.format(Locale.ROOT, "%.3e", x);
    }
    return String.format(Locale.ROOT, "%.4g", x);
  }
}
