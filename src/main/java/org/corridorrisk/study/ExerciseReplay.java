package org.corridorrisk.study;

import java.util.List;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.sim.TrialEvent;

/**
 * One replayed trial (the baseline or a decision branch): its metrics, its events in engine order
 * and its state at the end of every day.
 *
 * @param totals the trial's metrics (for the baseline: its row of {@code trials.csv})
 * @param events every event in the order the engine applied it
 * @param days one state per day, day 0 first
 * @param commodityIds commodities in scenario order (index of {@link Day#servedShare})
 * @param sinkIds sinks in node order (index of {@link Day#sinkServed})
 * @param storageIds storages in node order (of the last day: a branch's patch may add one)
 * @param sectorIds economy sectors (index of {@link Day#inoperability}); empty without economy
 */
public record ExerciseReplay(
    TrialMetrics totals,
    List<TrialEvent> events,
    List<Day> days,
    List<String> commodityIds,
    List<String> sinkIds,
    List<String> storageIds,
    List<String> sectorIds) {

  public ExerciseReplay {
    events = List.copyOf(events);
    days = List.copyOf(days);
    commodityIds = List.copyOf(commodityIds);
    sinkIds = List.copyOf(sinkIds);
    storageIds = List.copyOf(storageIds);
    sectorIds = List.copyOf(sectorIds);
  }

  /**
   * The state at the end of one day.
   *
   * @param day 0-based
   * @param servedShare per commodity, 0..1
   * @param sinkDemand per sink, that day's demand
   * @param sinkServed per sink, delivered
   * @param storage inventory at the end of the day by storage id, node order
   * @param assetsOut ids of assets below full capacity, nodes then links
   * @param assetFactors capacity factor of each asset in {@code assetsOut} (same order)
   * @param inoperability per sector, total inoperability q
   * @param transportCost the day's transport cost (currency)
   */
  public record Day(
      int day,
      double[] servedShare,
      double[] sinkDemand,
      double[] sinkServed,
      java.util.Map<String, Double> storage,
      List<String> assetsOut,
      double[] assetFactors,
      double[] inoperability,
      double transportCost) {

    /** Unserved demand of sink {@code k}, >= 0. */
    public double unserved(int k) {
      return Math.max(0, sinkDemand[k] - sinkServed[k]);
    }
  }
}
