package org.corridorrisk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.corridorrisk.scenario.Problem;

/**
 * Reads a GraphML file with the JDK's StAX parser (DTDs and external entities disabled) as an
 * undirected graph: {@code <node id>} elements in file order, {@code <edge id source target>}
 * elements (direction ignored; self-loops and repeated edges dropped) and the {@code <data>} of
 * nodes, named by their {@code <key attr.name>} (default values of keys apply). Every problem is
 * reported with the line and column where the parser stood: XML syntax errors, nodes or edges
 * without their required attributes, repeated node ids, and edge ends that name no node.
 *
 * <p>Node positions: attributes named {@code lat}/{@code lon} (or {@code latitude}/{@code
 * longitude}/{@code lng}, any case) become the location; values that are not numbers or lie outside
 * WGS84 ranges are ignored with a warning naming the nodes. Without usable lat/lon, {@code x}/
 * {@code y} are read as lon/lat only when every node has both and all lie within WGS84 ranges, else
 * they are ignored (drawing coordinates are not degrees).
 */
final class GraphMLReader {
  /** Nodes named in one warning before "and N more". */
  private static final int NAMED_IN_WARNING = 10;

  private final List<Problem> problems;
  private final List<String> warnings = new ArrayList<>();
  private String positionNote = "no node positions in the file";

  GraphMLReader(List<Problem> problems) {
    this.problems = problems;
  }

  /** How node positions were read, for the header. */
  String positionNote() {
    return positionNote;
  }

  /** Things the user should check, e.g. lat/lon values that were ignored. */
  List<String> warnings() {
    return warnings;
  }

  /** A node as read: its id, where it starts, and its data by key id. */
  private record RawNode(String id, int line, int column, Map<String, String> data) {}

  /** An edge as read; {@code id} is {@code null} when the element has none. */
  private record RawEdge(String id, String source, String target, int line, int column) {}

  /** A {@code <key>}: the attribute name it stands for, what it applies to and its default. */
  private record Key(String name, String domain, String defaultValue) {}

  /** Everything the file declares, before ids are resolved. */
  private static final class Parsed {
    final Map<String, Key> keys = new HashMap<>();
    final List<RawNode> nodes = new ArrayList<>();
    final List<RawEdge> edges = new ArrayList<>();
    int hyperedges;
  }

  Topology read(Path file) throws IOException {
    Parsed parsed;
    try (InputStream in = Files.newInputStream(file)) {
      parsed = parse(file, in);
    }
    if (parsed == null) {
      return null;
    }
    if (parsed.hyperedges > 0) {
      warnings.add(parsed.hyperedges + " <hyperedge> elements were ignored");
    }
    Map<String, Integer> index = indexNodes(file, parsed.nodes);
    EdgeList edges = new EdgeList();
    for (RawEdge e : parsed.edges) {
      Integer a = endpoint(file, e, "source", e.source(), index);
      Integer b = endpoint(file, e, "target", e.target(), index);
      if (a != null && b != null) {
        edges.add(a, b, e.id());
      }
    }
    if (!problems.isEmpty()) {
      return null;
    }
    List<String> ids = new ArrayList<>(index.keySet());
    List<Map<String, String>> attributes = attributesByName(parsed);
    int n = ids.size();
    double[] lat = new double[n];
    double[] lon = new double[n];
    Arrays.fill(lat, Double.NaN);
    Arrays.fill(lon, Double.NaN);
    readPositions(ids, attributes, lat, lon);
    return edges.toTopology(ids, lat, lon);
  }

