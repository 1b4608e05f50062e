package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code import --out} into a folder that takes no new file: the message names the out file, not
 * the temporary file the import writes first.
 */
class ImportUnwritableOutTest {
  @TempDir Path tmp;

  /** A folder this process cannot create files in: a read-only one, or /proc when run as root. */
  private Path unwritableFolder() throws Exception {
    Path ro = Files.createDirectory(tmp.resolve("read-only"));
    try {
      Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system
    }
    if (!Files.isWritable(ro)) {
      return ro;
    }
    Path proc = Path.of("/proc");
    assumeTrue(Files.isDirectory(proc), "no folder that refuses new files");
    return proc;
  }

  @Test
  void outInAFolderThatTakesNoFile_exits2_namingTheOutFile() throws Exception {
    Path in = tmp.resolve("g.mtx");
    Files.writeString(in, "1 2\n2 3\n");
    Path out = unwritableFolder().resolve("grid.yaml");
    Cli cli = Cli.run("import", in.toString(), "--out", out.toString());
    assertEquals(2, cli.code(), cli.err());
    assertTrue(cli.err().contains("--out " + out + ": cannot write the file"), cli.err());
    assertFalse(cli.err().contains(".tmp"), cli.err());
    assertEquals(1, cli.err().strip().lines().count(), cli.err());
  }
}
