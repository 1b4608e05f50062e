package org.corridorrisk.network;

/** The max-flow contract for the staged max-flow with push-relabel as its exact phase. */
class StagedPushRelabelContractTest extends AugmentingMaxFlowContractTest {
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new StagedMaxFlow(
        g,
        r,
        nodes,
        nodes,
        SolverOptions.DEFAULTS.withExactMaxFlow(SolverOptions.ExactMaxFlow.PUSH_RELABEL));
  }

  @Override
  boolean exact() {
    return true;
  }
}
