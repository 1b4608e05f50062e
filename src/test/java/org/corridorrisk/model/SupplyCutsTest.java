package org.corridorrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    assertTrue(cuts.analyzed());
    assertEquals(Map.of("trunk", List.of("a", "b"), "spur", List.of("b")), cuts.linkCuts());
    assertEquals(List.of("link trunk", "node src", "node hub"), cuts.sinkCuts().get("a"));
    assertEquals(
        List.of("link trunk", "link spur", "node src", "node hub"), cuts.sinkCuts().get("b"));
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
