package org.corridorrisk.network;

import java.util.Arrays;
import org.corridorrisk.model.NodeKind;

/**
 * Exact fast path of {@link DailyFlowSolver} for days on which the network's link capacities do not
 * bind: it proposes the served amounts that meet the upper bound of every connected component,
 * builds a flow that delivers them along search trees, verifies it, and reports failure (the caller
 * then runs the exact max-flow path) whenever the flow it built breaks a capacity, a link direction
 * or a source's supply.
 *
 * <p>Applies only to a commodity without link costs whose up storages can neither withdraw nor
 * refill today. Method, on the residual arrays of the solver after its {@code setUp} (link arcs
 * carry today's capacity, 0 when the link or an end node is down; source arcs today's supply):
 *
 * <ol>
 *   <li>A multi-source breadth-first search over up links (direction ignored) from every up source
 *       with supply: a forest with one tree per source, each node attached to its nearest source.
 *       Up links joining two trees ("cross links") unite the trees into the connected components of
 *       the up graph that hold supply (union-find on trees); the other components have no supply
 *       and their sinks get 0.
 *   <li>Per component with supply {@code S_c} and up-sink demand {@code D_c}: every up sink gets
 *       {@code demand x min(1, S_c / D_c)}. The component total {@code min(S_c, D_c)} is the upper
 *       bound of any flow (all that enters the component comes from its sources, all that leaves
 *       goes to its sinks), so a feasible flow with these amounts is a maximum flow. With several
 *       priority tiers the path applies only when every component with supply is fully served
 *       ({@code S_c >= D_c}): then every sink gets its full demand, the lexicographic maximum. With
 *       one tier the amounts are one of the outcomes of the contract's two passes: the first pass
 *       (caps {@code lam x demand}, {@code lam} the global share) may give every sink {@code
 *       min(lam, S_c / D_c) x demand}, which reaches that pass's bound {@code min(S_c, lam D_c)}
 *       per component, and the second pass (full caps) may then raise every sink to {@code min(1,
 *       S_c / D_c) x demand}, the bound of the day.
 *   <li>Per tree: supply of its source minus the needs of its sinks. Trees with a surplus send to
 *       trees with a deficit over the cross links: an exact max-flow ({@link Isap}) on the
 *       contracted graph (one node per tree; one arc pair per two trees joined by cross links, with
 *       the links' capacities in each direction added, the flow spread back over the links
 *       afterwards; a super source to surplus trees, deficit trees to a super sink), stopped once
 *       every deficit is covered. When it cannot cover every deficit the fast path fails.
 *   <li>The flow on each tree arc is the net imbalance of the subtree below it (sinks' amounts,
 *       cross-link exports and imports), accumulated in reverse search order; the source at the
 *       root injects what its tree needs. Verified: every tree arc within its capacity in the
 *       direction used (directed links only forward), every injection between 0 and the supply.
 *       Cross-link flows respect capacities by construction.
 * </ol>
 *
 * Only when everything verifies are the solver's {@code cap}/{@code res} arrays changed, so on
 * failure the caller continues from the untouched {@code setUp} state. Cost: a few linear passes
 * over the block plus the small contracted max-flow; no allocation (all workspaces are sized by the
 * constructor); deterministic (fixed search and arc orders).
 */
final class FastPath {
  private final NetworkIndex net;
  private final FlowGraph graph;
  private final Residuals r;

  private final int[] visited;
  private final int[] tree;
  private final int[] parentArc;
  private final int[] order;
  private final double[] imbalance;
  private final double[] linkFlow;
  private final int[] crossLinks;
  // per tree
  private final int[] treeRoot;
  private final int[] treeSourceArc;
  private final double[] treeSupply;
  private final double[] treeBudget;

  /** Smallest capacity, in both directions, of a tree arc of each tree. */
  private final double[] treeCapMin;

  private final int[] deferredNodes;
  private final double[] treeDemand;
  private final double[] treeRatio;
  private final int[] unionParent;
  private final double[] compSupply;
  private final double[] compDemand;
  // contracted graph (CSR), nodes = trees + super source + super sink
  private final int[] gStart;
  private final int[] gFill;
  private final int[] gLink;
  private final Arcs contracted;
  private final Residuals contractedFlow;

