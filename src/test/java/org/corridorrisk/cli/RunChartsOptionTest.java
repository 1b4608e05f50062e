package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --charts svg,png} and {@code --quiet} through the command line. */
class RunChartsOptionTest {
  static final Path EXAMPLE = Path.of("scenarios", "southern-gas-corridor.yaml");

  @Test
  void charts_svgAndPng_writesEveryReportChartInBothFormats(@TempDir Path dir) throws Exception {
    Cli cli =
        Cli.run(
            "run",
            EXAMPLE.toString(),
            "--trials",
            "200",
            "--threads",
            "1",
            "--quiet",
            "--charts",
            "svg,png",
            "--out",
            dir.toString());
    assertEquals(0, cli.code(), cli.err());
    assertEquals("", cli.err(), "--quiet run wrote to stderr");
    Path charts = dir.resolve("charts");
    long svgs;
    long pngs;
    try (Stream<Path> files = Files.list(charts)) {
      var names = files.map(p -> p.getFileName().toString()).toList();
      svgs = names.stream().filter(n -> n.endsWith(".svg")).count();
      pngs = names.stream().filter(n -> n.endsWith(".png")).count();
      assertTrue(
          names.contains("loss-histogram.svg") && names.contains("network-map.png"),
          names.toString());
    }
    assertTrue(svgs >= 8, "only " + svgs + " svg files");
    assertEquals(svgs, pngs);
    assertTrue(Files.readString(charts.resolve("exceedance-loss.svg")).startsWith("<?xml"));
    var png = javax.imageio.ImageIO.read(charts.resolve("resilience.png").toFile());
    assertTrue(
        png.getWidth() == 1600 || png.getHeight() == 1000, png.getWidth() + "x" + png.getHeight());
    assertTrue(cli.out().contains("report.html"));
  }

  @Test
  void charts_ofAZeroLossStudy_skipsEmptyChartsAndSaysSo(@TempDir Path dir) throws Exception {
    Cli cli = runWithSvgCharts(zeroLoss(), dir);
    assertEquals(0, cli.code(), cli.err());
    Path charts = dir.resolve("charts");
    assertTrue(Files.exists(charts.resolve("network-map.svg")), "the map is drawn");
    assertTrue(Files.exists(charts.resolve("resilience.svg")), "served share 100% is drawn");
    for (String empty : List.of("loss-histogram", "exceedance-loss", "convergence")) {
      assertFalse(Files.exists(charts.resolve(empty + ".svg")), empty + " has nothing to draw");
    }
    assertTrue(
        cli.out().contains("(2 chart files; no file for loss-histogram, exceedance-loss,"),
        cli.out());
    assertTrue(cli.out().contains(": nothing to draw, every value is 0)"), cli.out());
  }

  @Test
  void charts_withNothingToDraw_removeTheFilesAnEarlierRunWroteInTheFolder(@TempDir Path dir)
      throws Exception {
    Cli first = runWithSvgCharts(EXAMPLE, dir);
    assertEquals(0, first.code(), first.err());
    Path charts = dir.resolve("charts");
    assertTrue(Files.exists(charts.resolve("loss-histogram.svg")), "the example has losses");
    Files.writeString(charts.resolve("loss-histogram.png"), "the user's own file");
    Cli second = runWithSvgCharts(zeroLoss(), dir);
    assertEquals(0, second.code(), second.err());
    assertFalse(
        Files.exists(charts.resolve("loss-histogram.svg")),
        "the earlier run's histogram would not match this report");
    assertFalse(
        Files.readString(dir.resolve(OutputDirectory.MARKER)).contains("loss-histogram.svg"));
    assertTrue(Files.exists(charts.resolve("loss-histogram.png")), "a file we did not write stays");
  }

  @Test
  void charts_unknownFormat_isAUserError(@TempDir Path dir) {
    Cli cli =
        Cli.run(
            "run",
            EXAMPLE.toString(),
            "--trials",
            "10",
            "--charts",
            "svg,gif",
            "--out",
            dir.toString());
    assertEquals(2, cli.code());
    assertTrue(cli.err().contains("unknown chart format 'gif' (known: svg, png)"), cli.err());
  }

  /** {@code run SCENARIO --trials 100 --threads 1 --quiet --charts svg --out DIR}. */
  private static Cli runWithSvgCharts(Path scenario, Path dir) {
    return Cli.run(
        "run",
        scenario.toString(),
        "--trials",
        "100",
        "--threads",
        "1",
        "--quiet",
        "--charts",
        "svg",
        "--out",
        dir.toString());
  }

  /** A scenario in which no trial has any loss. */
  private static Path zeroLoss() throws java.net.URISyntaxException {
    return Path.of(RunChartsOptionTest.class.getResource("/report/zero-loss.yaml").toURI());
  }
}
