package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.corridorrisk.model.Spelling;

/**
 * Applies mitigations' changes to a copy of the document tree, remembering for every patched path
 * where in the file the patch wrote it, so that a problem in the patched document is reported at
 * the patch's own line.
 *
 * <p>Design note: patching the document (rather than the model) means a patched scenario goes
 * through exactly the same schema and model checks as a written one. {@code set} replaces the named
 * keys whole (a new {@code repair_days} replaces the old distribution); added nodes and links are
 * appended, so existing indexes, and with them the simulator's target order, stay put.
 */
final class Patcher {
  private static final List<String> TARGET_KEYS =
      List.of("node", "link", "threat", "repair_crew", "profile", "add_link", "add_node");

  /**
   * Per kind of element, pairs of keys that are two forms of one value: a {@code set} that gives
   * one form drops the other (unless it gives both, which the checks then reject), so a monthly
   * profile can become a step profile and a hazard's fixed epicentre an area. Without this the
   * patched element held both forms and was rejected ("must have monthly or steps, not both"), and
   * a patch has no way to remove a key.
   */
  private static final Map<String, List<List<String>>> ALTERNATIVES =
      Map.of(
          "profile", List.of(List.of("monthly", "steps")),
          "threat", List.of(List.of("epicenter", "epicenter_area")));

  /**
   * The patched tree; {@code aliases}: patched path -> path of the patch text that wrote it; {@code
   * touched}: patched element path -> path of the (last) change that modified it.
   */
  record Patched(JsonNode root, Map<String, String> aliases, Map<String, String> touched) {
    /** The file path a problem at {@code path} of the patched document belongs to, or null. */
    String alias(String path) {
      for (String q = path; ; q = Paths.parent(q)) {
        String a = aliases.get(q);
        if (a != null) {
          return a + path.substring(q.length());
        }
        if (q.isEmpty()) {
          return null;
        }
      }
    }

    /** The change that modified the element enclosing {@code path}, or null. */
    String toucher(String path) {
      for (String q = path; ; q = Paths.parent(q)) {
        String t = touched.get(q);
        if (t != null) {
          return t;
        }
        if (q.isEmpty()) {
          return null;
        }
      }
    }
  }

  private Patcher() {}

  /**
   * Applies the mitigations at {@code indexes} in order; problems with the patches themselves go to
   * {@code issues}.
   */
  static Patched apply(JsonNode base, List<Integer> indexes, Issues issues) {
    JsonNode root = base.deepCopy();
    Map<String, String> aliases = new HashMap<>();
    Map<String, String> touched = new HashMap<>();
    for (int m : indexes) {
      JsonNode changes = base.path("mitigations").path(m).path("changes");
      if (!changes.isArray()) {
        continue;
      }
      for (int c = 0; c < changes.size(); c++) {
        JsonNode change = changes.get(c);
        if (change.isObject()) {
          applyChange(
              root, change, "mitigations[" + m + "].changes[" + c + "]", aliases, touched, issues);
        }
      }
    }
    return new Patched(root, aliases, touched);
  }

  private static void applyChange(
      JsonNode root,
      JsonNode change,
      String at,
      Map<String, String> aliases,
      Map<String, String> touched,
      Issues issues) {
    List<String> present = new ArrayList<>();
    for (String k : TARGET_KEYS) {
      if (change.has(k)) {
        present.add(k);
      }
    }
    if (present.size() != 1) {
      if (!present.isEmpty() || change.size() > 0) {
        issues.addFollowOn(
            at,
            "a change needs exactly one of node, link, threat, repair_crew, profile, add_link,"
                + " add_node"
                + (present.isEmpty() ? "" : " but has " + String.join(", ", present)),
            false);
      }
      return;
    }
    String kind = present.get(0);
    JsonNode set = change.get("set");
    if (kind.startsWith("add_")) {
      if (set != null) {
        issues.addFollowOn(
            Paths.field(at, "set"),
            "'set' goes with node, link, threat, repair_crew or profile, not with " + kind,
            true);
      }
      JsonNode added = change.get(kind);
      String list = kind.equals("add_node") ? "nodes" : "links";
      if (added.isObject() && root.get(list) instanceof ArrayNode arr) {
        String path = Paths.index(list, arr.size());
        arr.add(added.deepCopy());
        aliases.put(path, Paths.field(at, kind));
        touched.put(path, at);
      }
      return;
    }
    JsonNode idNode = change.get(kind);
    if (!idNode.isTextual()) {
      return; // the schema reports it
    }
    if (set == null) {
      issues.addFollowOn(
          Paths.field(at, "set"),
          "is required with '" + kind + "': the keys to change, e.g. set: {capacity: 30}",
          false);
      return;
    }
    String list = kind + "s";
    int index = indexOf(root.get(list), idNode.asText());
    if (index < 0) {
      issues.addFollowOn(Paths.field(at, kind), unknownTarget(root, kind, idNode.asText()), false);
      return;
    }
    if (!set.isObject()) {
      return; // the schema reports it
    }
    String element = Paths.index(list, index);
    ObjectNode target = (ObjectNode) root.get(list).get(index);
    for (List<String> pair : ALTERNATIVES.getOrDefault(kind, List.of())) {
      for (int i = 0; i < 2; i++) {
        if (set.has(pair.get(i)) && !set.has(pair.get(1 - i))) {
          target.remove(pair.get(1 - i));
        }
      }
    }
    Iterator<Map.Entry<String, JsonNode>> fields = set.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      String setPath = Paths.field(Paths.field(at, "set"), f.getKey());
      if (f.getKey().equals("id")) {
        issues.addFollowOn(
            setPath,
            "an id cannot be changed by a patch"
                + (TARGET_KEYS.contains("add_" + kind)
                    ? "; add a new " + kind + " with add_" + kind + " instead"
                    : "; only nodes and links can be added (add_node, add_link)"),
            true);
        continue;
      }
      target.set(f.getKey(), f.getValue().deepCopy());
      aliases.put(Paths.field(element, f.getKey()), setPath);
    }
    touched.put(element, at);
  }

  private static int indexOf(JsonNode list, String id) {
    if (list == null || !list.isArray()) {
      return -1;
    }
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      if (e.isObject() && id.equals(e.path("id").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  private static String unknownTarget(JsonNode root, String kind, String id) {
    for (String other : List.of("node", "link", "threat")) {
      if (!other.equals(kind) && indexOf(root.get(other + "s"), id) >= 0) {
        return "'" + id + "' is a " + other + ", not a " + kind + "; write " + other + ": " + id;
      }
    }
    List<String> ids = new ArrayList<>();
    JsonNode list = root.get(kind + "s");
    if (list != null && list.isArray()) {
      list.forEach(
          e -> {
            if (e.path("id").isTextual()) {
              ids.add(e.path("id").asText());
            }
          });
    }
    return "unknown " + kind + " '" + id + "'" + Spelling.didYouMean(id, ids);
  }
}
