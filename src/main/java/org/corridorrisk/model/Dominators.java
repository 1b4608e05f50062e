package org.corridorrisk.model;

import java.util.Arrays;

/**
 * Immediate dominators of a directed graph from one root: node {@code d} dominates {@code v} when
 * every path from the root to {@code v} passes through {@code d}, and the immediate dominator is
 * the closest such node. The dominators of {@code v} are then its ancestors in the tree of
 * immediate dominators.
 *
 * <p>Design note: the iterative method of Cooper, Harvey and Kennedy ("A Simple, Fast Dominance
 * Algorithm", 2001): nodes in reverse postorder of a depth-first search, each node's dominator the
 * common ancestor of its processed predecessors' dominators, repeated until nothing changes. It
 * takes a few passes on the networks here (a pass is linear in the arcs). Lengauer and Tarjan's
 * almost-linear algorithm was rejected as several times the code for no gain at these sizes;
 * JGraphT has no dominator algorithm.
 */
final class Dominators {
  /** {@link #immediate} of a node the root does not reach. */
  static final int UNREACHED = -1;

  private Dominators() {}

  /**
   * Immediate dominators of nodes {@code 0 .. n-1} from {@code root}, whose arcs are {@code
   * heads[start[v]] .. heads[start[v + 1] - 1]} (compressed rows): the root's own entry is the
   * root, a node the root does not reach gets {@link #UNREACHED}.
   */
  static int[] immediate(int n, int[] start, int[] heads, int root) {
    int[] order = new int[n]; // reverse postorder: order[0] = root
    int[] postNumber = new int[n]; // position in postorder, higher = earlier in reverse postorder
    Arrays.fill(postNumber, -1);
    int count = depthFirstPostorder(n, start, heads, root, order, postNumber);
    // predecessors of reached nodes, as compressed rows
    int[] predStart = new int[n + 1];
    for (int v = 0; v < n; v++) {
      if (postNumber[v] < 0) {
        continue;
      }
      for (int a = start[v]; a < start[v + 1]; a++) {
        predStart[heads[a] + 1]++;
      }
    }
    for (int v = 0; v < n; v++) {
      predStart[v + 1] += predStart[v];
    }
    int[] preds = new int[predStart[n]];
    int[] fill = Arrays.copyOf(predStart, n);
    for (int v = 0; v < n; v++) {
      if (postNumber[v] < 0) {
        continue;
      }
      for (int a = start[v]; a < start[v + 1]; a++) {
        preds[fill[heads[a]]++] = v;
      }
    }
    int[] idom = new int[n];
    Arrays.fill(idom, UNREACHED);
    idom[root] = root;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int i = 1; i < count; i++) {
        int v = order[i];
        int candidate = UNREACHED;
        for (int p = predStart[v]; p < predStart[v + 1]; p++) {
          int u = preds[p];
          if (idom[u] == UNREACHED) {
            continue; // not processed yet in this pass
          }
          candidate = candidate == UNREACHED ? u : commonDominator(u, candidate, idom, postNumber);
        }
        if (candidate != idom[v]) {
          idom[v] = candidate;
          changed = true;
        }
      }
    }
    return idom;
  }

  /** The nearest common ancestor of {@code a} and {@code b} in the current dominator tree. */
  private static int commonDominator(int a, int b, int[] idom, int[] postNumber) {
    while (a != b) {
      while (postNumber[a] < postNumber[b]) {
        a = idom[a];
      }
      while (postNumber[b] < postNumber[a]) {
        b = idom[b];
      }
    }
    return a;
  }

  /**
   * Iterative depth-first search from {@code root}: fills {@code postNumber} (the postorder
   * position of each reached node) and {@code order} with the reached nodes in reverse postorder;
   * returns how many were reached.
   */
  private static int depthFirstPostorder(
      int n, int[] start, int[] heads, int root, int[] order, int[] postNumber) {
    int[] stack = new int[n];
    int[] next = new int[n]; // per node on the stack: its next arc to follow
    boolean[] seen = new boolean[n];
    int depth = 0;
    int posted = 0;
    stack[depth++] = root;
    seen[root] = true;
    next[root] = start[root];
    int[] post = new int[n];
    while (depth > 0) {
      int v = stack[depth - 1];
      if (next[v] < start[v + 1]) {
        int w = heads[next[v]++];
        if (!seen[w]) {
          seen[w] = true;
          next[w] = start[w];
          stack[depth++] = w;
        }
      } else {
        depth--;
        postNumber[v] = posted;
        post[posted++] = v;
      }
    }
    for (int i = 0; i < posted; i++) {
      order[i] = post[posted - 1 - i];
    }
    return posted;
  }
}
