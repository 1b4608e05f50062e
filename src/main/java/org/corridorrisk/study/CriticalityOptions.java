package org.corridorrisk.study;

import org.corridorrisk.impact.Metric;

/**
 * Options of a criticality study.
 *
 * @param outageDays how long each disabled asset stays down from day 0 (>= 1; clamped to the
 *     horizon by the evaluator)
 * @param budget worst sets are searched for budgets 1..budget (>= 0; 0 = no worst-case search)
 * @param objective what the attacker maximizes
 * @param pairs N-2 over all pairs among the top {@code pairs} single assets (>= 0; 0 = none)
 * @param threads worker threads (>= 1); never changes results
 * @param maxEvaluations most distinct outage evaluations one budget's exact search may use (>= 1);
 *     beyond it the heuristic runs with as many again
 * @param heuristicStarts number of single-asset starts of the heuristic (>= 1)
 * @param includeSinks whether the N-1 ranking also lists sinks (the demand points themselves); by
 *     default it ranks infrastructure only: links, sources, storages and junctions. The worst-case
 *     candidates are the threat targets either way.
 */
public record CriticalityOptions(
    int outageDays,
    int budget,
    Metric objective,
    int pairs,
    int threads,
    long maxEvaluations,
    int heuristicStarts,
    boolean includeSinks) {

  /** Default {@code --max-evaluations}. */
  public static final long DEFAULT_MAX_EVALUATIONS = 20_000;

  /** Default number of heuristic starts. */
  public static final int DEFAULT_HEURISTIC_STARTS = 5;

  public CriticalityOptions {
    if (outageDays < 1) {
      throw new IllegalArgumentException("outage days must be >= 1, was " + outageDays);
    }
    if (budget < 0) {
      throw new IllegalArgumentException("budget must be >= 0, was " + budget);
    }
    if (objective == null) {
      throw new IllegalArgumentException("objective must be a metric, was null");
    }
    if (pairs < 0) {
      throw new IllegalArgumentException("pairs must be >= 0, was " + pairs);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException("max evaluations must be >= 1, was " + maxEvaluations);
    }
    if (heuristicStarts < 1) {
      throw new IllegalArgumentException("heuristic starts must be >= 1, was " + heuristicStarts);
    }
  }

  /** Defaults of the command line for a scenario with this horizon. */
  public static CriticalityOptions defaults(int horizonDays) {
    return new CriticalityOptions(
        horizonDays,
        3,
        Metric.UNSERVED_FRACTION,
        0,
        Runtime.getRuntime().availableProcessors(),
        DEFAULT_MAX_EVALUATIONS,
        DEFAULT_HEURISTIC_STARTS,
        false);
  }
}
