package org.corridorrisk.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.corridorrisk.scenario.Problem;

/**
 * Reads a GasLib network ({@code .net}) and its nomination ({@code .scn}) with StAX, keeping each
 * element's line and column for error messages. Only what the scenario needs is kept: node and arc
 * ids, types, coordinates, {@code flowMin}/{@code flowMax} (1000 m3/h), pipe lengths, and the
 * nomination's flow bounds. Problems are collected, not thrown one by one.
 *
 * <p>Design note: StAX rather than DOM because DOM drops source locations, and a user who
 * hand-edits a GasLib file deserves {@code FILE:LINE:COLUMN} messages. DTDs and external entities
 * are disabled (the files never need them).
 */
final class GasLibReader {
  static final String GAS_NS = "http://gaslib.zib.de/Gas";
  static final String FLOW_UNIT = "1000m_cube_per_hour";
  static final Set<String> NODE_TYPES = Set.of("source", "sink", "innode");
  static final Set<String> ARC_TYPES =
      Set.of("pipe", "shortPipe", "compressorStation", "valve", "controlValve", "resistor");

  /** A node of the {@code .net} file. Coordinates are {@code NaN} when absent. */
  record GasNode(String id, String type, double lat, double lon, int line, int column) {}

  /**
   * An arc; {@code flowMin}/{@code flowMax} in 1000 m3/h ({@code NaN} when absent), length in km
   * ({@code NaN} when absent).
   */
  record GasArc(
      String id,
      String type,
      String from,
      String to,
      double flowMin,
      double flowMax,
      double lengthKm,
      int line,
      int column) {}

  /** Nominated flow bounds of one entry or exit, 1000 m3/h ({@code NaN} when absent). */
  record Nomination(String type, double lower, double upper, int line, int column) {
    /** The bound taken as the day's rate: the upper bound, else the lower bound. */
    double value() {
      return Double.isNaN(upper) ? lower : upper;
    }
  }

  /** What was read, with the names of the two files as shown in messages. */
  record GasLibData(
      Path netFile,
      Path scnFile,
      String title,
      List<GasNode> nodes,
      List<GasArc> arcs,
      Map<String, Nomination> nominations) {}

  private final List<Problem> problems;

  GasLibReader(List<Problem> problems) {
    this.problems = problems;
  }

