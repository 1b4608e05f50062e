package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The undisturbed day's flow of one commodity, decomposed into source-to-sink paths, used to start
 * a daily max-flow from a feasible flow instead of from zero (the "reference paths"; not to be
 * confused with the {@link GreedyStart}, which builds a flow from scratch each day).
 *
 * <p>Design note: on large networks where most of the flow is unaffected by a day's outages (e.g. a
 * power grid with 5% of its lines down), a cold max-flow re-routes every unit every day. Here the
 * flow of the undisturbed day (everything up, nominal rates) is computed once and split into paths.
 * On a later day every path whose arcs all kept at least their nominal capacity is installed as it
 * is (the union of such paths is feasible: each arc carries at most its nominal flow, which was
 * within its nominal capacity); the max-flow then only augments what the dropped paths carried. The
 * answer is a maximum flow like the cold one, and it depends only on the day's input (the reference
 * is a fixed function of the network), so the solver stays deterministic and history-free. Used
 * only where "any maximum flow" is the contract: one priority tier, no storage, no costs, and a day
 * on which the tier's sinks are capped at their full demand. Rejected: warm-starting from the
 * previous day's flow (results would depend on the call history, breaking the thread-count
 * invariance and the flow memo).
 *
 * <p>Not thread-safe: one per solver.
 */
final class ReferencePaths {
  /** Capacity of each arc of the block in the reference day (index arc - arcBegin). */
  private final double[] nominalCap;

  private final int arcBegin;
  private final int[] pathStart;
  private final int[] pathArcs;
  private final double[] pathFlow;
  private final int pathCount;

  /** Inverted index: arc (block offset) -> paths through it. */
  private final int[] arcPathStart;

  private final int[] arcPaths;
  private final int[] droppedStamp;
  private int stamp;

  private ReferencePaths(
      double[] nominalCap,
      int arcBegin,
      int[] pathStart,
      int[] pathArcs,
      double[] pathFlow,
      int pathCount) {
    this.nominalCap = nominalCap;
    this.arcBegin = arcBegin;
    this.pathStart = pathStart;
    this.pathArcs = pathArcs;
    this.pathFlow = pathFlow;
    this.pathCount = pathCount;
    int arcs = nominalCap.length;
    arcPathStart = new int[arcs + 1];
    for (int p = 0; p < pathCount; p++) {
      for (int i = pathStart[p]; i < pathStart[p + 1]; i++) {
        arcPathStart[pathArcs[i] - arcBegin + 1]++;
      }
    }
    for (int a = 0; a < arcs; a++) {
      arcPathStart[a + 1] += arcPathStart[a];
    }
    arcPaths = new int[arcPathStart[arcs]];
    int[] fill = Arrays.copyOf(arcPathStart, arcs);
    for (int p = 0; p < pathCount; p++) {
      for (int i = pathStart[p]; i < pathStart[p + 1]; i++) {
        arcPaths[fill[pathArcs[i] - arcBegin]++] = p;
      }
    }
    droppedStamp = new int[pathCount];
  }

  /**
   * Decomposes the flow on the arcs of block {@code b} into paths from its source to its sink;
   * cycles of flow are cancelled, flows at or below the block's epsilon ignored (the installed flow
   * is then at most the reference flow on every arc). The capacities in {@code r} are kept as the
   * nominal ones.
   */
  static ReferencePaths decompose(FlowGraph graph, Block b, Residuals r) {
    int begin = b.arcBegin;
    int end = b.arcEnd;
    int base = b.base;
    int n = b.size();
    int s = b.source;
    int t = b.sink;
    double eps = b.flowEpsilon;
    int[] arcStart = graph.arcs.start;
    int[] arcHead = graph.arcs.head;
    double[] left = new double[end - begin];
    for (int a = begin; a < end; a++) {
      double f = r.flow(a);
      left[a - begin] = f > eps ? f : 0;
    }
    int[] ptr = new int[n];
    for (int v = 0; v < n; v++) {
      ptr[v] = arcStart[base + v];
    }
    int[] onPath = new int[n];
    Arrays.fill(onPath, -1);
    int[] path = new int[n + 1];
    int[] starts = new int[16];
    int[] arcsOut = new int[1024];
    double[] flows = new double[16];
    int paths = 0;
    int used = 0;
    int top = 0;
    int v = s;
    onPath[s - base] = 0;
    while (true) {
      if (v == t) {
        double f = Double.POSITIVE_INFINITY;
        for (int i = 0; i < top; i++) {
          f = Math.min(f, left[path[i] - begin]);
        }
        if (paths + 2 > starts.length) {
          starts = Arrays.copyOf(starts, starts.length * 2);
          flows = Arrays.copyOf(flows, flows.length * 2);
        }
        if (used + top > arcsOut.length) {
          arcsOut = Arrays.copyOf(arcsOut, Math.max(arcsOut.length * 2, used + top));
        }
        starts[paths] = used;
        for (int i = 0; i < top; i++) {
          left[path[i] - begin] -= f;
          arcsOut[used++] = path[i];
        }
        flows[paths++] = f;
        for (int i = 0; i < top; i++) {
          onPath[arcHead[path[i]] - base] = -1;
        }
        top = 0;
        v = s;
        continue;
      }
      int e = arcStart[v + 1];
      int a = ptr[v - base];
      while (a < e && left[a - begin] <= eps) {
        a++;
      }
      ptr[v - base] = a;
      if (a == e) {
        if (v == s) {
          break;
        }
        // flow into v that does not continue (rounding): drop the arc that led here
        int back = path[--top];
        left[back - begin] = 0;
        onPath[v - base] = -1;
        v = graph.arcTail[back];
        continue;
      }
      int w = arcHead[a];
      int at = onPath[w - base];
      if (at >= 0) {
        // a cycle w -> ... -> v -> w: cancel it
        double f = left[a - begin];
        for (int i = at; i < top; i++) {
          f = Math.min(f, left[path[i] - begin]);
        }
        left[a - begin] -= f;
        for (int i = at; i < top; i++) {
          left[path[i] - begin] -= f;
          onPath[arcHead[path[i]] - base] = -1;
        }
        onPath[w - base] = at;
        top = at;
        v = w;
        continue;
      }
      path[top++] = a;
      onPath[w - base] = top;
      v = w;
    }
    starts[paths] = used;
    double[] nominal = new double[end - begin];
    for (int a = begin; a < end; a++) {
      nominal[a - begin] = r.capacity(a);
    }
    return new ReferencePaths(
        nominal,
        begin,
        Arrays.copyOf(starts, paths + 1),
        Arrays.copyOf(arcsOut, used),
        Arrays.copyOf(flows, paths),
        paths);
  }

  /**
   * Installs the reference paths that fit today's capacities into {@code r}, which must hold the
   * zero flow on the block; returns the flow installed.
   */
  double install(Residuals r) {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(droppedStamp, 0);
      stamp = 1;
    }
    for (int i = 0; i < nominalCap.length; i++) {
      if (r.capacity(arcBegin + i) < nominalCap[i]) {
        for (int k = arcPathStart[i]; k < arcPathStart[i + 1]; k++) {
          droppedStamp[arcPaths[k]] = stamp;
        }
      }
    }
    double total = 0;
    for (int p = 0; p < pathCount; p++) {
      if (droppedStamp[p] == stamp) {
        continue;
      }
      double f = pathFlow[p];
      for (int i = pathStart[p]; i < pathStart[p + 1]; i++) {
        r.push(pathArcs[i], f);
      }
      total += f;
    }
    return total;
  }

  int pathCount() {
    return pathCount;
  }
}
