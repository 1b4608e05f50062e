package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The greedy start of the max-flow ({@link GreedyStart}) inside the daily solver: alone it is a
 * feasible but not always maximal flow; with the exact phase the result equals the exact solver's.
 * Every test that names a phase asserts from the solver's statistics that the phase ran (or did
 * not), and references that are "exact only" have the greedy start and the fast path off.
 */
class DailyFlowSolverGreedyStartTest {
  private static final int CASES = 500;
  private static final double TOL = 1e-7;

  @Test
  void greedyAlone_neverViolatesCapacitiesOrConservation() {
    RandomNetworks gen = new RandomNetworks();
    gen.priorities = true;
    gen.storages = true;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = gen.generate(50_000 + seed);
      for (int rounds : new int[] {1, 3}) {
        DailyFlowSolver solver =
            new DailyFlowSolver(
                c.net(), SolverOptions.DEFAULTS.withExactPhase(false).withGreedyRounds(rounds));
        DayOutput out = new DayOutput(c.net());
        solver.solve(0, c.in(), out);
        DailyFlowSolverDifferentialTest.checkFeasible(c, solver, out, seed);
        assertEquals(0, solver.statistics().exactRuns(), "greedy alone, seed " + seed);
        assertEquals(0, solver.statistics().fastHits(), "greedy alone, seed " + seed);
      }
    }
  }

  @Test
  void warmStartThenExactPhase_deliversAsMuchAsTheExactPhaseAlone() {
    RandomNetworks gen = new RandomNetworks();
    gen.priorities = true;
    gen.storages = true;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = gen.generate(60_000 + seed);
      DailyFlowSolver exactOnly =
          new DailyFlowSolver(
              c.net(), SolverOptions.DEFAULTS.withGreedyRounds(0).withFastPath(false));
      DayOutput expected = new DayOutput(c.net());
      exactOnly.solve(0, c.in(), expected);
      SolverStatistics reference = exactOnly.statistics();
      assertEquals(0, reference.greedyRounds(), "exact only, seed " + seed);
      assertEquals(0, reference.fastHits() + reference.fastFallbacks(), "exact only, seed " + seed);
      DailyFlowSolver warm = new DailyFlowSolver(c.net());
      DayOutput actual = new DayOutput(c.net());
      warm.solve(0, c.in(), actual);
      DailyFlowSolverDifferentialTest.checkFeasible(c, warm, actual, seed);
      assertEquals(sum(expected.served), sum(actual.served), TOL, "served, seed " + seed);
      assertEquals(sum(expected.withdrawn), sum(actual.withdrawn), TOL, "withdrawn, seed " + seed);
      assertEquals(sum(expected.injected), sum(actual.injected), TOL, "injected, seed " + seed);
    }
  }

  @Test
  void greedyRound_routedAlongABottleneckTreeArc_isSuboptimalAndTheExactPhaseCompletesIt() {
    // The search tree reaches k over the direct arc of capacity 1; the path through j is found only
    // by a later round or the exact phase.
    TestNetworks builder =
        new TestNetworks()
            .source("s", 10)
            .junction("j")
            .sink("k", 5)
            .link("s", "k", 1)
            .link("s", "j", 10)
            .link("j", "k", 10);
    NetworkIndex net = builder.compile();
    DayInput in = new DayInput(net);
    DayOutput out = new DayOutput(net);
    SolverOptions oneRound = SolverOptions.DEFAULTS.withGreedyRounds(1).withFastPath(false);
    DailyFlowSolver greedyOnly = new DailyFlowSolver(net, oneRound.withExactPhase(false));
    greedyOnly.solve(0, in, out);
    assertEquals(1, out.served[net.nodeIndex("k")], TOL);
    assertEquals(1, greedyOnly.statistics().greedyRounds(), "one greedy round ran");
    DailyFlowSolver solver = new DailyFlowSolver(net, oneRound);
    solver.solve(0, in, out);
    assertEquals(5, out.served[net.nodeIndex("k")], TOL);
    assertEquals(1, solver.statistics().greedyRounds(), "one greedy round ran");
    assertTrue(solver.statistics().exactRuns() > 0, "the exact phase ran");
  }

  @Test
  void greedyRound_whenEveryReachableSinkIsServed_skipsTheExactPhase() {
    TestNetworks builder =
        new TestNetworks()
            .source("s", 10)
            .junction("j")
            .sink("a", 3)
            .sink("b", 4)
            .link("s", "j", 10)
            .link("j", "a", 10)
            .link("j", "b", 10);
    NetworkIndex net = builder.compile();
    DayOutput out = new DayOutput(net);
    // The fast path would serve this day before any max-flow: off, so the greedy round is reached.
    DailyFlowSolver solver = new DailyFlowSolver(net, SolverOptions.DEFAULTS.withFastPath(false));
    solver.solve(0, new DayInput(net), out);
    assertEquals(3, out.served[net.nodeIndex("a")], TOL);
    assertEquals(4, out.served[net.nodeIndex("b")], TOL);
    SolverStatistics stats = solver.statistics();
    assertEquals(0, stats.fastHits() + stats.fastFallbacks(), "the fast path was not tried");
    assertEquals(1, stats.greedyRounds(), "the greedy round ran");
    assertEquals(0, stats.exactRuns(), "the exact phase was skipped");
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
