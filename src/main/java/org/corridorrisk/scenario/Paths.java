package org.corridorrisk.scenario;

/** Document paths as used in problems: {@code nodes[3].supply}; the root is the empty string. */
final class Paths {
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
}
