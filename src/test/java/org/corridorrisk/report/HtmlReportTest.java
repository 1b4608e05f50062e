package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.MetricSummary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
  private static final Instant WHEN = Instant.parse("2026-11-23T12:00:00Z");

  static String html(StudyResult r) {
    return HtmlReport.html(r, "test", WHEN);
  }

  static double dataValue(String html, String metric, String stat) {
    Matcher m =
        Pattern.compile(
                "data-metric=\""
                    + Pattern.quote(metric)
                    + "\" data-stat=\""
                    + stat
                    + "\" data-value=\"([^\"]+)\"|data-stat=\""
                    + stat
                    + "\" data-metric=\""
                    + Pattern.quote(metric)
                    + "\" data-value=\"([^\"]+)\"")
            .matcher(html);
    assertTrue(m.find(), "no data-value for " + metric + "/" + stat);
    return Double.parseDouble(m.group(1) != null ? m.group(1) : m.group(2));
  }

  @Test
  void keyNumbers_equalMetricSummaryOfThePerTrialValues() {
    StudyResult r = SyntheticStudy.result(2_000, 7, true);
    String html = html(r);
    for (Metric m : Metric.values()) {
      MetricSummary s = MetricSummary.of(r.values(m), r.keptTrials());
      assertEquals(s.mean(), dataValue(html, m.key(), "mean"), m.key());
      assertEquals(s.p50(), dataValue(html, m.key(), "p50"), m.key());
      assertEquals(s.var95(), dataValue(html, m.key(), "var95"), m.key());
      assertEquals(s.cvar95(), dataValue(html, m.key(), "cvar95"), m.key());
      assertEquals(s.max(), dataValue(html, m.key(), "max"), m.key());
    }
  }

  @Test
  void chartsDrawnInParallel_appearInPageOrder_eachAsDrawnAlone() {
    StudyResult r = SyntheticStudy.result(3_000, 11, true);
    String page = html(r);
    List<org.corridorrisk.report.charts.Figure> figures = HtmlReport.figures(r);
    assertTrue(figures.size() >= 8, "figures: " + figures.size());
    int at = 0;
    for (org.corridorrisk.report.charts.Figure f : figures) {
      // each figure's own drawing, alone on this thread, is in the page after the previous one
      int found = page.indexOf(f.svg(), at);
      assertTrue(found >= at, "figure " + f.id() + " missing or out of order");
      at = found + 1;
    }
    assertEquals(page, html(r), "the same page twice");
  }

  @Test
  void report_hasAtLeastEightChartsEachWithTitleAndGuide() {
    String html = html(SyntheticStudy.result(1_000, 3, true));
    List<String> charts = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<figure class=\"chart\" id=\"fig-([a-z0-9-]+)\" data-chart=\"[^\"]+\">\\n<svg "
                    + "role=\"img\" aria-label=\"([^\"]+)\"[\\s\\S]*?</svg>\\n<figcaption>([^<]+)</figcaption>")
            .matcher(html);
    while (m.find()) {
      charts.add(m.group(1));
      assertFalse(m.group(2).isBlank());
      assertTrue(m.group(3).length() > 20, "guide of " + m.group(1));
    }
    assertTrue(
        charts.containsAll(
            List.of(
                "loss-histogram",
                "exceedance-loss",
                "exceedance-person-days",
                "resilience",
                "sinks-gas",
                "sectors-inoperability",
                "drivers-tornado",
                "drivers-scatter",
                "network-map",
                "convergence")),
        charts.toString());
  }

  @Test
  void report_isSelfContained() {
    String html = html(SyntheticStudy.result(1_000, 3, true));
    assertFalse(
        Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
            .matcher(html)
            .find(),
        "references something on the network");
    assertFalse(html.contains("<script"), "has a script");
    assertFalse(html.contains("@import") || html.contains("url(http"), "loads CSS or fonts");
    assertFalse(html.contains("<img"), "has an external image");
  }

  @Test
  void report_forTenThousandTrials_isUnderThreeMegabytes(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("report.html");
    HtmlReport.write(SyntheticStudy.result(10_000, 5, true), file);
    long size = Files.size(file);
    assertTrue(size < 3_000_000, "report is " + size + " bytes");
  }

  @Test
  void headline_isDerivedFromPersonDaysAndPopulationOfTheCommodity() {
    // one commodity (gas): its sinks serve 3.7M + 20M = 23.7M people (italy-industry has none)
    StudyResult r = SyntheticStudy.result(2_000, 11, true);
    String html = html(r);
    MetricSummary pd = r.summary(org.corridorrisk.sim.Columns.of(r.scenario()).personDays(0));
    String expected =
        "Gas: on average "
            + NumberText.compact(pd.mean())
            + " person-days without gas per 90-day period (95% CI "
            + NumberText.compact(pd.ci95Low())
            + " to "
            + NumberText.compact(pd.ci95High())
            + "), as if all 23.7M people served by gas went without it for "
            + PeopleServed.duration(pd.mean() / 23.7e6)
            + ".";
    assertTrue(html.contains(expected), "headline missing: " + expected);
    double[] sorted = r.personDays()[0].clone();
    java.util.Arrays.sort(sorted);
    String tail =
        "In 1 of 20 simulated 90-day periods at least "
            + NumberText.compact(MetricSummary.percentile(sorted, 0.95))
            + " person-days without gas";
    assertTrue(html.contains(tail), "tail missing: " + tail);
  }

  @Test
  void headline_whenNothingIsLost_saysSoPlainly() {
    StudyResult full = SyntheticStudy.result(500, 1, true);
    double[][] zeros = new double[full.metricValues().length][500];
    StudyResult r =
        new StudyResult(
            full.scenario(),
            full.options(),
            500,
            full.elapsedNanos(),
            zeros,
            new double[][] {new double[500]},
            new double[][] {new double[500]},
            new double[][] {new double[500], new double[500]},
            new double[][] {new double[500], new double[500]},
            full.daily(),
            full.sinks(),
            full.assets());
    String html = html(r);
    assertTrue(
        html.contains(
            "No simulated 90-day period lost any supply: in all 500 trials every sink was fully served."));
  }

  /**
   * {@code n} trials of the synthetic scenario in which nobody goes without service and the first
   * {@code lossy} trials lose a tenth of demand (at some money), the rest nothing.
   */
  private static StudyResult lossInFirstTrials(int n, int lossy) {
    StudyResult full = SyntheticStudy.result(n, 1, true);
    double[][] values = new double[full.metricValues().length][n];
    for (int t = 0; t < lossy; t++) {
      values[Metric.UNSERVED_FRACTION.ordinal()][t] = 0.1;
      values[Metric.DIRECT_LOSS.ordinal()][t] = 1e6;
      values[Metric.ECONOMIC_LOSS.ordinal()][t] = 1e6;
    }
    return new StudyResult(
        full.scenario(),
        full.options(),
        n,
        full.elapsedNanos(),
        values,
        new double[][] {new double[n]},
        new double[][] {new double[n]},
        new double[][] {new double[n], new double[n]},
        new double[][] {new double[n], new double[n]},
        full.daily(),
        full.sinks(),
        full.assets());
  }

  @Test
  void secondLine_withoutAnyLoss_saysNoneInsteadOfZeroPercent() {
    String html = html(lossInFirstTrials(500, 0));
    assertTrue(
        html.contains(
            "No demand went unserved in any of the 500 simulated 90-day periods. No trial had an"
                + " economic loss."),
        "plain statement");
    assertFalse(html.contains("goes unserved in 0%"), "no 'some demand ... in 0%'");
  }

  @Test
  void zeroLossStudy_leavesOutChartsWithNothingToDraw_withALineInTheirPlace() {
    StudyResult r = lossInFirstTrials(500, 0);
    String html = html(r);
    // an empty chart had a made-up axis: -5e-9 to 5e-9
    Matcher tiny = Pattern.compile(">-?[0-9.]+e-[0-9]+<").matcher(html);
    assertFalse(tiny.find(), "tick in scientific notation: " + (tiny.find(0) ? tiny.group() : ""));
    for (String id :
        List.of(
            "loss-histogram",
            "exceedance-loss",
            "exceedance-person-days",
            "drivers-tornado",
            "drivers-scatter",
            "convergence")) {
      assertFalse(html.contains("data-chart=\"" + id + "\""), id + " is not drawn");
      assertTrue(html.contains("data-no-chart=\"" + id + "\""), id + " has its line");
    }
    assertTrue(
        html.contains(
            "<b>Exceedance curve of economic loss:</b> No trial had an economic loss: nothing to"
                + " chart.</p>"),
        "the line says why");
    assertTrue(html.contains("data-chart=\"network-map\""), "the map is always drawn");
    assertTrue(
        HtmlReport.figures(r).stream().noneMatch(f -> f.id().equals("loss-histogram")),
        "no file for --charts");
  }

  @Test
  void secondLine_withFewTrials_givesCountsNotPercentages() {
    String html = html(lossInFirstTrials(3, 2));
    assertTrue(html.contains("Some demand goes unserved in 2 of 3 simulated 90-day periods."));
    assertFalse(html.contains("66.7% of simulated"), "no percentage of 3 trials");
    String one = html(lossInFirstTrials(1, 1));
    assertTrue(one.contains("Some demand goes unserved in 1 of 1 simulated 90-day period."));
  }

  @Test
  void returnLevels_belowTenTrials_areANoteNotAnEmptyTable() {
    String few = html(lossInFirstTrials(9, 2));
    assertFalse(few.contains("(return levels)"), "no table without a single level");
    assertTrue(
        few.contains(
            "No return levels (1 in 10 90-day periods and rarer): they need at least 10 trials,"
                + " and this study ran 9."));
    assertTrue(html(lossInFirstTrials(10, 2)).contains("(return levels)"), "table from 10");
  }

  @Test
  void headline_callsALossRareOnlyBelowFivePercent() {
    // 2 of 50 trials (4%): rare
    assertTrue(
        html(lossInFirstTrials(50, 2))
            .contains(
                "Loss of supply is rare: it occurred in "
                    + NumberText.percent(0.04)
                    + " of 50 simulated 90-day periods."));
    // 2 of 40 (5%) and 6 of 10 (60%, too few trials for a 1-in-20 level): not rare
    for (int[] c : new int[][] {{40, 2}, {10, 6}}) {
      String html = html(lossInFirstTrials(c[0], c[1]));
      String expected =
          String.format(
              java.util.Locale.ROOT,
              "Loss of supply occurred in %s of %d simulated 90-day periods.",
              NumberText.percent((double) c[1] / c[0]),
              c[0]);
      assertTrue(html.contains(expected), expected);
      assertFalse(html.contains(" is rare"), c[0] + " trials");
    }
  }

  @Test
  void fewerTrialsThanAReturnPeriod_showNoLevelForIt() {
    // 19 trials cannot show a 1-in-20 level: not in the people headline, not in its table
    String few = html(SyntheticStudy.result(19, 11, true));
    assertFalse(few.contains("In 1 of 20 "), "1 of 20 with 19 trials");
    assertFalse(few.contains("1 in 20 periods: at least"), "1 in 20 with 19 trials");
    assertFalse(few.contains("In 1 of 100 "), "1 of 100 with 19 trials");
    String enough = html(SyntheticStudy.result(20, 11, true));
    assertTrue(enough.contains("1 in 20 periods: at least"), "people table with 20 trials");
  }

  @Test
  void networkWithoutLocations_getsASchematicMap() {
    String html = html(SyntheticStudy.result(500, 1, false));
    assertTrue(html.contains("Schematic layout"));
    assertFalse(html.contains("longitude"));
  }

  @Test
  void earlyStoppedRun_reportsOnlyTheTrialsRun() {
    StudyResult full = SyntheticStudy.result(3_000, 9, true);
    // a study with a CI target of 1% and at most 3,000 trials that stopped at 1,000
    StudyResult stopped =
        firstTrials(full, new org.corridorrisk.sim.RunOptions(3_000, 9, 2, 0.01, null), 1_000);
    String html = html(stopped);
    assertEquals(
        MetricSummary.of(full.values(Metric.ECONOMIC_LOSS), 1_000).mean(),
        dataValue(html, "economic_loss", "mean"));
    assertTrue(html.contains("1,000 (stopped early at the CI target; at most 3,000)"));
    // the same trials without a CI target: only an interruption stops a study early
    assertFalse(html(firstTrials(full, full.options(), 1_000)).contains("stopped early"));
  }

  /** The first {@code n} trials of {@code full}, as a study run with {@code options}. */
  private static StudyResult firstTrials(
      StudyResult full, org.corridorrisk.sim.RunOptions options, int n) {
    return new StudyResult(
        full.scenario(),
        options,
        n,
        full.elapsedNanos(),
        full.metricValues(),
        full.unservedVolume(),
        full.personDays(),
        full.peakInoperability(),
        full.sectorIndirectLoss(),
        full.daily(),
        full.sinks(),
        full.assets());
  }

  /** Writes the synthetic report to target/ for a look in a browser (not an assertion). */
  @Test
  void syntheticReport_isWrittenForInspection() throws Exception {
    Path out = Path.of("target", "synthetic-report.html");
    Files.createDirectories(out.getParent());
    HtmlReport.write(SyntheticStudy.result(10_000, 5, true), out, "test");
    assertTrue(Files.size(out) > 10_000);
  }

  @Test
  void convergenceCurve_endsAtTheKeyNumberMeanAndStaysNonNegative() {
    StudyResult r = SyntheticStudy.result(1_234, 4, true);
    org.corridorrisk.report.charts.Figure f =
        HtmlReport.figures(r).stream()
            .filter(x -> x.id().equals("convergence"))
            .findFirst()
            .orElseThrow();
    var plot = f.chart().getXYPlot();
    var data = (org.jfree.data.xy.YIntervalSeriesCollection) plot.getDataset();
    int last = data.getItemCount(0) - 1;
    assertEquals(30.0, data.getXValue(0, 0));
    assertEquals(1_234.0, data.getXValue(0, last));
    MetricSummary s = MetricSummary.of(r.values(Metric.ECONOMIC_LOSS), r.keptTrials());
    assertEquals(s.mean(), data.getYValue(0, last), 1e-9 * s.mean());
    assertEquals(s.ci95High(), data.getEndYValue(0, last), 1e-9 * s.mean());
    for (int i = 0; i <= last; i++) {
      assertTrue(data.getStartYValue(0, i) >= 0);
      assertTrue(i == 0 || data.getXValue(0, i) > data.getXValue(0, i - 1));
    }
  }

  @Test
  void singleTrialWithoutEconomy_stillGivesACompleteReport() {
    StudyResult full = SyntheticStudy.result(1, 8, true);
    org.corridorrisk.model.Scenario s = full.scenario();
    org.corridorrisk.model.Scenario noEconomy =
        new org.corridorrisk.model.Scenario(
            s.name(),
            s.description(),
            s.horizonDays(),
            s.currency(),
            s.commodities(),
            s.nodes().stream()
                .map(
                    n ->
                        n.sector() == null
                            ? n
                            : n.withSinkDetails(
                                n.priority(), n.population(), n.valueOfLostLoad(), null))
                .toList(),
            s.links(),
            s.threats(),
            s.dependencies(),
            null,
            s.mitigations());
    StudyResult r =
        new StudyResult(
            noEconomy,
            full.options(),
            1,
            full.elapsedNanos(),
            full.metricValues(),
            full.unservedVolume(),
            full.personDays(),
            new double[0][],
            new double[0][],
            full.daily(),
            full.sinks(),
            full.assets());
    String html = html(r);
    assertFalse(html.contains("sectors-inoperability"));
    // the one trial has no loss: the convergence chart has its line in place of an empty drawing
    assertEquals(0.0, r.values(Metric.ECONOMIC_LOSS)[0]);
    assertTrue(html.contains("data-no-chart=\"convergence\""));
    assertEquals(r.values(Metric.ECONOMIC_LOSS)[0], dataValue(html, "economic_loss", "max"));
  }
}
