package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Sharing;
import org.junit.jupiter.api.Test;

/**
 * A junction's {@code throughput} caps the flow through it (split node in the flow graph). Closed
 * forms with the hand computation in comments, and a differential test against scenarios that spell
 * the split out as an explicit link.
 */
class JunctionThroughputTest {
  private static final double TOL = 1e-9;

  @Test
  void directedChain_deliversTheThroughput() {
    // s (100) -> j (throughput 30) -> k (demand 50): links carry 100, j passes 30, k gets 30.
    TestNetworks n =
        new TestNetworks()
            .source("s", 100)
            .junction("j", 30)
            .sink("k", 50)
            .link("s", "j", 100)
            .link("j", "k", 100);
    SolvedDay d = new SolvedDay(n).solve();
    assertEquals(30, d.served("k"), TOL);
    assertEquals(30, d.flow("s-j"), TOL);
    assertEquals(30, d.flow("j-k"), TOL);
  }

  @Test
  void withoutThroughput_theSameChainServesTheDemand() {
    SolvedDay d =
        new SolvedDay(
                new TestNetworks()
                    .source("s", 100)
                    .junction("j")
                    .sink("k", 50)
                    .link("s", "j", 100)
                    .link("j", "k", 100))
            .solve();
    assertEquals(50, d.served("k"), TOL);
  }

  @Test
  void undirectedStar_sharesTheThroughputFairly() {
    // Two sources of 20 and two sinks of 15 meet only at j (throughput 25), all links undirected
    // and ample: 25 of the 30 demanded pass; fair shares give each sink 12.5. The inflow links
    // carry 25 in all.
    TestNetworks n =
        new TestNetworks()
            .source("s1", 20)
            .source("s2", 20)
            .junction("j", 25)
            .sink("k1", 15)
            .sink("k2", 15)
            .undirected("s1", "j", 100)
            .undirected("j", "s2", 100)
            .undirected("k1", "j", 100)
            .undirected("j", "k2", 100);
    SolvedDay d = new SolvedDay(n).solve();
    assertEquals(12.5, d.served("k1"), TOL);
    assertEquals(12.5, d.served("k2"), TOL);
    assertEquals(25, d.flow("s1-j") + d.flow("j-s2"), TOL);
    assertEquals(25, d.flow("k1-j") + d.flow("j-k2"), TOL);
  }

  @Test
  void bypass_carriesWhatTheJunctionCannot() {
    // s (40) reaches k (30) through j (throughput 10) or through b (link 15): 10 + 15 = 25.
    TestNetworks n =
        new TestNetworks()
            .source("s", 40)
            .junction("j", 10)
            .junction("b")
            .sink("k", 30)
            .undirected("s", "j", 100)
            .undirected("j", "k", 100)
            .link("s", "b", 15)
            .link("b", "k", 100);
    assertEquals(25, new SolvedDay(n).solve().served("k"), TOL);
  }

  @Test
  void twoLimitedJunctionsJoinedUndirected_passTheSmallerLimitEitherWay() {
    // j1 (20) - j2 (12) undirected: from s at j1's side to k at j2's side 12 pass; the mirror
    // network (source at j2's side) passes 12 too.
    TestNetworks forward =
        new TestNetworks()
            .source("s", 50)
            .junction("j1", 20)
            .junction("j2", 12)
            .sink("k", 30)
            .link("s", "j1", 100)
            .undirected("j1", "j2", 100)
            .link("j2", "k", 100);
    assertEquals(12, new SolvedDay(forward).solve().served("k"), TOL);
    TestNetworks backward =
        new TestNetworks()
            .source("s", 50)
            .junction("j1", 20)
            .junction("j2", 12)
            .sink("k", 30)
            .link("s", "j2", 100)
            .undirected("j1", "j2", 100)
            .link("j1", "k", 100);
    assertEquals(12, new SolvedDay(backward).solve().served("k"), TOL);
  }

  @Test
  void dayThroughput_isReadEachDayAndKeysTheMemo() {
    // A damage factor 0.5 on j (throughput 30) is today's throughput 15: k gets 15.
    TestNetworks n =
        new TestNetworks()
            .source("s", 100)
            .junction("j", 30)
            .sink("k", 50)
            .link("s", "j", 100)
            .link("j", "k", 100);
    SolvedDay d = new SolvedDay(n);
    DayKey nominal = new DayKey(d.net);
    d.in.writeKey(0, nominal);
    d.in.throughput[d.net.nodeIndex("j")] = 15;
    DayKey damaged = new DayKey(d.net);
    d.in.writeKey(0, damaged);
    assertNotEquals(nominal, damaged);
    assertEquals(15, d.solve().served("k"), TOL);
  }

