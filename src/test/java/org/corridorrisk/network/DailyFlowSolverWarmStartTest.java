package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The greedy warm start of the max-flow (see {@code DailyFlowSolver.greedyRound}): alone it is a
 * feasible but not always maximal flow; with the exact phase the result equals the exact solver's.
 */
class DailyFlowSolverWarmStartTest {
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
        DailyFlowSolver solver = new DailyFlowSolver(c.net());
        solver.exactPhase = false;
        solver.greedyRoundLimit = rounds;
        DayOutput out = new DayOutput(c.net());
        solver.solve(0, c.in(), out);
        DailyFlowSolverDifferentialTest.checkFeasible(c, solver, out, seed);
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
      DailyFlowSolver exactOnly = new DailyFlowSolver(c.net());
      exactOnly.greedyRoundLimit = 0;
      DayOutput expected = new DayOutput(c.net());
      exactOnly.solve(0, c.in(), expected);
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
    CompiledNetwork net = builder.compile();
    DayInput in = new DayInput(net);
    DayOutput out = new DayOutput(net);
    DailyFlowSolver greedyOnly = new DailyFlowSolver(net);
    greedyOnly.greedyRoundLimit = 1;
    greedyOnly.exactPhase = false;
    greedyOnly.solve(0, in, out);
    assertEquals(1, out.served[net.nodeIndex("k")], TOL);
    DailyFlowSolver solver = new DailyFlowSolver(net);
    solver.greedyRoundLimit = 1;
    solver.solve(0, in, out);
    assertEquals(5, out.served[net.nodeIndex("k")], TOL);
    assertTrue(solver.exactRuns > 0, "the exact phase ran");
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
    CompiledNetwork net = builder.compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net);
    solver.solve(0, new DayInput(net), out);
    assertEquals(3, out.served[net.nodeIndex("a")], TOL);
    assertEquals(4, out.served[net.nodeIndex("b")], TOL);
    assertEquals(0, solver.exactRuns);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
