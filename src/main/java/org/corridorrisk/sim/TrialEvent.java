package org.corridorrisk.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One event of a replayed trial (see {@link TrialObserver}).
 *
 * @param type what happened
 * @param day the day it happened (0-based)
 * @param time the continuous time in days ({@code day <= time < day + 1}): a Poisson attempt's
 *     drawn time, an independent threat's {@code start_day}, otherwise {@code day}
 * @param threat the threat id, or {@code null} for events of no threat (e.g. a restoration is
 *     reported with the threat that caused the outage when known)
 * @param asset the asset (node or link) id, or {@code null} (an attempt whose target the engine
 *     never determined: a missed attempt of a max-damage attacker)
 * @param capacityFactor the asset's capacity factor from this event on ({@code 0} out, {@code 1}
 *     fully back; between for partial damage or a restoration stage), or NaN where it does not
 *     apply (attempt, miss)
 * @param endDay for {@code hit} and {@code repair_start}: the first day the asset is expected back
 *     ({@code >= horizon} means not within the horizon); otherwise -1
 * @param details extra facts by name (e.g. {@code spill_volume}, {@code extended}, {@code crew}),
 *     in insertion order; never {@code null}
 */
public record TrialEvent(
    Type type,
    int day,
    double time,
    String threat,
    String asset,
    double capacityFactor,
    int endDay,
    Map<String, Object> details) {

  /** Event types; {@link #key()} is the name used in files ({@code repair_start}). */
  public enum Type {
    /** A Poisson threat's attempt (followed by a {@code hit} or a {@code miss}). */
    ATTEMPT,
    /** An attempt that failed. */
    MISS,
    /** An asset disabled (fully or partly) by a threat. */
    HIT,
    /** A repair started (at once without crews; when a crew is free with crews). */
    REPAIR_START,
    /** An asset back at full capacity (or at a restoration stage's factor). */
    RESTORED,
    /** A hazard event (e.g. an earthquake) before its effects on assets. */
    HAZARD;

    /** The lower-case name used in files. */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public TrialEvent {
    if (type == null) {
      throw new IllegalArgumentException("event type must be given");
    }
    details =
        details == null || details.isEmpty()
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /** An event without details. */
  public static TrialEvent of(
      Type type, int day, double time, String threat, String asset, double factor, int endDay) {
    return new TrialEvent(type, day, time, threat, asset, factor, endDay, Map.of());
  }
}
