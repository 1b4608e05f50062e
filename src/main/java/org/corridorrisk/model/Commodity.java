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

  /**
   * The unit of a volume (a flow summed over days): {@code "mcm/d" -> "mcm"}, {@code "t/day" ->
   * "t"}; a unit without a per-day suffix gets "·day" ({@code "MW" -> "MW·day"}); no unit -> {@code
   * "units"}.
   */
  public String volumeUnit() {
    String u = unit.trim();
    if (u.isEmpty()) {
      return "units";
    }
    for (String suffix : new String[] {"/d", "/day", " per day", "/24h"}) {
      if (u.endsWith(suffix) && u.length() > suffix.length()) {
        return u.substring(0, u.length() - suffix.length()).trim();
      }
    }
    return u + "·day";
  }

  /** The unit of a flow per day: {@link #unit()}, or {@code "units/d"} when there is none. */
  public String flowUnit() {
    return unit.isBlank() ? "units/d" : unit.trim();
  }
}
