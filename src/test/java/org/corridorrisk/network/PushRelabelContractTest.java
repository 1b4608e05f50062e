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
}
