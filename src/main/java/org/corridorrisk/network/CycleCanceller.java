package org.corridorrisk.network;

import java.util.Arrays;

/**
 * Makes a flow the cheapest one with the same terminal flows: cancels negative-cost cycles of the
 * residual graph that avoid the storage root and the super sink (so deliveries, withdrawals and
 * injections stay as they are; the split among sources may change), then cancels flow running both
 * ways over a four-arc undirected link.
 *
 * <p>Negative cycles are found by Bellman-Ford passes from all nodes at distance 0 with a check of
 * the predecessor graph after every pass. Rejected: successive shortest paths for every phase of
 * the daily solve (the phases change arc capacities, which breaks the reduced-cost invariant).
 *
 * <p>Design note: restarting Bellman-Ford for every cycle costs (cycles x passes x arcs), about the
 * square of the network's size: on the 4,941-node power grid with a tariff on every line, 1,466
 * cycles a day of 12 passes each, 3.7 s a day (docs/performance.md, "Scenario families beyond the
 * grid"). Blocks of at least {@link SolverOptions#keptLabelCyclesMinNodes} nodes therefore keep
 * their labels from one cancelled cycle to the next ({@link #cancelWithKeptLabels}): a label-
 * correcting search with a first-in, first-out queue, whose predecessor graph is checked for a
 * cycle after every {@code n} scans; a cancelled cycle only re-queues its own nodes (the tails of
 * the arcs it opened). It ends when no residual arc can lower a label, which proves that no
 * negative cycle is left whatever labels it started from. It may cancel other cycles in another
 * order than the restarting search, so on large blocks it can reach another flow of the same cost;
 * small blocks keep the restarting search and their flows bit for bit.
 */
final class CycleCanceller {
  private static final int MAX_CYCLE_CANCELLATIONS = 1_000_000;

  private final FlowGraph graph;
  private final Residuals r;
  private final double[] potential;
  private final int[] pred;
  private final int[] mark;
  private final int[] queue;
  private final boolean[] queued;
  private final int keptLabelsMinNodes;
  private int walkId;
  private int queueHead;
  private int queueSize;
  private int queueLength;

  CycleCanceller(FlowGraph graph, Residuals r, int keptLabelsMinNodes) {
    this.graph = graph;
    this.r = r;
    this.keptLabelsMinNodes = keptLabelsMinNodes;
    potential = new double[graph.nodeCount];
    pred = new int[graph.nodeCount];
    mark = new int[graph.nodeCount];
    queue = new int[graph.nodeCount];
    queued = new boolean[graph.nodeCount];
  }

  /** Cancels the negative cycles of block {@code b} (none through its root or sink). */
  void cancelNegativeCycles(Block b) {
    if (b.end - b.base >= keptLabelsMinNodes) {
      cancelWithKeptLabels(b);
      return;
    }
    double eps = b.flowEpsilon;
    double costEps = b.costEpsilon;
    int[] arcTail = graph.arcTail;
    for (int iteration = 0; iteration < MAX_CYCLE_CANCELLATIONS; iteration++) {
      int x = findNegativeCycle(b, costEps, eps);
      if (x < 0) {
        return;
      }
      double bottleneck = Double.POSITIVE_INFINITY;
      double cycleCost = 0;
      int v = x;
      do {
        int a = pred[v];
        bottleneck = Math.min(bottleneck, r.residual(a));
        cycleCost += graph.arcCost[a];
        v = arcTail[a];
      } while (v != x);
      if (!(cycleCost < -costEps) || !(bottleneck > eps)) {
        return;
      }
      v = x;
      do {
        int a = pred[v];
        r.push(a, bottleneck);
        v = arcTail[a];
      } while (v != x);
    }
  }

