package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.HashMap;
import java.util.Map;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Sharing;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.EdmondsKarpMFImpl;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.alg.flow.mincost.CapacityScalingMinimumCostFlow;
import org.jgrapht.alg.flow.mincost.MinimumCostFlowProblem;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;
import org.junit.jupiter.api.Test;

/**
 * Differential tests: the daily flow solver against JGraphT's max-flow and min-cost-flow on seeded
 * random networks (directed and undirected links, several sources and sinks joined by a super
 * source and super sink, random disabled nodes and links). Every case is also checked for flow
 * conservation and capacities.
 */
class DailyFlowSolverDifferentialTest {
  private static final int CASES = 1000;
  private static final double TOL = 1e-7;
  private static final int GAS = 0;
  private static final Integer SUPER_SOURCE = -1;
  private static final Integer SUPER_SINK = -2;

  @Test
  void totalDelivery_equalsJGraphTMaxFlow() {
    RandomNetworks gen = new RandomNetworks();
    for (long seed = 0; seed < CASES; seed++) {
      gen.otherCommodity = seed % 4 == 0;
      RandomNetworks.Case c = gen.generate(seed);
      DayOutput out = new DayOutput(c.net());
      DailyFlowSolver solver = new DailyFlowSolver(c.net());
      solver.solve(GAS, c.in(), out);
      checkFeasible(c, solver, out, seed);
      double expected =
          referenceMaxFlow(c, demandsUpTo(c, Integer.MAX_VALUE), null, null, seed % 2 == 0);
      assertEquals(expected, totalServed(c, out), TOL, "seed " + seed);
      if (gen.otherCommodity) {
        solver.solve(1, c.in(), out);
        assertEquals(3, out.served[c.net().nodeIndex("p-sink")], TOL, "seed " + seed);
      }
    }
  }

