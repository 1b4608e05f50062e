package org.corridorrisk.importer;

import static org.corridorrisk.importer.ImportTestSupport.count;
import static org.corridorrisk.importer.ImportTestSupport.data;
import static org.corridorrisk.importer.ImportTestSupport.node;
import static org.corridorrisk.importer.ImportTestSupport.writeAndReread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLimits;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MatrixMarketImportTest {
  @TempDir Path dir;

  private JsonNode importText(String name, String text, ImportOptions options) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return writeAndReread(ScenarioImporter.importFile(file, null, options), dir, name + ".yaml");
  }

  @Test
  void westernUsPowerGrid_hasEveryNodeAndLine_withDefaults() throws Exception {
    ImportedScenario s =
        ScenarioImporter.importFile(
            data("power-grid/western-us-power-grid.mtx"), null, ImportOptions.defaults());
    JsonNode doc = writeAndReread(s, dir, "grid.yaml");
    assertEquals(4941, doc.get("nodes").size());
    assertEquals(6594, doc.get("links").size());
    assertEquals(247, count(doc.get("nodes"), "kind", "source")); // round(4941 / 20)
    assertEquals(4941 - 247, count(doc.get("nodes"), "kind", "sink"));
    assertEquals(6594, count(doc.get("links"), "directed", "false"));
    assertEquals(1, doc.get("horizon_days").asInt());
    JsonNode threat = doc.get("threats").get(0);
    assertEquals("independent", threat.get("model").asText());
    assertEquals(0.05, threat.get("probability").asDouble());
    assertEquals("power-line", threat.get("targets").get("kinds").get(0).asText());
    assertEquals("fixed", threat.get("repair_days").get("dist").asText());
    assertTrue(s.toYaml().contains("Watts & Strogatz"));
  }

  @Test
  void withoutSizeLine_nodeCountIsTheLargestId() throws Exception {
    JsonNode doc =
        importText(
            "a.mtx",
            "%%MatrixMarket matrix coordinate pattern symmetric\n% c\n2 1\n3 2\n4 3\n",
            ImportOptions.defaults());
    assertEquals(4, doc.get("nodes").size());
    assertEquals(3, doc.get("links").size());
  }

  @Test
  void withSizeLine_isolatedNodesBecomeJunctions() throws Exception {
    JsonNode doc =
        importText(
            "b.mtx",
            "%%MatrixMarket matrix coordinate pattern symmetric\n5 5 3\n2 1\n3 2\n4 3\n",
            ImportOptions.defaults());
    assertEquals(5, doc.get("nodes").size());
    assertEquals(3, doc.get("links").size());
    assertEquals("junction", node(doc, "n5").get("kind").asText());
  }

  @Test
  void realValuedGeneralFile_readsTopologyOnce_perPair() throws Exception {
    // (1,2) and (2,1) are one line; the diagonal entry is a self-loop and dropped; values ignored
    JsonNode doc =
        importText(
            "c.mtx",
            "%%MatrixMarket matrix coordinate real general\n3 3 4\n1 2 0.5\n2 1 0.5\n2 3 1.5\n3 3 9\n",
            ImportOptions.defaults());
    assertEquals(2, doc.get("links").size());
  }

  @Test
  void realValuedFileWithoutSizeLine_treatsEveryLineAsAnEntry() throws Exception {
    JsonNode doc =
        importText(
            "d.mtx",
            "%%MatrixMarket matrix coordinate integer general\n1 2 3\n2 3 3\n3 4 3\n",
            ImportOptions.defaults());
    assertEquals(4, doc.get("nodes").size());
    assertEquals(3, doc.get("links").size());
  }

  @Test
  void sources_areTheHighestDegreeNodes_withSupplyCoveringDemandPlus20Percent() throws Exception {
    // star around n3 plus a tail: degrees n3=3, others 1 or 2
    JsonNode doc =
        importText(
            "e.mtx",
            "%%MatrixMarket matrix coordinate pattern symmetric\n3 1\n3 2\n3 4\n4 5\n",
            new ImportOptions(null, null, 1, 2.0, null, null, null, null, null));
    assertEquals("source", node(doc, "n3").get("kind").asText());
    assertEquals(2.0, node(doc, "n1").get("demand").asDouble());
    // 4 sinks x 2.0 x 1.2 / 1 source
    assertEquals(9.6, node(doc, "n3").get("supply").asDouble(), 1e-9);
    // default capacity 10 x total demand / sources = 80
    assertEquals(80.0, doc.get("links").get(0).get("capacity").asDouble(), 1e-9);
  }

  @Test
  void componentWithoutSource_getsItsBestConnectedNodeAsSource() throws Exception {
    JsonNode doc =
        importText(
            "f.mtx",
            "%%MatrixMarket matrix coordinate pattern symmetric\n1 2\n1 3\n4 5\n",
            new ImportOptions(null, null, 1, null, null, null, null, null, null));
    assertEquals("source", node(doc, "n1").get("kind").asText());
    assertEquals("source", node(doc, "n4").get("kind").asText());
    assertEquals(2, count(doc.get("nodes"), "kind", "source"));
  }

  @Test
  void options_overrideCapacityProbabilityHorizonAndKind() throws Exception {
    JsonNode doc =
        importText(
            "g.mtx",
            "1 2\n2 3\n",
            new ImportOptions("grid", 7, 1, null, 3.5, 0.2, "flow", "road", null));
    assertEquals("grid", doc.get("name").asText());
    assertEquals(7, doc.get("horizon_days").asInt());
    assertEquals(3.5, doc.get("links").get(0).get("capacity").asDouble());
    assertEquals("road", doc.get("links").get(0).get("kind").asText());
    assertEquals("flow", doc.get("commodities").get(0).get("id").asText());
    assertEquals(0.2, doc.get("threats").get(0).get("probability").asDouble());
  }

  @Test
  void badEntry_isReportedAtItsLine() throws Exception {
    Path file = dir.resolve("bad.mtx");
    Files.writeString(
        file, "%%MatrixMarket matrix coordinate pattern symmetric\n% c\n1 2\n2 x\n0 1\n");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(file, null, ImportOptions.defaults()));
    assertEquals(2, e.problems().size());
    Problem first = e.problems().get(0);
    assertEquals(4, first.line());
    assertEquals(3, first.column());
    assertTrue(first.message().contains("'x'"), first.format());
    assertEquals(5, e.problems().get(1).line());
  }

  @Test
  void arrayFormat_isRejected() throws Exception {
    Path file = dir.resolve("dense.mtx");
    Files.writeString(file, "%%MatrixMarket matrix array real general\n2 2\n1\n0\n0\n1\n");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(file, null, ImportOptions.defaults()));
    assertTrue(e.problems().get(0).message().contains("coordinate"));
  }

  @Test
  void idBeyondTheSizeLine_isAProblem() throws Exception {
    Path file = dir.resolve("big.mtx");
    Files.writeString(
        file, "%%MatrixMarket matrix coordinate pattern symmetric\n3 3 2\n1 2\n2 4\n");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(file, null, ImportOptions.defaults()));
    assertEquals(4, e.problems().get(0).line());
  }

  @Test
  void tooManySources_isAProblemNamingTheOption() throws Exception {
    Path file = dir.resolve("s.mtx");
    Files.writeString(file, "1 2\n");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () ->
                ScenarioImporter.importFile(
                    file,
                    null,
                    new ImportOptions(null, null, 2, null, null, null, null, null, null)));
    assertTrue(e.problems().get(0).message().startsWith("--sources"));
  }

  @Test
  void noSinkEverGetsPriorityOrPopulationWritten_defaultsApply() throws Exception {
    JsonNode doc = importText("h.mtx", "1 2\n2 3\n", ImportOptions.defaults());
    assertFalse(node(doc, "n1").has("priority"));
    assertEquals(1.0, node(doc, "n1").get("value_of_lost_load").asDouble());
  }

  private ScenarioException importFails(String name, String text, ImportOptions options)
      throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return assertThrows(
        ScenarioException.class, () -> ScenarioImporter.importFile(file, null, options));
  }

  @Test
  void sizeLineAboveTheNodeLimit_isRefusedAtTheSizeLine_beforeAllocating() throws Exception {
    // 300,000,000 declared nodes used to be allocated one by one until the heap ran out
    ScenarioException e =
        importFails(
            "huge.mtx",
            "%%MatrixMarket matrix coordinate pattern general\n300000000 300000000 1\n1 2\n",
            ImportOptions.defaults());
    Problem p = e.problems().get(0);
    assertEquals(2, p.line(), p.format());
    assertTrue(p.message().contains("at most " + ScenarioLimits.MAX_NODES), p.format());
  }

  @Test
  void nodeIdAboveTheNodeLimit_isRefusedAtItsLineAndColumn() throws Exception {
    int tooLarge = ScenarioLimits.MAX_NODES + 1;
    ScenarioException e =
        importFails("id.mtx", "1 2\n2 " + tooLarge + "\n", ImportOptions.defaults());
    Problem p = e.problems().get(0);
    assertEquals(2, p.line(), p.format());
    assertEquals(3, p.column(), p.format());
    assertTrue(p.message().contains("node id " + tooLarge + " is too large"), p.format());
  }

  @Test
  void nodeIdBeyondTheIntRange_isCalledTooLarge_notBelowOne() throws Exception {
    ScenarioException e =
        importFails("int.mtx", "1 2\n2 3\n3000000000 1\n", ImportOptions.defaults());
    Problem p = e.problems().get(0);
    assertEquals(3, p.line(), p.format());
    assertTrue(p.message().contains("3000000000 is too large"), p.format());
    ScenarioException digits =
        importFails("long.mtx", "1 99999999999999999999999\n", ImportOptions.defaults());
    assertTrue(digits.problems().get(0).message().contains("too large"), digits.getMessage());
  }

  @Test
  void tinyAndHugeOptionValues_areWrittenExactly() throws Exception {
    JsonNode tiny =
        importText(
            "t.mtx",
            "1 2\n2 3\n",
            new ImportOptions(null, null, 1, 1e-7, 1e-7, null, null, null, null));
    assertEquals(1e-7, tiny.get("links").get(0).get("capacity").asDouble());
    assertEquals(1e-7, node(tiny, "n1").get("demand").asDouble());
    assertEquals(2.4e-7, node(tiny, "n2").get("supply").asDouble()); // 2 sinks x 1e-7 x 1.2
    JsonNode huge =
        importText(
            "h2.mtx",
            "1 2\n2 3\n",
            new ImportOptions(null, null, 1, 1e25, 1e30, null, null, null, null));
    assertEquals(1e30, huge.get("links").get(0).get("capacity").asDouble());
    assertEquals(1e25, node(huge, "n1").get("demand").asDouble());
    JsonNode precise =
        importText(
            "p.mtx",
            "1 2\n2 3\n",
            new ImportOptions(null, null, 1, 0.987654321, 0.123456789, null, null, null, null));
    assertEquals(0.123456789, precise.get("links").get(0).get("capacity").asDouble());
    assertEquals(0.987654321, node(precise, "n1").get("demand").asDouble());
  }

  @Test
  void demandWhoseSupplyWouldExceedTheLimit_isAProblemNamingTheOption() throws Exception {
    ScenarioException e =
        importFails(
            "d.mtx",
            "1 2\n2 3\n",
            new ImportOptions(null, null, 1, 1e30, 1.0, null, null, null, null));
    assertTrue(e.problems().get(0).message().startsWith("--demand"), e.getMessage());
  }

  @Test
  void importedFile_passesValidate_withEveryLinkKindOfTheFormat() throws Exception {
    for (String kind : ScenarioLimits.linkKinds()) {
      Path file = dir.resolve(kind + ".mtx");
      Files.writeString(file, "1 2\n2 3\n");
      ImportedScenario s =
          ScenarioImporter.importFile(
              file, null, new ImportOptions(null, null, null, null, null, null, null, kind, null));
      Path out = dir.resolve(kind + ".yaml");
      s.write(out, false);
      assertEquals(kind, ScenarioLoader.load(out).baseline().links().get(0).kind().fileName());
    }
    assertTrue(ScenarioLimits.linkKinds().contains("subsea-cable"));
    assertTrue(ScenarioLimits.linkKinds().contains("subsea-pipeline"));
    assertEquals(LinkKind.values().length, ScenarioLimits.linkKinds().size());
  }
}
