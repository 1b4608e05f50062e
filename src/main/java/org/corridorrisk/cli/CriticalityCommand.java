package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.CriticalityJson;
import org.corridorrisk.report.CriticalityReport;
import org.corridorrisk.report.charts.HtmlPage;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.study.AssetOutage;
import org.corridorrisk.study.CriticalityOptions;
import org.corridorrisk.study.CriticalityResult;
import org.corridorrisk.study.CriticalityStudy;
import org.corridorrisk.study.SetOutage;
import org.corridorrisk.study.WorstSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code criticality FILE}: N-1 ranking, optional N-2 pairs, worst-case attack sets. */
@Command(
    name = "criticality",
    mixinStandardHelpOptions = true,
    description = "Ranks assets by loss when each is out, and finds worst-case attack sets.")
final class CriticalityCommand implements Callable<Integer> {
  /** The file that marks a directory as written by corridor-risk (safe to overwrite). */
  static final String MARKER = OutputDirectory.MARKER;

  private static final String[] OUTPUTS = {"criticality.json", "criticality.html"};

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "The scenario file (.yaml, .yml or .json).")
  Path file;

  @Option(
      names = "--outage-days",
      paramLabel = "D",
      description = "Days each disabled asset stays out from day 0 (default: the horizon).")
  Integer outageDays;

  @Option(
      names = "--budget",
      paramLabel = "K",
      defaultValue = "3",
      description = "Find the worst sets for budgets 1..K (default: ${DEFAULT-VALUE}; 0 = skip).")
  int budget;

  @Option(
      names = "--objective",
      paramLabel = "METRIC",
      defaultValue = "unserved_fraction",
      description =
          "What the attacker maximizes: unserved_fraction (default; with several commodities the"
              + " mean of their unserved shares), economic_loss or person_days_without_service"
              + " (any metric of summary.json is accepted).")
  String objective;

  @Option(
      names = "--quiet",
      description =
          "No ranking table: print only where the outputs went (there is no progress bar).")
  boolean quiet;

  @Option(
      names = "--include-sinks",
      description =
          "Also rank the sinks (the demand points themselves); by default only links, sources,"
              + " storages and junctions are ranked.")
  boolean includeSinks;

  @Option(
      names = "--pairs",
      paramLabel = "N",
      defaultValue = "0",
      description = "Also evaluate all pairs among the top N single assets (N-2; default: none).")
  int pairs;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description = "Worker threads (default: the number of cores).")
  Integer threads;

  @Option(
      names = "--max-evaluations",
      paramLabel = "E",
      defaultValue = "" + CriticalityOptions.DEFAULT_MAX_EVALUATIONS,
      description =
          "Most outage evaluations an exact search may use per budget before the "
              + "heuristic takes over (default: ${DEFAULT-VALUE}).")
  long maxEvaluations;

  @Mixin ChartOptions charts;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Output directory (default: out/<scenario name>).")
  Path out;

  @Override
  public Integer call() throws IOException, ScenarioException {
    Metric metric = Metric.fromKey(objective);
    if (metric == null) {
      throw new UserInputException(
          "--objective must be one of "
              + Stream.of(Metric.values()).map(Metric::key).collect(Collectors.joining(", "))
              + ", was '"
              + objective
              + "'");
    }
    positive("--outage-days", outageDays == null ? 1 : outageDays, 1);
    positive("--budget", budget, 0);
    positive("--pairs", pairs, 0);
    positive("--threads", threads == null ? 1 : threads, 1);
    if (maxEvaluations < 1) {
      throw new UserInputException("--max-evaluations must be >= 1, was " + maxEvaluations);
    }
    Set<String> chartFormats = charts.formats();
    Scenario scenario = ScenarioLoader.load(file).baseline();
    Path dir = out != null ? out : Path.of("out", scenario.name());
    dir = OutputDirectory.prepare(dir, file, chartFormats, OUTPUTS);
    CriticalityOptions options =
        new CriticalityOptions(
            outageDays == null ? scenario.horizonDays() : outageDays,
            budget,
            metric,
            pairs,
            threads == null ? Runtime.getRuntime().availableProcessors() : threads,
            maxEvaluations,
            CriticalityOptions.DEFAULT_HEURISTIC_STARTS,
            includeSinks);
    CriticalityResult result = CriticalityStudy.run(scenario, options);
    CriticalityJson.write(result, dir.resolve("criticality.json"));
    HtmlPage page = CriticalityReport.page(result);
    page.write(dir.resolve("criticality.html"));
    PrintWriter o = spec.commandLine().getOut();
    if (!quiet) {
      print(result, o);
    }
    o.println(
        "wrote " + dir.resolve("criticality.json") + " and " + dir.resolve("criticality.html"));
    ChartOptions.write(page.charts(), dir, chartFormats, o);
    return Failures.OK;
  }

  private static void positive(String option, int value, int min) {
    if (value < min) {
      throw new UserInputException(option + " must be >= " + min + ", was " + value);
    }
  }

  /** A money value as the report writes it: "EUR 58.2M". */
  private static String money(String currency, double v) {
    return NumberText.money(currency, v);
  }

  /**
   * A value of metric {@code m} as {@code run}'s table and the report write it (shares in percent,
   * k / M / bn), with the currency before money and "person-days" after person-days.
   */
  static String value(Metric m, double v, String currency) {
    return switch (m.unitKind()) {
      case "currency" -> money(currency, v);
      case "person-days" -> RunCommand.num(m, v) + " person-days";
      default -> RunCommand.num(m, v);
    };
  }

  private static void print(CriticalityResult r, PrintWriter out) {
    out.printf(
        Locale.ROOT,
        "criticality of %s: %d assets (%s), each out for %d days from day 0%n",
        r.scenario().name(),
        r.assets().size(),
        r.options().includeSinks()
            ? "links, sources, storages, junctions and sinks"
            : "links, sources, storages and junctions; sinks with --include-sinks",
        Math.min(r.options().outageDays(), r.scenario().horizonDays()));
    if (!r.anySingleLoss(Metric.ECONOMIC_LOSS)
        && !r.anySingleLoss(Metric.UNSERVED_FRACTION)
        && !r.anySingleLoss(Metric.PERSON_DAYS_WITHOUT_SERVICE)) {
      out.println("no single asset's outage causes any loss (the network routes around each one)");
    }
    String currency = r.scenario().currency();
    out.printf(
        Locale.ROOT,
        "%4s  %-28s %-5s %-11s %17s %15s %16s%n",
        "rank",
        "asset",
        "type",
        "kind",
        "unserved_fraction",
        "economic_loss",
        "person_days");
    out.printf(
        Locale.ROOT,
        "%4s  %-28s %-5s %-11s %17s %15s %16s%n",
        "",
        "",
        "",
        "",
        "share of demand",
        currency,
        "person-days");
    for (int i = 0; i < Math.min(10, r.assets().size()); i++) {
      AssetOutage a = r.assets().get(i);
      out.printf(
          Locale.ROOT,
          "%4d  %-28s %-5s %-11s %17s %15s %16s%n",
          i + 1,
          a.id(),
          a.type(),
          a.kind(),
          RunCommand.num(Metric.UNSERVED_FRACTION, a.get(Metric.UNSERVED_FRACTION)),
          RunCommand.num(Metric.ECONOMIC_LOSS, a.get(Metric.ECONOMIC_LOSS)),
          RunCommand.num(
              Metric.PERSON_DAYS_WITHOUT_SERVICE, a.get(Metric.PERSON_DAYS_WITHOUT_SERVICE)));
    }
    if (!r.pairs().isEmpty()) {
      out.println();
      out.println("worst pairs among the top " + r.options().pairs() + " assets:");
      for (int i = 0; i < Math.min(10, r.pairs().size()); i++) {
        SetOutage p = r.pairs().get(i);
        out.printf(
            Locale.ROOT,
            "  %-40s unserved_fraction %s  economic_loss %s%n",
            String.join(" + ", p.assetIds()),
            RunCommand.num(Metric.UNSERVED_FRACTION, p.get(Metric.UNSERVED_FRACTION)),
            money(currency, p.get(Metric.ECONOMIC_LOSS)));
      }
    }
    if (r.options().budget() > 0) {
      out.println();
      if (r.worstCase().isEmpty()) {
        out.println("worst case: no threat targets any asset");
      } else {
        out.printf(
            Locale.ROOT,
            "worst case over %d threat targets, maximizing %s%n",
            r.candidates().size(),
            CriticalityReport.objectiveDefinition(r));
        WorstSet last = r.worstCase().get(r.worstCase().size() - 1);
        if (!last.anyLoss()) {
          out.printf(
              Locale.ROOT,
              "  no set of up to %d of the %d threat targets causes any loss%s%n",
              last.budget(),
              r.candidates().size(),
              last.search().exact()
                  ? " (proven: " + last.search().method() + ")"
                  : " that the heuristic found (not proven)");
        }
      }
      Metric objective = r.options().objective();
      // beside the objective, the money (or, when money is the objective, the share not served)
      Metric beside =
          objective == Metric.ECONOMIC_LOSS ? Metric.UNSERVED_FRACTION : Metric.ECONOMIC_LOSS;
      for (WorstSet w : r.worstCase()) {
        if (!w.anyLoss()) {
          continue;
        }
        out.printf(
            Locale.ROOT,
            "  budget %d: %-36s %s %s  %s %s  %s (%s)%n",
            w.budget(),
            String.join(", ", w.assetIds()),
            objective.key(),
            value(objective, w.get(objective), currency),
            beside.key(),
            value(beside, w.get(beside), currency),
            w.search().exact() ? "exact" : "NOT exact",
            searchAccount(w, r.candidates().size()));
      }
    }
  }

  /**
   * How a budget's set was found, in words: the method, the evaluations it ran and the time. Budget
   * 1 picks among the single-target outages the ranking already simulated, so its count of new
   * evaluations (usually 0) is not the whole story: it says which values it used instead. A budget
   * that was not searched (a smaller one already cut all demand, or no larger set exists) says so
   * instead of "0 evaluations".
   */
  static String searchAccount(WorstSet w, int candidates) {
    if (!w.search().searched()) {
      return "not searched: " + CriticalityReport.notSearchedReason(w, candidates);
    }
    String seconds = String.format(Locale.ROOT, ", %.2f s", w.search().seconds());
    return searchCount(w, candidates) + seconds;
  }

  private static String searchCount(WorstSet w, int candidates) {
    long evaluations = w.search().evaluations();
    String method = w.search().method();
    if (w.budget() == 1) {
      String reused =
          method
              + " over the "
              + candidates
              + (candidates == 1 ? " single-asset outage" : " single-asset outages")
              + " already simulated";
      return evaluations == 0 ? reused : reused + ", " + evaluationCount(evaluations) + " more";
    }
    return method + ", " + evaluationCount(evaluations);
  }

  private static String evaluationCount(long n) {
    return n + (n == 1 ? " evaluation" : " evaluations");
  }
}
