package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Renders numbers and document values compactly for messages and change summaries. */
final class Values {
  private Values() {}

  /**
   * {@code noun} with its indefinite article for a message: "an independent threat", "a sink node"
   * (by the first letter: every noun these messages name is read as spelt).
   */
  static String withArticle(String noun) {
    boolean vowel = !noun.isEmpty() && "aeiouAEIOU".indexOf(noun.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + noun;
  }

  /** {@code 30} for 30.0, {@code 0.3} for 0.3, {@code 4.0E7} stays readable as {@code 40000000}. */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    if (Math.abs(v) >= 1e15 || Math.abs(v) < 1e-9) {
      return Double.toString(v); // 1.0E300, not three hundred digits
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** A one-line flow-style rendering: {@code {dist: lognormal, median: 7, p90: 20}}. */
  static String flow(JsonNode n) {
    if (n == null || n.isNull() || n.isMissingNode()) {
      return "null";
    }
    if (n.isNumber()) {
      return number(n.doubleValue());
    }
    if (n.isObject()) {
      List<String> parts = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> it = n.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> f = it.next();
        parts.add(f.getKey() + ": " + flow(f.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (n.isArray()) {
      List<String> parts = new ArrayList<>();
      n.forEach(x -> parts.add(flow(x)));
      return "[" + String.join(", ", parts) + "]";
    }
    return n.asText();
  }
}
