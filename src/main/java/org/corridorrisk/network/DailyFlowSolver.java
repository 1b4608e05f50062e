package org.corridorrisk.network;

import java.util.Arrays;
import org.corridorrisk.model.Sharing;

/**
 * Routes one day's flow of one commodity: priority tiers served lexicographically, shortage within
 * a tier shared in proportion to demand, storage only for what sources cannot cover, refills from
 * spare supply, and (when the commodity has link costs) the cheapest such flow.
 *
 * <p>One instance per worker thread; it reuses all internal buffers, so {@link #solve} allocates
 * nothing. Not thread-safe. The {@link CompiledNetwork} it reads is shared and immutable.
 *
 * <p>The steps of {@link #solve}, on the commodity's block of the compiled flow graph (super source
 * {@code S}, storage root {@code R}, super sink {@code T}, see {@link CompiledNetwork}):
 *
 * <ol>
 *   <li><b>Tiers.</b> For each priority 1, 2, ...: with {@code D} the demand of the tier's up sinks
 *       and {@code A} the remaining supply (residual source arcs plus residual storage withdrawal
 *       caps), {@code lam = min(1, A / D)}. Sink arcs of the tier get capacity {@code lam x
 *       demand}; max-flow {@code S -> T}; then capacities rise to the full demand and the flow is
 *       augmented again. The tier's sink arcs are then frozen at their flow. Augmenting paths end
 *       at {@code T} and never pass through it, so a later tier never lowers an earlier sink's
 *       delivery (lexicographic maximum of tier totals).
 *   <li><b>Sources first.</b> With the arc {@code S -> R} closed and {@code T} blocked, a max-flow
 *       {@code S -> R} on the residual graph reroutes flow so that source supply replaces storage
 *       withdrawal wherever the network allows; its value is exactly the largest possible reduction
 *       of total withdrawal for unchanged deliveries, so the total withdrawal becomes minimal.
 *   <li><b>Refill.</b> Storage arcs {@code storage -> T} get capacity {@code injectCap}; with
 *       {@code R} blocked (withdrawals unchanged), a max-flow {@code S -> T} routes spare supply
 *       into storages. After step 2 no spare source reaches a withdrawing storage, so no storage
 *       both withdraws and refills (outputs are netted anyway, against rounding).
 *   <li><b>Cost.</b> When the commodity has costs, negative cycles of the residual graph are
 *       cancelled with {@code R} and {@code T} blocked (deliveries, withdrawals and injections
 *       unchanged; the split among sources may change): the result is the cheapest flow with those
 *       terminal flows.
 * </ol>
 *
 * <p>Fast path: for a commodity without costs whose storages cannot withdraw or refill today,
 * {@link SpanningFlow} first tries to meet every connected component's upper bound {@code
 * min(supply, demand)} with a verified tree flow (see its Javadoc and docs/daily-flow.md); only
 * when that fails (a capacity or direction would be broken, or several tiers meet a shortage) do
 * the steps above run.
 *
 * <p>Every max-flow starts with an upper bound (per weakly connected component of the residual
 * graph, the smaller of what can enter it from the source side and leave it to the sink side) and a
 * greedy warm start (a search forest from the source side with one budget per root; requests routed
 * along the trees within residual capacities), then the exact phase, which stops once the bound is
 * reached. The exact phase is the improved shortest augmenting path algorithm (ISAP): exact
 * distance labels from one backward breadth-first search, an iterative depth-first walk along
 * admissible arcs with current-arc pointers (no recursion, so deep paths on large networks cannot
 * overflow the stack), relabelling at dead ends, the gap heuristic for early termination and a
 * global relabel after every n relabels. It replaced Dinic's algorithm, whose breadth-first search
 * per phase cost 5 to 10 times more on the power grid (dozens of phases, each scanning most of the
 * graph). Negative cycles are found by Bellman-Ford passes with a check of the predecessor graph
 * after every pass. Flows within {@code 1e-12 x} the commodity's largest nominal rate are treated
 * as zero.
 *
 * <p>Rejected: JGraphT's algorithms in the hot loop (boxing, maps, allocation per call);
 * push-relabel (needs a second pass to turn the preflow into a flow, which later steps need);
 * successive shortest paths for every phase (the phases change arc capacities, which breaks the
 * reduced-cost invariant).
 */
public final class DailyFlowSolver {
  private static final int MAX_CYCLE_CANCELLATIONS = 1_000_000;
  static final int DEFAULT_GREEDY_ROUNDS = 2;

  /**
   * Commodity blocks with at least this many internal nodes start their max-flow from the
   * undisturbed day's flow where that is valid ({@link WarmStart}); smaller ones start cold.
   */
  static final int WARM_START_MIN_NODES = 1000;

