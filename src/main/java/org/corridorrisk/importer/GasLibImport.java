package org.corridorrisk.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.importer.GasLibReader.GasArc;
import org.corridorrisk.importer.GasLibReader.GasLibData;
import org.corridorrisk.importer.GasLibReader.GasNode;
import org.corridorrisk.importer.GasLibReader.Nomination;
import org.corridorrisk.scenario.Problem;

/**
 * Turns a GasLib network and nomination into a scenario. Every node and arc is kept.
 *
 * <ul>
 *   <li>Units: GasLib flows are in 1000 m3/h (normal conditions); scenario flows in mcm/d: {@code x
 *       24 / 1000 = x 0.024}.
 *   <li>Nodes: {@code source} -> source with supply = nominated flow, {@code sink} -> sink with
 *       demand = nominated flow, {@code innode} -> junction. The nominated flow is the upper bound
 *       of the {@code .scn} entry (the value when {@code bound="both"}; the lower bound when only
 *       that is given). Entries and exits missing from the nomination get 0.
 *   <li>Arcs (all types) -> links of kind {@code pipeline}. An arc with {@code flowMin < 0} may
 *       carry flow backwards, so it becomes undirected with capacity {@code max(flowMax,
 *       -flowMin)}; otherwise directed with capacity {@code flowMax}. A positive {@code flowMin} (a
 *       minimum flow) is not modelled. Placeholder bounds (e.g. 10000, 1e6) are kept as they are.
 *   <li>Coordinates: GasLib {@code x}/{@code y} are drawing coordinates, not degrees; only the
 *       {@code geoWGS84Lat}/{@code geoWGS84Long} attributes become {@code location}.
 * </ul>
 */
final class GasLibImport {
  static final double MCM_PER_DAY_PER_1000M3_PER_HOUR = 0.024;
  static final int DEFAULT_HORIZON_DAYS = 90;
  static final double DEFAULT_VOLL_USD_PER_MCM = 250_000;

  private GasLibImport() {}

