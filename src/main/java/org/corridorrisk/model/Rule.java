package org.corridorrisk.model;

/**
 * The model rules a scenario can break, so that callers (the {@code scenario} package) can act on a
 * violation without reading its message text.
 */
public enum Rule {
  /** A required value is missing. */
  REQUIRED,
  /** An id does not match {@code [A-Za-z0-9._-]+}. */
  ID_FORMAT,
  /** A number is outside its allowed range (negative, not finite, above 1, ...). */
  RANGE,
  /** Two values of one element are in the wrong order (p90 > median, capacity >= inventory). */
  ORDER,
  /** A value is not one of the allowed choices (dependency mode). */
  CHOICE,
  /** A matrix has the wrong number of rows or entries. */
  SHAPE,
  /** The interdependency matrix has spectral radius >= 1. */
  STABILITY,
  /** A list has fewer entries than the format needs. */
  TOO_FEW,
  /** An id is used twice; values are the id and, for assets, the path of its first use. */
  DUPLICATE_ID,
  /** A reference (commodity, node, link, sector, kind, corridor) names nothing known. */
  UNKNOWN_REFERENCE,
  /** A link end carries another commodity; values are the node's and the link's commodity. */
  COMMODITY_MISMATCH,
  /** A link starts and ends at the same node. */
  LOOP,
  /** A sink cannot be reached from any source or storage of its commodity. */
  UNREACHABLE_SINK,
  /** A threat's targets select no asset. */
  SELECTS_NO_ASSET,
  /** A threat starts on or after the horizon. */
  AFTER_HORIZON,
  /** A dependency end names a node of the wrong kind. */
  WRONG_KIND,
  /** Commodities depend on each other in a cycle. */
  DEPENDENCY_CYCLE,
  /**
   * Poisson threats expect more attempts per trial than a trial may hold ({@link
   * Scenario#MAX_ATTEMPTS_PER_TRIAL}); values are the threat id and the expected attempts.
   */
  TOO_MANY_ATTEMPTS
}
