package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The max-flow algorithm of Boykov and Kolmogorov (IEEE PAMI 26(9), 2004): two search trees, one
 * grown from {@code s} over residual arcs and one grown into {@code t} over residual arcs, are kept
 * from one augmenting path to the next instead of being rebuilt. Three stages repeat:
 *
 * <ol>
 *   <li><b>Growth.</b> Active nodes (first-in, first-out) scan their arcs and add free neighbours
 *       to their tree; an arc from the source tree into the sink tree is an augmenting path.
 *   <li><b>Augmentation.</b> The path's bottleneck is pushed; tree arcs it saturates cut their
 *       lower ends off as orphans.
 *   <li><b>Adoption.</b> Each orphan looks for a new parent in its own tree whose path leads to the
 *       root (checked by walking up, with the paper's time stamps and distances so that walks stop
 *       at nodes already checked during this augmentation, and the nearest root preferred); an
 *       orphan that finds none becomes free, its children become orphans and its neighbours that
 *       could reach it become active again.
 * </ol>
 *
 * When no active node is left, the source tree holds every node reachable from {@code s} and the
 * sink tree every node that reaches {@code t} in the residual graph, and no arc joins them: the
 * flow is maximal. That proof costs about one search over the graph in all, shared between the two
 * sides, where {@link Isap} pays a backward search from {@code t} per global relabelling and
 * relabels every dead end.
 *
 * <p>Design note: it serves the warm-started max-flows of large networks ({@link ReferenceFlow}):
 * the undisturbed day's flow clipped to today's outages leaves a few displaced units whose
 * augmenting paths are short and spread over the graph. On the binding power-grid family it takes
 * fewer operations than ISAP (docs/performance.md, "Issue 15, session 5"). Like every {@link
 * AugmentingMaxFlow} it starts from whatever feasible flow {@link Residuals} holds. Allocation-free
 * per call; not thread-safe.
 */
final class BoykovKolmogorov implements AugmentingMaxFlow {
  private static final byte FREE = 0;
  private static final byte SOURCE_TREE = 1;
  private static final byte SINK_TREE = 2;

  /** {@link #parent} of a tree's root. */
  private static final int ROOT = -2;

  /** {@link #parent} of a node cut from its tree (an orphan waiting for adoption). */
  private static final int ORPHAN = -3;

  private static final int INFINITE = Integer.MAX_VALUE;

  private final Arcs g;
  private final Residuals r;

  /** Per node: which tree it is in. */
  private final byte[] tree;

  /**
   * Per node in a tree: the tree arc to it from its parent (source tree) or from it to its parent
   * (sink tree), or {@link #ROOT} or {@link #ORPHAN}.
   */
  private final int[] parent;

  /** Per node: the augmentation count at which {@link #dist} was last known to be right. */
  private final int[] stamp;

  /** Per node: tree arcs from it to its root, as of {@link #stamp}. */
  private final int[] dist;

  /** Per node: the next arc its growth scans. */
  private final int[] cur;

  /** Per node: whether it is in {@link #queue}. */
  private final boolean[] active;

  /** Ring buffer of active nodes (each at most once). */
  private final int[] queue;

  /** Stack of orphans. */
  private final int[] orphans;

  /** Active nodes per tree ({@link #FREE}, {@link #SOURCE_TREE}, {@link #SINK_TREE}). */
  private final int[] activeIn = new int[3];

  /**
   * During {@link #augmentFrom} with imbalances: per node, inflow minus outflow of the flow being
   * repaired (null otherwise). A node with an excess is a root of the source tree, one with a
   * deficit a root of the sink tree, until it is balanced.
   */
  private double[] excess;

  private int source;
  private int sink;

  /**
   * Whether {@link #grow} goes on while the source tree has active nodes ({@link
   * #closeSourceTree}).
   */
  private boolean growSourceOnly;

  /** Whether {@link #grow} leaves its active nodes queued (for {@link #augmentAgain}). */
  private boolean keepSearch;

  /** First node of the block whose search is kept for {@link #augmentAgain}, or -1. */
  private int kept = -1;

  private int keptEnd;
  private int keptBlocked;
  private double keptEps;

  /**
   * {@link #activeIn} of the source tree when {@link #grow} last stopped; -1 at its limit (or when
   * {@link #augment} had nothing to do). 0: the source tree is closed, and holds exactly the nodes
   * reachable from {@code s} by residual arcs without entering {@code blocked} ({@link
   * #markSourceTree}).
   */
  private int activeInSourceTreeAtStop = -1;

