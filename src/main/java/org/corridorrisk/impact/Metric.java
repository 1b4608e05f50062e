package org.corridorrisk.impact;

/**
 * The per-trial metrics of the output contract, in the order of {@code summary.json} and {@code
 * trials.csv}. {@link #key()} is the contract name.
 */
public enum Metric {
  /** Mean over commodities of (unserved sink demand / sink demand) over the horizon, 0..1. */
  UNSERVED_FRACTION("unserved_fraction", "share of demand"),
  /** Sum over days and sinks of population x unserved / demand. */
  PERSON_DAYS_WITHOUT_SERVICE("person_days_without_service", "person-days"),
  /** Sum of value_of_lost_load x unserved demand (currency). */
  DIRECT_LOSS("direct_loss", "currency"),
  /** Input-output (IIM) loss beyond the direct inoperability (currency). */
  INDIRECT_LOSS("indirect_loss", "currency"),
  /** Extra transport cost over the undisturbed day's cost (currency). */
  REROUTING_COST("rerouting_cost", "currency"),
  /** Spilled volume from hits on links with spill data (commodity unit). */
  SPILL_VOLUME("spill_volume", "volume"),
  /** direct_loss + indirect_loss + rerouting_cost (currency). */
  ECONOMIC_LOSS("economic_loss", "currency");

  private final String key;
  private final String unitKind;

  Metric(String key, String unitKind) {
    this.key = key;
    this.unitKind = unitKind;
  }

  /** The contract name, e.g. {@code "economic_loss"}. */
  public String key() {
    return key;
  }

  /** What the number measures: "currency", "person-days", "share of demand" or "volume". */
  public String unitKind() {
    return unitKind;
  }

  /** The metric with this contract name, or {@code null}. */
  public static Metric fromKey(String key) {
    for (Metric m : values()) {
      if (m.key.equals(key)) {
        return m;
      }
    }
    return null;
  }
}
