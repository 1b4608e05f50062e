package org.corridorrisk.network;

/** The max-flow contract for one greedy round (heuristic: at most the maximum). */
class GreedyStartContractTest extends AugmentingMaxFlowContractTest {
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new GreedyStart(g, r, nodes);
  }

  @Override
  boolean exact() {
    return false;
  }
}
