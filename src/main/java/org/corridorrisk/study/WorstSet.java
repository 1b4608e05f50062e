package org.corridorrisk.study;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;

/**
 * The worst set found for one budget, with its metrics and how it was found.
 *
 * @param budget the most assets the attacker may disable
 * @param outage the chosen assets (ids ascending; may be fewer than the budget when no larger set
 *     is strictly worse) and their metrics
 * @param search the search's account: exact or heuristic, method, bound, evaluations, time
 * @param anyLoss whether the set's objective is above the undisturbed run's (beyond the search's
 *     tie tolerance). When false, no set of at most {@code budget} candidates was found that causes
 *     any loss ({@code search.exact()} says whether that is proven): {@code outage} is then the
 *     empty set with the undisturbed run's metrics, so no "worst" set with zero loss is named.
 */
public record WorstSet(int budget, SetOutage outage, WorstCaseResult search, boolean anyLoss) {
  public List<String> assetIds() {
    return outage.assetIds();
  }

  public double get(Metric m) {
    return outage.get(m);
  }

  public TrialMetrics metrics() {
    return outage.metrics();
  }
}
