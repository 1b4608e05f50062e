package org.corridorrisk.network;

import java.util.Arrays;

/**
 * Max-min fair shares on the residual graph of one commodity block: the exact lexicographically
 * optimal ("progressive filling") split of a maximum flow among a set of parametric arcs, each with
 * a weight (a sink's demand, a storage's withdrawal or injection cap). Used by {@link
 * DailyFlowSolver} for {@code sharing: fair}: each priority tier's sink arcs, then the storage arcs
 * {@code R -> storage} (withdrawal shares), then the refill arcs {@code storage -> T}.
 *
 * <h2>Problem</h2>
 *
 * <p>Given the flow already in the graph (earlier tiers frozen), the vectors {@code x} of flows on
 * the parametric arcs that a feasible flow can add form a polymatroid (max-flow to a set of arcs is
 * a submodular function of the set). Its lexicographically optimal base with weights {@code w}
 * maximizes the smallest share {@code x_p / w_p}, then the next smallest, and so on; it is unique,
 * it is a maximum flow (so tier totals are those of any maximum flow), and its shares are the
 * breakpoints of the parametric min cut in which every parametric arc has capacity {@code lam x
 * w_p}.
 *
 * <h2>Algorithm (divide and conquer on min cuts)</h2>
 *
 * <p>A <em>test</em> of a group {@code G} of parametric arcs at share {@code lam} caps every arc of
 * {@code G} at {@code lam x w_p} and computes a maximum flow. If every arc is saturated, the whole
 * group is one level and is final. Otherwise the nodes reachable from the source in the residual
 * graph ({@code Z}) give a minimum cut; every maximum flow of the capped problem saturates it, and
 * the optimal base truncated at {@code lam x w} is such a maximum flow, so:
 *
 * <ul>
 *   <li>arcs of {@code G} that cross the cut (tail in {@code Z}, head not) have share {@code >=
 *       lam} ("capped");
 *   <li>the others ("blocked") have share {@code <= lam}; their total flow {@code y_B} is fixed by
 *       the cut and equals their total in the optimum.
 * </ul>
 *
 * The blocked arcs are then solved first (restriction: the capped arcs are set back to 0) with
 * {@code lam' = y_B / w(B)}, the capped arcs afterwards (contraction: the blocked arcs frozen at
 * their final flows) with {@code lam'' = (r - y_B) / w(capped)}. Testing at the average share
 * {@code r / w(G)} of a group whose optimal total {@code r} is known either finds one level (all
 * saturated) or splits the group into two non-empty parts, so a group with {@code L} distinct
 * levels takes at most {@code 2L - 1} tests. The first test is at {@code lam = 1} (caps = weights):
 * arcs that cross its cut are fully served, the rest are split from there.
 *
 * <p>Flows of finished groups are frozen: {@code cap = flow, res = 0} (augmenting paths end at the
 * target and never leave it, so a frozen arc into the target keeps its flow); an arc in the middle
 * of the graph ({@code R -> storage}) also gets its reverse residual set to 0 while the phase runs,
 * so that no later test reroutes it, and back to its flow at the end.
 *
 * <h2>Components in parallel</h2>
 *
 * <p>Groups in different weakly connected components of the day's network (links with capacity,
 * plus all storages that can withdraw joined through the storage root) cannot interact: every path
 * between them passes the super source, the super sink or the storage root, whose arcs never bind.
 * So every component runs its own recursion and one max-flow per round tests one group of every
 * component that still has work; a component whose test fails is reset to its snapshot (the cap and
 * residual of every arc at one of its nodes, taken when its last group was finished). The number of
 * rounds is that of the component with the most levels, not the number of levels of the day.
 *
 * <p>Snapshots are kept through the undo journal of {@link Residuals}: it is restarted whenever
 * every component is at its snapshot (after each round's splits), so that saving or resetting a
 * component copies only the arcs listed since, those of the component's nodes, not every arc of the
 * component (on the binding power-grid family the component is nearly the whole grid and a test
 * changes a few hundred arcs). When the journal is not complete (a range was changed whole, e.g. by
 * a reference flow installed before the first test) every arc of the component is copied.
 *
 * <h2>Numerics</h2>
 *
 * <p>A group counts as saturated when every residual is at most {@code eps x block size}, the
 * tolerance of the solver's max-flow (which stops at its bound minus that); shares are ratios of
 * flows summed in a fixed order, so results agree to about {@code 1e-12} relative whatever the node
 * and link order. A test that cannot split (all arcs blocked or all capped while not saturated,
 * which only rounding can cause) finishes the group with the flows it has ({@link #degenerate}
 * counts those).
 *
 * <p>Rejected: progressive filling with one global share per round (one max-flow per level of the
 * whole day: the power grid has dozens of islands, each its own level); the
 * Gallo-Grigoriadis-Tarjan parametric push-relabel (one pass for all breakpoints, but it needs a
 * preflow algorithm beside the solver's augmenting-path one and is much more code to get exact).
 */
