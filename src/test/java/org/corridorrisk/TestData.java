package org.corridorrisk;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public networks bundled in the repository's {@code data/} folder (see data/README.md).
 *
 * <p>Maven runs the tests with the project folder as working directory, so the data is found
 * relative to it; nothing outside the repository is read.
 */
public final class TestData {
  private TestData() {}

  /** {@code data/<relative>}; fails loudly when the file is missing. */
  public static Path file(String relative) {
    Path p = Path.of("data").resolve(relative);
    if (!Files.exists(p)) {
      throw new IllegalStateException("bundled test data missing: " + p.toAbsolutePath());
    }
    return p;
  }

  /** The Western US power grid (MatrixMarket, 4,941 nodes, 6,594 lines). */
  public static Path powerGrid() {
    return file("power-grid/western-us-power-grid.mtx");
  }

  /** A GasLib archive by file name, for example {@code GasLib-11.zip}. */
  public static Path gaslib(String name) {
    return file("gaslib/" + name);
  }
}
