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
 */
final class CycleCanceller {
  private static final int MAX_CYCLE_CANCELLATIONS = 1_000_000;

  private final FlowGraph graph;
  private final Residuals r;
  private final double[] potential;
  private final int[] pred;
  private final int[] mark;
  private int walkId;

  CycleCanceller(FlowGraph graph, Residuals r) {
    this.graph = graph;
    this.r = r;
    potential = new double[graph.nodeCount];
    pred = new int[graph.nodeCount];
    mark = new int[graph.nodeCount];
  }

  /** Cancels the negative cycles of block {@code b} (none through its root or sink). */
  void cancelNegativeCycles(Block b) {
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

  /** Bellman-Ford from all nodes at distance 0; returns a node on a negative cycle, or -1. */
  private int findNegativeCycle(Block b, double costEps, double eps) {
    int base = b.base;
    int end = b.end;
    int root = b.storageRoot;
    int t = b.sink;
    int[] arcStart = graph.arcs.start;
    int[] arcHead = graph.arcs.head;
    double[] arcCost = graph.arcCost;
    Arrays.fill(potential, base, end, 0);
    Arrays.fill(pred, base, end, -1);
    int n = end - base;
    for (int pass = 0; pass <= n; pass++) {
      boolean changed = false;
      for (int u = base; u < end; u++) {
        if (u == root || u == t) {
          continue;
        }
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
