package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.stats.MetricAccumulator;
import org.corridorrisk.stats.MetricSummary;

/**
 * Everything a Monte Carlo study produced. Arrays are owned by the result; callers must not modify
 * them.
 *
 * <p>The summaries ({@link #summary(int)}) come from the merged accumulators of all trials. The
 * per-trial arrays hold the first {@link #keptTrials()} trials in trial order: all of them up to
 * {@link MonteCarlo#EXACT_LIMIT} trials (percentiles then exact), otherwise only the first {@link
 * MonteCarlo#CHART_SAMPLE} for the report's charts (percentiles then from the sketch).
 *
 * @param scenario the scenario that was run
 * @param options the options it was run with
 * @param trials trials actually run (fewer than planned when {@code --target-ci} stopped early or
 *     the run was interrupted, more when it continued while an estimate rested on few trials)
 * @param elapsedNanos wall time of the trial loop
 * @param metricValues {@code [Metric.ordinal()][trial]}, trials 0..keptTrials-1
 * @param unservedVolume {@code [commodity index][trial]}, commodities as in the scenario
 * @param personDays {@code [commodity index][trial]}: person-days without service of that
 *     commodity's sinks (people are never added across commodities)
 * @param peakInoperability {@code [sector index][trial]}, empty without economy
 * @param sectorIndirectLoss {@code [sector index][trial]}, empty without economy
 * @param daily per commodity and day: distribution of the share of demand served
 * @param sinks per sink: mean unserved volume and share
 * @param assets per node and link: how often disabled and what loss goes with it
 * @param columns merged accumulators of every per-trial column ({@link Columns})
 * @param keptTrials how many trials the per-trial arrays hold
 * @param interrupted whether the study was stopped before its plan (Ctrl-C)
 */
