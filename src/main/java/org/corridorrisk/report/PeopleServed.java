package org.corridorrisk.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.sim.Columns;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.sim.StudyResult.SinkStat;
import org.corridorrisk.stats.MetricSummary;

/**
 * People without service, counted so that nobody is counted twice: the report's headline, the
 * terminal summary of {@code run} and {@code summary.json} take their people figures from here.
 *
 * <p>Design: a person who depends on gas and on power appears in the population of a gas sink and
 * in that of a power sink. Adding populations across commodities would count that person twice
 * (issue 13: 11.6M people in two countries became "18.5M people served"). So every population is
 * summed within one commodity only: the people served by a commodity are the populations of that
 * commodity's sinks, and a region's people per commodity are the populations of that commodity's
 * sinks carrying that {@code region} label. Person-days are given per commodity (their own
 * per-trial column, with the intervals of every metric) and per region and commodity (the mean
 * only, the sum of the sinks' mean person-days: means add, intervals do not). The "days each"
 * figure divides person-days by the people of the same commodity (and region), never by a mixed
 * total.
 *
 * <p>Stateless; every method is a pure function of the study result.
 */
public final class PeopleServed {
  /** Most region rows the terminal prints (the ones with most person-days, in file order). */
  static final int MAX_TERMINAL_REGIONS = 20;

  private PeopleServed() {}

  /**
   * One commodity's people and person-days.
   *
   * @param commodity commodity id
   * @param column the per-trial column of its person-days ({@link Columns#personDays(int)})
   * @param people sum of the populations of its sinks
   * @param personDays summary of its per-trial person-days without service
   */
  public record CommodityPeople(
      String commodity, int column, double people, MetricSummary personDays) {
    /** Mean days without service per person served ({@code NaN} without people). */
    public double meanDaysEach() {
      return people > 0 ? personDays.mean() / people : Double.NaN;
    }
  }

  /**
   * One region's people of one commodity.
   *
   * @param region the {@code region} label of the sinks
   * @param commodity commodity id
   * @param people sum of the populations of that commodity's sinks in the region
   * @param meanPersonDays sum of those sinks' mean person-days without service
   */
  public record RegionPeople(
      String region, String commodity, double people, double meanPersonDays) {
    /** Mean days without service per person ({@code NaN} without people). */
    public double meanDaysEach() {
      return people > 0 ? meanPersonDays / people : Double.NaN;
    }
  }

  /** The study horizon as a noun: "year" for 365 days, else "90-day period". */
  public static String periodName(Scenario s) {
    int h = s.horizonDays();
    return h == 365 ? "year" : h + "-day period";
  }

  /**
   * The lines of the terminal summary: one sentence per commodity with people (and under it the
   * report's 1-in-N clause when {@link #tail} gives one), then (with region labels) a table of
   * people and mean person-days per region and commodity. Empty when no sink has people.
   */
  public static List<String> terminalLines(StudyResult r) {
    List<String> lines = new ArrayList<>();
    List<CommodityPeople> people = byCommodity(r);
    if (people.stream().noneMatch(c -> c.people() > 0)) {
      return lines;
    }
    String period = periodName(r.scenario());
    lines.add(
        "people without service (people counted within each commodity, never added across"
            + " commodities):");
    for (CommodityPeople c : people) {
      String sentence = sentence(c, "per " + period);
      if (sentence != null) {
        lines.add("  " + sentence);
        // the report's 1-in-N clause, by the same rule (only from at least N trials)
        String tail = tail(c, "simulated " + period);
        if (tail != null) {
          lines.add("    " + tail);
        }
      }
    }
    List<RegionPeople> regions = byRegion(r);
    if (!regions.isEmpty()) {
      lines.add(
          "by region, mean per "
              + period
              + " (a region's people per commodity = that commodity's sinks in the region):");
      List<RegionPeople> rows = new ArrayList<>(regions);
      for (Commodity c : r.scenario().commodities()) {
        RegionPeople none = unlabelled(r, c.id());
        if (none != null) {
          rows.add(none);
        }
      }
      int hidden = 0;
      if (rows.size() > MAX_TERMINAL_REGIONS) {
        List<RegionPeople> worst = new ArrayList<>(rows);
        worst.sort((a, b) -> Double.compare(b.meanPersonDays(), a.meanPersonDays()));
        List<RegionPeople> kept = worst.subList(0, MAX_TERMINAL_REGIONS);
        hidden = rows.size() - MAX_TERMINAL_REGIONS;
        rows.removeIf(p -> !kept.contains(p));
      }
      // the label columns as wide as their longest entry (long region names, "electricity")
      int regionWidth = 16;
      int commodityWidth = 10;
      for (RegionPeople p : rows) {
        regionWidth = Math.max(regionWidth, regionLabel(p).length());
        commodityWidth = Math.max(commodityWidth, p.commodity().length());
      }
      String format = "  %-" + regionWidth + "s %-" + commodityWidth + "s %13s %17s  %s";
      lines.add(
          String.format(
              Locale.ROOT,
              format,
              "region",
              "commodity",
              "people served",
              "person-days",
              "time without service, each"));
      for (RegionPeople p : rows) {
        lines.add(
            String.format(
                Locale.ROOT,
                format,
                regionLabel(p),
                p.commodity(),
                NumberText.compact(p.people()),
                NumberText.compact(p.meanPersonDays()),
                p.people() > 0 ? duration(p.meanDaysEach()) : "-"));
      }
      if (hidden > 0) {
        lines.add(
            String.format(
                Locale.ROOT,
                "  ... and %d more with fewer person-days (all in summary.json by_region and"
                    + " report.html)",
                hidden));
      }
    }
    return lines;
  }

