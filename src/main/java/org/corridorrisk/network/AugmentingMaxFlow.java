package org.corridorrisk.network;

/**
 * A max-flow algorithm that augments the flow held by a {@link Residuals} on an {@link Arcs} graph.
 * Implementations: {@link BoykovKolmogorov}, {@link Isap} (also the fast path's small graph) and
 * {@link PushRelabel} (exact), {@link GreedyStart} (one feasible round, not always maximal) and
 * {@link StagedMaxFlow} (bound, greedy rounds, then an exact one: what the daily solver runs). Each
 * is bound to one graph and one residual state at construction and reuses its workspaces; none is
 * thread-safe.
 *
 * <p>Contract (checked for every implementation against JGraphT by {@code
 * AugmentingMaxFlowContractTest}): starting from any feasible flow, the flow stays feasible (every
 * residual {@code >= -eps}, flow conserved at every node but {@code s} and {@code t}); the value
 * added is returned; exact implementations stop at a maximum flow or once {@code limit} is added.
 */
interface AugmentingMaxFlow {
  /**
   * Augments the flow from {@code s} to {@code t} on nodes {@code base .. end - 1}, never entering
   * {@code blocked} (-1 for none), treating residuals at or below {@code eps} as zero, until the
   * flow is maximal or at least {@code limit} was added; returns the flow added.
   */
  double augment(int base, int end, int s, int t, int blocked, double limit, double eps);
}
