package org.corridorrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The scenario's reachability rule on random networks against a plain breadth-first search over
 * ids, and {@link Scenario#withSharing} as a copy that shares the checked parts.
 */
class ScenarioChecksTest {
  @Test
  void unreachableSinks_matchASearchOverIds_onRandomNetworks() {
    Random random = new Random(20261130L); // test data only
    int withUnreachable = 0;
    for (int round = 0; round < 300; round++) {
      int nodeCount = 2 + random.nextInt(30);
      List<Node> nodes = new ArrayList<>();
      for (int n = 0; n < nodeCount; n++) {
        String id = "n" + n;
        nodes.add(
            switch (random.nextInt(6)) {
              case 0 -> Node.source(id, "gas", 1);
              case 1 -> Node.storage(id, "gas", 1, 1, 2, 1);
              case 2 -> Node.junction(id, "gas");
              default -> Node.sink(id, "gas", 1);
            });
      }
      List<Link> links = new ArrayList<>();
      int linkCount = 1 + random.nextInt(2 * nodeCount);
      for (int l = 0; l < linkCount; l++) {
        int from = random.nextInt(nodeCount);
        int to = (from + 1 + random.nextInt(nodeCount - 1)) % nodeCount;
        Link link = Link.of("l" + l, "n" + from, "n" + to, "gas", 1);
        links.add(random.nextBoolean() ? link : link.undirected());
      }
      Set<String> expected = unreachableSinks(nodes, links);
      Set<String> reported = new TreeSet<>();
      try {
        scenario(nodes, links);
      } catch (InvalidScenarioException e) {
        for (RuleViolation v : e.violations()) {
          assertEquals(Rule.UNREACHABLE_SINK, v.rule(), v.message());
          int index = Integer.parseInt(v.path().replaceAll("\\D", ""));
          assertEquals("nodes[" + index + "]", v.path());
          assertEquals(List.of(nodes.get(index).id()), v.values());
          reported.add(nodes.get(index).id());
        }
      }
      assertEquals(expected, reported, "round " + round);
      withUnreachable += expected.isEmpty() ? 0 : 1;
    }
    // the random networks exercise both outcomes
    assertEquals(true, withUnreachable > 30 && withUnreachable < 270, "rounds " + withUnreachable);
  }

  @Test
  void directedLink_isFollowedOneWayOnly() {
    List<Node> nodes = List.of(Node.sink("a", "gas", 1), Node.source("b", "gas", 1));
    // a -> b only: the source b cannot send to a
    InvalidScenarioException e =
        assertThrows(
            InvalidScenarioException.class,
            () -> scenario(nodes, List.of(Link.of("l", "a", "b", "gas", 1))));
    assertEquals("nodes[0]", e.violations().get(0).path());
    scenario(nodes, List.of(Link.of("l", "a", "b", "gas", 1).undirected()));
  }

  @Test
  void withSharing_sharesTheCheckedParts_andLeavesTheOriginalAsItWas() {
    Scenario s =
        new Scenario(
            "s",
            "d",
            10,
            "EUR",
            List.of(new Commodity("gas", "m3")),
            List.of(Node.source("a", "gas", 2), Node.sink("b", "gas", 1)),
            List.of(Link.of("l", "a", "b", "gas", 1)),
            List.of(
                Threat.independent(
                    "t", 0.1, 0, new RepairTime.Fixed(3), TargetSpec.ofKinds("other"))),
            List.of(),
            null,
            List.of(new Mitigation("m", 5, "", List.of())));
    Scenario any = s.withSharing(Sharing.ANY);
    assertEquals(Sharing.FAIR, s.sharing());
    assertEquals(Sharing.ANY, any.sharing());
    // the resolved threats are the original's own list: nothing was resolved (checked) again
    assertSame(s.threats(), any.threats());
    assertEquals(List.of("l"), any.threats().get(0).targets());
    assertSame(s.incidents(), any.incidents());
    assertSame(s.mitigations(), any.mitigations());
    assertSame(s.link("l"), any.link("l"));
    assertSame(s.node("b"), any.node("b"));
    assertEquals(s.name(), any.name());
    assertEquals(s.description(), any.description());
    assertEquals(s.horizonDays(), any.horizonDays());
    assertEquals(s.currency(), any.currency());
    assertSame(s.commodities(), any.commodities());
    assertSame(s.nodes(), any.nodes());
    assertSame(s.links(), any.links());
    assertSame(s.dependencies(), any.dependencies());
    assertEquals(s.economy(), any.economy());
    assertEquals(Sharing.FAIR, any.withSharing(Sharing.FAIR).sharing());
    assertEquals(Sharing.ANY, any.withMitigations(List.of()).sharing());
  }

  private static Scenario scenario(List<Node> nodes, List<Link> links) {
    return new Scenario(
        "s",
        "",
        10,
        "USD",
        List.of(new Commodity("gas", "m3")),
        nodes,
        links,
        List.of(),
        List.of(),
        null,
        List.of());
  }

  /** Sinks that no source or storage reaches, by a breadth-first search over ids. */
  private static Set<String> unreachableSinks(List<Node> nodes, List<Link> links) {
    Map<String, List<String>> next = new HashMap<>();
    for (Link l : links) {
      next.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l.to());
      if (!l.directed()) {
        next.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l.from());
      }
    }
    Set<String> reached = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    for (Node n : nodes) {
      if (n.kind() == NodeKind.SOURCE || n.kind() == NodeKind.STORAGE) {
        reached.add(n.id());
        queue.add(n.id());
      }
    }
    while (!queue.isEmpty()) {
      for (String m : next.getOrDefault(queue.poll(), List.of())) {
        if (reached.add(m)) {
          queue.add(m);
        }
      }
    }
    Set<String> out = new TreeSet<>();
    for (Node n : nodes) {
      if (n.kind() == NodeKind.SINK && !reached.contains(n.id())) {
        out.add(n.id());
      }
    }
    return out;
  }
}
