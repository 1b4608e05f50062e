package org.corridorrisk.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ImportFormatTest {
  @Test
  void guess_fromFileName() {
    assertEquals(ImportFormat.GASLIB, ImportFormat.guess(Path.of("d/GasLib-11.zip")));
    assertEquals(ImportFormat.GASLIB, ImportFormat.guess(Path.of("GasLib-11.NET")));
    assertEquals(ImportFormat.MATRIX_MARKET, ImportFormat.guess(Path.of("grid.mtx")));
    assertEquals(ImportFormat.GRAPHML, ImportFormat.guess(Path.of("g.graphml")));
    assertEquals(ImportFormat.GRAPHML, ImportFormat.guess(Path.of("g.xml")));
    assertNull(ImportFormat.guess(Path.of("g.csv")));
  }

  @Test
  void fromOptionName_acceptsTheDocumentedSpellings() {
    assertEquals(ImportFormat.MATRIX_MARKET, ImportFormat.fromOptionName("matrix-market"));
    assertNull(ImportFormat.fromOptionName("mtx"));
  }

  @Test
  void sanitizer_replacesForeignCharactersAndDisambiguates() {
    IdSanitizer ids = new IdSanitizer();
    assertEquals("Köln".length(), IdSanitizer.clean("Köln").length());
    assertEquals("K_ln", ids.unique("Köln"));
    assertEquals("K_ln-2", ids.unique("K_ln"));
    assertEquals("id", ids.unique(""));
  }
}
