package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.report.ReportFacts.Summarized;
import org.corridorrisk.report.charts.Charts;
import org.corridorrisk.report.charts.Charts.Band;
import org.corridorrisk.report.charts.Charts.Bar;
import org.corridorrisk.report.charts.Charts.Point;
import org.corridorrisk.report.charts.Charts.Series;
import org.corridorrisk.report.charts.Charts.TornadoBar;
import org.corridorrisk.report.charts.Figure;
import org.corridorrisk.report.charts.HtmlPage;
import org.corridorrisk.report.charts.HtmlPage.Cell;
import org.corridorrisk.report.charts.HtmlPage.Table;
import org.corridorrisk.report.charts.NetworkMap;
import org.corridorrisk.report.charts.NetworkMap.MapLink;
import org.corridorrisk.report.charts.NetworkMap.MapNode;
import org.corridorrisk.report.charts.NoChart;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.report.charts.PageChart;
import org.corridorrisk.sim.Columns;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.sim.StudyResult.AssetStat;
import org.corridorrisk.sim.StudyResult.SinkStat;
import org.corridorrisk.stats.MetricSummary;

/**
 * The self-contained HTML report of a run ({@code report.html}): header and plain-language
 * headline, key numbers of every metric, and the charts (distribution, exceedance, resilience,
 * unserved volume by sink, sectors, asset drivers, convergence, network map).
 *
 * <p>Contract: the file needs no network access (inline CSS and SVG, no scripts, no external fonts
 * or images) and prints on A4. Every key number is computed with {@link
 * org.corridorrisk.stats.MetricSummary} from the same per-trial arrays as {@code summary.json} and
 * carries its exact value in {@code data-value} (with {@code data-metric} and {@code data-stat}
 * named as in {@code summary.json}). Curves are thinned (at most {@value #MAX_CURVE_POINTS} points
 * each), so the size hardly grows with the number of trials. Not thread-safe per result; separate
 * calls may run concurrently.
 */
public final class HtmlReport {
  /** Most points drawn per exceedance or convergence curve. */
  public static final int MAX_CURVE_POINTS = 500;

  private static final int MAX_BARS = 25;
  private static final int MAX_DRIVERS = 15;
  private static final int MAX_MAP_LABELS = 30;

  private HtmlReport() {}

