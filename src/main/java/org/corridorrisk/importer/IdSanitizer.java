package org.corridorrisk.importer;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns ids from foreign files into scenario ids: {@code [A-Za-z0-9._-]+}, unique across nodes and
 * links. Characters outside the set become {@code _}; an empty result becomes {@code id}; a clash
 * gets {@code -2}, {@code -3}, ... appended. Not thread-safe; one per import.
 */
final class IdSanitizer {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]+");
  private final Set<String> used = new HashSet<>();

  static boolean isValid(String id) {
    return id != null && VALID.matcher(id).matches();
  }

  /**
   * A unique valid id derived from {@code raw}, remembered so later calls never return it again.
   */
  String unique(String raw) {
    String base = clean(raw);
    String id = base;
    for (int n = 2; !used.add(id); n++) {
      id = base + "-" + n;
    }
    return id;
  }

  static String clean(String raw) {
    StringBuilder sb = new StringBuilder(raw == null ? 0 : raw.length());
    if (raw != null) {
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        boolean ok =
            (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '-';
        sb.append(ok ? c : '_');
      }
    }
    return sb.length() == 0 ? "id" : sb.toString();
  }
}
