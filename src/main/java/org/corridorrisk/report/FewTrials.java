package org.corridorrisk.report;

import org.corridorrisk.stats.Intervals;
import org.corridorrisk.stats.MetricSummary;

/**
 * How every output words the 95% interval of a mean that rests on few trials (fewer than {@link
 * Intervals#FEW_TRIALS} effective trials, with some non-zero value): the terminal of {@code run}
 * and {@code compare}, {@code report.html}, {@code compare.html} and the notes of {@code
 * compare.json}.
 *
 * <p>Design note: the numbers in the JSON stay as they are (checks parse them as numbers); only the
 * words change. Two cases: the interval is computed but from too few trials to bound the mean
 * reliably (its coverage falls short of 95%, docs/model.md section 6); or there is no interval at
 * all, because one trial (or trials that all have one value) shows no spread, and the JSON's {@code
 * ci95_low == ci95_high == mean} would read as a mean known exactly. A table then shows {@link
 * #NO_INTERVAL} instead of "[x, x]".
 */
public final class FewTrials {
  /** What a table cell shows instead of an interval that has no width for want of trials. */
  public static final String NO_INTERVAL = "none: too few trials";

  private FewTrials() {}

  /**
   * Whether a mean with {@code effectiveTrials} effective trials rests on few trials (some non-zero
   * value, fewer than {@link Intervals#FEW_TRIALS} effective trials).
   */
  public static boolean few(double effectiveTrials) {
    return effectiveTrials > 0 && effectiveTrials < Intervals.FEW_TRIALS;
  }

  /**
   * Whether the interval {@code [low, high]} of such a mean is a single point only because the
   * trials show no spread: it then bounds nothing.
   */
  public static boolean noInterval(double effectiveTrials, double low, double high) {
    return few(effectiveTrials) && !(high > low);
  }

  /** {@link #noInterval(double, double, double)} of a metric's mean. */
  public static boolean noInterval(MetricSummary s) {
    return noInterval(s.effectiveTrials(), s.ci95Low(), s.ci95High());
  }

  /**
   * The words after "rests on few trials (...)": what the interval is worth. {@code trials}: how
   * many trials ran.
   */
  public static String intervalClause(boolean noInterval, long trials) {
    if (noInterval) {
      return (trials == 1 ? "one trial shows" : "the trials show")
          + " no spread, so there is no 95% interval to bound the mean";
    }
    return "its 95% interval rests on too few trials to bound the mean reliably";
  }

  /** {@link #intervalClause(boolean, long)} of a metric's mean. */
  public static String intervalClause(MetricSummary s) {
    return intervalClause(noInterval(s), s.trials());
  }
}
