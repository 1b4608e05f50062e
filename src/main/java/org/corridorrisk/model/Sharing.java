package org.corridorrisk.model;

import java.util.Locale;

/**
 * How a priority tier shares a shortage among its sinks (scenario key {@code sharing}).
 *
 * <p>{@link #FAIR} (the default) gives the tier's sinks the max-min fair vector of served shares
 * {@code served / demand}, then shares storage withdrawals and refills by the same rule, so
 * per-sink results do not depend on which maximum flow a solver finds. {@link #ANY} keeps only the
 * tier totals (the split between sinks is then whatever the solver finds; faster).
 */
public enum Sharing {
  /** Max-min fair served shares within each tier, then among storages. */
  FAIR,
  /** Tier totals only; the split is unspecified. */
  ANY;

  /** The value as written in a scenario file ({@code fair}, {@code any}). */
  public String fileName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The value for a file name, or null when there is none. */
  public static Sharing fromFileName(String name) {
    for (Sharing s : values()) {
      if (s.fileName().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
