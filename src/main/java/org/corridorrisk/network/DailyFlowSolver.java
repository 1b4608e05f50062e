package org.corridorrisk.network;

import java.util.Arrays;
import org.corridorrisk.model.Sharing;

/**
 * Routes one day's flow of one commodity: priority tiers served lexicographically, shortage within
 * a tier shared by the scenario's {@code sharing} rule, storage only for what sources cannot cover,
 * refills from spare supply, and (when the commodity has link costs) the cheapest such flow. This
 * class only orchestrates; the algorithms are {@link FastPath}, {@link StagedMaxFlow} ({@link
 * GreedyStart} then {@link BoykovKolmogorov}), {@link ReferenceFlow}, {@link StorageSteps}, {@link
 * FairTiers} ({@link FairShares}) and {@link CycleCanceller}, all working on one {@link Residuals}
 * this solver owns.
 *
 * <p>One instance per worker thread; it reuses all internal buffers, so {@link #solve} allocates
 * nothing. Not thread-safe. The {@link NetworkIndex} it reads is shared and immutable.
 *
 * <p>The steps of {@link #solve}, on the commodity's {@link Block} of the flow graph (super source
 * {@code S}, storage root {@code R}, super sink {@code T}), under {@code sharing: any}:
 *
 * <ol>
 *   <li><b>Tiers.</b> For each priority 1, 2, ...: with {@code D} the demand of the tier's up sinks
 *       and {@code A} the remaining supply (residual source arcs plus residual storage withdrawal
 *       caps), {@code lam = min(1, A / D)}. Sink arcs of the tier get capacity {@code lam x
 *       demand}; max-flow {@code S -> T}; then capacities rise to the full demand and the flow is
 *       augmented again. The tier's sink arcs are then frozen at their flow. Augmenting paths end
 *       at {@code T} and never pass through it, so a later tier never lowers an earlier sink's
 *       delivery (lexicographic maximum of tier totals).
 *   <li><b>Sources first</b> ({@link StorageSteps#useSourcesFirst}): total withdrawal becomes
 *       minimal for unchanged deliveries.
 *   <li><b>Refill</b> ({@link StorageSteps#refill}): spare supply into storages, withdrawals
 *       unchanged. After step 2 no spare source reaches a withdrawing storage, so no storage both
 *       withdraws and refills (outputs are netted anyway, against rounding).
 *   <li><b>Cost.</b> When the commodity has costs, negative cycles of the residual graph are
 *       cancelled with {@code R} and {@code T} blocked (deliveries, withdrawals and injections
 *       unchanged): the result is the cheapest flow with those terminal flows.
 * </ol>
 *
 * <p>Under {@code sharing: fair} (the default), steps 1 to 3 are {@link FairTiers}: the same tier
 * totals and minimal withdrawal, with each tier's sinks, then withdrawals, then refills max-min
 * fair (independent of node and link order).
 *
 * <p>Fast path: for a commodity without costs whose storages cannot withdraw or refill today,
 * {@link FastPath} first tries to meet every connected component's upper bound with a verified tree
 * flow (see docs/daily-flow.md); only when that fails do the steps above run. On large single-tier
 * commodities, a tier whose sinks are capped at their full demand starts from the undisturbed day's
 * flow clipped to today's capacities ({@link ReferenceFlow}) and goes straight to the exact phase.
 * Flows within {@code 1e-12 x} the commodity's largest nominal rate are treated as zero.
 *
 * <p>Rejected: JGraphT's algorithms in the hot loop (boxing, maps, allocation per call).
 */
public final class DailyFlowSolver {
  private final NetworkIndex net;
  private final FlowGraph graph;
  private final SolverOptions options;
  private final Residuals residuals;
  private final StagedMaxFlow maxFlow;
  private final FastPath fastPath;
  private final CycleCanceller cycles;
  private final StorageSteps storage;

  /** The steps of {@code sharing: fair}, or null under {@code sharing: any}. */
  final FairTiers fair;

  /** Per commodity: the reference flow, or null (not eligible, or not built yet). */
  private final ReferenceFlow[] reference;

  /** Per commodity: its block's capacities on the nominal day, or null before its first solve. */
  private final FlowGraph.NominalDay[] nominalDay;