  /**
   * The contracted graph's max-flow.
   *
   * <p>Design note: Dinic's algorithm ran here until session 29; on the Western US grid imported
   * with the defaults (247 trees, about 5,400 arcs, 9 phases and 186 paths a day, each phase a
   * breadth-first search of the whole contracted graph) it held a third of a run's samples, and
   * ISAP (one backward search, then local relabelling) cost the fast path's days 1.1 to 1.35 times
   * less (docs/performance.md, "Session 29: the Western US grid ...").
   */
  private final Isap contractedMaxFlow;

  // cross links grouped by the pair of trees they join (groupCrossLinks)
  private final int[] lowHead;
  private final int[] lowNext;
  private final int[] groupMark;
  private final int[] groupOfHigh;
  private final int[] groupLow;
  private final int[] groupHigh;
  private final double[] groupUp;
  private final double[] groupDown;
  private final int[] groupFirst;
  private final int[] groupNext;
  private int groupMarkStamp;

  private int stamp;
  private int tail;
  private int deferred;

  /** A fast path that writes its flows into {@code r} (the solver's flow on {@code graph}). */
  FastPath(NetworkIndex net, FlowGraph graph, Residuals r) {
    this.net = net;
    this.graph = graph;
    this.r = r;
    int nodes = graph.nodeCount;
    int links = net.linkCount();
    visited = new int[nodes];
    deferredNodes = new int[nodes];
    tree = new int[nodes];
    parentArc = new int[nodes];
    order = new int[nodes];
    imbalance = new double[nodes];
    linkFlow = new double[links];
    crossLinks = new int[links];
    int trees = 1;
    for (int c = 0; c < net.commodityCount(); c++) {
      trees = Math.max(trees, net.sourcesOf(c).length);
    }
    treeRoot = new int[trees];
    treeSourceArc = new int[trees];
    treeSupply = new double[trees];
    treeBudget = new double[trees];
    treeCapMin = new double[trees];
    treeDemand = new double[trees];
    treeRatio = new double[trees];
    unionParent = new int[trees];
    compSupply = new double[trees];
    compDemand = new double[trees];
    lowHead = new int[trees];
    lowNext = new int[links];
    groupMark = new int[trees];
    groupOfHigh = new int[trees];
    groupLow = new int[links];
    groupHigh = new int[links];
    groupUp = new double[links];
    groupDown = new double[links];
    groupFirst = new int[links];
    groupNext = new int[links];
    int gNodes = 2 * trees + 2;
    int gArcs = 4 * links + 4 * trees;
    gStart = new int[gNodes + 1];
    gFill = new int[gNodes];
    gLink = new int[gArcs];
    contracted = new Arcs(gStart, new int[gArcs], new int[gArcs]);
    contractedFlow = new Residuals(contracted);
    contractedMaxFlow = new Isap(contracted, contractedFlow, gNodes, gNodes);
  }

