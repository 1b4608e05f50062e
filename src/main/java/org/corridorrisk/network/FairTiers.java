package org.corridorrisk.network;

import static org.corridorrisk.network.StorageSteps.rate;

/**
 * The steps of a day under {@code sharing: fair}, on one commodity {@link Block}: each priority
 * tier's sinks get max-min fair shares of what the network can deliver to the tier, then storage
 * withdrawals are shared max-min fair in {@code withdrawn / withdrawCap}, then refills in {@code
 * injected / injectCap}. The shares themselves are computed by {@link FairShares}; this class
 * chooses the parametric arcs and weights of each phase and keeps the rules of {@link
 * DailyFlowSolver} (tier totals lexicographically maximal, sources before storage).
 */
final class FairTiers {
  private final NetworkIndex net;
  private final FlowGraph graph;
  private final Residuals residuals;
  private final FairShares.MaxFlow maxFlow;
  private final StorageSteps storage;
  final FairShares shares;

  // The parametric arcs of the running phase.
  private final int[] parArcs;
  private final int[] parNodes;
  private final double[] parWeights;

  /**
   * A tier's first test from the reference flow: the undisturbed day's flow clipped to today's
   * outages and repaired to a maximum ({@link StagedMaxFlow#augmentFromReference}), as a day under
   * {@code sharing: any} is. Fields, so that no lambda is made per tier.
   *
   * <p>Design note: until session 30 the reference was installed and the first test then ran the
   * staged max-flow (bound, greedy rounds, a fresh search); on a 20,000-node lattice that fresh
   * search over the whole network was about three quarters of a fair day (docs/performance.md,
   * "Session 30: ...").
   */
  private ReferenceFlow reference;

  private Block block;
  private final Runnable firstTestFromReference;

  FairTiers(
      NetworkIndex net,
      FlowGraph graph,
      Residuals residuals,
      FairShares.MaxFlow maxFlow,
      StagedMaxFlow laterTests,
      StorageSteps storage) {
    this.net = net;
    this.graph = graph;
    this.residuals = residuals;
    this.maxFlow = maxFlow;
    this.storage = storage;
    this.shares = new FairShares(net, graph, residuals, maxFlow, laterTests);
    this.firstTestFromReference = () -> laterTests.augmentFromReference(block, reference);
    int nodes = net.nodeCount();
    parArcs = new int[nodes];
    parNodes = new int[nodes];
    parWeights = new double[nodes];
  }

  /**
   * Serves the tiers of block {@code b} fairly, then (when it has storages) shares withdrawals and
   * refills. A tier's first test starts from {@code reference} (or null) when the tier can be
   * served in full.
   */
  void solve(Block b, DayInput in, ReferenceFlow reference) {
    shares.newDay();
    this.block = b;
    this.reference = reference;
    serveTiers(b, in);
    if (net.storagesOf(b.commodity).length > 0) {
      shareStorage(b, in);
    }
  }

  private void serveTiers(Block b, DayInput in) {
    int c = b.commodity;
    double eps = b.flowEpsilon;
    boolean hasStorage = net.storagesOf(c).length > 0;
    for (int k = 0; k < b.tierCount(); k++) {
      int count = 0;
      double demand = 0;
      for (int j = b.tierStart[k]; j < b.tierStart[k + 1]; j++) {
        int i = b.sinksByTier[j];
        double d = rate(in.demand[i]);
        if (in.nodeUp[i] && d > eps) {
          count = add(count, graph.nodeArc[i], i, d);
          demand += d;
        }
      }
      if (count == 0) {
        continue;
      }
      double available = 0;
      for (int i : net.sourcesOf(c)) {
        available += residuals.residual(graph.nodeArc[i]);
      }
      for (int i : net.storagesOf(c)) {
        available += residuals.residual(graph.nodeArc[i]);
      }
      if (available <= eps) {
        continue;
      }
      Runnable first = available >= demand && reference != null ? firstTestFromReference : null;
      shares.share(b, parArcs, parNodes, parWeights, count, -1, false, hasStorage, first, in);
    }
  }

  /**
   * After the tiers: the deliveries are fixed; the flow is rebuilt from sources alone (their
   * largest total, so withdrawal is minimal), then storage withdrawals are added max-min fair in
   * {@code withdrawn / withdrawCap}, then refills max-min fair in {@code injected / injectCap} with
   * {@code R} blocked.
   */
  private void shareStorage(Block b, DayInput in) {
    int c = b.commodity;
    double eps = b.flowEpsilon;
    double withdrawn = residuals.flow(b.rootArc);
    int candidates = 0;
    for (int i : net.storagesOf(c)) {
      if (in.nodeUp[i] && rate(in.withdrawCap[i]) > eps) {
        candidates++;
      }
    }
    if (withdrawn > eps && candidates <= 1) {
      storage.useSourcesFirst(b); // one storage: its withdrawal is the minimal total
    } else if (withdrawn > eps) {
      residuals.removeFlow(b.arcBegin, b.arcEnd);
      int count = 0;
      for (int i : net.storagesOf(c)) {
        int a = graph.nodeArc[i];
        double w = in.nodeUp[i] ? rate(in.withdrawCap[i]) : 0;
        residuals.setEmpty(a, 0);
        if (w > eps) {
          count = add(count, a, i, w);
        }
      }
      double saved = residuals.close(b.rootArc);
      maxFlow.run(b, b.source, b.sink, -1);
      residuals.reopen(b.rootArc, saved);
      shares.share(b, parArcs, parNodes, parWeights, count, -1, true, true, null, in);
    }
    int count = 0;
    for (int i : net.storagesOf(c)) {
      double injection = in.nodeUp[i] ? rate(in.injectCap[i]) : 0;
      if (injection > eps) {
        count = add(count, graph.injectArc[i], i, injection);
      }
    }
    if (count > 0) {
      double saved = residuals.close(b.rootArc);
      shares.share(b, parArcs, parNodes, parWeights, count, b.storageRoot, false, false, null, in);
      residuals.reopen(b.rootArc, saved);
    }
  }

  private int add(int count, int arc, int node, double weight) {
    parArcs[count] = arc;
    parNodes[count] = graph.internalOf[node];
    parWeights[count] = weight;
    return count + 1;
  }
}