final class FairShares {
  /**
   * The solver's max-flow: augments from {@code s} to {@code t}, never entering {@code blocked}.
   */
  interface MaxFlow {
    double run(Block b, int s, int t, int blocked);
  }

  private final NetworkIndex net;
  private final FlowGraph graph;
  private final Residuals residuals;

  /** The max-flow of a phase's first test (from the phase's starting flow). */
  private final MaxFlow maxFlow;

  /**
   * The max-flow of the tests after the first, which start from the flow that earlier tests left
   * (or from a component's snapshot): the exact phase alone, going on from the search of the test
   * before where every change since is known ({@link #changed}).
   */
  private final StagedMaxFlow laterTests;

  /**
   * Arcs changed (each with its reverse) since the last later test's max-flow, from the journal of
   * {@link Residuals}, while {@link #changesKnown}: what the next one has to look at when it goes
   * on from the search of the last ({@link StagedMaxFlow#exactAgain}).
   */
  private int[] changed = new int[0];

  private int changedCount;

  /** Whether {@link #changed} lists every change since the last later test's max-flow. */
  private boolean changesKnown;

  // Snapshot of capacities and residuals (whole arrays; only the current block is used).
  private final double[] snapCap;
  private final double[] snapRes;

  // Components of the day's network, indexed by internal node (-1: S, R, T or not computed).
  private final int[] compOf;
  private final int[] parent;
  private final int[] compNodes;
  private final int[] compNodeStart;

  /** Per component: the arcs at its nodes (what {@link #save} copies without the journal). */
  private final int[] compArcs;

  private int compCount;
  private int componentsOfCommodity = -1;

  // Parametric arcs of the current phase, sorted by component.
  private final int[] order;
  private final int[] paramStart;
  private final int[] stackLo;
  private final int[] stackHi;
  private final double[] stackTotal;
  private final int[] stackTop;
  private final int[] testLo;
  private final int[] testHi;
  private final double[] testTotal;
  private final int[] tested;
  private final boolean[] saturated;

  // The running share call: parametric arcs, weights, kind, saturation tolerance.
  private int[] parArcs;
  private double[] parWeights;
  private boolean middle;
  private double tol;

  // The running block: its network nodes and its arcs.
  private int networkBase;
  private int networkEnd;
  private int arcBegin;
  private int arcEnd;

  // Reachability.
  private final int[] seen;
  private final int[] queue;
  private int stamp;

  /** Tests run (max-flows) and rounds since construction (tests and measurements). */
  long tests;

  long rounds;

  /** Groups finished without a clean split (rounding; see the class comment). */
  long degenerate;