  private static String regionLabel(RegionPeople p) {
    return p.region() == null ? "(no region)" : p.region();
  }

  /** Sum of the populations of the sinks of one commodity (never across commodities). */
  public static double people(Scenario s, String commodity) {
    double sum = 0;
    for (Node n : s.nodes()) {
      if (n.kind() == NodeKind.SINK && n.commodity().equals(commodity)) {
        sum += n.population();
      }
    }
    return sum;
  }

  /** Every commodity of the scenario, in scenario order, with its people and person-days. */
  public static List<CommodityPeople> byCommodity(StudyResult r) {
    Scenario s = r.scenario();
    Columns cols = Columns.of(s);
    List<CommodityPeople> out = new ArrayList<>();
    for (int c = 0; c < s.commodities().size(); c++) {
      String id = s.commodities().get(c).id();
      int column = cols.personDays(c);
      out.add(new CommodityPeople(id, column, people(s, id), r.summary(column)));
    }
    return out;
  }

  /** Whether any sink carries a {@code region} label. */
  public static boolean hasRegions(Scenario s) {
    for (Node n : s.nodes()) {
      if (n.kind() == NodeKind.SINK && s.incidents().asset(n.id()).region() != null) {
        return true;
      }
    }
    return false;
  }

  /**
   * People and mean person-days per region and commodity: regions in order of their first sink in
   * the file, commodities in scenario order within a region; only pairs with at least one sink.
   * Sinks without a {@code region} label are left out (see {@link #unlabelled}). Empty when no sink
   * carries a region.
   */
  public static List<RegionPeople> byRegion(StudyResult r) {
    Scenario s = r.scenario();
    Map<String, Map<String, double[]>> regions = new LinkedHashMap<>();
    for (SinkStat k : r.sinks()) {
      String region = s.incidents().asset(k.id()).region();
      if (region == null) {
        continue;
      }
      double[] sums =
          regions
              .computeIfAbsent(region, x -> new LinkedHashMap<>())
              .computeIfAbsent(k.commodity(), x -> new double[2]);
      sums[0] += k.population();
      sums[1] += k.meanPersonDays();
    }
    List<RegionPeople> out = new ArrayList<>();
    regions.forEach(
        (region, byCommodity) -> {
          for (Commodity c : s.commodities()) {
            double[] sums = byCommodity.get(c.id());
            if (sums != null) {
              out.add(new RegionPeople(region, c.id(), sums[0], sums[1]));
            }
          }
        });
    return out;
  }

  /**
   * People and mean person-days of the sinks of one commodity that carry no {@code region}, or
   * {@code null} when every sink of it carries one.
   */
  public static RegionPeople unlabelled(StudyResult r, String commodity) {
    Scenario s = r.scenario();
    double people = 0;
    double personDays = 0;
    boolean any = false;
    for (SinkStat k : r.sinks()) {
      if (k.commodity().equals(commodity) && s.incidents().asset(k.id()).region() == null) {
        any = true;
        people += k.population();
        personDays += k.meanPersonDays();
      }
    }
    return any ? new RegionPeople(null, commodity, people, personDays) : null;
  }

