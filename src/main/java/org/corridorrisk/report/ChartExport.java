package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.corridorrisk.report.charts.Figure;

/**
 * Writes charts as separate files for slides ({@code run --charts svg,png}): one {@code <figure
 * id>.svg} and/or {@code .png} per chart in a directory.
 */
public final class ChartExport {
  /** Bounding box of exported PNGs (the chart keeps its proportions inside it). */
  public static final int PNG_WIDTH_PX = 1600;

  public static final int PNG_HEIGHT_PX = 1000;

  /** Formats {@link #write} understands. */
  public static final Set<String> FORMATS = Set.of("svg", "png");

  private ChartExport() {}

  /**
   * Parses a comma-separated format list such as {@code "svg,png"} (case-insensitive, blanks
   * ignored).
   *
   * @throws IllegalArgumentException naming the unknown format and the known ones
   */
  public static Set<String> parseFormats(String list) {
    Set<String> formats = new java.util.LinkedHashSet<>();
    for (String part : list.split(",")) {
      String f = part.trim().toLowerCase(Locale.ROOT);
      if (f.isEmpty()) {
        continue;
      }
      if (!FORMATS.contains(f)) {
        throw new IllegalArgumentException(
            "unknown chart format '" + part.trim() + "' (known: svg, png)");
      }
      formats.add(f);
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("no chart format given (known: svg, png)");
    }
    return formats;
  }

  /**
   * Writes each figure in each format into {@code dir} (created when missing), replacing files of
   * the same name, and returns the files written in order.
   */
  public static List<Path> write(List<Figure> figures, Path dir, Set<String> formats)
      throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    for (Figure f : figures) {
      if (formats.contains("svg")) {
        Path svg = dir.resolve(f.id() + ".svg");
        f.writeSvg(svg);
        written.add(svg);
      }
      if (formats.contains("png")) {
        Path png = dir.resolve(f.id() + ".png");
        f.writePng(png, PNG_WIDTH_PX, PNG_HEIGHT_PX);
        written.add(png);
      }
    }
    return written;
  }
}
