package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A conservative shortcut for the schema check of large networks: decides in plain Java that a node
 * or link entry certainly satisfies {@code $defs/node} or {@code $defs/link} of {@code
 * scenario.schema.json}, so that the JSON Schema validator need not walk the thousands of plain
 * entries of an imported network.
 *
 * <p>Contract: {@code true} only when the schema accepts the entry (tested against the validator on
 * generated entries); {@code false} means "not sure", and the validator checks the entry as before,
 * so every problem is still reported by the schema with its usual message. Entries with rarely used
 * parts (a link's {@code spill}, an integer written as {@code 3.0}) are left to the validator.
 */
final class FastItems {
  private FastItems() {}

  private static final Set<String> NODE_KINDS = Set.of("source", "sink", "junction", "storage");
  private static final Set<String> LINK_KINDS =
      Set.of(
          "pipeline",
          "subsea-pipeline",
          "subsea-cable",
          "rail",
          "road",
          "sea",
          "power-line",
          "other");
  private static final Set<String> NODE_NUMBERS =
      Set.of(
          "supply",
          "demand",
          "population",
          "value_of_lost_load",
          "inventory",
          "max_withdrawal",
          "capacity",
          "max_injection");
  private static final Set<String> LINK_NUMBERS = Set.of("capacity", "length_km", "cost_per_unit");

  /** True when the schema certainly accepts {@code n} as an entry of {@code nodes}. */
  static boolean plainNode(JsonNode n) {
    if (n == null || !n.isObject()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = n.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = f.getKey();
      JsonNode v = f.getValue();
      boolean ok;
      if (NODE_NUMBERS.contains(key)) {
        ok = nonNegativeNumber(v);
      } else {
        ok =
            switch (key) {
              case "id" -> id(v);
              case "kind" -> v.isTextual() && NODE_KINDS.contains(v.textValue());
              case "commodity", "sector" -> v.isTextual();
              case "priority" ->
                  (v.isInt() || v.isLong()) && v.longValue() >= 1 && v.longValue() <= 1000;
              case "location" -> location(v);
              default -> false;
            };
      }
      if (!ok) {
        return false;
      }
    }
    if (!n.has("id") || !n.has("kind") || !n.has("commodity")) {
      return false;
    }
    return switch (n.get("kind").textValue()) {
      case "source" -> n.has("supply");
      case "sink" -> n.has("demand");
      case "storage" -> n.has("inventory") && n.has("max_withdrawal");
      default -> true;
    };
  }

  /** True when the schema certainly accepts {@code l} as an entry of {@code links}. */
  static boolean plainLink(JsonNode l) {
    if (l == null || !l.isObject()) {
      return false;
    }
    Iterator<Map.Entry<String, JsonNode>> fields = l.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String key = f.getKey();
      JsonNode v = f.getValue();
      boolean ok;
      if (LINK_NUMBERS.contains(key)) {
        ok = nonNegativeNumber(v);
      } else {
        ok =
            switch (key) {
              case "id", "corridor" -> id(v);
              case "from", "to", "commodity" -> v.isTextual();
              case "kind" -> v.isTextual() && LINK_KINDS.contains(v.textValue());
              case "directed" -> v.isBoolean();
              default -> false; // spill and unknown keys: the validator decides
            };
      }
      if (!ok) {
        return false;
      }
    }
    return l.has("id") && l.has("from") && l.has("to") && l.has("commodity") && l.has("capacity");
  }

  /** A number >= 0 (not -0.0, not NaN): {@code "type": "number", "minimum": 0}. */
  private static boolean nonNegativeNumber(JsonNode v) {
    return v.isNumber()
        && !v.isBigDecimal()
        && Double.compare(v.doubleValue(), 0.0) >= 0
        && !Double.isInfinite(v.doubleValue());
  }

  /** {@code $defs/id}: a string matching {@code ^[A-Za-z0-9._-]+$}. */
  private static boolean id(JsonNode v) {
    if (!v.isTextual()) {
      return false;
    }
    String s = v.textValue();
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** {@code $defs/location}: exactly lat in [-90, 90] and lon in [-180, 180]. */
  private static boolean location(JsonNode v) {
    if (!v.isObject() || v.size() != 2) {
      return false;
    }
    JsonNode lat = v.get("lat");
    JsonNode lon = v.get("lon");
    return lat != null
        && lon != null
        && lat.isNumber()
        && lon.isNumber()
        && !lat.isBigDecimal()
        && !lon.isBigDecimal()
        && lat.doubleValue() >= -90
        && lat.doubleValue() <= 90
        && lon.doubleValue() >= -180
        && lon.doubleValue() <= 180;
  }
}
