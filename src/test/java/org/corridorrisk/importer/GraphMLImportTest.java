package org.corridorrisk.importer;

import static org.corridorrisk.importer.ImportTestSupport.count;
import static org.corridorrisk.importer.ImportTestSupport.node;
import static org.corridorrisk.importer.ImportTestSupport.writeAndReread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphMLImportTest {
  @TempDir Path dir;

  private static String graphml(String keys, String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
        + keys
        + "<graph id=\"G\" edgedefault=\"undirected\">\n"
        + body
        + "</graph>\n</graphml>\n";
  }

  private JsonNode importText(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return writeAndReread(
        ScenarioImporter.importFile(file, null, ImportOptions.defaults()), dir, name + ".yaml");
  }

  @Test
  void nodesAndEdges_areKept_withLatLonAsLocation() throws Exception {
    String keys =
        "<key id=\"d0\" for=\"node\" attr.name=\"lat\" attr.type=\"double\"/>\n"
            + "<key id=\"d1\" for=\"node\" attr.name=\"lon\" attr.type=\"double\"/>\n";
    String body =
        "<node id=\"baku\"><data key=\"d0\">40.4</data><data key=\"d1\">49.9</data></node>\n"
            + "<node id=\"tbilisi\"><data key=\"d0\">41.7</data><data key=\"d1\">44.8</data></node>\n"
            + "<node id=\"ceyhan\"/>\n"
            + "<edge id=\"e1\" source=\"baku\" target=\"tbilisi\"/>\n"
            + "<edge id=\"e2\" source=\"tbilisi\" target=\"ceyhan\"/>\n"
            + "<edge id=\"e3\" source=\"ceyhan\" target=\"tbilisi\"/>\n"; // repeat of e2, dropped
    JsonNode doc = importText("btc.graphml", graphml(keys, body));
    assertEquals(3, doc.get("nodes").size());
    assertEquals(2, doc.get("links").size());
    assertEquals(40.4, node(doc, "baku").get("location").get("lat").asDouble());
    assertEquals(44.8, node(doc, "tbilisi").get("location").get("lon").asDouble());
    assertFalse(node(doc, "ceyhan").has("location"));
    assertEquals(1, count(doc.get("nodes"), "kind", "source"));
    assertEquals("source", node(doc, "tbilisi").get("kind").asText()); // highest degree
  }

  @Test
  void xyWithinDegreeRanges_areReadAsLonLat() throws Exception {
    String keys =
        "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
            + "<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n";
    String body =
        "<node id=\"a\"><data key=\"x\">10.5</data><data key=\"y\">50.1</data></node>\n"
            + "<node id=\"b\"><data key=\"x\">11.5</data><data key=\"y\">51.1</data></node>\n"
            + "<edge source=\"a\" target=\"b\"/>\n";
    JsonNode doc = importText("xy.graphml", graphml(keys, body));
    assertEquals(50.1, node(doc, "a").get("location").get("lat").asDouble());
    assertEquals(10.5, node(doc, "a").get("location").get("lon").asDouble());
  }

  @Test
  void xyOutsideDegreeRanges_areIgnored() throws Exception {
    String keys =
        "<key id=\"x\" for=\"node\" attr.name=\"x\" attr.type=\"double\"/>\n"
            + "<key id=\"y\" for=\"node\" attr.name=\"y\" attr.type=\"double\"/>\n";
    String body =
        "<node id=\"a\"><data key=\"x\">1542.8</data><data key=\"y\">5682.2</data></node>\n"
            + "<node id=\"b\"><data key=\"x\">63.6</data><data key=\"y\">5331.8</data></node>\n"
            + "<edge source=\"a\" target=\"b\"/>\n";
    JsonNode doc = importText("drawing.xml", graphml(keys, body));
    assertFalse(node(doc, "a").has("location"));
  }

  @Test
  void idsOutsideTheAllowedCharacters_areSanitizedAndKeptUnique() throws Exception {
    String body =
        "<node id=\"a b\"/>\n<node id=\"a_b\"/>\n<node id=\"007\"/>\n"
            + "<edge source=\"a b\" target=\"a_b\"/>\n<edge source=\"a_b\" target=\"007\"/>\n";
    JsonNode doc = importText("ids.graphml", graphml("", body));
    assertEquals("a_b", doc.get("nodes").get(0).get("id").asText());
    assertEquals("a_b-2", doc.get("nodes").get(1).get("id").asText());
    assertEquals("007", doc.get("nodes").get(2).get("id").asText()); // stays a string in YAML
    assertTrue(doc.get("nodes").get(2).get("id").isTextual());
    assertEquals("a_b-2", doc.get("links").get(1).get("from").asText());
  }

  @Test
  void notGraphMl_isAProblem() throws Exception {
    Path file = dir.resolve("x.graphml");
    Files.writeString(file, "<graphml><graph><node id=\"a\"></graph>");
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(file, null, ImportOptions.defaults()));
    assertTrue(
        e.problems().get(0).message().startsWith("not a readable GraphML file"), e.getMessage());
  }

  private ScenarioException importFails(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return assertThrows(
        ScenarioException.class,
        () -> ScenarioImporter.importFile(file, null, ImportOptions.defaults()));
  }

  @Test
  void edgeIds_areKept_sanitizedAndUnique_onlyEdgesWithoutIdAreNumbered() throws Exception {
    String body =
        "<node id=\"n1\"/>\n<node id=\"n2\"/>\n<node id=\"n3\"/>\n<node id=\"n4\"/>\n"
            + "<edge id=\"line-A\" source=\"n1\" target=\"n2\"/>\n"
            + "<edge id=\"line B\" source=\"n2\" target=\"n3\"/>\n"
            + "<edge id=\"n1\" source=\"n3\" target=\"n4\"/>\n" // clashes with a node id
            + "<edge source=\"n4\" target=\"n1\"/>\n";
    JsonNode doc = importText("edges.graphml", graphml("", body));
    JsonNode links = doc.get("links");
    assertEquals("line-A", links.get(0).get("id").asText());
    assertEquals("line_B", links.get(1).get("id").asText());
    assertEquals("n1-2", links.get(2).get("id").asText());
    assertEquals("l4", links.get(3).get("id").asText());
  }

  @Test
  void xmlSyntaxError_isReportedWithLineAndColumn() throws Exception {
    ScenarioException e =
        importFails(
            "unclosed.graphml",
            graphml(
                "", "<node id=\"n1\"/>\n<node id=\"n2\">\n<edge source=\"n1\" target=\"n2\"/>\n"));
    Problem p = e.problems().get(0);
    assertTrue(p.line() > 0 && p.column() > 0, p.format());
    assertTrue(p.message().startsWith("not a readable GraphML file: "), p.format());
    assertFalse(p.message().contains("ParseError"), p.format());
  }

  @Test
  void everyUnknownEdgeEnd_isReportedAtItsEdge() throws Exception {
    ScenarioException e =
        importFails(
            "ends.graphml",
            graphml(
                "",
                "<node id=\"n1\"/>\n<node id=\"n2\"/>\n"
                    + "<edge source=\"n1\" target=\"n9\"/>\n"
                    + "<edge source=\"n8\" target=\"n2\"/>\n"));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals(6, e.problems().get(0).line());
    assertTrue(e.problems().get(0).message().contains("target 'n9'"));
    assertEquals(7, e.problems().get(1).line());
    assertTrue(e.problems().get(1).message().contains("source 'n8'"));
  }

  @Test
  void everyRepeatedNodeId_isReportedAtItsElement() throws Exception {
    ScenarioException e =
        importFails(
            "dup.graphml",
            graphml(
                "",
                "<node id=\"n1\"/>\n<node id=\"n1\"/>\n<node id=\"n2\"/>\n"
                    + "<node id=\"n2\"/>\n<edge source=\"n1\" target=\"n2\"/>\n"));
    assertEquals(2, e.problems().size(), e.getMessage());
    assertEquals(5, e.problems().get(0).line());
    assertTrue(e.problems().get(0).message().contains("'n1' is used again (first at line 4)"));
    assertEquals(7, e.problems().get(1).line());
  }

  @Test
  void invalidLatLon_areIgnoredWithAWarningNamingTheNodes() throws Exception {
    String keys =
        "<key id=\"k0\" for=\"node\" attr.name=\"Latitude\" attr.type=\"string\"/>\n"
            + "<key id=\"k1\" for=\"node\" attr.name=\"LNG\" attr.type=\"string\"/>\n";
    String body =
        "<node id=\"n1\"><data key=\"k0\">100</data><data key=\"k1\">45</data></node>\n"
            + "<node id=\"n2\"><data key=\"k0\">abc</data><data key=\"k1\">45</data></node>\n"
            + "<node id=\"n3\"><data key=\"k0\">41</data></node>\n"
            + "<edge source=\"n1\" target=\"n2\"/>\n<edge source=\"n2\" target=\"n3\"/>\n";
    Path file = dir.resolve("geo.graphml");
    Files.writeString(file, graphml(keys, body));
    ImportedScenario s = ScenarioImporter.importFile(file, null, ImportOptions.defaults());
    assertEquals(1, s.warnings().size(), s.warnings()::toString);
    String w = s.warnings().get(0);
    assertTrue(w.contains("n1 (lat 100 is outside [-90, 90])"), w);
    assertTrue(w.contains("n2 (lat 'abc' is not a number)"), w);
    assertTrue(w.contains("n3 (lat 41 without lon)"), w);
    assertFalse(s.toYaml().contains("no node positions in the file"), s::toYaml);
    assertFalse(s.document().get("nodes").get(0).has("location"));
  }

  @Test
  void keyDefaults_applyToNodesWithoutThatData() throws Exception {
    String keys =
        "<key id=\"a\" for=\"node\" attr.name=\"lat\"><default>41</default></key>\n"
            + "<key id=\"o\" for=\"node\" attr.name=\"lon\"><default>44</default></key>\n";
    String body =
        "<node id=\"a\"><data key=\"a\">40</data></node>\n<node id=\"b\"/>\n"
            + "<edge source=\"a\" target=\"b\"/>\n";
    JsonNode doc = importText("defaults.graphml", graphml(keys, body));
    assertEquals(40.0, node(doc, "a").get("location").get("lat").asDouble());
    assertEquals(41.0, node(doc, "b").get("location").get("lat").asDouble());
    assertEquals(44.0, node(doc, "b").get("location").get("lon").asDouble());
  }
}