public record StudyResult(
    Scenario scenario,
    RunOptions options,
    long trials,
    long elapsedNanos,
    double[][] metricValues,
    double[][] unservedVolume,
    double[][] personDays,
    double[][] peakInoperability,
    double[][] sectorIndirectLoss,
    DailyServed daily,
    List<SinkStat> sinks,
    List<AssetStat> assets,
    MetricAccumulator[] columns,
    int keptTrials,
    boolean interrupted) {

  /**
   * Summaries computed so far, per result (weak keys: dropped with the result). Keyed by identity
   * ({@link #equals}, {@link #hashCode}).
   */
  private static final Map<StudyResult, MetricSummary[]> CACHE =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Sorted copies of the kept per-trial values computed so far, per result (as {@link #CACHE}). */
  private static final Map<StudyResult, double[][]> SORTED =
      Collections.synchronizedMap(new WeakHashMap<>());

  /**
   * Identity, not the record's derived component-wise equality: a result stands for one study, and
   * its per-trial arrays compare by reference anyway. The derived {@code hashCode} would hash the
   * whole scenario and every sink and asset statistic on each {@link #summary} lookup of {@link
   * #CACHE}: about half a second of CPU per {@code run} of the 4,941-node power grid
   * (docs/performance.md, "Cost of fair sharing").
   */
  @Override
  public boolean equals(Object o) {
    return this == o;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }

  /**
   * A result whose per-trial arrays hold every trial (for tests and synthetic studies): the
   * accumulators are computed from the arrays as the engine would.
   */
  public StudyResult(
      Scenario scenario,
      RunOptions options,
      int trials,
      long elapsedNanos,
      double[][] metricValues,
      double[][] unservedVolume,
      double[][] personDays,
      double[][] peakInoperability,
      double[][] sectorIndirectLoss,
      DailyServed daily,
      List<SinkStat> sinks,
      List<AssetStat> assets) {
    this(
        scenario,
        options,
        trials,
        elapsedNanos,
        metricValues,
        unservedVolume,
        personDays,
        peakInoperability,
        sectorIndirectLoss,
        daily,
        sinks,
        assets,
        accumulate(
            trials,
            metricValues,
            unservedVolume,
            personDays,
            peakInoperability,
            sectorIndirectLoss),
        trials,
        false);
  }

  private static MetricAccumulator[] accumulate(int n, double[][]... groups) {
    List<MetricAccumulator> out = new ArrayList<>();
    for (double[][] g : groups) {
      for (double[] v : g) {
        out.add(MetricAccumulator.ofValues(v, n));
      }
    }
    return out.toArray(new MetricAccumulator[0]);
  }

  /** Whether the per-trial arrays hold every trial (percentiles exact). */
  public boolean exact() {
    return keptTrials == trials;
  }

  /** The per-trial arrays of every column, in {@link Columns} order. */
  public double[][] columnValues() {
    int k =
        metricValues.length
            + unservedVolume.length
            + personDays.length
            + 2 * peakInoperability.length;
    double[][] all = new double[k][];
    int i = 0;
    for (double[][] g :
        new double[][][] {
          metricValues, unservedVolume, personDays, peakInoperability, sectorIndirectLoss
        }) {
      for (double[] v : g) {
        all[i++] = v;
      }
    }
    return all;
  }

  /**
   * Computes every column's summary and sorted values now, on all cores (one column per task): each
   * column needs a sort of all its kept values, which after a large study is the longest
   * single-threaded step before the outputs. Results are the same as computing them one by one
   * (each is a function of its column alone).
   */
  public void prepareSummaries() {
    java.util.stream.IntStream.range(0, columns.length)
        .parallel()
        .forEach(
            c -> {
              sortedValues(c);
              summary(c);
            });
  }

  /**
   * The summary of one column ({@link Columns} order): moments from the accumulators, percentiles
   * exact (from {@link #sortedValues}) when every trial is kept. Computed once per result.
   */
  public MetricSummary summary(int column) {
    MetricSummary[] cached = CACHE.computeIfAbsent(this, k -> new MetricSummary[columns.length]);
    synchronized (cached) {
      if (cached[column] != null) {
        return cached[column];
      }
    }
    // computed outside the lock, so that columns can be summarized in parallel; a column computed
    // twice by racing threads gives the same summary, and the first one stored is kept
    MetricSummary computed =
        MetricSummary.of(columns[column], exact() ? sortedValues(column) : null);
    synchronized (cached) {
      if (cached[column] == null) {
        cached[column] = computed;
      }
      return cached[column];
    }
  }

  /**
   * The kept per-trial values of one column ({@link Columns} order) in ascending order ({@link
   * java.util.Arrays#sort(double[])}), sorted once per result and shared by the summary and the
   * report: read only.
   *
   * <p>Design note: one full sort per column replaced a partial order for the summary ({@link
   * org.corridorrisk.stats.SummaryOrder#forSummary}), another for the report's table and a full
   * sort of the same values inside each chart; a sorted array is sorted again in linear time (the
   * library sort detects the single run), so the charts' own sorts cost almost nothing.
   */
  public double[] sortedValues(int column) {
    double[][] cached = SORTED.computeIfAbsent(this, k -> new double[columns.length][]);
    synchronized (cached) {
      if (cached[column] != null) {
        return cached[column];
      }
    }
    double[] sorted = java.util.Arrays.copyOf(columnValues()[column], keptTrials);
    org.corridorrisk.stats.DoubleSort.sort(sorted);
    synchronized (cached) {
      if (cached[column] == null) {
        cached[column] = sorted;
      }
      return cached[column];
    }
  }

  /** The summary of one metric. */
  public MetricSummary summary(Metric metric) {
    return summary(metric.ordinal());
  }

  /** Per-trial values of one metric, in trial order (length {@link #trials()}). */
  public double[] values(Metric metric) {
    return metricValues[metric.ordinal()];
  }

  /**
   * Share of demand served per commodity and day over the trials.
   *
   * @param commodityIds commodities in scenario order
   * @param mean {@code [commodity][day]} mean served share (0..1)
   * @param p05 {@code [commodity][day]} 5th percentile over trials (at 0.001 resolution; days share
   *     a histogram in groups when the horizon exceeds {@link MonteCarlo#DAY_GROUPS} days)
   * @param p95 {@code [commodity][day]} 95th percentile over trials
   */
  public record DailyServed(
      List<String> commodityIds, double[][] mean, double[][] p05, double[][] p95) {}

  /**
   * One sink's losses.
   *
   * @param meanUnservedVolume mean over trials of the horizon's unserved volume
   * @param meanUnservedShare {@code meanUnservedVolume / (demandPerDay x horizon)}, 0 for zero
   *     demand
   * @param meanPersonDays mean over trials of the sink's person-days without service (population x
   *     unserved / that day's demand, summed over days)
   */
  public record SinkStat(
      String id,
      String commodity,
      int priority,
      double demandPerDay,
      double population,
      double meanUnservedVolume,
      double meanUnservedShare,
      double meanPersonDays) {}

  /**
   * One asset's exposure.
   *
   * @param link {@code true} for a link, {@code false} for a node
   * @param kind node or link kind, file spelling
   * @param shareOfTrialsDisabled share of trials in which it was disabled at least one day
   * @param meanOutageDays mean over all trials of days disabled
   * @param meanEconomicLossWhenDisabled mean economic_loss over the trials where it was disabled
   *     ({@code NaN} when never disabled)
   */
  public record AssetStat(
      String id,
      boolean link,
      String kind,
      double shareOfTrialsDisabled,
      double meanOutageDays,
      double meanEconomicLossWhenDisabled) {}
}