  static ImportedScenario build(
      GasLibData data, String sourceName, ImportOptions options, List<Problem> problems) {
    List<String> warnings = new ArrayList<>();
    IdSanitizer ids = new IdSanitizer();
    Map<String, String> nodeIds = new LinkedHashMap<>();
    Map<String, GasNode> nodesByRawId = new HashMap<>();
    for (GasNode n : data.nodes()) {
      if (n.id() == null) {
        continue;
      }
      if (nodesByRawId.putIfAbsent(n.id(), n) != null) {
        problems.add(
            new Problem(
                data.netFile(),
                n.line(),
                n.column(),
                "",
                "node id '" + n.id() + "' is used twice"));
        continue;
      }
      nodeIds.put(n.id(), ids.unique(n.id()));
    }
    Map<String, String> arcIds = new HashMap<>();
    for (GasArc a : data.arcs()) {
      if (a.id() == null) {
        continue;
      }
      if (arcIds.containsKey(a.id())) {
        problems.add(
            new Problem(
                data.netFile(), a.line(), a.column(), "", "arc id '" + a.id() + "' is used twice"));
        continue;
      }
      arcIds.put(a.id(), ids.unique(a.id()));
      for (String end : new String[] {a.from(), a.to()}) {
        if (end != null && !nodesByRawId.containsKey(end)) {
          problems.add(
              new Problem(
                  data.netFile(),
                  a.line(),
                  a.column(),
                  "",
                  "arc '"
                      + a.id()
                      + "' refers to node '"
                      + end
                      + "', which the network does not declare"));
        }
      }
      if (Double.isNaN(a.flowMax()) && Double.isNaN(a.flowMin())) {
        problems.add(
            new Problem(
                data.netFile(),
                a.line(),
                a.column(),
                "",
                "arc '" + a.id() + "' has no flowMax, so its capacity is unknown"));
      }
    }
    for (Map.Entry<String, Nomination> e : data.nominations().entrySet()) {
      GasNode n = nodesByRawId.get(e.getKey());
      Nomination nom = e.getValue();
      if (n == null) {
        problems.add(
            new Problem(
                data.scnFile(),
                nom.line(),
                nom.column(),
                "",
                "nomination for '" + e.getKey() + "', which the network does not declare"));
      } else if (!("source".equals(n.type()) || "sink".equals(n.type()))) {
        warnings.add("nomination for inner node '" + e.getKey() + "' ignored");
      } else if (nom.value() < 0) {
        problems.add(
            new Problem(
                data.scnFile(),
                nom.line(),
                nom.column(),
                "",
                "nominated flow of '" + e.getKey() + "' must be >= 0, was " + nom.value()));
      } else if (!Double.isNaN(nom.lower())
          && !Double.isNaN(nom.upper())
          && nom.lower() != nom.upper()) {
        warnings.add(
            "'"
                + e.getKey()
                + "' is nominated between "
                + nom.lower()
                + " and "
                + nom.upper()
                + " (1000 m3/h); the upper bound was taken");
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }

    String name = options.name() != null ? options.name() : IdSanitizer.clean(baseName(sourceName));
    String commodity = options.commodity() != null ? options.commodity() : "gas";
    int horizon = options.horizonDays() != null ? options.horizonDays() : DEFAULT_HORIZON_DAYS;
    double voll =
        options.valueOfLostLoad() != null ? options.valueOfLostLoad() : DEFAULT_VOLL_USD_PER_MCM;
    String title = data.title() != null ? data.title() : baseName(sourceName);
    DocumentBuilder doc =
        new DocumentBuilder(
            name,
            "GasLib network "
                + title
                + " with its nomination, imported from "
                + sourceName
                + ". Threats are generated defaults: edit them.",
            horizon,
            commodity,
            "mcm/d");

    double supplyRaw = 0;
    double demandRaw = 0;
    List<String> missing = new ArrayList<>();
    int sources = 0;
    int sinks = 0;
    for (GasNode n : data.nodes()) {
      String id = nodeIds.get(n.id());
      Nomination nom = data.nominations().get(n.id());
      double raw = nom == null ? 0 : nom.value();
      ObjectNode node;
      switch (n.type()) {
        case "source" -> {
          node = doc.source(id, mcmPerDay(raw));
          supplyRaw += raw;
          sources++;
          if (nom == null) {
            missing.add(n.id());
          }
        }
        case "sink" -> {
          node = doc.sink(id, mcmPerDay(raw), voll, true);
          demandRaw += raw;
          sinks++;
          if (nom == null) {
            missing.add(n.id());
          }
        }
        default -> node = doc.node(id, "junction");
      }
      if (!Double.isNaN(n.lat())
          && !Double.isNaN(n.lon())
          && Math.abs(n.lat()) <= 90
          && Math.abs(n.lon()) <= 180) {
        DocumentBuilder.location(node, n.lat(), n.lon());
      }
    }
    if (!missing.isEmpty()) {
      warnings.add(
          missing.size()
              + " entries/exits are not in the nomination and were given 0: "
              + abbreviate(missing));
    }

    List<String> compressors = new ArrayList<>();
    List<String> pipes = new ArrayList<>();
    int undirected = 0;
    Map<String, List<String>> adjacency = new HashMap<>();
    for (GasArc a : data.arcs()) {
      String id = arcIds.get(a.id());
      double flowMin = Double.isNaN(a.flowMin()) ? 0 : a.flowMin();
      double flowMax = Double.isNaN(a.flowMax()) ? 0 : a.flowMax();
      boolean directed = flowMin >= 0;
      double capacityRaw = directed ? Math.max(0, flowMax) : Math.max(flowMax, -flowMin);
      if (!directed) {
        undirected++;
      }
      ObjectNode link =
          doc.link(
              id,
              nodeIds.get(a.from()),
              nodeIds.get(a.to()),
              "pipeline",
              mcmPerDay(capacityRaw),
              directed);
      if (!Double.isNaN(a.lengthKm()) && a.lengthKm() >= 0) {
        link.put("length_km", a.lengthKm());
      }
      if ("compressorStation".equals(a.type())) {
        compressors.add(id);
      } else if ("pipe".equals(a.type())) {
        pipes.add(id);
      } else if (!GasLibReader.ARC_TYPES.contains(a.type())) {
        warnings.add(
            "arc '" + a.id() + "' has unknown type <" + a.type() + ">; kept as a pipeline link");
      }
      adjacency.computeIfAbsent(a.from(), k -> new ArrayList<>()).add(a.to());
      if (!directed) {
        adjacency.computeIfAbsent(a.to(), k -> new ArrayList<>()).add(a.from());
      }
    }

    addThreats(doc, compressors, pipes);

    double supply = supplyRaw * MCM_PER_DAY_PER_1000M3_PER_HOUR;
    double demand = demandRaw * MCM_PER_DAY_PER_1000M3_PER_HOUR;
    if (supplyRaw + 1e-9 < demandRaw) {
      warnings.add(
          String.format(
              Locale.ROOT,
              "total nominated supply %.3f mcm/d is below total demand %.3f mcm/d",
              supply,
              demand));
    }
    List<String> unreachable = unreachableSinks(data, adjacency);
    if (!unreachable.isEmpty()) {
      warnings.add(
          unreachable.size()
              + " sinks with demand cannot be reached from any source with supply"
              + " (arcs read as directed where flowMin >= 0): "
              + abbreviate(unreachable));
    }

    List<String> header = new ArrayList<>();
    header.add("Scenario imported by `corridor-risk import` from " + sourceName);
    header.add(
        "  ("
            + data.netFile().getFileName()
            + " + nomination "
            + data.scnFile().getFileName()
            + ").");
    header.add("");
    header.add("Data: GasLib - A Library of Gas Network Instances (https://gaslib.zib.de),");
    header.add("licensed under Creative Commons Attribution 3.0 (CC BY 3.0,");
    header.add(
        "https://creativecommons.org/licenses/by/3.0/). Cite: Schmidt et al. (2017), \"GasLib - A");
    header.add(
        "Library of Gas Network Instances\", Data 2(4):40; Pfetsch et al. (2012), \"Validation of");
    header.add(
        "Nominations in Gas Network Optimization: Models, Methods, and Solutions\", ZIB-Report 12-41.");
    header.add("Changes: converted to the corridor-risk scenario format as described below.");
    header.add("");
    header.add(
        String.format(
            Locale.ROOT,
            "Network: %d nodes (%d entries, %d exits), %d arcs (%d pipes, %d compressor stations),",
            data.nodes().size(),
            sources,
            sinks,
            data.arcs().size(),
            pipes.size(),
            compressors.size()));
    header.add(
        String.format(
            Locale.ROOT,
            "  %d of them undirected. Nominated supply %.3f mcm/d, demand %.3f mcm/d.",
            undirected,
            supply,
            demand));
    header.add("Conversions and defaults (see docs/import.md):");
    header.add("  - flows: GasLib 1000 m3/h (normal conditions) x 0.024 = mcm/d, rounded to 1e-6;");
    header.add(
        "  - supply of an entry / demand of an exit: the nominated flow (upper bound of the .scn;");
    header.add(
        "    the value when bound=\"both\"); entries/exits missing from the nomination get 0;");
    header.add(
        "  - every arc (pipe, shortPipe, compressorStation, valve, controlValve, resistor) is a");
    header.add(
        "    link of kind pipeline: capacity = flowMax, directed; when flowMin < 0 the arc is");
    header.add(
        "    undirected with capacity max(flowMax, -flowMin). Placeholder bounds (10000 = 240 mcm/d)");
    header.add(
        "    are kept as they are, so such arcs do not bind; valves are modelled as always open;");
    header.add(
        "  - location from geoWGS84Lat/geoWGS84Long when present (GasLib x/y are not degrees);");
    header.add(
        String.format(
            Locale.ROOT,
            "  - every exit: priority 1, population 0, value_of_lost_load %s USD per mcm;",
            plain(voll)));
    header.add(
        "  - horizon_days "
            + horizon
            + "; threats are generated placeholders: compressor-sabotage");
    header.add(
        "    (poisson 1/year on compressor stations, success 0.5, repair lognormal median 7 d,");
    header.add(
        "    p90 30 d) and pipe-damage (poisson 2/year on pipes, success 0.5, repair lognormal");
    header.add("    median 14 d, p90 45 d). Replace them with your own threat assessment.");
    return new ImportedScenario(doc.root(), header, warnings);
  }

  private static void addThreats(
      DocumentBuilder doc, List<String> compressors, List<String> pipes) {
    if (!compressors.isEmpty()) {
      ObjectNode t = doc.threat("compressor-sabotage", "poisson");
      t.put("events_per_year", 1.0);
      DocumentBuilder.targets(t, "links", compressors);
      t.put("selection", "uniform");
      t.put("success_probability", 0.5);
      t.set("repair_days", DocumentBuilder.repair("lognormal").put("median", 7).put("p90", 30));
    }
    ObjectNode t = doc.threat("pipe-damage", "poisson");
    t.put("events_per_year", 2.0);
    if (pipes.isEmpty()) {
      DocumentBuilder.targets(t, "kinds", List.of("pipeline"));
    } else {
      DocumentBuilder.targets(t, "links", pipes);
    }
    t.put("selection", "uniform");
    t.put("success_probability", 0.5);
    t.set("repair_days", DocumentBuilder.repair("lognormal").put("median", 14).put("p90", 45));
  }

  /**
   * Raw ids of sinks with positive nominated demand not reachable from a source with positive
   * supply.
   */
  private static List<String> unreachableSinks(
      GasLibData data, Map<String, List<String>> adjacency) {
    ArrayDeque<String> queue = new ArrayDeque<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (GasNode n : data.nodes()) {
      Nomination nom = data.nominations().get(n.id());
      if ("source".equals(n.type()) && nom != null && nom.value() > 0 && seen.add(n.id())) {
        queue.add(n.id());
      }
    }
    while (!queue.isEmpty()) {
      String at = queue.poll();
      for (String next : adjacency.getOrDefault(at, List.of())) {
        if (seen.add(next)) {
          queue.add(next);
        }
      }
    }
    List<String> result = new ArrayList<>();
    for (GasNode n : data.nodes()) {
      Nomination nom = data.nominations().get(n.id());
      if ("sink".equals(n.type()) && nom != null && nom.value() > 0 && !seen.contains(n.id())) {
        result.add(n.id());
      }
    }
    return result;
  }

  static String baseName(String fileName) {
    String name = fileName;
    int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
    name = name.substring(slash + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  static String abbreviate(List<String> ids) {
    return ids.size() <= 10
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 10)) + ", ...";
  }

  /** A GasLib flow (1000 m3/h) in mcm/d, rounded to 6 decimals (1 m3/d). */
  static double mcmPerDay(double thousandCubicMetresPerHour) {
    return DocumentBuilder.round6(thousandCubicMetresPerHour * MCM_PER_DAY_PER_1000M3_PER_HOUR);
  }

  static String plain(double x) {
    return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
  }
}
