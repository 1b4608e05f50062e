package org.corridorrisk.network;

import java.util.Arrays;

/**
 * Dinic's algorithm for the {@link FastPath}'s small contracted graph (one node per search tree): a
 * breadth-first level graph that stops at the sink's depth, then blocking flows by an iterative
 * depth-first walk with current-arc pointers; dead ends leave the level graph for the phase.
 */
final class ContractedDinic implements AugmentingMaxFlow {
  private final Arcs g;
  private final Residuals r;
  private final int[] level;
  private final int[] iter;
  private final int[] queue;
  private final int[] path;

  ContractedDinic(Arcs g, Residuals r, int nodes) {
    this.g = g;
    this.r = r;
    level = new int[nodes];
    iter = new int[nodes];
    queue = new int[nodes];
    path = new int[nodes + 1];
  }

  @Override
  public double augment(int base, int end, int s, int t, int blocked, double limit, double eps) {
    int[] start = g.start;
    int[] head = g.head;
    double total = 0;
    while (true) {
      Arrays.fill(level, base, end, -1);
      if (blocked >= 0) {
        level[blocked] = Integer.MAX_VALUE; // never entered: it is never "unlevelled"
      }
      level[s] = 0;
      queue[0] = s;
      int tail = 1;
      for (int h = 0; h < tail; h++) {
        int v = queue[h];
        if (level[t] >= 0 && level[v] >= level[t]) {
          break; // nodes this deep cannot lie on a shortest path to t
        }
        for (int a = start[v], e = start[v + 1]; a < e; a++) {
          int w = head[a];
          if (level[w] < 0 && r.residual(a) > eps) {
            level[w] = level[v] + 1;
            queue[tail++] = w;
          }
        }
      }
      if (level[t] < 0) {
        return total;
      }
      System.arraycopy(start, base, iter, base, end - base);
      int top = 0;
      int v = s;
      while (true) {
        if (v == t) {
          double bottleneck = r.bottleneck(path, top);
          int firstSaturated = r.pushAlong(path, top, bottleneck, eps);
          total += bottleneck;
          if (total >= limit) {
            return total;
          }
          top = firstSaturated;
          v = top == 0 ? s : head[path[top - 1]];
          continue;
        }
        int a = iter[v];
        int e = start[v + 1];
        while (a < e && (r.residual(a) <= eps || level[head[a]] != level[v] + 1)) {
          a++;
        }
        iter[v] = a;
        if (a < e) {
          path[top++] = a;
          v = head[a];
          continue;
        }
        if (v == s) {
          break;
        }
        level[v] = -1; // dead end for this phase
        top--;
        v = top == 0 ? s : head[path[top - 1]];
        iter[v]++;
      }
    }
  }
}
