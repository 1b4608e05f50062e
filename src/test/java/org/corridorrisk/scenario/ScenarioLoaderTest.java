package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioLoaderTest {
  private static final Path FULL_YAML = Path.of("src/test/resources/scenario/full.yaml");
  private static final Path FULL_JSON = Path.of("src/test/resources/scenario/full.json");

  @Test
  void yamlAndJsonOfTheSameScenario_giveEqualModels() throws Exception {
    Scenario y = ScenarioLoader.load(FULL_YAML).baseline();
    Scenario j = ScenarioLoader.load(FULL_JSON).baseline();
    assertEquals(y.name(), j.name());
    assertEquals(y.description(), j.description());
    assertEquals(y.horizonDays(), j.horizonDays());
    assertEquals(y.currency(), j.currency());
    assertEquals(y.commodities(), j.commodities());
    assertEquals(y.nodes(), j.nodes());
    assertEquals(y.links(), j.links());
    assertEquals(y.threats(), j.threats());
    assertEquals(y.dependencies(), j.dependencies());
    assertEquals(y.mitigations(), j.mitigations());
    assertEquals(y.economy().orElseThrow().sectors(), j.economy().orElseThrow().sectors());
    assertArrayEquals(
        y.economy().orElseThrow().interdependency(), j.economy().orElseThrow().interdependency());
  }

  @Test
  void exponentNumbers_areNumbers() throws Exception {
    Scenario s = ScenarioLoader.load(FULL_YAML).baseline();
    assertEquals(4.0e7, s.mitigations().get(0).costUsd());
    assertEquals(1.5e9, s.mitigations().get(1).costUsd());
    assertEquals(1500, s.node("power-plant").supplyPerDay());
    assertEquals(4.0e8, s.economy().orElseThrow().sectors().get(1).outputPerDay());
  }

  @Test
  void omittedKeys_takeTheDocumentedDefaults() throws Exception {
    Scenario s =
        TestFiles.load(
                TestFiles.replace(
                    "supply: 10",
                    "supply: 10\n  - id: st\n    kind: storage\n"
                        + "    commodity: gas\n    inventory: 50\n    max_withdrawal: 4"))
            .baseline();
    Link l = s.link("l");
    assertEquals(LinkKind.OTHER, l.kind());
    assertTrue(l.directed());
    assertTrue(Double.isNaN(l.lengthKm()));
    assertNull(l.corridor());
    assertEquals(0, l.costPerUnit());
    Node sink = s.node("b");
    assertEquals(1, sink.priority());
    assertEquals(0, sink.population());
    assertEquals(0, sink.valueOfLostLoad());
    Node storage = s.node("st");
    assertEquals(50, storage.storageCapacity());
    assertEquals(4, storage.maxInjectionPerDay());
    Threat t = s.threats().get(0);
    assertEquals(1, t.successProbability());
    assertEquals(Selection.UNIFORM, t.selection());
    assertFalse(t.commonMode());
    assertEquals("USD", s.currency());
    assertEquals(new RepairTime.Fixed(3), t.repair());
    assertEquals(List.of("l"), t.targets());
  }

  @Test
  void mitigations_carryCostDescriptionAndReadableChanges() throws Exception {
    Scenario s = ScenarioLoader.load(FULL_YAML).baseline();
    assertEquals(
        List.of(
            "node storage-a: inventory = 900, capacity = 900",
            "link scp: capacity = 30",
            "threat sabotage: success_probability = 0.3",
            "threat sabotage: repair_days = {dist: lognormal, median: 7, p90: 20}"),
        s.mitigations().get(0).changes());
    assertEquals("Expand storage and the SCP.", s.mitigations().get(0).description());
    assertEquals(
        List.of(
            "add node lng-terminal (source, gas)",
            "add link lng-line (lng-terminal -> tr-households, gas, capacity 5)"),
        s.mitigations().get(1).changes());
  }

  @Test
  void variant_appliesSetPatchesIncludingNestedRepairDays() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(FULL_YAML);
    Scenario v = loaded.variant(List.of("more-storage"));
    assertEquals(900, v.node("storage-a").inventory());
    assertEquals(900, v.node("storage-a").storageCapacity());
    assertEquals(30, v.link("scp").capacityPerDay());
    Threat sabotage = v.threats().get(0);
    assertEquals(0.3, sabotage.successProbability());
    assertEquals(new RepairTime.Lognormal(7, 20), sabotage.repair());
    assertEquals(500, loaded.baseline().node("storage-a").inventory(), "the baseline is unchanged");
  }

  @Test
  void variant_appendsAddedNodesAndLinks() throws Exception {
    Scenario v = ScenarioLoader.load(FULL_YAML).variant(List.of("bypass"));
    assertEquals("lng-terminal", v.nodes().get(v.nodes().size() - 1).id());
    assertEquals("lng-line", v.links().get(v.links().size() - 1).id());
    assertEquals(
        List.of("scp", "scp-loop", "tanap-east"), v.threats().get(1).targets().subList(0, 3));
  }

  @Test
  void variant_portfolioAppliesInOrder() throws Exception {
    String text =
        TestFiles.BASE
            + """
        mitigations:
          - {id: m1, cost: 1, changes: [{link: l, set: {capacity: 20}}]}
          - {id: m2, cost: 2, changes: [{link: l, set: {capacity: 30}}]}
        """;
    LoadedScenario loaded = TestFiles.load(text);
    assertEquals(30, loaded.variant(List.of("m1", "m2")).link("l").capacityPerDay());
    assertEquals(20, loaded.variant(List.of("m2", "m1")).link("l").capacityPerDay());
  }

  @Test
  void variant_ofNothing_isTheBaseline() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(FULL_YAML);
    assertSame(loaded.baseline(), loaded.variant(List.of()));
  }

  @Test
  void variant_unknownMitigation_suggestsOne() throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(FULL_YAML);
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> loaded.variant(List.of("more-storag")));
    assertEquals(
        "mitigations: no mitigation 'more-storag', did you mean 'more-storage'?",
        e.problems().get(0).path() + ": " + e.problems().get(0).message());
  }

  @Test
  void variant_conflictingPortfolio_isReportedAtThePatch() throws Exception {
    String text =
        TestFiles.BASE
            + """
        mitigations:
          - {id: m1, cost: 1, changes: [{add_link: {id: x, from: a, to: b, commodity: gas, capacity: 1}}]}
          - {id: m2, cost: 2, changes: [{add_link: {id: x, from: a, to: b, commodity: gas, capacity: 2}}]}
        """;
    LoadedScenario loaded = TestFiles.load(text);
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> loaded.variant(List.of("m1", "m2")));
    assertEquals(
        List.of(
            "t.yaml:29:49: mitigations[1].changes[0].add_link.id: duplicate id 'x' (first used at line 28, mitigations[0].changes[0].add_link) (mitigation 'm2')"),
        e.problems().stream().map(Problem::format).toList());
  }

  @Test
  void missingFile_isOneProblemNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(missing));
    assertEquals(
        List.of(missing + ": no such file"), e.problems().stream().map(Problem::format).toList());
  }

  @Test
  void directory_isOneProblemNamingIt(@TempDir Path dir) {
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(dir));
    assertEquals(dir + ": is a directory, not a scenario file", e.problems().get(0).format());
  }

  @Test
  void ymlExtensionAndBom_areRead(@TempDir Path dir) throws IOException, ScenarioException {
    Path f = dir.resolve("s.yml");
    byte[] body = TestFiles.BASE.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(body, 0, withBom, 3, body.length);
    Files.write(f, withBom);
    assertEquals("t", ScenarioLoader.load(f).baseline().name());
  }

  @Test
  void anchorsAndMergeKeys_areExpanded() throws Exception {
    String text =
        TestFiles.replace(
                "repair_days: {dist: fixed, value: 3}", "repair_days: &rep {dist: fixed, value: 3}")
            + "  - id: t2\n    model: poisson\n    events_per_year: 2\n    targets: {nodes: [b]}\n    repair_days: *rep\n";
    Scenario s = TestFiles.load(text).baseline();
    assertEquals(s.threats().get(0).repair(), s.threats().get(1).repair());
  }

  @Test
  void problemInAnAliasedValue_isReportedAtTheAnchoredText() {
    String text =
        TestFiles.replace(
                "repair_days: {dist: fixed, value: 3}",
                "repair_days: &rep {dist: fixed, value: -3}")
            + "  - id: t2\n    model: poisson\n    events_per_year: 2\n    targets: {nodes: [b]}\n    repair_days: *rep\n";
    assertEquals(
        List.of(
            "t.yaml:26:44: threats[0].repair_days.value: must be >= 0, was -3 (threat 't')",
            "t.yaml:26:44: threats[1].repair_days.value: must be >= 0, was -3 (threat 't2')"),
        TestFiles.problems(text));
  }

  @Test
  void aFileWithAnotherExtension_isReadAsYaml_andItsProblemsSaySo() {
    assertEquals(List.of(), TestFiles.problems("t.txt", TestFiles.BASE));
    assertEquals(
        List.of(
            "notes.txt:1:1: a scenario file must be a mapping of keys (format, name, horizon_days,"
                + " commodities, nodes, links, threats, ...) but this one is 'hello'",
            "notes.txt: note: read as YAML, as the name does not end in .yaml, .yml or .json"),
        TestFiles.problems("notes.txt", "hello\n"));
    for (String name : List.of("t.yaml", "t.YML", "t.json")) {
      assertEquals(1, TestFiles.problems(name, "[1]\n").size(), name);
    }
  }
}
