package org.corridorrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SupplyCutsTest {
  private static final RepairTime DAY = new RepairTime.Fixed(1);

  private static Scenario scenario(List<Node> nodes, List<Link> links) {
    return new Scenario(
        "cuts",
        "",
        1,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        nodes,
        links,
        List.of(Threat.independent("t", 0.1, 0, DAY, TargetSpec.ofLinks(links.get(0).id()))),
        List.of(),
        null,
        List.of());
  }

  @Test
  void trunkLine_cutsEverySinkBehindIt_andParallelPathsCutNothing() {
    Scenario s =
        scenario(
            List.of(
                Node.source("src", "gas", 10),
                Node.junction("hub", "gas"),
                Node.sink("a", "gas", 3),
                Node.sink("b", "gas", 3)),
            List.of(
                Link.of("trunk", "src", "hub", "gas", 10),
                Link.of("a1", "hub", "a", "gas", 5),
                Link.of("a2", "hub", "a", "gas", 5),
                Link.of("spur", "hub", "b", "gas", 5)));

    SupplyCuts cuts = SupplyCuts.of(s, "gas");

    assertEquals(Map.of("trunk", List.of("a", "b"), "spur", List.of("b")), cuts.linkCuts());
    assertEquals(List.of("link trunk", "node src", "node hub"), cuts.sinkCuts().get("a"));
    assertEquals(
        List.of("link trunk", "link spur", "node src", "node hub"), cuts.sinkCuts().get("b"));
  }

  /**
   * Against the plain definition on random networks: remove each link and each node in turn and
   * search from every source and storage with JGraphT. Networks of 2 to 40 nodes with every kind,
   * directed and undirected links, parallel links and cycles.
   */
  @Test
  void dominatorsAgreeWithRemovingEachAssetInTurn() {
    java.util.Random rnd = new java.util.Random(20261201L);
    int withCuts = 0;
    for (int round = 0; round < 400; round++) {
      int n = 2 + rnd.nextInt(39);
      List<Node> nodes = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        String id = "v" + i;
        int kind = i == 0 ? 0 : rnd.nextInt(10);
        nodes.add(
            kind == 0
                ? Node.source(id, "gas", 10)
                : kind == 1
                    ? Node.storage(id, "gas", 50, 5, 50, 5)
                    : kind <= 3 ? Node.junction(id, "gas") : Node.sink(id, "gas", 1));
      }
      List<Link> links = new java.util.ArrayList<>();
      int m = n - 1 + rnd.nextInt(n + 1);
      for (int j = 0; j < m; j++) {
        // mostly a tree grown from v0, plus some random extra links
        int to = j < n - 1 ? j + 1 : rnd.nextInt(n);
        int from = j < n - 1 ? rnd.nextInt(j + 1) : rnd.nextInt(n);
        if (from == to) {
          continue;
        }
        // tree links point away from v0 (the model requires every sink reachable), extra links
        // either way
        Link l =
            j < n - 1 || rnd.nextBoolean()
                ? Link.of("l" + j, "v" + from, "v" + to, "gas", 5)
                : Link.of("l" + j, "v" + to, "v" + from, "gas", 5);
        links.add(rnd.nextInt(3) == 0 ? l.undirected() : l);
      }
      if (links.isEmpty()) {
        continue;
      }
      Scenario s = scenario(nodes, links);
      SupplyCuts cuts = SupplyCuts.of(s, "gas");
      SupplyCuts reference = removingEachAsset(s, nodes, links);
      assertEquals(reference.sinkCuts(), cuts.sinkCuts(), "round " + round);
      assertEquals(
          List.copyOf(reference.sinkCuts().keySet()),
          List.copyOf(cuts.sinkCuts().keySet()),
          "sink order, round " + round);
      assertEquals(reference.linkCuts(), cuts.linkCuts(), "round " + round);
      assertEquals(
          List.copyOf(reference.linkCuts().keySet()),
          List.copyOf(cuts.linkCuts().keySet()),
          "link order, round " + round);
      withCuts += cuts.sinkCuts().isEmpty() ? 0 : 1;
    }
    org.junit.jupiter.api.Assertions.assertTrue(withCuts > 100, "networks with cuts: " + withCuts);
  }

  /** The definition: each asset removed in turn, a breadth-first search from every supply. */
  private static SupplyCuts removingEachAsset(Scenario s, List<Node> nodes, List<Link> links) {
    org.jgrapht.Graph<String, Object> g = new org.jgrapht.graph.DirectedMultigraph<>(Object.class);
    org.jgrapht.Graph<String, Scenario.Arc> base = s.graph("gas");
    base.vertexSet().forEach(g::addVertex);
    base.edgeSet().forEach(e -> g.addEdge(base.getEdgeSource(e), base.getEdgeTarget(e), e));
    String root = "\u0000root";
    g.addVertex(root);
    List<String> sinks = new java.util.ArrayList<>();
    for (Node v : nodes) {
      if (v.kind() == NodeKind.SOURCE || v.kind() == NodeKind.STORAGE) {
        g.addEdge(root, v.id(), "supply " + v.id());
      } else if (v.kind() == NodeKind.SINK) {
        sinks.add(v.id());
      }
    }
    java.util.function.BiFunction<
            java.util.function.Predicate<String>,
            java.util.function.Predicate<Object>,
            java.util.Set<String>>
        reach =
            (maskV, maskE) -> {
              java.util.Set<String> out = new java.util.HashSet<>();
              new org.jgrapht.traverse.BreadthFirstIterator<>(
                      new org.jgrapht.graph.MaskSubgraph<>(g, maskV, maskE), root)
                  .forEachRemaining(out::add);
              return out;
            };
    java.util.Set<String> before = reach.apply(v -> false, e -> false);
    Map<String, List<String>> bySink = new java.util.LinkedHashMap<>();
    sinks.forEach(k -> bySink.put(k, new java.util.ArrayList<>()));
    Map<String, List<String>> byLink = new java.util.LinkedHashMap<>();
    for (Link l : links) {
      java.util.Set<String> after =
          reach.apply(v -> false, e -> e instanceof Scenario.Arc a && a.link() == l);
      List<String> cut =
          sinks.stream().filter(k -> before.contains(k) && !after.contains(k)).toList();
      if (!cut.isEmpty()) {
        cut.forEach(k -> bySink.get(k).add("link " + l.id()));
        byLink.put(l.id(), cut);
      }
    }
    for (Node v : nodes) {
      java.util.Set<String> after = reach.apply(x -> x.equals(v.id()), e -> false);
      for (String k : sinks) {
        if (!k.equals(v.id()) && before.contains(k) && !after.contains(k)) {
          bySink.get(k).add("node " + v.id());
        }
      }
    }
    bySink.values().removeIf(List::isEmpty);
    return new SupplyCuts("gas", bySink, byLink);
  }

  @Test
  void storageBehindTheCut_keepsTheSinkSupplied() {
    Scenario s =
        scenario(
            List.of(
                Node.source("src", "gas", 10),
                Node.storage("store", "gas", 50, 5, 50, 5),
                Node.sink("a", "gas", 3)),
            List.of(
                Link.of("line", "src", "a", "gas", 10),
                Link.of("from-store", "store", "a", "gas", 5)));

    SupplyCuts cuts = SupplyCuts.of(s, "gas");

    assertEquals(Map.of(), cuts.sinkCuts());
    assertEquals(Map.of(), cuts.linkCuts());
  }

  @Test
  void linkDirectionCounts_anUndirectedLinkServesBothWays() {
    Scenario directed =
        scenario(
            List.of(
                Node.source("s1", "gas", 10),
                Node.source("s2", "gas", 10),
                Node.sink("a", "gas", 3)),
            List.of(Link.of("l1", "s1", "a", "gas", 10), Link.of("l2", "a", "s2", "gas", 10)));
    Scenario undirected =
        scenario(
            List.of(
                Node.source("s1", "gas", 10),
                Node.source("s2", "gas", 10),
                Node.sink("a", "gas", 3)),
            List.of(
                Link.of("l1", "s1", "a", "gas", 10),
                Link.of("l2", "a", "s2", "gas", 10).undirected()));

    assertEquals(Map.of("l1", List.of("a")), SupplyCuts.of(directed, "gas").linkCuts());
    assertEquals(Map.of(), SupplyCuts.of(undirected, "gas").linkCuts());
  }
}