  private final CompiledNetwork net;
  private final double[] cap;
  private final double[] res;
  private final int[] dist;
  private final int[] count;
  private final int[] cur;
  private final int[] queue;
  private final int[] path;
  private final double[] potential;
  private final int[] pred;
  private final int[] mark;
  private int walkId;
  private double eps;
  // Greedy warm start (see greedyRound), indexed by internal node.
  private final int[] seen;
  private final int[] owner;
  private final int[] requested;
  private final int[] deliverArc;
  private final int[] arcUsed;
  private final double[] budget;
  // Entries of the greedy trees (a node may appear in several trees, once per tree).
  private final int[] entArc;
  private final int[] entParent;
  private final int[] entRoot;
  private final double[] entWant;
  private final double[] entLoad;
  private final double[] entLeft;
  private final int[] comp;
  private final double[] compSupply;
  private final double[] compDemand;
  private int stamp;
  private boolean roundComplete;

  /** Greedy rounds before the exact phase (package-private knob for tests and measurements). */
  int greedyRoundLimit = DEFAULT_GREEDY_ROUNDS;

  /** False only in tests that inspect the greedy phase alone (the result is then not maximal). */
  boolean exactPhase = true;

  /** Counters since construction (tests and measurements): greedy rounds, exact max-flow runs. */
  long greedyRounds;

  long exactRuns;

  /** Fast path ({@link SpanningFlow}): false forces the exact path (tests, measurements). */
  boolean fastPath = true;

  /**
   * Counters since construction: fast-path solves, and attempts that fell back to the exact path.
   */
  long fastHits;

  long fastFallbacks;
  private final SpanningFlow spanning;
  private final int warmStartMinNodes;

  /**
   * Per commodity: the warm start, or null (not eligible, or not built yet: see {@link
   * #warmBuilt}).
   */
  private final WarmStart[] warm;

  private final boolean[] warmBuilt;

  // sharing: fair (see FairShares).
  private final boolean fair;
  final FairShares shares;
  private final int[] parArcs;
  private final int[] parNodes;
  private final double[] parWeights;
  private final Runnable installWarm;
  private int warmCommodity;

  /** Allocates workspaces sized to {@code net}. */
  public DailyFlowSolver(CompiledNetwork net) {
    this(net, WARM_START_MIN_NODES);
  }

