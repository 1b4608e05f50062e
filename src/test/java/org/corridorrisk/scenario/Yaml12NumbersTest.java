package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Numbers follow YAML 1.2 (the scenario format's rule), not the YAML 1.1 the parser underneath
 * resolves: leading zeros are decimal, and 1.1's underscores, binary and base-60 forms are strings
 * that the schema reports, never silently other numbers.
 */
class Yaml12NumbersTest {
  private static JsonNode read(String yaml) {
    Issues issues = new Issues();
    DocumentReader.Document doc =
        DocumentReader.readFully(yaml.getBytes(StandardCharsets.UTF_8), false, issues);
    assertTrue(issues.isEmpty(), issues::toString);
    return doc.root();
  }

  @Test
  void integers() {
    JsonNode r =
        read(
            "a: 010\nb: 0x1A\nc: 1_000\nd: 0b101\ne: 1:30\nf: -007\ng: +5\nh: 12345678901\n"
                + "i: '010'\nj: 123456789012345678901\nk: 09\n");
    assertEquals(10, r.get("a").intValue());
    assertTrue(r.get("a").isIntegralNumber());
    assertEquals(26, r.get("b").intValue());
    assertEquals("1_000", r.get("c").textValue());
    assertEquals("0b101", r.get("d").textValue());
    assertEquals("1:30", r.get("e").textValue());
    assertEquals(-7, r.get("f").intValue());
    assertEquals(5, r.get("g").intValue());
    assertEquals(12345678901L, r.get("h").longValue());
    assertEquals("010", r.get("i").textValue());
    assertEquals(new java.math.BigInteger("123456789012345678901"), r.get("j").bigIntegerValue());
    // YAML 1.1 makes 09 a string (not octal), and the schema then reports it: never another number
    JsonNode k = r.get("k");
    assertTrue(k.isTextual() || k.intValue() == 9, k.toString());
  }

  @Test
  void yaml12Octal_isAnIntegerWhenPlain() {
    JsonNode r =
        read(
            "a: 0o17\nb: '0o17'\nc: \"0o17\"\nd: !!str 0o17\ne: 0o18\nf: [0o17, 0o0]\n"
                + "g: {x: 0o777}\nh: -0o17\n");
    assertEquals(15, r.get("a").intValue());
    assertTrue(r.get("a").isIntegralNumber());
    assertEquals("0o17", r.get("b").textValue());
    assertEquals("0o17", r.get("c").textValue());
    assertEquals("0o17", r.get("d").textValue());
    assertEquals("0o18", r.get("e").textValue()); // not octal digits: a string
    assertEquals(15, r.get("f").get(0).intValue());
    assertEquals(0, r.get("f").get(1).intValue());
    assertEquals(511, r.get("g").get("x").intValue());
    assertEquals("-0o17", r.get("h").textValue()); // YAML 1.2's octal has no sign
    assertEquals(
        java.util.List.of(),
        TestFiles.problems(
            TestFiles.replace(TestFiles.BASE, "horizon_days: 30", "horizon_days: 0o36")));
  }

  @Test
  void floats() {
    JsonNode r = read("a: 4.0e7\nb: 1.5E+9\nc: 1_000.5\nd: 010.5\ne: .5\nf: 1:30.5\n");
    assertEquals(4.0e7, r.get("a").doubleValue());
    assertEquals(1.5e9, r.get("b").doubleValue());
    assertEquals("1_000.5", r.get("c").textValue());
    assertEquals(10.5, r.get("d").doubleValue());
    assertEquals(0.5, r.get("e").doubleValue());
    assertEquals("1:30.5", r.get("f").textValue());
  }

  @Test
  void aScenario_readsLeadingZerosAsDecimal_andReportsUnderscores(@TempDir Path dir)
      throws Exception {
    String base =
        "format: corridor-risk/v1\nname: n\nhorizon_days: 010\n"
            + "commodities: [{id: gas, unit: mcm/d}]\n"
            + "nodes:\n"
            + "  - {id: s, kind: source, commodity: gas, supply: 20}\n"
            + "  - {id: k, kind: sink, commodity: gas, demand: DEMAND}\n"
            + "links:\n  - {id: l, kind: pipeline, from: s, to: k, commodity: gas, capacity: 20}\n"
            + "threats:\n  - {id: t, model: independent, probability: 0.1, targets: {links: [l]},"
            + " repair_days: {dist: fixed, value: 1}}\n";
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, base.replace("DEMAND", "010"));
    var s = ScenarioLoader.load(ok).baseline();
    assertEquals(10, s.horizonDays());
    assertEquals(10.0, s.nodes().get(1).demandPerDay());
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, base.replace("DEMAND", "1_000"));
    ScenarioException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScenarioException.class, () -> ScenarioLoader.load(bad));
    assertTrue(e.getMessage().contains("nodes[1]"), e.getMessage());
    assertTrue(e.getMessage().contains("demand"), e.getMessage());
  }
}
