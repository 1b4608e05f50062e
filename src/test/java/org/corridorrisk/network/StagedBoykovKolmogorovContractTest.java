package org.corridorrisk.network;

/**
 * The max-flow contract for the staged max-flow with Boykov and Kolmogorov's algorithm as its exact
 * phase.
 */
class StagedBoykovKolmogorovContractTest extends AugmentingMaxFlowContractTest {
  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new StagedMaxFlow(
        g,
        r,
        nodes,
        nodes,
        SolverOptions.DEFAULTS.withExactMaxFlow(SolverOptions.ExactMaxFlow.BOYKOV_KOLMOGOROV));
  }

  @Override
  boolean exact() {
    return true;
  }
}
