package org.corridorrisk.impact;

/**
 * What one trial (or one deterministic outage evaluation) produced.
 *
 * @param values indexed by {@link Metric#ordinal()}
 * @param unservedVolumeByCommodity indexed like {@code Scenario.commodities()}
 * @param personDaysByCommodity person-days without service of each commodity's sinks, indexed like
 *     {@code Scenario.commodities()}
 * @param peakInoperabilityBySector indexed like the economy's sectors (empty without economy)
 * @param indirectLossBySector indexed like the economy's sectors (empty without economy)
 */
public record TrialMetrics(
    double[] values,
    double[] unservedVolumeByCommodity,
    double[] personDaysByCommodity,
    double[] peakInoperabilityBySector,
    double[] indirectLossBySector) {

  public TrialMetrics {
    if (values.length != Metric.values().length) {
      throw new IllegalArgumentException(
          "values must have one entry per Metric but had " + values.length);
    }
  }

  public double get(Metric metric) {
    return values[metric.ordinal()];
  }
}
