package org.corridorrisk.network;

import java.util.Arrays;

/**
 * Push-relabel max-flow (Goldberg and Tarjan) with the heuristics of Cherkassky and Goldberg:
 * highest-label selection, the gap heuristic and global relabelling by a backward breadth-first
 * search from {@code t}; an alternative exact phase to {@link Isap} ({@link
 * SolverOptions#exactMaxFlow}).
 *
 * <p>It works on the residual capacities of {@link Residuals}, so it starts from whatever flow is
 * already there and only tracks the <em>added</em> flow: {@code excess[v]} is what the call has
 * pushed into {@code v} minus what it has pushed out.
 *
 * <ol>
 *   <li><b>Phase 1 (maximum preflow).</b> Distance labels to {@code t} from a backward search over
 *       residual arcs above {@code eps} ({@code s}, {@code blocked} and nodes that cannot reach
 *       {@code t} get label {@code n}: never admissible). Every residual arc out of {@code s} into
 *       a node below label {@code n} is saturated; then the active node (excess above 0, label
 *       below {@code n}) with the highest label is discharged: pushes along admissible arcs
 *       (residual above {@code eps}, label one lower) with current-arc pointers, relabelling when
 *       none is left. When the last node of a label leaves it (gap), every node above it gets label
 *       {@code n}. The labels are recomputed by a backward search after every {@code 16 n}
 *       relabels. The phase ends when no node below label {@code n} is active, or as soon as {@code
 *       t} has received {@code limit}.
 *   <li><b>Phase 2 (preflow to flow).</b> The excess stranded at nodes that cannot reach {@code t}
 *       goes back to {@code s}: push-relabel toward {@code s} (labels: backward search from {@code
 *       s}; {@code t} and {@code blocked} never entered), FIFO order, on every residual above 0.
 *       Every node with excess can reach {@code s} in the residual graph (the added flow that
 *       brought the excess runs from {@code s}; its reverse arcs are residual), so the phase
 *       empties every excess, but for rounding residues of at most {@code eps} that no flow stands
 *       behind (dropped). A saturating push leaves residual exactly 0 and a non-saturating one
 *       leaves excess exactly 0, so the usual termination bound holds in floating point.
 * </ol>
 *
 * <p>The value returned is the excess of {@code t}: after phase 2 it is the net flow the call added
 * out of {@code s}.
 *
 * <p>Design note: on the daily solver's blocks the super source {@code S} has an arc to every
 * source with today's supply; saturating those that reach {@code t} floods the network, and phase 2
 * sends the surplus back. That fixed cost per call wins on a single maximum flow of a binding
 * power-grid day (1.1 to 1.8 times faster than {@link Isap} from zero flow) but loses inside the
 * solver, whose calls start from the reference flow or the greedy rounds' flow and stop at a bound,
 * and above all under {@code sharing: fair} (dozens of small max-flows a day: 1.4 to 2.3 times
 * slower). So it never became the default (ISAP was, then {@link BoykovKolmogorov}); figures in
 * {@code docs/performance.md} ("Push-relabel against ISAP on binding days"). Allocation-free per
 * call: workspaces are sized at construction. Not thread-safe.
 */
final class PushRelabel implements AugmentingMaxFlow {
  private static final int NONE = -1;

  /**
   * Relabels per node between global relabellings. Measured on the binding power-grid days ({@code
   * ExactPhaseCpuTime}, maximum flows from zero): every {@code n} relabels (ISAP's rule) cost 1.4
   * to 1.6 times the CPU of every {@code 16 n}; the gap heuristic already removes most nodes that
   * can no longer reach {@code t}.
   */
  static final int GLOBAL_RELABEL_EVERY = 16;

  private final Arcs g;
  private final Residuals r;

  /** Per local node ({@code v - base}): distance label. */
  private final int[] label;

  /** Per local node: flow added into it minus flow added out of it by this call. */
  private final double[] excess;

  /** Per local node: current arc (global arc index). */
  private final int[] cur;

  /** Per label: first active node (a stack through {@link #activeNext}). */
  private final int[] activeHead;

  private final int[] activeNext;

  /** Per label: first node of that label below {@code n} (doubly linked, for the gap). */
  private final int[] levelHead;

  private final int[] levelNext;
  private final int[] levelPrev;

