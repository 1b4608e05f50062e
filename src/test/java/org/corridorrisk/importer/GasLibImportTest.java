package org.corridorrisk.importer;

import static org.corridorrisk.importer.ImportTestSupport.count;
import static org.corridorrisk.importer.ImportTestSupport.data;
import static org.corridorrisk.importer.ImportTestSupport.link;
import static org.corridorrisk.importer.ImportTestSupport.node;
import static org.corridorrisk.importer.ImportTestSupport.writeAndReread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GasLibImportTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "GasLib-{0}: {1} nodes, {2} links, {3} sources, {4} sinks")
  @CsvSource({"11, 11, 11, 3, 3", "24, 24, 25, 3, 5", "40, 40, 45, 3, 29", "135, 135, 170, 6, 99"})
  void everyGasLibNetwork_keepsEveryNodeAndArc(int n, int nodes, int links, int sources, int sinks)
      throws Exception {
    ImportedScenario s =
        ScenarioImporter.importFile(
            data("gaslib/GasLib-" + n + ".zip"), null, ImportOptions.defaults());
    JsonNode doc = writeAndReread(s, dir, "gaslib-" + n + ".yaml");
    assertEquals("corridor-risk/v1", doc.get("format").asText());
    assertEquals(nodes, doc.get("nodes").size());
    assertEquals(links, doc.get("links").size());
    assertEquals(sources, count(doc.get("nodes"), "kind", "source"));
    assertEquals(sinks, count(doc.get("nodes"), "kind", "sink"));
    assertEquals(links, count(doc.get("links"), "kind", "pipeline"));
    assertTrue(s.warnings().isEmpty(), () -> "warnings: " + s.warnings());
  }

  @ParameterizedTest(name = "GasLib-{0} nominated supply covers demand")
  @CsvSource({"11", "24", "40", "135"})
  void nominatedSupply_equalsDemand_inMcmPerDay(int n) throws Exception {
    JsonNode doc =
        writeAndReread(
            ScenarioImporter.importFile(
                data("gaslib/GasLib-" + n + ".zip"), null, ImportOptions.defaults()),
            dir,
            "g.yaml");
    double supply = 0;
    double demand = 0;
    for (JsonNode node : doc.get("nodes")) {
      supply += node.path("supply").asDouble(0);
      demand += node.path("demand").asDouble(0);
    }
    assertTrue(demand > 0);
    assertEquals(demand, supply, 1e-6);
  }

  @Test
  void nominations_areConvertedFrom1000CubicMetresPerHourToMcmPerDay() throws Exception {
    JsonNode doc =
        writeAndReread(
            ScenarioImporter.importFile(
                data("gaslib/GasLib-11.zip"), null, ImportOptions.defaults()),
            dir,
            "g.yaml");
    // GasLib-11.scn: entry01 160, exit02 120 (1000 m3/h); x 0.024 -> mcm/d
    assertEquals(3.84, node(doc, "entry01").get("supply").asDouble(), 1e-9);
    assertEquals(2.88, node(doc, "exit02").get("demand").asDouble(), 1e-9);
    assertEquals(1, node(doc, "exit02").get("priority").asInt());
    assertEquals("junction", node(doc, "N01").get("kind").asText());
  }

  @Test
  void arcsWithNegativeFlowMin_areUndirected_othersDirectedWithFlowMax() throws Exception {
    JsonNode doc =
        writeAndReread(
            ScenarioImporter.importFile(
                data("gaslib/GasLib-11.zip"), null, ImportOptions.defaults()),
            dir,
            "g.yaml");
    JsonNode pipe = link(doc, "pipe01_entry01_entry03"); // flowMin -1100, flowMax 1100
    assertFalse(pipe.get("directed").asBoolean());
    assertEquals(1100 * 0.024, pipe.get("capacity").asDouble(), 1e-9);
    assertEquals(55.0, pipe.get("length_km").asDouble(), 1e-9);
    JsonNode compressor = link(doc, "CS01_entry03_N01"); // flowMin 0, flowMax 1100
    assertTrue(compressor.get("directed").asBoolean());
    assertEquals("entry03", compressor.get("from").asText());
  }

  @Test
  void wgs84Attributes_becomeLocations_drawingCoordinatesDoNot() throws Exception {
    JsonNode g135 =
        writeAndReread(
            ScenarioImporter.importFile(
                data("gaslib/GasLib-135.zip"), null, ImportOptions.defaults()),
            dir,
            "a.yaml");
    assertEquals(49.9630840592, node(g135, "source_1").get("location").get("lat").asDouble(), 1e-9);
    assertEquals(6.3113038847, node(g135, "source_1").get("location").get("lon").asDouble(), 1e-9);
    JsonNode g11 =
        writeAndReread(
            ScenarioImporter.importFile(
                data("gaslib/GasLib-11.zip"), null, ImportOptions.defaults()),
            dir,
            "b.yaml");
    assertFalse(node(g11, "entry01").has("location"));
  }

  @Test
  void defaultThreats_targetCompressorsAndPipes() throws Exception {
    JsonNode doc =
        writeAndReread(
            ScenarioImporter.importFile(
                data("gaslib/GasLib-135.zip"), null, ImportOptions.defaults()),
            dir,
            "g.yaml");
    JsonNode threats = doc.get("threats");
    assertEquals("compressor-sabotage", threats.get(0).get("id").asText());
    assertEquals(29, threats.get(0).get("targets").get("links").size());
    assertEquals("pipe-damage", threats.get(1).get("id").asText());
    assertEquals(141, threats.get(1).get("targets").get("links").size());
    assertEquals("lognormal", threats.get(1).get("repair_days").get("dist").asText());
    assertEquals(90, doc.get("horizon_days").asInt());
  }

  @Test
  void header_namesSourceLicenceAndUnits() throws Exception {
    String yaml =
        ScenarioImporter.importFile(data("gaslib/GasLib-24.zip"), null, ImportOptions.defaults())
            .toYaml();
    assertTrue(yaml.startsWith("# Scenario imported by `corridor-risk import` from GasLib-24.zip"));
    assertTrue(yaml.contains("CC BY 3.0"));
    assertTrue(yaml.contains("x 0.024 = mcm/d"));
    assertTrue(yaml.contains("ZIB-Report 12-41"));
  }

  @Test
  void netFileWithItsScnBeside_importsLikeTheZip() throws Exception {
    Path net = unzip("GasLib-24", ".net");
    unzip("GasLib-24", ".scn");
    ImportedScenario s = ScenarioImporter.importFile(net, null, ImportOptions.defaults());
    assertEquals(24, s.nodeCount());
    assertEquals(25, s.linkCount());
  }

  @Test
  void netFileWithoutScn_isRejectedWithTheExpectedName() throws Exception {
    Path net = unzip("GasLib-11", ".net");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(net, null, ImportOptions.defaults()));
    assertTrue(e.problems().get(0).message().contains("GasLib-11.scn"), e.getMessage());
  }

  @Test
  void brokenXml_isReportedWithLineAndColumn() throws Exception {
    Path net = dir.resolve("bad.net");
    Files.writeString(
        net, "<network xmlns=\"http://gaslib.zib.de/Gas\">\n  <nodes>\n  <oops\n</network>\n");
    Files.writeString(dir.resolve("bad.scn"), "<boundaryValue/>");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(net, null, ImportOptions.defaults()));
    Problem p = e.problems().get(0);
    assertEquals(net, p.file());
    assertTrue(p.line() >= 3, p.format());
    assertTrue(p.message().startsWith("not well-formed XML"), p.format());
  }

  @Test
  void arcToUndeclaredNode_isAProblemAtTheArc() throws Exception {
    Path net = pipeNetwork("x", "nowhere", "10");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(net, null, ImportOptions.defaults()));
    Problem p = e.problems().get(0);
    assertEquals(7, p.line());
    assertTrue(p.message().contains("'nowhere'"), p.format());
  }

  @Test
  void aTextFileCalledZip_isNotAReadableZip() throws Exception {
    Path zip = dir.resolve("fake.zip");
    Files.writeString(zip, "not a zip");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(zip, null, ImportOptions.defaults()));
    assertTrue(e.problems().get(0).message().contains("zip"), e.getMessage());
  }

  /** A two-node GasLib network whose one pipe has the given flowMax (1000 m3/h). */
  private Path pipeNetwork(String name, String flowMax) throws IOException {
    return pipeNetwork(name, "t", flowMax);
  }

  /**
   * Nodes s (source) and t (sink) and one pipe from s to {@code to} with the given flowMax (1000
   * m3/h), on line 7 of the file; its nomination feeds t from s.
   */
  private Path pipeNetwork(String name, String to, String flowMax) throws IOException {
    Path net = dir.resolve(name + ".net");
    Files.writeString(
        net,
        String.join(
            "\n",
            "<network xmlns=\"http://gaslib.zib.de/Gas\" xmlns:framework=\"http://gaslib.zib.de/Framework\">",
            "<framework:nodes>",
            "<source id=\"s\" x=\"0\" y=\"0\"/>",
            "<sink id=\"t\" x=\"1\" y=\"0\"/>",
            "</framework:nodes>",
            "<framework:connections>",
            "<pipe id=\"p\" from=\"s\" to=\""
                + to
                + "\"><flowMax unit=\"1000m_cube_per_hour\" value=\""
                + flowMax
                + "\"/></pipe>",
            "</framework:connections>",
            "</network>"));
    Files.writeString(
        dir.resolve(name + ".scn"),
        "<boundaryValue><scenario>"
            + "<node type=\"entry\" id=\"s\"><flow bound=\"both\" value=\"5\" unit=\"1000m_cube_per_hour\"/></node>"
            + "<node type=\"exit\" id=\"t\"><flow bound=\"both\" value=\"5\" unit=\"1000m_cube_per_hour\"/></node>"
            + "</scenario></boundaryValue>");
    return net;
  }

  @Test
  void aNominationOfNaN_isOneProblem_atItsElement() throws Exception {
    // "value must be a finite number" says it; "has no <flow> bound" beside it was the same fault
    Path net = pipeNetwork("nomnan", "10");
    Files.writeString(
        dir.resolve("nomnan.scn"),
        "<boundaryValue><scenario>"
            + "<node type=\"entry\" id=\"s\"><flow bound=\"both\" value=\"5\" unit=\"1000m_cube_per_hour\"/></node>"
            + "<node type=\"exit\" id=\"t\"><flow bound=\"both\" value=\"NaN\" unit=\"1000m_cube_per_hour\"/></node>"
            + "</scenario></boundaryValue>");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(net, null, ImportOptions.defaults()));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertTrue(e.problems().get(0).message().contains("'NaN'"), e.getMessage());
  }

  @Test
  void hugeFlowMax_isConvertedWithoutClipping() throws Exception {
    // rounding to 6 decimals went through a long and turned 2.4e20 into 9.2e12
    ImportedScenario s =
        ScenarioImporter.importFile(pipeNetwork("big", "1e22"), null, ImportOptions.defaults());
    assertEquals(2.4e20, s.document().get("links").get(0).get("capacity").asDouble(), 1e5);
  }

  @Test
  void scenarioThatWouldFailValidate_isNotReturned_andTheProblemNamesTheKey() throws Exception {
    // 1e35 x 0.024 is above the largest number a scenario may give (1e30)
    Path net = pipeNetwork("huge", "1e35");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(net, null, ImportOptions.defaults()));
    Problem p = e.problems().get(0);
    assertEquals(net, p.file());
    assertTrue(p.message().contains("would not pass validate"), p.format());
    assertTrue(p.message().contains("links[0].capacity: must be at most 1e30"), p.format());
    assertTrue(p.message().endsWith(" (link 'p')"), p.format());
  }

  private Path unzip(String network, String extension) throws IOException {
    try (ZipFile zf = new ZipFile(data("gaslib/" + network + ".zip").toFile())) {
      ZipEntry entry = zf.getEntry(network + "/" + network + extension);
      Path out = dir.resolve(network + extension);
      try (InputStream in = zf.getInputStream(entry)) {
        Files.copy(in, out);
      }
      return out;
    }
  }
}