  /**
   * Reads the elements the importer uses; {@code null} after a problem that stops the reading (an
   * XML syntax error, a root that is not {@code <graphml>}).
   */
  private Parsed parse(Path file, InputStream in) {
    Parsed parsed = new Parsed();
    RawNode node = null; // the node whose <data> are being read
    String keyId = null; // the <key> whose <default> may follow
    String dataKey = null; // the <data> whose text is being read
    StringBuilder text = new StringBuilder();
    int depth = 0;
    try {
      XMLStreamReader r = SafeXml.open(in);
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName();
          Location at = r.getLocation();
          if (depth == 1 && !"graphml".equals(name)) {
            problems.add(
                new Problem(
                    file,
                    at.getLineNumber(),
                    at.getColumnNumber(),
                    "",
                    "not a GraphML file: the root element is <" + name + ">, not <graphml>"));
            return null;
          }
          switch (name) {
            case "key" -> keyId = readKey(r, parsed.keys);
            case "node" -> node = readNode(file, r, at, parsed.nodes);
            case "edge" -> readEdge(file, r, at, parsed.edges);
            case "hyperedge" -> parsed.hyperedges++;
            case "data", "default" -> {
              dataKey = "data".equals(name) ? attribute(r, "key") : keyId;
              text.setLength(0);
            }
            default -> {}
          }
        } else if (event == XMLStreamConstants.CHARACTERS
            || event == XMLStreamConstants.CDATA
            || event == XMLStreamConstants.SPACE) {
          if (dataKey != null) {
            text.append(r.getText());
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
          String name = r.getLocalName();
          if ("data".equals(name) && node != null && dataKey != null) {
            node.data().put(dataKey, text.toString());
          } else if ("default".equals(name) && keyId != null) {
            Key k = parsed.keys.get(keyId);
            parsed.keys.put(keyId, new Key(k.name(), k.domain(), text.toString().trim()));
          }
          switch (name) {
            case "data", "default" -> dataKey = null;
            case "node" -> node = null;
            case "key" -> keyId = null;
            default -> {}
          }
        }
      }
    } catch (XMLStreamException e) {
      Location at = e.getLocation();
      problems.add(
          new Problem(
              file,
              at == null ? 0 : Math.max(0, at.getLineNumber()),
              at == null ? 0 : Math.max(0, at.getColumnNumber()),
              "",
              "not a readable GraphML file: " + SafeXml.message(e)));
      return null;
    }
    return parsed;
  }

  private static String readKey(XMLStreamReader r, Map<String, Key> keys) {
    String id = attribute(r, "id");
    if (id == null) {
      return null;
    }
    String name = attribute(r, "attr.name");
    String domain = attribute(r, "for");
    keys.put(id, new Key(name != null ? name : id, domain != null ? domain : "all", null));
    return id;
  }

  private RawNode readNode(Path file, XMLStreamReader r, Location at, List<RawNode> nodes) {
    String id = attribute(r, "id");
    if (id == null) {
      problems.add(located(file, at, "<node> has no id attribute"));
      return null;
    }
    RawNode node = new RawNode(id, at.getLineNumber(), at.getColumnNumber(), new HashMap<>());
    nodes.add(node);
    return node;
  }

  private void readEdge(Path file, XMLStreamReader r, Location at, List<RawEdge> edges) {
    String source = attribute(r, "source");
    String target = attribute(r, "target");
    if (source == null || target == null) {
      problems.add(
          located(
              file,
              at,
              "<edge> needs both a source and a target attribute"
                  + (source == null && target == null
                      ? ""
                      : " but has only " + (source == null ? "target" : "source"))));
      return;
    }
    edges.add(
        new RawEdge(attribute(r, "id"), source, target, at.getLineNumber(), at.getColumnNumber()));
  }

  /** Node index by id, in file order; every repeated id is a problem at its element. */
  private Map<String, Integer> indexNodes(Path file, List<RawNode> nodes) {
    Map<String, Integer> index = new LinkedHashMap<>();
    Map<String, RawNode> first = new HashMap<>();
    for (RawNode node : nodes) {
      RawNode earlier = first.putIfAbsent(node.id(), node);
      if (earlier != null) {
        problems.add(
            new Problem(
                file,
                node.line(),
                node.column(),
                "",
                "node id '"
                    + node.id()
                    + "' is used again (first at line "
                    + earlier.line()
                    + "); node ids must be unique"));
      } else {
        index.put(node.id(), index.size());
      }
    }
    return index;
  }

  /** The index of an edge's end, or {@code null} after a located problem when no node has it. */
  private Integer endpoint(
      Path file, RawEdge e, String role, String nodeId, Map<String, Integer> index) {
    Integer i = index.get(nodeId);
    if (i == null) {
      problems.add(
          new Problem(
              file,
              e.line(),
              e.column(),
              "",
              "edge "
                  + (e.id() != null ? "'" + e.id() + "' " : "")
                  + role
                  + " '"
                  + nodeId
                  + "' is not the id of a <node>"));
    }
    return i;
  }

  /**
   * Each node's data by lower-cased attribute name (the key's {@code attr.name}, else its id), with
   * the defaults of node keys filled in; one map per node of the index, in file order (a repeated
   * node id keeps the first element's data).
   */
  private static List<Map<String, String>> attributesByName(Parsed parsed) {
    Map<String, Map<String, String>> byId = new HashMap<>();
    for (RawNode node : parsed.nodes) {
      if (byId.containsKey(node.id())) {
        continue;
      }
      Map<String, String> named = new HashMap<>();
      for (Map.Entry<String, Key> k : parsed.keys.entrySet()) {
        Key key = k.getValue();
        boolean forNodes = "node".equals(key.domain()) || "all".equals(key.domain());
        if (forNodes && key.defaultValue() != null) {
          named.put(key.name().toLowerCase(Locale.ROOT), key.defaultValue());
        }
      }
      for (Map.Entry<String, String> d : node.data().entrySet()) {
        Key key = parsed.keys.get(d.getKey());
        String name = key != null ? key.name() : d.getKey();
        named.put(name.toLowerCase(Locale.ROOT), d.getValue());
      }
      byId.put(node.id(), named);
    }
    List<Map<String, String>> result = new ArrayList<>();
    parsed.nodes.stream().map(RawNode::id).distinct().forEach(id -> result.add(byId.get(id)));
    return result;
  }

  private void readPositions(
      List<String> ids, List<Map<String, String>> attrs, double[] lat, double[] lon) {
    int withLatLon = 0;
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> a = attrs.get(i);
      String rawLat = first(a, "lat", "latitude");
      String rawLon = first(a, "lon", "lng", "longitude");
      if (rawLat == null && rawLon == null) {
        continue;
      }
      String why = latLonProblem(rawLat, rawLon);
      if (why == null) {
        lat[i] = number(rawLat);
        lon[i] = number(rawLon);
        withLatLon++;
      } else {
        ignored.add(ids.get(i) + " (" + why + ")");
      }
    }
    if (!ignored.isEmpty()) {
      warnings.add(
          "lat/lon of "
              + ignored.size()
              + " nodes ignored (no location written): "
              + abbreviate(ignored));
    }
    if (withLatLon > 0) {
      positionNote =
          "location from lat/lon attributes (" + withLatLon + " of " + ids.size() + " nodes)";
      return;
    }
    if (!ignored.isEmpty()) {
      positionNote = "lat/lon attributes present but none usable (see the warnings)";
    }
    readXy(ids, attrs, lat, lon);
  }

  /**
   * Why a node's lat/lon cannot be its location, or {@code null} when they can: both must be
   * numbers, latitude in [-90, 90] and longitude in [-180, 180].
   */
  private static String latLonProblem(String rawLat, String rawLon) {
    if (rawLat == null) {
      return "lon " + rawLon.trim() + " without lat";
    }
    if (rawLon == null) {
      return "lat " + rawLat.trim() + " without lon";
    }
    double la = number(rawLat);
    double lo = number(rawLon);
    if (Double.isNaN(la)) {
      return "lat '" + rawLat.trim() + "' is not a number";
    }
    if (Double.isNaN(lo)) {
      return "lon '" + rawLon.trim() + "' is not a number";
    }
    if (Math.abs(la) > 90) {
      return "lat " + rawLat.trim() + " is outside [-90, 90]";
    }
    if (Math.abs(lo) > 180) {
      return "lon " + rawLon.trim() + " is outside [-180, 180]";
    }
    return null;
  }

  private void readXy(
      List<String> ids, List<Map<String, String>> attrs, double[] lat, double[] lon) {
    double[] x = new double[ids.size()];
    double[] y = new double[ids.size()];
    boolean allDegrees = !ids.isEmpty();
    boolean anyXy = false;
    for (int i = 0; i < ids.size(); i++) {
      Map<String, String> a = attrs.get(i);
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

  private static String abbreviate(List<String> items) {
    if (items.size() <= NAMED_IN_WARNING) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, NAMED_IN_WARNING))
        + " and "
        + (items.size() - NAMED_IN_WARNING)
        + " more";
  }

  private static Problem located(Path file, Location at, String message) {
    return new Problem(file, at.getLineNumber(), at.getColumnNumber(), "", message);
  }

  private static String attribute(XMLStreamReader r, String name) {
    return r.getAttributeValue(null, name);
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
}
