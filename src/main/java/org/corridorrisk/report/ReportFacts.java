package org.corridorrisk.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.stats.MetricSummary;
import org.corridorrisk.stats.SummaryOrder;

/**
 * Small derived facts the report pages share: units of metrics, volume units of commodities, the
 * application version, per-metric summaries computed once on sorted copies.
 */
final class ReportFacts {
  private ReportFacts() {}

  /**
   * The application version: the jar manifest's Implementation-Version, else the Maven
   * pom.properties on the class path, else "dev". Independent of the cli package.
   */
  static String version() {
    String v = ReportFacts.class.getPackage().getImplementationVersion();
    if (v != null && !v.isBlank()) {
      return v;
    }
    try (InputStream in =
        ReportFacts.class.getResourceAsStream(
            "/META-INF/maven/org.corridorrisk/corridor-risk/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String pv = p.getProperty("version");
        if (pv != null && !pv.isBlank()) {
          return pv;
        }
      }
    } catch (IOException e) {
      // fall through: the version is informative only
    }
    return "dev";
  }

  /**
   * The volume unit of a commodity whose flow unit is per day: "mcm/d" -> "mcm", "t/day" -> "t";
   * other units get "·day" ("MW" -> "MW·day"); "" -> "units".
   */
  static String volumeUnit(Commodity c) {
    return c.volumeUnit();
  }

  /** The unit label of a metric in this scenario. */
  static String unit(Metric metric, Scenario s) {
    return switch (metric) {
      case UNSERVED_FRACTION -> "share of demand";
      case PERSON_DAYS_WITHOUT_SERVICE -> "person-days";
      case DIRECT_LOSS, INDIRECT_LOSS, REROUTING_COST, ECONOMIC_LOSS -> s.currency();
      case SPILL_VOLUME -> spillUnit(s);
    };
  }

  private static String spillUnit(Scenario s) {
    Set<String> units = new LinkedHashSet<>();
    for (Link l : s.links()) {
      if (l.spill() != null) {
        units.add(volumeUnit(s.commodity(l.commodity())));
      }
    }
    if (units.size() == 1) {
      return units.iterator().next();
    }
    return units.isEmpty() ? "volume (no link can spill)" : "volume (mixed units)";
  }

  /** Plain-language name of a metric. */
  static String label(Metric metric) {
    return switch (metric) {
      case UNSERVED_FRACTION -> "Unserved share of demand";
      case PERSON_DAYS_WITHOUT_SERVICE -> "Person-days without service";
      case DIRECT_LOSS -> "Direct loss (lost load)";
      case INDIRECT_LOSS -> "Indirect loss (economy)";
      case REROUTING_COST -> "Rerouting cost";
      case SPILL_VOLUME -> "Spill volume";
      case ECONOMIC_LOSS -> "Economic loss";
    };
  }

  /**
   * Values at or below this share of the largest absolute value count as no loss in charts, "any
   * loss" and the headline: the daily flow solver works in floating point, so a trial without real
   * shortfall may show residuals like 1e-12 of a demand.
   */
  static final double NEGLIGIBLE_SHARE_OF_MAX = 1e-9;

  /**
   * The smallest percentile the report reads ({@code 1 - 1/10}, the "1 in 10" return level): the
   * values are sorted from it up, not below (a full sort of 10^6 values per series was most of the
   * time spent writing the report of a large study).
   */
  static final double LOWEST_QUANTILE_READ = 0.9;

  /**
   * Per-trial values of one series, summarized, with a copy ordered for the quantiles the report
   * reads.
   *
   * @param values the per-trial values as given (summaries use these, as summary.json does)
   * @param cleaned the values with negligible ones ({@link #negligible}) set to 0, for charts
   * @param sorted the values in ascending order at index 0 (the smallest) and from the {@link
   *     #LOWEST_QUANTILE_READ} percentile up ({@link SummaryOrder#sortedFrom}); use {@link
   *     #quantile}, which sorts the rest when a lower percentile is asked for
   * @param negligible values {@code <= negligible} count as zero loss
   * @param shareNonZero share of trials with a value above {@code negligible}
   */
  record Summarized(
      double[] values,
      double[] cleaned,
      double[] sorted,
      MetricSummary summary,
      double negligible,
      double shareNonZero) {
    static Summarized of(double[] values, int n) {
      return of(values, n, null);
    }

    /**
     * As above with the summary given (from the study's accumulators, as summary.json); {@code
     * null} = computed from the values.
     */
    static Summarized of(double[] values, int n, MetricSummary given) {
      double[] sorted = SummaryOrder.sortedFrom(values, n, LOWEST_QUANTILE_READ);
      double largest = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
      double negligible = Double.isFinite(largest) ? largest * NEGLIGIBLE_SHARE_OF_MAX : 0;
      // the values <= negligible (the leading run of a full sort), counted without sorting
      int noLoss = 0;
      for (int i = 0; i < n; i++) {
        if (values[i] <= negligible) {
          noLoss++;
        }
      }
      double[] cleaned = Arrays.copyOf(values, n);
      for (int i = 0; i < n; i++) {
        if (cleaned[i] > 0 && cleaned[i] <= negligible) {
          cleaned[i] = 0;
        }
      }
      return new Summarized(
          values,
          cleaned,
          sorted,
          given != null ? given : MetricSummary.of(values, n),
          negligible,
          (double) (n - noLoss) / n);
    }

    /** The nearest-rank quantile (as in MetricSummary). */
    double quantile(double p) {
      int n = sorted.length;
      int i = SummaryOrder.index(n, p);
      if (i > 0 && i < SummaryOrder.index(n, LOWEST_QUANTILE_READ) && n >= 2) {
        double[] all = Arrays.copyOf(sorted, n); // a percentile below the sorted part: sort all
        Arrays.sort(all);
        return all[i];
      }
      return sorted[i];
    }

    /** Whether the quantile is a real loss (above the negligible level). */
    boolean lossAt(double p) {
      return quantile(p) > negligible;
    }
  }
}