  /** Days served from a reference flow's installed state. */
  final InstalledDays installed;

  /** Per commodity: whether its reference flow and fast-path decision are made. */
  private final boolean[] prepared;

  /**
   * Per commodity: whether the fast path is tried; false when it fails on the undisturbed day
   * (capacities bind even with everything up, so it would fail on most days and only cost time).
   */
  private final boolean[] fastPathUseful;

  private long fastHits;

  private long fastFallbacks;

  /** A solver with {@link SolverOptions#DEFAULTS}. */
  public DailyFlowSolver(NetworkIndex net) {
    this(net, SolverOptions.DEFAULTS);
  }

  /** Allocates workspaces sized to {@code net}. */
  public DailyFlowSolver(NetworkIndex net, SolverOptions options) {
    if (net == null || options == null) {
      throw new NullPointerException("net and options must be given");
    }
    this.net = net;
    this.graph = net.flowGraph();
    this.options = options;
    this.residuals = new Residuals(graph.arcs);
    this.maxFlow =
        new StagedMaxFlow(graph.arcs, residuals, graph.nodeCount, graph.maxBlockSize, options);
    this.fastPath = new FastPath(net, graph, residuals);
    this.cycles = new CycleCanceller(graph, residuals, options.keptLabelCyclesMinNodes());
    this.storage = new StorageSteps(net, graph, residuals, this::maxFlow);
    this.fair =
        net.scenario().sharing() == Sharing.FAIR
            ? new FairTiers(net, graph, residuals, this::maxFlow, maxFlow, storage)
            : null;
    this.reference = new ReferenceFlow[net.commodityCount()];
    this.nominalDay = new FlowGraph.NominalDay[net.commodityCount()];
    this.installed = new InstalledDays(net, graph, residuals, maxFlow);
    this.prepared = new boolean[net.commodityCount()];
    this.fastPathUseful = new boolean[net.commodityCount()];
  }

  /** The options this solver was built with. */
  public SolverOptions options() {
    return options;
  }

  /** Counters since construction. */
  public SolverStatistics statistics() {
    return new SolverStatistics(maxFlow.greedyRounds, maxFlow.exactRuns, fastHits, fastFallbacks);
  }

  /**
   * Solves one day of one commodity and writes that commodity's entries of {@code out}.
   *
   * @param commodity index into {@code scenario.commodities()}
   * @param in today's availability and rates (read only)
   * @param out receives served, withdrawn, injected, link flows and cost
   * @throws IllegalArgumentException when the commodity index or the arrays do not fit the network
   */
  public void solve(int commodity, DayInput in, DayOutput out) {
    if (commodity < 0 || commodity >= net.commodityCount()) {
      throw new IllegalArgumentException(
          "commodity must be in [0, " + net.commodityCount() + "), was " + commodity);
    }
    if (in.nodeUp.length != net.nodeCount()
        || in.linkUp.length != net.linkCount()
        || out.served.length != net.nodeCount()
        || out.linkFlow.length != net.linkCount()) {
      throw new IllegalArgumentException("day input/output were built for another network");
    }
    Block b = graph.blocks[commodity];
    if (!prepared[commodity]) {
      prepared[commodity] = true;
      fastPathUseful[commodity] = fastPathServesUndisturbedDay(b);
      reference[commodity] = buildReferenceFlow(b);
    }
    ReferenceFlow ref = reference[commodity];
    if (ref != null
        && ref.hasInstalled()
        && !fastPathUseful[commodity]
        && installed.serve(b, in, out, ref, nominal(b))) {
      assert isFeasible(b);
      return;
    }
    setUp(b, in);
    if (fastPathUseful[commodity] && fastPath.applies(b, in)) {
      if (fastPath.tryServe(b, in)) {
        fastHits++;
        assert isFeasible(b);
        graph.write(net, b, residuals, out);
        return;
      }
      fastFallbacks++;
    }
    if (fair != null) {
      fair.solve(b, in, reference[commodity]);
    } else {
      serveTiers(b, in);
      if (net.storagesOf(commodity).length > 0) {
        storage.useSourcesFirst(b);
        storage.refill(b, in);
      }
    }
    if (net.hasCosts(commodity)) {
      cycles.cancelNegativeCycles(b);
      cycles.cancelOpposingFlows(net, commodity);
    }
    assert isFeasible(b);
    graph.write(net, b, residuals, out);
  }