  private int queueHead;
  private int queueSize;
  private int orphanCount;
  private int time;

  /** Orphans adopted or freed since construction. */
  long adoptions;

  BoykovKolmogorov(Arcs g, Residuals r, int nodes) {
    this.g = g;
    this.r = r;
    tree = new byte[nodes];
    parent = new int[nodes];
    stamp = new int[nodes];
    dist = new int[nodes];
    cur = new int[nodes];
    active = new boolean[nodes];
    queue = new int[nodes];
    orphans = new int[nodes];
  }

  @Override
  public double augment(int base, int end, int s, int t, int blocked, double limit, double eps) {
    return augment(base, end, s, t, blocked, limit, eps, false);
  }

  /**
   * As {@link #augment(int, int, int, int, int, double, double)}; with {@code keep}, the search
   * (trees, active nodes) is kept for {@link #augmentAgain}.
   */
  double augment(
      int base, int end, int s, int t, int blocked, double limit, double eps, boolean keep) {
    if (s == t || limit <= 0) {
      activeInSourceTreeAtStop = -1;
      return 0;
    }
    reset(base, end);
    Arrays.fill(tree, base, end, FREE);
    plantRoots(s, t);
    keepSearch = keep;
    double added = grow(blocked, limit, eps, true);
    if (keep && limit == Double.POSITIVE_INFINITY) {
      kept = base;
      keptEnd = end;
      keptBlocked = blocked;
      keptEps = eps;
    }
    return added;
  }

  /**
   * Whether {@link #augmentAgain} can go on from the search the last call kept on nodes {@code base
   * .. end - 1} with the same terminals, {@code blocked} and {@code eps}.
   */
  boolean kept(int base, int end, int s, int t, int blocked, double eps) {
    return kept == base
        && keptEnd == end
        && source == s
        && sink == t
        && keptBlocked == blocked
        && keptEps == eps;
  }

  /**
   * Augments to a maximum again after the residuals changed, going on from the search the last
   * {@link #augment} with {@code keep} (or the last call of this) left ({@link #kept} must hold):
   * the residuals may have changed since only at arcs {@code changed[0 .. count - 1]} and their
   * reverses. Each is looked at as {@link #augmentFrom} looks at a marked arc, from its present
   * residual: a tree arc without residual cuts its lower end off as an orphan, an arc with residual
   * activates its tail if that is in the source tree and its head if that is in the sink tree (the
   * arcs may be listed more than once, or unchanged). The search is kept again.
   *
   * <p>Design note: {@link FairShares} runs dozens of maximum flows a day on the same block, each
   * after a few hundred arcs changed (the tested group's capacities, a component put back to its
   * snapshot); a fresh search each time cost most of a fair day on the binding power-grid family
   * (docs/performance.md, "Issue 15, session 17").
   */
  double augmentAgain(int[] changed, int count) {
    assert kept >= 0 : "no search kept";
    double eps = keptEps;
    time++;
    int[] arcRev = g.rev;
    for (int i = 0; i < count; i++) {
      int a = changed[i];
      recheckLive(a, eps);
      recheckLive(arcRev[a], eps);
    }
    adopt(eps);
    keepSearch = true;
    return grow(keptBlocked, Double.POSITIVE_INFINITY, eps, true);
  }

  /**
   * After a kept search ({@link #kept}) that stopped with its sink tree closed: grows the source
   * tree until it is closed too, so that it holds the nodes reachable from the source ({@link
   * #markSourceTree}). The flow is already maximal (the closed sink tree proves it), so no path is
   * found; the search stays kept, both trees closed.
   */
  void closeSourceTree() {
    assert kept >= 0 : "no search kept";
    keepSearch = true;
    growSourceOnly = true;
    double added = grow(keptBlocked, Double.POSITIVE_INFINITY, keptEps, true);
    growSourceOnly = false;
    assert added <= keptEps * (keptEnd - kept) : "a path beside a closed sink tree: " + added;
  }

  /** Updates the live trees for arc {@code a}, whatever its residual was before. */
  private void recheckLive(int a, double eps) {
    updateTrees(a, r.residual(a) > eps);
  }

