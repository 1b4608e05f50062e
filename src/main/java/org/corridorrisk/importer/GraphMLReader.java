package org.corridorrisk.importer;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.scenario.Problem;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.ImportException;
import org.jgrapht.nio.graphml.GraphMLImporter;

/**
 * Reads a GraphML file with JGraphT's {@link GraphMLImporter} as an undirected graph (edge
 * direction is ignored; self-loops and repeated edges are dropped). Node positions: attributes
 * named {@code lat}/{@code lon} (or {@code latitude}/{@code longitude}, any case) become the
 * location; otherwise {@code x}/{@code y} are read as lon/lat only when every node has both and all
 * lie within WGS84 ranges, else they are ignored (drawing coordinates are not degrees).
 */
final class GraphMLReader {
  private final List<Problem> problems;
  private String positionNote = "no node positions in the file";

  GraphMLReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** How node positions were read, for the header. */
  String positionNote() {
    return positionNote;
  }

  Topology read(Path file) throws IOException {
    Graph<String, DefaultEdge> graph = new DirectedPseudograph<>(DefaultEdge.class);
    Map<String, Map<String, String>> nodeAttributes = new HashMap<>();
    Map<DefaultEdge, String> edgeIds = new HashMap<>();
    GraphMLImporter<String, DefaultEdge> importer = new GraphMLImporter<>();
    importer.setSchemaValidation(false);
    importer.setVertexFactory(id -> id);
    importer.addVertexAttributeConsumer(
        (pair, attribute) ->
            nodeAttributes
                .computeIfAbsent(pair.getFirst(), k -> new HashMap<>())
                .put(pair.getSecond().toLowerCase(Locale.ROOT), attribute.getValue()));
    importer.addEdgeAttributeConsumer(
        (pair, attribute) -> {
          if ("id".equals(pair.getSecond())) {
            edgeIds.put(pair.getFirst(), attribute.getValue());
          }
        });
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      importer.importGraph(graph, in);
    } catch (ImportException | IllegalArgumentException e) {
      problems.add(new Problem(file, 0, 0, "", "not a readable GraphML file: " + rootMessage(e)));
      return null;
    }
    List<String> ids = new ArrayList<>(graph.vertexSet());
    Map<String, Integer> index = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      index.put(ids.get(i), i);
    }
    int n = ids.size();
    double[] lat = new double[n];
    double[] lon = new double[n];
    Arrays.fill(lat, Double.NaN);
    Arrays.fill(lon, Double.NaN);
    readPositions(ids, nodeAttributes, lat, lon);
    EdgeList edges = new EdgeList();
    for (DefaultEdge e : graph.edgeSet()) {
      edges.add(
          index.get(graph.getEdgeSource(e)), index.get(graph.getEdgeTarget(e)), edgeIds.get(e));
    }
    return edges.toTopology(ids, lat, lon);
  }

  private void readPositions(
      List<String> ids, Map<String, Map<String, String>> attrs, double[] lat, double[] lon) {
    int withLatLon = 0;
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> a = attrs.getOrDefault(ids.get(i), Map.of());
      double la = number(first(a, "lat", "latitude"));
      double lo = number(first(a, "lon", "lng", "longitude"));
      if (!Double.isNaN(la) && !Double.isNaN(lo) && Math.abs(la) <= 90 && Math.abs(lo) <= 180) {
        lat[i] = la;
        lon[i] = lo;
        withLatLon++;
      }
    }
    if (withLatLon > 0) {
      positionNote =
          "location from lat/lon attributes (" + withLatLon + " of " + ids.size() + " nodes)";
      return;
    }
    double[] x = new double[ids.size()];
    double[] y = new double[ids.size()];
    boolean allDegrees = !ids.isEmpty();
    boolean anyXy = false;
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> a = attrs.getOrDefault(ids.get(i), Map.of());
      x[i] = number(a.get("x"));
      y[i] = number(a.get("y"));
      anyXy |= !Double.isNaN(x[i]) || !Double.isNaN(y[i]);
      allDegrees &=
          !Double.isNaN(x[i])
              && !Double.isNaN(y[i])
              && Math.abs(x[i]) <= 180
              && Math.abs(y[i]) <= 90;
    }
    if (allDegrees) {
      System.arraycopy(y, 0, lat, 0, y.length);
      System.arraycopy(x, 0, lon, 0, x.length);
      positionNote =
          "location from x/y read as lon/lat (all values within WGS84 ranges): check this";
    } else if (anyXy) {
      positionNote =
          "x/y attributes ignored (not all within WGS84 degree ranges, so not taken as lon/lat)";
    }
  }

  private static String first(Map<String, String> a, String... keys) {
    for (String k : keys) {
      if (a.containsKey(k)) {
        return a.get(k);
      }
    }
    return null;
  }

  private static double number(String s) {
    if (s == null) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s.trim());
      return Double.isFinite(v) ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String m = t.getMessage();
    return m == null ? t.getClass().getSimpleName() : m;
  }
}
