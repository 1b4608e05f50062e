package org.corridorrisk.sim;

import java.util.Collection;
import java.util.LinkedHashSet;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Scenario;

/**
 * Deterministic what-if evaluations for criticality analysis: a given set of assets is disabled
 * from day 0 for a number of days, no threat acts, and the daily simulation (storage, priorities,
 * dependencies, economy) runs over the whole horizon.
 *
 * <p>The outage is treated as a successful hit at day 0 on each asset: links with spill data count
 * their spill (day-0 flow before the hit x detection_hours / 24 + isolation_volume). {@code
 * rerouting_cost} is measured against the same undisturbed run as in Monte Carlo studies.
 *
 * <p>Not thread-safe: use one instance per thread (they are cheap to create from a scenario).
 */
public final class OutageEvaluator {
  private final Scenario scenario;
  private final StudyModel model;
  private final TrialRunner runner;

  public OutageEvaluator(Scenario scenario) {
    this.scenario = scenario;
    this.model = new StudyModel(scenario);
    this.runner = new TrialRunner(model, model.baseline);
  }

  /**
   * The metrics of the horizon when {@code assetIds} (node or link ids) are all disabled from day 0
   * for {@code outageDays} days (clamped to the horizon).
   *
   * @throws IllegalArgumentException when an id is neither a node nor a link, or outageDays < 0
   */
  public TrialMetrics evaluate(Collection<String> assetIds, int outageDays) {
    if (outageDays < 0) {
      throw new IllegalArgumentException("outageDays must be >= 0, was " + outageDays);
    }
    LinkedHashSet<String> unique = new LinkedHashSet<>(assetIds);
    int[] assets = new int[unique.size()];
    int i = 0;
    for (String id : unique) {
      int node = model.net.nodeIndex(id);
      int link = node >= 0 ? -1 : model.net.linkIndex(id);
      if (node < 0 && link < 0) {
        throw new IllegalArgumentException(
            "no node or link '" + id + "' in scenario '" + scenario.name() + "'");
      }
      assets[i++] = node >= 0 ? node : model.nodeCount + link;
    }
    runner.runForced(assets, outageDays);
    return runner.ledger().toTrialMetrics();
  }

  /** The metrics of the undisturbed run (nothing disabled, no threats). */
  public TrialMetrics undisturbed() {
    return model.baseline.metrics();
  }
}