  /**
   * Loads ahead of time what writing a report loads at first use (the bundled fonts), so a report
   * can still be written while the JVM shuts down (Ctrl-C handled by a shutdown hook).
   */
  public static void prepare() {
    try {
      Class.forName(
          "org.corridorrisk.report.charts.ChartStyle", true, HtmlReport.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes the report of {@code result} to {@code file}, with this build's version. */
  public static void write(StudyResult result, Path file) throws IOException {
    write(result, file, ReportFacts.version());
  }

  /** Writes the report of {@code result} to {@code file}, naming {@code version} in the header. */
  public static void write(StudyResult result, Path file, String version) throws IOException {
    new Builder(result).page(version, Instant.now()).write(file);
  }

  /** The report as an HTML string (for tests and other writers). */
  public static String html(StudyResult result, String version, Instant generated) {
    return new Builder(result).page(version, generated).html();
  }

  /**
   * The report's charts, in page order, for export as files ({@code --charts svg,png}). Ids are
   * stable file names ({@code loss-histogram}, {@code exceedance-loss}, ...).
   */
  public static List<Figure> figures(StudyResult result) {
    return charts(result).stream()
        .filter(Figure.class::isInstance)
        .map(Figure.class::cast)
        .toList();
  }

  /**
   * The report's charts in page order, drawn or left out for having nothing to draw (every value
   * zero: {@link NoChart}).
   */
  public static List<PageChart> charts(StudyResult result) {
    return new Builder(result).charts();
  }

  /** A chart and its SVG (null for a chart left out). */
  private record Drawn(PageChart chart, String svg) {}

  /**
   * The tornado's bars: the {@code max} hit assets with the longest bars (loss when disabled
   * against loss when intact, around {@code mean}), longest first, ties by label.
   *
   * <p>Design note: only the bars shown get their label (the id with the share of trials disabled
   * as a percentage): a large grid has thousands of hit assets and showed 15. Ordering ties by id
   * is ordering them by label: ids are unique and made of {@code [A-Za-z0-9._-]}, all after the
   * space that ends an id in its label, so two labels first differ inside the shorter id or at its
   * end, where the shorter id's space sorts first, as the shorter id does.
   */
  static List<TornadoBar> tornadoBars(List<AssetStat> hit, double mean, int max) {
    record Row(AssetStat asset, double low, double high) {}
    List<Row> rows = new ArrayList<>(hit.size());
    for (AssetStat a : hit) {
      double share = a.shareOfTrialsDisabled();
      double whenDisabled = a.meanEconomicLossWhenDisabled();
      double whenIntact =
          share < 1 ? Math.max(0, (mean - share * whenDisabled) / (1 - share)) : mean;
      rows.add(new Row(a, whenIntact, whenDisabled));
    }
    List<Row> longest =
        Ranking.first(
            rows,
            max,
            Comparator.comparingDouble((Row t) -> Math.abs(t.high() - t.low()))
                .reversed()
                .thenComparing(t -> t.asset().id()));
    List<TornadoBar> shown = new ArrayList<>();
    for (Row t : longest) {
      AssetStat a = t.asset();
      shown.add(
          new TornadoBar(
              a.id() + " (" + NumberText.percent(a.shareOfTrialsDisabled()) + ")",
              t.low(),
              t.high()));
    }
    return shown;
  }

  /** Builds one report; holds the per-metric summaries so each array is sorted once. */
  private static final class Builder {
    final StudyResult r;
    final Scenario s;
    final int n;
    final long total;
    final Map<Metric, Summarized> metrics = new LinkedHashMap<>();
    final String periodName;
    final String perPeriod;

    Builder(StudyResult r) {
      this.r = r;
      this.s = r.scenario();
      this.n = r.keptTrials();
      this.total = r.trials();
      if (n < 1) {
        throw new IllegalArgumentException(
            "a report needs at least one trial but the result had " + n);
      }
      for (Metric m : Metric.values()) {
        metrics.put(m, Summarized.of(r, m.ordinal()));
      }
      int h = s.horizonDays();
      periodName = h == 365 ? "year" : h + "-day period";
      perPeriod = h == 365 ? "per year" : "per " + h + "-day period";
    }

    String currency() {
      return s.currency();
    }

    HtmlPage page(String version, Instant generated) {
      HtmlPage page = new HtmlPage("Risk report: " + s.name());
      Map<String, String> facts = new LinkedHashMap<>();
      facts.put("scenario", s.name());
      facts.put("horizon", s.horizonDays() + (s.horizonDays() == 1 ? " day" : " days"));
      java.time.LocalDate start = s.incidents().startDate();
      if (start != null) {
        facts.put(
            "calendar",
            "day 0 = "
                + start
                + ", last day "
                + (s.horizonDays() - 1)
                + " = "
                + s.incidents().dateOf(s.horizonDays() - 1)
                + " (start_date)");
      }
      String trials = String.format(Locale.ROOT, "%,d", total);
      long planned = r.options().maxTrials();
      if (r.interrupted()) {
        trials += " (interrupted; " + String.format(Locale.ROOT, "%,d", planned) + " planned)";
      } else if (r.options().hasCiTarget() && total < planned) {
        trials +=
            " (stopped early at the CI target; at most "
                + String.format(Locale.ROOT, "%,d", planned)
                + ")";
      } else if (total > r.options().trials()) {
        trials +=
            " (continued from "
                + String.format(Locale.ROOT, "%,d", r.options().trials())
                + " while an estimate rested on few trials or no trial had a loss)";
      }
      facts.put("trials", trials);
      facts.put("seed", Long.toString(r.options().seed()));
      double seconds = r.elapsedNanos() / 1e9;
      facts.put(
          "run time",
          String.format(
              Locale.ROOT,
              "%.1f s (%s trials/s, %d threads)",
              seconds,
              NumberText.compact(seconds > 0 ? total / seconds : Double.NaN),
              r.options().threads()));
      facts.put("version", "corridor-risk " + version);
      facts.put(
          "generated",
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
              .format(generated.atOffset(ZoneOffset.UTC)));
      page.header("Risk report: " + s.name(), s.description(), facts);
      for (String line : headlines()) {
        page.headline(line);
      }
      page.paragraph(secondLine());

      page.section("key-numbers", "Key numbers");
      page.table(keyTable());
      String fewNote = fewTrialsNote();
      if (!fewNote.isEmpty()) {
        page.note(fewNote);
      }
      page.note(
          "Mean with 95% confidence interval (Hall's skew-corrected t interval, which stays honest when a "
              + "few of many trials carry the mean, though not below 30 effective trials; see docs/model.md). Median, VaR95 (95th percentile) "
              + "and max are nearest-rank order statistics of the per-trial values; CVaR95 is the mean of the worst "
              + "5% of trials. \"Any loss\" is the share of trials with a value above zero (ignoring floating-point "
              + "residuals below a billionth of the largest value). Same definitions and numbers as summary.json.");
      if (n >= 10) {
        page.table(returnPeriodTable());
      } else {
        page.note(
            "No return levels (1 in 10 "
                + periodName
                + "s and rarer): they need at least 10 trials, and this study ran "
                + n
                + ".");
      }
      if (PeopleServed.byCommodity(r).stream().anyMatch(c -> c.people() > 0)) {
        page.section("people", "People without service");
        page.paragraph(
            "People are counted within one commodity: a household that uses gas and power is"
                + " among the people served by gas and among those served by power, so the rows"
                + " below must never be added up. Person-days without service are population x"
                + " unserved share of the day's demand, summed over the days of the "
                + periodName
                + "; the time without service of each person divides them by the people served by"
                + " the same commodity.");
        page.table(peopleTable());
        List<String> without =
            PeopleServed.byCommodity(r).stream()
                .filter(c -> !(c.people() > 0))
                .map(PeopleServed.CommodityPeople::commodity)
                .toList();
        if (!without.isEmpty()) {
          page.note(
              "No sink of "
                  + String.join(", ", without)
                  + " has a population, so it counts no person-days (its losses are in the"
                  + " unserved volume and the economic loss).");
        }
        if (PeopleServed.hasRegions(s)) {
          page.table(regionTable());
          page.note(
              "A region's people of a commodity are the populations of that commodity's sinks"
                  + " labelled with the region (region in the scenario file). Mean only: the"
                  + " per-region means are the sums of the sinks' means; intervals are given per"
                  + " commodity above.");
        }
      }

      // the charts are independent: built and drawn on all cores, placed in page order
      List<Drawn> drawn = drawnFigures();
      String section = "";
      for (Drawn d : drawn) {
        PageChart f = d.chart();
        String wanted = sectionOf(f.id());
        if (!wanted.equals(section)) {
          section = wanted;
          page.section(section, sectionTitle(section));
          if (section.equals("economy")) {
            page.table(sectorTable());
          }
        }
        if (f instanceof Figure figure) {
          page.figure(figure, d.svg());
        } else {
          page.noChart((NoChart) f);
        }
      }
      page.section("method", "How to read this report");
      page.paragraph(
          "Each trial simulates one "
              + (s.horizonDays() == 365 ? "year (365 days)" : periodName)
              + ": threats strike at "
              + "random, disabled assets carry nothing until repaired, and every day the network routes what it can "
              + "to the sinks, highest priority first. The numbers above summarize "
              + String.format(Locale.ROOT, "%,d", total)
              + " such trials drawn from seed "
              + r.options().seed()
              + "; rerunning with the same seed gives the same "
              + "report. Rare outcomes beyond 1 in "
              + String.format(Locale.ROOT, "%,d", total)
              + " cannot be seen.");
      page.note(
          "Charts use the Okabe-Ito colour-blind-safe palette; per-trial values are in trials.csv and the "
              + "summary in summary.json next to this file.");
      return page;
    }

    // ------------------------------------------------------------------ text

    /** Which means rest on few trials, and how the percentiles were computed. */
    String fewTrialsNote() {
      List<String> few = new ArrayList<>();
      boolean noInterval = false;
      for (Metric m : Metric.values()) {
        if (SummaryJson.few(r.summary(m))) {
          few.add(
              m.key().replace('_', ' ')
                  + String.format(
                      Locale.ROOT,
                      " (%,d %s with a loss, %.0f effective)",
                      r.summary(m).trialsWithLoss(),
                      r.summary(m).trialsWithLoss() == 1 ? "trial" : "trials",
                      r.summary(m).effectiveTrials()));
          noInterval |= FewTrials.noInterval(r.summary(m));
        }
      }
      StringBuilder b = new StringBuilder();
      String noLoss = SummaryJson.noLossNote(r);
      if (noLoss != null) {
        b.append(Character.toUpperCase(noLoss.charAt(0)))
            .append(noLoss.substring(1))
            .append(". Run more trials (--trials) to find how rare the losses are. ");
      }
      String target = SummaryJson.targetCiNote(r);
      if (target != null) {
        b.append(target).append(". ");
      }
      if (!few.isEmpty()) {
        b.append("Rests on few trials: the mean of ")
            .append(String.join(", ", few))
            .append(
                String.format(
                    Locale.ROOT,
                    " is carried by fewer than %.0f effective trials, so it may move a lot in another"
                        + " run, and its 95%% interval rests on too few trials to bound the mean"
                        + " reliably. ",
                    org.corridorrisk.stats.Intervals.FEW_TRIALS));
        if (noInterval) {
          b.append(
              total == 1
                  ? "One trial shows no spread, so there is no interval at all: the table says \""
                      + FewTrials.NO_INTERVAL
                      + "\" where summary.json repeats the mean as both ends. "
                  : "Where the trials show no spread there is no interval at all: the table says \""
                      + FewTrials.NO_INTERVAL
                      + "\" where summary.json repeats the mean as both ends. ");
        }
        b.append("Run more trials (--trials) to pin it down. ");
      }
      if (!r.exact()) {
        b.append(
            String.format(
                Locale.ROOT,
                "Percentiles, VaR and CVaR come from a log-bucket sketch of all %,d trials (relative"
                    + " error at most %.1f%%); the charts show the first %,d trials. ",
                total,
                100 * org.corridorrisk.stats.LogHistogram.RELATIVE_ERROR,
                n));
      }
      if (r.interrupted()) {
        b.append(
            String.format(
                Locale.ROOT,
                "The run was interrupted after %,d of %,d planned trials; these are the first %,d.",
                total,
                r.options().trials(),
                total));
      }
      return b.toString().trim();
    }

    /**
     * The headline: one sentence per commodity whose sinks have people (people never added across
     * commodities; issue 13), when any of them went without; else one sentence on economic loss,
     * unserved demand or the absence of loss.
     */
    List<String> headlines() {
      List<PeopleServed.CommodityPeople> people = PeopleServed.byCommodity(r);
      List<String> lines = new ArrayList<>();
      if (people.stream().anyMatch(c -> c.people() > 0 && c.personDays().mean() > 0)) {
        for (PeopleServed.CommodityPeople c : people) {
          String sentence = PeopleServed.sentence(c, perPeriod);
          if (sentence == null) {
            continue;
          }
          String tail = PeopleServed.tail(c, "simulated " + periodName);
          lines.add(tail == null ? sentence : sentence + " " + tail);
        }
        return lines;
      }
      lines.add(headline());
      return lines;
    }

    /** The single headline of a study in which nobody went without service. */
    String headline() {
      Summarized loss = metrics.get(Metric.ECONOMIC_LOSS);
      Summarized unserved = metrics.get(Metric.UNSERVED_FRACTION);
      int every = rarity(loss);
      if (every > 0) {
        return String.format(
            Locale.ROOT,
            "In 1 of %d simulated %ss, the economic loss reaches at least %s.",
            every,
            periodName,
            NumberText.money(currency(), loss.quantile(1 - 1.0 / every)));
      }
      every = rarity(unserved);
      if (every > 0) {
        return String.format(
            Locale.ROOT,
            "In 1 of %d simulated %ss, at least %s of demand goes unserved.",
            every,
            periodName,
            NumberText.percent(unserved.quantile(1 - 1.0 / every)));
      }
      if (unserved.shareNonZero() > 0) {
        // "rare" only below a 5% chance: with fewer than 20 trials no return level is shown, and a
        // loss in 6 of 10 trials is anything but rare
        return String.format(
            Locale.ROOT,
            unserved.shareNonZero() < RARE_BELOW
                ? "Loss of supply is rare: it occurred in %s of %,d simulated %ss."
                : "Loss of supply occurred in %s of %,d simulated %ss.",
            NumberText.percent(unserved.shareNonZero()),
            total,
            periodName);
      }
      return String.format(
          Locale.ROOT,
          "No simulated %s lost any supply: in all %,d trials every sink was fully " + "served.",
          periodName,
          total);
    }

    /** A share of trials with a loss below this is called rare in the headline (1 in 20). */
    static final double RARE_BELOW = 0.05;

    /**
     * The most common of 1-in-20, 1-in-100, 1-in-1000 at which the metric is positive; 0 for none.
     */
    int rarity(Summarized m) {
      for (int every : new int[] {20, 100, 1000}) {
        if (n >= every && m.lossAt(1 - 1.0 / every)) {
          return every;
        }
      }
      return 0;
    }

    /** Below this many trials, shares of trials are given as counts ("in 2 of 3"). */
    static final int COUNTS_BELOW = 20;

    String secondLine() {
      Summarized loss = metrics.get(Metric.ECONOMIC_LOSS);
      Summarized unserved = metrics.get(Metric.UNSERVED_FRACTION);
      double share = unserved.shareNonZero();
      String where;
      if (share == 0) {
        where =
            "No demand went unserved in any of the "
                + String.format(Locale.ROOT, "%,d", n)
                + " simulated "
                + periodName
                + "s.";
      } else if (n < COUNTS_BELOW) {
        where =
            "Some demand goes unserved in "
                + Math.round(share * n)
                + " of "
                + n
                + " simulated "
                + periodName
                + (n == 1 ? "." : "s.");
      } else {
        where =
            "Some demand goes unserved in "
                + NumberText.percent(share)
                + " of simulated "
                + periodName
                + "s.";
      }
      if (loss.shareNonZero() == 0) {
        return where + " No trial had an economic loss.";
      }
      return where
          + String.format(
              Locale.ROOT,
              " Expected economic loss %s: %s (%s); in the worst 5%% of %ss it averages %s.",
              perPeriod,
              NumberText.money(currency(), loss.summary().mean()),
              intervalWords(loss.summary()),
              periodName,
              NumberText.money(currency(), loss.summary().cvar95()));
    }

    /**
     * "95% CI 226M to 790M", with "from too few trials to bound the mean" when the mean rests on
     * few trials, or "no 95% interval: too few trials" when there is none.
     */
    static String intervalWords(MetricSummary s) {
      if (FewTrials.noInterval(s)) {
        return "no 95% interval: too few trials to bound the mean";
      }
      String ci =
          "95% CI " + NumberText.compact(s.ci95Low()) + " to " + NumberText.compact(s.ci95High());
      return SummaryJson.few(s) ? ci + ", from too few trials to bound the mean reliably" : ci;
    }

    // ------------------------------------------------------------------ tables

    String display(double v, boolean share) {
      return share ? NumberText.percent(v) : NumberText.compact(v);
    }

    Table keyTable() {
      Table t =
          new Table(
              "Per "
                  + periodName
                  + " ("
                  + s.horizonDays()
                  + " "
                  + NumberText.plural(s.horizonDays(), "day")
                  + "), over "
                  + NumberText.trials(total),
              "metric",
              "unit",
              "mean",
              "95% CI of mean",
              "median",
              "VaR95",
              "CVaR95",
              "max",
              "any loss");
      for (Metric m : Metric.values()) {
        addRow(
            t,
            m.key(),
            ReportFacts.label(m),
            ReportFacts.unit(m, s),
            metrics.get(m),
            m == Metric.UNSERVED_FRACTION);
      }
      for (int c = 0; c < s.commodities().size() && c < r.unservedVolume().length; c++) {
        Commodity commodity = s.commodities().get(c);
        addRow(
            t,
            "by_commodity." + commodity.id() + ".unserved_volume",
            "Unserved volume: " + commodity.id(),
            ReportFacts.volumeUnit(commodity),
            Summarized.of(r, Columns.of(s).unservedVolume(c)),
            false);
      }
      for (int c = 0; c < s.commodities().size() && c < r.personDays().length; c++) {
        Commodity commodity = s.commodities().get(c);
        addRow(
            t,
            "by_commodity." + commodity.id() + ".person_days_without_service",
            "Person-days without " + commodity.id(),
            "person-days",
            Summarized.of(r, Columns.of(s).personDays(c)),
            false);
      }
      return t;
    }

    Table peopleTable() {
      // the 1-in-20 columns only when there were at least 20 trials to show such a level
      boolean tail = n >= 20;
      List<String> headers =
          new ArrayList<>(
              List.of(
                  "commodity",
                  "people served",
                  "mean person-days",
                  "95% CI of mean",
                  "mean time without service, each"));
      if (tail) {
        headers.add(
            s.horizonDays() == 365 ? "1 in 20 years: at least" : "1 in 20 periods: at least");
        headers.add("time without service, each");
      }
      Table t =
          new Table(
              "Person-days without service by commodity, " + perPeriod,
              headers.toArray(new String[0]));
      for (PeopleServed.CommodityPeople c : PeopleServed.byCommodity(r)) {
        if (!(c.people() > 0)) {
          continue;
        }
        String key = "by_commodity." + c.commodity();
        MetricSummary pd = c.personDays();
        List<Cell> row =
            new ArrayList<>(
                List.of(
                    Cell.text(c.commodity()),
                    Cell.number(
                        NumberText.compact(c.people()),
                        c.people(),
                        Map.of("metric", key, "stat", "people_served")),
                    Cell.number(
                        NumberText.compact(pd.mean()),
                        pd.mean(),
                        Map.of("metric", key + ".person_days_without_service", "stat", "mean")),
                    Cell.text(
                        FewTrials.noInterval(pd)
                            ? FewTrials.NO_INTERVAL
                            : NumberText.compact(pd.ci95Low())
                                + " to "
                                + NumberText.compact(pd.ci95High())),
                    Cell.text(PeopleServed.duration(c.meanDaysEach()))));
        if (tail) {
          row.add(
              Cell.number(
                  NumberText.compact(pd.p95()),
                  pd.p95(),
                  Map.of("metric", key + ".person_days_without_service", "stat", "p95")));
          row.add(Cell.text(PeopleServed.duration(pd.p95() / c.people())));
        }
        t.row(row.toArray(new Cell[0]));
      }
      return t;
    }

    Table regionTable() {
      Table t =
          new Table(
              "Person-days without service by region and commodity, mean " + perPeriod,
              "region",
              "commodity",
              "people served",
              "mean person-days",
              "mean time without service, each");
      for (PeopleServed.RegionPeople p : PeopleServed.byRegion(r)) {
        String key = "by_region." + p.region() + "." + p.commodity();
        t.row(
            Cell.text(p.region()),
            Cell.text(p.commodity()),
            Cell.number(
                NumberText.compact(p.people()),
                p.people(),
                Map.of("metric", key, "stat", "people_served")),
            Cell.number(
                NumberText.compact(p.meanPersonDays()),
                p.meanPersonDays(),
                Map.of("metric", key, "stat", "mean_person_days_without_service")),
            Cell.text(PeopleServed.duration(p.meanDaysEach())));
      }
      for (Commodity c : s.commodities()) {
        PeopleServed.RegionPeople p = PeopleServed.unlabelled(r, c.id());
        if (p != null) {
          t.row(
              Cell.text("(no region label)"),
              Cell.text(c.id()),
              Cell.text(NumberText.compact(p.people())),
              Cell.text(NumberText.compact(p.meanPersonDays())),
              Cell.text(PeopleServed.duration(p.meanDaysEach())));
        }
      }
      return t;
    }

    void addRow(Table t, String key, String label, String unit, Summarized m, boolean share) {
      var sum = m.summary();
      Map<String, String> ci = new LinkedHashMap<>();
      ci.put("metric", key);
      ci.put("stat", "ci95");
      ci.put("low", Double.toString(sum.ci95Low()));
      ci.put("high", Double.toString(sum.ci95High()));
      t.row(
          Cell.text(label),
          Cell.text(unit),
          num(key, "mean", sum.mean(), share),
          new Cell(
              FewTrials.noInterval(sum)
                  ? FewTrials.NO_INTERVAL
                  : display(sum.ci95Low(), share) + " to " + display(sum.ci95High(), share),
              null,
              ci),
          num(key, "p50", sum.p50(), share),
          num(key, "var95", sum.var95(), share),
          num(key, "cvar95", sum.cvar95(), share),
          num(key, "max", sum.max(), share),
          num(key, "share_nonzero", m.shareNonZero(), true));
    }

    Cell num(String key, String stat, double v, boolean share) {
      return Cell.number(display(v, share), v, Map.of("metric", key, "stat", stat));
    }

    Table returnPeriodTable() {
      List<Integer> levels = new ArrayList<>();
      for (int every : new int[] {10, 20, 100, 1000}) {
        if (n >= every) {
          levels.add(every);
        }
      }
      String[] headers = new String[levels.size() + 1];
      headers[0] = "reached or exceeded in";
      for (int i = 0; i < levels.size(); i++) {
        headers[i + 1] =
            s.horizonDays() == 365
                ? "1 in " + levels.get(i) + " years"
                : "1 in " + levels.get(i) + " periods";
      }
      Table t =
          new Table("Levels reached or exceeded with a given frequency (return levels)", headers);
      for (Metric m :
          List.of(
              Metric.ECONOMIC_LOSS, Metric.PERSON_DAYS_WITHOUT_SERVICE, Metric.UNSERVED_FRACTION)) {
        Cell[] row = new Cell[levels.size() + 1];
        row[0] = Cell.text(ReportFacts.label(m) + " (" + ReportFacts.unit(m, s) + ")");
        for (int i = 0; i < levels.size(); i++) {
          double v = metrics.get(m).quantile(1 - 1.0 / levels.get(i));
          row[i + 1] =
              Cell.number(
                  display(v, m == Metric.UNSERVED_FRACTION),
                  v,
                  Map.of("metric", m.key(), "stat", "return_" + levels.get(i)));
        }
        t.row(row);
      }
      return t;
    }

    Table sectorTable() {
      Table t =
          new Table(
              "Economy sectors (input-output inoperability model)",
              "sector",
              "output per day",
              "mean peak inoperability",
              "95% CI",
              "mean indirect loss",
              "max indirect loss");
      List<Sector> sectors = s.economy().map(e -> e.sectors()).orElse(List.of());
      for (int i = 0; i < sectors.size() && i < r.peakInoperability().length; i++) {
        Sector sec = sectors.get(i);
        Summarized peak = Summarized.of(r, Columns.of(s).peakInoperability(i));
        Summarized indirect = Summarized.of(r, Columns.of(s).indirectLoss(i));
        String key = "economy." + sec.id();
        Map<String, String> ci = new LinkedHashMap<>();
        ci.put("metric", key);
        ci.put("stat", "peak_inoperability_ci95");
        ci.put("low", Double.toString(peak.summary().ci95Low()));
        ci.put("high", Double.toString(peak.summary().ci95High()));
        t.row(
            Cell.text(sec.id()),
            Cell.number(
                NumberText.money(currency(), sec.outputPerDay()),
                sec.outputPerDay(),
                Map.of("metric", key, "stat", "output_per_day")),
            Cell.number(
                NumberText.percent(peak.summary().mean()),
                peak.summary().mean(),
                Map.of("metric", key, "stat", "mean_peak_inoperability")),
            new Cell(
                NumberText.percent(peak.summary().ci95Low())
                    + " to "
                    + NumberText.percent(peak.summary().ci95High()),
                null,
                ci),
            Cell.number(
                NumberText.money(currency(), indirect.summary().mean()),
                indirect.summary().mean(),
                Map.of("metric", key, "stat", "mean_indirect_loss")),
            Cell.number(
                NumberText.money(currency(), indirect.summary().max()),
                indirect.summary().max(),
                Map.of("metric", key, "stat", "max_indirect_loss")));
      }
      return t;
    }

    // ------------------------------------------------------------------ figures

    static String sectionOf(String figureId) {
      if (figureId.startsWith("loss-") || figureId.startsWith("exceedance")) {
        return "distribution";
      }
      if (figureId.startsWith("resilience") || figureId.startsWith("sinks")) {
        return "supply";
      }
      if (figureId.startsWith("sectors")) {
        return "economy";
      }
      if (figureId.startsWith("drivers")) {
        return "drivers";
      }
      if (figureId.startsWith("network")) {
        return "network";
      }
      return "convergence";
    }

    static String sectionTitle(String section) {
      return switch (section) {
        case "distribution" -> "How bad, how likely";
        case "supply" -> "Who loses supply, and when";
        case "economy" -> "Economy";
        case "drivers" -> "Which assets drive the loss";
        case "network" -> "Network map";
        default -> "Is the answer stable? (convergence)";
      };
    }

    /**
     * The charts in page order, built on all cores: each reads only the result and the summaries
     * computed in the constructor, and builds its own chart objects.
     */
    List<PageChart> charts() {
      return parts().parallelStream().flatMap(p -> p.get().stream()).toList();
    }

    /**
     * {@link #figures()} with their SVG, each part drawn by the task that built it: one pass over
     * the parts on all cores instead of two (build all, then draw all), so a part that is long to
     * build and to draw (the network map of a large grid) no longer waits for the others' builds
     * before it is drawn.
     */
    List<Drawn> drawnFigures() {
      return parts().parallelStream()
          .flatMap(
              p ->
                  p.get().stream()
                      .map(f -> new Drawn(f, f instanceof Figure fig ? fig.svg() : null))
                      .toList()
                      .stream())
          .toList();
    }

    /** The chart parts in page order; a part gives one figure or several (one per commodity). */
    private List<java.util.function.Supplier<List<PageChart>>> parts() {
      return List.of(
          () -> List.of(lossHistogram()),
          () -> List.of(lossExceedance()),
          () -> List.of(personDaysExceedance()),
          () -> List.of(resilience()),
          this::sinkBars,
          () -> sectorBars().stream().map(PageChart.class::cast).toList(),
          () -> List.of(driversTornado()),
          () -> List.of(driversScatter()),
          () -> List.of(networkMap()),
          () -> List.of(convergence()));
    }

    String moneyLabel(String what) {
      return what + " (" + currency() + ")";
    }

    /** True when no trial had an economic loss: the loss charts have nothing to draw. */
    boolean noEconomicLoss() {
      return !(metrics.get(Metric.ECONOMIC_LOSS).shareNonZero() > 0);
    }

    PageChart lossHistogram() {
      String title = "Distribution of economic loss " + perPeriod;
      if (noEconomicLoss()) {
        return new NoChart("loss-histogram", title, NoChart.NO_ECONOMIC_LOSS);
      }
      Summarized loss = metrics.get(Metric.ECONOMIC_LOSS);
      boolean log = Charts.logScaleUseful(loss.cleaned());
      String zeros = NumberText.percent(1 - loss.shareNonZero());
      String guide =
          log
              ? "Bar height: share of all trials with an economic loss in that band (log scale: each step is 10x). "
                  + zeros
                  + " of trials had no loss and are not drawn."
              : "Bar height: share of all trials with an economic loss in that band; "
                  + zeros
                  + " of trials had no loss.";
      return Charts.histogram(
          "loss-histogram",
          title,
          guide,
          loss.cleaned(),
          moneyLabel("economic loss " + perPeriod),
          log,
          40);
    }

    String probabilityLabel() {
      return s.horizonDays() == 365
          ? "annual probability of reaching x"
          : "probability of reaching x " + perPeriod;
    }

    PageChart lossExceedance() {
      if (noEconomicLoss()) {
        return new NoChart(
            "exceedance-loss", "Exceedance curve of economic loss", NoChart.NO_ECONOMIC_LOSS);
      }
      List<Series> series = new ArrayList<>();
      series.add(new Series("economic loss", metrics.get(Metric.ECONOMIC_LOSS).cleaned()));
      List<Metric> parts = new ArrayList<>();
      for (Metric m : List.of(Metric.DIRECT_LOSS, Metric.INDIRECT_LOSS, Metric.REROUTING_COST)) {
        if (metrics.get(m).shareNonZero() > 0) {
          parts.add(m);
        }
      }
      if (parts.size() > 1) { // a single non-zero part would repeat the total
        for (Metric m : parts) {
          series.add(new Series(m.key().replace('_', ' '), metrics.get(m).cleaned()));
        }
      }
      boolean any = metrics.get(Metric.ECONOMIC_LOSS).shareNonZero() > 0;
      String returnNote =
          s.horizonDays() == 365
              ? " A probability of 1% is a 1-in-100-year loss."
              : " A probability of 5% means 1 in 20 periods.";
      return Charts.exceedance(
          "exceedance-loss",
          "Exceedance curve of economic loss",
          "Read across from a loss "
              + "on the x axis to the chance of reaching or exceeding it; curves further right mean larger losses."
              + returnNote,
          series,
          moneyLabel("loss " + perPeriod),
          probabilityLabel(),
          any,
          any,
          MAX_CURVE_POINTS);
    }

    PageChart personDaysExceedance() {
      Summarized pd = metrics.get(Metric.PERSON_DAYS_WITHOUT_SERVICE);
      boolean any = pd.shareNonZero() > 0;
      String title = "Exceedance curve of person-days without service";
      if (!any) {
        return new NoChart(
            "exceedance-person-days",
            title,
            "No trial left people without service: nothing to chart.");
      }
      return Charts.exceedance(
          "exceedance-person-days",
          title,
          "Chance that people lose at least x person-days of service (1 person without supply for 1 day = 1 "
              + "person-day).",
          List.of(new Series("person-days", pd.cleaned())),
          "person-days without service " + perPeriod,
          probabilityLabel(),
          any,
          any,
          MAX_CURVE_POINTS);
    }

    Figure resilience() {
      StudyResult.DailyServed d = r.daily();
      List<Band> bands = new ArrayList<>();
      for (int c = 0; c < d.commodityIds().size(); c++) {
        int days = d.mean()[c].length;
        double[] x = new double[days];
        for (int i = 0; i < days; i++) {
          x[i] = i; // days numbered from 0, as in the scenario file, describe and exercise
        }
        bands.add(new Band(d.commodityIds().get(c), x, d.mean()[c], d.p05()[c], d.p95()[c]));
      }
      java.time.LocalDate start = s.incidents().startDate();
      String dates = "";
      if (start != null) {
        int worst = -1;
        double low = Double.POSITIVE_INFINITY;
        for (double[] row : d.mean()) {
          for (int i = 0; i < row.length; i++) {
            if (row[i] < low - 1e-12) {
              low = row[i];
              worst = i;
            }
          }
        }
        dates =
            " Day 0 is "
                + start
                + (worst >= 0 && low < 1 - 1e-9
                    ? "; the lowest mean share is on day "
                        + worst
                        + " ("
                        + s.incidents().dateOf(worst)
                        + ")."
                    : ".");
      }
      return Charts.bands(
          "resilience",
          "Resilience curve: share of demand served each day",
          "Line: mean share of "
              + "demand served on each day over all trials; shaded band: 5% to 95% of trials. Dips show when outages "
              + "bite; the band's lower edge is a bad (1-in-20) day."
              + dates,
          bands,
          start == null
              ? "day of the " + periodName
              : "day of the " + periodName + " (day 0 = " + start + ")",
          "share of demand served",
          Charts.shareRange(lowestBand(d)),
          true);
    }

    static double lowestBand(StudyResult.DailyServed d) {
      double low = 1;
      for (double[] row : d.p05()) {
        for (double v : row) {
          if (Double.isFinite(v)) {
            low = Math.min(low, v);
          }
        }
      }
      return low;
    }

    List<PageChart> sinkBars() {
      List<PageChart> out = new ArrayList<>();
      for (Commodity c : s.commodities()) {
        List<SinkStat> sinks =
            r.sinks().stream().filter(k -> k.commodity().equals(c.id())).toList();
        if (sinks.isEmpty()) {
          continue;
        }
        List<SinkStat> shown =
            Ranking.first(
                sinks,
                MAX_BARS,
                Comparator.comparingDouble(SinkStat::meanUnservedVolume)
                    .reversed()
                    .thenComparing(SinkStat::id));
        List<Bar> bars = new ArrayList<>();
        for (SinkStat k :
            shown.stream()
                .sorted(
                    Comparator.comparingInt(SinkStat::priority)
                        .thenComparing(
                            Comparator.comparingDouble(SinkStat::meanUnservedVolume).reversed()))
                .toList()) {
          bars.add(
              Bar.of(
                  k.id() + " (" + NumberText.percent(k.meanUnservedShare()) + ")",
                  "priority " + k.priority(),
                  k.meanUnservedVolume()));
        }
        String more =
            sinks.size() > shown.size()
                ? " Showing the " + shown.size() + " largest of " + sinks.size() + " sinks."
                : "";
        String suffix = s.commodities().size() > 1 ? ": " + c.id() : "";
        String id = "sinks-" + c.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String title = "Unserved volume by sink and priority" + suffix;
        if (bars.stream().allMatch(b -> !(b.value() > 0))) {
          out.add(
              new NoChart(
                  id, title, "No " + c.id() + " sink went short in any trial: nothing to chart."));
          continue;
        }
        out.add(
            Charts.horizontalBars(
                id,
                title,
                "Bar: mean volume not delivered over the "
                    + periodName
                    + "; in brackets: that share of the sink's demand. Priority 1 sinks are served first."
                    + more,
                bars,
                "mean unserved volume " + perPeriod + " (" + ReportFacts.volumeUnit(c) + ")",
                false));
      }
      return out;
    }

    java.util.Optional<PageChart> sectorBars() {
      List<Sector> sectors = s.economy().map(e -> e.sectors()).orElse(List.of());
      if (sectors.isEmpty() || r.peakInoperability().length == 0) {
        return java.util.Optional.empty();
      }
      List<Bar> bars = new ArrayList<>();
      for (int i = 0; i < sectors.size() && i < r.peakInoperability().length; i++) {
        var sum = r.summary(Columns.of(s).peakInoperability(i));
        bars.add(
            new Bar(
                sectors.get(i).id(), "", sum.mean(), Math.max(0, sum.ci95Low()), sum.ci95High()));
      }
      String title = "Sector inoperability: mean of each trial's worst day";
      if (bars.stream().allMatch(b -> !(b.value() > 0))) {
        return java.util.Optional.of(
            new NoChart(
                "sectors-inoperability",
                title,
                "No sector lost output in any trial: nothing to chart."));
      }
      return java.util.Optional.of(
          Charts.horizontalBars(
              "sectors-inoperability",
              title,
              "Bar: mean over trials of the sector's highest "
                  + "daily inoperability (0% = working normally, 100% = stopped), counting knock-on effects through "
                  + "the input-output model; black line: 95% confidence interval of the mean.",
              bars,
              "mean peak inoperability",
              true));
    }

    List<AssetStat> hitAssets() {
      return r.assets().stream()
          .filter(
              a ->
                  a.shareOfTrialsDisabled() > 0
                      && Double.isFinite(a.meanEconomicLossWhenDisabled()))
          .toList();
    }

    /** The asset-driver charts' line when they have nothing to draw, else null. */
    String noDrivers(List<AssetStat> hit) {
      if (hit.isEmpty()) {
        return "No asset was disabled in any trial: nothing to chart.";
      }
      return noEconomicLoss() ? NoChart.NO_ECONOMIC_LOSS : null;
    }

    PageChart driversTornado() {
      double mean = metrics.get(Metric.ECONOMIC_LOSS).summary().mean();
      List<AssetStat> hit = hitAssets();
      String title = "Asset drivers: loss with and without each asset's outage";
      if (noDrivers(hit) != null) {
        return new NoChart("drivers-tornado", title, noDrivers(hit));
      }
      List<TornadoBar> shown = tornadoBars(hit, mean, MAX_DRIVERS);
      String guide =
          "Mean economic loss in the trials where the asset was disabled (right) and where it was not (left), "
              + "around the overall mean (black line); in brackets: share of trials it was disabled. "
              + "Long bars mark assets whose loss drives the risk (association, not proof of cause)."
              + (hit.size() > shown.size()
                  ? " Showing " + shown.size() + " of " + hit.size() + " assets hit."
                  : "");
      return Charts.tornado(
          "drivers-tornado",
          title,
          guide,
          shown,
          mean,
          moneyLabel("mean economic loss " + perPeriod),
          "asset not disabled",
          "asset disabled");
    }

    PageChart driversScatter() {
      double total = metrics.get(Metric.ECONOMIC_LOSS).summary().mean();
      List<AssetStat> hit = hitAssets();
      String title = "Asset drivers: how often hit, how costly";
      if (noDrivers(hit) != null) {
        return new NoChart("drivers-scatter", title, noDrivers(hit));
      }
      List<String> labelled =
          Ranking.first(
                  hit,
                  12,
                  Comparator.comparingDouble(
                          (AssetStat a) ->
                              a.shareOfTrialsDisabled() * a.meanEconomicLossWhenDisabled())
                      .reversed())
              .stream()
              .map(AssetStat::id)
              .toList();
      List<Point> points = new ArrayList<>();
      for (AssetStat a : hit) {
        points.add(
            new Point(
                a.id(),
                a.link() ? "link" : "node",
                a.shareOfTrialsDisabled(),
                a.meanEconomicLossWhenDisabled(),
                labelled.contains(a.id())));
      }
      boolean logY =
          Charts.logScaleUseful(
              hit.stream().mapToDouble(AssetStat::meanEconomicLossWhenDisabled).toArray());
      return Charts.scatter(
          "drivers-scatter",
          title,
          "Each point is an asset: how often it was disabled (x) and the mean economic loss of those trials (y); "
              + "assets up and to the right matter most. Overall mean loss: "
              + NumberText.money(currency(), total)
              + ".",
          points,
          "share of trials in which the asset was disabled",
          moneyLabel("mean economic loss when disabled"),
          false,
          logY);
    }

    Figure networkMap() {
      Map<String, Double> unservedShare = new LinkedHashMap<>();
      r.sinks().forEach(k -> unservedShare.put(k.id(), k.meanUnservedShare()));
      Map<String, Double> outage = new LinkedHashMap<>();
      r.assets().forEach(a -> outage.put(a.id(), a.meanOutageDays()));
      // candidates for labels; the map drops those that would overlap (sources and worst sinks win)
      java.util.Set<String> labelled = new java.util.HashSet<>();
      if (s.nodes().size() <= 4 * MAX_MAP_LABELS) {
        s.nodes().forEach(x -> labelled.add(x.id()));
      } else {
        Ranking.first(
                s.nodes().stream().filter(x -> x.kind() == NodeKind.SINK).toList(),
                MAX_MAP_LABELS,
                Comparator.comparingDouble((Node x) -> unservedShare.getOrDefault(x.id(), 0.0))
                    .reversed())
            .forEach(x -> labelled.add(x.id()));
        s.nodes().stream()
            .filter(x -> x.kind() == NodeKind.SOURCE)
            .limit(MAX_MAP_LABELS)
            .forEach(x -> labelled.add(x.id()));
      }
      List<MapNode> nodes = new ArrayList<>();
      double nodeMax = 0;
      for (Node x : s.nodes()) {
        double v = x.kind() == NodeKind.SINK ? unservedShare.getOrDefault(x.id(), 0.0) : Double.NaN;
        if (Double.isFinite(v)) {
          nodeMax = Math.max(nodeMax, v);
        }
        nodes.add(
            new MapNode(
                x.id(),
                x.kind().name().toLowerCase(Locale.ROOT),
                x.location() == null ? Double.NaN : x.location().lat(),
                x.location() == null ? Double.NaN : x.location().lon(),
                v,
                labelled.contains(x.id())));
      }
      List<MapLink> links = new ArrayList<>();
      double linkMax = 0;
      for (Link l : s.links()) {
        double v = outage.getOrDefault(l.id(), 0.0);
        linkMax = Math.max(linkMax, v);
        links.add(new MapLink(l.id(), l.from(), l.to(), v, l.commodity()));
      }
      boolean located = s.nodes().stream().allMatch(x -> x.location() != null);
      String guide =
          (located
                  ? "Positions from the scenario's locations (latitude/longitude). "
                  : "Schematic layout (not every node has a location): columns by number of hops from a source. ")
              + "Link colour: mean days out of service per "
              + periodName
              + " (darker = longer); sink colour: mean "
              + "share of its demand not served (darker = worse); grey: no value.";
      return NetworkMap.of(
          "network-map",
          "Network: outages and unserved demand",
          guide,
          nodes,
          links,
          "link: mean outage days " + perPeriod,
          niceMax(linkMax),
          "sink: mean unserved share of demand",
          niceMax(nodeMax),
          true);
    }

    static double niceMax(double max) {
      if (!(max > 0)) {
        return 1;
      }
      double p = Math.pow(10, Math.floor(Math.log10(max)));
      for (double m : new double[] {1, 2, 2.5, 5, 10}) {
        if (m * p >= max) {
          return m * p;
        }
      }
      return 10 * p;
    }

    PageChart convergence() {
      if (noEconomicLoss()) {
        return new NoChart(
            "convergence", "Convergence: running mean of economic loss", NoChart.NO_ECONOMIC_LOSS);
      }
      double[] values = r.values(Metric.ECONOMIC_LOSS); // trial order (kept trials)
      // checkpoints evenly spaced from the 30th trial (a normal CI of fewer is not meaningful)
      int first = Math.min(n, 30);
      int wanted = Math.min(n - first + 1, 400);
      long[] checkpoints =
          java.util.stream.LongStream.range(0, wanted)
              .map(i -> first + Math.round((double) (n - first) * i / Math.max(1, wanted - 1)))
              .distinct()
              .toArray();
      boolean nonNegative = metrics.get(Metric.ECONOMIC_LOSS).sorted()[0] >= 0;
      // running statistics of the raw values, so the last point equals the key numbers
      int points = checkpoints.length;
      double[] x = new double[points];
      double[] mid = new double[points];
      double[] low = new double[points];
      double[] high = new double[points];
      org.corridorrisk.stats.Moments running = new org.corridorrisk.stats.Moments();
      int next = 0;
      for (int k = 1; k <= n && next < points; k++) {
        running.add(values[k - 1]);
        if (k == checkpoints[next]) {
          // the same honest interval as the key numbers (Hall's skew-corrected t)
          double[] ci = org.corridorrisk.stats.Intervals.mean(running);
          x[next] = k;
          mid[next] = running.mean();
          // losses are never negative: the band is cut at zero rather than showing impossible
          // values
          low[next] = nonNegative ? Math.max(0, ci[0]) : ci[0];
          high[next] = ci[1];
          next++;
        }
      }
      var sum = metrics.get(Metric.ECONOMIC_LOSS).summary();
      double rel = sum.mean() > 0 ? sum.ci95HalfWidth() / sum.mean() : 0;
      return Charts.bands(
          "convergence",
          "Convergence: running mean of economic loss",
          "Line: mean economic loss of the first k trials (from k = 30); band: its 95% confidence interval (cut at "
              + "zero). A flat line inside a narrow band means more trials would not change the answer much (final half-width: "
              + NumberText.percent(rel)
              + " of the mean).",
          List.of(
              new Band(
                  "running mean",
                  Arrays.copyOf(x, next),
                  Arrays.copyOf(mid, next),
                  Arrays.copyOf(low, next),
                  Arrays.copyOf(high, next))),
          "trials",
          moneyLabel("mean economic loss " + perPeriod),
          null,
          false);
    }
  }
}