  /**
   * Whether the last search ({@link #augment}, {@link #augmentAgain}, {@link #closeSourceTree})
   * stopped with its source tree closed (see {@link #markSourceTree}).
   */
  boolean sourceTreeClosed() {
    return activeInSourceTreeAtStop == 0;
  }

  /**
   * Marks with {@code id} in {@code seen} the nodes {@code base .. end - 1} in the source tree the
   * last {@link #augment} left: the nodes reachable from {@code s} by residual arcs when {@link
   * #sourceTreeClosed}, as long as no residual has changed since.
   */
  void markSourceTree(int base, int end, int[] seen, int id) {
    for (int v = base; v < end; v++) {
      if (tree[v] == SOURCE_TREE) {
        seen[v] = id;
      }
    }
  }

  /**
   * Runs to a maximum flow without stopping early, so that both trees are closed, and returns them
   * with which of arcs {@code arcBegin .. arcEnd - 1} have a residual above {@code eps}: the start
   * of later {@link #augmentFrom} calls on the same block (with the same {@code eps}). {@code
   * alsoCheck} are arcs that later states may change without marking them ({@link Residuals#mark});
   * the arcs this call changes are added.
   */
  Trees closedTrees(
      int base, int end, int s, int t, int arcBegin, int arcEnd, int[] alsoCheck, double eps) {
    double[] before = new double[arcEnd - arcBegin];
    for (int a = arcBegin; a < arcEnd; a++) {
      before[a - arcBegin] = r.residual(a);
    }
    reset(base, end);
    Arrays.fill(tree, base, end, FREE);
    plantRoots(s, t);
    grow(-1, Double.POSITIVE_INFINITY, eps, false);
    int changed = 0;
    for (int a = arcBegin; a < arcEnd; a++) {
      if (r.residual(a) != before[a - arcBegin]) {
        changed++;
      }
    }
    int[] check = Arrays.copyOf(alsoCheck, alsoCheck.length + changed);
    int k = alsoCheck.length;
    for (int a = arcBegin; a < arcEnd; a++) {
      if (r.residual(a) != before[a - arcBegin]) {
        check[k++] = a;
      }
    }
    Trees trees = new Trees(base, end, arcBegin, arcEnd, check, alsoCheck.length, eps);
    System.arraycopy(tree, base, trees.tree, 0, end - base);
    System.arraycopy(parent, base, trees.parent, 0, end - base);
    System.arraycopy(dist, base, trees.dist, 0, end - base);
    for (int a = arcBegin; a < arcEnd; a++) {
      if (r.residual(a) > eps) {
        trees.open[(a - arcBegin) >>> 6] |= 1L << (a - arcBegin);
      }
    }
    return trees;
  }

  /**
   * Augments to a maximum starting from closed trees of an earlier flow on the same block (dynamic
   * graph cuts, Kohli and Torr 2005): the trees are restored, and only arcs whose residual crossed
   * {@code eps} since then change them: a tree arc that lost its residual cuts its lower end off as
   * an orphan, an arc that gained residual activates its tail if that is in the source tree and its
   * head if that is in the sink tree. Everything else stays closed, so the work is bounded by what
   * today's changes disturb rather than by the network. The arcs looked at are those marked in
   * {@code r} since the state the trees were closed in was last restored, and the trees' own {@link
   * Trees#alsoCheck}. Returns the flow added.
   */
  double augmentFrom(Trees trees, int s, int t, double eps) {
    return augmentFrom(trees, s, t, eps, null, null, 0);
  }

  /**
   * As {@link #augmentFrom(Trees, int, int, double)}, for a flow that is not conserved at nodes
   * {@code nodes[0 .. count - 1]} ({@code imbalance}: inflow minus outflow; kept up to date): a
   * node with an excess becomes a root of the source tree and one with a deficit a root of the sink
   * tree, so paths from an excess to a deficit (around a failed line), to {@code t} or from {@code
   * s} are augmented alike, each limited by its roots' imbalances. When it returns no root reaches
   * a root of the other tree; what imbalance is left can then only be removed by lowering flows
   * back to {@code s} or on to {@code t} ({@link ReferenceFlow#settleRemaining}), and the flow is
   * maximal once that is done: every node such a walk passes is reachable from an excess (or
   * reaches a deficit), so the walks change residuals only inside the closed set reachable from the
   * roots of the source tree (or the one reaching the roots of the sink tree). The value returned
   * is the amount pushed, not the change of the flow's value.
   */
  double augmentFrom(
      Trees trees, int s, int t, double eps, double[] imbalance, int[] nodes, int count) {
    return augmentFrom(trees, s, t, eps, imbalance, nodes, count, null, 0);
  }

