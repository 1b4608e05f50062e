package org.corridorrisk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XML namespace errors of the importers are told in words (the JDK's parser gives bare message
 * keys), and the importers always use the JDK's parser, whatever a system property or the class
 * path names.
 */
class XmlNamespaceAndParserTest {
  @TempDir Path dir;

  private static final String HEAD =
      "<?xml version=\"1.0\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n"
          + "<graph edgedefault=\"undirected\">\n";

  private Problem importFails(String text) throws Exception {
    Path file = dir.resolve("g.graphml");
    Files.writeString(file, text);
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioImporter.importFile(file, null, ImportOptions.defaults()));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0);
  }

  @Test
  void anUndeclaredElementPrefix_isSaidInWords() throws Exception {
    Problem p = importFails(HEAD + "<node id=\"a\"/>\n<y:node id=\"b\"/>\n</graph></graphml>\n");
    assertEquals(5, p.line(), p.format());
    assertTrue(
        p.message()
            .contains(
                "XML namespace error: the prefix 'y' of element <y:node> is not declared (no"
                    + " xmlns:y="),
        p.format());
    assertFalse(p.message().contains("REC-xml-names"), p.format());
  }

  @Test
  void anUndeclaredAttributePrefix_isSaidInWords() throws Exception {
    Problem p =
        importFails(
            HEAD
                + "<node id=\"a\"/><node id=\"b\"/>\n"
                + "<edge source=\"a\" target=\"b\" y:w=\"1\"/>\n</graph></graphml>\n");
    assertTrue(
        p.message().contains("the prefix 'y' of attribute y:w on <edge> is not declared"),
        p.format());
    assertFalse(p.message().contains("REC-xml-names"), p.format());
  }

  @Test
  void theJdkParser_isUsed_whateverTheSystemPropertyNames() throws Exception {
    String key = "javax.xml.stream.XMLInputFactory";
    String saved = System.getProperty(key);
    System.setProperty(key, "org.example.NoSuchStaxFactory");
    try {
      Path file = dir.resolve("ok.graphml");
      Files.writeString(
          file,
          HEAD
              + "<node id=\"a\"/><node id=\"b\"/><edge source=\"a\" target=\"b\"/>\n</graph></graphml>\n");
      ImportedScenario s = ScenarioImporter.importFile(file, null, ImportOptions.defaults());
      assertEquals(2, s.nodeCount());
    } finally {
      if (saved == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, saved);
      }
    }
  }
}
