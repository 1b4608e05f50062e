package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.report.charts.ChartStyle;
import org.corridorrisk.report.charts.Charts;
import org.corridorrisk.report.charts.Figure;
import org.corridorrisk.report.charts.HtmlPage;
import org.corridorrisk.report.charts.HtmlPage.Cell;
import org.corridorrisk.report.charts.NoChart;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.study.Comparison;
import org.corridorrisk.study.MitigationComparison;
import org.corridorrisk.study.PairedMetric;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * The self-contained comparison page ({@code compare.html}): verdicts, reductions with 95%
 * intervals per metric, the benefit-cost ranking, overlaid exceedance curves, paired-difference
 * histograms and cost against benefit with the efficient set marked.
 *
 * <p>Design note: busy charts are capped: exceedance curves and histograms show the baseline and
 * the {@value #MAX_CURVES} best-ranked mitigations; the tables always list every mitigation.
 */
public final class CompareReport {
  /** Most mitigations drawn in one exceedance chart or as separate histograms. */
  static final int MAX_CURVES = 6;

  private CompareReport() {}

  /** Writes the page of {@code comparison} to {@code file} (UTF-8, replacing it). */
  public static void write(Comparison comparison, Path file) throws IOException {
    page(comparison).write(file);
  }

  /** The page: {@link HtmlPage#write} writes it, {@link HtmlPage#figures} lists its charts. */
  public static HtmlPage page(Comparison c) {
    String name = c.baseline().scenario().name();
    String currency = c.baseline().scenario().currency();
    HtmlPage page = new HtmlPage("Mitigation comparison: " + name);
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("trials per variant", String.format(java.util.Locale.ROOT, "%,d", c.trials()));
    facts.put("seed", Long.toString(c.baseline().options().seed()));
    facts.put("mitigations", Integer.toString(c.mitigations().size()));
    facts.put("horizon", c.baseline().scenario().horizonDays() + " days");
    facts.put(
        "baseline mean economic loss",
        NumberText.money(currency, c.baselineMetric(Metric.ECONOMIC_LOSS).mean()));
    page.header(
        "Mitigation comparison: " + name,
        "Baseline against each mitigation on common random numbers (trial k of every variant sees the same"
            + " attacks, hazards and repair draws)",
        facts);
    List<MitigationComparison> ranked = c.ranking();
    if (ranked.isEmpty()) {
      page.headline("No mitigation was compared.");
      return page;
    }
    MitigationComparison best = ranked.get(0);
    page.headline(best.id() + " ranks first: " + best.verdict() + ".");

    verdicts(page, c, ranked, currency);
    reductions(page, c, ranked, currency);
    benefitCost(page, ranked, currency);
    exceedance(page, c, ranked, currency);
    histograms(page, c, ranked, currency);
    scatter(page, ranked, currency);
    method(page, c);
    return page;
  }

  private static void verdicts(
      HtmlPage page, Comparison c, List<MitigationComparison> ranked, String currency) {
    Metric headline = c.headlineMetric();
    page.section("verdicts", "Verdicts and ranking");
    page.paragraph(
        "Ranked by benefit-cost ratio (mean reduction of economic loss per unit of cost); a mitigation"
            + " with no cost that helps ranks first. 'Better' and 'worse' count the trials in which the mitigated"
            + " economic loss was lower or higher than the baseline's in the same trial.");
    HtmlPage.Table t =
        new HtmlPage.Table(
            "Reductions are baseline minus mitigated; the percentage column is the"
                + " relative reduction of mean "
                + headline.key()
                + ".",
            "mitigation",
            "rank",
            "cost",
            "econ. loss reduction",
            "95% CI",
            shortName(headline) + " red.",
            "better",
            "worse",
            "BCR",
            "efficient");
    for (MitigationComparison m : ranked) {
      PairedMetric econ = m.metric(Metric.ECONOMIC_LOSS);
      PairedMetric h = m.metric(headline);
      t.row(
          Cell.text(m.id()),
          Cell.text(Integer.toString(m.rank())),
          Cell.number(NumberText.money(currency, m.costUsd()), m.costUsd(), Map.of()),
          Cell.number(
              NumberText.money(currency, econ.meanReduction()), econ.meanReduction(), Map.of()),
          Cell.text(
              FewTrials.noInterval(
                      econ.reductionEffectiveTrials(),
                      econ.reductionCi95Low(),
                      econ.reductionCi95High())
                  ? FewTrials.NO_INTERVAL
                  : NumberText.compact(econ.reductionCi95Low())
                      + " to "
                      + NumberText.compact(econ.reductionCi95High())),
          Cell.number(NumberText.percent(h.relativeReduction()), h.relativeReduction(), Map.of()),
          Cell.number(
              NumberText.percent(econ.shareOfTrialsBetter()), econ.shareOfTrialsBetter(), Map.of()),
          Cell.number(
              NumberText.percent(econ.shareOfTrialsWorse()), econ.shareOfTrialsWorse(), Map.of()),
          Cell.number(
              Double.isNaN(m.benefitCostRatio())
                  ? "n/a (cost 0)"
                  : NumberText.compact(m.benefitCostRatio()),
              m.benefitCostRatio(),
              Map.of()),
          Cell.text(m.efficient() ? "yes" : "no"));
    }
    page.table(t);
    StringBuilder list = new StringBuilder("<ul class=\"verdicts\">\n");
    for (MitigationComparison m : ranked) {
      list.append("<li><strong>")
          .append(HtmlPage.escape(m.id()))
          .append("</strong>")
          .append(m.run().portfolio() ? " (portfolio)" : "")
          .append(": ")
          .append(HtmlPage.escape(m.verdict()))
          .append("</li>\n");
    }
    page.raw(list.append("</ul>\n").toString());
  }

  private static void reductions(
      HtmlPage page, Comparison c, List<MitigationComparison> ranked, String currency) {
    page.section("reductions", "Mean reduction per metric, with 95% confidence intervals");
    page.paragraph(
        "Each bar is the mean over trials of (baseline minus mitigated); the black line is its 95%"
            + " confidence interval from the paired differences. A bar right of zero means the mitigation lowers"
            + " that metric on average; an interval that crosses zero means the difference is not clear at this"
            + " number of trials.");
    List<String> skipped = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      boolean any =
          c.baselineMetric(metric).max() > 0
              || ranked.stream().anyMatch(m -> !m.metric(metric).unchanged());
      if (!any) {
        skipped.add(metric.key());
        continue;
      }
      List<Charts.Bar> bars = new ArrayList<>();
      for (MitigationComparison m : ranked) {
        PairedMetric p = m.metric(metric);
        bars.add(
            new Charts.Bar(
                m.id(), "", p.meanReduction(), p.reductionCi95Low(), p.reductionCi95High()));
      }
      Figure f =
          Charts.horizontalBars(
              "reduction-" + metric.key().replace('_', '-'),
              "Reduction of mean " + metric.key(),
              "Mean reduction of "
                  + metric.key()
                  + " ("
                  + unit(metric, currency)
                  + ") per mitigation; black lines: 95% confidence intervals.",
              bars,
              "mean reduction of " + metric.key() + " (" + unit(metric, currency) + ")",
              false);
      includeZeroAndIntervals(f, bars);
      page.figure(f);
    }
    if (!skipped.isEmpty()) {
      page.note(
          "Not shown (zero in every trial of every variant): " + String.join(", ", skipped) + ".");
    }
    page.note(
        "Intervals: Hall's skew-corrected t interval of the mean of the paired differences, which"
            + " stays honest when a few of many trials carry the difference, though not below 30"
            + " effective trials (docs/model.md, section 6).");
    for (String note : CompareJson.baselineNotes(c)) {
      page.note(Character.toUpperCase(note.charAt(0)) + note.substring(1) + ".");
    }
    List<String> few = new ArrayList<>();
    for (MitigationComparison m : ranked) {
      for (Metric metric : Metric.values()) {
        PairedMetric p = m.metric(metric);
        if (p.fewTrials()) {
          few.add(
              m.id()
                  + " / "
                  + metric.key()
                  + String.format(
                      java.util.Locale.ROOT,
                      " (%.0f effective trials)",
                      p.reductionEffectiveTrials()));
        }
      }
    }
    if (!few.isEmpty()) {
      page.note(
          "Rests on few trials (fewer than 30 effective trials carry the mean reduction, so it may"
              + " move a lot in another run, and its 95% interval rests on too few trials to bound"
              + " it reliably; with no spread among the trials there is no interval at all): "
              + String.join(", ", few)
              + ". Run more trials (--trials) to pin these down.");
    }
  }

  private static void benefitCost(
      HtmlPage page, List<MitigationComparison> ranked, String currency) {
    page.section("benefit-cost", "Benefit-cost ranking");
    List<Charts.Bar> bars = new ArrayList<>();
    List<String> free = new ArrayList<>();
    for (MitigationComparison m : ranked) {
      if (Double.isNaN(m.benefitCostRatio())) {
        free.add(m.id());
      } else {
        bars.add(
            new Charts.Bar(
                m.id(),
                m.efficient() ? "efficient" : "dominated",
                m.benefitCostRatio(),
                m.benefitCostCi95Low(),
                m.benefitCostCi95High()));
      }
    }
    if (!bars.isEmpty() && bars.stream().allMatch(b -> b.value() == 0)) {
      page.noChart(
          new NoChart(
              "benefit-cost",
              "Benefit-cost ratio",
              "No mitigation changed the economic loss of any trial: every ratio is 0, nothing to"
                  + " chart."));
    } else if (!bars.isEmpty()) {
      Figure f =
          Charts.horizontalBars(
              "benefit-cost",
              "Benefit-cost ratio",
              "Mean reduction of economic loss per "
                  + currency
                  + " spent, best first; above 1 the expected avoided"
                  + " loss exceeds the cost; black lines: 95% confidence intervals.",
              bars,
              "benefit-cost ratio (" + currency + " avoided per " + currency + " spent)",
              false);
      includeZeroAndIntervals(f, bars);
      page.figure(f);
    }
    if (!free.isEmpty()) {
      page.note(
          "No benefit-cost ratio for mitigations with cost 0: " + String.join(", ", free) + ".");
    }
  }

  private static void exceedance(
      HtmlPage page, Comparison c, List<MitigationComparison> ranked, String currency) {
    page.section("exceedance", "Exceedance curves: baseline and mitigations");
    List<Metric> metrics = new ArrayList<>(List.of(Metric.ECONOMIC_LOSS));
    if (c.headlineMetric() != Metric.ECONOMIC_LOSS) {
      metrics.add(c.headlineMetric());
    }
    int horizon = c.baseline().scenario().horizonDays();
    for (Metric metric : metrics) {
      double[] base = java.util.Arrays.copyOf(c.baseline().values(metric), c.trials());
      String id = "exceedance-" + metric.key().replace('_', '-');
      String title = "Chance of reaching each " + metric.key();
      if (c.baselineMetric(metric).max() <= 0) {
        page.noChart(
            new NoChart(
                id,
                title,
                "No baseline trial had " + metric.key() + " above 0: nothing to chart."));
        continue;
      }
      List<Charts.Series> series = new ArrayList<>();
      series.add(new Charts.Series("baseline", base));
      for (MitigationComparison m : top(ranked)) {
        series.add(
            new Charts.Series(
                m.id(), java.util.Arrays.copyOf(m.run().result().values(metric), c.trials())));
      }
      boolean logX = Charts.logScaleUseful(base);
      page.figure(
          Charts.exceedance(
              id,
              title,
              "For each value on the x axis, the share of trials ("
                  + horizon
                  + "-day periods) in which "
                  + metric.key()
                  + " reached at least that value; a curve below and left of the baseline's means a lower risk of"
                  + " large losses.",
              series,
              metric.key() + " (" + unit(metric, currency) + ")",
              "probability of reaching x per " + horizon + "-day period",
              logX,
              true,
              400));
    }
    if (ranked.size() > MAX_CURVES) {
      page.note(
          "Curves show the " + MAX_CURVES + " best-ranked of " + ranked.size() + " mitigations.");
    }
  }

  private static void histograms(
      HtmlPage page, Comparison c, List<MitigationComparison> ranked, String currency) {
    page.section("paired-differences", "Paired differences of economic loss");
    page.paragraph(
        "For each trial: baseline economic loss minus the mitigated economic loss in the same trial."
            + " Most trials usually show no difference at all (nothing the mitigation touches was hit);"
            + " the charts leave those out and show the rest by size on a logarithmic axis: blue, trials"
            + " the mitigation made cheaper, by how much; orange, trials it made dearer. Bar heights are"
            + " shares of all trials.");
    for (MitigationComparison m : top(ranked)) {
      double[] d = c.differences(m, Metric.ECONOMIC_LOSS);
      PairedMetric p = m.metric(Metric.ECONOMIC_LOSS);
      double largest = 0;
      for (double v : d) {
        if (Double.isFinite(v)) {
          largest = Math.max(largest, Math.abs(v));
        }
      }
      double zeroBelow = largest * ReportFacts.NEGLIGIBLE_SHARE_OF_MAX;
      long zeros = java.util.Arrays.stream(d).filter(v -> Math.abs(v) <= zeroBelow).count();
      String shares =
          NumberText.percent((double) zeros / d.length)
              + " of trials show no difference (not drawn); better in "
              + NumberText.percent(p.shareOfTrialsBetter())
              + ", worse in "
              + NumberText.percent(p.shareOfTrialsWorse())
              + ".";
      Figure f =
          Charts.signedLogHistogram(
              "paired-" + m.rank(),
              m.id() + ": how much it changes economic loss, trials with a difference",
              "Share of all trials per bin of the size of the paired difference ("
                  + currency
                  + ", logarithmic bins); "
                  + shares,
              d,
              zeroBelow,
              "size of the difference, baseline minus mitigated (" + currency + ", log scale)",
              "cheaper with " + m.id(),
              "dearer with " + m.id(),
              30);
      if (f == null) {
        page.note(m.id() + ": no trial's economic loss differs from the baseline.");
        continue;
      }
      page.figure(new Figure(f.id(), f.chart(), f.guide(), f.widthPx(), 320));
    }
  }

  private static void scatter(HtmlPage page, List<MitigationComparison> ranked, String currency) {
    page.section("cost-benefit", "Cost against benefit, efficient set marked");
    List<Charts.Point> points = new ArrayList<>();
    for (MitigationComparison m : ranked) {
      points.add(
          new Charts.Point(
              m.id(),
              m.efficient() ? "efficient set" : "dominated",
              m.costUsd(),
              m.metric(Metric.ECONOMIC_LOSS).meanReduction(),
              true));
    }
    String title = "Cost and mean reduction of economic loss";
    if (points.stream().allMatch(p -> p.y() == 0)) {
      page.noChart(
          new NoChart(
              "cost-benefit",
              title,
              "No mitigation changed the mean economic loss: nothing to chart."));
      page.paragraph("Efficient set: none (no mitigation reduces the mean economic loss).");
      return;
    }
    Figure f =
        Charts.scatter(
            "cost-benefit",
            title,
            "Each point is a mitigation; the efficient set (joined by the line from doing nothing at 0, 0) holds those"
                + " that no other option beats on both cost (left is cheaper) and mean reduction of economic loss"
                + " (up is better).",
            points,
            "cost (" + currency + ")",
            "mean reduction of economic loss (" + currency + ")",
            false,
            false);
    frontier(f, ranked);
    page.figure(f);
    List<String> efficient =
        ranked.stream()
            .filter(MitigationComparison::efficient)
            .map(MitigationComparison::id)
            .toList();
    page.paragraph(
        "Efficient set: "
            + (efficient.isEmpty()
                ? "none (no mitigation reduces the mean economic loss)"
                : String.join(", ", efficient))
            + ".");
  }

  private static void method(HtmlPage page, Comparison c) {
    page.section("method", "How the comparison is made");
    page.paragraph(
        "Every variant ran "
            + c.trials()
            + " trials with seed "
            + c.baseline().options().seed()
            + ". Trial k of a mitigated scenario uses the same random numbers as trial k of the baseline for attack"
            + " times, target choices, success and repair draws; a changed probability or repair distribution moves"
            + " the outcome through the same uniform draw. The differences therefore measure the mitigation, not"
            + " the noise of two separate samples, and intervals come from the per-trial differences.");
    MitigationComparison first = c.ranking().get(0);
    double factor = first.metric(Metric.ECONOMIC_LOSS).varianceReductionFactor();
    if (Double.isFinite(factor)) {
      page.paragraph(
          "For "
              + first.id()
              + ", pairing makes the variance of the economic-loss difference "
              + NumberText.compact(factor)
              + " times smaller than two independent runs would have (estimated as"
              + " (Var baseline + Var mitigated) / Var paired difference).");
    }
  }

  /**
   * Draws the efficient frontier from (0, 0) through the efficient points by cost; pads the axes.
   */
  private static void frontier(Figure f, List<MitigationComparison> ranked) {
    XYPlot plot = f.chart().getXYPlot();
    List<MitigationComparison> efficient =
        new ArrayList<>(ranked.stream().filter(MitigationComparison::efficient).toList());
    efficient.sort(java.util.Comparator.comparingDouble(MitigationComparison::costUsd));
    double x0 = 0;
    double y0 = 0;
    for (MitigationComparison m : efficient) {
      double x1 = m.costUsd();
      double y1 = m.metric(Metric.ECONOMIC_LOSS).meanReduction();
      plot.addAnnotation(
          new XYLineAnnotation(x0, y0, x1, y1, ChartStyle.line(1.2), ChartStyle.NEUTRAL));
      x0 = x1;
      y0 = y1;
    }
    double xMax = 0;
    double yMin = 0;
    double yMax = 0;
    for (MitigationComparison m : ranked) {
      double y = m.metric(Metric.ECONOMIC_LOSS).meanReduction();
      xMax = Math.max(xMax, m.costUsd());
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
    xMax = xMax > 0 ? xMax : 1;
    double ySpan = yMax > yMin ? yMax - yMin : 1;
    plot.getDomainAxis().setRange(-0.03 * xMax, 1.15 * xMax);
    plot.getRangeAxis().setRange(yMin - 0.08 * ySpan, yMax + 0.1 * ySpan);
  }

  private static String shortName(Metric m) {
    return switch (m) {
      case PERSON_DAYS_WITHOUT_SERVICE -> "person-days";
      case UNSERVED_FRACTION -> "unserved";
      default -> m.key().replace('_', ' ');
    };
  }

  private static List<MitigationComparison> top(List<MitigationComparison> ranked) {
    return ranked.subList(0, Math.min(MAX_CURVES, ranked.size()));
  }

  /**
   * Widens a bar chart's value axis to show zero and every interval (reductions can be negative).
   */
  private static void includeZeroAndIntervals(Figure f, List<Charts.Bar> bars) {
    double lo = 0;
    double hi = 0;
    for (Charts.Bar b : bars) {
      for (double v : new double[] {b.value(), b.low(), b.high()}) {
        if (Double.isFinite(v)) {
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    if (hi == lo) {
      hi = lo + 1;
    }
    double pad = 0.06 * (hi - lo);
    ValueAxis axis = f.chart().getCategoryPlot().getRangeAxis();
    axis.setRange(lo < 0 ? lo - pad : 0, hi > 0 ? hi + pad : 0 + pad);
  }

  private static String unit(Metric m, String currency) {
    return "currency".equals(m.unitKind()) ? currency : m.unitKind();
  }
}
