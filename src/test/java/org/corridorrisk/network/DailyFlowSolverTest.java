package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Golden cases with hand-computed answers. */
class DailyFlowSolverTest {
  private static final double TOL = 1e-9;

  @Test
  void seriesChain_deliversTheSmallestCapacity() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("a")
                    .junction("b")
                    .sink("k", 9)
                    .link("s", "a", 7)
                    .link("a", "b", 5)
                    .link("b", "k", 8))
            .solve();
    assertEquals(5, d.served("k"), TOL);
    assertEquals(5, d.flow(0), TOL);
    assertEquals(5, d.flow(1), TOL);
    assertEquals(5, d.flow(2), TOL);
  }

  @Test
  void parallelPaths_addUp() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 20)
                    .junction("a")
                    .junction("b")
                    .sink("k", 15)
                    .link("s", "a", 6)
                    .link("a", "k", 10)
                    .link("s", "b", 9)
                    .link("b", "k", 7))
            .solve();
    assertEquals(13, d.served("k"), TOL);
    assertEquals(6, d.flow(0), TOL);
    assertEquals(7, d.flow(3), TOL);
  }

  @Test
  void priorityShortage_servesTierOneFirst() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("j")
                    .sink("p1", 8, 1)
                    .sink("p2", 5, 2)
                    .link("s", "j", 100)
                    .link("j", "p1", 100)
                    .link("j", "p2", 100))
            .solve();
    assertEquals(8, d.served("p1"), TOL);
    assertEquals(2, d.served("p2"), TOL);
  }

  @Test
  void priority_laterTierCannotTakeFromEarlierTierEvenIfNetworkFavoursIt() {
    // p2 sits right next to the source; p1 behind a junction.
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 6)
                    .sink("p2", 10, 2)
                    .junction("j")
                    .sink("p1", 4, 1)
                    .link("s", "p2", 100)
                    .link("s", "j", 100)
                    .link("j", "p1", 100))
            .solve();
    assertEquals(4, d.served("p1"), TOL);
    assertEquals(2, d.served("p2"), TOL);
  }

  @Test
  void pureSupplyShortage_isSharedInProportionToDemand() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("j")
                    .sink("a", 8)
                    .sink("b", 12)
                    .link("s", "j", 100)
                    .link("j", "a", 100)
                    .link("j", "b", 100))
            .solve();
    assertEquals(4, d.served("a"), TOL);
    assertEquals(6, d.served("b"), TOL);
  }

  @Test
  void networkBottleneck_hitsOnlyTheSinkBehindIt() {
    // Supply 10, demand 8 + 12 = 20, lam = 0.5; b sits behind a link of 3: a gets 4 then more.
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("j")
                    .sink("a", 8)
                    .sink("b", 12)
                    .link("s", "j", 100)
                    .link("j", "a", 100)
                    .link("j", "b", 3))
            .solve();
    assertEquals(3, d.served("b"), TOL);
    assertEquals(7, d.served("a"), TOL);
  }

  @Test
  void storage_coversOnlyWhatSourcesCannot() {
    // storage adjacent to the sink, source farther away: storage is used only for the shortfall.
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .storage("st", 100, 10, 100, 10)
                    .sink("k", 9)
                    .junction("j")
                    .source("s", 6)
                    .link("st", "k", 100)
                    .link("s", "j", 100)
                    .link("j", "k", 100))
            .solve();
    assertEquals(9, d.served("k"), TOL);
    assertEquals(3, d.withdrawn("st"), TOL);
    assertEquals(0, d.injected("st"), TOL);
  }

  @Test
  void storage_unusedWhenSourcesSuffice() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .storage("st", 100, 10, 100, 0)
                    .sink("k", 5)
                    .source("s", 6)
                    .link("st", "k", 100)
                    .link("s", "k", 100))
            .solve();
    assertEquals(5, d.served("k"), TOL);
    assertEquals(0, d.withdrawn("st"), TOL);
  }

  @Test
  void storage_withdrawalIsCappedByInventoryAndRate() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .storage("st", 2, 10, 100, 10)
                    .sink("k", 9)
                    .source("s", 3)
                    .link("st", "k", 100)
                    .link("s", "k", 100))
            .solve();
    assertEquals(2, d.withdrawn("st"), TOL);
    assertEquals(5, d.served("k"), TOL);
  }

  @Test
  void refill_takesSpareSupplyUpToInjectCap() {
    // storage capacity 100, inventory 50, max_injection 5 -> injectCap 5; spare 6.
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("j")
                    .sink("k", 4)
                    .storage("st", 50, 10, 100, 5)
                    .link("s", "j", 100)
                    .link("j", "k", 100)
                    .link("j", "st", 100))
            .solve();
    assertEquals(4, d.served("k"), TOL);
    assertEquals(5, d.injected("st"), TOL);
    assertEquals(0, d.withdrawn("st"), TOL);
  }

  @Test
  void refill_limitedBySpareSupplyAndRoom() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("j")
                    .sink("k", 4)
                    .storage("st", 97, 10, 100, 5)
                    .link("s", "j", 100)
                    .link("j", "k", 100)
                    .link("j", "st", 100))
            .solve();
    assertEquals(3, d.injected("st"), TOL);
    d.in.injectCap[d.net.nodeIndex("st")] = 20;
    d.solve();
    assertEquals(6, d.injected("st"), TOL);
    assertEquals(4, d.served("k"), TOL);
  }

  @Test
  void undirectedLink_carriesFlowBackwards() {
    SolvedDay d =
        new SolvedDay(new TestNetworks().sink("k", 7).source("s", 10).undirected("k", "s", 5))
            .solve();
    assertEquals(5, d.served("k"), TOL);
    assertEquals(5, d.flow(0), TOL);
    assertEquals(-5, d.solver.signedLinkFlow(0), TOL);
  }

  @Test
  void undirectedLink_capacityIsSharedNotDoubled() {
    // Two sinks on either side would need both directions; only one path source -> sinks.
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 20)
                    .junction("a")
                    .junction("b")
                    .sink("ka", 10)
                    .sink("kb", 10)
                    .link("s", "a", 20)
                    .undirected("a", "b", 4)
                    .link("b", "kb", 20)
                    .link("a", "ka", 20))
            .solve();
    assertEquals(4, d.served("kb"), TOL);
    assertEquals(10, d.served("ka"), TOL);
  }

  @Test
  void disabledNode_blocksPassage() {
    SolvedDay d =
        new SolvedDay(
            new TestNetworks()
                .source("s", 10)
                .junction("j")
                .sink("k", 5)
                .link("s", "j", 10)
                .link("j", "k", 10));
    d.in.nodeUp[d.net.nodeIndex("j")] = false;
    d.solve();
    assertEquals(0, d.served("k"), TOL);
    assertEquals(0, d.flow(0), TOL);
  }

  @Test
  void disabledSink_isServedNothing() {
    SolvedDay d =
        new SolvedDay(
            new TestNetworks()
                .source("s", 10)
                .sink("k", 5)
                .sink("m", 5)
                .link("s", "k", 10)
                .link("s", "m", 10));
    d.in.nodeUp[d.net.nodeIndex("k")] = false;
    d.solve();
    assertEquals(0, d.served("k"), TOL);
    assertEquals(5, d.served("m"), TOL);
  }

  @Test
  void disabledLink_carriesNothing() {
    SolvedDay d =
        new SolvedDay(
            new TestNetworks().source("s", 10).sink("k", 5).link("s", "k", 10).link("s", "k", 2));
    d.in.linkUp[0] = false;
    d.solve();
    assertEquals(2, d.served("k"), TOL);
    assertEquals(0, d.flow(0), TOL);
  }

  @Test
  void costs_cheapestMaximalFlowUsesTheCheapPath() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 100)
                    .junction("x")
                    .junction("y")
                    .sink("k", 8)
                    .costly("s", "x", 100, 3)
                    .costly("x", "k", 100, 0)
                    .costly("s", "y", 5, 1)
                    .costly("y", "k", 100, 0))
            .solve();
    assertEquals(8, d.served("k"), TOL);
    assertEquals(5, d.flow(2), TOL);
    assertEquals(3, d.flow(0), TOL);
    assertEquals(3 * 3 + 5 * 1, d.out.cost, TOL);
  }

  @Test
  void costs_allOnTheCheapPathWhenItSuffices() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 100)
                    .sink("k", 4)
                    .costly("s", "k", 100, 3)
                    .costly("s", "k", 5, 1))
            .solve();
    assertEquals(4, d.out.cost, TOL);
    assertEquals(0, d.flow(0), TOL);
  }

  @Test
  void costs_cheaperSourceIsPreferred() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("far", 100)
                    .source("near", 100)
                    .sink("k", 10)
                    .costly("far", "k", 100, 5)
                    .costly("near", "k", 100, 2))
            .solve();
    assertEquals(20, d.out.cost, TOL);
    assertEquals(10, d.solver.sourceInjection(d.net.nodeIndex("near")), TOL);
  }

  @Test
  void costs_undirectedLinkIsChargedOnceForItsNetFlow() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .sink("k", 6)
                    .add(
                        org.corridorrisk.model.Link.of("u", "k", "s", TestNetworks.GAS, 10)
                            .undirected()
                            .with(org.corridorrisk.model.LinkKind.PIPELINE, null, 2, null)))
            .solve();
    assertEquals(6, d.served("k"), TOL);
    assertEquals(12, d.out.cost, TOL);
  }

  @Test
  void noCosts_reportsZeroCost() {
    SolvedDay d =
        new SolvedDay(new TestNetworks().source("s", 10).sink("k", 5).link("s", "k", 10)).solve();
    assertEquals(0, d.out.cost, 0);
  }

  @Test
  void sameInput_givesBitIdenticalOutput() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 10)
                    .junction("j")
                    .sink("a", 8)
                    .sink("b", 12)
                    .storage("st", 5, 3, 10, 3)
                    .link("s", "j", 7)
                    .link("j", "a", 100)
                    .link("j", "b", 5)
                    .link("st", "b", 2))
            .solve();
    double[] first = d.out.served.clone();
    d.solve();
    for (int i = 0; i < first.length; i++) {
      assertEquals(
          Double.doubleToRawLongBits(first[i]), Double.doubleToRawLongBits(d.out.served[i]));
    }
  }

  @Test
  void solve_afterWarmUp_allocatesNothing() {
    RandomNetworks gen = new RandomNetworks();
    gen.storages = true;
    gen.priorities = true;
    gen.costs = true;
    RandomNetworks.Case c = gen.generate(7);
    DailyFlowSolver solver = new DailyFlowSolver(c.net());
    DayOutput out = new DayOutput(c.net());
    for (int i = 0; i < 200; i++) {
      solver.solve(0, c.in(), out);
    }
    com.sun.management.ThreadMXBean mx =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    long before = mx.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 1000; i++) {
      solver.solve(0, c.in(), out);
    }
    long allocated = mx.getCurrentThreadAllocatedBytes() - before;
    // A few hundred bytes of slack for the measurement itself; 1000 allocating solves would exceed
    // it.
    assertEquals(true, allocated < 1000, "bytes allocated by 1000 solves: " + allocated);
  }

  @Test
  void solve_rejectsUnknownCommodity() {
    SolvedDay d = new SolvedDay(new TestNetworks().source("s", 10).sink("k", 5).link("s", "k", 10));
    assertThrows(IllegalArgumentException.class, () -> d.solver.solve(1, d.in, d.out));
  }

  @Test
  void compiledNetwork_exposesTheScenarioValues() {
    NetworkIndex net =
        new TestNetworks()
            .source("s", 10)
            .sink("k", 5, 2)
            .storage("st", 4, 3, 10, 2)
            .link("s", "k", 7)
            .costly("st", "k", 1, 0.5)
            .compile();
    assertEquals(3, net.nodeCount());
    assertEquals(2, net.linkCount());
    assertEquals(1, net.commodityCount());
    assertEquals(-1, net.nodeIndex("nope"));
    assertEquals(2, net.priority(net.nodeIndex("k")));
    assertEquals(7, net.linkCapacity(0), 0);
    assertEquals(true, net.hasCosts(0));
    assertEquals(1, net.storagesOf(0).length);
  }
}
