package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage_low inject states the inventory in a volume unit (mcm), not the rate (mcm/d). */
class MselStorageUnitTest {
  @TempDir Path tmp;

  @Test
  void storageLow_givesTheInventoryInTheVolumeUnit() throws Exception {
    Path file =
        Path.of(MselStorageUnitTest.class.getResource("/exercise/storage-low.yaml").toURI());
    Path dir = tmp.resolve("ex");
    StringWriter err = new StringWriter();
    int code =
        Main.execute(
            new String[] {
              "exercise",
              file.toString(),
              "--trial",
              "0",
              "--trials",
              "5",
              "--quiet",
              "--out",
              dir.toString()
            },
            new PrintWriter(new StringWriter()),
            new PrintWriter(err));
    assertEquals(0, code, err.toString());
    String low =
        ExerciseCommandTest.rfc4180(Files.readString(dir.resolve("msel.csv"))).stream()
            .map(r -> r.get(7))
            .filter(m -> m.startsWith("Storage store down to"))
            .findFirst()
            .orElseThrow();
    assertTrue(low.contains("(20 mcm)"), low);
  }
}
