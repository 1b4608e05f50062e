package org.corridorrisk.network;

/**
 * The two storage steps of a day after its tiers are served, on one commodity {@link Block}: use
 * sources before storage, and refill storages from spare supply. Both keep every sink's delivery.
 * Used by {@link DailyFlowSolver} (both sharing rules) and {@link FairTiers}.
 */
final class StorageSteps {
  private final NetworkIndex net;
  private final FlowGraph graph;
  private final Residuals residuals;
  private final FairShares.MaxFlow maxFlow;

  StorageSteps(NetworkIndex net, FlowGraph graph, Residuals residuals, FairShares.MaxFlow maxFlow) {
    this.net = net;
    this.graph = graph;
    this.residuals = residuals;
    this.maxFlow = maxFlow;
  }

  /**
   * Sources first: with the arc {@code S -> R} closed and {@code T} blocked, a max-flow {@code S ->
   * R} reroutes flow so that source supply replaces storage withdrawal wherever the network allows;
   * its value is the largest possible reduction of total withdrawal for unchanged deliveries.
   */
  void useSourcesFirst(Block b) {
    int root = b.rootArc;
    if (residuals.flow(root) <= b.flowEpsilon) {
      return;
    }
    double saved = residuals.close(root);
    double moved = maxFlow.run(b, b.source, b.storageRoot, b.sink);
    residuals.reopen(root, saved);
    if (moved > 0) {
      residuals.setFlow(root, withdrawn(b));
    }
  }

  /** Total flow on the storage arcs {@code R -> storage} of block {@code b}. */
  double withdrawn(Block b) {
    double withdrawn = 0;
    for (int i : net.storagesOf(b.commodity)) {
      withdrawn += residuals.flow(graph.nodeArc[i]);
    }
    return withdrawn;
  }

  /**
   * Refill ({@code sharing: any}): storage arcs {@code storage -> T} get capacity {@code
   * injectCap}; with {@code R} blocked (withdrawals unchanged), a max-flow {@code S -> T} routes
   * spare supply into storages.
   */
  void refill(Block b, DayInput in) {
    boolean any = false;
    for (int i : net.storagesOf(b.commodity)) {
      double injection = in.nodeUp[i] ? rate(in.injectCap[i]) : 0;
      residuals.setEmpty(graph.injectArc[i], injection);
      any |= injection > b.flowEpsilon;
    }
    if (!any) {
      return;
    }
    double saved = residuals.close(b.rootArc);
    maxFlow.run(b, b.source, b.sink, b.storageRoot);
    residuals.reopen(b.rootArc, saved);
  }

  /** A finite non-negative rate, else 0. */
  static double rate(double value) {
    return value > 0 && value < Double.POSITIVE_INFINITY ? value : 0;
  }
}
