package org.corridorrisk.cli;

/** Reads the engine's process-wide work counters for {@code bench} (flows solved, cache look-ups). */
final class EngineCounters {
  private EngineCounters() {}

  /** Counter values at one moment; differences give the work of one run. */
  record Snapshot(boolean available, long flowsSolved, long lookups, long cacheHits) {
    Snapshot minus(Snapshot before) {
      return new Snapshot(available && before.available, flowsSolved - before.flowsSolved,
          lookups - before.lookups, cacheHits - before.cacheHits);
    }
  }

  static Snapshot snapshot() {
    return new Snapshot(false, 0, 0, 0);
  }
}
