package org.corridorrisk.network;

/** The max-flow contract for ISAP. */
class IsapContractTest extends AugmentingMaxFlowContractTest {
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new Isap(g, r, nodes, nodes);
  }

  @Override
  boolean exact() {
    return true;
  }
}
