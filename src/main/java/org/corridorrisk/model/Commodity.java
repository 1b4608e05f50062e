package org.corridorrisk.model;

/**
 * A good carried by the network (gas, oil, electricity, freight). Flows of a commodity are per day
 * in {@link #unit()}; commodities never mix in one flow problem.
 *
 * @param id unique commodity id
 * @param unit label used in reports, e.g. {@code "mcm/d"}; never {@code null} (may be empty)
 */
public record Commodity(String id, String unit) {
  public Commodity {
    Checks.id(id, "commodity");
    unit = unit == null ? "" : unit;
  }
}