  /** Today's capacities on the block's arcs, zero flow; sink arcs stay closed until their tier. */
  private void setUp(Block b, DayInput in) {
    graph.setDay(net, b, in, residuals, nominal(b));
  }

  private FlowGraph.NominalDay nominal(Block b) {
    FlowGraph.NominalDay nominal = nominalDay[b.commodity];
    if (nominal == null) {
      nominal = nominalDay[b.commodity] = graph.nominalDay(net, b, residuals);
    }
    return nominal;
  }

  /** Max-flow from {@code s} to {@code t} on block {@code b}, never entering {@code blocked}. */
  private double maxFlow(Block b, int s, int t, int blocked) {
    return maxFlow.augment(b.base, b.end, s, t, blocked, Double.POSITIVE_INFINITY, b.flowEpsilon);
  }

  private void serveTiers(Block b, DayInput in) {
    int[] order = b.sinksByTier;
    int[] starts = b.tierStart;
    double eps = b.flowEpsilon;
    for (int k = 0; k < b.tierCount(); k++) {
      double demand = 0;
      for (int j = starts[k]; j < starts[k + 1]; j++) {
        int i = order[j];
        if (in.nodeUp[i]) {
          demand += in.demand[i];
        }
      }
      if (demand <= eps) {
        continue;
      }
      double available = 0;
      for (int i : net.sourcesOf(b.commodity)) {
        available += residuals.residual(graph.nodeArc[i]);
      }
      for (int i : net.storagesOf(b.commodity)) {
        available += residuals.residual(graph.nodeArc[i]);
      }
      if (available <= eps) {
        continue;
      }
      double share = available >= demand ? 1 : available / demand;
      openSinks(b, in, k, share);
      if (share == 1 && reference[b.commodity] != null) {
        // warm start: the undisturbed day's flow clipped to today's capacities; no greedy rounds
        int c = b.commodity;
        maxFlow.augmentFromReference(b, reference[c]);
      } else {
        maxFlow(b, b.source, b.sink, -1);
      }
      if (share < 1) {
        for (int j = starts[k]; j < starts[k + 1]; j++) {
          int i = order[j];
          if (in.nodeUp[i]) {
            residuals.changeCapacity(graph.nodeArc[i], in.demand[i]);
          }
        }
        maxFlow(b, b.source, b.sink, -1);
      }
      if (k + 1 < b.tierCount() || net.storagesOf(b.commodity).length > 0) {
        // later tiers and the storage steps must not move these deliveries
        for (int j = starts[k]; j < starts[k + 1]; j++) {
          residuals.freeze(graph.nodeArc[order[j]]);
        }
      }
    }
  }

  /** Opens the sink arcs of tier {@code k} at {@code share} of their demand. */
  private void openSinks(Block b, DayInput in, int k, double share) {
    int[] order = b.sinksByTier;
    for (int j = b.tierStart[k]; j < b.tierStart[k + 1]; j++) {
      int i = order[j];
      if (in.nodeUp[i]) {
        residuals.setEmpty(graph.nodeArc[i], share * in.demand[i]);
      }
    }
  }

  /**
   * Whether the fast path is worth trying on block {@code b}: it is switched on, and it serves the
   * undisturbed day (or does not apply to it). A property of the network alone, so every solver
   * decides the same and results stay a function of the day's input.
   */
  private boolean fastPathServesUndisturbedDay(Block b) {
    if (!options.fastPath() || !options.exactPhase()) {
      return false;
    }
    if (!options.fastPathProbe()) {
      return true;
    }
    DayInput nominal = new DayInput(net);
    setUp(b, nominal);
    return !fastPath.applies(b, nominal) || fastPath.tryServe(b, nominal);
  }

