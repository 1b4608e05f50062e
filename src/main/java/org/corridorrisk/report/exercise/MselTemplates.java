package org.corridorrisk.report.exercise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates of the MSEL: per inject type, per asset kind (or commodity id for
 * shortages) with a {@code default}, and top-level {@code defaults}. The built-in file is {@code
 * msel-templates.yaml} beside this class (documented there); a user's file replaces it whole.
 *
 * <p>Placeholders are {@code {name}} or {@code {name|fallback}}; an unknown or empty value takes
 * the fallback, and without one the placeholder becomes {@code "?"}, so a typo shows in the message
 * instead of failing the run. Immutable and thread-safe.
 */
public final class MselTemplates {
  /** Inject types the builder emits, in documentation order. */
  public static final List<String> TYPES =
      List.of(
          "hit",
          "hit_while_out",
          "miss",
          "repair_start",
          "restored",
          "hazard",
          "shortage_start",
          "shortage_change",
          "shortage_end",
          "storage_low",
          "storage_empty");

  /** The fields of one inject a template gives. */
  public static final List<String> FIELDS =
      List.of("from", "to", "method", "time", "message", "expected_action");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)(?:\\|([^}]*))?}");
  private static final Pattern CLOCK = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

  private final JsonNode root;
  private final String source;

  private MselTemplates(JsonNode root, String source) {
    this.root = root;
    this.source = source;
  }

  /** The built-in templates. */
  public static MselTemplates builtIn() {
    try (InputStream in = MselTemplates.class.getResourceAsStream("msel-templates.yaml")) {
      if (in == null) {
        throw new IllegalStateException("built-in msel-templates.yaml missing from the jar");
      }
      return parse(in.readAllBytes(), "built-in msel-templates.yaml");
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the built-in MSEL templates", e);
    }
  }

  /**
   * A problem of a template file at a document path ({@code hit.pipeline.time}), located at the key
   * ({@code atKey}) or at the value by whoever read the file.
   */
  public record Problem(String path, String message, boolean atKey) {}

  /**
   * A user's template file, already read as a tree (the caller reads the file and locates {@link
   * #problems}).
   *
   * @throws IllegalArgumentException when {@link #problems} finds any
   */
  public static MselTemplates of(JsonNode root, String source) {
    List<Problem> problems = problems(root);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(
          source
              + ": "
              + String.join(
                  "; ", problems.stream().map(p -> p.path() + ": " + p.message()).toList()));
    }
    return new MselTemplates(root, source);
  }

  static MselTemplates parse(byte[] yaml, String source) {
    JsonNode root;
    try {
      root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new IllegalArgumentException(source + ": not a YAML template file", e);
    }
    return of(root, source);
  }

  /** Everything wrong with a template file's tree, in document order; empty when it is valid. */
  public static List<Problem> problems(JsonNode root) {
    List<Problem> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      problems.add(new Problem("", "a template file is a YAML mapping by inject type", false));
      return problems;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> type = it.next();
      if (!type.getKey().equals("defaults") && !TYPES.contains(type.getKey())) {
        problems.add(
            new Problem(
                type.getKey(),
                "unknown inject type (known: defaults, " + String.join(", ", TYPES) + ")",
                true));
        continue;
      }
      if (!type.getValue().isObject()) {
        problems.add(new Problem(type.getKey(), "must be a mapping", false));
        continue;
      }
      if (type.getKey().equals("defaults")) {
        checkEntry("defaults", type.getValue(), problems);
        continue;
      }
      for (Iterator<Map.Entry<String, JsonNode>> e = type.getValue().fields(); e.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = e.next();
        checkEntry(type.getKey() + "." + entry.getKey(), entry.getValue(), problems);
      }
    }
    return problems;
  }

  private static void checkEntry(String path, JsonNode entry, List<Problem> problems) {
    if (!entry.isObject()) {
      problems.add(new Problem(path, "must be a mapping of fields", false));
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> f = entry.fields(); f.hasNext(); ) {
      Map.Entry<String, JsonNode> field = f.next();
      String name = field.getKey();
      if (!FIELDS.contains(name) && !name.equals("skip")) {
        problems.add(
            new Problem(
                path + "." + name,
                "unknown field (known: " + String.join(", ", FIELDS) + ", skip)",
                true));
      } else if (name.equals("time") && !CLOCK.matcher(field.getValue().asText()).matches()) {
        problems.add(
            new Problem(
                path + ".time", "must be HH:MM, was '" + field.getValue().asText() + "'", false));
      }
    }
  }

  /** Where the templates came from (file or "built-in ..."). */
  public String source() {
    return source;
  }

  /** Whether injects of {@code type} for {@code kind} are left out (no entry, or skip: true). */
  public boolean skips(String type, String kind) {
    JsonNode t = root.get(type);
    if (t == null || !t.isObject() || t.isEmpty()) {
      return true;
    }
    JsonNode e = entry(type, kind);
    return e != null && e.path("skip").asBoolean(false);
  }

  private JsonNode entry(String type, String kind) {
    JsonNode t = root.get(type);
    if (t == null) {
      return null;
    }
    JsonNode e = kind == null ? null : t.get(kind);
    return e != null ? e : t.get("default");
  }

  /**
   * The raw template of {@code field} for an inject of {@code type} about an asset of {@code kind}
   * (or a commodity id): the kind's entry, else the type's default, else the top-level defaults;
   * {@code null} when none gives it.
   */
  public String raw(String type, String kind, String field) {
    JsonNode t = root.get(type);
    if (t != null) {
      JsonNode e = kind == null ? null : t.get(kind);
      if (e != null && e.hasNonNull(field)) {
        return e.get(field).asText();
      }
      JsonNode d = t.get("default");
      if (d != null && d.hasNonNull(field)) {
        return d.get(field).asText();
      }
    }
    JsonNode defaults = root.get("defaults");
    if (defaults != null && defaults.hasNonNull(field)) {
      return defaults.get(field).asText();
    }
    return null;
  }

  /** {@link #raw} with its placeholders filled from {@code values}; "" when no template. */
  public String fill(String type, String kind, String field, Map<String, String> values) {
    String t = raw(type, kind, field);
    return t == null ? "" : substitute(t, values);
  }

  /** Fills {@code {name}} and {@code {name|fallback}} placeholders. */
  public static String substitute(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String v = values.get(m.group(1));
      if (v == null || v.isBlank()) {
        v = m.group(2) != null ? m.group(2) : "?";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(v));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** The placeholder names a template uses (for documentation tests). */
  static Set<String> placeholders(String template) {
    Set<String> names = new java.util.LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(template);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
