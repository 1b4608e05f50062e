package org.corridorrisk.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Paths to the bundled data/ folder and a YAML re-reader for imported documents. */
final class ImportTestSupport {
  private static final YAMLMapper YAML = new YAMLMapper();

  private ImportTestSupport() {}

  static Path data(String relative) {
    return org.corridorrisk.TestData.file(relative);
  }

  /** Writes the scenario to {@code dir} and parses the file back as YAML. */
  static JsonNode writeAndReread(ImportedScenario s, Path dir, String name) throws IOException {
    Path out = dir.resolve(name);
    s.write(out, false);
    return YAML.readTree(out.toFile());
  }

  static JsonNode node(JsonNode doc, String id) {
    for (JsonNode n : doc.get("nodes")) {
      if (id.equals(n.get("id").asText())) {
        return n;
      }
    }
    throw new AssertionError("no node " + id);
  }

  static JsonNode link(JsonNode doc, String id) {
    for (JsonNode n : doc.get("links")) {
      if (id.equals(n.get("id").asText())) {
        return n;
      }
    }
    throw new AssertionError("no link " + id);
  }

  static long count(JsonNode array, String key, String value) {
    long c = 0;
    for (JsonNode n : array) {
      if (value.equals(n.path(key).asText())) {
        c++;
      }
    }
    return c;
  }
}