  /**
   * Reads a {@code .zip} holding one {@code .net} and its {@code .scn}, or a {@code .net} with its
   * {@code .scn} beside it.
   */
  GasLibData read(Path file) throws IOException {
    String lower = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip")) {
      return readZip(file);
    }
    Path scn = siblingScn(file);
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString());
    }
    if (scn == null) {
      String message =
          lower.endsWith(".net")
              ? "no nomination file beside it (expected "
                  + replaceExtension(file.getFileName().toString())
                  + ")"
              : "not a GasLib network: the GasLib format reads a .zip holding a .net and its"
                  + " .scn, or a .net with its .scn beside it";
      problems.add(new Problem(file, 0, 0, "", message));
      return null;
    }
    try (InputStream net = Files.newInputStream(file);
        InputStream nom = Files.newInputStream(scn)) {
      return parse(file, net, scn, nom);
    }
  }

  private static Path siblingScn(Path net) {
    Path candidate = net.resolveSibling(replaceExtension(net.getFileName().toString()));
    return Files.isRegularFile(candidate) ? candidate : null;
  }

  private static String replaceExtension(String name) {
    int dot = name.lastIndexOf('.');
    return (dot < 0 ? name : name.substring(0, dot)) + ".scn";
  }

  private GasLibData readZip(Path zip) throws IOException {
    if (!Files.isRegularFile(zip)) {
      throw new NoSuchFileException(zip.toString());
    }
    try (ZipFile zf = new ZipFile(zip.toFile())) {
      List<ZipEntry> nets = new ArrayList<>();
      Map<String, ZipEntry> scns = new LinkedHashMap<>();
      for (Enumeration<? extends ZipEntry> e = zf.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        String name = entry.getName();
        if (entry.isDirectory() || name.contains("__MACOSX")) {
          continue;
        }
        if (name.toLowerCase(Locale.ROOT).endsWith(".net")) {
          nets.add(entry);
        } else if (name.toLowerCase(Locale.ROOT).endsWith(".scn")) {
          scns.put(name, entry);
        }
      }
      if (nets.size() != 1) {
        problems.add(
            new Problem(
                zip,
                0,
                0,
                "",
                nets.isEmpty()
                    ? "no GasLib network (.net) inside the zip"
                    : "more than one .net inside the zip ("
                        + nets.size()
                        + "); unzip it and import the .net you mean"));
        return null;
      }
      ZipEntry net = nets.get(0);
      ZipEntry scn = scns.get(replaceExtension(net.getName()));
      if (scn == null && scns.size() == 1) {
        scn = scns.values().iterator().next();
      }
      if (scn == null) {
        problems.add(
            new Problem(
                zip,
                0,
                0,
                "",
                scns.isEmpty()
                    ? "no nomination (.scn) inside the zip"
                    : "several .scn files inside the zip and none named like " + net.getName()));
        return null;
      }
      try (InputStream netIn = zf.getInputStream(net);
          InputStream scnIn = zf.getInputStream(scn)) {
        return parse(
            Path.of(zip + "!/" + net.getName()), netIn, Path.of(zip + "!/" + scn.getName()), scnIn);
      }
    } catch (ZipException e) {
      problems.add(new Problem(zip, 0, 0, "", "not a readable zip file (" + e.getMessage() + ")"));
      return null;
    }
  }

  private GasLibData parse(Path netFile, InputStream net, Path scnFile, InputStream scn) {
    List<GasNode> nodes = new ArrayList<>();
    List<GasArc> arcs = new ArrayList<>();
    String title = readNet(netFile, net, nodes, arcs);
    Map<String, Nomination> nominations = readScn(scnFile, scn);
    return new GasLibData(netFile, scnFile, title, nodes, arcs, nominations);
  }

  /** Reads nodes and arcs; returns the framework title (or null). */
  private String readNet(Path file, InputStream in, List<GasNode> nodes, List<GasArc> arcs) {
    String title = null;
    boolean sawNetwork = false;
    String section = "";
    int depth = 0;
    int elementDepth = -1;
    // fields of the node or arc being read
    String kind = null;
    String id = null;
    String from = null;
    String to = null;
    double lat = Double.NaN;
    double lon = Double.NaN;
    double flowMin = Double.NaN;
    double flowMax = Double.NaN;
    double lengthKm = Double.NaN;
    int line = 0;
    int column = 0;
    try {
      XMLStreamReader r = SafeXml.open(in);
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName();
          if (depth == 1) {
            sawNetwork = "network".equals(name);
            if (!sawNetwork) {
              problems.add(
                  at(
                      file,
                      r.getLocation(),
                      "expected a GasLib <network> document but the root is <" + name + ">"));
              return null;
            }
          } else if (depth == 2) {
            section = name;
          } else if (depth == 3 && "information".equals(section) && "title".equals(name)) {
            title = r.getElementText().trim();
            depth--;
          } else if (depth == 3 && ("nodes".equals(section) || "connections".equals(section))) {
            boolean isNode = "nodes".equals(section);
            if (isNode && !NODE_TYPES.contains(name)) {
              problems.add(
                  at(
                      file,
                      r.getLocation(),
                      "unknown node type <" + name + ">; expected one of " + NODE_TYPES));
            }
            kind = name;
            elementDepth = depth;
            Location loc = r.getLocation();
            line = loc.getLineNumber();
            column = loc.getColumnNumber();
            id = r.getAttributeValue(null, "id");
            from = r.getAttributeValue(null, "from");
            to = r.getAttributeValue(null, "to");
            lat = number(file, r, "geoWGS84Lat");
            lon = number(file, r, "geoWGS84Long");
            flowMin = Double.NaN;
            flowMax = Double.NaN;
            lengthKm = Double.NaN;
            if (id == null || id.isBlank()) {
              problems.add(at(file, loc, "<" + name + "> has no id"));
            }
            if (!isNode && (from == null || to == null)) {
              problems.add(
                  at(file, loc, "<" + name + " id=\"" + id + "\"> needs both from and to"));
            }
          } else if (elementDepth > 0 && depth == elementDepth + 1) {
            switch (name) {
              case "flowMin" -> flowMin = flow(file, r);
              case "flowMax" -> flowMax = flow(file, r);
              case "length" -> lengthKm = lengthKm(file, r);
              default -> {}
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == elementDepth && kind != null) {
            if ("nodes".equals(section)) {
              nodes.add(new GasNode(id, kind, lat, lon, line, column));
            } else {
              arcs.add(new GasArc(id, kind, from, to, flowMin, flowMax, lengthKm, line, column));
            }
            kind = null;
            elementDepth = -1;
          }
          if (depth == 2) {
            section = "";
          }
          depth--;
        }
      }
    } catch (XMLStreamException e) {
      problems.add(at(file, e.getLocation(), "not well-formed XML: " + SafeXml.message(e)));
    }
    if (sawNetwork && nodes.isEmpty()) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "no nodes found (expected <source>, <sink>, <innode> in <framework:nodes>)"));
    }
    return title;
  }

  private Map<String, Nomination> readScn(Path file, InputStream in) {
    Map<String, Nomination> result = new LinkedHashMap<>();
    int depth = 0;
    int scenarios = 0;
    String id = null;
    String type = null;
    double lower = Double.NaN;
    double upper = Double.NaN;
    int line = 0;
    int column = 0;
    int nodeDepth = -1;
    boolean flowSeen = false;
    try {
      XMLStreamReader r = SafeXml.open(in);
      while (r.hasNext()) {
        int event = r.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
          String name = r.getLocalName();
          if (depth == 1 && !"boundaryValue".equals(name)) {
            problems.add(
                at(
                    file,
                    r.getLocation(),
                    "expected a GasLib <boundaryValue> nomination but the root is <" + name + ">"));
            return result;
          }
          if (depth == 2 && "scenario".equals(name)) {
            scenarios++;
          }
          if (scenarios > 1) {
            continue; // only the first scenario is read
          }
          if (depth == 3 && "node".equals(name)) {
            nodeDepth = depth;
            Location loc = r.getLocation();
            line = loc.getLineNumber();
            column = loc.getColumnNumber();
            id = r.getAttributeValue(null, "id");
            type = r.getAttributeValue(null, "type");
            lower = Double.NaN;
            upper = Double.NaN;
            flowSeen = false;
          } else if (nodeDepth > 0 && depth == nodeDepth + 1 && "flow".equals(name)) {
            flowSeen = true; // an unusable bound is reported at its element
            String bound = r.getAttributeValue(null, "bound");
            double value = flow(file, r);
            if ("both".equals(bound)) {
              lower = value;
              upper = value;
            } else if ("lower".equals(bound)) {
              lower = value;
            } else if ("upper".equals(bound)) {
              upper = value;
            } else {
              problems.add(
                  at(
                      file,
                      r.getLocation(),
                      "flow bound must be both, lower or upper, was '" + bound + "'"));
            }
          }
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          if (depth == nodeDepth && id != null) {
            if (Double.isNaN(lower) && Double.isNaN(upper)) {
              if (!flowSeen) {
                problems.add(
                    new Problem(
                        file, line, column, "", "nomination of '" + id + "' has no <flow> bound"));
              }
            } else {
              result.put(id, new Nomination(type, lower, upper, line, column));
            }
            id = null;
            nodeDepth = -1;
          }
          depth--;
        }
      }
    } catch (XMLStreamException e) {
      problems.add(at(file, e.getLocation(), "not well-formed XML: " + SafeXml.message(e)));
    }
    return result;
  }

  private double flow(Path file, XMLStreamReader r) {
    String unit = r.getAttributeValue(null, "unit");
    if (unit != null && !FLOW_UNIT.equals(unit)) {
      problems.add(
          at(file, r.getLocation(), "flow unit must be " + FLOW_UNIT + ", was '" + unit + "'"));
      return Double.NaN;
    }
    return number(file, r, "value");
  }

  private double lengthKm(Path file, XMLStreamReader r) {
    double value = number(file, r, "value");
    String unit = r.getAttributeValue(null, "unit");
    if (unit == null || "km".equals(unit)) {
      return value;
    }
    if ("m".equals(unit)) {
      return value / 1000;
    }
    problems.add(at(file, r.getLocation(), "length unit must be km or m, was '" + unit + "'"));
    return Double.NaN;
  }

  private double number(Path file, XMLStreamReader r, String attribute) {
    String text = r.getAttributeValue(null, attribute);
    if (text == null) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(text.trim());
      if (Double.isFinite(v)) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(
        at(file, r.getLocation(), attribute + " must be a finite number, was '" + text + "'"));
    return Double.NaN;
  }

  private static Problem at(Path file, Location loc, String message) {
    return new Problem(
        file,
        loc == null ? 0 : Math.max(0, loc.getLineNumber()),
        loc == null ? 0 : Math.max(0, loc.getColumnNumber()),
        "",
        message);
  }
}