  /**
   * Cancels the negative cycles of block {@code b} with labels kept from one cycle to the next (see
   * the class comment). Labels only fall, so a cycle of the predecessor graph has a negative cost
   * (its arc set last fell by more than the cost tolerance); one through an arc that a cancellation
   * has since closed is not cancelled, and that arc leaves the predecessor graph.
   */
  private void cancelWithKeptLabels(Block b) {
    int base = b.base;
    int end = b.end;
    int root = b.storageRoot;
    int t = b.sink;
    int n = end - base;
    double eps = b.flowEpsilon;
    double costEps = b.costEpsilon;
    int[] arcTail = graph.arcTail;
    double[] arcCost = graph.arcCost;
    Arrays.fill(potential, base, end, 0);
    Arrays.fill(pred, base, end, -1);
    queueHead = 0;
    queueSize = 0;
    queueLength = n;
    Arrays.fill(queued, base, end, false);
    for (int u = base; u < end; u++) {
      if (u != root && u != t) {
        enqueue(u);
      }
    }
    int cancelled = 0;
    int scans = 0;
    while (queueSize > 0) {
      int u = queue[queueHead];
      queueHead = queueHead + 1 == n ? 0 : queueHead + 1;
      queueSize--;
      queued[u] = false;
      relaxArcsOf(u, root, t, eps, costEps, true);
      if (++scans < n) {
        continue;
      }
      scans = 0;
      for (int x = cycleInPredecessors(base, end); x >= 0; x = cycleInPredecessors(base, end)) {
        if (++cancelled > MAX_CYCLE_CANCELLATIONS) {
          return;
        }
        double bottleneck = Double.POSITIVE_INFINITY;
        double cycleCost = 0;
        int closed = -1;
        int v = x;
        do {
          int a = pred[v];
          double residual = r.residual(a);
          if (!(residual > eps)) {
            closed = v;
          }
          bottleneck = Math.min(bottleneck, residual);
          cycleCost += arcCost[a];
          v = arcTail[a];
        } while (v != x);
        if (closed >= 0 || !(cycleCost < -costEps)) {
          pred[closed >= 0 ? closed : x] = -1;
          continue;
        }
        v = x;
        do {
          int a = pred[v];
          r.push(a, bottleneck);
          // the reverse of a, out of v, now has a residual: v must be scanned again
          enqueue(v);
          v = arcTail[a];
        } while (v != x);
        v = x;
        do {
          int a = pred[v];
          int tail = arcTail[a];
          if (!(r.residual(a) > eps)) {
            pred[v] = -1;
          }
          v = tail;
        } while (v != x);
      }
    }
  }

  /** Bellman-Ford from all nodes at distance 0; returns a node on a negative cycle, or -1. */
  private int findNegativeCycle(Block b, double costEps, double eps) {
    int base = b.base;
    int end = b.end;
    int root = b.storageRoot;
    int t = b.sink;
    Arrays.fill(potential, base, end, 0);
    Arrays.fill(pred, base, end, -1);
    int n = end - base;
    for (int pass = 0; pass <= n; pass++) {
      boolean changed = false;
      for (int u = base; u < end; u++) {
        if (u != root && u != t) {
          changed |= relaxArcsOf(u, root, t, eps, costEps, false);
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

  /**
   * Lowers the labels that the residual arcs out of {@code u} can lower (none into {@code root} or
   * {@code t}); with {@code queueing}, queues each lowered node that is not queued. Returns whether
   * any label fell.
   */
  private boolean relaxArcsOf(
      int u, int root, int t, double eps, double costEps, boolean queueing) {
    int[] arcStart = graph.arcs.start;
    int[] arcHead = graph.arcs.head;
    double[] arcCost = graph.arcCost;
    boolean fell = false;
    double du = potential[u];
    for (int a = arcStart[u], e = arcStart[u + 1]; a < e; a++) {
      if (r.residual(a) > eps) {
        int w = arcHead[a];
        if (w == root || w == t) {
          continue;
        }
        double candidate = du + arcCost[a];
        if (candidate < potential[w] - costEps) {
          potential[w] = candidate;
          pred[w] = a;
          fell = true;
          if (queueing) {
            enqueue(w);
          }
        }
      }
    }
    return fell;
  }

  private void enqueue(int w) {
    if (!queued[w]) {
      queued[w] = true;
      int slot = queueHead + queueSize;
      queue[slot < queueLength ? slot : slot - queueLength] = w;
      queueSize++;
    }
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
        x = graph.arcTail[a];
      }
    }
    return -1;
  }

  /** Four-arc undirected links: cancel flow running both ways at once (keeps the cheapest flow). */
  void cancelOpposingFlows(NetworkIndex net, int commodity) {
    for (int l : net.linksOf(commodity)) {
      int b = graph.linkArcBackward[l];
      if (b < 0) {
        continue;
      }
      int a = graph.linkArcForward[l];
      double both = Math.min(r.flow(a), r.flow(b));
      if (both > 0) {
        r.push(a, -both);
        r.push(b, -both);
      }
    }
  }
}
