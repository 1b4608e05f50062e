package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Mitigation;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.CompareJson;
import org.corridorrisk.report.CompareReport;
import org.corridorrisk.report.FewTrials;
import org.corridorrisk.report.charts.HtmlPage;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.study.Comparison;
import org.corridorrisk.study.ComparisonRunner;
import org.corridorrisk.study.MitigationComparison;
import org.corridorrisk.study.PairedMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code compare FILE}: the baseline against each mitigation (and portfolio) on common random
 * numbers; writes {@code compare.json} and {@code compare.html} and prints a ranking ({@code
 * --quiet}: only where the outputs went).
 *
 * <p>Which variants run: the mitigations named by {@code --mitigations} (all declared ones when it
 * is absent), then each {@code --portfolio a+b}, whose patches are applied together in the order
 * written.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = "Compares mitigations with the baseline on common random numbers.")
final class CompareCommand implements Callable<Integer> {
  /** Marker file that says a directory was written by corridor-risk and may be overwritten. */
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The scenario file (.yaml, .yml or .json).")
  Path file;

  @Option(
      names = "--mitigations",
      paramLabel = "ID[,ID...]",
      description =
          "Mitigation ids to compare, separated by commas (default: every mitigation in the"
              + " scenario).")
  List<String> mitigationIds;

  @Option(
      names = "--portfolio",
      paramLabel = "A+B",
      description =
          "Also compare these mitigations applied together, e.g. storage+patrols (repeatable).")
  List<String> portfolios = new ArrayList<>();