  @Test
  void costs_throughALimitedJunctionStayCheapest() {
    // Two paths s -> k: via j (throughput 6, cost 1 per unit) and via x (cost 4 per unit), demand
    // 10: 6 go via j, 4 via x; cost 6 x 1 + 4 x 4 = 22.
    TestNetworks n =
        new TestNetworks()
            .source("s", 100)
            .junction("j", 6)
            .junction("x")
            .sink("k", 10)
            .costly("s", "j", 100, 1)
            .costly("j", "k", 100, 0)
            .costly("s", "x", 100, 4)
            .costly("x", "k", 100, 0);
    SolvedDay d = new SolvedDay(n).solve();
    assertEquals(10, d.served("k"), TOL);
    assertEquals(22, d.out.cost, 1e-9);
  }

  /**
   * Random networks with limited junctions give the same per-sink deliveries (fair sharing is
   * unique) as the same networks in which each limited junction {@code j} is spelled out as two
   * nodes and a directed link {@code j -> j_out} of the throughput's capacity, with {@code j}'s
   * entering arcs kept and its leaving arcs moved to {@code j_out} (an undirected link at {@code j}
   * becomes two directed links).
   */
  @Test
  void randomNetworks_matchAnExplicitSplit() {
    UniformRandomProvider rng = RandomSource.SPLIT_MIX_64.create(20261130L);
    int binding = 0;
    for (int trial = 0; trial < 300; trial++) {
      int nodes = 4 + rng.nextInt(9);
      String[] kind = new String[nodes];
      double[] value = new double[nodes];
      TestNetworks limited = new TestNetworks().sharing(Sharing.FAIR);
      TestNetworks explicit = new TestNetworks().sharing(Sharing.FAIR);
      TestNetworks free = new TestNetworks().sharing(Sharing.FAIR);
      boolean[] split = new boolean[nodes];
      for (int i = 0; i < nodes; i++) {
        String id = "n" + i;
        double r = rng.nextDouble();
        value[i] = 1 + rng.nextInt(20);
        if (i == 0 || r < 0.3) {
          kind[i] = "source";
          limited.source(id, value[i]);
          explicit.source(id, value[i]);
          free.source(id, value[i]);
        } else if (r < 0.6) {
          kind[i] = "sink";
          limited.sink(id, value[i]);
          explicit.sink(id, value[i]);
          free.sink(id, value[i]);
        } else if (rng.nextDouble() < 0.8) {
          split[i] = true;
          value[i] = 1 + rng.nextInt(6);
          limited.junction(id, value[i]);
          explicit.junction(id).junction(id + "o").link(id, id + "o", value[i]);
          free.junction(id);
        } else {
          limited.junction(id);
          explicit.junction(id);
          free.junction(id);
        }
      }
      int links = 2 * nodes + rng.nextInt(2 * nodes);
      for (int e = 0; e < links; e++) {
        // the first nodes - 1 links form an undirected path (every sink reachable)
        boolean path = e < nodes - 1;
        int u = path ? e : rng.nextInt(nodes);
        int v = path ? e + 1 : rng.nextInt(nodes);
        if (u == v) {
          continue;
        }
        double cap = 1 + rng.nextInt(25);
        String a = "n" + u;
        String b = "n" + v;
        String aOut = split[u] ? a + "o" : a;
        String bOut = split[v] ? b + "o" : b;
        if (!path && rng.nextBoolean()) {
          limited.link(a, b, cap);
          explicit.link(aOut, b, cap);
          free.link(a, b, cap);
        } else {
          limited.undirected(a, b, cap);
          free.undirected(a, b, cap);
          if (split[u] || split[v]) {
            explicit.link(aOut, b, cap).link(bOut, a, cap);
          } else {
            explicit.undirected(a, b, cap);
          }
        }
      }
      SolvedDay x = new SolvedDay(limited).solve();
      SolvedDay y = new SolvedDay(explicit).solve();
      SolvedDay z = new SolvedDay(free).solve();
      double served = 0;
      double unlimited = 0;
      for (int i = 0; i < nodes; i++) {
        if ("sink".equals(kind[i])) {
          String id = "n" + i;
          assertEquals(y.served(id), x.served(id), 1e-9 * (1 + y.served(id)), "trial " + trial);
          served += x.served(id);
          unlimited += z.served(id);
        }
      }
      if (served < unlimited - 1e-6) {
        binding++;
      }
    }
    // the limits bind in a good share of the networks (else the comparison would prove little)
    assertTrue(binding >= 30, "throughput bound in only " + binding + " of 300 networks");
  }
}
