package org.corridorrisk.study;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Scenario;

/**
 * What a criticality study found.
 *
 * @param scenario the scenario studied
 * @param options the options used (outage days resolved)
 * @param assets every link, source, storage and junction (and sink, when {@link
 *     CriticalityOptions#includeSinks()}) alone out, worst first (economic_loss, then
 *     unserved_fraction, both descending, then id ascending)
 * @param pairs N-2 over the top single assets, worst first (empty unless asked for)
 * @param candidates the worst-case candidates (assets any threat targets), in search order: worst
 *     single value of the objective first, then id
 * @param monotoneObjective whether branch and bound was allowed (see {@link CriticalityStudy})
 * @param flowBoundUsed whether branch and bound used the flow bound (see {@code FlowBound});
 *     otherwise its bound was f(S u all remaining candidates)
 * @param worstCase one entry per budget 1..K (empty when no threat targets anything)
 * @param rankingSeconds wall-clock time of the N-1 ranking
 * @param undisturbed the metrics with nothing disabled (the reference for "causes a loss")
 */
public record CriticalityResult(
    Scenario scenario,
    CriticalityOptions options,
    List<AssetOutage> assets,
    List<SetOutage> pairs,
    List<String> candidates,
    boolean monotoneObjective,
    boolean flowBoundUsed,
    List<WorstSet> worstCase,
    double rankingSeconds,
    TrialMetrics undisturbed) {

  public CriticalityResult {
    assets = List.copyOf(assets);
    pairs = List.copyOf(pairs);
    candidates = List.copyOf(candidates);
    worstCase = List.copyOf(worstCase);
  }

  /**
   * Whether some single ranked asset's outage raises {@code metric} above the undisturbed run
   * (beyond the search's tie tolerance).
   */
  public boolean anySingleLoss(Metric metric) {
    return assets.stream().anyMatch(a -> causesLoss(a.get(metric), undisturbed.get(metric)));
  }

  /** Whether {@code value} is above {@code undisturbedValue} beyond the tie tolerance. */
  static boolean causesLoss(double value, double undisturbedValue) {
    return WorstCaseSearch.better(value, undisturbedValue);
  }
}
