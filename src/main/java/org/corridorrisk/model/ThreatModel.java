package org.corridorrisk.model;

import java.util.Locale;

/** How a threat produces events. */
public enum ThreatModel {
  /** Attempts arrive as a Poisson process in continuous time over the horizon. */
  POISSON,
  /** At {@code start_day} every target fails independently with a probability. */
  INDEPENDENT;

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
