package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
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
   * What a reader calls each list element along {@code path} that has an {@code id} in the
   * document: {@code nodes[6].supply} -> {@code node 'incukalns-ugs'}, {@code
   * mitigations[0].changes[1].set.capacity} -> {@code mitigation 'spare-parts'} (several, outermost
   * first, joined by ", "). Empty when no element on the path has an id. The path itself stays as
   * the contract writes it ({@code nodes[3].supply}); the names go into the message.
   */
  static String owners(String path, JsonNode root) {
    return named(ownersAlong(path, root));
  }

  /**
   * {@code message} followed by the {@link #owners} of {@code path} in parentheses, {@code must be
   * >= 0, was -5 (node 'kipoi-cs')}, unless the message already quotes every one of those ids.
   */
  static String messageNamingOwners(String message, String path, JsonNode root) {
    List<Owner> owners = ownersAlong(path, root);
    if (owners.isEmpty() || owners.stream().allMatch(o -> message.contains(o.quotedId()))) {
      return message;
    }
    return message + " (" + named(owners) + ")";
  }

  private static String named(List<Owner> owners) {
    List<String> names = new ArrayList<>();
    for (Owner owner : owners) {
      names.add(owner.named());
    }
    return String.join(", ", names);
  }

  /** A list element with an id along a path: {@code node 'kipoi-cs'}. */
  private record Owner(String noun, String id) {
    String quotedId() {
      return "'" + id + "'";
    }

    String named() {
      return noun + " " + quotedId();
    }
  }

  private static List<Owner> ownersAlong(String path, JsonNode root) {
    List<Owner> owners = new ArrayList<>();
    if (root == null || path.isEmpty()) {
      return owners;
    }
    JsonNode cur = root;
    String list = "";
    Matcher m = SEGMENT.matcher(path);
    while (m.find()) {
      if (m.group(1) != null) {
        cur = cur == null || !cur.isArray() ? null : cur.get(Integer.parseInt(m.group(1)));
        JsonNode id = cur == null || !cur.isObject() ? null : cur.get("id");
        if (id != null && id.isTextual() && !id.asText().isBlank()) {
          owners.add(new Owner(noun(list), id.asText()));
        }
      } else {
        list = m.group(2);
        cur = cur == null || !cur.isObject() ? null : cur.get(list);
      }
    }
    return owners;
  }

  /** The singular a reader uses for an element of the list {@code key}. */
  private static String noun(String key) {
    return switch (key) {
      case "nodes" -> "node";
      case "links" -> "link";
      case "threats" -> "threat";
      case "mitigations" -> "mitigation";
      case "profiles" -> "profile";
      case "repair_crews" -> "repair crew";
      case "commodities" -> "commodity";
      case "sectors" -> "sector";
      default -> key;
    };
  }
}
