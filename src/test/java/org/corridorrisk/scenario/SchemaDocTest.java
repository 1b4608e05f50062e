package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SchemaDocTest {
  @Test
  void publishedSchema_equalsTheOneTheLoaderUses() throws IOException {
    assertEquals(
        SchemaCheck.schemaNode(),
        new ObjectMapper().readTree(Path.of("docs/scenario.schema.json").toFile()),
        "docs/scenario.schema.json must be a copy of src/main/resources" + SchemaCheck.RESOURCE);
  }
}
