package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exact fast path of {@link DailyFlowSolver} ({@link FastPath}): same totals as the exact path,
 * fallback whenever its tree flow breaks a capacity or a direction.
 */
class FastPathTest {
  /** The fast path tried on every eligible day, even where the undisturbed day binds. */
  private static final SolverOptions ALWAYS_TRY = SolverOptions.DEFAULTS.withFastPathProbe(false);

  private static final double TOL = 1e-7;
  private static final int GAS = 0;
  @TempDir Path dir;

  @Test
  void powerGrid_fastAndExactPathsDeliverTheSame_underRandomLineFailures() throws Exception {
    Path file = dir.resolve("grid.yaml");
    Path grid = org.corridorrisk.TestData.powerGrid();
    ScenarioImporter.importFile(grid, null, ImportOptions.defaults()).write(file, false);
    NetworkIndex net = NetworkIndex.compile(ScenarioLoader.load(file).baseline());
    DailyFlowSolver fast = new DailyFlowSolver(net, ALWAYS_TRY);
    DailyFlowSolver exact = new DailyFlowSolver(net, SolverOptions.DEFAULTS.withFastPath(false));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    DayInput in = new DayInput(net);
    for (int day = 0; day < 20; day++) {
      for (int l = 0; l < net.linkCount(); l++) {
        in.linkUp[l] = rng.nextDouble() >= 0.05;
      }
      DayOutput a = new DayOutput(net);
      DayOutput b = new DayOutput(net);
      fast.solve(GAS, in, a);
      exact.solve(GAS, in, b);
      assertEquals(total(net, b), total(net, a), 1e-6, "day " + day);
      for (int l = 0; l < net.linkCount(); l++) {
        assertTrue(a.linkFlow[l] <= (in.linkUp[l] ? net.linkCapacity(l) + 1e-9 : 0), "link " + l);
      }
    }
    assertTrue(
        fast.statistics().fastHits() >= 15,
        "fast path on " + fast.statistics().fastHits() + " of 20 days");
  }

  @Test
  void fastPath_agreesWithTheExactPath_onRandomUndirectedSingleTierNetworks() {
    RandomNetworks gen = new RandomNetworks();
    gen.undirectedOnly = true;
    long hits = 0;
    for (long seed = 0; seed < 1000; seed++) {
      gen.ampleSupply = seed % 3 == 0;
      RandomNetworks.Case c = gen.generate(90_000 + seed);
      DailyFlowSolver exact =
          new DailyFlowSolver(c.net(), SolverOptions.DEFAULTS.withFastPath(false));
      DayOutput expected = new DayOutput(c.net());
      exact.solve(GAS, c.in(), expected);
      DailyFlowSolver fast = new DailyFlowSolver(c.net(), ALWAYS_TRY);
      DayOutput actual = new DayOutput(c.net());
      fast.solve(GAS, c.in(), actual);
      hits += fast.statistics().fastHits();
      DailyFlowSolverDifferentialTest.checkFeasible(c, fast, actual, seed);
      assertEquals(total(c.net(), expected), total(c.net(), actual), TOL, "seed " + seed);
      int[] component = components(c);
      double[] perComponentExpected = new double[c.net().nodeCount()];
      double[] perComponentActual = new double[c.net().nodeCount()];
      for (int i : c.net().sinksOf(GAS)) {
        perComponentExpected[component[i]] += expected.served[i];
        perComponentActual[component[i]] += actual.served[i];
      }
      for (int k = 0; k < perComponentExpected.length; k++) {
        assertEquals(
            perComponentExpected[k],
            perComponentActual[k],
            TOL,
            "component " + k + ", seed " + seed);
      }
    }
    assertTrue(hits > 200, "fast path taken on " + hits + " of 1000 cases");
  }

