package org.corridorrisk.model;

/**
 * An economy sector.
 *
 * @param id sector id, referenced by sinks' {@code sector}
 * @param outputPerDay economic output per day (currency); what a fully inoperable day loses
 */
public record Sector(String id, double outputPerDay) {
  public Sector {
    Checks.id(id, "sector");
    Checks.nonNegative(outputPerDay, "output_per_day", "sector '" + id + "'");
  }
}