  FairShares(
      NetworkIndex net,
      FlowGraph graph,
      Residuals residuals,
      MaxFlow maxFlow,
      StagedMaxFlow laterTests) {
    this.net = net;
    this.graph = graph;
    this.residuals = residuals;
    this.maxFlow = maxFlow;
    this.laterTests = laterTests;
    int arcs = graph.arcs.size();
    int nodes = graph.nodeCount;
    snapCap = new double[arcs];
    snapRes = new double[arcs];
    compOf = new int[nodes];
    parent = new int[nodes];
    compNodes = new int[nodes];
    compNodeStart = new int[nodes + 2];
    compArcs = new int[nodes];
    order = new int[nodes];
    paramStart = new int[nodes + 2];
    stackLo = new int[nodes];
    stackHi = new int[nodes];
    stackTotal = new double[nodes];
    stackTop = new int[nodes + 1];
    testLo = new int[nodes + 1];
    testHi = new int[nodes + 1];
    testTotal = new double[nodes + 1];
    tested = new int[nodes + 1];
    saturated = new boolean[nodes + 1];
    seen = new int[nodes];
    queue = new int[nodes];
  }

  /** Forgets the components: call at the start of every solve (the day's network changed). */
  void newDay() {
    componentsOfCommodity = -1;
  }

  /**
   * Shares a maximum flow from {@code s} to {@code t} among parametric arcs, max-min fair in {@code
   * flow / weight}; on return every parametric arc is frozen at its final flow ({@code cap = flow},
   * {@code res = 0}; for {@code middle} arcs the reverse residual is restored to the flow).
   *
   * <p>The caller has set every parametric arc to capacity 0 and zero flow. Arcs with weight {@code
   * <= eps} must not be passed.
   *
   * @param b the commodity's block (the flow runs from its {@code S} to its {@code T})
   * @param arcs parametric arcs ({@code count} of them)
   * @param nodes per parametric arc, the network node whose component it belongs to
   * @param weights per parametric arc, its weight (demand or cap)
   * @param blocked node no augmenting path may enter, or -1
   * @param middle whether the arcs lie inside the graph ({@code R -> storage}) rather than into
   *     {@code t}
   * @param fixRoot whether the arc {@code S -> R} is set to the sum of the storage arcs' flows
   *     after a reset
   * @param firstTest the first test's max-flow when it starts from a reference flow rather than
   *     from the flow the residuals hold (run after the first test's caps are set), or null
   * @param in the day's input (components)
   */
  void share(
      Block b,
      int[] arcs,
      int[] nodes,
      double[] weights,
      int count,
      int blocked,
      boolean middle,
      boolean fixRoot,
      Runnable firstTest,
      DayInput in) {
    if (count == 0) {
      return;
    }
    parArcs = arcs;
    parWeights = weights;
    this.middle = middle;
    tol = b.tolerance();
    networkBase = b.base;
    networkEnd = b.source; // the block's network nodes come before S, R and T
    arcBegin = b.arcBegin;
    arcEnd = b.arcEnd;
    double eps = b.flowEpsilon;
    int s = b.source;
    int t = b.sink;
    residuals.copyRange(b.arcBegin, b.arcEnd, snapCap, snapRes);
    residuals.startJournal(this, b.arcEnd - b.arcBegin);
    // First test: every arc at its full weight.
    for (int k = 0; k < count; k++) {
      raise(arcs[k], weights[k]);
    }
    if (firstTest != null) {
      firstTest.run();
    } else {
      maxFlow.run(b, s, t, blocked);
    }
    tests++;
    rounds++;
    boolean all = true;
    for (int k = 0; k < count && all; k++) {
      all = residuals.residual(arcs[k]) <= tol;
    }
    if (all) {
      for (int k = 0; k < count; k++) {
        freeze(arcs[k]);
      }
      release(count);
      residuals.endJournal();
      return;
    }
    components(b, in);
    sortByComponent(nodes, count);
    markReachable(s, t, blocked, eps);
    boolean reset = false;
    for (int q = 0; q < compCount; q++) {
      stackTop[q] = 0;
      int lo = paramStart[q];
      int hi = paramStart[q + 1];
      if (lo == hi) {
        continue;
      }
      double total = 0; // the group's optimal total: what a maximum flow gives it
      boolean sat = true;
      for (int j = lo; j < hi; j++) {
        int a = arcs[order[j]];
        total += residuals.flow(a);
        sat &= residuals.residual(a) <= tol;
      }
      reset |= settle(q, lo, hi, total, sat, true);
    }
    if (reset && fixRoot) {
      fixRoot(b);
    }
    residuals.startJournal(this, b.arcEnd - b.arcBegin); // every component is at its snapshot
    changesKnown = false; // the first later test starts afresh
    while (true) {
      int n = 0;
      for (int q = 0; q < compCount; q++) {
        if (popTest(q)) {
          tested[n++] = q;
        }
      }
      if (n == 0) {
        break;
      }
      if (changesKnown && listChanges()) {
        laterTests.exactAgain(b, s, t, blocked, changed, changedCount);
      } else {
        laterTests.exactOnly(b, s, t, blocked);
      }
      changedCount = 0;
      changesKnown = true;
      tests++;
      rounds++;
      boolean reach = false;
      for (int i = 0; i < n; i++) {
        int q = tested[i];
        boolean sat = true;
        for (int j = testLo[q]; j < testHi[q] && sat; j++) {
          sat = residuals.residual(arcs[order[j]]) <= tol;
        }
        saturated[q] = sat;
        reach |= !sat;
      }
      if (reach) {
        int id = nextStamp();
        if (laterTests.markSourceSide(b, seen, id)) {
          assert sameAsSearch(s, t, blocked, eps, b.base, b.end);
        } else {
          search(s, t, blocked, eps, id);
        }
      }
      reset = false;
      for (int i = 0; i < n; i++) {
        int q = tested[i];
        reset |= settle(q, testLo[q], testHi[q], testTotal[q], saturated[q], false);
      }
      if (reset && fixRoot) {
        fixRoot(b);
      }
      changesKnown &= listChanges(); // the journal is restarted: keep what it listed
      residuals.startJournal(this, b.arcEnd - b.arcBegin);
    }
    release(count);
    residuals.endJournal(); // no later step pays for listing its changes
  }

