package org.corridorrisk.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ImportedScenario;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.network.DailyFlowSolver;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;
import org.corridorrisk.network.NetworkIndex;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * The binding-capacity family of {@code bench --suite grid}: the Western US power grid imported as
 * a topology (one day, unit demand at every other node, supply 1.2 x demand), with
 *
 * <ul>
 *   <li>sources at the top 5% or 20% of nodes by degree ({@code --sources});
 *   <li>every line's capacity a multiple (0.5, 1, 2, 5) of the mean line flow of the undisturbed
 *       day (all up, nominal rates, solved by the engine with the importer's default capacity,
 *       which does not bind; the mean is over all lines, idle ones included);
 *   <li>failure probability per line 1% or 10% ({@code --failure-probability}).
 * </ul>
 *
 * 16 members. Capacities near the mean flow bind on most days, which the defaults (10 x demand per
 * source) never do. Design note: the capacity comes from a solve rather than a fixed number so that
 * "0.5x" means the same tightness whatever the sources; rejected: scaling the default capacity
 * (which is tied to supply per source, not to how much a line actually carries).
 */
final class BindingGridFamily {
  static final double[] LINE_FLOW_MULTIPLES = {0.5, 1, 2, 5};
  static final double[] SOURCE_SHARES = {0.05, 0.20};
  static final double[] FAILURE_PROBABILITIES = {0.01, 0.10};

  private BindingGridFamily() {}

  /** The members, or none (with a message) when the power grid file is not under {@code data}. */
  static List<BenchCommand.Case> cases(Path data, PrintWriter err) {
    List<BenchCommand.Case> cases = new ArrayList<>();
    Path grid = data == null ? null : data.resolve("power-grid/western-us-power-grid.mtx");
    if (grid == null || !Files.isRegularFile(grid)) {
      err.println(
          "corridor-risk: bench: power-grid/western-us-power-grid.mtx not found under the data"
              + " folder (use --data DIR)");
      return cases;
    }
    int nodes = 4941;
    for (double share : SOURCE_SHARES) {
      for (double p : FAILURE_PROBABILITIES) {
        for (double multiple : LINE_FLOW_MULTIPLES) {
          String name = name(multiple, share, p);
          // the member's own scenario name, so that its runs (out/<name>/) and reports differ
          ImportOptions options =
              new ImportOptions(
                  stem(fileName(name)),
                  null,
                  (int) Math.round(share * nodes),
                  null,
                  null,
                  p,
                  null,
                  null,
                  null);
          cases.add(BenchCommand.familyCase(name, grid, options, multiple));
        }
      }
    }
    return cases;
  }

  static String name(double multiple, double sourceShare, double failureProbability) {
    return String.format(
        Locale.ROOT,
        "grid cap %sx src %.0f%% p %.0f%%",
        multiple == Math.rint(multiple) ? String.valueOf((int) multiple) : String.valueOf(multiple),
        100 * sourceShare,
        100 * failureProbability);
  }

  /** A file name for a member: "grid-cap0.5x-src5-p1.yaml". */
  static String fileName(String caseName) {
    return caseName
            .replace("grid cap ", "grid-cap")
            .replace(" src ", "-src")
            .replace(" p ", "-p")
            .replace("%", "")
            .replace(' ', '-')
        + ".yaml";
  }

  private static String stem(String fileName) {
    return fileName.substring(0, fileName.length() - ".yaml".length());
  }

  /**
   * Writes the member: imports {@code mtx} with {@code options}, solves its undisturbed day, and
   * imports again with line capacity {@code multiple x} the mean line flow of that day.
   */
  static void write(Path mtx, ImportOptions options, double multiple, Path out)
      throws IOException, ScenarioException {
    Path probe = out.resolveSibling(out.getFileName() + ".probe.yaml");
    try {
      ScenarioImporter.importFile(mtx, null, options).write(probe, true);
      double capacity = multiple * meanUndisturbedLineFlow(ScenarioLoader.load(probe).baseline());
      ImportOptions tight =
          new ImportOptions(
              options.name(),
              options.horizonDays(),
              options.sources(),
              options.demandPerNode(),
              capacity,
              options.failureProbability(),
              options.commodity(),
              options.linkKind(),
              options.valueOfLostLoad());
      ImportedScenario imported = ScenarioImporter.importFile(mtx, null, tight);
      List<String> header = new ArrayList<>(imported.header());
      header.add("");
      header.add(
          String.format(
              Locale.ROOT,
              "Member %s of the binding-capacity family of `corridor-risk bench --suite grid`",
              options.name()));
      header.add(
          String.format(
              Locale.ROOT,
              "(docs/performance.md): line capacity = %s x the mean line flow of the undisturbed"
                  + " day (%s per day),",
              BigDecimal.valueOf(multiple).stripTrailingZeros().toPlainString(),
              BigDecimal.valueOf(capacity / multiple).stripTrailingZeros().toPlainString()));
      header.add(
          String.format(
              Locale.ROOT,
              "%d sources (highest degree), line failure probability %s.",
              options.sources(),
              BigDecimal.valueOf(options.failureProbability())
                  .stripTrailingZeros()
                  .toPlainString()));
      ObjectNode document = imported.document().deepCopy();
      document.put(
          "description",
          "Member "
              + options.name()
              + " of bench --suite grid: the Western US power grid topology with lines at "
              + BigDecimal.valueOf(multiple).stripTrailingZeros().toPlainString()
              + "x the mean undisturbed line flow (see the header comment).");
      new ImportedScenario(document, header, imported.warnings()).write(out, true);
    } finally {
      Files.deleteIfExists(probe);
    }
  }

  /** Mean over all links of the absolute flow on the day with everything up (commodity 0). */
  static double meanUndisturbedLineFlow(Scenario scenario) {
    NetworkIndex net = NetworkIndex.compile(scenario);
    DayOutput day = new DayOutput(net);
    new DailyFlowSolver(net).solve(0, new DayInput(net), day);
    double total = 0;
    for (double f : day.linkFlow) {
      total += f;
    }
    return total / net.linkCount();
  }
}
