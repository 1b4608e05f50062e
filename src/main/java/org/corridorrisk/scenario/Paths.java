package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Document paths as used in problems: {@code nodes[3].supply}; the root is the empty string. */
final class Paths {
  private static final Pattern SEGMENT = Pattern.compile("\\[(\\d+)\\]|([^.\\[]+)");

  private Paths() {}

  static String field(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  static String index(String parent, int i) {
    return parent + "[" + i + "]";
  }

  /**
   * The enclosing path: {@code nodes[3]} for {@code nodes[3].supply}, {@code nodes} for {@code
   * nodes[3]}.
   */
  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut < 0 ? "" : path.substring(0, cut);
  }

  /** True when {@code path} is {@code ancestor} or lies inside it. */
  static boolean within(String path, String ancestor) {
    if (ancestor.isEmpty() || path.equals(ancestor)) {
      return true;
    }
    return path.startsWith(ancestor)
        && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
  }

  /**
   * The path as a reader finds it: every list element that has an {@code id} in the document gets
   * it in parentheses, {@code nodes[6].supply} -> {@code nodes[6] (incukalns-ugs).supply}. Parts
   * the document does not have are kept as they are.
   */
  static String withIds(String path, JsonNode root) {
    if (root == null || path.isEmpty()) {
      return path;
    }
    StringBuilder out = new StringBuilder();
    JsonNode cur = root;
    Matcher m = SEGMENT.matcher(path);
    int end = 0;
    while (m.find()) {
      out.append(path, end, m.end());
      end = m.end();
      if (m.group(1) != null) {
        cur = cur == null || !cur.isArray() ? null : cur.get(Integer.parseInt(m.group(1)));
        JsonNode id = cur == null || !cur.isObject() ? null : cur.get("id");
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
          out.append(" (").append(id.asText()).append(')');
        }
      } else {
        cur = cur == null || !cur.isObject() ? null : cur.get(m.group(2));
      }
    }
    out.append(path.substring(end));
    return out.toString();
  }
}
