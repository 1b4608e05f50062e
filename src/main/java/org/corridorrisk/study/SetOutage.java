package org.corridorrisk.study;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;

/**
 * The metrics when a set of assets is out together (an N-2 pair or a worst-case set).
 *
 * @param assetIds the ids, ascending
 * @param metrics the outage's metrics
 */
public record SetOutage(List<String> assetIds, TrialMetrics metrics) {
  public SetOutage {
    assetIds = List.copyOf(assetIds);
  }

  public double get(Metric m) {
    return metrics.get(m);
  }
}