  @Option(
      names = "--trials",
      paramLabel = "N",
      description =
          "Trials per variant, at most 1,000,000 (default: 10,000, doubled up to 1,000,000 while a "
              + "mean or the economic-loss reduction rests on few trials).")
  Long trials;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: number of cores).")
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
          "Stop the baseline early once the 95%% CI half-width of mean economic_loss is within"
              + " this share of the mean; every mitigation then runs the same number of trials.")
  Double targetCi;

  @Option(
      names = "--quiet",
      description =
          "No progress bars and no ranking table or verdicts: print only where the outputs went.")
  boolean quiet;

  @Mixin EngineOptions engine;

  @Mixin ChartOptions charts;

  @Option(
      names = "--no-trials-csv",
      description =
          "Accepted as for run, so that run's options work here: compare writes no trials.csv.")
  boolean noTrialsCsv;

  @Override
  public Integer call() throws ScenarioException, IOException {
    engine.prepare();
    Set<String> chartFormats = charts.formats();
    RunOptions options = options();
    List<String> singles = mitigationList();
    LoadedScenario loaded = ScenarioLoader.load(file);
    Scenario baseline = loaded.baseline();
    List<ComparisonRunner.Variant> variants = variants(loaded, baseline, singles);
    Path dir = out != null ? out : Path.of("out", baseline.name());
    dir = OutputDirectory.prepare(dir, file, chartFormats, "compare.json", "compare.html");

    PrintWriter err = spec.commandLine().getErr();
    ConsoleProgress[] bar = {null};
    MonteCarlo.RangeEngine rangeEngine = engine.open(baseline.name(), file, loaded.contents());
    Comparison comparison;
    try {
      comparison =
          ComparisonRunner.run(
              baseline,
              variants,
              options,
              (id, i, n) -> {
                if (bar[0] != null) {
                  bar[0].finish();
                }
                bar[0] = ConsoleProgress.forTerminal(quiet, err);
                if (bar[0] != null) {
                  err.println("run " + i + "/" + n + ": " + id);
                  err.flush();
                }
                return bar[0];
              },
              rangeEngine);
    } finally {
      Engines.close(rangeEngine);
    }
    if (bar[0] != null) {
      bar[0].finish();
    }

    CompareJson.write(
        comparison,
        dir.resolve("compare.json"),
        rangeEngine == null ? Engines.LOCAL : rangeEngine.name());
    HtmlPage page = CompareReport.page(comparison);
    page.write(dir.resolve("compare.html"));
    PrintWriter o = spec.commandLine().getOut();
    if (!quiet) {
      printTable(comparison, o);
      o.println();
    }
    o.println("wrote " + dir.resolve("compare.json") + " and " + dir.resolve("compare.html"));
    ChartOptions.write(page.charts(), dir, chartFormats, o);
    o.flush();
    return Failures.OK;
  }

  private RunOptions options() {
    if (trials != null && trials < 1) {
      throw new UserInputException("--trials must be >= 1, was " + trials);
    }
    if (trials != null && trials > MonteCarlo.EXACT_LIMIT) {
      // documented cap (docs/compare.md): the paired statistics need every trial of every variant
      throw new UserInputException(
          String.format(
              java.util.Locale.ROOT,
              "--trials %,d is above compare's limit of %,d trials per variant: the paired"
                  + " statistics (reduction intervals, shares of trials better and worse) pair"
                  + " each baseline trial with the same trial of every mitigation, so compare"
                  + " keeps every trial's values of every variant in memory. For a larger study"
                  + " of one variant use `run FILE --trials N` (memory flat in trials); see"
                  + " docs/compare.md",
              trials,
              MonteCarlo.EXACT_LIMIT));
    }
    int t = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (t < 1) {
      throw new UserInputException("--threads must be >= 1, was " + t);
    }
    double rel = Double.NaN;
    if (targetCi != null) {
      if (!(targetCi > 0) || Double.isInfinite(targetCi)) {
        throw new UserInputException(
            "--target-ci must be a number > 0 (e.g. 0.01 for 1%), was " + targetCi);
      }
      rel = targetCi;
    }
    return RunCommand.plan(trials, seed, t, rel, null);
  }

  /** The variants to run, in order: single mitigations, then portfolios. */
  /**
   * The ids given with {@code --mitigations} in order, or null without the option. An empty list,
   * an empty id (a doubled, leading or trailing comma) or an id named twice is a usage error: the
   * comparison would otherwise run something else than what was asked for.
   */
  List<String> mitigationList() {
    if (mitigationIds == null) {
      return null;
    }
    List<String> ids = new ArrayList<>();
    for (String value : mitigationIds) {
      List<String> parts = Stream.of(value.split(",", -1)).map(String::strip).toList();
      if (parts.stream().allMatch(String::isEmpty)) {
        throw new UserInputException(
            "--mitigations '"
                + value
                + "' names no mitigation: give one or more ids separated by commas, e.g."
                + " --mitigations storage,patrols (leave the option out to compare every"
                + " mitigation in the scenario)");
      }
      if (parts.contains("")) {
        throw new UserInputException(
            "--mitigations '"
                + value
                + "' has an empty mitigation id (two commas in a row, or a comma at the start or"
                + " end): separate the ids by single commas, e.g. --mitigations storage,patrols");
      }
      for (String id : parts) {
        if (ids.contains(id)) {
          throw new UserInputException(
              "--mitigations names '" + id + "' twice; name each mitigation once");
        }
        ids.add(id);
      }
    }
    return ids;
  }

  private List<ComparisonRunner.Variant> variants(
      LoadedScenario loaded, Scenario baseline, List<String> given) throws ScenarioException {
    Map<String, Mitigation> declared = new LinkedHashMap<>();
    baseline.mitigations().forEach(m -> declared.put(m.id(), m));
    if (declared.isEmpty()) {
      throw new ScenarioException(
          List.of(
              loaded.problemAt(
                  "mitigations",
                  "the scenario declares no mitigations, so there is nothing to compare; add a"
                      + " 'mitigations:' section (each an id, a cost and the changes it makes; see"
                      + " docs/compare.md)")));
    }
    List<String> singles = given == null ? List.copyOf(declared.keySet()) : given;
    List<ComparisonRunner.Variant> variants = new ArrayList<>();
    LinkedHashSet<String> seen = new LinkedHashSet<>();
    for (String id : singles) {
      requireDeclared(id, declared, "--mitigations");
      if (seen.add(id)) {
        variants.add(variant(loaded, declared, List.of(id)));
      }
    }
    String example = String.join("+", declared.keySet().stream().limit(2).toList());
    for (String p : portfolios) {
      List<String> members = Stream.of(p.split("\\+", -1)).map(String::strip).toList();
      if (members.size() < 2) {
        throw new UserInputException(
            "--portfolio '"
                + p
                + "' must join at least two mitigation ids with '+', "
                + "e.g. "
                + example);
      }
      if (members.contains("")) {
        throw new UserInputException(
            "--portfolio '"
                + p
                + "' has an empty mitigation id (ids are joined with '+'"
                + (declared.size() < 2 ? ")" : ", e.g. " + example + ")"));
      }
      for (String id : members) {
        requireDeclared(id, declared, "--portfolio '" + p + "'");
      }
      if (new LinkedHashSet<>(members).size() != members.size()) {
        throw new UserInputException("--portfolio '" + p + "' names a mitigation twice");
      }
      String id = String.join("+", members);
      if (seen.add(id)) {
        variants.add(variant(loaded, declared, members));
      }
    }
    return variants;
  }

  private void requireDeclared(String id, Map<String, Mitigation> declared, String where) {
    if (!declared.containsKey(id)) {
      throw new UserInputException(
          where
              + ": unknown mitigation '"
              + id
              + "' in "
              + file
              + "; available: "
              + String.join(", ", declared.keySet()));
    }
  }

  private static ComparisonRunner.Variant variant(
      LoadedScenario loaded, Map<String, Mitigation> declared, List<String> members)
      throws ScenarioException {
    double cost = 0;
    for (String id : members) {
      cost += declared.get(id).costUsd();
    }
    return new ComparisonRunner.Variant(
        String.join("+", members), cost, members, loaded.variant(members));
  }

  /** The ranking table and one verdict per mitigation. */
  static void printTable(Comparison c, PrintWriter o) {
    String currency = c.baseline().scenario().currency();
    o.printf(
        Locale.ROOT,
        "%s: baseline vs %d %s, %s each, seed %d, common random numbers%n",
        c.baseline().scenario().name(),
        c.mitigations().size(),
        NumberText.plural(c.mitigations().size(), "mitigation"),
        NumberText.trials(c.trials()),
        c.baseline().options().seed());
    o.printf(
        Locale.ROOT,
        "baseline mean economic_loss %s %s (%s), person-days %s%n%n",
        human(c.baselineMetric(Metric.ECONOMIC_LOSS).mean()),
        currency,
        FewTrials.noInterval(c.baselineMetric(Metric.ECONOMIC_LOSS))
            ? "no 95% interval: too few trials"
            : "95% CI "
                + human(c.baselineMetric(Metric.ECONOMIC_LOSS).ci95Low())
                + "-"
                + human(c.baselineMetric(Metric.ECONOMIC_LOSS).ci95High()),
        human(c.baselineMetric(Metric.PERSON_DAYS_WITHOUT_SERVICE).mean()));
    // The mitigation column fits the longest id (a portfolio's a+b+c can be long).
    int idWidth = 28;
    for (MitigationComparison m : c.ranking()) {
      idWidth = Math.max(idWidth, m.id().length());
    }
    String head = "%-4s %-" + idWidth + "s %10s %-32s %16s %7s %7s %7s%n";
    o.printf(
        Locale.ROOT,
        head,
        "rank",
        "mitigation",
        "cost",
        "economic_loss reduction (95% CI)",
        "person-days red.",
        "better",
        "worse",
        "BCR");
    for (MitigationComparison m : c.ranking()) {
      PairedMetric econ = m.metric(Metric.ECONOMIC_LOSS);
      PairedMetric pd = m.metric(Metric.PERSON_DAYS_WITHOUT_SERVICE);
      String reduction =
          human(econ.meanReduction())
              + " ("
              + (noInterval(econ)
                  ? FewTrials.NO_INTERVAL
                  : human(econ.reductionCi95Low()) + " to " + human(econ.reductionCi95High()))
              + ")";
      String pdRel =
          Double.isNaN(pd.relativeReduction())
              ? "n/a"
              : String.format(Locale.ROOT, "%.1f%%", 100 * pd.relativeReduction());
      o.printf(
          Locale.ROOT,
          head,
          m.rank() + (m.efficient() ? "*" : ""),
          m.id(),
          human(m.costUsd()),
          reduction,
          pdRel,
          share(econ.shareOfTrialsBetter()),
          share(econ.shareOfTrialsWorse()),
          ratio(m.benefitCostRatio()));
    }
    o.println(
        "(* = on the efficient set: no other option is both cheaper and reduces economic_loss more;"
            + " better/worse = share of trials with lower/higher economic_loss than the baseline)");
    o.println();
    for (MitigationComparison m : c.ranking()) {
      o.println(m.id() + ": " + m.verdict());
    }
    for (String note : org.corridorrisk.report.CompareJson.baselineNotes(c)) {
      o.println("note: " + note);
    }
    for (MitigationComparison m : c.ranking()) {
      for (Metric metric : new Metric[] {Metric.ECONOMIC_LOSS, c.headlineMetric()}) {
        PairedMetric p = m.metric(metric);
        if (p.fewTrials()) {
          o.printf(
              Locale.ROOT,
              "note: %s's reduction of %s rests on few trials (%.0f effective): %s; treat it as"
                  + " rough%n",
              m.id(),
              metric.key(),
              p.reductionEffectiveTrials(),
              FewTrials.intervalClause(noInterval(p), c.trials()));
        }
        if (metric == c.headlineMetric()) {
          break;
        }
      }
    }
  }

  /** Whether a mean reduction's interval has no width for want of trials. */
  private static boolean noInterval(PairedMetric p) {
    return FewTrials.noInterval(
        p.reductionEffectiveTrials(), p.reductionCi95Low(), p.reductionCi95High());
  }

  /** A number in a short human form with three significant digits: 4.2e7 -> "42M". */
  static String human(double x) {
    return NumberText.compact(x);
  }

  /** A ratio as in the verdicts: "120", "24.6", "0.52", "0.0091"; "n/a" for NaN. */
  static String ratio(double x) {
    double a = Math.abs(x);
    if (Double.isNaN(x)) {
      return "n/a";
    }
    if (a >= 100 || a == 0) {
      return String.format(Locale.ROOT, "%.0f", x);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.1f", x);
    }
    if (a >= 0.1) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return String.format(Locale.ROOT, "%.2g", x);
  }

  /** A share of trials as the table shows it: one decimal, "<0.1%" for a share above 0 below it. */
  static String share(double x) {
    return x > 0 && x < 0.0005 ? "<0.1%" : String.format(Locale.ROOT, "%.1f%%", 100 * x);
  }
}