  /**
   * Whether the fast path may be tried: no link costs, no junction with a throughput limit (its
   * trees are built on links), and no up storage that can withdraw or refill today (storages are
   * then plain junctions). Tiers are checked by the fast path itself.
   */
  boolean applies(Block b, DayInput in) {
    if (net.hasCosts(b.commodity) || net.limitedJunctionsOf(b.commodity).length > 0) {
      return false;
    }
    double eps = b.flowEpsilon;
    for (int i : net.storagesOf(b.commodity)) {
      if (in.nodeUp[i]
          && (StorageSteps.rate(in.withdrawCap[i]) > eps
              || StorageSteps.rate(in.injectCap[i]) > eps)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Tries the fast path for block {@code b}; on success writes the flow into the solver's residuals
   * (sink arcs carry their served amounts) and returns true; on failure returns false with the
   * residuals unchanged.
   */
  boolean tryServe(Block b, DayInput in) {
    int c = b.commodity;
    int s = b.source;
    int[] arcRev = graph.arcs.rev;
    double eps = b.flowEpsilon;
    double tol = b.tolerance();
    int id = nextStamp();
    // 1. Forest: one tree per up source with supply.
    int trees = 0;
    int tail = 0;
    for (int i : net.sourcesOf(c)) {
      int a = graph.nodeArc[i];
      if (r.capacity(a) <= eps) {
        continue;
      }
      int v = graph.arcs.head[a];
      visited[v] = id;
      tree[v] = trees;
      parentArc[v] = -1;
      imbalance[v] = 0;
      order[tail++] = v;
      treeRoot[trees] = v;
      treeSourceArc[trees] = a;
      treeSupply[trees] = r.capacity(a);
      treeBudget[trees] = r.capacity(a);
      treeDemand[trees] = 0;
      unionParent[trees] = trees;
      trees++;
    }
    if (trees == 0) {
      return false;
    }
    // Phase 1: a tree stops growing once the demand it holds reaches its supply (its node goes
    // to the deferred list); phase 2 grows from the deferred nodes without budgets, so every node
    // connected to a source is reached. Small trees keep tree-arc flows and transfers small.
    deferred = 0;
    this.tail = tail;
    for (int head = 0; head < this.tail; head++) {
      expand(order[head], true, s, id, in, eps);
    }
    int head = this.tail;
    for (int j = 0, d = deferred; j < d; j++) {
      expand(deferredNodes[j], false, s, id, in, eps);
    }
    for (; head < this.tail; head++) {
      expand(order[head], false, s, id, in, eps);
    }
    tail = this.tail;
    for (int k = 0; k < trees; k++) {
      treeCapMin[k] = Double.POSITIVE_INFINITY;
    }
    for (int j = trees; j < tail; j++) {
      int w = order[j];
      int a = parentArc[w];
      int k = tree[w];
      treeCapMin[k] = Math.min(treeCapMin[k], Math.min(r.capacity(a), r.capacity(arcRev[a])));
    }
    for (int i : net.sinksOf(c)) {
      int v = graph.internalOf[i];
      if (in.nodeUp[i] && visited[v] == id) {
        treeDemand[tree[v]] += in.demand[i];
      }
    }
    // 2. Cross links and components (union-find over trees).
    int cross = 0;
    for (int l : net.linksOf(c)) {
      linkFlow[l] = 0;
      int a = graph.linkArcForward[l];
      if (r.capacity(a) <= eps && r.capacity(arcRev[a]) <= eps) {
        continue;
      }
      int u = graph.internalOf[net.linkFrom(l)];
      int v = graph.internalOf[net.linkTo(l)];
      if (visited[u] != id || visited[v] != id || tree[u] == tree[v]) {
        continue;
      }
      crossLinks[cross++] = l;
      int ru = find(tree[u]);
      int rv = find(tree[v]);
      if (ru != rv) {
        if (ru < rv) {
          unionParent[rv] = ru;
        } else {
          unionParent[ru] = rv;
        }
      }
    }
    for (int k = 0; k < trees; k++) {
      compSupply[k] = 0;
      compDemand[k] = 0;
    }
    for (int k = 0; k < trees; k++) {
      int r = find(k);
      compSupply[r] += treeSupply[k];
      compDemand[r] += treeDemand[k];
    }
    boolean oneTier = b.tierCount() <= 1;
    for (int k = 0; k < trees; k++) {
      int r = find(k);
      double supply = compSupply[r];
      double demand = compDemand[r];
      if (supply >= demand) {
        treeRatio[k] = 1;
      } else if (!oneTier) {
        return false;
      } else {
        treeRatio[k] = supply / demand;
      }
    }
    // 3. Transfers between trees: max-flow on the contracted graph.
    if (!transfer(trees, cross, tol, eps)) {
      return false;
    }
    // 4. Tree arcs carry the net imbalance of their subtrees; roots inject the rest.
    for (int i : net.sinksOf(c)) {
      int v = graph.internalOf[i];
      if (in.nodeUp[i] && visited[v] == id) {
        imbalance[v] -= treeRatio[tree[v]] * in.demand[i];
      }
    }
    for (int j = tail - 1; j >= trees; j--) {
      int w = order[j];
      int a = parentArc[w];
      double f = -imbalance[w]; // along a: parent -> w
      if (f >= 0 ? f > r.capacity(a) + tol : -f > r.capacity(arcRev[a]) + tol) {
        return false;
      }
      int l = graph.arcLink[a];
      linkFlow[l] = a == graph.linkArcForward[l] ? f : -f;
      imbalance[graph.arcTail[a]] += imbalance[w];
    }
    for (int k = 0; k < trees; k++) {
      double inject = -imbalance[treeRoot[k]];
      if (inject < -tol || inject > treeSupply[k] + tol) {
        return false;
      }
    }
    // 5. Verified: write the flow.
    for (int l : net.linksOf(c)) {
      r.setFlow(graph.linkArcForward[l], linkFlow[l]);
    }
    for (int k = 0; k < trees; k++) {
      r.setFlow(treeSourceArc[k], Math.max(0, -imbalance[treeRoot[k]]));
    }
    for (int i : net.sinksOf(c)) {
      int v = graph.internalOf[i];
      if (in.nodeUp[i] && visited[v] == id) {
        r.saturateAt(graph.nodeArc[i], treeRatio[tree[v]] * in.demand[i]);
      }
    }
    return true;
  }

  /** Attaches the unvisited up-link neighbours of {@code v} to its tree (appended to the order). */
  private void expand(int v, boolean budgeted, int s, int id, DayInput in, double eps) {
    int[] arcHead = graph.arcs.head;
    int[] arcRev = graph.arcs.rev;
    int k = tree[v];
    for (int a = graph.arcs.start[v], e = graph.arcs.start[v + 1]; a < e; a++) {
      int w = arcHead[a];
      if (w >= s
          || visited[w] == id
          || graph.arcLink[a] < 0
          || (r.capacity(a) <= eps && r.capacity(arcRev[a]) <= eps)) {
        continue;
      }
      if (budgeted && treeBudget[k] <= 0) {
        deferredNodes[deferred++] = v;
        return;
      }
      visited[w] = id;
      tree[w] = k;
      parentArc[w] = a;
      imbalance[w] = 0;
      order[tail++] = w;
      int i = graph.globalOf[w];
      if (in.nodeUp[i] && net.nodeKind(i) == NodeKind.SINK) {
        treeBudget[k] -= in.demand[i];
      }
    }
  }

  private int find(int k) {
    while (unionParent[k] != k) {
      int p = unionParent[unionParent[k]];
      unionParent[k] = p;
      k = p;
    }
    return k;
  }

  /**
   * Covers every tree's deficit from surplus trees over the cross links ({@link Isap} on the
   * contracted graph); on success adds the cross-link flows to {@link #linkFlow} and the
   * exports/imports to the boundary nodes' {@link #imbalance}.
   *
   * <p>Each tree is split into an entry node (cross links arrive there; its deficit leaves to the
   * super sink) and an exit node (its surplus arrives from the super source; cross links leave
   * there). Entry to exit carries the transit through the tree, capped so that the tree's supply
   * plus everything it imports stays within the smallest capacity of its tree arcs (at least its
   * deficit is always importable). Every tree arc carries at most the sum of the positive
   * imbalances of its tree (injection plus imports), so this cap keeps the tree arcs feasible
   * whenever the smallest tree-arc capacity is a two-way one; the verification afterwards checks it
   * anyway.
   */
  private boolean transfer(int trees, int cross, double tol, double eps) {
    int ss = 2 * trees;
    int tt = ss + 1;
    int nodes = tt + 1;
    Arrays.fill(gStart, 0, nodes + 1, 0);
    double deficit = 0;
    int deficitTrees = 0;
    for (int k = 0; k < trees; k++) {
      double balance = treeSupply[k] - treeRatio[k] * treeDemand[k];
      if (balance < -eps) {
        deficit -= balance;
        deficitTrees++;
      }
      // entry -> exit, and either super source -> exit or entry -> super sink
      gStart[k + 1]++;
      gStart[trees + k + 1]++;
      if (balance > eps) {
        gStart[ss + 1]++;
        gStart[trees + k + 1]++;
      } else {
        gStart[k + 1]++;
        gStart[tt + 1]++;
      }
    }
    if (deficitTrees == 0) {
      return true;
    }
    int groups = groupCrossLinks(trees, cross);
    for (int g = 0; g < groups; g++) {
      int lo = groupLow[g];
      int hi = groupHigh[g];
      gStart[trees + lo + 1]++;
      gStart[hi + 1]++;
      gStart[trees + hi + 1]++;
      gStart[lo + 1]++;
    }
    for (int v = 0; v < nodes; v++) {
      gStart[v + 1] += gStart[v];
    }
    System.arraycopy(gStart, 0, gFill, 0, nodes);
    for (int k = 0; k < trees; k++) {
      double balance = treeSupply[k] - treeRatio[k] * treeDemand[k];
      double need = Math.max(0, -balance);
      double transit = Math.max(0, treeCapMin[k] - treeSupply[k] - need);
      pair(k, trees + k, transit, 0);
      if (balance > eps) {
        pair(ss, trees + k, balance, 0);
      } else {
        pair(k, tt, need > eps ? need : 0, 0);
      }
    }
    for (int g = 0; g < groups; g++) {
      int lo = groupLow[g];
      int hi = groupHigh[g];
      gLink[pair(trees + lo, hi, groupUp[g], 0)] = g + 1;
      gLink[pair(trees + hi, lo, groupDown[g], 0)] = -(g + 1);
    }
    // every deficit covered is all that is asked: no need for the search to prove maximality
    double moved = contractedMaxFlow.augment(0, nodes, ss, tt, -1, deficit - eps, eps);
    if (moved < deficit - tol) {
      return false;
    }
    for (int a = 0, e = gStart[nodes]; a < e; a++) {
      int code = gLink[a];
      if (code == 0) {
        continue;
      }
      double f = contractedFlow.flow(a);
      if (f > 0) {
        spread(code > 0 ? code - 1 : -code - 1, code > 0, f, eps);
      }
    }
    return true;
  }

  /**
   * Groups the cross links by the two trees they join ({@link #groupLow} < {@link #groupHigh}),
   * adding their capacities in each direction ({@link #groupUp}: low to high); returns the number
   * of groups. The contracted graph gets one arc pair per group instead of one per cross link: on
   * the Western US grid imported with the defaults about 1,100 cross links join about 570 pairs of
   * trees.
   */
  private int groupCrossLinks(int trees, int cross) {
    Arrays.fill(lowHead, 0, trees, -1);
    for (int j = 0; j < cross; j++) {
      int l = crossLinks[j];
      int lo =
          Math.min(tree[graph.internalOf[net.linkFrom(l)]], tree[graph.internalOf[net.linkTo(l)]]);
      lowNext[j] = lowHead[lo];
      lowHead[lo] = j;
    }
    int[] arcRev = graph.arcs.rev;
    int groups = 0;
    for (int lo = 0; lo < trees; lo++) {
      int mark = nextGroupMark();
      for (int j = lowHead[lo]; j >= 0; j = lowNext[j]) {
        int l = crossLinks[j];
        int tu = tree[graph.internalOf[net.linkFrom(l)]];
        int hi = tu == lo ? tree[graph.internalOf[net.linkTo(l)]] : tu;
        if (groupMark[hi] != mark) {
          groupMark[hi] = mark;
          groupOfHigh[hi] = groups;
          groupLow[groups] = lo;
          groupHigh[groups] = hi;
          groupUp[groups] = 0;
          groupDown[groups] = 0;
          groupFirst[groups] = -1;
          groups++;
        }
        int g = groupOfHigh[hi];
        int a = graph.linkArcForward[l];
        double along = r.capacity(a);
        double against = r.capacity(arcRev[a]);
        groupUp[g] += tu == lo ? along : against;
        groupDown[g] += tu == lo ? against : along;
        groupNext[j] = groupFirst[g];
        groupFirst[g] = j;
      }
    }
    return groups;
  }

  /**
   * Spreads {@code f} units sent over group {@code g} (low to high when {@code up}) over its cross
   * links, each up to its capacity in that direction, into {@link #linkFlow} and the end nodes'
   * {@link #imbalance}.
   */
  private void spread(int g, boolean up, double f, double eps) {
    int[] arcRev = graph.arcs.rev;
    double left = f;
    for (int j = groupFirst[g]; j >= 0 && left > 0; j = groupNext[j]) {
      int l = crossLinks[j];
      int a = graph.linkArcForward[l];
      // whether the link's own direction (from -> to) is the direction sent
      boolean along = (tree[graph.internalOf[net.linkFrom(l)]] == groupLow[g]) == up;
      double x = Math.min(left, r.capacity(along ? a : arcRev[a]));
      left -= x;
      double forward = along ? x : -x;
      linkFlow[l] += forward;
      imbalance[graph.internalOf[net.linkFrom(l)]] -= forward;
      imbalance[graph.internalOf[net.linkTo(l)]] += forward;
    }
    assert left <= eps : "group " + g + " sent " + f + ", " + left + " over its capacity";
  }

  private int nextGroupMark() {
    if (++groupMarkStamp == Integer.MAX_VALUE) {
      Arrays.fill(groupMark, 0);
      groupMarkStamp = 1;
    }
    return groupMarkStamp;
  }

  /** Adds arc u->v (capacity forward) and its residual v->u (capacity backward); returns u->v. */
  private int pair(int u, int v, double forward, double backward) {
    int a = gFill[u]++;
    int b = gFill[v]++;
    contracted.head[a] = v;
    contracted.head[b] = u;
    contracted.rev[a] = b;
    contracted.rev[b] = a;
    gLink[a] = 0;
    gLink[b] = 0;
    contractedFlow.setEmpty(a, forward);
    contractedFlow.setEmpty(b, backward);
    return a;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(visited, 0);
      stamp = 1;
    }
    return stamp;
  }
}
