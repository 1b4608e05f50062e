package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.corridorrisk.scenario.ScenarioFile.LinkSpec;
import org.corridorrisk.scenario.ScenarioFile.LocationSpec;
import org.corridorrisk.scenario.ScenarioFile.NodeSpec;

/**
 * Maps the {@code nodes} and {@code links} entries of a large schema-clean document into {@link
 * NodeSpec} and {@link LinkSpec} records directly, for the thousands of plain entries of an
 * imported network that Jackson's data binding would otherwise walk one token at a time.
 *
 * <p>Contract: {@link #nodes}/{@link #links} return exactly the records Jackson's mapping builds
 * (tested on generated entries), or {@code null} ("not sure") as soon as one entry has anything
 * else than a known key with a value of the field's own JSON type (text for a string, an int or
 * double node for a number, a boolean for a boolean, {@code {lat, lon}} for a location) or a key
 * the record ignores; the caller then maps the whole document with Jackson, which also reports what
 * cannot be read.
 */
final class FastRecords {
  /** Below this many nodes and links, Jackson maps everything. */
  static final int MIN_ENTRIES = 64;

  private FastRecords() {}

  /** The document without its nodes and links (for Jackson), when they are worth mapping here. */
  static ObjectNode rest(JsonNode root) {
    if (!(root instanceof ObjectNode obj)
        || !(obj.get("nodes") instanceof ArrayNode nodes)
        || !(obj.get("links") instanceof ArrayNode links)
        || nodes.size() + links.size() < MIN_ENTRIES) {
      return null;
    }
    ObjectNode rest = obj.objectNode(); // shallow: the same children
    rest.setAll(obj);
    rest.remove("nodes");
    rest.remove("links");
    return rest;
  }

  /** The node records, or null when one entry is not plain. */
  static List<NodeSpec> nodes(JsonNode list) {
    List<NodeSpec> out = new ArrayList<>(list.size());
    for (JsonNode e : list) {
      NodeSpec n = node(e);
      if (n == null) {
        return null;
      }
      out.add(n);
    }
    return out;
  }

  /** The link records, or null when one entry is not plain. */
  static List<LinkSpec> links(JsonNode list) {
    List<LinkSpec> out = new ArrayList<>(list.size());
    for (JsonNode e : list) {
      LinkSpec l = link(e);
      if (l == null) {
        return null;
      }
      out.add(l);
    }
    return out;
  }

  /** Thrown by the field readers when a value is not of the field's own type. */
  private static final class NotPlain extends Exception {
    private static final long serialVersionUID = 1L;
    static final NotPlain INSTANCE = new NotPlain();

    private NotPlain() {
      super(null, null, false, false);
    }
  }

  private static NodeSpec node(JsonNode e) {
    if (!(e instanceof ObjectNode)) {
      return null;
    }
    String id = null;
    String kind = null;
    String commodity = null;
    Double supply = null;
    Double demand = null;
    Integer priority = null;
    Double population = null;
    Double valueOfLostLoad = null;
    String sector = null;
    Double inventory = null;
    Double maxWithdrawal = null;
    Double capacity = null;
    Double maxInjection = null;
    LocationSpec location = null;
    try {
      Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode v = f.getValue();
        switch (f.getKey()) {
          case "id" -> id = text(v);
          case "kind" -> kind = text(v);
          case "commodity" -> commodity = text(v);
          case "supply" -> supply = number(v);
          case "demand" -> demand = number(v);
          case "priority" -> priority = integer(v);
          case "population" -> population = number(v);
          case "value_of_lost_load" -> valueOfLostLoad = number(v);
          case "sector" -> sector = text(v);
          case "inventory" -> inventory = number(v);
          case "max_withdrawal" -> maxWithdrawal = number(v);
          case "capacity" -> capacity = number(v);
          case "max_injection" -> maxInjection = number(v);
          case "location" -> location = location(v);
          case "demand_profile",
              "supply_profile",
              "throughput",
              "deliverability",
              "repair_days",
              "region",
              "operator" -> {
            // ignored by the record (read from the tree by IncidentsBuilder)
          }
          default -> {
            return null;
          }
        }
      }
    } catch (NotPlain x) {
      return null;
    }
    return new NodeSpec(
        id,
        kind,
        commodity,
        supply,
        demand,
        priority,
        population,
        valueOfLostLoad,
        sector,
        inventory,
        maxWithdrawal,
        capacity,
        maxInjection,
        location);
  }

  private static LinkSpec link(JsonNode e) {
    if (!(e instanceof ObjectNode)) {
      return null;
    }
    String id = null;
    String from = null;
    String to = null;
    String commodity = null;
    String kind = null;
    Double capacity = null;
    Boolean directed = null;
    Double lengthKm = null;
    String corridor = null;
    Double costPerUnit = null;
    try {
      Iterator<Map.Entry<String, JsonNode>> fields = e.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        JsonNode v = f.getValue();
        switch (f.getKey()) {
          case "id" -> id = text(v);
          case "from" -> from = text(v);
          case "to" -> to = text(v);
          case "commodity" -> commodity = text(v);
          case "kind" -> kind = text(v);
          case "capacity" -> capacity = number(v);
          case "directed" -> directed = bool(v);
          case "length_km" -> lengthKm = number(v);
          case "corridor" -> corridor = text(v);
          case "cost_per_unit" -> costPerUnit = number(v);
          case "capacity_profile", "repair_days", "region", "operator" -> {
            // ignored by the record
          }
          default -> {
            return null; // spill and unknown keys: Jackson decides
          }
        }
      }
    } catch (NotPlain x) {
      return null;
    }
    return new LinkSpec(
        id, from, to, commodity, kind, capacity, directed, lengthKm, corridor, costPerUnit, null);
  }

  private static String text(JsonNode v) throws NotPlain {
    if (v.getNodeType() != JsonNodeType.STRING) {
      throw NotPlain.INSTANCE;
    }
    return v.textValue();
  }

  /** An int, long or double node as Jackson reads it into a {@code Double}. */
  private static Double number(JsonNode v) throws NotPlain {
    if (!(v.isInt() || v.isLong() || v.isDouble())) {
      throw NotPlain.INSTANCE;
    }
    return v.doubleValue();
  }

  private static Integer integer(JsonNode v) throws NotPlain {
    if (!v.isInt()) {
      throw NotPlain.INSTANCE;
    }
    return v.intValue();
  }

  private static Boolean bool(JsonNode v) throws NotPlain {
    if (!v.isBoolean()) {
      throw NotPlain.INSTANCE;
    }
    return v.booleanValue();
  }

  private static LocationSpec location(JsonNode v) throws NotPlain {
    if (!(v instanceof ObjectNode) || v.size() != 2 || !v.has("lat") || !v.has("lon")) {
      throw NotPlain.INSTANCE;
    }
    return new LocationSpec(number(v.get("lat")), number(v.get("lon")));
  }
}
