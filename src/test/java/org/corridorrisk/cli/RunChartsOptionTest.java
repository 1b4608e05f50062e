package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --charts svg,png} and {@code --quiet} through the command line. */
class RunChartsOptionTest {
  static final Path EXAMPLE = Path.of("scenarios", "southern-gas-corridor.yaml");

  static int run(StringWriter out, StringWriter err, String... args) {
    return Main.execute(args, new PrintWriter(out), new PrintWriter(err));
  }

  @Test
  void charts_svgAndPng_writesEveryReportChartInBothFormats(@TempDir Path dir) throws Exception {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        run(
            out,
            err,
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
    assertEquals(0, code, err.toString());
    assertEquals("", err.toString(), "--quiet run wrote to stderr");
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
    assertTrue(out.toString().contains("report.html"));
  }

  @Test
  void charts_unknownFormat_isAUserError(@TempDir Path dir) {
    StringWriter err = new StringWriter();
    int code =
        run(
            new StringWriter(),
            err,
            "run",
            EXAMPLE.toString(),
            "--trials",
            "10",
            "--charts",
            "svg,gif",
            "--out",
            dir.toString());
    assertEquals(2, code);
    assertTrue(
        err.toString().contains("unknown chart format 'gif' (known: svg, png)"), err.toString());
  }
}
