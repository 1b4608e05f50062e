package org.corridorrisk.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioLimits;

/**
 * Turns a bare topology (MatrixMarket, GraphML) into a runnable scenario with documented defaults,
 * which the written header repeats:
 *
 * <ul>
 *   <li>Sources: the K nodes of highest degree (ties: earlier in the file), K = {@code --sources}
 *       or max(1, round(N / 20)). A connected component that would have no source gets its
 *       highest-degree node as an extra source (so every sink is reachable).
 *   <li>Sinks: every other node with at least one line, demand {@code --demand} (default 1.0) per
 *       day, priority 1, population 0, value of lost load {@code --voll} (default 1.0, so {@code
 *       direct_loss} equals the unserved volume). Isolated nodes become junctions.
 *   <li>Supply per source = total demand x 1.2 / number of sources (20% reserve).
 *   <li>Links: undirected, kind {@code --link-kind} (default {@code power-line}), capacity {@code
 *       --capacity}, default 10 x total demand / number of sources (ten sources' worth of supply: a
 *       single line rarely binds, so the study measures connectivity).
 *   <li>Threat {@code line-failures}: independent, each link fails at day 0 with probability {@code
 *       --failure-probability} (default 0.05), repaired after a fixed 1 day; horizon {@code
 *       --horizon-days} (default 1).
 * </ul>
 */
final class TopologyImport {
  static final double SUPPLY_RESERVE = 1.2;
  static final double CAPACITY_FACTOR = 10;
  static final double DEFAULT_FAILURE_PROBABILITY = 0.05;
  static final int DEFAULT_HORIZON_DAYS = 1;
  static final double DEFAULT_VOLL = 1.0;

  private TopologyImport() {}

