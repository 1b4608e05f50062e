package org.corridorrisk.model;

/**
 * Spill data of a liquids link: a successful hit releases the flow of {@code detectionHours} plus
 * the {@code isolationVolume} trapped between valves.
 *
 * @param detectionHours hours until the leak is detected and the line shut in
 * @param isolationVolume volume (commodity unit) that drains from the isolated segment
 */
public record Spill(double detectionHours, double isolationVolume) {
  public Spill {
    Checks.nonNegative(detectionHours, "detection_hours", "spill");
    Checks.nonNegative(isolationVolume, "isolation_volume", "spill");
  }
}