  @Test
  void priorityTiers_matchSequentialJGraphTMaxFlows() {
    RandomNetworks gen = new RandomNetworks();
    gen.priorities = true;
    gen.storages = true;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = gen.generate(10_000 + seed);
      DayOutput out = new DayOutput(c.net());
      DailyFlowSolver solver = new DailyFlowSolver(c.net());
      solver.solve(GAS, c.in(), out);
      checkFeasible(c, solver, out, seed);
      double[] storeCaps = upRates(c, c.in().withdrawCap, NodeKind.STORAGE);
      for (int tier = 1; tier <= 3; tier++) {
        double expected = referenceMaxFlow(c, demandsUpTo(c, tier), storeCaps, null, seed % 2 == 1);
        double served = 0;
        for (int i : c.net().sinksOf(GAS)) {
          if (c.net().priority(i) <= tier) {
            served += out.served[i];
          }
        }
        assertEquals(expected, served, TOL, "seed " + seed + " tiers <= " + tier);
      }
    }
  }

  @Test
  void storage_withdrawsOnlyWhatSourcesCannotAndRefillsMaximally() {
    RandomNetworks gen = new RandomNetworks();
    gen.priorities = true;
    gen.storages = true;
    int refillChecks = 0;
    int withdrawalCases = 0;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = gen.generate(20_000 + seed);
      DayOutput out = new DayOutput(c.net());
      DailyFlowSolver solver = new DailyFlowSolver(c.net());
      solver.solve(GAS, c.in(), out);
      checkFeasible(c, solver, out, seed);
      double served = totalServed(c, out);
      double withdrawn = 0;
      double injected = 0;
      for (int i : c.net().storagesOf(GAS)) {
        withdrawn += out.withdrawn[i];
        injected += out.injected[i];
      }
      double sourcesAlone = referenceMaxFlow(c, out.served, null, null, true);
      assertEquals(served - sourcesAlone, withdrawn, TOL, "minimal withdrawal, seed " + seed);
      if (withdrawn > 0) {
        withdrawalCases++;
      } else {
        double[] injectCaps = upRates(c, c.in().injectCap, NodeKind.STORAGE);
        double withRefill = referenceMaxFlow(c, out.served, null, injectCaps, false);
        assertEquals(withRefill - served, injected, TOL, "maximal refill, seed " + seed);
        refillChecks++;
      }
    }
    assertTrue(withdrawalCases > 50, "too few cases with withdrawals: " + withdrawalCases);
    assertTrue(refillChecks > 300, "too few refill checks: " + refillChecks);
  }

  /**
   * With {@code sharing: any} (integral flows, which JGraphT's min-cost flow needs); the cost step
   * is the same for {@code fair}, whose fractional flows {@code FairSharesTest} checks by the
   * optimality condition (no negative residual cycle).
   */
  @Test
  void cost_equalsJGraphTMinimumCostForTheSameTerminalFlows() {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = Sharing.ANY;
    gen.costs = true;
    gen.storages = true;
    gen.ampleSupply = true;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = gen.generate(30_000 + seed);
      DayOutput out = new DayOutput(c.net());
      DailyFlowSolver solver = new DailyFlowSolver(c.net());
      solver.solve(GAS, c.in(), out);
      checkFeasible(c, solver, out, seed);
      double expected = referenceMinCost(c, out, seed);
      assertEquals(expected, out.cost, 1e-6, "seed " + seed);
      double linkCost = 0;
      for (int l : c.net().linksOf(GAS)) {
        linkCost += out.linkFlow[l] * c.net().linkCostPerUnit(l);
      }
      assertEquals(linkCost, out.cost, 1e-9, "seed " + seed);
    }
  }

  // ------------------------------------------------------------------ reference solutions

  private static double[] demandsUpTo(RandomNetworks.Case c, int tier) {
    double[] caps = new double[c.net().nodeCount()];
    for (int i : c.net().sinksOf(GAS)) {
      if (c.net().priority(i) <= tier) {
        caps[i] = c.net().demandPerDay(i);
      }
    }
    return caps;
  }

  private static double[] upRates(RandomNetworks.Case c, double[] rates, NodeKind kind) {
    double[] result = new double[rates.length];
    for (int i = 0; i < rates.length; i++) {
      if (c.net().nodeKind(i) == kind && c.net().nodeCommodity(i) == GAS) {
        result[i] = rates[i];
      }
    }
    return result;
  }

  /** JGraphT max-flow from sources (and storages, caps {@code storeCaps}) to sinks and storages. */
  private static double referenceMaxFlow(
      RandomNetworks.Case c,
      double[] sinkCaps,
      double[] storeCaps,
      double[] injectCaps,
      boolean pushRelabel) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    // A simple graph: parallel arcs are merged by adding capacities (JGraphT's push-relabel trips
    // an internal assertion on some multigraphs).
    Graph<Integer, DefaultWeightedEdge> g =
        new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    g.addVertex(SUPER_SOURCE);
    g.addVertex(SUPER_SINK);
    for (int i = 0; i < net.nodeCount(); i++) {
      g.addVertex(i);
    }
    addLinks(c, g, null, null);
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) != GAS || !in.nodeUp[i]) {
        continue;
      }
      if (net.nodeKind(i) == NodeKind.SOURCE) {
        arc(g, SUPER_SOURCE, i, in.supply[i]);
      }
      if (storeCaps != null && storeCaps[i] > 0) {
        arc(g, SUPER_SOURCE, i, storeCaps[i]);
      }
      if (net.nodeKind(i) == NodeKind.SINK && sinkCaps[i] > 0) {
        arc(g, i, SUPER_SINK, sinkCaps[i]);
      }
      if (injectCaps != null && injectCaps[i] > 0) {
        arc(g, i, SUPER_SINK, injectCaps[i]);
      }
    }
    return pushRelabel
        ? new PushRelabelMFImpl<>(g).calculateMaximumFlow(SUPER_SOURCE, SUPER_SINK)
        : new EdmondsKarpMFImpl<>(g).calculateMaximumFlow(SUPER_SOURCE, SUPER_SINK);
  }

  private static void arc(
      Graph<Integer, DefaultWeightedEdge> g, Integer u, Integer v, double capacity) {
    if (capacity <= 0) {
      return;
    }
    DefaultWeightedEdge existing = g.getEdge(u, v);
    if (existing != null) {
      g.setEdgeWeight(existing, g.getEdgeWeight(existing) + capacity);
    } else {
      g.setEdgeWeight(g.addEdge(u, v), capacity);
    }
  }

  private static void addLinks(
      RandomNetworks.Case c,
      Graph<Integer, DefaultWeightedEdge> g,
      Map<DefaultWeightedEdge, Integer> capacities,
      Map<DefaultWeightedEdge, Double> costs) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    for (int l : net.linksOf(GAS)) {
      int u = net.linkFrom(l);
      int v = net.linkTo(l);
      if (!in.linkUp[l] || !in.nodeUp[u] || !in.nodeUp[v]) {
        continue;
      }
      double capacity = net.linkCapacity(l);
      if (capacity <= 0) {
        continue;
      }
      if (capacities == null) {
        arc(g, u, v, capacity);
        if (!net.linkDirected(l)) {
          arc(g, v, u, capacity);
        }
        continue;
      }
      // CapacityScalingMinimumCostFlow reads costs from edge weights (JGraphT issue 1139).
      double weight = capacities == null ? capacity : net.linkCostPerUnit(l);
      DefaultWeightedEdge e = g.addEdge(u, v);
      g.setEdgeWeight(e, weight);
      if (capacities != null) {
        capacities.put(e, (int) capacity);
        costs.put(e, net.linkCostPerUnit(l));
      }
      if (!net.linkDirected(l)) {
        DefaultWeightedEdge back = g.addEdge(v, u);
        g.setEdgeWeight(back, weight);
        if (capacities != null) {
          capacities.put(back, (int) capacity);
          costs.put(back, net.linkCostPerUnit(l));
        }
      }
    }
  }

  /** JGraphT's minimum cost with our deliveries, withdrawals and injections fixed, sources free. */
  private static double referenceMinCost(RandomNetworks.Case c, DayOutput out, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    Graph<Integer, DefaultWeightedEdge> g =
        new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
    Map<DefaultWeightedEdge, Integer> capacities = new HashMap<>();
    Map<DefaultWeightedEdge, Double> costs = new HashMap<>();
    Map<Integer, Integer> supplies = new HashMap<>();
    g.addVertex(SUPER_SOURCE);
    for (int i = 0; i < net.nodeCount(); i++) {
      g.addVertex(i);
    }
    addLinks(c, g, capacities, costs);
    int fromSources = 0;
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) != GAS) {
        continue;
      }
      if (net.nodeKind(i) == NodeKind.SOURCE && in.nodeUp[i]) {
        DefaultWeightedEdge e = g.addEdge(SUPER_SOURCE, i);
        g.setEdgeWeight(e, 0);
        capacities.put(e, integral(in.supply[i], seed));
        costs.put(e, 0.0);
      }
      int balance =
          integral(out.withdrawn[i], seed)
              - integral(out.injected[i], seed)
              - integral(out.served[i], seed);
      supplies.put(i, balance);
      fromSources -= balance;
    }
    supplies.put(SUPER_SOURCE, fromSources);
    MinimumCostFlowProblem<Integer, DefaultWeightedEdge> problem =
        new MinimumCostFlowProblem.MinimumCostFlowProblemImpl<>(
            g, v -> supplies.getOrDefault(v, 0), capacities::get, e -> 0, costs::get);
    return new CapacityScalingMinimumCostFlow<Integer, DefaultWeightedEdge>()
        .getMinimumCostFlow(problem)
        .getCost();
  }

  private static int integral(double value, long seed) {
    long rounded = Math.round(value);
    if (Math.abs(value - rounded) > 1e-9) {
      fail(
          "expected an integral flow with integral data but got " + value + " (seed " + seed + ")");
    }
    return (int) rounded;
  }

  // ------------------------------------------------------------------ invariants

  private static double totalServed(RandomNetworks.Case c, DayOutput out) {
    double served = 0;
    for (int i : c.net().sinksOf(GAS)) {
      served += out.served[i];
    }
    return served;
  }

  /** Capacities, disabled assets, netting of storage, and conservation at every node. */
  static void checkFeasible(
      RandomNetworks.Case c, DailyFlowSolver solver, DayOutput out, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    String where = " (seed " + seed + ")";
    double[] outflow = new double[net.nodeCount()];
    for (int l : net.linksOf(GAS)) {
      double f = solver.signedLinkFlow(l);
      int u = net.linkFrom(l);
      int v = net.linkTo(l);
      boolean up = in.linkUp[l] && in.nodeUp[u] && in.nodeUp[v];
      assertTrue(Math.abs(f) <= (up ? net.linkCapacity(l) : 0) + TOL, "link capacity " + l + where);
      if (net.linkDirected(l)) {
        assertTrue(f >= -TOL, "directed link runs backwards " + l + where);
      }
      assertEquals(Math.abs(f), out.linkFlow[l], TOL, "reported link flow " + l + where);
      outflow[u] += f;
      outflow[v] -= f;
    }
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) != GAS) {
        continue;
      }
      double expected = 0;
      switch (net.nodeKind(i)) {
        case SOURCE -> {
          expected = solver.sourceInjection(i);
          assertTrue(
              expected >= -TOL && expected <= (in.nodeUp[i] ? in.supply[i] : 0) + TOL,
              "supply " + i + where);
        }
        case SINK -> {
          expected = -out.served[i];
          assertTrue(
              out.served[i] >= 0 && out.served[i] <= (in.nodeUp[i] ? net.demandPerDay(i) : 0) + TOL,
              "demand " + i + where);
        }
        case STORAGE -> {
          expected = out.withdrawn[i] - out.injected[i];
          assertTrue(
              out.withdrawn[i] == 0 || out.injected[i] == 0, "withdraws and refills " + i + where);
          assertTrue(
              out.withdrawn[i] <= (in.nodeUp[i] ? in.withdrawCap[i] : 0) + TOL,
              "withdraw cap " + i + where);
          assertTrue(
              out.injected[i] <= (in.nodeUp[i] ? in.injectCap[i] : 0) + TOL,
              "inject cap " + i + where);
        }
        case JUNCTION -> expected = 0;
        default -> throw new AssertionError();
      }
      assertEquals(expected, outflow[i], TOL, "conservation at node " + net.nodeId(i) + where);
    }
  }
}
