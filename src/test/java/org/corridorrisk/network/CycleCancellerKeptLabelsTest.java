package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.junit.jupiter.api.Test;

/**
 * The negative-cycle search with labels kept between cycles ({@link CycleCanceller}, used on large
 * blocks) against the search that restarts Bellman-Ford for every cycle (the reference, used on
 * small blocks): every day must end with the same deliveries, withdrawals and injections into
 * storage, and the same total transport cost, since both leave no negative cycle (a flow is the
 * cheapest with its terminal flows exactly when its residual network has no negative cycle). Which
 * flow of that cost each reaches may differ.
 */
class CycleCancellerKeptLabelsTest {
  private static final int GAS = 0;

  private static DayOutput solve(NetworkIndex net, DayInput in, boolean keptLabels) {
    SolverOptions options =
        SolverOptions.DEFAULTS.withKeptLabelCyclesMinNodes(keptLabels ? 0 : Integer.MAX_VALUE);
    DayOutput out = new DayOutput(net);
    new DailyFlowSolver(net, options).solve(GAS, in, out);
    return out;
  }

  private static void assertSameDay(NetworkIndex net, DayOutput want, DayOutput got, String where) {
    for (int i = 0; i < net.nodeCount(); i++) {
      assertEquals(want.served[i], got.served[i], 1e-9, where + ": served at node " + i);
      assertEquals(want.withdrawn[i], got.withdrawn[i], 1e-9, where + ": withdrawn at node " + i);
      assertEquals(want.injected[i], got.injected[i], 1e-9, where + ": injected at node " + i);
    }
    assertEquals(
        want.cost, got.cost, 1e-9 * Math.max(1, Math.abs(want.cost)), where + ": transport cost");
  }

  @Test
  void randomSmallNetworks_sameTerminalFlowsAndCost() {
    int costly = 0;
    for (long seed = 0; seed < 800; seed++) {
      RandomNetworks gen = new RandomNetworks();
      gen.costs = true;
      gen.sharing = seed % 2 == 0 ? Sharing.FAIR : Sharing.ANY;
      gen.priorities = seed % 3 != 0;
      gen.storages = seed % 4 == 0;
      gen.undirectedOnly = seed % 5 == 0;
      RandomNetworks.Case c = gen.generate(310_000 + seed);
      DayOutput want = solve(c.net(), c.in(), false);
      DayOutput got = solve(c.net(), c.in(), true);
      assertSameDay(c.net(), want, got, "seed " + seed);
      if (want.cost > 0) {
        costly++;
      }
    }
    assertTrue(costly > 300, "too few days with a cost: " + costly);
  }

  /**
   * A network of a few hundred nodes where the maximum flow takes many detours that cost more than
   * they need (hundreds of cycles to cancel a day): a ring of junctions with random chords, sources
   * and sinks spread over it, every link undirected with a random tariff, days with a tenth of the
   * links down.
   */
  @Test
  void largeMeshWithTariffs_sameTerminalFlowsAndCost() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42);
    int n = 400;
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "n" + i;
      if (i % 20 == 0) {
        nodes.add(Node.source(id, "gas", 30));
      } else if (i % 3 == 0) {
        nodes.add(Node.sink(id, "gas", 1 + rng.nextInt(4)));
      } else {
        nodes.add(Node.junction(id, "gas"));
      }
    }
    List<Link> links = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      links.add(link(links.size(), i, (i + 1) % n, rng));
    }
    for (int j = 0; j < n; j++) {
      int u = rng.nextInt(n);
      int v = (u + 2 + rng.nextInt(40)) % n;
      links.add(link(links.size(), u, v, rng));
    }
    int days = 0;
    for (Sharing sharing : List.of(Sharing.ANY, Sharing.FAIR)) {
      Scenario scenario =
          new Scenario(
                  "mesh",
                  "",
                  1,
                  "USD",
                  List.of(new Commodity("gas", "u")),
                  nodes,
                  links,
                  List.of(),
                  List.of(),
                  null,
                  List.of())
              .withSharing(sharing);
      NetworkIndex net = NetworkIndex.compile(scenario);
      for (int day = 0; day < 6; day++) {
        DayInput in = new DayInput(net);
        for (int l = 0; l < net.linkCount(); l++) {
          in.linkUp[l] = day == 0 || rng.nextDouble() >= 0.1;
        }
        DayOutput want = solve(net, in, false);
        DayOutput got = solve(net, in, true);
        assertTrue(want.cost > 0, "the day has a cost");
        assertSameDay(net, want, got, sharing + " day " + day);
        days++;
      }
    }
    assertEquals(12, days);
  }

  private static Link link(int j, int u, int v, UniformRandomProvider rng) {
    return Link.of("l" + j, "n" + u, "n" + v, "gas", 2 + rng.nextInt(12))
        .undirected()
        .with(LinkKind.PIPELINE, null, 1 + rng.nextInt(9), null);
  }
}
