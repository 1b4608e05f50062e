package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The reference flow (max-flow started from the undisturbed day's paths) against a solver without
 * them: same total delivery (both are maximum flows), a feasible flow, and answers that depend only
 * on the input. Every test runs under both sharing rules: {@code fair} installs the reference in
 * its fairness rounds, {@code any} repairs it with Boykov and Kolmogorov's algorithm restarted from
 * the undisturbed day's trees (excesses and deficits as extra roots).
 */
class ReferenceFlowTest {
  private static final double TOL = 1e-7;
  private static final int GAS = 0;
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(Sharing.class)
  void warmStart_deliversTheColdMaximum_withAFeasibleFlow_onRandomNetworks(Sharing sharing) {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = sharing;
    int warmCases = 0;
    for (long seed = 0; seed < 1000; seed++) {
      gen.ampleSupply = seed % 3 != 0;
      gen.otherCommodity = seed % 5 == 0;
      RandomNetworks.Case c = gen.generate(50_000 + seed);
      ColdAndWarm day = ColdAndWarm.solve(c);
      DayOutput cold = day.cold();
      DayOutput warm = day.warm();
      DailyFlowSolver solver = day.solver();
      if (solver.usesReferenceFlow(GAS)) {
        warmCases++;
      }
      assertEquals(totalServed(c.net(), cold), totalServed(c.net(), warm), TOL, "seed " + seed);
      checkFeasible(c, solver, warm, seed);
    }
    assertTrue(warmCases > 300, "reference flow exercised on " + warmCases + " of 1000 cases");
  }

  /**
   * With link costs the reference is the cheapest undisturbed flow: a day started from it delivers
   * what a day from zero delivers (every sink under {@code fair}, the total under {@code any}) and,
   * for the same deliveries, at the same, cheapest, cost.
   */
  @ParameterizedTest
  @EnumSource(Sharing.class)
  void cheapestReference_sameDeliveriesAndCost_asADayFromZero_onRandomNetworks(Sharing sharing) {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = sharing;
    gen.costs = true;
    gen.ampleSupply = true;
    int warmCases = 0;
    int costly = 0;
    int compared = 0;
    for (long seed = 0; seed < 600; seed++) {
      gen.undirectedOnly = seed % 3 == 0;
      RandomNetworks.Case c = gen.generate(90_000 + seed);
      ColdAndWarm day = ColdAndWarm.solve(c);
      DayOutput cold = day.cold();
      DayOutput warm = day.warm();
      DailyFlowSolver solver = day.solver();
      warmCases += solver.usesReferenceFlow(GAS) ? 1 : 0;
      costly += cold.cost > 0 ? 1 : 0;
      String where = sharing + " seed " + seed;
      assertEquals(totalServed(c.net(), cold), totalServed(c.net(), warm), TOL, where);
      boolean sameDeliveries = true;
      for (int i = 0; i < cold.served.length; i++) {
        sameDeliveries &= Math.abs(cold.served[i] - warm.served[i]) <= TOL;
      }
      // fair shares are unique; under any, another maximum flow may serve other sinks, and the
      // cheapest flow is the cheapest for the deliveries chosen
      assertTrue(sharing == Sharing.ANY || sameDeliveries, where);
      if (sameDeliveries) {
        compared++;
        assertEquals(cold.cost, warm.cost, 1e-9 * Math.max(1, Math.abs(cold.cost)), where);
      }
      checkFeasible(c, solver, warm, seed);
    }
    assertTrue(warmCases > 300, "reference flow exercised on " + warmCases + " of 600 cases");
    assertTrue(costly > 300, "days with a cost: " + costly);
    assertTrue(compared > 300, "costs compared on " + compared + " of 600 cases");
  }

  @ParameterizedTest
  @EnumSource(Sharing.class)
  void warmStart_answerDependsOnlyOnTheInput_notOnEarlierSolves(Sharing sharing) {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = sharing;
    gen.ampleSupply = true;
    for (long seed = 0; seed < 200; seed++) {
      RandomNetworks.Case a = gen.generate(70_000 + seed);
      DailyFlowSolver solver =
          new DailyFlowSolver(a.net(), SolverOptions.DEFAULTS.withReferencePathsMinNodes(0));
      DayOutput first = new DayOutput(a.net());
      solver.solve(GAS, a.in(), first);
      DayInput allUp = new DayInput(a.net());
      solver.solve(GAS, allUp, new DayOutput(a.net()));
      DayOutput again = new DayOutput(a.net());
      solver.solve(GAS, a.in(), again);
      assertArrayEquals(first.served, again.served, "seed " + seed);
      assertArrayEquals(first.linkFlow, again.linkFlow, "seed " + seed);
    }
  }

  @ParameterizedTest
  @EnumSource(Sharing.class)
  void powerGrid_warmAndColdDeliverTheSame_underRandomLineFailures(Sharing sharing)
      throws Exception {
    NetworkIndex net = importedGrid(sharing);
    DailyFlowSolver warmSolver = new DailyFlowSolver(net, EXACT_PATH);
    DailyFlowSolver coldSolver = new DailyFlowSolver(net, COLD);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(7L);
    DayInput in = new DayInput(net);
    for (int day = 0; day < 20; day++) {
      for (int l = 0; l < net.linkCount(); l++) {
        in.linkUp[l] = rng.nextDouble() >= 0.05;
      }
      DayOutput warm = new DayOutput(net);
      DayOutput cold = new DayOutput(net);
      warmSolver.solve(GAS, in, warm);
      coldSolver.solve(GAS, in, cold);
      assertTrue(warmSolver.usesReferenceFlow(GAS));
      assertEquals(totalServed(net, cold), totalServed(net, warm), 1e-6, "day " + day);
      for (int l = 0; l < net.linkCount(); l++) {
        assertTrue(
            warm.linkFlow[l] <= (in.linkUp[l] ? net.linkCapacity(l) + 1e-9 : 0), "link " + l);
      }
    }
  }

  /**
   * Under {@code fair} a tier that can be served in full starts its first test from the reference
   * flow repaired with the undisturbed day's search trees, as a day under {@code any} does, instead
   * of a staged max-flow (bound, greedy rounds, a fresh search): no greedy round runs, and every
   * sink gets what a solver without the reference gives it (fair shares are unique), on days with
   * shortfalls, where the later tests run too.
   */
  @Test
  void powerGrid_fairFirstTest_startsFromTheReference_andSharesAsFromZero() throws Exception {
    NetworkIndex net = importedGrid(Sharing.FAIR);
    DailyFlowSolver warmSolver = new DailyFlowSolver(net, EXACT_PATH);
    DailyFlowSolver coldSolver = new DailyFlowSolver(net, COLD);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(13L);
    double demand = 0;
    for (int i : net.sinksOf(GAS)) {
      demand += net.demandPerDay(i);
    }
    int shortDays = 0;
    for (int day = 0; day < 8; day++) {
      DayInput in = new DayInput(net);
      for (int l = 0; l < net.linkCount(); l++) {
        in.linkUp[l] = rng.nextDouble() >= 0.1;
      }
      DayOutput warm = new DayOutput(net);
      DayOutput cold = new DayOutput(net);
      warmSolver.solve(GAS, in, warm);
      coldSolver.solve(GAS, in, cold);
      for (int i : net.sinksOf(GAS)) {
        assertEquals(cold.served[i], warm.served[i], TOL, "day " + day + ", sink " + i);
      }
      shortDays += totalServed(net, warm) < demand - 1e-6 ? 1 : 0;
    }
    assertTrue(shortDays >= 4, "days with a shortfall: " + shortDays);
    assertEquals(0, warmSolver.statistics().greedyRounds());
    assertTrue(coldSolver.statistics().greedyRounds() > 0, "the counter counts first tests");
  }

  /**
   * The clip-and-rebalance cases the all-or-nothing test above does not reach: lines at part of
   * their capacity (damage states, capacity profiles), demand above and below the undisturbed day's
   * (demand profiles), and supply cut at some sources. The warm start must still give the cold
   * maximum, within today's capacities, with flow conserved at every node.
   */
  @ParameterizedTest
  @EnumSource(Sharing.class)
  void powerGrid_partialCapacitiesAndChangedRates_warmEqualsCold(Sharing sharing) throws Exception {
    NetworkIndex net = importedGrid(sharing);
    DailyFlowSolver warmSolver = new DailyFlowSolver(net, EXACT_PATH);
    DailyFlowSolver coldSolver = new DailyFlowSolver(net, COLD);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    int clippedDays = 0;
    for (int day = 0; day < 12; day++) {
      DayInput in = new DayInput(net);
      for (int l = 0; l < net.linkCount(); l++) {
        double u = rng.nextDouble();
        // 3% out, 10% at a tenth to a half of their capacity, the rest intact
        double factor = u < 0.03 ? 0 : u < 0.13 ? 0.1 + 0.4 * rng.nextDouble() : 1;
        in.linkCapacity[l] = net.linkCapacity(l) * factor;
      }
      for (int i : net.sinksOf(GAS)) {
        in.demand[i] = net.demandPerDay(i) * (0.5 + rng.nextDouble()); // 0.5x to 1.5x
      }
      for (int i : net.sourcesOf(GAS)) {
        if (rng.nextDouble() < 0.05) {
          in.supply[i] = net.supplyPerDay(i) * 0.3;
        }
      }
      DayOutput warm = new DayOutput(net);
      DayOutput cold = new DayOutput(net);
      warmSolver.solve(GAS, in, warm);
      coldSolver.solve(GAS, in, cold);
      assertTrue(warmSolver.usesReferenceFlow(GAS));
      assertEquals(totalServed(net, cold), totalServed(net, warm), 1e-6, "day " + day);
      double[] balance = new double[net.nodeCount()];
      for (int l = 0; l < net.linkCount(); l++) {
        assertTrue(warm.linkFlow[l] <= in.linkCapacity[l] + 1e-9, "day " + day + " link " + l);
        double f = warmSolver.signedLinkFlow(l);
        balance[net.linkFrom(l)] -= f;
        balance[net.linkTo(l)] += f;
      }
      for (int i : net.sourcesOf(GAS)) {
        double injected = warmSolver.sourceInjection(i);
        assertTrue(injected <= in.supply[i] + 1e-9, "day " + day + " source " + i);
        balance[i] += injected;
      }
      for (int i : net.sinksOf(GAS)) {
        assertTrue(warm.served[i] <= in.demand[i] + 1e-9, "day " + day + " sink " + i);
        balance[i] -= warm.served[i];
      }
      for (int i = 0; i < net.nodeCount(); i++) {
        assertEquals(0, balance[i], 1e-7, "day " + day + " conservation at node " + i);
      }
      for (int l = 0; l < net.linkCount(); l++) {
        if (in.linkCapacity[l] > 0 && in.linkCapacity[l] < nominal(net).linkFlow[l] - 1e-6) {
          clippedDays++; // a line still up but below its undisturbed flow: clipped, not dropped
          break;
        }
      }
    }
    assertTrue(clippedDays >= 6, "partial clipping on only " + clippedDays + " of 12 days");
  }

  /**
   * Under {@code sharing: any} each day is prepared from the undisturbed day with the reference
   * flow installed, setting again only what differs ({@link ReferenceFlow#installDay}); that must
   * leave the state the full set-up and clip leave, so every output is the same bit for bit, on
   * random networks (directed and undirected links, nodes and links down, short supply) and on days
   * solved one after the other by the same solver.
   */
  @org.junit.jupiter.api.Test
  void installedReference_sameOutputsBitForBit_asAFullClip_onRandomNetworks() {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = Sharing.ANY;
    int installedCases = 0;
    for (long seed = 0; seed < 1000; seed++) {
      gen.ampleSupply = seed % 4 != 0;
      gen.otherCommodity = seed % 5 == 0;
      RandomNetworks.Case c = gen.generate(90_000 + seed);
      SolverOptions options = SolverOptions.DEFAULTS.withReferencePathsMinNodes(0);
      DailyFlowSolver installed = new DailyFlowSolver(c.net(), options);
      DailyFlowSolver full = new DailyFlowSolver(c.net(), options.withInstalledReference(false));
      DayInput allUp = new DayInput(c.net());
      for (DayInput in : new DayInput[] {c.in(), allUp, c.in()}) {
        DayOutput a = new DayOutput(c.net());
        DayOutput b = new DayOutput(c.net());
        installed.solve(GAS, in, a);
        full.solve(GAS, in, b);
        assertArrayEquals(b.served, a.served, "seed " + seed);
        assertArrayEquals(b.linkFlow, a.linkFlow, "seed " + seed);
      }
      if (installed.installed.days > 0) {
        installedCases++;
      }
      assertEquals(0, full.installed.days);
    }
    assertTrue(installedCases > 300, "installed state used on " + installedCases + " of 1000");
  }

  /**
   * As above on the power grid with partial capacities, changed demand, cut supply and sinks and
   * lines out, the days the installed state has to patch most; on half of the days few lines change
   * (the day's changes journaled, the next day restores only those), on the others many (not
   * journaled: the next day copies every arc back).
   */
  @org.junit.jupiter.api.Test
  void installedReference_sameOutputsBitForBit_onThePowerGrid() throws Exception {
    NetworkIndex net = importedGrid(Sharing.ANY);
    DailyFlowSolver installed = new DailyFlowSolver(net, EXACT_PATH);
    DailyFlowSolver full = new DailyFlowSolver(net, EXACT_PATH.withInstalledReference(false));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(13L);
    for (int day = 0; day < 16; day++) {
      DayInput in = new DayInput(net);
      // even days change few lines (journaled), odd days many (not journaled)
      double out = day % 2 == 0 ? 0.003 : 0.04;
      double partial = day % 2 == 0 ? 0.006 : 0.1;
      for (int l = 0; l < net.linkCount(); l++) {
        double u = rng.nextDouble();
        in.linkUp[l] = u >= out;
        in.linkCapacity[l] = net.linkCapacity(l) * (u < partial ? 0.3 : day % 4 == 3 ? 1.2 : 1);
      }
      for (int i : net.sinksOf(GAS)) {
        double u = rng.nextDouble();
        in.nodeUp[i] = u >= (day % 2 == 0 ? 0.003 : 0.02);
        // even days: 1% of the sinks at half or one and a half times their demand
        double few = u < 0.005 ? 0.5 : u < 0.01 ? 1.5 : 1;
        in.demand[i] = net.demandPerDay(i) * (day % 2 == 0 ? few : 0.5 + u);
      }
      for (int i : net.sourcesOf(GAS)) {
        in.supply[i] = net.supplyPerDay(i) * (rng.nextDouble() < 0.02 ? 0.3 : 1);
        in.nodeUp[i] = day % 3 != 1 || rng.nextDouble() >= 0.02;
      }
      DayOutput a = new DayOutput(net);
      DayOutput b = new DayOutput(net);
      installed.solve(GAS, in, a);
      full.solve(GAS, in, b);
      assertArrayEquals(b.served, a.served, "day " + day);
      assertArrayEquals(b.linkFlow, a.linkFlow, "day " + day);
    }
    // a day whose supply falls short of its demand starts from zero flow
    assertTrue(installed.installed.days >= 12, installed.installed.days + " of 16 days installed");
    long journaled = installed.referenceFlow(GAS).journaledDays;
    assertTrue(
        journaled >= 4 && journaled <= installed.installed.days - 4, journaled + " days journaled");
  }

  /** The grid tests are about the reference flow of the exact path, so the fast path is off. */
  private static final SolverOptions EXACT_PATH = SolverOptions.DEFAULTS.withFastPath(false);

  /** The same without the reference flow: every max-flow starts from zero. */
  private static final SolverOptions COLD =
      EXACT_PATH.withReferencePathsMinNodes(Integer.MAX_VALUE);

  /** The Western US power grid imported with the importer's defaults. */
  private NetworkIndex importedGrid(Sharing sharing) throws Exception {
    Path file = dir.resolve("grid.yaml");
    ScenarioImporter.importFile(
            org.corridorrisk.TestData.powerGrid(), null, ImportOptions.defaults())
        .write(file, false);
    return NetworkIndex.compile(ScenarioLoader.load(file).baseline().withSharing(sharing));
  }

  private DayOutput nominalOutput;

  private DayOutput nominal(NetworkIndex net) {
    if (nominalOutput == null) {
      nominalOutput = new DayOutput(net);
      new DailyFlowSolver(net, SolverOptions.DEFAULTS.withFastPath(false))
          .solve(GAS, new DayInput(net), nominalOutput);
    }
    return nominalOutput;
  }

  /**
   * One day solved from zero (no reference flow) and from the reference flow (which any block then
   * uses), with the solver of the latter.
   */
  private record ColdAndWarm(DayOutput cold, DayOutput warm, DailyFlowSolver solver) {
    static ColdAndWarm solve(RandomNetworks.Case c) {
      DayOutput cold = new DayOutput(c.net());
      new DailyFlowSolver(
              c.net(), SolverOptions.DEFAULTS.withReferencePathsMinNodes(Integer.MAX_VALUE))
          .solve(GAS, c.in(), cold);
      DayOutput warm = new DayOutput(c.net());
      DailyFlowSolver solver =
          new DailyFlowSolver(c.net(), SolverOptions.DEFAULTS.withReferencePathsMinNodes(0));
      solver.solve(GAS, c.in(), warm);
      return new ColdAndWarm(cold, warm, solver);
    }
  }

  private static double totalServed(NetworkIndex net, DayOutput out) {
    double total = 0;
    for (int i : net.sinksOf(GAS)) {
      total += out.served[i];
    }
    return total;
  }

  /** Capacities, disabled assets, demand caps and conservation at every node of the commodity. */
  private static void checkFeasible(
      RandomNetworks.Case c, DailyFlowSolver solver, DayOutput out, long seed) {
    NetworkIndex net = c.net();
    DayInput in = c.in();
    double[] balance = new double[net.nodeCount()];
    for (int l = 0; l < net.linkCount(); l++) {
      if (net.linkCommodity(l) != GAS) {
        continue;
      }
      boolean up = in.linkUp[l] && in.nodeUp[net.linkFrom(l)] && in.nodeUp[net.linkTo(l)];
      double f = solver.signedLinkFlow(l);
      assertTrue(
          Math.abs(f) <= (up ? net.linkCapacity(l) + TOL : TOL), "seed " + seed + " link " + l);
      assertTrue(net.linkDirected(l) ? f >= -TOL : true, "seed " + seed + " directed link " + l);
      balance[net.linkFrom(l)] -= f;
      balance[net.linkTo(l)] += f;
    }
    for (int i : net.sourcesOf(GAS)) {
      double injected = solver.sourceInjection(i);
      assertTrue(
          injected <= (in.nodeUp[i] ? in.supply[i] + TOL : TOL), "seed " + seed + " source " + i);
      balance[i] += injected;
    }
    for (int i : net.sinksOf(GAS)) {
      assertTrue(
          out.served[i] <= (in.nodeUp[i] ? net.demandPerDay(i) + TOL : TOL),
          "seed " + seed + " sink " + i);
      balance[i] -= out.served[i];
    }
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) == GAS) {
        assertEquals(0, balance[i], TOL, "seed " + seed + " conservation at node " + i);
      }
    }
  }
}
