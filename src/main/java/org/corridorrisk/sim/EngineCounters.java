package org.corridorrisk.sim;

import java.util.concurrent.atomic.LongAdder;

/**
 * Process-wide work counters of the engine, for benchmarks ({@code corridor-risk bench}): daily
 * flow look-ups, how many the per-worker memo answered, and how many needed a max-flow solve.
 * Workers add their counts once per range of batches, never per solve, so counting costs nothing
 * measurable. Monotone; take differences around a run. Thread-safe.
 */
public final class EngineCounters {
  private static final LongAdder LOOKUPS = new LongAdder();
  private static final LongAdder HITS = new LongAdder();

  private EngineCounters() {}

  static void add(long hits, long misses) {
    HITS.add(hits);
    LOOKUPS.add(hits + misses);
  }

  /** Daily flow look-ups (one per commodity and simulated day that needed a routing). */
  public static long flowLookups() {
    return LOOKUPS.sum();
  }

  /** Look-ups answered by the memo of repeated failure states. */
  public static long cacheHits() {
    return HITS.sum();
  }

  /** Look-ups that ran the max-flow solver (= look-ups - cache hits). */
  public static long flowsSolved() {
    return LOOKUPS.sum() - HITS.sum();
  }
}
