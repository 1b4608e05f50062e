package org.corridorrisk.sim;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;

/**
 * Everything a Monte Carlo study produced, in trial order. Arrays are owned by the result; callers
 * must not modify them.
 *
 * @param scenario the scenario that was run
 * @param options the options it was run with
 * @param trials trials actually run (fewer than planned when {@code --target-ci} stopped early)
 * @param elapsedNanos wall time of the trial loop
 * @param metricValues {@code [Metric.ordinal()][trial]}
 * @param unservedVolume {@code [commodity index][trial]}, commodities as in the scenario
 * @param peakInoperability {@code [sector index][trial]}, empty without economy
 * @param sectorIndirectLoss {@code [sector index][trial]}, empty without economy
 * @param daily per commodity and day: distribution of the share of demand served
 * @param sinks per sink: mean unserved volume and share
 * @param assets per node and link: how often disabled and what loss goes with it
 */
public record StudyResult(
    Scenario scenario,
    RunOptions options,
    int trials,
    long elapsedNanos,
    double[][] metricValues,
    double[][] unservedVolume,
    double[][] peakInoperability,
    double[][] sectorIndirectLoss,
    DailyServed daily,
    List<SinkStat> sinks,
    List<AssetStat> assets) {

  /** Per-trial values of one metric, in trial order (length {@link #trials()}). */
  public double[] values(Metric metric) {
    return metricValues[metric.ordinal()];
  }

  /**
   * Share of demand served per commodity and day over the trials.
   *
   * @param commodityIds commodities in scenario order
   * @param mean {@code [commodity][day]} mean served share (0..1)
   * @param p05 {@code [commodity][day]} 5th percentile over trials
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
   */
  public record SinkStat(
      String id,
      String commodity,
      int priority,
      double demandPerDay,
      double population,
      double meanUnservedVolume,
      double meanUnservedShare) {}

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
