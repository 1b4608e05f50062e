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
}
