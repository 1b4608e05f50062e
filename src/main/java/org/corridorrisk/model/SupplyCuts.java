package org.corridorrisk.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.graph.MaskSubgraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * Single points of failure of one commodity's network, with nothing else disabled: the sinks that
 * one lost link or node cuts off from every source and storage, and the links whose loss alone cuts
 * sinks. Reachability only: capacities are not considered.
 *
 * <p>Design note: each asset is removed in turn from the JGraphT view of the commodity ({@link
 * Scenario#graph(String)}, masked with {@link MaskSubgraph}) and a breadth-first search runs from a
 * super source joined to every source and storage. That is O(assets x network), instant for
 * corridor-sized networks; above {@link #WORK_LIMIT} the analysis is skipped ({@link #analyzed()}
 * is false) rather than made to wait. Rejected: biconnected components (articulation points and
 * bridges of the undirected graph), which ignore link direction and do not say which sinks a cut
 * separates from supply.
 *
 * @param commodity the commodity analysed
 * @param analyzed false when the network was too large and nothing was computed
 * @param sinkCuts per sink that some single asset cuts off: the assets ("link X", "node Y"), links
 *     first in file order, then nodes in file order; sinks in file order
 * @param linkCuts per link whose loss alone cuts sinks: the sinks it cuts, in file order
 */
public record SupplyCuts(
    String commodity,
    boolean analyzed,
    Map<String, List<String>> sinkCuts,
    Map<String, List<String>> linkCuts) {

  /** Largest (assets x (nodes + arcs)) product for which the analysis runs. */
  public static final long WORK_LIMIT = 200_000_000L;

  private static final String SUPER_SOURCE = "\u0000supply";

  /** Analyses one commodity of the scenario. */
  public static SupplyCuts of(Scenario s, String commodity) {
    Graph<String, Object> g = new DirectedMultigraph<>(Object.class);
    Graph<String, Scenario.Arc> base = s.graph(commodity);
    base.vertexSet().forEach(g::addVertex);
    base.edgeSet().forEach(e -> g.addEdge(base.getEdgeSource(e), base.getEdgeTarget(e), e));
    g.addVertex(SUPER_SOURCE);
    List<String> sinks = new ArrayList<>();
    List<String> nodeIds = new ArrayList<>();
    for (Node n : s.nodes()) {
      if (!n.commodity().equals(commodity)) {
        continue;
      }
      nodeIds.add(n.id());
      if (n.kind() == NodeKind.SOURCE || n.kind() == NodeKind.STORAGE) {
        g.addEdge(SUPER_SOURCE, n.id(), "supply:" + n.id());
      } else if (n.kind() == NodeKind.SINK) {
        sinks.add(n.id());
      }
    }
    List<Link> links = s.links().stream().filter(l -> l.commodity().equals(commodity)).toList();
    long work =
        (long) (links.size() + nodeIds.size()) * (g.vertexSet().size() + g.edgeSet().size());
    if (work > WORK_LIMIT) {
      return new SupplyCuts(commodity, false, Map.of(), Map.of());
    }
    Set<String> reachedBefore = reach(g, v -> false, e -> false);
    Map<String, List<String>> bySink = new LinkedHashMap<>();
    sinks.forEach(k -> bySink.put(k, new ArrayList<>()));
    Map<String, List<String>> byLink = new LinkedHashMap<>();
    for (Link l : links) {
      Set<String> reached =
          reach(g, v -> false, e -> e instanceof Scenario.Arc a && a.link().id().equals(l.id()));
      List<String> cut =
          sinks.stream().filter(k -> reachedBefore.contains(k) && !reached.contains(k)).toList();
      if (!cut.isEmpty()) {
        cut.forEach(k -> bySink.get(k).add("link " + l.id()));
        byLink.put(l.id(), cut);
      }
    }
    for (String v : nodeIds) {
      Set<String> reached = reach(g, x -> x.equals(v), e -> false);
      for (String k : sinks) {
        if (!k.equals(v) && reachedBefore.contains(k) && !reached.contains(k)) {
          bySink.get(k).add("node " + v);
        }
      }
    }
    bySink.values().removeIf(List::isEmpty);
    bySink.replaceAll((k, v) -> List.copyOf(v));
    return new SupplyCuts(
        commodity,
        true,
        java.util.Collections.unmodifiableMap(bySink),
        java.util.Collections.unmodifiableMap(byLink));
  }

  private static Set<String> reach(
      Graph<String, Object> g, Predicate<String> maskVertex, Predicate<Object> maskEdge) {
    Graph<String, Object> view = new MaskSubgraph<>(g, maskVertex, maskEdge);
    Set<String> reached = new HashSet<>();
    new BreadthFirstIterator<>(view, SUPER_SOURCE).forEachRemaining(reached::add);
    return reached;
  }
}
