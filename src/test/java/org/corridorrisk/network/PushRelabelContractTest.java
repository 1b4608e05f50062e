package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The max-flow contract for push-relabel, plus what the small contract graphs do not reach: larger
 * graphs (gaps, global relabels and phase 2 with many stranded excesses, against ISAP) and {@code
 * limit}.
 */
class PushRelabelContractTest extends AugmentingMaxFlowContractTest {
  private static final double EPS = 1e-12;
  private static final double TOL = 1e-9;

  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new PushRelabel(g, r, nodes, nodes);
  }

  @Override
  boolean exact() {
    return true;
  }

  @Test
  void augment_onLargerGraphs_matchesIsapAndLeavesAFlow() {
    SplittableRandom seeds = new SplittableRandom(1515);
    long gaps = 0;
    long globals = 0;
    for (int k = 0; k < 200; k++) {
      long seed = seeds.nextLong();
      RandomGraph g = largerGraph(new SplittableRandom(seed));
      int s = 0;
      int t = g.nodes() - 1;
      int blocked = k % 3 == 0 ? 1 : -1;
      Residuals forIsap = residualsOf(g);
      Residuals forPush = residualsOf(g);
      if (k % 2 == 0) {
        // the same non-zero feasible start for both: one augmenting path each
        new Isap(g.arcs(), forIsap, g.nodes(), g.nodes())
            .augment(0, g.nodes(), s, t, blocked, 1e-9, EPS);
        new Isap(g.arcs(), forPush, g.nodes(), g.nodes())
            .augment(0, g.nodes(), s, t, blocked, 1e-9, EPS);
      }
      double isap =
          new Isap(g.arcs(), forIsap, g.nodes(), g.nodes())
              .augment(0, g.nodes(), s, t, blocked, Double.POSITIVE_INFINITY, EPS);
      // global relabelling after every n relabels (the default, 16 n, seldom comes on these sizes)
      PushRelabel push = new PushRelabel(g.arcs(), forPush, g.nodes(), g.nodes(), 1);
      double added = push.augment(0, g.nodes(), s, t, blocked, Double.POSITIVE_INFINITY, EPS);
      String where = "seed " + seed;
      checkFeasible(g, forPush, s, t, where);
      assertEquals(isap, added, TOL * g.nodes(), "same maximum as ISAP, " + where);
      gaps += push.gapCount;
      globals += push.globalRelabelCount;
    }
    // the cases exercise the heuristics (counts depend only on the seeded graphs): every call
    // relabels globally once at its start, so more than 200 means some relabelled after n relabels
    assertTrue(gaps > 0, "gaps: " + gaps);
    assertTrue(globals > 200, "global relabels: " + globals);
  }

  @Test
  void augment_withALimit_stopsOnceTheLimitIsReached_withAValidFlow() {
    SplittableRandom seeds = new SplittableRandom(7);
    int limited = 0;
    for (int k = 0; k < 200; k++) {
      long seed = seeds.nextLong();
      RandomGraph g = largerGraph(new SplittableRandom(seed));
      int s = 0;
      int t = g.nodes() - 1;
      double max =
          new Isap(g.arcs(), residualsOf(g), g.nodes(), g.nodes())
              .augment(0, g.nodes(), s, t, -1, Double.POSITIVE_INFINITY, EPS);
      double limit = max / 3;
      Residuals r = residualsOf(g);
      double added =
          new PushRelabel(g.arcs(), r, g.nodes(), g.nodes())
              .augment(0, g.nodes(), s, t, -1, limit, EPS);
      String where = "seed " + seed;
      checkFeasible(g, r, s, t, where);
      double out = 0;
      for (int a = g.arcs().start[s]; a < g.arcs().start[s + 1]; a++) {
        out += r.flow(a);
      }
      assertEquals(out, added, TOL * g.nodes(), "value returned = flow out of s, " + where);
      assertTrue(added >= limit - TOL && added <= max + TOL, "limit <= added <= max, " + where);
      if (max > 0 && added < max - TOL) {
        limited++;
      }
    }
    assertTrue(limited > 20, "cases stopped below the maximum by the limit: " + limited);
  }

  @Test
  void augment_withALimitOfZero_addsNothing() {
    RandomGraph g = largerGraph(new SplittableRandom(3));
    Residuals r = residualsOf(g);
    double added =
        new PushRelabel(g.arcs(), r, g.nodes(), g.nodes())
            .augment(0, g.nodes(), 0, g.nodes() - 1, -1, 0, EPS);
    assertEquals(0, added);
    for (int a = 0; a < g.arcs().size(); a++) {
      assertEquals(0, r.flow(a), "arc " + a);
    }
  }

  /**
   * A graph of 20 to 300 nodes shaped like a power grid's block: sparse undirected and directed
   * links among inner nodes, s linked to a few of them (the sources) and about half of them linked
   * to t (the sinks), capacities tight enough that much of what s could send is stranded.
   */
  private static RandomGraph largerGraph(SplittableRandom rng) {
    int n = 20 + rng.nextInt(281);
    int t = n - 1;
    java.util.List<int[]> ends = new java.util.ArrayList<>();
    java.util.List<double[]> caps = new java.util.ArrayList<>();
    java.util.List<Boolean> sym = new java.util.ArrayList<>();
    int links = n + rng.nextInt(n);
    for (int k = 0; k < links; k++) {
      int u = 1 + rng.nextInt(n - 2);
      int v = 1 + rng.nextInt(n - 2);
      if (u == v) {
        continue;
      }
      double c = rng.nextInt(10) == 0 ? 0 : rng.nextDouble(0.5, 3);
      boolean undirected = rng.nextInt(4) != 0;
      add(ends, caps, sym, u, v, c, undirected);
    }
    for (int v = 1; v < t; v++) {
      if (rng.nextInt(10) == 0) {
        add(ends, caps, sym, 0, v, rng.nextDouble(5, 30), false);
      } else if (rng.nextBoolean()) {
        add(ends, caps, sym, v, t, rng.nextDouble(0.5, 2), false);
      }
    }
    return toGraph(n, ends, caps, sym);
  }

  private static void add(
      java.util.List<int[]> ends,
      java.util.List<double[]> caps,
      java.util.List<Boolean> sym,
      int u,
      int v,
      double c,
      boolean undirected) {
    ends.add(new int[] {u, v});
    caps.add(new double[] {c});
    sym.add(undirected);
    ends.add(new int[] {v, u});
    caps.add(new double[] {undirected ? c : 0});
    sym.add(undirected);
  }

  private static RandomGraph toGraph(
      int n,
      java.util.List<int[]> ends,
      java.util.List<double[]> caps,
      java.util.List<Boolean> sym) {
    int m = ends.size();
    int[] start = new int[n + 1];
    for (int[] e : ends) {
      start[e[0] + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] fill = java.util.Arrays.copyOf(start, n);
    int[] index = new int[m];
    for (int a = 0; a < m; a++) {
      index[a] = fill[ends.get(a)[0]]++;
    }
    int[] head = new int[m];
    int[] rev = new int[m];
    int[] tail = new int[m];
    double[] capacity = new double[m];
    boolean[] twin = new boolean[m];
    for (int a = 0; a < m; a++) {
      int b = index[a];
      head[b] = ends.get(a)[1];
      tail[b] = ends.get(a)[0];
      rev[b] = index[a ^ 1];
      capacity[b] = caps.get(a)[0];
      twin[b] = sym.get(a);
    }
    return new RandomGraph(new Arcs(start, head, rev), n, tail, capacity, twin);
  }

  private static Residuals residualsOf(RandomGraph g) {
    Residuals r = new Residuals(g.arcs());
    for (int a = 0; a < g.arcs().size(); a++) {
      r.setEmpty(a, g.capacity()[a]);
    }
    return r;
  }
}
