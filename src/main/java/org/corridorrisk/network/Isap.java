package org.corridorrisk.network;

import java.util.Arrays;

/**
 * Improved shortest augmenting path (ISAP), an exact phase of the daily max-flow (the default is
 * {@link BoykovKolmogorov}; docs/performance.md, "Issue 15, session 5"): exact distance labels
 * toward {@code t} from one backward breadth-first search, then an iterative depth-first walk along
 * admissible arcs ({@code d[v] = d[w] + 1}) with current-arc pointers, relabelling dead ends; it
 * stops when a label value empties (gap: no augmenting path is left) and recomputes all labels by a
 * backward search after every {@code n} relabels, or after {@code n / 8} relabels without an
 * augmenting path (a search that keeps failing is usually proving maximality, which one backward
 * search does at once: on warm-started binding days this halved the exact phase). Iterative, so
 * deep paths on large networks cannot overflow the stack.
 *
 * <p>Design note: it replaced Dinic's algorithm, whose breadth-first search per phase cost 5 to 10
 * times more on the power grid (dozens of phases, each scanning most of the graph). Push-relabel
 * ({@link PushRelabel}, selectable by {@link SolverOptions#exactMaxFlow}) is faster on a single
 * maximum flow from zero on binding days but slower inside the solver, above all under fair sharing
 * (docs/performance.md).
 */
final class Isap implements AugmentingMaxFlow {
  private final Arcs g;
  private final Residuals r;
  private final int[] dist;
  private final int[] count;
  private final int[] cur;
  private final int[] queue;
  private final int[] path;

  /**
   * @param nodes node slots of the graph
   * @param maxRange the most nodes one call's range {@code base .. end - 1} holds
   */
  Isap(Arcs g, Residuals r, int nodes, int maxRange) {
    this.g = g;
    this.r = r;
    dist = new int[maxRange];
    count = new int[maxRange + 2];
    cur = new int[nodes];
    queue = new int[nodes];
    path = new int[maxRange + 1];
  }

  @Override
  public double augment(int base, int end, int s, int t, int blocked, double limit, double eps) {
    int n = end - base;
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    if (!globalRelabel(base, end, s, t, blocked, eps)) {
      return 0;
    }
    double total = 0;
    int relabels = 0;
    int relabelsSinceAugment = 0;
    int failingSearch = Math.max(1, n >> 3);
    int top = 0;
    int v = s;
    while (dist[s - base] < n) {
      if (v == t) {
        double bottleneck = r.bottleneck(path, top);
        relabelsSinceAugment = 0;
        int firstSaturated = r.pushAlong(path, top, bottleneck, eps);
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
      while (a < e && (r.residual(a) <= eps || dist[arcHead[a] - base] != below)) {
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
        if (r.residual(b) > eps) {
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
      if (++relabels >= n || ++relabelsSinceAugment >= failingSearch) {
        relabels = 0;
        relabelsSinceAugment = 0;
        if (!globalRelabel(base, end, s, t, blocked, eps)) {
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
  private boolean globalRelabel(int base, int end, int s, int t, int blocked, double eps) {
    int n = end - base;
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] arcRev = g.rev;
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
        if (dist[u - base] == n && u != blocked && r.residual(arcRev[b]) > eps) {
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
}