  /**
   * @param formatLabel e.g. "MatrixMarket coordinate file"
   * @param provenance header lines naming the data's source and licence
   */
  static ImportedScenario build(
      Topology t,
      java.nio.file.Path file,
      String formatLabel,
      List<String> provenance,
      ImportOptions options,
      List<String> warnings,
      List<Problem> problems) {
    int n = t.nodeCount();
    int m = t.edgeCount();
    if (n < 2) {
      problems.add(new Problem(file, 0, 0, "", "the graph needs at least 2 nodes but has " + n));
    }
    if (m < 1) {
      problems.add(
          new Problem(file, 0, 0, "", "the graph has no edges (self-loops are not links)"));
    }
    checkSize(file, n, m, problems);
    int requested =
        options.sources() != null ? options.sources() : Math.max(1, (int) Math.round(n / 20.0));
    if (problems.isEmpty() && requested >= n) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "--sources must be less than the number of nodes (" + n + "), was " + requested));
    }
    if (!problems.isEmpty()) {
      return null;
    }

    int[] degree = new int[n];
    int[] parent = new int[n];
    Arrays.setAll(parent, i -> i);
    for (int e = 0; e < m; e++) {
      degree[t.edgeFrom()[e]]++;
      degree[t.edgeTo()[e]]++;
      union(parent, t.edgeFrom()[e], t.edgeTo()[e]);
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order,
        (a, b) ->
            degree[a] != degree[b] ? Integer.compare(degree[b], degree[a]) : Integer.compare(a, b));
    boolean[] source = new boolean[n];
    for (int i = 0; i < requested; i++) {
      source[order[i]] = true;
    }
    // a component with edges but no source gets its best-connected node as a source
    boolean[] componentHasSource = new boolean[n];
    for (int v = 0; v < n; v++) {
      if (source[v]) {
        componentHasSource[find(parent, v)] = true;
      }
    }
    int added = 0;
    for (int i = 0; i < n; i++) {
      int v = order[i];
      int root = find(parent, v);
      if (degree[v] > 0 && !componentHasSource[root]) {
        source[v] = true;
        componentHasSource[root] = true;
        added++;
      }
    }
    int sources = 0;
    int sinks = 0;
    int isolated = 0;
    for (int v = 0; v < n; v++) {
      if (source[v]) {
        sources++;
      } else if (degree[v] > 0) {
        sinks++;
      } else {
        isolated++;
      }
    }
    if (added > 0) {
      warnings.add(
          added
              + " connected components had no source among the "
              + requested
              + " best-connected nodes; their best-connected node was made a source too");
    }
    if (isolated > 0) {
      warnings.add(isolated + " nodes have no line and were made junctions (no demand)");
    }

    double demand = options.demandPerNode() != null ? options.demandPerNode() : 1.0;
    double totalDemand = demand * sinks;
    double supply = DocumentBuilder.roundDerived(totalDemand * SUPPLY_RESERVE / sources);
    double capacity =
        options.capacityPerDay() != null
            ? options.capacityPerDay()
            : DocumentBuilder.roundDerived(CAPACITY_FACTOR * totalDemand / sources);
    checkDerivedQuantities(file, supply, capacity, sources, options, problems);
    if (!problems.isEmpty()) {
      return null;
    }
    double probability =
        options.failureProbability() != null
            ? options.failureProbability()
            : DEFAULT_FAILURE_PROBABILITY;
    int horizon = options.horizonDays() != null ? options.horizonDays() : DEFAULT_HORIZON_DAYS;
    double voll = options.valueOfLostLoad() != null ? options.valueOfLostLoad() : DEFAULT_VOLL;
    String commodity = options.commodity() != null ? options.commodity() : "power";
    String linkKind = options.linkKind() != null ? options.linkKind() : "power-line";
    String fileName = String.valueOf(file.getFileName());
    String name =
        options.name() != null
            ? options.name()
            : IdSanitizer.clean(GasLibImport.baseName(fileName));

    DocumentBuilder doc =
        new DocumentBuilder(
            name,
            "Topology of "
                + fileName
                + " ("
                + formatLabel
                + ") with generated sources, demands, capacities"
                + " and threat: edit them.",
            horizon,
            commodity,
            "unit/d");
    IdSanitizer ids = new IdSanitizer();
    String[] nodeIds = new String[n];
    for (int v = 0; v < n; v++) {
      nodeIds[v] = ids.unique(t.nodeIds().get(v));
    }
    for (int v = 0; v < n; v++) {
      ObjectNode node;
      if (source[v]) {
        node = doc.source(nodeIds[v], supply);
      } else if (degree[v] > 0) {
        node = doc.sink(nodeIds[v], demand, voll, false);
      } else {
        node = doc.node(nodeIds[v], "junction");
      }
      if (!Double.isNaN(t.lat()[v]) && !Double.isNaN(t.lon()[v])) {
        DocumentBuilder.location(node, t.lat()[v], t.lon()[v]);
      }
    }
    for (int e = 0; e < m; e++) {
      String raw = t.edgeIds().get(e);
      String id = ids.unique(raw != null ? raw : "l" + (e + 1));
      doc.link(id, nodeIds[t.edgeFrom()[e]], nodeIds[t.edgeTo()[e]], linkKind, capacity, false);
    }
    ObjectNode threat = doc.threat("line-failures", "independent");
    threat.put("probability", probability);
    threat.put("start_day", 0);
    DocumentBuilder.targets(threat, "kinds", List.of(linkKind));
    threat.set("repair_days", DocumentBuilder.repair("fixed").put("value", 1));

    List<String> header = new ArrayList<>();
    header.add(
        "Scenario imported by `corridor-risk import` from " + fileName + " (" + formatLabel + ").");
    header.add("");
    header.addAll(provenance);
    header.add("");
    header.add(
        String.format(Locale.ROOT, "Network: %d nodes, %d undirected links", n, m)
            + (t.selfLoopsDropped() > 0 ? ", " + t.selfLoopsDropped() + " self-loops dropped" : "")
            + (t.repeatsDropped() > 0 ? ", " + t.repeatsDropped() + " repeated edges dropped" : "")
            + ".");
    header.add(
        "The file gives topology only; every number below is a generated default (docs/import.md):");
    header.add(
        String.format(
            Locale.ROOT,
            "  - sources: the %d best-connected nodes (highest degree, ties by file order)%s,",
            requested,
            added > 0 ? " + " + added + " for components without one" : ""));
    header.add(
        String.format(
            Locale.ROOT,
            "    each with supply = total demand x %.1f / %d = %s per day;",
            SUPPLY_RESERVE,
            sources,
            GasLibImport.plain(supply)));
    header.add(
        String.format(
            Locale.ROOT,
            "  - sinks: the other %d connected nodes, demand %s per day each, priority 1,",
            sinks,
            GasLibImport.plain(demand)));
    header.add(
        "    population 0 (format defaults, not written), value_of_lost_load "
            + GasLibImport.plain(voll)
            + (isolated > 0 ? "; " + isolated + " isolated nodes are junctions;" : ";"));
    header.add(
        String.format(
            Locale.ROOT,
            "  - links: undirected, kind %s, capacity %s per day%s;",
            linkKind,
            GasLibImport.plain(capacity),
            options.capacityPerDay() != null
                ? ""
                : " (= "
                    + GasLibImport.plain(CAPACITY_FACTOR)
                    + " x total demand / number of sources)"));
    header.add(
        String.format(
            Locale.ROOT,
            "  - threat line-failures: each link fails independently at day 0 with probability %s,",
            GasLibImport.plain(probability)));
    header.add("    repaired after 1 day; horizon_days " + horizon + ".");
    return new ImportedScenario(doc.root(), header, warnings);
  }

  /** A scenario holds at most {@link ScenarioLimits#MAX_NODES} nodes and as many links. */
  private static void checkSize(java.nio.file.Path file, int n, int m, List<Problem> problems) {
    if (n > ScenarioLimits.MAX_NODES) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "the graph has "
                  + n
                  + " nodes; a scenario holds at most "
                  + ScenarioLimits.MAX_NODES));
    }
    if (m > ScenarioLimits.MAX_LINKS) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "the graph has "
                  + m
                  + " links; a scenario holds at most "
                  + ScenarioLimits.MAX_LINKS));
    }
  }

  /**
   * The generated supply and default capacity grow with {@code --demand} times the number of sinks;
   * each must stay within {@link ScenarioLimits#MAX_QUANTITY} for the scenario to validate.
   */
  private static void checkDerivedQuantities(
      java.nio.file.Path file,
      double supply,
      double capacity,
      int sources,
      ImportOptions options,
      List<Problem> problems) {
    if (supply > ScenarioLimits.MAX_QUANTITY) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "--demand "
                  + GasLibImport.plain(
                      options.demandPerNode() != null ? options.demandPerNode() : 1)
                  + " gives each of the "
                  + sources
                  + " sources a supply of "
                  + supply
                  + " per day (total demand x "
                  + SUPPLY_RESERVE
                  + " / sources), above the largest number a scenario may give ("
                  + ScenarioLimits.MAX_QUANTITY
                  + "); give a smaller --demand"));
    } else if (options.capacityPerDay() == null && capacity > ScenarioLimits.MAX_QUANTITY) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "the default link capacity (10 x total demand / sources) would be "
                  + capacity
                  + ", above the largest number a scenario may give ("
                  + ScenarioLimits.MAX_QUANTITY
                  + "); give a smaller --demand or a --capacity"));
    }
  }

  private static int find(int[] parent, int v) {
    while (parent[v] != v) {
      parent[v] = parent[parent[v]];
      v = parent[v];
    }
    return v;
  }

  private static void union(int[] parent, int a, int b) {
    int ra = find(parent, a);
    int rb = find(parent, b);
    if (ra != rb) {
      parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
}
