package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage_low inject states the inventory in a volume unit (mcm), not the rate (mcm/d). */
class MselStorageUnitTest {
  @TempDir Path tmp;

  @Test
  void storageLow_givesTheInventoryInTheVolumeUnit() throws Exception {
    Path dir = tmp.resolve("ex");
    Cli cli = Cli.exercise("/exercise/storage-low.yaml", 5, dir);
    assertEquals(0, cli.code(), cli.err());
    String low =
        Cli.msel(dir).stream()
            .map(r -> r.get(7))
            .filter(m -> m.startsWith("Storage store down to"))
            .findFirst()
            .orElseThrow();
    assertTrue(low.contains("(20 mcm)"), low);
  }
}