  /**
   * As {@link #augmentFrom(Trees, int, int, double, double[], int[], int)}, looking only at the
   * arcs of {@link Trees#alsoCheck} at {@code positions[0 .. positionCount - 1]} (ascending)
   * instead of all of them (null: all); the caller guarantees that the others kept the residual
   * they had when the trees were closed, unless they are marked.
   */
  double augmentFrom(
      Trees trees,
      int s,
      int t,
      double eps,
      double[] imbalance,
      int[] nodes,
      int count,
      int[] positions,
      int positionCount) {
    assert marksCoverEveryChange(trees, eps, positions, positionCount);
    int base = trees.base;
    int n = trees.end - base;
    reset(base, trees.end);
    System.arraycopy(trees.tree, 0, tree, base, n);
    System.arraycopy(trees.parent, 0, parent, base, n);
    System.arraycopy(trees.dist, 0, dist, base, n);
    for (int i = 0, marks = r.markCount(); i < marks; i++) {
      recheck(trees, r.marked(i), eps);
    }
    if (positions == null) {
      for (int a : trees.alsoCheck) {
        recheck(trees, a, eps);
      }
    } else {
      for (int i = 0; i < positionCount; i++) {
        recheck(trees, trees.alsoCheck[positions[i]], eps);
      }
    }
    source = s;
    sink = t;
    excess = imbalance;
    for (int k = 0; k < count; k++) {
      int x = nodes[k];
      if (x != s && x != t && parent[x] != ROOT) {
        if (imbalance[x] > eps) {
          makeRoot(x, SOURCE_TREE, eps);
        } else if (imbalance[x] < -eps) {
          makeRoot(x, SINK_TREE, eps);
        }
      }
    }
    time = 1;
    adopt(eps);
    double pushed = grow(-1, Double.POSITIVE_INFINITY, eps, true);
    excess = null;
    return pushed;
  }

  /**
   * Makes node {@code x} a root of tree {@code side}; if it was in the other tree it leaves it as a
   * freed orphan does (its children there become orphans, its neighbours there that reach it or
   * that it reaches are activated).
   */
  private void makeRoot(int x, byte side, double eps) {
    if (tree[x] != FREE && tree[x] != side) {
      leaveTree(x, eps);
    }
    if (active[x]) {
      activeIn[tree[x]]--;
      activeIn[side]++;
    }
    tree[x] = side;
    parent[x] = ROOT;
    dist[x] = 0;
    activate(x);
  }

  /** Updates the restored trees for arc {@code a} if its residual crossed {@code eps}. */
  private void recheck(Trees trees, int a, double eps) {
    assert eps == trees.eps : "trees closed with another epsilon";
    boolean open = r.residual(a) > eps;
    if (open != trees.wasOpen(a)) {
      updateTrees(a, open);
    }
  }

  /**
   * The trees after arc {@code a} opened (a residual above the epsilon: its tail is activated if in
   * the source tree, its head if in the sink tree) or closed (a tree arc cuts its lower end off as
   * an orphan).
   */
  private void updateTrees(int a, boolean open) {
    int u = tailOf(a);
    int v = g.head[a];
    if (open) {
      if (tree[u] == SOURCE_TREE) {
        activate(u);
      }
      if (tree[v] == SINK_TREE) {
        activate(v);
      }
    } else {
      if (tree[v] == SOURCE_TREE && parent[v] == a) {
        parent[v] = ORPHAN;
        orphans[orphanCount++] = v;
      }
      if (tree[u] == SINK_TREE && parent[u] == a) {
        parent[u] = ORPHAN;
        orphans[orphanCount++] = u;
      }
    }
  }

