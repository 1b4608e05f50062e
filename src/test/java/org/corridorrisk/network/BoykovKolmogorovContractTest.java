package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The max-flow contract for Boykov and Kolmogorov's algorithm, plus what it adds: many larger
 * graphs (its early stop relies on trees staying closed through orphans, adoptions and
 * re-activations, which small graphs seldom exercise) and the restart from closed trees after
 * capacity changes ({@link BoykovKolmogorov#augmentFrom}).
 */
class BoykovKolmogorovContractTest extends AugmentingMaxFlowContractTest {
  private static final double EPS = 1e-12;
  private static final double TOL = 1e-9;

  @Override
  AugmentingMaxFlow create(Arcs g, Residuals r, int nodes) {
    return new BoykovKolmogorov(g, r, nodes);
  }

  @Override
  boolean exact() {
    return true;
  }

  @Test
  void augment_onThousandsOfLargerGraphs_matchesIsap() {
    // A node whose scan had passed an arc to a node that later left its tree must scan again:
    // without that, about 1 in 300 of these graphs ends below the maximum.
    SplittableRandom seeds = new SplittableRandom(77);
    long adoptions = 0;
    for (int k = 0; k < 4000; k++) {
      long seed = seeds.nextLong();
      RandomGraph g = largerGraph(new SplittableRandom(seed));
      int s = 0;
      int t = g.nodes() - 1;
      int blocked = k % 3 == 0 ? 1 : -1;
      Residuals forIsap = residualsOf(g);
      Residuals forBk = residualsOf(g);
      double isap =
          new Isap(g.arcs(), forIsap, g.nodes(), g.nodes())
              .augment(0, g.nodes(), s, t, blocked, Double.POSITIVE_INFINITY, EPS);
      BoykovKolmogorov bk = new BoykovKolmogorov(g.arcs(), forBk, g.nodes());
      double added = bk.augment(0, g.nodes(), s, t, blocked, Double.POSITIVE_INFINITY, EPS);
      String where = "seed " + seed;
      assertEquals(isap, added, TOL * g.nodes(), "same maximum as ISAP, " + where);
      checkFeasible(g, forBk, s, t, where);
      adoptions += bk.adoptions;
    }
    assertTrue(adoptions > 10_000, "orphans adopted or freed: " + adoptions);
  }

  @Test
  void augmentFrom_closedTreesAfterCapacityChanges_addsWhatAColdMaximumAdds() {
    SplittableRandom seeds = new SplittableRandom(2005);
    int grew = 0;
    for (int k = 0; k < 400; k++) {
      long seed = seeds.nextLong();
      SplittableRandom rng = new SplittableRandom(seed);
      RandomGraph g = largerGraph(rng);
      int s = 0;
      int t = g.nodes() - 1;
      Residuals r = residualsOf(g);
      BoykovKolmogorov bk = new BoykovKolmogorov(g.arcs(), r, g.nodes());
      BoykovKolmogorov.Trees trees =
          bk.closedTrees(0, g.nodes(), s, t, 0, g.arcs().size(), new int[0], EPS);
      r.clearMarks();
      // Today's changes, each keeping the flow feasible: an arc cut down to its flow (a tree arc
      // then loses its residual), an arc widened (a closed tree may then grow), or left alone.
      for (int a = 0; a < g.arcs().size(); a++) {
        int change = rng.nextInt(10);
        if (change == 0) {
          r.changeCapacity(a, Math.max(0, r.flow(a)));
          r.mark(a);
        } else if (change == 1) {
          r.changeCapacity(a, r.capacity(a) + rng.nextInt(1, 4));
          r.mark(a);
        }
      }
      double[] capacity = new double[g.arcs().size()];
      for (int a = 0; a < capacity.length; a++) {
        capacity[a] = r.capacity(a);
      }
      RandomGraph today = new RandomGraph(g.arcs(), g.nodes(), g.tail(), capacity, g.twin());
      double addable = reference(today, r, s, t, -1);
      double added = bk.augmentFrom(trees, s, t, EPS);
      String where = "seed " + seed;
      assertEquals(addable, added, TOL * g.nodes(), "flow added = JGraphT's, " + where);
      checkFeasible(today, r, s, t, where);
      if (added > 1) {
        grew++;
      }
    }
    assertTrue(grew > 100, "cases where the changes let more flow through: " + grew);
  }

  @Test
  void augmentFrom_whenAChangedArcIsNotMarked_failsItsCheck() {
    // tests run with -ea: a restart that would miss a change must not pass silently
    RandomGraph g = largerGraph(new SplittableRandom(11));
    int t = g.nodes() - 1;
    Residuals r = residualsOf(g);
    BoykovKolmogorov bk = new BoykovKolmogorov(g.arcs(), r, g.nodes());
    BoykovKolmogorov.Trees trees =
        bk.closedTrees(0, g.nodes(), 0, t, 0, g.arcs().size(), new int[0], EPS);
    r.clearMarks();
    int widened = -1;
    for (int a = 0; a < g.arcs().size() && widened < 0; a++) {
      if (r.residual(a) <= EPS) {
        widened = a;
      }
    }
    r.changeCapacity(widened, r.capacity(widened) + 1);
    assertThrows(AssertionError.class, () -> bk.augmentFrom(trees, 0, t, EPS));
  }

  /**
   * A restart told to look only at some positions of the trees' extra arcs: the state it starts
   * from is the one the trees were closed from (as a day prepared from the installed reference flow
   * is), so the arcs the closing changed ({@link BoykovKolmogorov.Trees#changedPositions}) must be
   * looked at, and with them the restart reaches the maximum; without them the check fails.
   */
  @Test
  void augmentFrom_atTheChangedPositions_fromTheStateTheTreesWereClosedFrom() {
    SplittableRandom seeds = new SplittableRandom(2026);
    for (int k = 0; k < 200; k++) {
      long seed = seeds.nextLong();
      RandomGraph g = largerGraph(new SplittableRandom(seed));
      int s = 0;
      int t = g.nodes() - 1;
      int[] alsoCheck = new int[g.arcs().size()];
      for (int a = 0; a < alsoCheck.length; a++) {
        alsoCheck[a] = alsoCheck.length - 1 - a; // every arc, in reverse order
      }
      Residuals r = residualsOf(g);
      BoykovKolmogorov bk = new BoykovKolmogorov(g.arcs(), r, g.nodes());
      BoykovKolmogorov.Trees trees =
          bk.closedTrees(0, g.nodes(), s, t, 0, g.arcs().size(), alsoCheck, EPS);
      double maximum = 0;
      for (int a = g.arcs().start[s]; a < g.arcs().start[s + 1]; a++) {
        maximum += r.flow(a);
      }
      String where = "seed " + seed;
      int changed = 0;
      for (int p = 0; p < trees.alsoCheck.length; p++) {
        int a = trees.alsoCheck[p];
        boolean listed = java.util.Arrays.binarySearch(trees.changedPositions, p) >= 0;
        assertEquals(r.flow(a) != 0, listed, "position " + p + " listed iff changed, " + where);
        if (p < alsoCheck.length && listed) {
          changed++;
        }
      }
      r.removeFlow(0, g.arcs().size()); // back to the state the trees were closed from
      r.clearMarks();
      if (changed == 0) {
        continue;
      }
      int[] none = new int[0];
      assertThrows(
          AssertionError.class,
          () -> bk.augmentFrom(trees, s, t, EPS, null, null, 0, none, 0),
          "the changed arcs not looked at must fail the check, " + where);
      r.removeFlow(0, g.arcs().size());
      r.clearMarks();
      int[] positions = trees.changedPositions;
      double added = bk.augmentFrom(trees, s, t, EPS, null, null, 0, positions, positions.length);
      assertEquals(maximum, added, TOL * g.nodes(), "the maximum again, " + where);
      checkFeasible(g, r, s, t, where);
    }
  }

  /**
   * The kept search ({@link BoykovKolmogorov#augmentAgain}) after changes of the kind {@link
   * FairShares} makes between its tests, listed as its journal lists them: arcs cut down to their
   * flow, arcs widened, and the whole state put back to a snapshot taken before the last maximum
   * (only the arcs that differ listed). Each round must add what JGraphT finds addable, keep the
   * flow feasible, and leave a source tree (grown to closure by {@link
   * BoykovKolmogorov#closeSourceTree} when the sink tree closed first) that holds exactly the nodes
   * reachable from the source.
   */
  @Test
  void augmentAgain_afterListedChanges_addsWhatAColdMaximumAdds() {
    SplittableRandom seeds = new SplittableRandom(1717);
    int rounds = 0;
    int grew = 0;
    int closed = 0;
    for (int k = 0; k < 300; k++) {
      long seed = seeds.nextLong();
      SplittableRandom rng = new SplittableRandom(seed);
      RandomGraph g = largerGraph(rng);
      int s = 0;
      int t = g.nodes() - 1;
      int blocked = k % 4 == 0 ? 1 : -1;
      int arcs = g.arcs().size();
      Residuals r = residualsOf(g);
      BoykovKolmogorov bk = new BoykovKolmogorov(g.arcs(), r, g.nodes());
      bk.augment(0, g.nodes(), s, t, blocked, Double.POSITIVE_INFINITY, EPS, true);
      for (int round = 0; round < 6; round++) {
        String where = "seed " + seed + ", round " + round;
        double[] snapCap = new double[arcs];
        double[] snapRes = new double[arcs];
        r.copyRange(0, arcs, snapCap, snapRes);
        int[] changed = new int[2 * arcs];
        int count = 0;
        if (round % 3 == 2) {
          // a maximum from the snapshot, then the state put back to it (FairShares' reset)
          for (int a = 0; a < arcs; a++) {
            if (rng.nextInt(6) == 0) {
              r.changeCapacity(a, r.capacity(a) + rng.nextInt(1, 4));
            }
          }
          double[] wideCap = new double[arcs];
          double[] wideRes = new double[arcs];
          r.copyRange(0, arcs, wideCap, wideRes);
          bk.augment(0, g.nodes(), s, t, blocked, Double.POSITIVE_INFINITY, EPS, true);
          for (int a = 0; a < arcs; a++) {
            if (r.capacity(a) != snapCap[a] || r.residual(a) != snapRes[a]) {
              changed[count++] = a;
            }
          }
          r.restoreRange(0, arcs, snapCap, snapRes);
        } else {
          for (int a = 0; a < arcs; a++) {
            int change = rng.nextInt(12);
            if (change == 0) {
              r.changeCapacity(a, Math.max(0, r.flow(a)));
              changed[count++] = a;
            } else if (change == 1) {
              r.changeCapacity(a, r.capacity(a) + rng.nextInt(1, 4));
              changed[count++] = a;
            }
          }
        }
        double[] capacity = new double[arcs];
        for (int a = 0; a < arcs; a++) {
          capacity[a] = r.capacity(a);
        }
        RandomGraph today = new RandomGraph(g.arcs(), g.nodes(), g.tail(), capacity, g.twin());
        double addable = reference(today, r, s, t, blocked);
        assertTrue(bk.kept(0, g.nodes(), s, t, blocked, EPS), "search kept, " + where);
        double added = bk.augmentAgain(changed, count);
        assertEquals(addable, added, TOL * g.nodes(), "flow added = JGraphT's, " + where);
        checkFeasible(today, r, s, t, where);
        if (bk.sourceTreeClosed()) {
          closed++;
        } else {
          bk.closeSourceTree(); // the sink tree closed first
          assertTrue(bk.sourceTreeClosed(), "source tree grown to closure, " + where);
        }
        int[] seen = new int[g.nodes()];
        bk.markSourceTree(0, g.nodes(), seen, 7);
        boolean[] reachable = reachableFrom(today, r, s, t, blocked);
        for (int v = 0; v < g.nodes(); v++) {
          assertEquals(reachable[v], seen[v] == 7, "source tree at node " + v + ", " + where);
        }
        rounds++;
        if (added > 1) {
          grew++;
        }
      }
    }
    assertTrue(grew > 200, "rounds where the changes let more flow through: " + grew);
    assertTrue(closed > 200, "rounds that closed the source tree: " + closed + " of " + rounds);
    assertTrue(
        closed < rounds - 100, "rounds that closed the sink tree first: " + (rounds - closed));
  }

  /** Nodes reachable from {@code s} by arcs with residual, not entering {@code t} or blocked. */
  private static boolean[] reachableFrom(RandomGraph g, Residuals r, int s, int t, int blocked) {
    boolean[] seen = new boolean[g.nodes()];
    int[] queue = new int[g.nodes()];
    seen[s] = true;
    queue[0] = s;
    int tail = 1;
    for (int head = 0; head < tail; head++) {
      int u = queue[head];
      for (int a = g.arcs().start[u]; a < g.arcs().start[u + 1]; a++) {
        int w = g.arcs().head[a];
        if (r.residual(a) > EPS && !seen[w] && w != t && w != blocked) {
          seen[w] = true;
          queue[tail++] = w;
        }
      }
    }
    return seen;
  }
}