  /**
   * The reference flow of block {@code b}, or null when it does not apply: one priority tier, no
   * storage, a block of at least {@link SolverOptions#referencePathsMinNodes} nodes, and nominal
   * supply covering nominal demand (so the tier's sinks are capped at their full demand). Solves
   * the undisturbed day from zero, once per solver, by shortest augmenting paths ({@link
   * StagedMaxFlow#shortestPaths}); leaves the residuals to the next setUp. With link costs it is
   * the cheapest undisturbed flow, so that a day's cycle search starts near the cheapest flow; such
   * days are never served from the installed state, which skips the search.
   */
  private ReferenceFlow buildReferenceFlow(Block b) {
    int c = b.commodity;
    if (b.tierCount() != 1
        || net.storagesOf(c).length > 0
        || b.size() < options.referencePathsMinNodes()) {
      return null;
    }
    setUp(b, new DayInput(net));
    double demand = 0;
    for (int i : net.sinksOf(c)) {
      demand += net.demandPerDay(i);
    }
    double available = 0;
    for (int i : net.sourcesOf(c)) {
      available += residuals.residual(graph.nodeArc[i]);
    }
    if (!(available >= demand) || demand <= b.flowEpsilon) {
      return null;
    }
    for (int i : net.sinksOf(c)) {
      residuals.setEmpty(graph.nodeArc[i], net.demandPerDay(i));
    }
    double delivered =
        net.hasCosts(c)
            ? maxFlow(b, b.source, b.sink, -1)
            : maxFlow.shortestPaths(b.base, b.end, b.source, b.sink, b.flowEpsilon);
    if (net.hasCosts(c)) {
      cycles.cancelNegativeCycles(b);
      cycles.cancelOpposingFlows(net, c);
    }
    ReferenceFlow flow = ReferenceFlow.decompose(graph, b, residuals);
    flow.servesAll = delivered >= demand - b.tolerance();
    // the undisturbed day as serveTiers starts it, for the exact phase's closed search trees
    DayInput nominal = new DayInput(net);
    setUp(b, nominal);
    for (int i : net.sinksOf(c)) {
      residuals.setEmpty(graph.nodeArc[i], nominal.demand[i]);
    }
    flow.install(residuals);
    if (fair == null && options.installedReference() && !net.hasCosts(c)) {
      flow.keepInstalled(graph, net, residuals, b, nominal);
    }
    // serveTiers sets every sink arc each day without marking it
    int[] sinkArcs = Arrays.stream(net.sinksOf(c)).map(i -> graph.nodeArc[i]).toArray();
    flow.trees = maxFlow.closedTrees(b, sinkArcs);
    if (flow.trees == null) {
      flow.dropInstalled(); // without trees the exact phase needs install's walks first
    }
    return flow;
  }

  /**
   * Whether solves of commodity {@code c} start from the reference flow (after its first solve).
   */
  boolean usesReferenceFlow(int c) {
    return reference[c] != null;
  }

  /**
   * Invariants of a solved block (checked with {@code -ea}): no residual below {@code -tolerance}
   * and flow conserved at every node but the terminals.
   */
  private boolean isFeasible(Block b) {
    double tol = 1e-6 * Math.max(1, b.flowEpsilon * 1e12);
    int[] start = graph.arcs.start;
    for (int v = b.base; v < b.end; v++) {
      double net = 0;
      for (int a = start[v]; a < start[v + 1]; a++) {
        assert residuals.residual(a) >= -tol : "negative residual on arc " + a;
        net += residuals.flow(a);
      }
      if (v < b.source) {
        assert Math.abs(net) <= tol : "flow not conserved at node " + v + ": " + net;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- inspection (tests)

  /** Signed flow of a link after the last solve of its commodity (negative = to -> from). */
  double signedLinkFlow(int link) {
    int back = graph.linkArcBackward[link];
    return residuals.flow(graph.linkArcForward[link]) - (back >= 0 ? residuals.flow(back) : 0);
  }

  /**
   * Writes commodity {@code c}'s outputs of the last solve again with {@link FlowGraph#write}
   * (every arc read), for tests of the shorter passes.
   */
  void writeEveryArc(int c, DayOutput out) {
    graph.write(net, graph.blocks[c], residuals, out);
  }

  /** Commodity {@code c}'s reference flow, or null. */
  ReferenceFlow referenceFlow(int c) {
    return reference[c];
  }

  /** Injection of a source after the last solve of its commodity. */
  double sourceInjection(int node) {
    return residuals.flow(graph.nodeArc[node]);
  }
}
