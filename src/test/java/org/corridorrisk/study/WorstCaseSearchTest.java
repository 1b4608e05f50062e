package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;

class WorstCaseSearchTest {

  /** Parallel paths 0 and 1 to one sink; candidate 2 alone costs a little. */
  private static double parallelPaths(int[] s) {
    boolean a = contains(s, 0);
    boolean b = contains(s, 1);
    double v = (a && b) ? 1.0 : 0.0;
    if (contains(s, 2)) {
      v = Math.max(v, 0.1);
    }
    return v;
  }

  private static boolean contains(int[] s, int x) {
    return Arrays.binarySearch(s, x) >= 0;
  }

  @Test
  void branchAndBound_parallelPaths_findsPairWorthlessAlone() {
    WorstCaseSearch search =
        new WorstCaseSearch(4, WorstCaseSearchTest::parallelPaths, true, 1.0, 1000, 3);
    List<WorstCaseResult> r = search.search(2);
    assertArrayEquals(new int[] {2}, r.get(0).assets());
    assertEquals(0.1, r.get(0).value());
    assertArrayEquals(new int[] {0, 1}, r.get(1).assets());
    assertEquals(1.0, r.get(1).value());
    assertTrue(r.get(1).exact());
    assertEquals("branch-and-bound", r.get(1).method());
  }

  @Test
  void exhaustive_parallelPaths_findsPairWorthlessAlone() {
    WorstCaseSearch search =
        new WorstCaseSearch(4, WorstCaseSearchTest::parallelPaths, false, 1.0, 1000, 3);
    WorstCaseResult r = search.search(2).get(1);
    assertArrayEquals(new int[] {0, 1}, r.assets());
    assertTrue(r.exact());
    assertEquals("exhaustive", r.method());
  }

