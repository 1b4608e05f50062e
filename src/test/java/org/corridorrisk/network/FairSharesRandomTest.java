package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.graph.DefaultDirectedWeightedGraph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.junit.jupiter.api.Test;

/**
 * {@code sharing: fair} on seeded random networks (directed and undirected links, priority tiers,
 * storages, costs, disabled assets):
 *
 * <ul>
 *   <li>per-sink deliveries, withdrawals and refills do not depend on the order of nodes and links
 *       in the file nor on which end of an undirected link is {@code from} (within {@code 1e-9}
 *       relative), while {@code sharing: any} does on some cases (so the check has teeth);
 *   <li>tier totals and the total withdrawal are those of {@code sharing: any};
 *   <li>the result is feasible (capacities, conservation) and max-min fair, certified without the
 *       solver: for every share level, the sinks at or below it form a saturated set (a JGraphT
 *       max-flow into them, with earlier tiers held at their deliveries, is exactly what they get),
 *       which is the optimality condition of the lexicographically optimal base; the same for
 *       storage withdrawals and refills;
 *   <li>with link costs, the terminal flows are those without costs, and no negative-cost cycle is
 *       left in the residual network (the flow is the cheapest for them).
 * </ul>
 */
class FairSharesRandomTest {
  private static final int CASES = 600;
  private static final double REL = 1e-9;
  private static final double CERT = 1e-7;
  private static final int GAS = 0;
  private static final Integer SUPER_SOURCE = -1;
  private static final Integer SUPER_SINK = -2;

  /** Solution of one day, by node / link id. */
  private record Result(NetworkIndex net, DayInput in, DayOutput out, DailyFlowSolver solver) {
    double served(String id) {
      return out.served[net.nodeIndex(id)];
    }

    double withdrawn(String id) {
      return out.withdrawn[net.nodeIndex(id)];
    }

    double injected(String id) {
      return out.injected[net.nodeIndex(id)];
    }
  }

  private static RandomNetworks generator(long seed, Sharing sharing) {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = sharing;
    gen.priorities = seed % 3 != 0;
    gen.storages = seed % 2 == 0;
    gen.costs = seed % 5 == 0;
    gen.undirectedOnly = seed % 7 == 0;
    return gen;
  }

  private static Result solve(NetworkIndex net, DayInput in, boolean fastPath) {
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver =
        new DailyFlowSolver(net, SolverOptions.DEFAULTS.withFastPath(fastPath));
    solver.solve(GAS, in, out);
    return new Result(net, in, out, solver);
  }

  // ------------------------------------------------------------------ order independence

