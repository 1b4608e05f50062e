package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.FewTrials;
import org.corridorrisk.report.HtmlReport;
import org.corridorrisk.report.PeopleServed;
import org.corridorrisk.report.ReportFacts;
import org.corridorrisk.report.SummaryJson;
import org.corridorrisk.report.TrialsCsv;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.Intervals;
import org.corridorrisk.stats.LogHistogram;
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
      description =
          "Trials to run, 1 to 10^12 (default: 10,000, continued by doubling up to 1,000,000 while "
              + "the mean economic loss or person-days rest on few trials); with --target-ci, the "
              + "most to run.")
  Long trials;

  @Option(
      names = "--no-trials-csv",
      description = "Do not write trials.csv (it is skipped anyway past 10,000,000 trials).")
  boolean noTrialsCsv;

  @Option(
      names = "--trials-csv",
      description = "Write trials.csv even past 10,000,000 trials (one row per trial).")
  boolean forceTrialsCsv;

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
      description =
          "No progress bar and no summary table: print only where the outputs went (warnings"
              + " about the run still go to stderr).")
  boolean quiet;

  @CommandLine.Mixin ChartOptions charts;

  @CommandLine.Mixin EngineOptions engine;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ScenarioException, IOException {
    int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    validateOptions(threadCount);
    PhaseClock.current().mark("arguments");
    prepareReportInBackground();
    LoadedScenario loaded = ReadAhead.load(file);
    PhaseClock.current().mark("loading");
    Scenario scenario = loaded.baseline();
    Path dir = out != null ? out : Paths.get("out", scenario.name());
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Set<String> chartFormats = charts.formats();
    RunOptions plan =
        plan(trials, seed, threadCount, targetCi == null ? Double.NaN : targetCi, null);
    boolean csv = !noTrialsCsv && (forceTrialsCsv || plan.maxTrials() <= CSV_LIMIT);
    if (!csv && !noTrialsCsv) {
      stderr.printf(
          Locale.ROOT,
          "note: trials.csv is not written past %,d trials (use --trials-csv to force it)%n",
          CSV_LIMIT);
      stderr.flush();
    }
    MonteCarlo.RangeEngine rangeEngine = engine.open(scenario.name(), file, loaded.contents());
    StudyResult r;
    try {
      r =
          execute(
              scenario,
              file,
              dir,
              plan,
              csv,
              ConsoleProgress.forTerminal(quiet, stderr),
              chartFormats,
              quiet,
              stdout,
              stderr,
              rangeEngine);
    } finally {
      Engines.close(rangeEngine);
    }
    return r.interrupted() ? Failures.INTERRUPTED : Failures.OK;
  }

  /**
   * Loads the report's fonts ({@link HtmlReport#prepare}) on a daemon thread while the scenario is
   * read and checked, instead of after. A failure is left to the call in {@code execute}, which
   * reports it.
   */
  static void prepareReportInBackground() {
    if (!FONTS_STARTED.compareAndSet(false, true)) {
      return; // once per process: the fonts stay loaded
    }
    Thread t =
        new Thread(
            () -> {
              try {
                HtmlReport.prepare();
              } catch (RuntimeException | LinkageError e) {
                // reported by the call in execute
              }
            },
            "corridor-risk-fonts");
    t.setDaemon(true);
    t.start();
  }

  private static final AtomicBoolean FONTS_STARTED = new AtomicBoolean();

  /** Past this many trials, trials.csv is written only when asked for. */
  static final long CSV_LIMIT = 10_000_000L;

  /**
   * The run options for {@code --trials} ({@code null}: the default of {@link
   * MonteCarlo#DEFAULT_TRIALS} continued up to {@link MonteCarlo#DEFAULT_MAX_TRIALS} while an
   * estimate rests on few trials; with a CI target and no {@code --trials}, up to that maximum).
   */
  static RunOptions plan(
      Long trials, long seed, int threads, double targetCi, RunOptions.TrialProgress progress) {
    if (trials == null) {
      return new RunOptions(
          MonteCarlo.DEFAULT_TRIALS,
          seed,
          threads,
          targetCi,
          progress,
          MonteCarlo.DEFAULT_MAX_TRIALS,
          null,
          null);
    }
    return new RunOptions(trials, seed, threads, targetCi, progress);
  }

  private void validateOptions(int threadCount) {
    engine.prepare();
    if (trials != null && (trials < 1 || trials > MonteCarlo.MAX_TRIALS)) {
      throw new UserInputException(
          String.format(
              Locale.ROOT,
              "--trials must be between 1 and %,d, was %,d",
              MonteCarlo.MAX_TRIALS,
              trials));
    }
    if (noTrialsCsv && forceTrialsCsv) {
      throw new UserInputException("--no-trials-csv and --trials-csv contradict each other");
    }
    if (threadCount < 1 || threadCount > 4096) {
      throw new UserInputException("--threads must be between 1 and 4096, was " + threadCount);
    }
    if (targetCi != null && !(targetCi > 0 && targetCi < Double.POSITIVE_INFINITY)) {
      throw new UserInputException(
          "--target-ci must be a number > 0 (e.g. 0.01 for 1%), was " + targetCi);
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
        stdout);
  }

  /**
   * As above, with a progress bar (or {@code null}) and chart files to export ({@code svg}, {@code
   * png}).
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
      PrintWriter stdout)
      throws IOException {
    return execute(
        scenario,
        scenarioFile,
        dir,
        new RunOptions(trials, seed, threads, targetCi, null),
        true,
        progress,
        chartFormats,
        false,
        stdout,
        new PrintWriter(java.io.Writer.nullWriter()),
        null);
  }

  /**
   * Runs the study planned by {@code plan} (its progress, rows and stop are replaced) and writes
   * the outputs; trials.csv is streamed while trials run when {@code csv}, else removed. Ctrl-C (a
   * JVM shutdown) stops the study after the batches under way; the outputs then describe the trials
   * done, exactly as a run with that many trials would, and say it was interrupted (stopped before
   * any trial was in, it writes none and removes the trials.csv it began). {@code engine} runs the
   * trials ({@code null}: threads on this machine). {@code quiet} leaves out the summary table
   * (with its notes and people lines): stdout then only says where the outputs went.
   */
  static StudyResult execute(
      Scenario scenario,
      Path scenarioFile,
      Path dir,
      RunOptions plan,
      boolean csv,
      ConsoleProgress progress,
      Set<String> chartFormats,
      boolean quiet,
      PrintWriter stdout,
      PrintWriter stderr,
      MonteCarlo.RangeEngine engine)
      throws IOException {
    dir = OutputDirectory.prepare(dir, scenarioFile, chartFormats, OUTPUTS);
    Path summary = dir.resolve(OUTPUTS[0]);
    Path csvFile = dir.resolve(OUTPUTS[1]);
    Path html = dir.resolve(OUTPUTS[2]);
    Files.deleteIfExists(summary);
    Files.deleteIfExists(csvFile);
    Files.deleteIfExists(html);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch written = new CountDownLatch(1);
    // Ctrl-C: stop after the batches under way and write the outputs (a second Ctrl-C aborts)
    Interrupts interrupts = Interrupts.install(stop, stderr);
    // a termination signal (or Ctrl-C where the handler is not available): the same, from a
    // shutdown hook that waits for the outputs
    Thread hook =
        new Thread(
            () -> {
              stop.set(true);
              try {
                written.await(10, TimeUnit.MINUTES);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "corridor-risk-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    // load the report's fonts now: a JVM that is shutting down cannot load them any more
    HtmlReport.prepare();
    StudyResult result;
    try {
      try (TrialsCsv rows = csv ? TrialsCsv.open(csvFile, scenario) : null) {
        try {
          RunOptions options =
              new RunOptions(
                  plan.trials(),
                  plan.seed(),
                  plan.threads(),
                  plan.targetRelativeCi(),
                  progress,
                  plan.continueUpTo(),
                  rows,
                  stop::get);
          PhaseClock.current().mark("outputs opened");
          result =
              engine == null
                  ? MonteCarlo.run(scenario, options)
                  : MonteCarlo.run(scenario, options, engine);
          PhaseClock.current().markSplit("study set-up", "trials", result.elapsedNanos());
        } finally {
          if (progress != null) {
            progress.finish();
          }
        }
      }
      if (result.interrupted() && result.trials() == 0) {
        // stopped before any trial was in (the Spark engine's job still waiting for executors or
        // its first task): there is nothing to summarize; trials.csv holds only its header
        Files.deleteIfExists(csvFile);
        stderr.println("interrupted before any trial finished: no outputs written");
        stderr.flush();
        return result;
      }
      if (result.interrupted()) {
        stderr.printf(
            Locale.ROOT,
            "interrupted: writing the outputs of the first %,d trials%n",
            result.trials());
        stderr.flush();
      }
      result.prepareSummaries();
      PhaseClock.current().mark("summaries");
      SummaryJson.write(result, summary, engine == null ? Engines.LOCAL : engine.name());
      PhaseClock.current().mark("summary.json");
      HtmlReport.write(result, html);
      PhaseClock.current().mark("report.html");
    } finally {
      interrupts.restore();
      written.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // Ctrl-C: the hook is running and waits for the countDown above
      }
    }
    if (!quiet) {
      printTable(result, stdout);
      stdout.println();
    }
    stdout.println("wrote " + summary);
    if (csv) {
      stdout.println("      " + csvFile);
    }
    stdout.println("      " + html);
    if (!chartFormats.isEmpty()) {
      ChartOptions.write(HtmlReport.charts(result), dir, chartFormats, stdout);
    }
    stdout.println("open the report: " + OutputDirectory.browserUri(html));
    stdout.flush();
    return result;
  }

  /** The compact summary table. */
  static void printTable(StudyResult r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "%s: %s of the %d-day horizon, seed %d, %.1f s (%.0f trials/s)%n",
        r.scenario().name(),
        NumberText.trials(r.trials()),
        r.scenario().horizonDays(),
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
      MetricSummary s = r.summary(m);
      String unit = ReportFacts.unit(m, r.scenario()); // the report's label, spill unit named
      out.printf(
          Locale.ROOT,
          "%-28s %11s %25s %11s %11s %11s %11s  %s%n",
          m.key(),
          num(m, s.mean()),
          FewTrials.noInterval(s)
              ? FewTrials.NO_INTERVAL
              : "[" + num(m, s.ci95Low()) + ", " + num(m, s.ci95High()) + "]",
          num(m, s.p50()),
          num(m, s.p95()),
          num(m, s.cvar95()),
          num(m, s.max()),
          unit);
    }
    for (Metric m : Metric.values()) {
      MetricSummary s = r.summary(m);
      if (SummaryJson.few(s)) {
        out.printf(
            Locale.ROOT,
            "note: the mean %s rests on few trials (%,d with a loss, %.0f effective, fewer than %.0f):"
                + " %s; treat it as rough%n",
            m.key(),
            s.trialsWithLoss(),
            s.effectiveTrials(),
            Intervals.FEW_TRIALS,
            FewTrials.intervalClause(s));
      }
    }
    String noLoss = SummaryJson.noLossNote(r);
    if (noLoss != null) {
      out.println("note: " + noLoss);
    }
    String target = SummaryJson.targetCiNote(r);
    if (target != null) {
      out.println("note: " + target);
    }
    if (!r.exact()) {
      out.printf(
          Locale.ROOT,
          "percentiles from a log-bucket sketch of all trials (relative error %.1f%%)%n",
          100 * LogHistogram.RELATIVE_ERROR);
    }
    List<String> people = PeopleServed.terminalLines(r);
    if (!people.isEmpty()) {
      out.println();
      people.forEach(out::println);
    }
  }

  /**
   * A value of metric {@code m} as the report writes it: shares as percentages ({@code "3.29%"}),
   * everything else with three significant digits and a k / M / bn suffix ({@code "188M"}).
   */
  static String num(Metric m, double x) {
    return m == Metric.UNSERVED_FRACTION ? NumberText.percent(x) : NumberText.compact(x);
  }
}
