package org.corridorrisk.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.corridorrisk.report.ChartExport;
import org.corridorrisk.report.charts.Figure;
import org.corridorrisk.report.charts.NoChart;
import org.corridorrisk.report.charts.PageChart;
import picocli.CommandLine.Option;

/**
 * The {@code --charts FORMATS} option of {@code run}, {@code compare} and {@code criticality} (a
 * picocli mixin): every chart of the command's HTML page also as a file in {@code DIR/charts/}, for
 * slides and briefings.
 */
final class ChartOptions {
  @Option(
      names = "--charts",
      paramLabel = "FORMATS",
      description =
          "Also write every chart of the page into DIR/charts/ as svg and/or png (e.g. svg,png).")
  String charts;

  /** The formats asked for (empty without the option); a bad list is exit 2. */
  Set<String> formats() {
    if (charts == null) {
      return Set.of();
    }
    try {
      return ChartExport.parseFormats(charts);
    } catch (IllegalArgumentException e) {
      throw new UserInputException("--charts: " + e.getMessage());
    }
  }

  /**
   * Writes the drawn {@code charts} into {@code dir/charts/} in the {@code formats} asked for and
   * says so on {@code out}, naming the charts left out for having nothing to draw ({@link NoChart}:
   * no file, and an earlier run's file of that name, which would no longer match the page, is
   * removed when corridor-risk wrote it); does nothing when no format was asked for.
   */
  static void write(
      List<? extends PageChart> charts, Path dir, Set<String> formats, PrintWriter out)
      throws IOException {
    if (formats.isEmpty()) {
      return;
    }
    Path chartDir = dir.resolve(OutputDirectory.CHARTS);
    List<Figure> figures =
        charts.stream().filter(Figure.class::isInstance).map(Figure.class::cast).toList();
    List<String> omitted =
        charts.stream().filter(NoChart.class::isInstance).map(PageChart::id).toList();
    List<Path> files = ChartExport.write(figures, chartDir, formats);
    OutputDirectory.recordCharts(dir, files);
    OutputDirectory.removeCharts(dir, omitted, formats);
    out.println(
        "      "
            + chartDir
            + File.separator
            + " ("
            + files.size()
            + " chart files"
            + (omitted.isEmpty()
                ? ""
                : "; no file for "
                    + String.join(", ", omitted)
                    + ": nothing to draw, every value is 0")
            + ")");
  }
}
