package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The threats table of docs/scenario-format.md against what validation accepts, so the page cannot
 * drift: every key the schema allows on a threat is in the table, and for each model the table's
 * "models" column names exactly the keys that a valid threat of that model may carry (found by
 * writing each key into a valid threat of that model and validating).
 */
class ThreatKeysDocTest {
  private static final List<String> MODELS = List.of("poisson", "independent", "hazard");

  /** A valid value for each threat key (any one that validation accepts where the key applies). */
  private static final Map<String, String> SAMPLE =
      Map.ofEntries(
          Map.entry("id", "t"),
          Map.entry("targets", "{links: [l]}"),
          Map.entry("repair_days", "{dist: fixed, value: 3}"),
          Map.entry("success_probability", "0.5"),
          Map.entry("common_mode", "true"),
          Map.entry("events_per_year", "1"),
          Map.entry("selection", "uniform"),
          Map.entry("probability", "0.5"),
          Map.entry("start_day", "1"),
          Map.entry("rate_profile", "season"),
          Map.entry("damage", "[{probability: 1, capacity_factor: 0}]"),
          Map.entry("epicenter", "{lat: 40.0, lon: 45.0}"),
          Map.entry("epicenter_area", "{lat: [39, 41], lon: [44, 46]}"),
          Map.entry("intensity", "{at_epicenter: 0.5, halving_km: 25}"),
          Map.entry("fragility", "[{kinds: [pipeline], median: 0.5, beta: 0.5}]"));

  /**
   * Valid threats of each model (a hazard comes at a rate or once, around a point or in an area): a
   * key applies to a model when one of them stays valid with the key written into it.
   */
  private static final Map<String, List<Map<String, String>>> BASES =
      Map.of(
          "poisson",
          List.of(threat("poisson", "events_per_year", "targets", "repair_days")),
          "independent",
          List.of(threat("independent", "probability", "targets", "repair_days")),
          "hazard",
          List.of(
              threat("hazard", "events_per_year", "epicenter", "intensity", "fragility"),
              threat("hazard", "probability", "epicenter_area", "intensity", "fragility")));

  private static Map<String, String> threat(String model, String... keys) {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("id", "t");
    t.put("model", model);
    for (String k : keys) {
      t.put(k, SAMPLE.get(k));
    }
    t.putIfAbsent("repair_days", SAMPLE.get("repair_days"));
    return t;
  }

  private static String scenario(Map<String, String> threat) {
    StringBuilder t = new StringBuilder();
    threat.forEach(
        (k, v) -> t.append(t.length() == 0 ? "  - " : "    ").append(k + ": " + v + "\n"));
    return """
        format: corridor-risk/v1
        name: keys
        horizon_days: 30
        profiles:
          - {id: season, steps: [{from_day: 0, factor: 1}]}
        commodities: [{id: gas}]
        nodes:
          - {id: a, kind: source, commodity: gas, supply: 10, location: {lat: 40.0, lon: 45.0},
             repair_days: {dist: fixed, value: 2}}
          - {id: b, kind: sink, commodity: gas, demand: 5, location: {lat: 40.5, lon: 45.5},
             repair_days: {dist: fixed, value: 2}}
        links:
          - {id: l, from: a, to: b, commodity: gas, capacity: 10, kind: pipeline, corridor: row}
        threats:
        """
        + t;
  }

  /** The keys that validation accepts on a threat of {@code model}. */
  private static Set<String> acceptedKeys(String model) {
    Set<String> accepted = new TreeSet<>();
    for (Map<String, String> base : BASES.get(model)) {
      assertEquals(List.of(), TestFiles.problems(scenario(base)), "the base must be valid");
      for (Map.Entry<String, String> key : SAMPLE.entrySet()) {
        Map<String, String> t = new LinkedHashMap<>(base);
        t.put(key.getKey(), key.getValue());
        if (TestFiles.problems(scenario(t)).isEmpty()) {
          accepted.add(key.getKey());
        }
      }
      accepted.add("model");
    }
    return accepted;
  }

  /** Per model, the keys the threats table of docs/scenario-format.md lists for it. */
  private static Map<String, Set<String>> documentedKeys() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docs/scenario-format.md"));
    int at = lines.indexOf("## `threats[]`");
    if (at < 0) {
      throw new AssertionError("docs/scenario-format.md has no section ## `threats[]`");
    }
    Map<String, Set<String>> keys = new TreeMap<>();
    MODELS.forEach(m -> keys.put(m, new TreeSet<>()));
    Pattern code = Pattern.compile("`([a-z_]+)`");
    int i = at + 1;
    while (i < lines.size() && !lines.get(i).startsWith("|")) {
      i++;
    }
    for (; i < lines.size() && lines.get(i).startsWith("|"); i++) {
      String[] cells = lines.get(i).split("\\|");
      if (cells.length < 3 || cells[1].isBlank() || cells[1].contains("---")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      Matcher m = code.matcher(cells[1]);
      while (m.find()) {
        names.add(m.group(1));
      }
      String models = cells[2];
      for (String model : MODELS) {
        if (models.contains("all") || models.contains(model)) {
          keys.get(model).addAll(names);
        }
      }
    }
    return keys;
  }

  @Test
  void everyThreatKeyOfTheSchema_isInTheTable() throws IOException {
    Set<String> schema = new TreeSet<>();
    SchemaCheck.schemaNode()
        .path("$defs")
        .path("threat")
        .path("properties")
        .fieldNames()
        .forEachRemaining(schema::add);
    Set<String> documented = new TreeSet<>();
    documentedKeys().values().forEach(documented::addAll);
    assertEquals(schema, documented, "keys of threats[] in docs/scenario-format.md vs the schema");
    Set<String> sampled = new TreeSet<>(SAMPLE.keySet());
    sampled.add("model");
    assertEquals(schema, sampled, "this test needs a sample value for every threat key");
  }

  @Test
  void theTableSaysWhichModelsTakeEachKey() throws IOException {
    Map<String, Set<String>> documented = documentedKeys();
    for (String model : MODELS) {
      assertEquals(
          acceptedKeys(model),
          documented.get(model),
          "keys a " + model + " threat accepts vs the models column of docs/scenario-format.md");
    }
  }
}
