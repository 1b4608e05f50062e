package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.corridorrisk.model.Spelling;

/**
 * Checks a document against the scenario JSON Schema ({@code scenario.schema.json}, draft 2020-12)
 * and turns each schema error into a problem at its document path with a message a planner can act
 * on (unknown keys get the closest valid key).
 *
 * <p>It also returns a <em>sanitized</em> copy of the document: every value the schema rejected is
 * removed (or nulled inside lists, so indexes stay put) so that later stages see only well-typed
 * values and do not report the same fault again.
 */
final class SchemaCheck {
  /** Class-path location of the schema (also published as docs/scenario.schema.json). */
  static final String RESOURCE = "/org/corridorrisk/scenario/scenario.schema.json";

  private static final JsonNode SCHEMA_NODE = loadSchemaNode();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_NODE);
  private static final String ID_PATTERN = "^[A-Za-z0-9._-]+$";

  private SchemaCheck() {}

  private static JsonNode loadSchemaNode() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema resource missing: " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema as a tree (for docs and tests). */
  static JsonNode schemaNode() {
    return SCHEMA_NODE.deepCopy();
  }

  /** Validates {@code root}, adds problems to {@code issues}, returns the sanitized copy. */
  static JsonNode check(JsonNode root, Issues issues) {
    Shortcut shortcut = Shortcut.of(root);
    List<Error> errors = SCHEMA.validate(shortcut.instance());
    if (errors.isEmpty()) {
      return root; // nothing to remove: the copy below is only needed to drop rejected values
    }
    JsonNode sanitized = root.deepCopy();
    List<String[]> unknownKeys = new ArrayList<>();
    List<Error> required = new ArrayList<>();
    Alternatives alternatives = new Alternatives(errors);
    Map<String, String> valueProblems = new LinkedHashMap<>();
    for (Error e : errors) {
      String keyword = e.getKeyword() == null ? "" : e.getKeyword();
      List<Object> at = shortcut.original(elements(e.getInstanceLocation()));
      String path = path(at);
      if (alternatives.covers(e)) {
        String merged = alternatives.merged(e);
        if (merged != null) {
          issues.add(path, merged, false);
        }
        remove(sanitized, at);
        continue;
      }
      switch (keyword) {
        case "additionalProperties" -> {
          String key = e.getProperty();
          String keyPath = Paths.field(path, key);
          List<String> allowed = allowedKeys(e);
          String best = Spelling.closest(key, allowed);
          issues.add(
              keyPath,
              best != null
                  ? "unknown key, did you mean '" + best + "'?"
                  : "unknown key; expected one of: " + String.join(", ", allowed),
              true);
          unknownKeys.add(new String[] {path, best});
          List<Object> keyAt = new ArrayList<>(at);
          keyAt.add(key);
          remove(sanitized, keyAt);
        }
        case "required" -> required.add(e);
        case "minItems", "minProperties", "maxItems" ->
            issues.add(path, sizeMessage(keyword, e, path), false);
        default -> {
          // one problem per value: 1e999999 for an integer fails "type" and "maximum" alike; the
          // type (what the value must be) says it, the range would repeat the same fault
          String message = valueMessage(keyword, e);
          if ("type".equals(keyword) || !valueProblems.containsKey(path)) {
            valueProblems.put(path, message);
          }
          remove(sanitized, at);
        }
      }
    }
    valueProblems.forEach((path, message) -> issues.add(path, message, false));
    for (Error e : required) {
      String path = path(shortcut.original(elements(e.getInstanceLocation())));
      String key = e.getProperty();
      boolean misspelt = unknownKeys.stream().anyMatch(u -> u[0].equals(path) && key.equals(u[1]));
      if (!misspelt) {
        issues.add(Paths.field(path, key), "is required but missing" + condition(e), false);
      }
    }
    return sanitized;
  }

  /**
   * The errors of a value that may take one of several forms ({@code oneOf}: a profile id or a list
   * of ids; an intensity number or a distribution). The validator reports the {@code oneOf} itself
   * ("valid to one and only one schema, but 0 are valid") and each form's errors, so a negative
   * intensity also read "must be a mapping". When some form failed for a reason other than the
   * value's type (a bound, a size, an unknown distribution inside it), that reason is the news: the
   * other forms' type errors and the {@code oneOf} are left out. When every form failed on the
   * type, one line names them all ("must be a number or a mapping ..., was true").
   */
  private static final class Alternatives {
    /** Instance locations of the failed {@code oneOf}s. */
    private final List<String> places = new ArrayList<>();

    /** Places where some error at or below it is not a type error of the place itself. */
    private final List<String> explained = new ArrayList<>();

    /** Wanted types of the type errors at each place, in the validator's order. */
    private final Map<String, List<String>> types = new LinkedHashMap<>();

    Alternatives(List<Error> errors) {
      for (Error e : errors) {
        if ("oneOf".equals(e.getKeyword())) {
          places.add(path(elements(e.getInstanceLocation())));
        }
      }
      for (Error e : errors) {
        String at = path(elements(e.getInstanceLocation()));
        for (String place : places) {
          boolean here = at.equals(place);
          boolean below = at.startsWith(place + ".") || at.startsWith(place + "[");
          if (here && "type".equals(e.getKeyword())) {
            Object[] args = e.getArguments();
            types
                .computeIfAbsent(place, k -> new ArrayList<>())
                .add(args != null && args.length > 1 ? String.valueOf(args[1]) : "");
          } else if (below || (here && !"oneOf".equals(e.getKeyword()))) {
            explained.add(place);
          }
        }
      }
    }

    /** Whether {@code e} is a {@code oneOf} or a form's type error that is handled here. */
    boolean covers(Error e) {
      String at = path(elements(e.getInstanceLocation()));
      return places.contains(at)
          && ("oneOf".equals(e.getKeyword()) || "type".equals(e.getKeyword()));
    }

    /**
     * The one line for a place whose forms all failed on the type, given on its {@code oneOf}
     * error; {@code null} for the errors that are left out.
     */
    String merged(Error e) {
      String at = path(elements(e.getInstanceLocation()));
      if (!"oneOf".equals(e.getKeyword()) || explained.contains(at)) {
        return null;
      }
      List<String> wanted = types.getOrDefault(at, List.of());
      if (wanted.isEmpty()) {
        return e.getMessage();
      }
      List<String> names = new ArrayList<>();
      for (String w : wanted) {
        String name = typeName(w);
        if (!names.contains(name)) {
          names.add(name);
        }
      }
      names.sort(Comparator.comparing(n -> n.startsWith("a mapping")));
      return "must be " + String.join(" or ", names) + ", was " + show(e.getInstanceNode());
    }
  }

  /**
   * What the validator walks: the document with the {@code nodes} and {@code links} entries that
   * {@link FastItems} proves valid left out (so the validator's cost does not grow with an imported
   * network's size), and the way back from its indexes to the document's.
   */
  record Shortcut(JsonNode instance, int[] nodeIndex, int[] linkIndex) {
    /** Below this many entries a list is validated whole. */
    static final int MIN_ENTRIES = 64;

    /**
     * Entries always kept at the head of a list: the schema's minItems (2 nodes, 1 link) sees them.
     */
    static final int KEEP_HEAD = 2;

    static Shortcut of(JsonNode root) {
      if (!(root instanceof ObjectNode obj)) {
        return new Shortcut(root, null, null);
      }
      JsonNode nodes = obj.get("nodes");
      JsonNode links = obj.get("links");
      int[] nodeIndex =
          nodes instanceof ArrayNode a && a.size() >= MIN_ENTRIES ? uncertain(a, true) : null;
      int[] linkIndex =
          links instanceof ArrayNode a && a.size() >= MIN_ENTRIES ? uncertain(a, false) : null;
      if (nodeIndex == null && linkIndex == null) {
        return new Shortcut(root, null, null);
      }
      ObjectNode copy = obj.objectNode(); // shallow: same children, same key order
      copy.setAll(obj);
      if (nodeIndex != null) {
        copy.set("nodes", subset((ArrayNode) nodes, nodeIndex));
      }
      if (linkIndex != null) {
        copy.set("links", subset((ArrayNode) links, linkIndex));
      }
      return new Shortcut(copy, nodeIndex, linkIndex);
    }

    /** Indexes of the head entries and of every entry not proven valid, ascending. */
    private static int[] uncertain(ArrayNode list, boolean nodes) {
      int[] keep = new int[list.size()];
      int n = 0;
      for (int i = 0; i < list.size(); i++) {
        JsonNode item = list.get(i);
        if (i < KEEP_HEAD || !(nodes ? FastItems.plainNode(item) : FastItems.plainLink(item))) {
          keep[n++] = i;
        }
      }
      return java.util.Arrays.copyOf(keep, n);
    }

    private static ArrayNode subset(ArrayNode list, int[] indexes) {
      ArrayNode out = list.arrayNode(indexes.length);
      for (int i : indexes) {
        out.add(list.get(i));
      }
      return out;
    }

    /** An instance location of the validator turned into the document's location. */
    List<Object> original(List<Object> at) {
      if (at.size() >= 2 && at.get(1) instanceof Integer i) {
        int[] map =
            "nodes".equals(at.get(0)) ? nodeIndex : "links".equals(at.get(0)) ? linkIndex : null;
        if (map != null) {
          at.set(1, map[i]);
        }
      }
      return at;
    }
  }

  private static List<Object> elements(NodePath p) {
    List<Object> out = new ArrayList<>();
    for (int i = 0; i < p.getNameCount(); i++) {
      out.add(p.getElement(i));
    }
    return out;
  }

  private static String path(List<Object> elements) {
    String p = "";
    for (Object o : elements) {
      p = o instanceof Integer i ? Paths.index(p, i) : Paths.field(p, String.valueOf(o));
    }
    return p;
  }

  /** Removes the value at {@code at} (nulls it inside a list so that indexes stay put). */
  private static void remove(JsonNode root, List<Object> at) {
    if (at.isEmpty()) {
      return;
    }
    JsonNode parent = root;
    for (int i = 0; i < at.size() - 1 && parent != null; i++) {
      Object o = at.get(i);
      parent = o instanceof Integer idx ? parent.get(idx) : parent.get(String.valueOf(o));
    }
    Object last = at.get(at.size() - 1);
    if (parent instanceof ObjectNode obj) {
      obj.remove(String.valueOf(last));
    } else if (parent instanceof ArrayNode arr && last instanceof Integer idx && idx < arr.size()) {
      arr.set(idx, NullNode.getInstance());
    }
  }

  /** The keys the schema object that rejected an additional property allows. */
  private static List<String> allowedKeys(Error e) {
    JsonNode schemaObject = schemaAt(e, 1);
    List<String> keys = new ArrayList<>();
    if (schemaObject != null && schemaObject.has("properties")) {
      schemaObject.get("properties").fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  /** The schema node {@code up} levels above the keyword that failed. */
  private static JsonNode schemaAt(Error e, int up) {
    NodePath fragment = e.getSchemaLocation().getFragment();
    StringBuilder pointer = new StringBuilder();
    for (int i = 0; i < fragment.getNameCount() - up; i++) {
      pointer
          .append('/')
          .append(String.valueOf(fragment.getElement(i)).replace("~", "~0").replace("/", "~1"));
    }
    JsonNode n = SCHEMA_NODE.at(pointer.toString());
    return n.isMissingNode() ? null : n;
  }

  /**
   * " (required when kind is source)" for requirements that depend on another key; " (required when
   * model is not hazard)" for one in the {@code else} branch.
   */
  private static String condition(Error e) {
    JsonNode thenParent = schemaAt(e, 2); // .../allOf/0 for .../allOf/0/then/required
    if (thenParent == null || !thenParent.has("if")) {
      return "";
    }
    JsonNode props = thenParent.get("if").get("properties");
    if (props == null) {
      return "";
    }
    NodePath fragment = e.getSchemaLocation().getFragment();
    int n = fragment.getNameCount();
    boolean otherwise = n >= 2 && "else".equals(String.valueOf(fragment.getElement(n - 2)));
    String is = otherwise ? " is not " : " is ";
    List<String> parts = new ArrayList<>();
    props
        .fields()
        .forEachRemaining(f -> parts.add(f.getKey() + is + f.getValue().path("const").asText()));
    return " (required when " + String.join(otherwise ? " or " : " and ", parts) + ")";
  }

  private static String sizeMessage(String keyword, Error e, String path) {
    JsonNode instance = e.getInstanceNode();
    int limit = argInt(e, 0);
    int size = instance == null ? 0 : instance.size();
    if ("minProperties".equals(keyword)) {
      if (path.endsWith(".targets")) {
        return "must name at least one of: links, nodes, kinds, commodities, corridors";
      }
      if (path.endsWith(".set")) {
        return "must set at least one key";
      }
      if (path.contains(".changes[")) {
        return "must be one of {node: id, set: {...}}, {link: id, set: {...}}, {threat: id, set: {...}}, "
            + "{add_node: {...}}, {add_link: {...}}";
      }
      return "must not be empty";
    }
    String what =
        switch (path) {
          case "nodes" -> limit == 1 ? "node" : "nodes";
          case "links" -> limit == 1 ? "link" : "links";
          case "commodities" -> limit == 1 ? "commodity" : "commodities";
          case "threats" -> limit == 1 ? "threat" : "threats";
          default -> limit == 1 ? "entry" : "entries";
        };
    return "maxItems".equals(keyword)
        ? "must list at most " + limit + " " + what + " but has " + size
        : "must list at least " + limit + " " + what + " but has " + size;
  }

  private static int argInt(Error e, int i) {
    Object[] args = e.getArguments();
    if (args == null || args.length <= i) {
      return 0;
    }
    try {
      return (int) Double.parseDouble(String.valueOf(args[i]));
    } catch (NumberFormatException ex) {
      return 0;
    }
  }

  private static String valueMessage(String keyword, Error e) {
    JsonNode instance = e.getInstanceNode();
    Object[] args = e.getArguments() == null ? new Object[0] : e.getArguments();
    String arg0 = args.length > 0 ? String.valueOf(args[0]) : "";
    String was = show(instance);
    return switch (keyword) {
      case "minimum" -> "must be >= " + arg0 + ", was " + was;
      case "maximum" ->
          // a profile factor's maximum 1e30 is the limit of every quantity: the same words
          isMaxQuantity(arg0)
              ? org.corridorrisk.model.Checks.aboveMaxQuantity(was)
              : "must be <= " + arg0 + ", was " + was;
      case "exclusiveMinimum" -> "must be > " + arg0 + ", was " + was;
      case "exclusiveMaximum" -> "must be < " + arg0 + ", was " + was;
      case "const" -> "must be '" + arg0 + "', was " + was;
      case "type" ->
          typeMessage(args.length > 1 ? String.valueOf(args[1]) : "", instance) + emptyHint(e);
      case "enum" -> enumMessage(e, instance) + emptyHint(e);
      case "pattern" ->
          ID_PATTERN.equals(arg0)
              ? "must be an id made of letters, digits, '.', '_' and '-', was " + was
              : nameMessage(instance == null ? "" : instance.asText(), was);
      case "minLength" -> "must not be empty";
      default -> e.getMessage();
    };
  }

  private static boolean isMaxQuantity(String bound) {
    try {
      return Double.parseDouble(bound) == ScenarioLimits.MAX_QUANTITY;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Why a scenario name was rejected: it names the output directory {@code out/<name>}, so it may
   * not be {@code .} or {@code ..}, nor blank (only spaces), nor contain a path separator or a
   * control character.
   */
  static String nameMessage(String name, String was) {
    if (name.equals(".") || name.equals("..")) {
      return "must not be '.' or '..' (the name is the output directory out/<name>), was " + was;
    }
    if (name.chars().anyMatch(SchemaCheck::isControl)) {
      return "must not contain a control character such as a newline or tab (the name is the"
          + " output directory out/<name>), was "
          + was;
    }
    if (name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
      // the only rule left: not blank (a folder named by spaces is one nobody can find)
      return "must not be blank (the name is the output directory out/<name>), was " + was;
    }
    return "must not contain '/' or '\\' (the name is the output directory out/<name>), was " + was;
  }

  private static boolean isControl(int c) {
    return org.corridorrisk.model.Printable.isControl(c);
  }

  private static String enumMessage(Error e, JsonNode instance) {
    JsonNode options = schemaAt(e, 0);
    List<String> values =
        options == null
            ? List.of()
            : StreamSupport.stream(options.spliterator(), false)
                .map(JsonNode::asText)
                .collect(Collectors.toList());
    return "must be one of "
        + String.join(", ", values)
        + ", was "
        + show(instance)
        + (instance != null && instance.isTextual()
            ? Spelling.didYouMean(instance.asText(), values)
            : "");
  }

  /**
   * "; give a value or leave the key out" for a value left empty ({@code key:} or {@code key: ~})
   * whose key the enclosing mapping may leave out; "" otherwise: a key required always or under a
   * condition, a key of a mapping that must hold at least one (a change, its {@code set}, targets)
   * or one of several (a profile's {@code monthly} or {@code steps}), or a value given.
   */
  private static String emptyHint(Error e) {
    if (!isEmpty(e.getInstanceNode())) {
      return "";
    }
    // the evaluation path, e.g. /properties/nodes/items/$ref/properties/region/$ref/type, passes
    // through the enclosing mapping's schema; the schema location may be a shared definition
    NodePath path = e.getEvaluationPath();
    int n = path.getNameCount();
    int properties = -1;
    for (int i = n - 2; i >= 0 && properties < 0; i--) {
      if ("properties".equals(String.valueOf(path.getElement(i)))) {
        properties = i;
      }
    }
    if (properties < 0) {
      return "";
    }
    JsonNode mapping = SCHEMA_NODE;
    for (int i = 0; i < properties && mapping != null; i++) {
      String element = String.valueOf(path.getElement(i));
      mapping = "$ref".equals(element) ? referenced(mapping) : mapping.get(element);
      if (mapping != null
          && mapping.has("$ref")
          && i + 1 < properties
          && !"$ref".equals(String.valueOf(path.getElement(i + 1)))) {
        mapping = referenced(mapping);
      }
    }
    String key = String.valueOf(path.getElement(properties + 1));
    return mapping == null
            || mayRequire(mapping, key)
            || mapping.has("minProperties")
            || mapping.equals(SCHEMA_NODE.at("/$defs/profile"))
        ? ""
        : "; give a value or leave the key out";
  }

  /** The definition a {@code $ref} within this schema points to, or null. */
  private static JsonNode referenced(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null || !ref.asText().startsWith("#")) {
      return null;
    }
    JsonNode target = SCHEMA_NODE.at(ref.asText().substring(1));
    return target.isMissingNode() ? null : target;
  }

  /**
   * Whether a mapping's schema requires {@code key}, always or under a condition ({@code
   * allOf}/{@code if}/{@code then}/{@code else} branches); the schemas of its properties are not
   * searched.
   */
  private static boolean mayRequire(JsonNode schema, String key) {
    JsonNode required = schema.get("required");
    if (required != null && required.isArray()) {
      for (JsonNode r : required) {
        if (key.equals(r.asText())) {
          return true;
        }
      }
    }
    for (String branch : List.of("allOf", "anyOf", "oneOf", "then", "else")) {
      JsonNode b = schema.get(branch);
      if (b != null && b.isArray()) {
        for (JsonNode sub : b) {
          if (mayRequire(sub, key)) {
            return true;
          }
        }
      } else if (b != null && b.isObject() && mayRequire(b, key)) {
        return true;
      }
    }
    return false;
  }

  /** "a number", "a mapping (key: value pairs)", ... for a JSON Schema type. */
  private static String typeName(String expected) {
    return switch (expected) {
      case "number" -> "a number";
      case "integer" -> "a whole number";
      case "string" -> "a string";
      case "object" -> "a mapping (key: value pairs)";
      case "array" -> "a list";
      case "boolean" -> "true or false";
      default -> expected;
    };
  }

  private static String typeMessage(String expected, JsonNode instance) {
    String want = typeName(expected);
    String hint = "";
    if (instance != null
        && instance.isTextual()
        && ("number".equals(expected) || "integer".equals(expected))) {
      try {
        Double.parseDouble(instance.asText().trim());
        hint = " (remove the quotes)";
      } catch (NumberFormatException ignored) {
        // not a number in quotes
      }
    }
    if (instance != null && instance.isNumber() && "string".equals(expected)) {
      hint = " (put it in quotes)";
    }
    return "must be " + want + ", was " + show(instance) + hint;
  }

  /**
   * Whether a value was left empty: {@code key:} (read as the empty string) or {@code key: ~} /
   * {@code null}.
   */
  static boolean isEmpty(JsonNode n) {
    return n == null || n.isNull() || n.isMissingNode() || (n.isTextual() && n.asText().isEmpty());
  }

  /** A short rendering of a value for messages ("empty" for a value left empty). */
  static String show(JsonNode n) {
    if (isEmpty(n)) {
      return "empty";
    }
    if (n.isTextual()) {
      String t = n.asText();
      return "'" + escapeControls(t.length() > 60 ? t.substring(0, 57) + "..." : t) + "'";
    }
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a list";
    }
    if (n.isFloatingPointNumber()) {
      return Values.number(n.doubleValue());
    }
    return n.asText();
  }

  /** {@code text} with control characters written as escapes (\n, \t, \\u0001), one line. */
  static String escapeControls(String text) {
    return org.corridorrisk.model.Printable.escapeControls(text);
  }
}
