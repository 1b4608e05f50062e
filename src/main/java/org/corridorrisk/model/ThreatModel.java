package org.corridorrisk.model;

import java.util.Locale;

/** How a threat produces events. */
public enum ThreatModel {
  /** Attempts arrive as a Poisson process in continuous time over the horizon. */
  POISSON,
  /** At {@code start_day} every target fails independently with a probability. */
  INDEPENDENT,
  /**
   * A spatial event (poisson-like or once at {@code start_day}): an epicentre, an intensity that
   * halves with distance and lognormal fragility per asset kind.
   */
  HAZARD;

  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static ThreatModel fromFileName(String name) {
    for (ThreatModel m : values()) {
      if (m.fileName().equals(name)) {
        return m;
      }
    }
    return null;
  }
}
