package org.corridorrisk.model;

import java.util.Locale;

/** How a Poisson attacker picks the target of one attempt. */
public enum Selection {
  /** Every target equally likely. */
  UNIFORM,
  /**
   * Probability proportional to capacity (links: capacity; nodes: supply, demand or withdrawal).
   */
  CAPACITY_WEIGHTED,
  /** The currently-up target whose loss now would cost most. */
  MAX_DAMAGE;

  public String fileName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Selection fromFileName(String name) {
    for (Selection s : values()) {
      if (s.fileName().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
