package org.corridorrisk.sim;

import java.util.Collection;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Scenario;

/**
 * Deterministic what-if evaluations for criticality analysis: a given set of assets is disabled
 * from day 0 for a number of days, no threat acts, and the daily simulation (storage,
 * priorities, dependencies, economy) runs over the whole horizon.
 *
 * <p>Not thread-safe: use one instance per thread (they are cheap to create from a scenario).
 */
public final class OutageEvaluator {
  private final Scenario scenario;

  public OutageEvaluator(Scenario scenario) {
    this.scenario = scenario;
  }

  /**
   * The metrics of the horizon when {@code assetIds} (node or link ids) are all disabled from
   * day 0 for {@code outageDays} days (clamped to the horizon).
   */
  public TrialMetrics evaluate(Collection<String> assetIds, int outageDays) {
    throw new UnsupportedOperationException("engine not built yet: " + scenario.name());
  }
}
