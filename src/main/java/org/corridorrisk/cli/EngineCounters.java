package org.corridorrisk.cli;

/**
 * Snapshots of the engine's work counters ({@link org.corridorrisk.sim.EngineCounters}) for {@code
 * bench}.
 */
final class EngineCounters {
  private EngineCounters() {}

  /** Counter values at one moment; differences give the work of one run. */
  record Snapshot(boolean available, long flowsSolved, long lookups, long cacheHits) {
    Snapshot minus(Snapshot before) {
      return new Snapshot(
          available && before.available,
          flowsSolved - before.flowsSolved,
          lookups - before.lookups,
          cacheHits - before.cacheHits);
    }
  }

  static Snapshot snapshot() {
    return new Snapshot(
        true,
        org.corridorrisk.sim.EngineCounters.flowsSolved(),
        org.corridorrisk.sim.EngineCounters.flowLookups(),
        org.corridorrisk.sim.EngineCounters.cacheHits());
  }
}