  /**
   * As {@link #DailyFlowSolver(CompiledNetwork)} with another warm-start size threshold (tests).
   */
  DailyFlowSolver(CompiledNetwork net, int warmStartMinNodes) {
    if (net == null) {
      throw new NullPointerException("net must be given");
    }
    this.net = net;
    this.warmStartMinNodes = warmStartMinNodes;
    this.warm = new WarmStart[net.commodityCount()];
    this.warmBuilt = new boolean[net.commodityCount()];
    int arcs = net.arcHead.length;
    int nodes = net.internalNodeCount;
    cap = new double[arcs];
    res = new double[arcs];
    dist = new int[net.maxBlockSize];
    count = new int[net.maxBlockSize + 2];
    cur = new int[nodes];
    queue = new int[nodes];
    path = new int[net.maxBlockSize + 1];
    potential = new double[nodes];
    pred = new int[nodes];
    mark = new int[nodes];
    seen = new int[nodes];
    owner = new int[nodes];
    requested = new int[nodes];
    deliverArc = new int[nodes];
    arcUsed = new int[arcs];
    budget = new double[nodes];
    int entryCapacity = arcs + nodes;
    entArc = new int[entryCapacity];
    entParent = new int[entryCapacity];
    entRoot = new int[entryCapacity];
    entWant = new double[entryCapacity];
    entLoad = new double[entryCapacity];
    entLeft = new double[entryCapacity];
    comp = new int[nodes];
    compSupply = new double[nodes];
    compDemand = new double[nodes];
    spanning = new SpanningFlow(net, cap, res);
    fair = net.scenario().sharing() == Sharing.FAIR;
    shares = new FairShares(net, cap, res, this::maxFlow);
    parArcs = new int[nodes];
    parNodes = new int[nodes];
    parWeights = new double[nodes];
    installWarm = () -> warm[warmCommodity].install(net, cap, res);
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
          "commodity must be in [0, " + net.commodityCount() + ") but was " + commodity);
    }
    if (in.nodeUp.length != net.nodeCount()
        || in.linkUp.length != net.linkCount()
        || out.served.length != net.nodeCount()
        || out.linkFlow.length != net.linkCount()) {
      throw new IllegalArgumentException("day input/output were built for another network");
    }
    eps = net.flowEpsilon[commodity];
    int s = net.blockEnd[commodity] - 3;
    int r = s + 1;
    int t = s + 2;
    if (!warmBuilt[commodity]) {
      warmBuilt[commodity] = true;
      warm[commodity] = buildWarmStart(commodity, s, t);
    }
    setUp(commodity, in);
    if (fastPath && exactPhase && fastPathApplies(commodity, in)) {
      if (spanning.tryServe(commodity, in, eps)) {
        fastHits++;
        write(commodity, out);
        return;
      }
      fastFallbacks++;
    }
    if (fair) {
      shares.newDay();
      serveTiersFairly(commodity, in, s, t);
      if (net.storagesOf(commodity).length > 0) {
        shareStorage(commodity, in, s, r, t);
      }
    } else {
      serveTiers(commodity, in, s, t);
      if (net.storagesOf(commodity).length > 0) {
        useSourcesFirst(commodity, s, r, t);
        refill(commodity, in, s, r, t);
      }
    }
    if (net.hasCosts(commodity)) {
      cancelNegativeCycles(commodity, r, t);
      cancelOpposingFlows(commodity);
    }
    write(commodity, out);
  }

  /**
   * Whether the fast path may be tried: no link costs, and no up storage that can withdraw or
   * refill today (storages are then plain junctions). Tiers are checked by the fast path itself.
   */
  private boolean fastPathApplies(int c, DayInput in) {
    if (net.hasCosts(c)) {
      return false;
    }
    for (int i : net.storagesOf(c)) {
      if (in.nodeUp[i] && (rate(in.withdrawCap[i]) > eps || rate(in.injectCap[i]) > eps)) {
        return false;
      }
    }
    return true;
  }

  private static double rate(double value) {
    return value > 0 && value < Double.POSITIVE_INFINITY ? value : 0;
  }

  private void setUp(int c, DayInput in) {
    Arrays.fill(cap, net.arcBegin[c], net.arcEnd[c], 0);
    Arrays.fill(res, net.arcBegin[c], net.arcEnd[c], 0);
    for (int l : net.linksOf(c)) {
      double capacity =
          in.linkUp[l] && in.nodeUp[net.linkFrom(l)] && in.nodeUp[net.linkTo(l)]
              ? in.linkCapacity[l]
              : 0;
      int a = net.linkArcForward[l];
      cap[a] = capacity;
      res[a] = capacity;
      int twin = net.arcRev[a];
      if (net.arcRole[twin] == CompiledNetwork.LINK_TWIN) {
        cap[twin] = capacity;
        res[twin] = capacity;
      }
      int b = net.linkArcBackward[l];
      if (b >= 0) {
        cap[b] = capacity;
        res[b] = capacity;
      }
    }
    for (int i : net.sourcesOf(c)) {
      int a = net.nodeArc[i];
      double supply = in.nodeUp[i] ? rate(in.supply[i]) : 0;
      cap[a] = supply;
      res[a] = supply;
    }
    double rootCapacity = 0;
    for (int i : net.storagesOf(c)) {
      int a = net.nodeArc[i];
      double withdrawal = in.nodeUp[i] ? rate(in.withdrawCap[i]) : 0;
      cap[a] = withdrawal;
      res[a] = withdrawal;
      rootCapacity += withdrawal;
    }
    int root = net.rootArc[c];
    cap[root] = rootCapacity;
    res[root] = rootCapacity;
  }

  private void serveTiers(int c, DayInput in, int s, int t) {
    int[] order = net.sinksByTier[c];
    int[] starts = net.tierStart[c];
    for (int k = 0; k + 1 < starts.length; k++) {
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
      for (int i : net.sourcesOf(c)) {
        available += res[net.nodeArc[i]];
      }
      for (int i : net.storagesOf(c)) {
        available += res[net.nodeArc[i]];
      }
      if (available <= eps) {
        continue;
      }
      double share = available >= demand ? 1 : available / demand;
      for (int j = starts[k]; j < starts[k + 1]; j++) {
        int i = order[j];
        if (in.nodeUp[i]) {
          int a = net.nodeArc[i];
          cap[a] = share * in.demand[i];
          res[a] = cap[a];
        }
      }
      if (share == 1 && warm[c] != null) {
        warm[c].install(net, cap, res);
      }
      maxFlow(c, s, t, -1);
      if (share < 1) {
        for (int j = starts[k]; j < starts[k + 1]; j++) {
          int i = order[j];
          if (in.nodeUp[i]) {
            int a = net.nodeArc[i];
            res[a] += in.demand[i] - cap[a];
            cap[a] = in.demand[i];
          }
        }
        maxFlow(c, s, t, -1);
      }
      for (int j = starts[k]; j < starts[k + 1]; j++) {
        int a = net.nodeArc[order[j]];
        cap[a] -= res[a];
        res[a] = 0;
      }
    }
  }

  /** {@code sharing: fair}: each tier's sinks get max-min fair shares ({@link FairShares}). */
  private void serveTiersFairly(int c, DayInput in, int s, int t) {
    int[] order = net.sinksByTier[c];
    int[] starts = net.tierStart[c];
    int root = net.storagesOf(c).length > 0 ? net.rootArc[c] : -1;
    for (int k = 0; k + 1 < starts.length; k++) {
      int count = 0;
      double demand = 0;
      for (int j = starts[k]; j < starts[k + 1]; j++) {
        int i = order[j];
        double d = rate(in.demand[i]);
        if (in.nodeUp[i] && d > eps) {
          parArcs[count] = net.nodeArc[i];
          parNodes[count] = net.internalOf[i];
          parWeights[count] = d;
          count++;
          demand += d;
        }
      }
      if (count == 0) {
        continue;
      }
      double available = 0;
      for (int i : net.sourcesOf(c)) {
        available += res[net.nodeArc[i]];
      }
      for (int i : net.storagesOf(c)) {
        available += res[net.nodeArc[i]];
      }
      if (available <= eps) {
        continue;
      }
      warmCommodity = c;
      Runnable before = available >= demand && warm[c] != null ? installWarm : null;
      shares.share(c, parArcs, parNodes, parWeights, count, s, t, -1, false, root, before, in, eps);
    }
  }

  /**
   * {@code sharing: fair} after the tiers: the deliveries are fixed; the flow is rebuilt from
   * sources alone (their largest total, so withdrawal is minimal), then storage withdrawals are
   * added max-min fair in {@code withdrawn / withdrawCap}, then refills max-min fair in {@code
   * injected / injectCap} with {@code R} blocked.
   */
  private void shareStorage(int c, DayInput in, int s, int r, int t) {
    int root = net.rootArc[c];
    double withdrawn = cap[root] - res[root];
    int candidates = 0;
    for (int i : net.storagesOf(c)) {
      if (in.nodeUp[i] && rate(in.withdrawCap[i]) > eps) {
        candidates++;
      }
    }
    if (withdrawn > eps && candidates <= 1) {
      useSourcesFirst(
          c, s, r, t); // one storage: its withdrawal is the minimal total, nothing to share
    } else if (withdrawn > eps) {
      for (int a = net.arcBegin[c]; a < net.arcEnd[c]; a++) {
        res[a] = cap[a];
      }
      int count = 0;
      for (int i : net.storagesOf(c)) {
        int a = net.nodeArc[i];
        double w = in.nodeUp[i] ? rate(in.withdrawCap[i]) : 0;
        cap[a] = 0;
        res[a] = 0;
        if (w > eps) {
          parArcs[count] = a;
          parNodes[count] = net.internalOf[i];
          parWeights[count] = w;
          count++;
        }
      }
      res[root] = 0;
      maxFlow(c, s, t, -1);
      res[root] = cap[root];
      shares.share(c, parArcs, parNodes, parWeights, count, s, t, -1, true, root, null, in, eps);
    }
    int count = 0;
    for (int i : net.storagesOf(c)) {
      double injection = in.nodeUp[i] ? rate(in.injectCap[i]) : 0;
      if (injection > eps) {
        parArcs[count] = net.injectArc[i];
        parNodes[count] = net.internalOf[i];
        parWeights[count] = injection;
        count++;
      }
    }
    if (count > 0) {
      double saved = res[root];
      res[root] = 0;
      shares.share(c, parArcs, parNodes, parWeights, count, s, t, r, false, -1, null, in, eps);
      res[root] = saved;
    }
  }

  /**
   * The warm start of commodity {@code c}, or null when it does not apply: it needs one priority
   * tier, no storage, no costs, a block of at least {@link #warmStartMinNodes} nodes, and nominal
   * supply covering nominal demand (so the tier's sinks are capped at their full demand). Solves
   * the undisturbed day cold, once per solver; leaves {@code cap}/{@code res} to the next setUp.
   */
  private WarmStart buildWarmStart(int c, int s, int t) {
    if (net.tierStart[c].length != 2
        || net.storagesOf(c).length > 0
        || net.hasCosts(c)
        || net.blockEnd[c] - net.blockBase[c] < warmStartMinNodes) {
      return null;
    }
    setUp(c, new DayInput(net));
    double demand = 0;
    for (int i : net.sinksOf(c)) {
      demand += net.demandPerDay(i);
    }
    double available = 0;
    for (int i : net.sourcesOf(c)) {
      available += res[net.nodeArc[i]];
    }
    if (!(available >= demand) || demand <= eps) {
      return null;
    }
    for (int i : net.sinksOf(c)) {
      int a = net.nodeArc[i];
      cap[a] = net.demandPerDay(i);
      res[a] = cap[a];
    }
    maxFlow(c, s, t, -1);
    return WarmStart.decompose(net, c, cap, res, s, t, eps);
  }

  /**
   * Whether solves of commodity {@code c} start from the reference flow (after its first solve;
   * tests).
   */
  boolean usesWarmStart(int c) {
    return warm[c] != null;
  }

  private void useSourcesFirst(int c, int s, int r, int t) {
    int root = net.rootArc[c];
    if (cap[root] - res[root] <= eps) {
      return;
    }
    double saved = res[root];
    res[root] = 0;
    double moved = maxFlow(c, s, r, t);
    res[root] = saved;
    if (moved > 0) {
      double withdrawn = 0;
      for (int i : net.storagesOf(c)) {
        int a = net.nodeArc[i];
        withdrawn += cap[a] - res[a];
      }
      res[root] = cap[root] - withdrawn;
      res[net.arcRev[root]] = withdrawn;
    }
  }

  private void refill(int c, DayInput in, int s, int r, int t) {
    boolean any = false;
    for (int i : net.storagesOf(c)) {
      int a = net.injectArc[i];
      double injection = in.nodeUp[i] ? rate(in.injectCap[i]) : 0;
      cap[a] = injection;
      res[a] = injection;
      any |= injection > eps;
    }
    if (!any) {
      return;
    }
    int root = net.rootArc[c];
    double saved = res[root];
    res[root] = 0;
    maxFlow(c, s, t, r);
    res[root] = saved;
  }

  // ---------------------------------------------------------------- max-flow (ISAP)

  /**
   * Augments the flow from {@code s} to {@code t} to a maximum, never entering {@code blocked} (-1
   * for none); returns the flow added. First an upper bound on what can be added ({@link
   * #componentBound}); nothing to do when it is zero. Then up to {@link #greedyRoundLimit} rounds
   * of the greedy warm start ({@link #greedyRound}); it stops as soon as the bound is reached or a
   * round proves maximality. Otherwise the exact phase ({@link #augment}, ISAP) finishes, stopping
   * at the bound too (so it skips the relabelling that would otherwise only prove that no
   * augmenting path is left).
   */
  private double maxFlow(int c, int s, int t, int blocked) {
    double bound = componentBound(s, t, blocked);
    double tolerance = eps * (net.blockEnd[c] - net.blockBase[c]);
    if (bound <= tolerance) {
      return 0;
    }
    double total = 0;
    for (int round = 0; round < greedyRoundLimit; round++) {
      double delivered = greedyRound(s, t, blocked);
      greedyRounds++;
      total += delivered;
      if (total >= bound - tolerance) {
        return total;
      }
      if (roundComplete) {
        return total;
      }
      if (delivered <= eps) {
        break;
      }
    }
    if (!exactPhase) {
      return total;
    }
    exactRuns++;
    double extra = augment(c, s, t, blocked, bound - tolerance - total);
    return total + extra;
  }

  /**
   * An upper bound on the flow that can still be added from {@code s} to {@code t}: every
   * augmenting path stays inside one weakly connected component of the residual graph without
   * {@code s}, {@code t} and {@code blocked}, so the sum over components of {@code min(residual
   * arcs from s into it, residual arcs from it into t)} bounds it. Components without a residual
   * arc from {@code s} are not visited. Flow added inside a component lowers both sums by the same
   * amount, so the bound minus the flow added since stays a bound.
   */
  private double componentBound(int s, int t, int blocked) {
    int[] arcStart = net.arcStart;
    int[] arcHead = net.arcHead;
    int[] arcRev = net.arcRev;
    int id = nextStamp();
    seen[s] = id;
    int components = 0;
    for (int a = arcStart[s], e = arcStart[s + 1]; a < e; a++) {
      int x = arcHead[a];
      if (res[a] <= eps || x == t || x == blocked) {
        continue;
      }
      if (seen[x] != id) {
        int k = components++;
        double demand = 0;
        seen[x] = id;
        comp[x] = k;
        queue[0] = x;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
          int u = queue[head];
          for (int b = arcStart[u], f = arcStart[u + 1]; b < f; b++) {
            int w = arcHead[b];
            if (w == t) {
              if (res[b] > eps) {
                demand += res[b];
              }
            } else if (seen[w] != id && w != blocked && (res[b] > eps || res[arcRev[b]] > eps)) {
              seen[w] = id;
              comp[w] = k;
              queue[tail++] = w;
            }
          }
        }
        compSupply[k] = 0;
        compDemand[k] = demand;
      }
      compSupply[comp[x]] += res[a];
    }
    double bound = 0;
    for (int k = 0; k < components; k++) {
      bound += Math.min(compSupply[k], compDemand[k]);
    }
    return bound;
  }

  /**
   * One round of the greedy warm start: adds a feasible flow from {@code s} to {@code t} (never
   * entering {@code blocked}) and returns its value; sets {@link #roundComplete} when the flow is
   * then provably maximal.
   *
   * <p>A breadth-first search from {@code s} over residual arcs grows one tree per residual arc out
   * of {@code s} (its root; budget = that arc's residual capacity). Tree nodes are "entries": a
   * node is settled when an entry for it is taken from the queue, by the entry's tree, unless its
   * root has spent its budget (the entry is dropped and the node stays open for other trees) or the
   * node is already held by a tree that still has budget. A settled node with a residual arc into
   * {@code t} asks its root for up to that arc's capacity, once per round. A node held by a spent
   * tree may be settled again by another tree as a further entry, so spent trees do not wall off
   * the nodes behind them. No arc carries two entries in one round.
   *
   * <p>The requests are then routed along the trees: bottom-up, each entry's load (its request plus
   * its children's loads) is capped by the residual capacity of the arc into it; top-down, each
   * entry passes what it receives to its request first and then to its children, in order, up to
   * their loads. So no capacity is exceeded and flow is conserved. Cost: one scan of the arcs of
   * the settled nodes plus two passes over the entries.
   *
   * <p>Complete: when no entry was dropped or refused for lack of budget, the search reached every
   * node reachable from {@code s}; when moreover every request was routed in full and equalled the
   * residual capacity of its arc into {@code t}, every arc from that set into {@code t} is now
   * saturated, and pushing flow inside the set creates no residual arc leaving it, so no augmenting
   * path is left.
   */
  private double greedyRound(int s, int t, int blocked) {
    int[] arcStart = net.arcStart;
    int[] arcHead = net.arcHead;
    int[] arcRev = net.arcRev;
    int id = nextStamp();
    boolean complete = true;
    int entries = 0;
    int capacity = entArc.length;
    for (int a = arcStart[s], e = arcStart[s + 1]; a < e; a++) {
      int x = arcHead[a];
      if (res[a] > eps && x != t && x != blocked && seen[x] != id) {
        seen[x] = id;
        owner[x] = x;
        budget[x] = res[a];
        arcUsed[a] = id;
        entArc[entries] = a;
        entParent[entries] = -1;
        entRoot[entries] = x;
        entries++;
      }
    }
    int roots = entries;
    boolean anyRequest = false;
    for (int head = 0; head < entries; head++) {
      int a = entArc[head];
      int v = arcHead[a];
      int r = entRoot[head];
      entWant[head] = 0;
      entLoad[head] = 0;
      double left = budget[r];
      if (head >= roots) {
        if (left <= eps) {
          entRoot[head] = -1;
          complete = false;
          continue;
        }
        if ((seen[v] == id && budget[owner[v]] > eps) || arcUsed[a] == id) {
          entRoot[head] = -1;
          continue;
        }
        seen[v] = id;
        owner[v] = r;
        arcUsed[a] = id;
      }
      for (int b = arcStart[v], e = arcStart[v + 1]; b < e; b++) {
        double rb = res[b];
        if (rb <= eps) {
          continue;
        }
        int w = arcHead[b];
        if (w == t) {
          if (requested[v] == id) {
            continue;
          }
          if (left > eps) {
            double take = Math.min(rb, left);
            if (take < rb) {
              complete = false;
            }
            entWant[head] = take;
            deliverArc[v] = b;
            requested[v] = id;
            left -= take;
            budget[r] = left;
            anyRequest = true;
          } else {
            complete = false;
          }
          continue;
        }
        if (w == s || w == blocked || (seen[w] == id && budget[owner[w]] > eps)) {
          continue;
        }
        if (left <= eps || entries == capacity) {
          complete = false;
          continue;
        }
        entArc[entries] = b;
        entParent[entries] = head;
        entRoot[entries] = r;
        entries++;
      }
    }
    if (!anyRequest) {
      roundComplete = complete;
      return 0;
    }
    // Bottom-up: loads capped by the residual capacity of the arc into each entry.
    for (int i = entries - 1; i >= 0; i--) {
      if (entRoot[i] < 0) {
        continue;
      }
      double l = entLoad[i] + entWant[i];
      if (l <= 0) {
        continue;
      }
      int a = entArc[i];
      if (l > res[a]) {
        l = res[a];
        complete = false;
      }
      entLoad[i] = l;
      int p = entParent[i];
      if (p >= 0) {
        entLoad[p] += l;
      }
    }
    // Top-down: an entry passes what it receives to its request first, then to its children.
    double delivered = 0;
    for (int i = 0; i < entries; i++) {
      entLeft[i] = 0;
      if (entRoot[i] < 0) {
        continue;
      }
      double received = entLoad[i];
      int p = entParent[i];
      if (p >= 0) {
        double left = entLeft[p];
        if (received > left) {
          received = left;
          complete = false;
        }
        entLeft[p] = left - received;
      }
      if (received <= 0) {
        continue;
      }
      int a = entArc[i];
      res[a] -= received;
      res[arcRev[a]] += received;
      double own = Math.min(entWant[i], received);
      if (own > 0) {
        int d = deliverArc[arcHead[a]];
        res[d] -= own;
        res[arcRev[d]] += own;
        delivered += own;
      }
      entLeft[i] = received - own;
    }
    roundComplete = complete;
    return delivered;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      Arrays.fill(requested, 0);
      Arrays.fill(arcUsed, 0);
      stamp = 1;
    }
    return stamp;
  }

  /**
   * Exact phase: augments from {@code s} to {@code t} to a maximum, or until {@code limit} has been
   * added. Shortest augmenting paths with exact distance labels toward {@code t}: one backward
   * breadth-first search, then a depth-first walk along admissible arcs ({@code d[v] = d[w] + 1})
   * with current-arc pointers, relabelling dead ends; it stops when a label value empties (gap: no
   * augmenting path is left) and recomputes all labels by a backward search after every {@code n}
   * relabels. Iterative, so deep paths cannot overflow the stack.
   */
  private double augment(int c, int s, int t, int blocked, double limit) {
    int base = net.blockBase[c];
    int end = net.blockEnd[c];
    int n = end - base;
    int[] arcStart = net.arcStart;
    int[] arcHead = net.arcHead;
    int[] arcRev = net.arcRev;
    if (!globalRelabel(base, end, s, t, blocked)) {
      return 0;
    }
    double total = 0;
    int relabels = 0;
    int top = 0;
    int v = s;
    while (dist[s - base] < n) {
      if (v == t) {
        double bottleneck = Double.POSITIVE_INFINITY;
        for (int i = 0; i < top; i++) {
          bottleneck = Math.min(bottleneck, res[path[i]]);
        }
        int firstSaturated = top - 1;
        for (int i = 0; i < top; i++) {
          int a = path[i];
          res[a] -= bottleneck;
          res[arcRev[a]] += bottleneck;
          if (res[a] <= eps && i < firstSaturated) {
            firstSaturated = i;
          }
        }
        total += bottleneck;
        if (total >= limit) {
          break;
        }
        top = firstSaturated;
        v = top == 0 ? s : arcHead[path[top - 1]];
        continue;
      }
      int below = dist[v - base] - 1;
      int a = cur[v];
      int e = arcStart[v + 1];
      while (a < e && (res[a] <= eps || dist[arcHead[a] - base] != below)) {
        a++;
      }
      if (a < e) {
        cur[v] = a;
        path[top++] = a;
        v = arcHead[a];
        continue;
      }
      // Dead end: relabel v to one more than its lowest residual neighbour.
      int lowest = n - 1;
      int lowestArc = arcStart[v];
      for (int b = arcStart[v]; b < e; b++) {
        if (res[b] > eps) {
          int label = dist[arcHead[b] - base];
          if (label < lowest) {
            lowest = label;
            lowestArc = b;
          }
        }
      }
      int old = dist[v - base];
      if (--count[old] == 0) {
        break; // gap: nothing at label old, so no augmenting path from s remains
      }
      int label = lowest + 1;
      dist[v - base] = label;
      count[label]++;
      cur[v] = lowestArc;
      if (v != s) {
        top--;
        v = top == 0 ? s : arcHead[path[top - 1]];
      }
      if (++relabels >= n) {
        relabels = 0;
        if (!globalRelabel(base, end, s, t, blocked)) {
          break;
        }
        top = 0;
        v = s;
      }
    }
    return total;
  }

  /**
   * Exact distance labels to {@code t} in the residual graph (n = unreachable), label counts and
   * current arcs reset; returns whether {@code s} reaches {@code t}.
   */
  private boolean globalRelabel(int base, int end, int s, int t, int blocked) {
    int n = end - base;
    int[] arcStart = net.arcStart;
    int[] arcHead = net.arcHead;
    int[] arcRev = net.arcRev;
    Arrays.fill(dist, 0, n, n);
    Arrays.fill(count, 0, n + 2, 0);
    dist[t - base] = 0;
    queue[0] = t;
    int head = 0;
    int tail = 1;
    while (head < tail) {
      int w = queue[head++];
      int next = dist[w - base] + 1;
      for (int b = arcStart[w], e = arcStart[w + 1]; b < e; b++) {
        int u = arcHead[b];
        if (res[arcRev[b]] > eps && dist[u - base] == n && u != blocked) {
          dist[u - base] = next;
          queue[tail++] = u;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      count[dist[i]]++;
    }
    System.arraycopy(arcStart, base, cur, base, n);
    return dist[s - base] < n;
  }

  // ---------------------------------------------------------------- cheapest flow

  private void cancelNegativeCycles(int c, int r, int t) {
    double costEps = net.costEpsilon[c];
    for (int iteration = 0; iteration < MAX_CYCLE_CANCELLATIONS; iteration++) {
      int x = findNegativeCycle(c, r, t, costEps);
      if (x < 0) {
        return;
      }
      double bottleneck = Double.POSITIVE_INFINITY;
      double cycleCost = 0;
      int v = x;
      do {
        int a = pred[v];
        bottleneck = Math.min(bottleneck, res[a]);
        cycleCost += net.arcCost[a];
        v = net.arcTail[a];
      } while (v != x);
      if (!(cycleCost < -costEps) || !(bottleneck > eps)) {
        return;
      }
      v = x;
      do {
        int a = pred[v];
        res[a] -= bottleneck;
        res[net.arcRev[a]] += bottleneck;
        v = net.arcTail[a];
      } while (v != x);
    }
  }

  /** Bellman-Ford from all nodes at distance 0; returns a node on a negative cycle, or -1. */
  private int findNegativeCycle(int c, int r, int t, double costEps) {
    int base = net.blockBase[c];
    int end = net.blockEnd[c];
    int[] arcStart = net.arcStart;
    int[] arcHead = net.arcHead;
    double[] arcCost = net.arcCost;
    Arrays.fill(potential, base, end, 0);
    Arrays.fill(pred, base, end, -1);
    int n = end - base;
    for (int pass = 0; pass <= n; pass++) {
      boolean changed = false;
      for (int u = base; u < end; u++) {
        if (u == r || u == t) {
          continue;
        }
        double du = potential[u];
        for (int a = arcStart[u], e = arcStart[u + 1]; a < e; a++) {
          if (res[a] > eps) {
            int w = arcHead[a];
            if (w == r || w == t) {
              continue;
            }
            double candidate = du + arcCost[a];
            if (candidate < potential[w] - costEps) {
              potential[w] = candidate;
              pred[w] = a;
              changed = true;
            }
          }
        }
      }
      if (!changed) {
        return -1;
      }
      int x = cycleInPredecessors(base, end);
      if (x >= 0) {
        return x;
      }
    }
    return -1;
  }

  /** A node on a cycle of the predecessor graph, or -1 when it is a forest. */
  private int cycleInPredecessors(int base, int end) {
    if (walkId > Integer.MAX_VALUE - 2 * (end - base) - 2) {
      Arrays.fill(mark, 0);
      walkId = 0;
    }
    int firstWalk = walkId + 1;
    for (int v = base; v < end; v++) {
      if (mark[v] >= firstWalk) {
        continue;
      }
      int id = ++walkId;
      int x = v;
      while (true) {
        if (mark[x] == id) {
          return x;
        }
        if (mark[x] >= firstWalk) {
          break;
        }
        mark[x] = id;
        int a = pred[x];
        if (a < 0) {
          break;
        }
        x = net.arcTail[a];
      }
    }
    return -1;
  }

  /** Four-arc undirected links: cancel flow running both ways at once (keeps the cheapest flow). */
  private void cancelOpposingFlows(int c) {
    for (int l : net.linksOf(c)) {
      int b = net.linkArcBackward[l];
      if (b < 0) {
        continue;
      }
      int a = net.linkArcForward[l];
      double both = Math.min(cap[a] - res[a], cap[b] - res[b]);
      if (both > 0) {
        res[a] += both;
        res[net.arcRev[a]] -= both;
        res[b] += both;
        res[net.arcRev[b]] -= both;
      }
    }
  }

  // ---------------------------------------------------------------- inspection (tests)

  /** Signed flow of a link after the last solve of its commodity (negative = to -> from). */
  double signedLinkFlow(int link) {
    int b = net.linkArcBackward[link];
    return flow(net.linkArcForward[link]) - (b >= 0 ? flow(b) : 0);
  }

  /** Injection of a source after the last solve of its commodity. */
  double sourceInjection(int node) {
    return flow(net.nodeArc[node]);
  }

  // ---------------------------------------------------------------- output

  private double flow(int arc) {
    return cap[arc] - res[arc];
  }

  private double clean(double value) {
    return value > eps ? value : 0;
  }

  private void write(int c, DayOutput out) {
    for (int i : net.sinksOf(c)) {
      out.served[i] = clean(flow(net.nodeArc[i]));
    }
    for (int i : net.storagesOf(c)) {
      double withdrawn = flow(net.nodeArc[i]);
      double injected = flow(net.injectArc[i]);
      out.withdrawn[i] = clean(withdrawn - injected);
      out.injected[i] = clean(injected - withdrawn);
    }
    double cost = 0;
    for (int l : net.linksOf(c)) {
      int b = net.linkArcBackward[l];
      double f = flow(net.linkArcForward[l]) - (b >= 0 ? flow(b) : 0);
      double magnitude = clean(Math.abs(f));
      out.linkFlow[l] = magnitude;
      cost += magnitude * net.linkCostPerUnit(l);
    }
    out.cost = net.hasCosts(c) ? cost : 0;
  }
}
