package org.corridorrisk.network;

/** The max-flow contract for the daily solver's staged max-flow. */
class StagedMaxFlowContractTest extends AugmentingMaxFlowContractTest {
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new StagedMaxFlow(g, r, nodes, nodes, SolverOptions.DEFAULTS);
  }

  @Override
  boolean exact() {
    return true;
  }
}
