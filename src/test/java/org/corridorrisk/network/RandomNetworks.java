package org.corridorrisk.network;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;

/**
 * Seeded random networks with integer rates for differential tests. Commodity 0 ("gas") is the
 * random network; with {@code otherCommodity} a small "power" network comes first in the node and
 * link lists, so gas indices do not start at 0.
 */
final class RandomNetworks {
  boolean storages;
  boolean priorities;
  boolean costs;
  boolean ampleSupply;
  boolean otherCommodity;

  /** How tiers share a shortage (the scenario key {@code sharing}). */
  Sharing sharing = Sharing.FAIR;

  /** Every gas link undirected (the draw that would choose the direction is skipped). */
  boolean undirectedOnly;

  double nodeDownProbability = 0.08;
  double linkDownProbability = 0.12;

  record Case(NetworkIndex net, DayInput in) {}

  Case generate(long seed) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
    List<Node> nodes = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    List<Commodity> commodities = new ArrayList<>(List.of(new Commodity("gas", "u")));
    if (otherCommodity) {
      commodities.add(new Commodity("power", "MW"));
      nodes.add(Node.source("p-src", "power", 5));
      nodes.add(Node.sink("p-sink", "power", 3));
      links.add(Link.of("p-line", "p-src", "p-sink", "power", 4).undirected());
    }
    int offset = nodes.size();
    int n = 3 + rng.nextInt(22);
    double totalDemand = 0;
    for (int i = 0; i < n; i++) {
      String id = "n" + i;
      double roll = rng.nextDouble();
      Node node;
      if (i == 0 || (i > 1 && roll < 0.2)) {
        node = Node.source(id, "gas", 1 + rng.nextInt(15));
      } else if (i == 1 || roll < 0.55) {
        double demand = 1 + rng.nextInt(10);
        totalDemand += demand;
        node =
            Node.sink(id, "gas", demand)
                .withSinkDetails(priorities ? 1 + rng.nextInt(3) : 1, 0, 0, null);
      } else if (storages && roll < 0.72) {
        double inventory = rng.nextInt(16);
        node =
            Node.storage(
                id, "gas", inventory, rng.nextInt(9), inventory + rng.nextInt(11), rng.nextInt(9));
      } else {
        node = Node.junction(id, "gas");
      }
      nodes.add(node);
    }
    if (ampleSupply) {
      nodes.set(offset, Node.source("n0", "gas", totalDemand + rng.nextInt(5)));
    }
    int m = n + rng.nextInt(2 * n + 1);
    List<int[]> arcs = new ArrayList<>();
    for (int j = 0; j < m; j++) {
      int u = rng.nextInt(n);
      int v = rng.nextInt(n - 1);
      if (v >= u) {
        v++;
      }
      addLink(links, arcs, rng, u, v, j);
    }
    // Every sink must be reachable from a source or storage with nothing disabled (model rule).
    for (int k = 0; k < n; k++) {
      if (nodes.get(offset + k).kind() == NodeKind.SINK && !reachable(nodes, offset, arcs, n, k)) {
        addLink(links, arcs, rng, 0, k, links.size());
      }
    }
    Scenario scenario =
        new Scenario(
            "random-" + seed,
            "",
            1,
            "USD",
            commodities,
            nodes,
            links,
            List.of(),
            List.of(),
            null,
            List.of());
    NetworkIndex net = NetworkIndex.compile(scenario.withSharing(sharing));
    DayInput in = new DayInput(net);
    for (int k = 0; k < n; k++) {
      boolean keep = ampleSupply && k == 0;
      in.nodeUp[offset + k] = keep || rng.nextDouble() >= nodeDownProbability;
    }
    for (int l = 0; l < net.linkCount(); l++) {
      in.linkUp[l] = rng.nextDouble() >= linkDownProbability || net.linkCommodity(l) != 0;
    }
    return new Case(net, in);
  }

  private void addLink(
      List<Link> links, List<int[]> arcs, UniformRandomProvider rng, int u, int v, int j) {
    Link link = Link.of("l" + j + "-" + links.size(), "n" + u, "n" + v, "gas", rng.nextInt(13));
    boolean directed = !undirectedOnly && rng.nextBoolean();
    if (!directed) {
      link = link.undirected();
    }
    if (costs) {
      link = link.with(LinkKind.PIPELINE, null, rng.nextInt(5), null);
    }
    links.add(link);
    arcs.add(new int[] {u, v});
    if (!directed) {
      arcs.add(new int[] {v, u});
    }
  }

  private static boolean reachable(
      List<Node> nodes, int offset, List<int[]> arcs, int n, int target) {
    boolean[] seen = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int k = 0; k < n; k++) {
      NodeKind kind = nodes.get(offset + k).kind();
      if (kind == NodeKind.SOURCE || kind == NodeKind.STORAGE) {
        seen[k] = true;
        queue.add(k);
      }
    }
    while (!queue.isEmpty()) {
      int u = queue.poll();
      for (int[] a : arcs) {
        if (a[0] == u && !seen[a[1]]) {
          seen[a[1]] = true;
          queue.add(a[1]);
        }
      }
    }
    return seen[target];
  }
}