  /** Breadth-first search queue, then phase 2's FIFO ring. */
  private final int[] queue;

  private final boolean[] queued;
  private final int globalRelabelEvery;

  // State of one call.
  private int base;
  private int n;
  private int maxActive;
  private int maxLevel;
  private int relabels;

  /** Counters since construction: relabels, global relabels, gaps (tests and measurements). */
  long relabelCount;

  long globalRelabelCount;
  long gapCount;

  /**
   * @param nodes node slots of the graph (unused beyond the check; kept for symmetry with {@link
   *     Isap})
   * @param maxRange the most nodes one call's range {@code base .. end - 1} holds
   */
  PushRelabel(Arcs g, Residuals r, int nodes, int maxRange) {
    this(g, r, nodes, maxRange, GLOBAL_RELABEL_EVERY);
  }

  /**
   * @param globalRelabelEvery relabels per node between global relabellings (tests use 1 to
   *     exercise them on small graphs)
   */
  PushRelabel(Arcs g, Residuals r, int nodes, int maxRange, int globalRelabelEvery) {
    if (globalRelabelEvery < 1) {
      throw new IllegalArgumentException("globalRelabelEvery must be >= 1");
    }
    this.globalRelabelEvery = globalRelabelEvery;
    if (maxRange > nodes) {
      throw new IllegalArgumentException("maxRange " + maxRange + " > nodes " + nodes);
    }
    this.g = g;
    this.r = r;
    label = new int[maxRange];
    excess = new double[maxRange];
    cur = new int[maxRange];
    activeHead = new int[maxRange + 1];
    activeNext = new int[maxRange];
    levelHead = new int[maxRange + 1];
    levelNext = new int[maxRange];
    levelPrev = new int[maxRange];
    queue = new int[maxRange];
    queued = new boolean[maxRange];
  }

  @Override
  public double augment(int base, int end, int s, int t, int blocked, double limit, double eps) {
    assert base <= s && s < end && base <= t && t < end && s != t : "terminals in range";
    assert blocked != s && blocked != t : "a terminal cannot be blocked";
    if (!(limit > 0)) {
      return 0;
    }
    this.base = base;
    this.n = end - base;
    if (!globalRelabel(s, t, blocked, eps)) {
      return 0; // s does not reach t: nothing to add
    }
    Arrays.fill(excess, 0, n, 0);
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    for (int a = arcStart[s], e = arcStart[s + 1]; a < e; a++) {
      double c = r.residual(a);
      int w = arcHead[a];
      // Arcs into nodes that cannot reach t (label n; blocked too) stay unsaturated: the labels
      // stay valid (n <= n + 1), and phase 2 would only send that flow back.
      if (c > eps && label[w - base] < n) {
        r.push(a, c);
        excess[w - base] += c;
      }
    }
    rebuildLevels(s, t);
    maximumPreflow(s, t, limit, eps, blocked);
    double value = excess[t - base];
    returnExcess(s, t, blocked, eps);
    return value;
  }

  /** Phase 1: discharges active nodes, highest label first, until none is left or t has limit. */
  private void maximumPreflow(int s, int t, double limit, double eps, int blocked) {
    int tl = t - base;
    relabels = 0;
    while (excess[tl] < limit) {
      while (maxActive > 0 && activeHead[maxActive] == NONE) {
        maxActive--;
      }
      if (maxActive <= 0) {
        break;
      }
      int i = activeHead[maxActive];
      activeHead[maxActive] = activeNext[i];
      discharge(i, tl, eps);
      assert excess[i] >= 0 : "a preflow: no deficit at a node but s";
      if (relabels >= (long) n * globalRelabelEvery) {
        relabels = 0;
        globalRelabel(s, t, blocked, eps);
        rebuildLevels(s, t);
      }
    }
    assert excess[tl] >= limit || noActiveBelowN(s, t) : "phase 1 ends with no active node";
  }