  @Test
  void perSinkResults_doNotDependOnNodeAndLinkOrder() {
    int compared = 0;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = generator(seed, Sharing.FAIR).generate(70_000 + seed);
      Result base = solve(c.net(), c.in(), seed % 2 == 0);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
      for (int p = 0; p < 3; p++) {
        Result other = permuted(c, rng, seed % 3 == 0);
        String where = "seed " + seed + " permutation " + p;
        assertSameTerminalFlows(base, other, where, true);
        compared++;
      }
    }
    assertEquals(3 * CASES, compared);
  }

  @Test
  void any_dependsOnOrderOnSomeNetworks_soTheOrderCheckHasTeeth() {
    int differing = 0;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = generator(seed, Sharing.ANY).generate(70_000 + seed);
      Result base = solve(c.net(), c.in(), false);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
      Result other = permuted(c, rng, false);
      if (!assertSameTerminalFlows(base, other, "", false)) {
        differing++;
      }
    }
    assertTrue(differing >= 5, "sharing: any differed on only " + differing + " networks");
  }

  /** The same network with nodes and links shuffled and undirected links turned around. */
  private static Result permuted(RandomNetworks.Case c, UniformRandomProvider rng, boolean fast) {
    Scenario s = c.net().scenario();
    List<Node> nodes = new ArrayList<>(s.nodes());
    List<Link> links = new ArrayList<>();
    for (Link l : s.links()) {
      if (!l.directed() && rng.nextBoolean()) {
        l =
            Link.of(l.id(), l.to(), l.from(), l.commodity(), l.capacityPerDay())
                .undirected()
                .with(l.kind(), l.corridor(), l.costPerUnit(), l.spill());
      }
      links.add(l);
    }
    shuffle(nodes, rng);
    shuffle(links, rng);
    Scenario p =
        new Scenario(
                s.name(),
                "",
                1,
                "USD",
                s.commodities(),
                nodes,
                links,
                List.of(),
                List.of(),
                null,
                List.of())
            .withSharing(s.sharing());
    NetworkIndex net = NetworkIndex.compile(p);
    DayInput in = new DayInput(net);
    NetworkIndex from = c.net();
    for (int i = 0; i < from.nodeCount(); i++) {
      int j = net.nodeIndex(from.nodeId(i));
      in.nodeUp[j] = c.in().nodeUp[i];
      in.supply[j] = c.in().supply[i];
      in.withdrawCap[j] = c.in().withdrawCap[i];
      in.injectCap[j] = c.in().injectCap[i];
    }
    for (int l = 0; l < from.linkCount(); l++) {
      in.linkUp[net.linkIndex(from.linkId(l))] = c.in().linkUp[l];
    }
    DayOutput out = new DayOutput(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, SolverOptions.DEFAULTS.withFastPath(fast));
    solver.solve(GAS, in, out);
    return new Result(net, in, out, solver);
  }

  private static <T> void shuffle(List<T> list, UniformRandomProvider rng) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      T x = list.get(i);
      list.set(i, list.get(j));
      list.set(j, x);
    }
  }

  /** Compares deliveries, withdrawals and refills by id; returns whether all agree. */
  private static boolean assertSameTerminalFlows(
      Result a, Result b, String where, boolean failOnDifference) {
    boolean same = true;
    NetworkIndex net = a.net();
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) != GAS) {
        continue;
      }
      String id = net.nodeId(i);
      same &= close(a.served(id), b.served(id), "served " + id, where, failOnDifference);
      same &= close(a.withdrawn(id), b.withdrawn(id), "withdrawn " + id, where, failOnDifference);
      same &= close(a.injected(id), b.injected(id), "injected " + id, where, failOnDifference);
    }
    return same;
  }

  private static boolean close(double x, double y, String what, String where, boolean fail) {
    boolean ok = Math.abs(x - y) <= REL * Math.max(Math.abs(x), Math.abs(y)) + 1e-12;
    if (!ok && fail) {
      fail(what + ": " + x + " vs " + y + " (" + where + ")");
    }
    return ok;
  }

  // ------------------------------------------------------------------ totals as with any

  @Test
  void tierTotalsAndTotalWithdrawal_areThoseOfAny() {
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case f = generator(seed, Sharing.FAIR).generate(80_000 + seed);
      RandomNetworks.Case a = generator(seed, Sharing.ANY).generate(80_000 + seed);
      Result fair = solve(f.net(), f.in(), true);
      Result any = solve(a.net(), a.in(), true);
      String where = "seed " + seed;
      for (int tier = 1; tier <= 3; tier++) {
        double x = 0;
        double y = 0;
        for (int i : f.net().sinksOf(GAS)) {
          if (f.net().priority(i) == tier) {
            x += fair.out().served[i];
            y += any.out().served[i];
          }
        }
        close(x, y, "tier " + tier + " total", where, true);
      }
      double wx = 0;
      double wy = 0;
      for (int i : f.net().storagesOf(GAS)) {
        wx += fair.out().withdrawn[i];
        wy += any.out().withdrawn[i];
      }
      close(wx, wy, "total withdrawal", where, true);
    }
  }

  // ------------------------------------------------------------------ certificate

  @Test
  void result_isFeasibleAndEveryShareLevelIsASaturatedSet() {
    int levels = 0;
    int storageLevels = 0;
    int refillLevels = 0;
    long tests = 0;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks.Case c = generator(seed, Sharing.FAIR).generate(90_000 + seed);
      Result r = solve(c.net(), c.in(), seed % 2 == 0);
      DailyFlowSolverDifferentialTest.checkFeasible(c, r.solver(), r.out(), seed);
      assertEquals(0, r.solver().fair.shares.degenerate, "degenerate split, seed " + seed);
      tests += r.solver().fair.shares.tests;
      levels += certifySinks(c, r, seed);
      storageLevels += certifyWithdrawals(c, r, seed);
      refillLevels += certifyRefills(c, r, seed);
    }
    assertTrue(levels > 300, "too few sink levels below 1: " + levels);
    assertTrue(storageLevels > 20, "too few withdrawal levels below 1: " + storageLevels);
    assertTrue(refillLevels > 20, "too few refill levels below 1: " + refillLevels);
    assertTrue(tests > 0);
  }

  private static double share(double x, double w) {
    return w > 0 ? x / w : 1;
  }

  /** Per tier and share level below 1: the sinks at or below it are saturated. */
  private static int certifySinks(RandomNetworks.Case c, Result r, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    int checked = 0;
    double[] storeCaps = rates(c, in.withdrawCap, NodeKind.STORAGE);
    for (int tier = 1; tier <= 3; tier++) {
      TreeSet<Double> shares = new TreeSet<>();
      for (int i : net.sinksOf(GAS)) {
        if (net.priority(i) == tier && in.nodeUp[i] && net.demandPerDay(i) > 0) {
          double s = share(r.out().served[i], net.demandPerDay(i));
          if (s < 1 - 1e-9) {
            shares.add(s);
          }
        }
      }
      for (double level : shares) {
        double[] caps = new double[net.nodeCount()];
        double expected = 0;
        for (int i : net.sinksOf(GAS)) {
          if (!in.nodeUp[i]) {
            continue;
          }
          if (net.priority(i) < tier) {
            caps[i] = r.out().served[i];
            expected += r.out().served[i];
          } else if (net.priority(i) == tier
              && share(r.out().served[i], net.demandPerDay(i)) <= level + 1e-9) {
            caps[i] = net.demandPerDay(i);
            expected += r.out().served[i];
          }
        }
        double max = maxFlow(c, caps, storeCaps, null);
        assertEquals(
            expected, max, CERT, "tier " + tier + " level " + level + " not saturated, " + seed);
        checked++;
      }
    }
    return checked;
  }

  /** Per withdrawal share level below 1: the storages at or below it cannot give more. */
  private static int certifyWithdrawals(RandomNetworks.Case c, Result r, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    double delivered = 0;
    for (int i : net.sinksOf(GAS)) {
      delivered += r.out().served[i];
    }
    double withdrawn = 0;
    TreeSet<Double> shares = new TreeSet<>();
    for (int i : net.storagesOf(GAS)) {
      withdrawn += r.out().withdrawn[i];
      if (in.nodeUp[i] && in.withdrawCap[i] > 0) {
        double s = share(r.out().withdrawn[i], in.withdrawCap[i]);
        if (s < 1 - 1e-9) {
          shares.add(s);
        }
      }
    }
    if (withdrawn <= 0) {
      return 0;
    }
    int checked = 0;
    for (double level : shares) {
      double[] storeCaps = new double[net.nodeCount()];
      double expected = delivered - withdrawn;
      for (int i : net.storagesOf(GAS)) {
        if (in.nodeUp[i]
            && in.withdrawCap[i] > 0
            && share(r.out().withdrawn[i], in.withdrawCap[i]) <= level + 1e-9) {
          storeCaps[i] = in.withdrawCap[i];
          expected += r.out().withdrawn[i];
        }
      }
      double max = maxFlow(c, r.out().served, storeCaps, null);
      assertEquals(expected, max, CERT, "withdrawal level " + level + " not saturated, " + seed);
      checked++;
    }
    return checked;
  }

  /** Per refill share level below 1: the storages at or below it cannot take more. */
  private static int certifyRefills(RandomNetworks.Case c, Result r, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    double delivered = 0;
    for (int i : net.sinksOf(GAS)) {
      delivered += r.out().served[i];
    }
    TreeSet<Double> shares = new TreeSet<>();
    for (int i : net.storagesOf(GAS)) {
      if (in.nodeUp[i] && in.injectCap[i] > 0) {
        double s = share(r.out().injected[i], in.injectCap[i]);
        if (s < 1 - 1e-9) {
          shares.add(s);
        }
      }
    }
    int checked = 0;
    double[] fixedWithdrawals = Arrays.copyOf(r.out().withdrawn, net.nodeCount());
    for (double level : shares) {
      double[] injectCaps = new double[net.nodeCount()];
      double expected = delivered;
      for (int i : net.storagesOf(GAS)) {
        if (in.nodeUp[i]
            && in.injectCap[i] > 0
            && share(r.out().injected[i], in.injectCap[i]) <= level + 1e-9) {
          injectCaps[i] = in.injectCap[i];
          expected += r.out().injected[i];
        }
      }
      double max = maxFlow(c, r.out().served, fixedWithdrawals, injectCaps);
      assertEquals(expected, max, CERT, "refill level " + level + " not saturated, " + seed);
      checked++;
    }
    return checked;
  }

  private static double[] rates(RandomNetworks.Case c, double[] rates, NodeKind kind) {
    double[] result = new double[rates.length];
    for (int i = 0; i < rates.length; i++) {
      if (c.net().nodeKind(i) == kind && c.net().nodeCommodity(i) == GAS && c.in().nodeUp[i]) {
        result[i] = rates[i];
      }
    }
    return result;
  }

  /**
   * JGraphT max-flow from a super source (arcs to up sources at their supply and to storages at
   * {@code storeCaps}) to a super sink (arcs from sinks at {@code sinkCaps} and from storages at
   * {@code injectCaps}).
   */
  private static double maxFlow(
      RandomNetworks.Case c, double[] sinkCaps, double[] storeCaps, double[] injectCaps) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    Graph<Integer, DefaultWeightedEdge> g =
        new DefaultDirectedWeightedGraph<>(DefaultWeightedEdge.class);
    g.addVertex(SUPER_SOURCE);
    g.addVertex(SUPER_SINK);
    for (int i = 0; i < net.nodeCount(); i++) {
      g.addVertex(i);
    }
    for (int l : net.linksOf(GAS)) {
      int u = net.linkFrom(l);
      int v = net.linkTo(l);
      if (!in.linkUp[l] || !in.nodeUp[u] || !in.nodeUp[v]) {
        continue;
      }
      arc(g, u, v, net.linkCapacity(l));
      if (!net.linkDirected(l)) {
        arc(g, v, u, net.linkCapacity(l));
      }
    }
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) != GAS || !in.nodeUp[i]) {
        continue;
      }
      if (net.nodeKind(i) == NodeKind.SOURCE) {
        arc(g, SUPER_SOURCE, i, in.supply[i]);
      }
      if (net.nodeKind(i) == NodeKind.STORAGE && storeCaps != null) {
        arc(g, SUPER_SOURCE, i, storeCaps[i]);
      }
      if (net.nodeKind(i) == NodeKind.SINK) {
        arc(g, i, SUPER_SINK, sinkCaps[i]);
      }
      if (net.nodeKind(i) == NodeKind.STORAGE && injectCaps != null) {
        arc(g, i, SUPER_SINK, injectCaps[i]);
      }
    }
    return new PushRelabelMFImpl<>(g).calculateMaximumFlow(SUPER_SOURCE, SUPER_SINK);
  }

  private static void arc(
      Graph<Integer, DefaultWeightedEdge> g, Integer u, Integer v, double capacity) {
    if (!(capacity > 0)) {
      return;
    }
    DefaultWeightedEdge existing = g.getEdge(u, v);
    if (existing != null) {
      g.setEdgeWeight(existing, g.getEdgeWeight(existing) + capacity);
    } else {
      g.setEdgeWeight(g.addEdge(u, v), capacity);
    }
  }

  // ------------------------------------------------------------------ costs

  @Test
  void costs_keepTheFairTerminalFlowsAndLeaveNoNegativeCycle() {
    int costly = 0;
    for (long seed = 0; seed < CASES; seed++) {
      RandomNetworks gen = generator(seed, Sharing.FAIR);
      gen.costs = true;
      RandomNetworks.Case c = gen.generate(100_000 + seed);
      Scenario s = c.net().scenario();
      Scenario free =
          new Scenario(
                  s.name(),
                  "",
                  1,
                  "USD",
                  s.commodities(),
                  s.nodes(),
                  s.links().stream()
                      .map(l -> l.with(l.kind(), l.corridor(), 0, l.spill()))
                      .toList(),
                  List.of(),
                  List.of(),
                  null,
                  List.of())
              .withSharing(s.sharing());
      NetworkIndex plain = NetworkIndex.compile(free);
      DayInput plainIn = new DayInput(plain);
      System.arraycopy(c.in().nodeUp, 0, plainIn.nodeUp, 0, plainIn.nodeUp.length);
      System.arraycopy(c.in().linkUp, 0, plainIn.linkUp, 0, plainIn.linkUp.length);
      System.arraycopy(c.in().supply, 0, plainIn.supply, 0, plainIn.supply.length);
      System.arraycopy(c.in().withdrawCap, 0, plainIn.withdrawCap, 0, plainIn.nodeUp.length);
      System.arraycopy(c.in().injectCap, 0, plainIn.injectCap, 0, plainIn.nodeUp.length);
      Result withCosts = solve(c.net(), c.in(), true);
      Result without = solve(plain, plainIn, true);
      assertSameTerminalFlows(withCosts, without, "seed " + seed, true);
      if (withCosts.out().cost > 0) {
        costly++;
      }
      assertNoNegativeCycle(c, withCosts, seed);
    }
    assertTrue(costly > 100, "too few cases with a cost: " + costly);
  }

  /**
   * Bellman-Ford on the residual network of the reported link flows plus a super source joined to
   * every source (its injection may move between sources); sinks and storages keep their flows.
   */
  private static void assertNoNegativeCycle(RandomNetworks.Case c, Result r, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    int n = net.nodeCount() + 1;
    int root = n - 1;
    List<double[]> arcs = new ArrayList<>();
    for (int l : net.linksOf(GAS)) {
      int u = net.linkFrom(l);
      int v = net.linkTo(l);
      if (!in.linkUp[l] || !in.nodeUp[u] || !in.nodeUp[v]) {
        continue;
      }
      double f = r.solver().signedLinkFlow(l);
      double cap = net.linkCapacity(l);
      double k = net.linkCostPerUnit(l);
      if (net.linkDirected(l)) {
        if (f < cap - 1e-9) {
          arcs.add(new double[] {u, v, k});
        }
        if (f > 1e-9) {
          arcs.add(new double[] {v, u, -k});
        }
      } else {
        if (f < cap - 1e-9) {
          arcs.add(new double[] {u, v, f < -1e-9 ? -k : k});
        }
        if (f > -cap + 1e-9) {
          arcs.add(new double[] {v, u, f > 1e-9 ? -k : k});
        }
      }
    }
    for (int i : net.sourcesOf(GAS)) {
      if (!in.nodeUp[i]) {
        continue;
      }
      double g = r.solver().sourceInjection(i);
      if (g < in.supply[i] - 1e-9) {
        arcs.add(new double[] {root, i, 0});
      }
      if (g > 1e-9) {
        arcs.add(new double[] {i, root, 0});
      }
    }
    double[] dist = new double[n];
    for (int pass = 0; pass < n; pass++) {
      boolean changed = false;
      for (double[] a : arcs) {
        int u = (int) a[0];
        int v = (int) a[1];
        if (dist[u] + a[2] < dist[v] - 1e-9) {
          dist[v] = dist[u] + a[2];
          changed = true;
        }
      }
      if (!changed) {
        return;
      }
    }
    fail("negative-cost residual cycle left, seed " + seed);
  }
}
