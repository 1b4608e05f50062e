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
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.MetricSummary;

/**
 * Small derived facts the report pages share: units of metrics, volume units of commodities, the
 * application version, per-metric summaries computed once on sorted copies.
 */
public final class ReportFacts {
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

  /**
   * The unit label of a metric in this scenario, as the report and the terminal table show it;
   * {@code spill_volume} is in the volume unit of the spilling links' commodity, "volume (mixed
   * units)" when links of commodities in different units can spill (their volumes are added as they
   * are), "volume (no link can spill)" when none can.
   */
  public static String unit(Metric metric, Scenario s) {
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
   * Per-trial values of one series, summarized.
   *
   * @param cleaned the values in ascending order with negligible positive ones ({@link
   *     #negligible}) set to 0, for charts (which read the values as a multiset: bins, exceedance
   *     probabilities; a sorted array makes their own sorts linear)
   * @param sorted the values in ascending order ({@link StudyResult#sortedValues})
   * @param negligible values {@code <= negligible} count as zero loss
   * @param shareNonZero share of trials with a value above {@code negligible}
   */
  record Summarized(
      double[] cleaned,
      double[] sorted,
      MetricSummary summary,
      double negligible,
      double shareNonZero) {

    /** Column {@code column} ({@code Columns} order) of {@code r}, with its summary. */
    static Summarized of(StudyResult r, int column) {
      return of(r.sortedValues(column), r.summary(column));
    }

    /**
     * From the values in ascending order ({@link java.util.Arrays#sort(double[])}; not modified)
     * and their summary.
     */
    static Summarized of(double[] sorted, MetricSummary summary) {
      int n = sorted.length;
      double largest = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
      double negligible = Double.isFinite(largest) ? largest * NEGLIGIBLE_SHARE_OF_MAX : 0;
      // in ascending order the values <= negligible (>= 0) are a prefix (NaN sorts last), and the
      // positive ones among them follow the values <= 0
      int noLoss = firstAbove(sorted, negligible);
      int firstPositive = firstAbove(sorted, 0.0);
      double[] cleaned = sorted;
      if (firstPositive < noLoss) {
        cleaned = Arrays.copyOf(sorted, n);
        Arrays.fill(cleaned, firstPositive, noLoss, 0.0);
      }
      return new Summarized(cleaned, sorted, summary, negligible, (double) (n - noLoss) / n);
    }

    /** The first index whose value is not {@code <= x} ({@code x >= 0}; values ascending). */
    private static int firstAbove(double[] sorted, double x) {
      int lo = 0;
      int hi = sorted.length;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (sorted[mid] <= x) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      return lo;
    }

    /** The nearest-rank quantile (as in MetricSummary). */
    double quantile(double p) {
      return MetricSummary.percentile(sorted, p);
    }

    /** Whether the quantile is a real loss (above the negligible level). */
    boolean lossAt(double p) {
      return quantile(p) > negligible;
    }
  }
}
