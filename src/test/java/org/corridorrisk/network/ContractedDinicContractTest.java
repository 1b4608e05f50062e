package org.corridorrisk.network;

/** The max-flow contract for the fast path's Dinic. */
class ContractedDinicContractTest extends AugmentingMaxFlowContractTest {
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new ContractedDinic(g, r, nodes);
  }

  @Override
  boolean exact() {
    return true;
  }
}
