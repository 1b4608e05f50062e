package org.corridorrisk.network;

/**
 * Counters of one {@link DailyFlowSolver} since its construction (tests and measurements).
 *
 * @param greedyRounds greedy-start rounds run
 * @param exactRuns exact (ISAP) phases run
 * @param fastHits solves served by the fast path
 * @param fastFallbacks fast-path attempts that fell back to the exact path
 */
public record SolverStatistics(
    long greedyRounds, long exactRuns, long fastHits, long fastFallbacks) {
  /** Share of fast-path attempts that succeeded, in [0, 1] (0 when none was tried). */
  public double fastHitRate() {
    long tries = fastHits + fastFallbacks;
    return tries == 0 ? 0 : (double) fastHits / tries;
  }
}
