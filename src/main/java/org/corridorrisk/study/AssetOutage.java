package org.corridorrisk.study;

import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;

/**
 * One asset's N-1 result: the horizon's metrics when it alone is out.
 *
 * @param id node or link id
 * @param type {@code "node"} or {@code "link"}
 * @param kind the node kind ({@code source}, {@code sink}, ...) or link kind ({@code pipeline},
 *     ...) as spelled in scenario files
 * @param metrics the outage's metrics
 */
public record AssetOutage(String id, String type, String kind, TrialMetrics metrics) {
  public double get(Metric m) {
    return metrics.get(m);
  }
}
