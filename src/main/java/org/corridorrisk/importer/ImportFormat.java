package org.corridorrisk.importer;

import java.nio.file.Path;
import java.util.Locale;

/** The public network formats {@code import} reads. */
public enum ImportFormat {
  /**
   * GasLib: a {@code .zip} with {@code GasLib-N.net} and {@code .scn}, or a {@code .net} with its
   * {@code .scn} beside it.
   */
  GASLIB("gaslib"),
  /** MatrixMarket coordinate file ({@code .mtx}): an adjacency matrix, topology only. */
  MATRIX_MARKET("matrix-market"),
  /** GraphML ({@code .graphml}, {@code .xml}), read with JGraphT's importer: topology only. */
  GRAPHML("graphml");

  private final String optionName;

  ImportFormat(String optionName) {
    this.optionName = optionName;
  }

  /** The spelling used on the command line, e.g. {@code matrix-market}. */
  public String optionName() {
    return optionName;
  }

  /** Parses a command-line spelling; {@code null} when it is none of the formats. */
  public static ImportFormat fromOptionName(String name) {
    for (ImportFormat f : values()) {
      if (f.optionName.equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  /**
   * The format guessed from the file name: {@code .zip}/{@code .net} GasLib, {@code .mtx}
   * MatrixMarket, {@code .graphml}/{@code .xml} GraphML; {@code null} when the name says nothing.
   */
  public static ImportFormat guess(Path file) {
    Path name = file.getFileName();
    String lower = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (lower.endsWith(".zip") || lower.endsWith(".net")) {
      return GASLIB;
    }
    if (lower.endsWith(".mtx")) {
      return MATRIX_MARKET;
    }
    if (lower.endsWith(".graphml") || lower.endsWith(".xml")) {
      return GRAPHML;
    }
    return null;
  }
}