  /**
   * Adds the arcs the journal lists to {@link #changed}; false when the journal is not complete or
   * the list would pass the block's arcs (the next later test then starts afresh).
   */
  private boolean listChanges() {
    if (!residuals.journalComplete(this)) {
      return false;
    }
    int count = residuals.journalCount();
    if (changedCount + count > arcEnd - arcBegin) {
      return false;
    }
    if (changed.length < changedCount + count) {
      changed = Arrays.copyOf(changed, Math.max(2 * changed.length, changedCount + count));
    }
    for (int i = 0; i < count; i++) {
      changed[changedCount++] = residuals.journaled(i);
    }
    return true;
  }

  /**
   * Pops groups of component {@code q} until one needs a test, whose arcs it then raises to the
   * group's average share; returns whether there is a test. A group whose arcs already carry that
   * share (a part left in place by {@link #settle}) is finished without a test.
   */
  private boolean popTest(int q) {
    while (stackTop[q] > 0) {
      int top = paramStart[q] + --stackTop[q];
      int lo = stackLo[top];
      int hi = stackHi[top];
      double total = stackTotal[top];
      double weight = 0;
      for (int j = lo; j < hi; j++) {
        weight += parWeights[order[j]];
      }
      double lam = total <= tol || weight <= 0 ? 0 : Math.min(1, total / weight);
      boolean done = true;
      for (int j = lo; j < hi && done; j++) {
        int k = order[j];
        int a = parArcs[k];
        done =
            Math.abs(lam * parWeights[k] - residuals.capacity(a)) <= tol
                && residuals.residual(a) <= tol;
      }
      if (done) {
        for (int j = lo; j < hi; j++) {
          freeze(parArcs[order[j]]);
        }
        save(q);
        continue;
      }
      for (int j = lo; j < hi; j++) {
        int k = order[j];
        raise(parArcs[k], lam * parWeights[k]);
      }
      testLo[q] = lo;
      testHi[q] = hi;
      testTotal[q] = total;
      return true;
    }
    return false;
  }

