package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.HtmlReport;
import org.corridorrisk.report.SummaryJson;
import org.corridorrisk.report.TrialsCsv;
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
  static final String MARKER = ".corridor-risk-output";
  static final String[] OUTPUTS = {"summary.json", "trials.csv", "report.html"};

  @Parameters(index = "0", paramLabel = "FILE", description = "Scenario file (.yaml, .yml or .json).")
  Path file;

  @Option(names = "--trials", paramLabel = "N", defaultValue = "10000",
      description = "Trials to run (default: ${DEFAULT-VALUE}); with --target-ci, the most to run.")
  int trials;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "Seed; the same seed gives the same results (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--threads", paramLabel = "T",
      description = "Worker threads (default: the number of cores); never changes results.")
  Integer threads;

  @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/<scenario name>).")
  Path out;

  @Option(names = "--target-ci", paramLabel = "REL",
      description = "Stop once the 95% CI half-width of mean economic_loss is within REL x mean "
          + "(checked every " + MonteCarlo.CHECK_EVERY + " trials).")
  Double targetCi;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws ScenarioException, IOException {
    int threadCount = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    validateOptions(threadCount);
    Scenario scenario = ScenarioLoader.load(file).baseline();
    Path dir = out != null ? out : Paths.get("out", scenario.name());
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    execute(scenario, file, dir, trials, seed, threadCount, targetCi == null ? Double.NaN : targetCi,
        System.console() != null ? stderr : null, stdout);
    return Failures.OK;
  }

  private void validateOptions(int threadCount) {
    if (trials < 1) {
      throw new UserInputException("--trials must be >= 1 but was " + trials);
    }
    if (threadCount < 1 || threadCount > 4096) {
      throw new UserInputException("--threads must be between 1 and 4096 but was " + threadCount);
    }
    if (targetCi != null && !(targetCi > 0 && targetCi < Double.POSITIVE_INFINITY)) {
      throw new UserInputException("--target-ci must be a number > 0 (e.g. 0.01 for 1%) but was " + targetCi);
    }
  }

  /** Runs the study and writes the outputs; the testable core of the command. */
  static StudyResult execute(Scenario scenario, Path scenarioFile, Path dir, int trials, long seed, int threads,
      double targetCi, PrintWriter progressTo, PrintWriter stdout) throws IOException {
    prepareOutputDir(dir, scenarioFile);
    RunOptions.TrialProgress progress = progressTo == null ? null : new Progress(progressTo);
    StudyResult result = MonteCarlo.run(scenario, new RunOptions(trials, seed, threads, targetCi, progress));
    if (progressTo != null) {
      progressTo.print("\r\033[K");
      progressTo.flush();
    }
    Path summary = dir.resolve(OUTPUTS[0]);
    Path csv = dir.resolve(OUTPUTS[1]);
    Path html = dir.resolve(OUTPUTS[2]);
    SummaryJson.write(result, summary);
    TrialsCsv.write(result, csv);
    HtmlReport.write(result, html);
    printTable(result, stdout);
    stdout.println();
    stdout.println("wrote " + summary);
    stdout.println("      " + csv);
    stdout.println("      " + html);
    stdout.flush();
    return result;
  }

  /**
   * Creates DIR or checks it may be written: refuses a file, a non-empty directory without the
   * marker, and any output path that is the scenario file itself.
   */
  static void prepareOutputDir(Path dir, Path scenarioFile) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new UserInputException("--out " + dir + " is a file, not a directory; choose a directory");
      }
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new UserInputException("refusing to write into " + dir + ": it is not empty and was not created by "
            + "corridor-risk (no " + MARKER + " file); choose another --out or empty it");
      }
    }
    for (String name : OUTPUTS) {
      Path target = dir.resolve(name);
      if (scenarioFile != null && Files.exists(target) && Files.exists(scenarioFile)
          && Files.isSameFile(target, scenarioFile)) {
        throw new UserInputException("refusing to overwrite the scenario file " + scenarioFile
            + " with " + name + "; choose another --out");
      }
    }
    Files.createDirectories(dir);
    Path marker = dir.resolve(MARKER);
    if (!Files.exists(marker)) {
      Files.writeString(marker, "This directory holds corridor-risk outputs; corridor-risk may overwrite "
          + "summary.json, trials.csv and report.html here.\n");
    }
  }

  /** The compact summary table. */
  static void printTable(StudyResult r, PrintWriter out) {
    String currency = r.scenario().currency();
    out.printf(Locale.ROOT, "%s: %d trials, seed %d, %.1f s (%.0f trials/s)%n", r.scenario().name(), r.trials(),
        r.options().seed(), r.elapsedNanos() / 1e9, r.trials() / Math.max(1e-9, r.elapsedNanos() / 1e9));
    out.printf(Locale.ROOT, "%-28s %11s %25s %11s %11s %11s %11s  %s%n", "metric", "mean", "95% CI of mean",
        "p50", "p95", "CVaR95", "max", "unit");
    for (Metric m : Metric.values()) {
      MetricSummary s = MetricSummary.of(r.values(m), r.trials());
      String unit = switch (m.unitKind()) {
        case "currency" -> currency;
        case "share of demand" -> "share of demand";
        case "person-days" -> "person-days";
        default -> "commodity units";
      };
      out.printf(Locale.ROOT, "%-28s %11s %25s %11s %11s %11s %11s  %s%n", m.key(), num(s.mean()),
          "[" + num(s.ci95Low()) + ", " + num(s.ci95High()) + "]", num(s.p50()), num(s.p95()), num(s.cvar95()),
          num(s.max()), unit);
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

  /** Progress on a terminal: one rewritten line, updated at most every 1%. */
  private static final class Progress implements RunOptions.TrialProgress {
    private final PrintWriter err;
    private int lastPercent = -1;

    Progress(PrintWriter err) {
      this.err = err;
    }

    @Override
    public synchronized void completed(int trialsDone, int trialsPlanned) {
      int percent = (int) (100L * trialsDone / trialsPlanned);
      if (percent != lastPercent) {
        lastPercent = percent;
        err.printf(Locale.ROOT, "\rtrials %d/%d (%d%%)", trialsDone, trialsPlanned, percent);
        err.flush();
      }
    }
  }
}