  @Test
  void pureGreedy_parallelPaths_wouldMissThePair() {
    // the trap the exact search avoids: greedy's first pick is candidate 2 (0.1 > 0), then
    // adding 0 or 1 to it gives 0.1, never 1.0
    int first = 2;
    double best = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < 4; i++) {
      if (i != first) {
        int[] s = new int[] {Math.min(i, first), Math.max(i, first)};
        best = Math.max(best, parallelPaths(s));
      }
    }
    assertEquals(0.1, best);
  }

  @Test
  void heuristic_overEvaluationBudget_isMarkedNotExactAndSwapsFindPair() {
    WorstCaseSearch search =
        new WorstCaseSearch(6, WorstCaseSearchTest::parallelPaths, false, 1.0, 5, 3);
    WorstCaseResult r = search.search(2).get(1);
    assertFalse(r.exact());
    assertEquals("heuristic", r.method());
    assertTrue(r.value() <= 1.0);
    assertTrue(r.upperBound() >= r.value());
  }

  @Test
  void heuristic_withEnoughEvaluations_swapsRepairGreedyOnParallelPaths() {
    // exhaustive needs C(6,2) = 15 evaluations; allow 14 so the heuristic runs
    WorstCaseSearch search =
        new WorstCaseSearch(6, WorstCaseSearchTest::parallelPaths, false, 1.0, 14, 3);
    search.prime(new int[] {0}, 0);
    WorstCaseResult r = search.search(2).get(1);
    assertFalse(r.exact());
    // greedy from {2} stalls at 0.1; the 1-opt swap cannot reach {0,1} from {2,x} in one step
    // unless x is 0 or 1: it is (ties to the lowest index), so {0,2} -> {0,1}
    assertEquals(1.0, r.value());
  }

  @Test
  void budgetOne_withPrimedSingles_isExactEvenWhenCandidatesExceedTheEvaluationBudget() {
    // 6 candidates, at most 5 evaluations: C(6,1) > 5, but every single value is already known
    WorstCaseSearch search =
        new WorstCaseSearch(6, WorstCaseSearchTest::parallelPaths, false, 1.0, 5, 3);
    for (int i = 0; i < 6; i++) {
      search.prime(new int[] {i}, parallelPaths(new int[] {i}));
    }
    WorstCaseResult r = search.search(1).get(0);
    assertTrue(r.exact());
    assertEquals("exhaustive", r.method());
    assertArrayEquals(new int[] {2}, r.assets());
    assertEquals(0, r.evaluations());
  }

  @Test
  void evaluations_areMemoized_neverTwiceForTheSameSet() {
    Map<String, Integer> calls = new HashMap<>();
    SetObjective f =
        s -> {
          calls.merge(Arrays.toString(s), 1, Integer::sum);
          return parallelPaths(s);
        };
    WorstCaseSearch search = new WorstCaseSearch(5, f, false, Double.POSITIVE_INFINITY, 10_000, 3);
    search.search(3);
    assertTrue(calls.values().stream().allMatch(c -> c == 1), calls.toString());
    assertEquals(calls.size(), search.evaluations());
  }

  @Test
  void ties_preferSmallerSetThenLexicographicallyFirst() {
    SetObjective constant = s -> 0.5;
    WorstCaseSearch search = new WorstCaseSearch(5, constant, true, 1.0, 1000, 3);
    List<WorstCaseResult> r = search.search(3);
    for (WorstCaseResult w : r) {
      assertArrayEquals(new int[] {0}, w.assets(), w.toString());
      assertTrue(w.exact());
    }
  }

  @Test
  void budgetAboveCandidateCount_repeatsAllCandidatesAnswer() {
    SetObjective count = s -> s.length;
    List<WorstCaseResult> r = new WorstCaseSearch(2, count, true, 2, 100, 2).search(3);
    assertEquals(3, r.size());
    assertArrayEquals(new int[] {0, 1}, r.get(2).assets());
    assertEquals(3, r.get(2).budget());
  }

  @Test
  void noCandidates_noResults() {
    assertTrue(new WorstCaseSearch(0, s -> 0, true, 1, 10, 1).search(3).isEmpty());
  }

  @Test
  void combinations_saturatesInsteadOfOverflowing() {
    assertEquals(4_455_100L, WorstCaseSearch.combinations(300, 3));
    assertEquals(Long.MAX_VALUE, WorstCaseSearch.combinations(10_000, 20));
    assertEquals(0, WorstCaseSearch.combinations(3, 4));
  }

  // ---- differential: exact search against brute force ----

  /** Brute force: sizes 1..k ascending, each in lexicographic order, strict improvements only. */
  static int[] bruteForce(int n, int k, SetObjective f, double[] valueOut) {
    int[] best = null;
    double bestValue = Double.NEGATIVE_INFINITY;
    for (int size = 1; size <= Math.min(k, n); size++) {
      int[] c = new int[size];
      for (int i = 0; i < size; i++) {
        c[i] = i;
      }
      while (c != null) {
        double v = f.value(c.clone());
        if (best == null || WorstCaseSearch.better(v, bestValue)) {
          best = c.clone();
          bestValue = v;
        }
        c = WorstCaseSearch.nextCombination(c, n);
      }
    }
    valueOut[0] = bestValue;
    return best;
  }

  /**
   * Unserved share of a random directed network when the candidate links are removed, computed with
   * JGraphT's push-relabel max flow: monotone, with parallel paths.
   */
  static final class RandomFlowNetwork implements SetObjective {
    final int nodes;
    final int[] from;
    final int[] to;
    final double[] capacity;
    final double demand;

    RandomFlowNetwork(UniformRandomProvider rng, int nodes, int links) {
      this.nodes = nodes;
      from = new int[links];
      to = new int[links];
      capacity = new double[links];
      for (int l = 0; l < links; l++) {
        int a = rng.nextInt(nodes);
        int b = rng.nextInt(nodes - 1);
        if (b >= a) {
          b++;
        }
        from[l] = a;
        to[l] = b;
        capacity[l] = 1 + rng.nextInt(5);
      }
      demand = 6;
    }

    boolean withBound;

    RandomFlowNetwork bounded() {
      withBound = true;
      return this;
    }

    /** f(S) plus, per link, the flow it carries in a maximum flow without S (over the demand). */
    @Override
    public AdditiveBound additiveBound(int[] set, int[] rest) {
      if (!withBound) {
        return null;
      }
      Graph<Integer, DefaultWeightedEdge> g = graph(set);
      PushRelabelMFImpl<Integer, DefaultWeightedEdge> mf = new PushRelabelMFImpl<>(g);
      double flow = mf.getMaximumFlow(0, nodes - 1).getValue();
      double base = (demand - Math.min(demand, flow)) / demand;
      double[] per = new double[rest.length];
      for (int j = 0; j < rest.length; j++) {
        DefaultWeightedEdge e = g.getEdge(from[rest[j]], to[rest[j]]);
        per[j] = e == null ? 0 : mf.getFlowMap().get(e) / demand;
      }
      return new AdditiveBound(base, per);
    }

    @Override
    public double value(int[] removed) {
      return (demand
              - Math.min(
                  demand,
                  new PushRelabelMFImpl<>(graph(removed)).getMaximumFlowValue(0, nodes - 1)))
          / demand;
    }

    private Graph<Integer, DefaultWeightedEdge> graph(int[] removed) {
      Graph<Integer, DefaultWeightedEdge> g =
          new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
      for (int v = 0; v < nodes; v++) {
        g.addVertex(v);
      }
      for (int l = 0; l < from.length; l++) {
        if (Arrays.binarySearch(removed, l) >= 0) {
          continue;
        }
        DefaultWeightedEdge e = g.getEdge(from[l], to[l]);
        if (e == null) {
          e = g.addEdge(from[l], to[l]);
          g.setEdgeWeight(e, 0);
        }
        g.setEdgeWeight(e, g.getEdgeWeight(e) + capacity[l]);
      }
      // node 0 = source, node nodes-1 = sink with the demand
      return g;
    }
  }

  @Test
  void branchAndBound_matchesBruteForce_onRandomFlowNetworks() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(20261123L);
    for (int trial = 0; trial < 60; trial++) {
      int nodes = 4 + rng.nextInt(4);
      int links = 5 + rng.nextInt(7);
      RandomFlowNetwork f = new RandomFlowNetwork(rng, nodes, links);
      int k = 1 + rng.nextInt(3);
      List<WorstCaseResult> results =
          new WorstCaseSearch(links, f, true, 1.0, 100_000, 3).search(k);
      for (WorstCaseResult r : results) {
        double[] bv = new double[1];
        int[] bs = bruteForce(links, r.budget(), f, bv);
        assertEquals(bv[0], r.value(), 1e-12, "trial " + trial + " budget " + r.budget());
        assertArrayEquals(bs, r.assets(), "trial " + trial + " budget " + r.budget());
        assertTrue(r.exact());
      }
    }
  }

  @Test
  void branchAndBoundWithAdditiveFlowBound_matchesBruteForce_onRandomFlowNetworks() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    long withBound = 0;
    long without = 0;
    for (int trial = 0; trial < 60; trial++) {
      int nodes = 4 + rng.nextInt(5);
      int links = 6 + rng.nextInt(9);
      RandomFlowNetwork f = new RandomFlowNetwork(rng, nodes, links);
      WorstCaseSearch plain = new WorstCaseSearch(links, f, true, 1.0, 100_000, 3);
      plain.search(3);
      without += plain.evaluations();
      RandomFlowNetwork fb =
          new RandomFlowNetwork(RandomSource.L64_X128_MIX.create(trial), nodes, links);
      System.arraycopy(f.from, 0, fb.from, 0, links);
      System.arraycopy(f.to, 0, fb.to, 0, links);
      System.arraycopy(f.capacity, 0, fb.capacity, 0, links);
      WorstCaseSearch bounded = new WorstCaseSearch(links, fb.bounded(), true, 1.0, 100_000, 3);
      List<WorstCaseResult> results = bounded.search(3);
      withBound += bounded.evaluations();
      for (WorstCaseResult r : results) {
        double[] bv = new double[1];
        int[] bs = bruteForce(links, r.budget(), f, bv);
        assertEquals(bv[0], r.value(), 1e-12, "trial " + trial + " budget " + r.budget());
        assertArrayEquals(bs, r.assets(), "trial " + trial + " budget " + r.budget());
        assertTrue(r.exact());
      }
    }
    assertTrue(withBound < without, withBound + " vs " + without);
  }

  @Test
  void exhaustive_matchesBruteForce_onRandomNonMonotoneFunctions() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    for (int trial = 0; trial < 40; trial++) {
      int n = 3 + rng.nextInt(7);
      Map<String, Double> table = new HashMap<>();
      // coarse values so that ties happen
      SetObjective f =
          s -> table.computeIfAbsent(Arrays.toString(s), key -> (double) rng.nextInt(6));
      List<WorstCaseResult> results =
          new WorstCaseSearch(n, f, false, Double.POSITIVE_INFINITY, 100_000, 2).search(3);
      for (WorstCaseResult r : results) {
        double[] bv = new double[1];
        int[] bs = bruteForce(n, r.budget(), f, bv);
        assertEquals(bv[0], r.value(), "trial " + trial);
        assertArrayEquals(bs, r.assets(), "trial " + trial + " budget " + r.budget());
        assertTrue(r.exact());
      }
    }
  }

  @Test
  void branchAndBound_prunes_usingFewerEvaluationsThanAllSubsets() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(99L);
    long bnb = 0;
    long all = 0;
    for (int trial = 0; trial < 20; trial++) {
      RandomFlowNetwork f = new RandomFlowNetwork(rng, 8, 16);
      WorstCaseSearch s = new WorstCaseSearch(16, f, true, 1.0, 100_000, 3);
      s.search(3);
      bnb += s.evaluations();
      all += 16 + WorstCaseSearch.combinations(16, 2) + WorstCaseSearch.combinations(16, 3);
    }
    assertTrue(bnb < all, bnb + " vs " + all);
  }

  @Test
  void heuristic_neverBeatsExact_andStaysWithinTwiceTheEvaluationBudget() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    for (int trial = 0; trial < 20; trial++) {
      RandomFlowNetwork f = new RandomFlowNetwork(rng, 7, 14);
      List<WorstCaseResult> exact = new WorstCaseSearch(14, f, false, 1.0, 100_000, 3).search(3);
      long limit = 30;
      WorstCaseSearch h = new WorstCaseSearch(14, f, false, 1.0, limit, 3);
      List<WorstCaseResult> heuristic = h.search(3);
      for (int b = 0; b < 3; b++) {
        assertTrue(heuristic.get(b).value() <= exact.get(b).value() + 1e-12);
        assertTrue(heuristic.get(b).evaluations() <= 2 * limit, heuristic.get(b).toString());
      }
      if (exact.get(0).value() < 1.0) {
        // (a single asset reaching the ceiling proves every budget's answer)
        assertFalse(heuristic.get(2).exact());
      }
    }
  }

  @Test
  void results_areIdenticalAcrossRepeatedRuns() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    RandomFlowNetwork f = new RandomFlowNetwork(rng, 8, 14);
    List<String> a = new ArrayList<>();
    List<String> b = new ArrayList<>();
    new WorstCaseSearch(14, f, true, 1.0, 50, 3).search(3).forEach(r -> a.add(r.toString()));
    new WorstCaseSearch(14, f, true, 1.0, 50, 3).search(3).forEach(r -> b.add(r.toString()));
    assertEquals(a, b);
  }
}
