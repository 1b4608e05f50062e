package org.corridorrisk.importer;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * Builds a {@code corridor-risk/v1} scenario tree in the key order of the format page, so the
 * written YAML reads like a hand-written scenario. Numbers are written exactly as given (the
 * shortest text that reads back as the same double); callers round what they compute with {@link
 * #round6} or {@link #roundDerived}, never what the user gave.
 */
final class DocumentBuilder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private final ObjectNode root = F.objectNode();
  private final ArrayNode nodes;
  private final ArrayNode links;
  private final ArrayNode threats;
  private final String commodity;

  DocumentBuilder(String name, String description, int horizonDays, String commodity, String unit) {
    this.commodity = commodity;
    root.put("format", "corridor-risk/v1");
    root.put("name", name);
    root.put("description", description);
    root.put("horizon_days", horizonDays);
    root.put("currency", "USD");
    ArrayNode commodities = root.putArray("commodities");
    commodities.addObject().put("id", commodity).put("unit", unit);
    nodes = root.putArray("nodes");
    links = root.putArray("links");
    threats = root.putArray("threats");
  }

  /**
   * Above this magnitude a double has no 6th decimal to round (its spacing exceeds 1e-7), and
   * {@code x * 1e6} would no longer fit a {@code long} exactly.
   */
  private static final double ROUNDING_LIMIT = 1e9;

  /**
   * {@code x} rounded to 6 decimals (1 m3/d when the unit is mcm/d). Values of magnitude {@code
   * 1e9} and more are returned unchanged: rounding through a {@code long} would clip them (1e35
   * became 9.2e12).
   */
  static double round6(double x) {
    if (!Double.isFinite(x) || Math.abs(x) >= ROUNDING_LIMIT) {
      return x;
    }
    return Math.round(x * 1e6) / 1e6;
  }

  /**
   * A computed value (a supply, a default capacity) rounded for a readable file without losing it:
   * 6 decimals from 1 upwards ({@link #round6}), 6 significant digits below 1, so a small positive
   * value never becomes 0.
   */
  static double roundDerived(double x) {
    if (x == 0 || !Double.isFinite(x) || Math.abs(x) >= 1) {
      return round6(x);
    }
    return new BigDecimal(x).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
  }

  /** Adds a node of this builder's commodity; returns it for further keys. */
  ObjectNode node(String id, String kind) {
    ObjectNode n = nodes.addObject();
    n.put("id", id);
    n.put("kind", kind);
    n.put("commodity", commodity);
    return n;
  }

  ObjectNode source(String id, double supplyPerDay) {
    ObjectNode n = node(id, "source");
    n.put("supply", supplyPerDay);
    return n;
  }

  /**
   * Adds a sink. With {@code explicitDefaults} the default priority 1 and population 0 are written
   * out so a planner sees where to edit them; without, they are left to the format's defaults
   * (large generated files parse faster).
   */
  ObjectNode sink(
      String id, double demandPerDay, double valueOfLostLoad, boolean explicitDefaults) {
    ObjectNode n = node(id, "sink");
    n.put("demand", demandPerDay);
    if (explicitDefaults) {
      n.put("priority", 1);
      n.put("population", 0);
    }
    n.put("value_of_lost_load", valueOfLostLoad);
    return n;
  }

  static void location(ObjectNode node, double lat, double lon) {
    ObjectNode loc = node.putObject("location");
    loc.put("lat", lat);
    loc.put("lon", lon);
  }

  ObjectNode link(
      String id, String from, String to, String kind, double capacityPerDay, boolean directed) {
    ObjectNode l = links.addObject();
    l.put("id", id);
    l.put("from", from);
    l.put("to", to);
    l.put("commodity", commodity);
    l.put("kind", kind);
    l.put("capacity", capacityPerDay);
    l.put("directed", directed);
    return l;
  }

  /** Adds a threat; the caller adds its parameters, then {@link #targets}. */
  ObjectNode threat(String id, String model) {
    ObjectNode t = threats.addObject();
    t.put("id", id);
    t.put("model", model);
    return t;
  }

  /** Sets a threat's targets: {@code selector} is {@code links}, {@code nodes} or {@code kinds}. */
  static void targets(ObjectNode threat, String selector, List<String> ids) {
    ArrayNode list = threat.putObject("targets").putArray(selector);
    ids.forEach(list::add);
  }

  static ObjectNode repair(String dist) {
    return F.objectNode().put("dist", dist);
  }

  ObjectNode root() {
    return root;
  }
}