  /**
   * After a test of the group {@code [lo, hi)} of component {@code q} (whose optimal total is
   * {@code total}): a saturated group is finished; otherwise it is split by the cut that {@link
   * #markReachable} left into blocked arcs (share at most the tested one) and capped arcs (at
   * least). When the blocked arcs already share one level (every flow equal to the blocked total's
   * average share), they are finished in place and the capped part is pushed to go on from the
   * present flow (its caps only rise); otherwise both parts are pushed (blocked on top, solved
   * first) and the component must be reset to its snapshot. Returns whether it must be reset.
   *
   * <p>After the first test (at share 1) either part may be empty; after a test at a group's
   * average share an empty part can only come from rounding, and the group is finished as it is
   * ({@link #degenerate}).
   */
  private boolean settle(int q, int lo, int hi, double total, boolean sat, boolean first) {
    if (sat) {
      for (int j = lo; j < hi; j++) {
        freeze(parArcs[order[j]]);
      }
      save(q);
      return false;
    }
    int id = stamp;
    int mid = lo;
    for (int j = lo; j < hi; j++) {
      int k = order[j];
      int a = parArcs[k];
      boolean capped = seen[graph.arcTail[a]] == id && seen[graph.arcs.head[a]] != id;
      if (!capped) {
        order[j] = order[mid];
        order[mid++] = k;
      }
    }
    if (mid == lo || (!first && mid == hi)) {
      degenerate++;
      for (int j = lo; j < hi; j++) {
        freeze(parArcs[order[j]]);
      }
      save(q);
      return false;
    }
    // Sum in a fixed order (by parameter), whatever order the partition met the arcs in.
    Arrays.sort(order, lo, mid);
    Arrays.sort(order, mid, hi);
    double blockedFlow = 0;
    double blockedWeight = 0;
    for (int j = lo; j < mid; j++) {
      int k = order[j];
      int a = parArcs[k];
      blockedFlow += residuals.flow(a);
      blockedWeight += parWeights[k];
    }
    double lam = blockedFlow / blockedWeight;
    boolean level = true;
    for (int j = lo; j < mid && level; j++) {
      int k = order[j];
      int a = parArcs[k];
      level = Math.abs(residuals.flow(a) - lam * parWeights[k]) <= tol;
    }
    int base = paramStart[q];
    if (mid < hi) {
      int top = base + stackTop[q]++;
      stackLo[top] = mid;
      stackHi[top] = hi;
      stackTotal[top] = Math.max(0, total - blockedFlow);
    }
    if (level) {
      for (int j = lo; j < mid; j++) {
        freeze(parArcs[order[j]]);
      }
      save(q);
      return false;
    }
    int top = base + stackTop[q]++;
    stackLo[top] = lo;
    stackHi[top] = mid;
    stackTotal[top] = blockedFlow;
    restore(q);
    return true;
  }

  /**
   * Sets a parametric arc's capacity to {@code capacity} (never below its flow), keeping its flow.
   */
  private void raise(int a, double capacity) {
    double flow = residuals.flow(a);
    residuals.changeCapacity(a, Math.max(capacity, flow));
    if (middle && flow == 0) {
      residuals.close(graph.arcs.rev[a]);
    }
  }

  /** Freezes a parametric arc at its flow. */
  private void freeze(int a) {
    residuals.freeze(a);
    if (middle) {
      residuals.close(graph.arcs.rev[a]);
    }
  }

  /** End of the phase: middle arcs get back their reverse residual (= flow). */
  private void release(int count) {
    if (!middle) {
      return;
    }
    for (int k = 0; k < count; k++) {
      int a = parArcs[k];
      residuals.reopen(graph.arcs.rev[a], residuals.flow(a));
    }
  }