  /**
   * Pushes the excess of local node {@code i} along admissible arcs, relabelling when none is left,
   * until it is 0 or the node's label reaches {@code n}.
   */
  private void discharge(int i, int tl, double eps) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int v = base + i;
    int d = label[i];
    int a = cur[i];
    int e = arcStart[v + 1];
    while (true) {
      for (; a < e; a++) {
        double c = r.residual(a);
        if (c <= eps) {
          continue;
        }
        int j = arcHead[a] - base;
        if (label[j] != d - 1) {
          continue;
        }
        double delta = Math.min(excess[i], c);
        r.push(a, delta);
        excess[i] -= delta;
        if (excess[j] == 0 && j != tl) {
          activate(j);
        }
        excess[j] += delta;
        if (excess[i] == 0) {
          cur[i] = a;
          return;
        }
      }
      // No admissible arc: relabel to one more than the lowest residual neighbour.
      int lowest = n;
      int lowestArc = arcStart[v];
      for (int b = arcStart[v]; b < e; b++) {
        if (r.residual(b) > eps) {
          int l = label[arcHead[b] - base];
          if (l < lowest) {
            lowest = l;
            lowestArc = b;
          }
        }
      }
      relabels++;
      relabelCount++;
      if (levelHead[d] == i && levelNext[i] == NONE) {
        gap(i, d);
        return;
      }
      unlink(i, d);
      int next = lowest + 1;
      assert next > d : "a relabel raises the label";
      if (next >= n) {
        label[i] = n; // cannot reach t: phase 2 returns its excess
        return;
      }
      label[i] = next;
      link(i, next);
      d = next;
      a = lowestArc;
    }
  }

  /**
   * Local node {@code i}, alone at label {@code d}, is being relabelled: no node at label {@code d}
   * or above can reach t any more, so all of them get label {@code n}.
   */
  private void gap(int i, int d) {
    gapCount++;
    for (int k = d + 1; k <= maxLevel; k++) {
      assert activeHead[k] == NONE : "highest label first: no active node above the gap";
      for (int j = levelHead[k]; j != NONE; j = levelNext[j]) {
        label[j] = n;
      }
      levelHead[k] = NONE;
    }
    levelHead[d] = NONE;
    label[i] = n;
    maxLevel = d - 1;
  }

  private void activate(int j) {
    int l = label[j];
    assert l < n : "only nodes that can reach t are activated";
    activeNext[j] = activeHead[l];
    activeHead[l] = j;
    if (l > maxActive) {
      maxActive = l;
    }
  }

  private void link(int i, int d) {
    int h = levelHead[d];
    levelNext[i] = h;
    levelPrev[i] = NONE;
    if (h != NONE) {
      levelPrev[h] = i;
    }
    levelHead[d] = i;
    if (d > maxLevel) {
      maxLevel = d;
    }
  }

  private void unlink(int i, int d) {
    int p = levelPrev[i];
    int q = levelNext[i];
    if (p == NONE) {
      levelHead[d] = q;
    } else {
      levelNext[p] = q;
    }
    if (q != NONE) {
      levelPrev[q] = p;
    }
  }

  /**
   * Exact distance labels to {@code t} over residual arcs above {@code eps} ({@code n} when
   * unreachable; {@code s} and {@code blocked} always {@code n}, never expanded), current arcs
   * reset; returns whether {@code s} reaches {@code t}.
   */
  private boolean globalRelabel(int s, int t, int blocked, double eps) {
    globalRelabelCount++;
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] arcRev = g.rev;
    Arrays.fill(label, 0, n, n);
    boolean reachesSource = false;
    label[t - base] = 0;
    queue[0] = t;
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int w = queue[head];
      int next = label[w - base] + 1;
      for (int b = arcStart[w], e = arcStart[w + 1]; b < e; b++) {
        int u = arcHead[b];
        if (u == s) {
          reachesSource |= r.residual(arcRev[b]) > eps;
          continue;
        }
        if (label[u - base] == n && u != blocked && r.residual(arcRev[b]) > eps) {
          label[u - base] = next;
          queue[tail++] = u;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      cur[i] = arcStart[base + i];
    }
    assert validLabels(s, t, eps);
    return reachesSource;
  }

  /** Level lists and active stacks from the labels and excesses. */
  private void rebuildLevels(int s, int t) {
    Arrays.fill(levelHead, 0, n + 1, NONE);
    Arrays.fill(activeHead, 0, n + 1, NONE);
    maxLevel = 0;
    maxActive = 0;
    int sl = s - base;
    int tl = t - base;
    for (int i = 0; i < n; i++) {
      if (i != sl && i != tl && label[i] < n) {
        link(i, label[i]);
        if (excess[i] > 0) {
          activate(i);
        }
      }
    }
  }

  /**
   * Phase 2: returns every excess but t's to s, by push-relabel toward s on residuals above 0
   * (FIFO), never entering t or {@code blocked}.
   */
  private void returnExcess(int s, int t, int blocked, double eps) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] arcRev = g.rev;
    int sl = s - base;
    int tl = t - base;
    boolean stranded = false;
    for (int i = 0; i < n && !stranded; i++) {
      stranded = i != sl && i != tl && excess[i] > 0;
    }
    if (!stranded) {
      return;
    }
    // Labels: distance to s over residual arcs above 0.
    Arrays.fill(label, 0, n, n);
    label[sl] = 0;
    queue[0] = s;
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int w = queue[head];
      int next = label[w - base] + 1;
      for (int b = arcStart[w], e = arcStart[w + 1]; b < e; b++) {
        int u = arcHead[b];
        if (label[u - base] == n && u != t && u != blocked && r.residual(arcRev[b]) > 0) {
          label[u - base] = next;
          queue[tail++] = u;
        }
      }
    }
    // FIFO ring of nodes with excess.
    int head = 0;
    int size = 0;
    for (int i = 0; i < n; i++) {
      queued[i] = false;
      if (i != sl && i != tl && excess[i] > 0) {
        if (label[i] < n) {
          queue[size++] = i;
          queued[i] = true;
        } else {
          dropResidue(i, eps);
        }
      }
    }
    while (size > 0) {
      int i = queue[head];
      head = head + 1 == n ? 0 : head + 1;
      size--;
      queued[i] = false;
      int v = base + i;
      int a = arcStart[v];
      int e = arcStart[v + 1];
      int d = label[i];
      while (excess[i] > 0) {
        for (; a < e && excess[i] > 0; a++) {
          double c = r.residual(a);
          int j = arcHead[a] - base;
          if (c > 0 && label[j] == d - 1) {
            double delta = Math.min(excess[i], c);
            r.push(a, delta);
            excess[i] -= delta;
            excess[j] += delta;
            if (j != sl && !queued[j]) {
              int at = head + size;
              queue[at >= n ? at - n : at] = j;
              size++;
              queued[j] = true;
            }
          }
        }
        if (excess[i] == 0) {
          break;
        }
        int lowest = n;
        for (int b = arcStart[v]; b < e; b++) {
          if (r.residual(b) > 0) {
            lowest = Math.min(lowest, label[arcHead[b] - base]);
          }
        }
        if (lowest >= n) {
          dropResidue(i, eps);
          break;
        }
        d = lowest + 1;
        label[i] = d;
        a = arcStart[v];
      }
    }
    assert noExcessBut(sl, tl) : "phase 2 leaves excess only at s and t";
  }

  /**
   * Local node {@code i} has excess but no residual way back to s. In exact arithmetic that cannot
   * happen (the added flow that brought the excess runs from s, and its reverse arcs are residual);
   * in floating point, a node that received 0.1 and 0.2 and sent both back along the saturated
   * reverse arcs keeps an excess of about 5.6e-17 that no flow stands behind. Such a rounding
   * residue (at most {@code eps}) is dropped.
   */
  private void dropResidue(int i, double eps) {
    assert excess[i] <= eps : "excess " + excess[i] + " at " + (base + i) + " cannot return to s";
    excess[i] = 0;
  }

  // Invariant checks (assert only).

  /** Every residual arc above eps between nodes below label n descends at most one label. */
  private boolean validLabels(int s, int t, double eps) {
    for (int i = 0; i < n; i++) {
      int v = base + i;
      if (label[i] >= n) {
        continue;
      }
      for (int b = g.start[v], e = g.start[v + 1]; b < e; b++) {
        int w = g.head[b];
        assert w >= base && w < base + n : "arc " + b + " leaves the range";
        if (r.residual(b) > eps && label[w - base] < n && label[i] > label[w - base] + 1) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean noActiveBelowN(int s, int t) {
    for (int i = 0; i < n; i++) {
      if (base + i != s && base + i != t && excess[i] > 0 && label[i] < n) {
        return false;
      }
    }
    return true;
  }

  private boolean noExcessBut(int sl, int tl) {
    for (int i = 0; i < n; i++) {
      if (i != sl && i != tl && excess[i] != 0) {
        return false;
      }
    }
    return true;
  }
}
