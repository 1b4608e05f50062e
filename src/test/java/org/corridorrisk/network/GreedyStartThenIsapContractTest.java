package org.corridorrisk.network;

/** The max-flow contract for greedy rounds then ISAP. */
class GreedyStartThenIsapContractTest extends AugmentingMaxFlowContractTest {
  /** Greedy rounds until none adds flow, then ISAP: exact together. */
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    GreedyStart greedy = new GreedyStart(g, r, nodes);
    Isap isap = new Isap(g, r, nodes, nodes);
    return (base, end, s, t, blocked, limit, eps) -> {
      double total = 0;
      double round;
      do {
        round = greedy.augment(base, end, s, t, blocked, limit, eps);
        total += round;
      } while (round > eps && !greedy.provedMaximal());
      return total + isap.augment(base, end, s, t, blocked, limit, eps);
    };
  }

  @Override
  boolean exact() {
    return true;
  }
}