  /**
   * Whether every arc whose residual crossed {@code eps} since {@code trees} were closed is marked
   * or in {@link Trees#alsoCheck} (at {@code positions}, unless null) (a check for tests, run with
   * {@code -ea}).
   */
  private boolean marksCoverEveryChange(
      Trees trees, double eps, int[] positions, int positionCount) {
    boolean[] looked = new boolean[trees.arcEnd - trees.arcBegin];
    for (int i = 0; i < r.markCount(); i++) {
      looked[r.marked(i) - trees.arcBegin] = true;
    }
    for (int i = 0; i < (positions == null ? trees.alsoCheck.length : positionCount); i++) {
      looked[trees.alsoCheck[positions == null ? i : positions[i]] - trees.arcBegin] = true;
    }
    for (int a = trees.arcBegin; a < trees.arcEnd; a++) {
      double now = r.residual(a);
      assert looked[a - trees.arcBegin] || (now > eps) == trees.wasOpen(a)
          : "arc " + a + " changed to " + now + " unmarked";
    }
    return true;
  }

  /** Empties the queue, the orphans and the stamps of nodes {@code base .. end - 1}. */
  private void reset(int base, int end) {
    while (queueSize > 0) {
      dequeue(); // a kept search may have left nodes of another block queued
    }
    kept = -1;
    keepSearch = false;
    Arrays.fill(active, base, end, false);
    Arrays.fill(stamp, base, end, 0);
    queueHead = 0;
    queueSize = 0;
    Arrays.fill(activeIn, 0);
    orphanCount = 0;
    time = 0;
  }

  private void plantRoots(int s, int t) {
    source = s;
    sink = t;
    tree[s] = SOURCE_TREE;
    parent[s] = ROOT;
    dist[s] = 0;
    tree[t] = SINK_TREE;
    parent[t] = ROOT;
    dist[t] = 0;
    activate(s);
    activate(t);
  }

