package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The schema shortcut for large networks ({@link FastItems}, {@code SchemaCheck.Shortcut}): it only
 * skips entries the schema accepts, and problems in a large network keep their message, path and
 * location.
 */
class LargeNetworkSchemaTest {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Random values for a key: right and wrong types, ranges, patterns. */
  private static JsonNode randomValue(SplittableRandom r) {
    return switch (r.nextInt(16)) {
      case 0 -> F.numberNode(r.nextInt(-3, 1200));
      case 1 -> F.numberNode(r.nextDouble(-5, 5));
      case 2 -> F.numberNode(-0.0);
      case 3 -> F.textNode("ok-id_1.2");
      case 4 -> F.textNode("bad id/x");
      case 5 -> F.textNode("");
      case 6 -> F.booleanNode(r.nextBoolean());
      case 7 -> F.nullNode();
      case 8 ->
          F.textNode(
              List.of("source", "sink", "junction", "storage", "pipeline", "power-line", "Sink")
                  .get(r.nextInt(7)));
      case 9 -> F.numberNode(1.0);
      case 10 -> F.numberNode(1e300);
      case 11 -> F.arrayNode().add(1);
      case 12 ->
          F.objectNode().put("lat", r.nextDouble(-100, 100)).put("lon", r.nextDouble(-200, 200));
      case 13 -> F.objectNode().put("lat", 1).put("lon", 2).put("alt", 3);
      case 14 -> F.numberNode(java.math.BigInteger.TEN.pow(30));
      default -> F.numberNode(r.nextInt(0, 1001));
    };
  }

  private static ObjectNode randomEntry(SplittableRandom r, List<String> keys, ObjectNode valid) {
    ObjectNode e = valid.deepCopy();
    int changes = r.nextInt(4);
    for (int c = 0; c < changes; c++) {
      String key = r.nextInt(10) == 0 ? "unknown_key" : keys.get(r.nextInt(keys.size()));
      if (r.nextInt(5) == 0) {
        e.remove(key);
      } else {
        e.set(key, randomValue(r));
      }
    }
    return e;
  }

  private static ObjectNode document(JsonNode node, JsonNode link) throws Exception {
    ObjectNode doc =
        (ObjectNode)
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(
                    """
        {"format": "corridor-risk/v1", "name": "t", "horizon_days": 1, "commodities": [{"id": "gas"}],
         "nodes": [{"id": "a", "kind": "source", "commodity": "gas", "supply": 1},
                   {"id": "b", "kind": "sink", "commodity": "gas", "demand": 1}],
         "links": [{"id": "l", "from": "a", "to": "b", "commodity": "gas", "capacity": 1}],
         "threats": [{"id": "t", "model": "poisson", "events_per_year": 1, "targets": {"links": ["l"]},
                      "repair_days": {"dist": "fixed", "value": 1}}]}""");
    if (node != null) {
      doc.withArray("nodes").add(node);
    }
    if (link != null) {
      doc.withArray("links").add(link);
    }
    return doc;
  }

  @Test
  void entriesTheShortcutSkipsAreAcceptedByTheSchema() throws Exception {
    SplittableRandom r = new SplittableRandom(8);
    List<String> nodeKeys =
        List.of(
            "id",
            "kind",
            "commodity",
            "supply",
            "demand",
            "priority",
            "population",
            "value_of_lost_load",
            "sector",
            "inventory",
            "max_withdrawal",
            "capacity",
            "max_injection",
            "location");
    List<String> linkKeys =
        List.of(
            "id",
            "from",
            "to",
            "commodity",
            "kind",
            "capacity",
            "directed",
            "length_km",
            "corridor",
            "cost_per_unit",
            "spill");
    ObjectNode validNode =
        F.objectNode()
            .put("id", "n1")
            .put("kind", "sink")
            .put("commodity", "gas")
            .put("demand", 1.0);
    ObjectNode validLink =
        F.objectNode()
            .put("id", "l1")
            .put("from", "a")
            .put("to", "b")
            .put("commodity", "gas")
            .put("capacity", 3);
    int skipped = 0;
    int checked = 0;
    for (int i = 0; i < 3000; i++) {
      boolean node = i % 2 == 0;
      ObjectNode e = randomEntry(r, node ? nodeKeys : linkKeys, node ? validNode : validLink);
      boolean plain = node ? FastItems.plainNode(e) : FastItems.plainLink(e);
      Issues issues = new Issues();
      SchemaCheck.check(
          document(node ? e : null, node ? null : e), issues); // 3 or 2 entries: validated whole
      if (plain) {
        skipped++;
        assertTrue(issues.isEmpty(), "skipped but the schema rejects " + e + ": " + issues.all());
      } else {
        checked++;
      }
    }
    assertTrue(
        skipped > 300 && checked > 300,
        "both outcomes must occur: skipped " + skipped + ", checked " + checked);
  }

  @Test
  void problemsInALargeNetworkKeepTheirPathAndLocation() {
    StringBuilder y =
        new StringBuilder(
            """
        format: corridor-risk/v1
        name: big
        horizon_days: 1
        commodities:
          - id: gas
        nodes:
          - {id: s, kind: source, commodity: gas, supply: 1000}
        """);
    for (int i = 1; i < 200; i++) {
      String demand = i == 150 ? "-1" : "1";
      String extra = i == 170 ? ", capasity: 3" : "";
      y.append("  - {id: n")
          .append(i)
          .append(", kind: sink, commodity: gas, demand: ")
          .append(demand)
          .append(extra)
          .append("}\n");
    }
    y.append("links:\n");
    for (int i = 1; i < 200; i++) {
      String kind = i == 120 ? "pipe" : "pipeline";
      y.append("  - {id: l")
          .append(i)
          .append(", from: s, to: n")
          .append(i)
          .append(", commodity: gas, capacity: 5, kind: ")
          .append(kind)
          .append("}\n");
    }
    y.append(
        "threats:\n  - {id: t, model: poisson, events_per_year: 1, targets: {links: [l1]}, "
            + "repair_days: {dist: fixed, value: 1}}\n");
    String text = y.toString();
    List<String> problems = TestFiles.problems("big.yaml", text);
    String[] lines = text.split("\n");
    List<String> expected = new ArrayList<>();
    expected.add(
        "big.yaml:"
            + lineOf(lines, "id: n150,")
            + ":"
            + (lines[lineOf(lines, "id: n150,") - 1].indexOf("-1") + 1)
            + ": nodes[150].demand: must be >= 0, was -1 (node 'n150')");
    expected.add(
        "big.yaml:"
            + lineOf(lines, "id: n170,")
            + ":"
            + (lines[lineOf(lines, "id: n170,") - 1].indexOf("capasity") + 1)
            + ": nodes[170].capasity: unknown key, did you mean 'capacity'? (node 'n170')");
    for (String e : expected) {
      assertTrue(problems.contains(e), "expected " + e + " in " + problems);
    }
    assertTrue(
        problems.stream()
            .anyMatch(
                p ->
                    p.startsWith("big.yaml:" + lineOf(lines, "id: l120,") + ":")
                        && p.contains("links[119].kind: must be one of ")
                        && p.endsWith(" (link 'l120')")),
        problems.toString());
    assertEquals(3, problems.size(), problems.toString());
  }

  private static int lineOf(String[] lines, String needle) {
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(needle)) {
        return i + 1;
      }
    }
    throw new AssertionError(needle);
  }
}