  /** Marks with a new stamp the nodes reachable from {@code s} by residual arcs. */
  private void markReachable(int s, int t, int blocked, double eps) {
    search(s, t, blocked, eps, nextStamp());
  }

  private int nextStamp() {
    int id = ++stamp;
    if (id == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      stamp = id = 1;
    }
    return id;
  }

  /**
   * Whether the nodes {@code base .. end - 1} marked with the current stamp are those {@link
   * #search} marks (a check for tests, run with {@code -ea}).
   */
  private boolean sameAsSearch(int s, int t, int blocked, double eps, int base, int end) {
    int given = stamp;
    boolean[] marked = new boolean[end - base];
    for (int v = base; v < end; v++) {
      marked[v - base] = seen[v] == given;
    }
    int id = nextStamp();
    search(s, t, blocked, eps, id);
    for (int v = base; v < end; v++) {
      assert marked[v - base] == (seen[v] == id) : "source side differs at node " + v;
      seen[v] = marked[v - base] ? id : 0;
    }
    return true;
  }

  /** Marks with {@code id} the nodes reachable from {@code s} by residual arcs. */
  private void search(int s, int t, int blocked, double eps, int id) {
    int[] arcStart = graph.arcs.start;
    int[] arcHead = graph.arcs.head;
    seen[s] = id;
    queue[0] = s;
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int u = queue[head];
      for (int b = arcStart[u], e = arcStart[u + 1]; b < e; b++) {
        int w = arcHead[b];
        if (residuals.residual(b) > eps && seen[w] != id && w != t && w != blocked) {
          seen[w] = id;
          queue[tail++] = w;
        }
      }
    }
  }

  /** Sets the arc {@code S -> R} to carry the sum of the storage arcs' flows. */
  private void fixRoot(Block b) {
    double withdrawn = 0;
    for (int i : net.storagesOf(b.commodity)) {
      withdrawn += residuals.flow(graph.nodeArc[i]);
    }
    residuals.setFlow(b.rootArc, withdrawn);
  }

  // ---------------------------------------------------------------- components and snapshots

  /**
   * Weakly connected components of commodity {@code c}'s network today: arcs between network nodes
   * with capacity in either direction join their ends; up storages that can withdraw are joined
   * (through {@code R}).
   */
  private void components(Block b, DayInput in) {
    int c = b.commodity;
    if (componentsOfCommodity == c) {
      return;
    }
    componentsOfCommodity = c;
    double eps = b.flowEpsilon;
    int base = b.base;
    int end = b.source; // the block's network nodes come before S, R and T
    for (int v = base; v < end; v++) {
      parent[v] = v;
    }
    // Every arc between two network nodes that has capacity either way joins them (links, and
    // any arc inside a node that the graph may split).
    for (int a = b.arcBegin; a < b.arcEnd; a++) {
      int u = graph.arcTail[a];
      int v = graph.arcs.head[a];
      if (u < end
          && v < end
          && (residuals.capacity(a) > 0 || residuals.capacity(graph.arcs.rev[a]) > 0)) {
        union(u, v);
      }
    }
    int firstStorage = -1;
    for (int i : net.storagesOf(c)) {
      if (in.nodeUp[i] && in.withdrawCap[i] > eps) {
        int v = graph.internalOf[i];
        if (firstStorage < 0) {
          firstStorage = v;
        } else {
          union(firstStorage, v);
        }
      }
    }
    Arrays.fill(compOf, base, b.end, -1);
    int count = 0;
    for (int v = base; v < end; v++) {
      int r = find(v);
      if (compOf[r] < 0) {
        compOf[r] = count++;
      }
      compOf[v] = compOf[r];
    }
    compCount = count;
    Arrays.fill(compNodeStart, 0, count + 2, 0);
    for (int v = base; v < end; v++) {
      compNodeStart[compOf[v] + 2]++;
    }
    for (int q = 0; q < count; q++) {
      compNodeStart[q + 2] += compNodeStart[q + 1];
    }
    Arrays.fill(compArcs, 0, count, 0);
    for (int v = base; v < end; v++) {
      compNodes[compNodeStart[compOf[v] + 1]++] = v;
      compArcs[compOf[v]] += graph.arcs.start[v + 1] - graph.arcs.start[v];
    }
  }

  private int find(int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  private void union(int u, int v) {
    int a = find(u);
    int b = find(v);
    if (a != b) {
      if (a < b) {
        parent[b] = a;
      } else {
        parent[a] = b;
      }
    }
  }

  /** Counting sort of the parametric arcs (by index, stable) into {@code order} by component. */
  private void sortByComponent(int[] nodes, int count) {
    Arrays.fill(paramStart, 0, compCount + 2, 0);
    for (int k = 0; k < count; k++) {
      paramStart[compOf[nodes[k]] + 2]++;
    }
    for (int q = 0; q < compCount; q++) {
      paramStart[q + 2] += paramStart[q + 1];
    }
    for (int k = 0; k < count; k++) {
      order[paramStart[compOf[nodes[k]] + 1]++] = k;
    }
  }

  /** Puts the snapshot back on the arcs of component {@code q} ({@link #transfer}). */
  private void restore(int q) {
    transfer(q, false);
  }

  /** Takes the snapshot of the arcs of component {@code q} ({@link #transfer}). */
  private void save(int q) {
    transfer(q, true);
  }

  /**
   * Copies between the residuals and the snapshot ({@code toSnapshot}: into the snapshot) every arc
   * at a node of component {@code q} and the twins of those that lead to {@code S}, {@code R} or
   * {@code T} (the twins of the others are at nodes of the same component, or carry nothing either
   * way); through the journal when that is the shorter list, and as one range when the component is
   * the block's only one.
   */
  private void transfer(int q, boolean toSnapshot) {
    int[] arcRev = graph.arcs.rev;
    if (journalIsShorter(q)) {
      for (int i = 0, count = residuals.journalCount(); i < count; i++) {
        int a = residuals.journaled(i);
        if (componentOfArc(a) == q) {
          transferArc(a, toSnapshot);
          transferArc(arcRev[a], toSnapshot);
        }
      }
      return;
    }
    if (compNodeStart[q + 1] - compNodeStart[q] == networkEnd - networkBase) {
      if (toSnapshot) {
        residuals.copyRange(arcBegin, arcEnd, snapCap, snapRes);
      } else {
        residuals.restoreRange(arcBegin, arcEnd, snapCap, snapRes);
      }
      return;
    }
    int[] arcStart = graph.arcs.start;
    int[] arcHead = graph.arcs.head;
    for (int j = compNodeStart[q], e = compNodeStart[q + 1]; j < e; j++) {
      int v = compNodes[j];
      for (int a = arcStart[v], f = arcStart[v + 1]; a < f; a++) {
        transferArc(a, toSnapshot);
        if (arcHead[a] >= networkEnd) {
          transferArc(arcRev[a], toSnapshot);
        }
      }
    }
  }

  private void transferArc(int a, boolean toSnapshot) {
    if (toSnapshot) {
      residuals.copyArc(a, snapCap, snapRes);
    } else {
      residuals.restoreArc(a, snapCap, snapRes);
    }
  }

  /**
   * Whether the journal is complete and lists fewer arcs than component {@code q} has: then {@link
   * #save} and {@link #restore} go through the journal (every arc of the block changed since its
   * start is listed), else through the component's nodes.
   */
  private boolean journalIsShorter(int q) {
    return residuals.journalComplete(this) && residuals.journalCount() < compArcs[q];
  }

  /** The component of arc {@code a}'s network end (its tail, or its head if that is S, R or T). */
  private int componentOfArc(int a) {
    int u = graph.arcTail[a];
    return compOf[u < networkEnd ? u : graph.arcs.head[a]];
  }
}