  /**
   * The main loop: growth, augmentation and adoption until no augmenting path is left or {@code
   * limit} was added. With {@code stopEarly} it stops as soon as one tree has no active node: that
   * tree is then closed under residual arcs (see the class comment), so no augmenting path is left;
   * without, it runs until no node is active, which closes both trees.
   */
  private double grow(int blocked, double limit, double eps, boolean stopEarly) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] arcRev = g.rev;
    double total = 0;
    while (stopEarly
        ? activeIn[SOURCE_TREE] > 0 && (activeIn[SINK_TREE] > 0 || growSourceOnly)
        : queueSize > 0) {
      int p = queue[queueHead];
      byte side = tree[p];
      if (side == FREE) {
        dequeue();
        continue;
      }
      int meeting = -1;
      int e = arcStart[p + 1];
      int a = cur[p];
      for (; a < e; a++) {
        int q = arcHead[a];
        if (q == blocked) {
          continue;
        }
        if (side == SOURCE_TREE) {
          if (r.residual(a) > eps) {
            byte other = tree[q];
            if (other == FREE) {
              join(q, SOURCE_TREE, a, p);
            } else if (other == SINK_TREE) {
              meeting = a;
              break;
            }
          }
        } else {
          int back = arcRev[a];
          if (r.residual(back) > eps) {
            byte other = tree[q];
            if (other == FREE) {
              join(q, SINK_TREE, back, p);
            } else if (other == SOURCE_TREE) {
              meeting = back;
              break;
            }
          }
        }
      }
      cur[p] = a;
      if (meeting < 0) {
        dequeue();
        continue;
      }
      time++;
      total += push(meeting, eps);
      adopt(eps);
      if (total >= limit) {
        break;
      }
    }
    // the search stopped with its source tree closed only if no node of it is left to scan and
    // the limit did not cut it short
    activeInSourceTreeAtStop = total >= limit ? -1 : activeIn[SOURCE_TREE];
    if (keepSearch) {
      keepSearch = false;
      return total;
    }
    // leave no node marked active for the next call's ranges
    while (queueSize > 0) {
      dequeue();
    }
    return total;
  }

  /**
   * Closed search trees of a maximum flow on one block, with which arcs had a residual above the
   * block's epsilon when they were closed ({@link #closedTrees}); immutable once built, and used by
   * one solver.
   *
   * <p>Design note: a restart only asks of an arc whether its residual was above the epsilon then
   * ({@link #recheck}), so that is kept as one bit per arc ({@link #open}) rather than the residual
   * itself: 3 kB instead of 180 kB on the power-grid family, where a day with a tenth of the lines
   * out rechecks some 1,700 arcs spread over the block, and the doubles read for that had crowded
   * the day's other arrays out of the caches.
   */
  static final class Trees {
    final int base;
    final int end;
    final int arcBegin;
    final int arcEnd;
    final byte[] tree;
    final int[] parent;
    final int[] dist;

    /** Per arc of the block (bit {@code a - arcBegin}): its residual was above {@link #eps}. */
    final long[] open;

    /** The epsilon {@link #open} was taken with. */
    final double eps;

    /** Arcs every restart looks at, marked or not. */
    final int[] alsoCheck;

    /**
     * Per arc of the block (from {@link #arcBegin}): its first position in {@link #alsoCheck}, or
     * -1.
     */
    final int[] positionOf;

    /**
     * Positions in {@link #alsoCheck}, ascending, of the arcs {@link #closedTrees} changed (where
     * they were given and where they were added): the arcs whose residual differs from the state
     * the trees were closed from.
     */
    final int[] changedPositions;

    private Trees(
        int base, int end, int arcBegin, int arcEnd, int[] alsoCheck, int given, double eps) {
      this.alsoCheck = alsoCheck;
      positionOf = new int[arcEnd - arcBegin];
      Arrays.fill(positionOf, -1);
      boolean[] changed = new boolean[arcEnd - arcBegin];
      for (int p = alsoCheck.length - 1; p >= 0; p--) {
        positionOf[alsoCheck[p] - arcBegin] = p;
        if (p >= given) {
          changed[alsoCheck[p] - arcBegin] = true;
        }
      }
      int count = 0;
      for (int a : alsoCheck) {
        if (changed[a - arcBegin]) {
          count++;
        }
      }
      changedPositions = new int[count];
      count = 0;
      for (int p = 0; p < alsoCheck.length; p++) {
        if (changed[alsoCheck[p] - arcBegin]) {
          changedPositions[count++] = p;
        }
      }
      this.base = base;
      this.end = end;
      this.arcBegin = arcBegin;
      this.arcEnd = arcEnd;
      tree = new byte[end - base];
      parent = new int[end - base];
      dist = new int[end - base];
      open = new long[(arcEnd - arcBegin + 63) >>> 6];
      this.eps = eps;
    }

    /** Whether arc {@code a} had a residual above {@link #eps} when the trees were closed. */
    boolean wasOpen(int a) {
      int i = a - arcBegin;
      return (open[i >>> 6] & (1L << i)) != 0;
    }
  }

  /**
   * Adds free node {@code q} to tree {@code side} below {@code from} by tree arc {@code arc}; it
   * becomes active (again, with its scan from its first arc, if it was still queued from an earlier
   * tree).
   */
  private void join(int q, byte side, int arc, int from) {
    tree[q] = side;
    parent[q] = arc;
    stamp[q] = stamp[from];
    dist[q] = dist[from] + 1;
    if (active[q]) {
      activeIn[FREE]--;
      activeIn[side]++;
      cur[q] = g.start[q];
    } else {
      activate(q);
    }
  }

  /**
   * Queues node {@code v} for a scan of all its arcs; if it is already queued, its scan starts
   * again from its first arc (an arc it passed may lead to a node that has since left its tree).
   */
  private void activate(int v) {
    cur[v] = g.start[v];
    if (!active[v]) {
      active[v] = true;
      activeIn[tree[v]]++;
      int slot = queueHead + queueSize;
      if (slot >= queue.length) {
        slot -= queue.length;
      }
      queue[slot] = v;
      queueSize++;
    }
  }

  private void dequeue() {
    int v = queue[queueHead];
    active[v] = false;
    activeIn[tree[v]]--;
    if (++queueHead == queue.length) {
      queueHead = 0;
    }
    queueSize--;
  }

  /** The node an arc leaves. */
  private int tailOf(int a) {
    return g.head[g.rev[a]];
  }

  /**
   * Pushes the bottleneck of the path through arc {@code meeting} (source tree to sink tree),
   * turning the lower ends of saturated tree arcs into orphans; returns the amount.
   */
  private double push(int meeting, double eps) {
    int[] arcHead = g.head;
    int u = tailOf(meeting);
    int v = arcHead[meeting];
    double amount = r.residual(meeting);
    int from = u;
    for (; parent[from] != ROOT; from = tailOf(parent[from])) {
      amount = Math.min(amount, r.residual(parent[from]));
    }
    int to = v;
    for (; parent[to] != ROOT; to = arcHead[parent[to]]) {
      amount = Math.min(amount, r.residual(parent[to]));
    }
    if (from != source) {
      amount = Math.min(amount, excess[from]);
    }
    if (to != sink) {
      amount = Math.min(amount, -excess[to]);
    }
    r.push(meeting, amount);
    int x = u;
    while (parent[x] != ROOT) {
      int a = parent[x];
      int next = tailOf(a);
      r.push(a, amount);
      if (r.residual(a) <= eps) {
        parent[x] = ORPHAN;
        orphans[orphanCount++] = x;
      }
      x = next;
    }
    x = v;
    while (parent[x] != ROOT) {
      int a = parent[x];
      int next = arcHead[a];
      r.push(a, amount);
      if (r.residual(a) <= eps) {
        parent[x] = ORPHAN;
        orphans[orphanCount++] = x;
      }
      x = next;
    }
    if (from != source) {
      excess[from] -= amount;
      assert excess[from] >= -eps : "pushed more than the excess at " + from;
      if (excess[from] <= eps) {
        parent[from] = ORPHAN; // balanced: no longer a root
        orphans[orphanCount++] = from;
      }
    }
    if (to != sink) {
      excess[to] += amount;
      assert excess[to] <= eps : "pushed more than the deficit at " + to;
      if (excess[to] >= -eps) {
        parent[to] = ORPHAN;
        orphans[orphanCount++] = to;
      }
    }
    return amount;
  }

  /** Finds new parents for the orphans, or frees them. */
  private void adopt(double eps) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] arcRev = g.rev;
    while (orphanCount > 0) {
      int p = orphans[--orphanCount];
      if (parent[p] != ORPHAN || tree[p] == FREE) {
        continue; // made a root or already freed since it was cut off
      }
      adoptions++;
      boolean sourceSide = tree[p] == SOURCE_TREE;
      int best = -1;
      int bestDist = INFINITE;
      for (int a = arcStart[p], e = arcStart[p + 1]; a < e; a++) {
        int q = arcHead[a];
        if (tree[q] != tree[p]) {
          continue;
        }
        // the arc that would join p to q: q -> p in the source tree, p -> q in the sink tree
        int link = sourceSide ? arcRev[a] : a;
        if (r.residual(link) <= eps) {
          continue;
        }
        int d = distanceToRoot(q, sourceSide);
        if (d < bestDist) {
          bestDist = d;
          best = link;
        }
      }
      if (best >= 0) {
        parent[p] = best;
        stamp[p] = time;
        dist[p] = bestDist + 1;
        continue;
      }
      leaveTree(p, eps);
    }
  }

  /**
   * Node {@code p} leaves its tree and becomes free: its children there become orphans, and its
   * neighbours there with a residual arc towards it (source tree) or from it (sink tree) are
   * activated, so that the tree stays closed.
   */
  private void leaveTree(int p, double eps) {
    byte side = tree[p];
    boolean sourceSide = side == SOURCE_TREE;
    for (int a = g.start[p], e = g.start[p + 1]; a < e; a++) {
      int q = g.head[a];
      if (tree[q] != side) {
        continue;
      }
      int treeArc = sourceSide ? a : g.rev[a];
      int link = sourceSide ? g.rev[a] : a;
      if (r.residual(link) > eps) {
        activate(q);
      }
      if (parent[q] == treeArc) {
        parent[q] = ORPHAN;
        orphans[orphanCount++] = q;
      }
    }
    if (active[p]) {
      activeIn[side]--;
      activeIn[FREE]++;
    }
    tree[p] = FREE;
  }

  /**
   * Tree arcs from {@code q} to its root, or {@link #INFINITE} when its path meets an orphan; marks
   * the nodes walked with this augmentation's stamp and their distances.
   */
  private int distanceToRoot(int q, boolean sourceSide) {
    int d = 0;
    int j = q;
    while (true) {
      if (stamp[j] == time) {
        d += dist[j];
        break;
      }
      int a = parent[j];
      if (a == ROOT) {
        stamp[j] = time;
        dist[j] = 0;
        break;
      }
      if (a == ORPHAN) {
        return INFINITE;
      }
      d++;
      j = sourceSide ? tailOf(a) : g.head[a];
    }
    int mark = d;
    for (j = q; stamp[j] != time; ) {
      stamp[j] = time;
      dist[j] = mark--;
      int a = parent[j];
      j = sourceSide ? tailOf(a) : g.head[a];
    }
    return d;
  }
}