  @Test
  void treeArcOverCapacity_fallsBackToTheExactAnswer() {
    // The search tree sends both sinks' 8 units over s-j (capacity 5): verification fails.
    NetworkIndex net =
        new TestNetworks()
            .source("s", 10)
            .junction("j")
            .sink("a", 4)
            .sink("b", 4)
            .undirected("s", "j", 5)
            .undirected("j", "a", 100)
            .undirected("j", "b", 100)
            .compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, new DayInput(net), out);
    assertEquals(1, solver.statistics().fastFallbacks());
    assertEquals(0, solver.statistics().fastHits());
    assertEquals(5, out.served[net.nodeIndex("a")] + out.served[net.nodeIndex("b")], TOL);
    assertEquals(5, out.linkFlow[net.linkIndex("s-j-0")], TOL);
  }

  @Test
  void undisturbedDayThatBinds_switchesTheFastPathOffForThatNetwork() {
    // The tree arc s-j (5) binds with everything up (demand 8): by default the fast path is
    // never tried on this network; the answer is the same maximum (5 served).
    NetworkIndex net =
        new TestNetworks()
            .source("s", 10)
            .junction("j")
            .sink("a", 4)
            .sink("b", 4)
            .undirected("s", "j", 5)
            .undirected("j", "a", 100)
            .undirected("j", "b", 100)
            .compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net);
    for (int day = 0; day < 3; day++) {
      solver.solve(GAS, new DayInput(net), out);
    }
    assertEquals(0, solver.statistics().fastFallbacks() + solver.statistics().fastHits());
    assertEquals(5, out.served[net.nodeIndex("a")] + out.served[net.nodeIndex("b")], TOL);
  }

  @Test
  void componentWithoutSource_getsNothing_andTheOtherIsServed() {
    NetworkIndex net =
        new TestNetworks()
            .source("s", 10)
            .sink("a", 4)
            .sink("b", 3)
            .sink("c", 2)
            .undirected("s", "a", 10)
            .undirected("a", "b", 10)
            .undirected("b", "c", 10)
            .compile();
    DayInput in = new DayInput(net);
    in.linkUp[net.linkIndex("a-b-1")] = false;
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, in, out);
    assertEquals(1, solver.statistics().fastHits());
    assertEquals(4, out.served[net.nodeIndex("a")], TOL);
    assertEquals(0, out.served[net.nodeIndex("b")], TOL);
    assertEquals(0, out.served[net.nodeIndex("c")], TOL);
    assertEquals(4, out.linkFlow[net.linkIndex("s-a-0")], TOL);
  }

  @Test
  void shortComponent_sharesItsSupplyInProportionToDemand() {
    NetworkIndex net =
        new TestNetworks()
            .source("s", 6)
            .sink("a", 4)
            .sink("b", 8)
            .undirected("s", "a", 10)
            .undirected("a", "b", 10)
            .compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, new DayInput(net), out);
    assertEquals(1, solver.statistics().fastHits());
    assertEquals(2, out.served[net.nodeIndex("a")], TOL);
    assertEquals(4, out.served[net.nodeIndex("b")], TOL);
    assertEquals(6, out.linkFlow[net.linkIndex("s-a-0")], TOL);
    assertEquals(4, out.linkFlow[net.linkIndex("a-b-1")], TOL);
  }

  @Test
  void directedLinkAlongTheFlow_isUsedByTheFastPath() {
    NetworkIndex net = new TestNetworks().source("s", 10).sink("a", 4).link("s", "a", 10).compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, new DayInput(net), out);
    assertEquals(1, solver.statistics().fastHits());
    assertEquals(4, out.served[net.nodeIndex("a")], TOL);
  }

  @Test
  void directedLinkAgainstTheFlow_failsVerification_andNothingIsServed() {
    // s -> a is down today; the search reaches a over a -> s, which cannot carry s's flow.
    NetworkIndex net =
        new TestNetworks()
            .source("s", 10)
            .sink("a", 4)
            .link("s", "a", 10)
            .link("a", "s", 10)
            .compile();
    DayInput in = new DayInput(net);
    in.linkUp[net.linkIndex("s-a-0")] = false;
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, in, out);
    assertEquals(1, solver.statistics().fastFallbacks());
    assertEquals(0, out.served[net.nodeIndex("a")], TOL);
    assertEquals(0, out.linkFlow[net.linkIndex("a-s-1")], TOL);
  }

  @Test
  void surplusTreeSupplies_aDeficitTree_overACrossLink() {
    // Two sources; the forest gives s2's tree the 9-unit sink, s1 has the surplus.
    NetworkIndex net =
        new TestNetworks()
            .source("s1", 10)
            .source("s2", 2)
            .sink("a", 1)
            .sink("b", 9)
            .undirected("s1", "a", 20)
            .undirected("a", "b", 20)
            .undirected("s2", "b", 20)
            .compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, new DayInput(net), out);
    assertEquals(1, solver.statistics().fastHits());
    assertEquals(1, out.served[net.nodeIndex("a")], TOL);
    assertEquals(9, out.served[net.nodeIndex("b")], TOL);
    assertEquals(
        10,
        solver.sourceInjection(net.nodeIndex("s1")) + solver.sourceInjection(net.nodeIndex("s2")),
        TOL);
  }

  @Test
  void parallelCrossLinks_shareATransferLargerThanEither() {
    // The two x-y links (3 each) are one arc pair in the contracted graph; the 4 units sent over
    // it are spread over both within their capacities.
    NetworkIndex net = twoTrees(n -> n.undirected("x", "y", 3).undirected("x", "y", 3));
    DayOutput out = servedByTheFastPath(net);
    assertEquals(1, out.served[net.nodeIndex("x")], TOL);
    assertEquals(5, out.served[net.nodeIndex("y")], TOL);
    double first = out.linkFlow[net.linkIndex("x-y-2")];
    double second = out.linkFlow[net.linkIndex("x-y-3")];
    assertEquals(4, first + second, TOL);
    assertTrue(first <= 3 + TOL && second <= 3 + TOL, first + " and " + second);
    assertEquals(5, out.linkFlow[net.linkIndex("s1-x-0")], TOL);
  }

  @Test
  void parallelCrossLinks_inOppositeDirections_carryOnlyTheirOwnWay() {
    // x -> y (directed, 3), y -> x (directed, 3) and x - y (2): the 4 units go over x -> y and the
    // undirected link; y -> x carries nothing.
    NetworkIndex net = twoTrees(n -> n.link("x", "y", 3).link("y", "x", 3).undirected("x", "y", 2));
    DayOutput out = servedByTheFastPath(net);
    assertEquals(5, out.served[net.nodeIndex("y")], TOL);
    double along = out.linkFlow[net.linkIndex("x-y-2")];
    double against = out.linkFlow[net.linkIndex("y-x-3")];
    double both = out.linkFlow[net.linkIndex("x-y-4")];
    assertEquals(0, against, TOL);
    assertEquals(4, along + both, TOL);
    assertTrue(along >= -TOL && along <= 3 + TOL, "x -> y carries " + along);
    assertTrue(Math.abs(both) <= 2 + TOL, "x - y carries " + both);
  }

  /**
   * Two trees of the fast path's forest: s1's {s1, x} with a surplus of 9 and s2's {s2, y} with a
   * deficit of 4, joined by the links {@code joins} adds (links 2, 3, ...).
   */
  private static NetworkIndex twoTrees(UnaryOperator<TestNetworks> joins) {
    return joins
        .apply(
            new TestNetworks()
                .source("s1", 10)
                .source("s2", 1)
                .sink("x", 1)
                .sink("y", 5)
                .undirected("s1", "x", 10)
                .undirected("s2", "y", 10))
        .compile();
  }

  /** The undisturbed day, which the fast path must serve. */
  private static DayOutput servedByTheFastPath(NetworkIndex net) {
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, new DayInput(net), out);
    assertEquals(1, solver.statistics().fastHits());
    return out;
  }

  @Test
  void severalTiers_withAShortComponent_useTheExactPath() {
    NetworkIndex net =
        new TestNetworks()
            .source("s", 10)
            .sink("a", 8, 1)
            .sink("b", 8, 2)
            .undirected("s", "a", 20)
            .undirected("s", "b", 20)
            .compile();
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, ALWAYS_TRY);
    solver.solve(GAS, new DayInput(net), out);
    assertEquals(0, solver.statistics().fastHits());
    assertEquals(8, out.served[net.nodeIndex("a")], TOL);
    assertEquals(2, out.served[net.nodeIndex("b")], TOL);
  }

  private static double total(NetworkIndex net, DayOutput out) {
    double total = 0;
    for (int i : net.sinksOf(GAS)) {
      total += out.served[i];
    }
    return total;
  }

  /** Connected components of the day's up links (direction ignored), by node index. */
  private static int[] components(RandomNetworks.Case c) {
    NetworkIndex net = c.net();
    int n = net.nodeCount();
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (int l = 0; l < net.linkCount(); l++) {
      int u = net.linkFrom(l);
      int v = net.linkTo(l);
      if (c.in().linkUp[l] && c.in().nodeUp[u] && c.in().nodeUp[v] && net.linkCapacity(l) > 0) {
        parent[find(parent, u)] = find(parent, v);
      }
    }
    int[] result = new int[n];
    for (int i = 0; i < n; i++) {
      result[i] = find(parent, i);
    }
    return result;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      i = parent[i];
    }
    return i;
  }
}