  /**
   * The sentence of one commodity a planner can repeat, e.g. "Gas: on average 1.2M person-days
   * without gas per year (95% CI 0.9M to 1.6M), as if all 11.6M people served by gas went without
   * it for 0.1 days (2.5 hours)." {@code null} when no sink of the commodity has people.
   *
   * @param perPeriod "per year" or "per 90-day period"
   */
  public static String sentence(CommodityPeople c, String perPeriod) {
    if (!(c.people() > 0)) {
      return null;
    }
    MetricSummary pd = c.personDays();
    String name = c.commodity();
    StringBuilder b = new StringBuilder();
    b.append(capitalized(name)).append(": ");
    if (!(pd.mean() > 0)) {
      b.append(
          String.format(
              Locale.ROOT,
              "none of the %s people served by %s went without it in any trial.",
              NumberText.compact(c.people()),
              name));
      return b.toString();
    }
    b.append(
        String.format(
            Locale.ROOT,
            "on average %s person-days without %s %s (%s), as if all %s people"
                + " served by %s went without it for %s.",
            NumberText.compact(pd.mean()),
            name,
            perPeriod,
            FewTrials.noInterval(pd)
                ? "no 95% interval: too few trials"
                : "95% CI "
                    + NumberText.compact(pd.ci95Low())
                    + " to "
                    + NumberText.compact(pd.ci95High()),
            NumberText.compact(c.people()),
            name,
            duration(c.meanDaysEach())));
    if (SummaryJson.few(pd)) {
      b.append(" This mean rests on few trials: ")
          .append(FewTrials.intervalClause(pd))
          .append("; treat it as rough.");
    }
    return b.toString();
  }

  /**
   * A tail clause for one commodity, e.g. "In 1 of 20 years at least 5.3M person-days: all 11.6M
   * people served by gas without it for 0.46 days." Uses the 95th and 99th percentiles of the
   * summary (as in summary.json), each only from at least 20 or 100 trials; {@code null} when
   * neither applies or the commodity has no people.
   *
   * @param periodName "year" or "90-day period"
   */
  public static String tail(CommodityPeople c, String periodName) {
    if (!(c.people() > 0)) {
      return null;
    }
    MetricSummary pd = c.personDays();
    double negligible = pd.max() * ReportFacts.NEGLIGIBLE_SHARE_OF_MAX;
    int every;
    double q;
    // a 1-in-N level only from at least N trials
    if (pd.trials() >= 20 && pd.p95() > negligible && pd.p95() > 0) {
      every = 20;
      q = pd.p95();
    } else if (pd.trials() >= 100 && pd.p99() > negligible && pd.p99() > 0) {
      every = 100;
      q = pd.p99();
    } else {
      return null;
    }
    return String.format(
        Locale.ROOT,
        "In 1 of %d %ss at least %s person-days without %s: all %s people served by %s without"
            + " it for %s.",
        every,
        periodName,
        NumberText.compact(q),
        c.commodity(),
        NumberText.compact(c.people()),
        c.commodity(),
        duration(q / c.people()));
  }

  /**
   * A duration given in days, in words: "1.51 days", "2.5 hours", "14 minutes", "9 seconds" (three
   * significant digits at most); "none" for 0.
   */
  public static String duration(double days) {
    if (Double.isNaN(days)) {
      return "-";
    }
    if (days == 0) {
      return "none";
    }
    if (days >= 1) {
      return NumberText.compact(days) + (days == 1 ? " day" : " days");
    }
    double hours = days * 24;
    if (hours >= 1) {
      return NumberText.compact(hours) + (hours == 1 ? " hour" : " hours");
    }
    double minutes = hours * 60;
    if (minutes >= 1) {
      return NumberText.compact(minutes) + (minutes == 1 ? " minute" : " minutes");
    }
    double seconds = minutes * 60;
    return NumberText.compact(seconds) + (seconds == 1 ? " second" : " seconds");
  }

  private static String capitalized(String id) {
    return id.isEmpty() ? id : Character.toUpperCase(id.charAt(0)) + id.substring(1);
  }
}
