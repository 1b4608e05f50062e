package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.report.charts.Charts.Band;
import org.corridorrisk.report.charts.Charts.Bar;
import org.corridorrisk.report.charts.Charts.Point;
import org.corridorrisk.report.charts.Charts.Series;
import org.corridorrisk.report.charts.Charts.TornadoBar;
import org.corridorrisk.report.charts.NetworkMap.MapLink;
import org.corridorrisk.report.charts.NetworkMap.MapNode;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
  private static final UniformRandomProvider RNG = RandomSource.L64_X128_MIX.create(42L);

  private static double[] lossSample(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] =
          RNG.nextDouble() < 0.7 ? 0 : Math.exp(14 + 2 * RNG.nextDouble() * RNG.nextDouble() * 3);
    }
    return v;
  }

  static List<Figure> everyKind() {
    double[] loss = lossSample(5000);
    double[] days = new double[90];
    double[] mid = new double[90];
    double[] lo = new double[90];
    double[] hi = new double[90];
    for (int d = 0; d < 90; d++) {
      days[d] = d;
      mid[d] = 1 - 0.1 * Math.sin(d / 20.0);
      lo[d] = mid[d] - 0.2;
      hi[d] = Math.min(1, mid[d] + 0.05);
    }
    List<Figure> figures = new ArrayList<>();
    figures.add(
        Charts.histogram(
            "hist",
            "Economic loss",
            "Bars show shares of trials.",
            loss,
            "economic loss (USD)",
            true,
            40));
    figures.add(
        Charts.exceedance(
            "exc",
            "Exceedance",
            "Read across.",
            List.of(new Series("economic", loss), new Series("direct", lossSample(5000))),
            "loss (USD)",
            "probability of reaching x",
            true,
            true,
            500));
    figures.add(
        Charts.bands(
            "band",
            "Resilience",
            "Band is 5-95%.",
            List.of(new Band("gas", days, mid, lo, hi)),
            "day",
            "share of demand served",
            new Range(0, 1.02),
            true));
    figures.add(
        Charts.horizontalBars(
            "bars",
            "Unserved by sink",
            "Longer is worse.",
            List.of(
                new Bar("tr-households", "priority 1", 120, 100, 140),
                Bar.of("ge-industry", "priority 2", 300)),
            "mean unserved volume (mcm)",
            false));
    figures.add(
        Charts.tornado(
            "tornado",
            "Drivers",
            "Wider is more influential.",
            List.of(new TornadoBar("scp", 1e6, 5e7), new TornadoBar("tap", 2e6, 3e7)),
            4e6,
            "economic loss (USD)",
            "asset intact",
            "asset disabled"));
    figures.add(
        Charts.scatter(
            "scatter",
            "Frequency and severity",
            "Upper right matters most.",
            List.of(
                new Point("scp", "pipeline", 0.2, 4e7, true),
                new Point("tap", "pipeline", 0.05, 2e7, true),
                new Point("x", "node", 0.01, 1e6, false)),
            "share of trials disabled",
            "mean loss (USD)",
            false,
            true));
    figures.add(
        NetworkMap.of(
            "map",
            "Network",
            "Dark links were out longest.",
            List.of(
                new MapNode("a", "source", 40.2, 49.5, Double.NaN, true),
                new MapNode("b", "junction", 41.7, 44.8, Double.NaN, true),
                new MapNode("c", "sink", 41.0, 28.9, 0.12, true)),
            List.of(new MapLink("ab", "a", "b", 3.2), new MapLink("bc", "b", "c", 8.0)),
            "mean outage days",
            8,
            "mean unserved share",
            0.2,
            true));
    figures.add(
        NetworkMap.of(
            "schematic",
            "Network (schematic)",
            "No coordinates.",
            List.of(
                new MapNode("a", "source", Double.NaN, Double.NaN, Double.NaN, true),
                new MapNode("b", "junction", Double.NaN, Double.NaN, Double.NaN, true),
                new MapNode("c", "sink", Double.NaN, Double.NaN, 0.5, true),
                new MapNode("d", "sink", Double.NaN, Double.NaN, 0.0, true)),
            List.of(
                new MapLink("ab", "a", "b", 1),
                new MapLink("bc", "b", "c", 2),
                new MapLink("bd", "b", "d", 0)),
            "mean outage days",
            2,
            "mean unserved share",
            1,
            true));
    return figures;
  }

  @Test
  void everyChartKind_rendersAnSvgWithItsTitleAndPrefixedIds() {
    for (Figure f : everyKind()) {
      String svg = f.svg();
      assertTrue(svg.startsWith("<svg "), f.id());
      assertTrue(svg.contains("viewBox='0 0 " + f.widthPx() + " " + f.heightPx() + "'"), f.id());
      assertTrue(svg.contains(f.title()), f.id() + " lacks its title");
      Matcher ids = Pattern.compile(" id=\"([^\"]+)\"").matcher(svg);
      while (ids.find()) {
        String id = ids.group(1);
        assertTrue(
            id.startsWith("f-" + f.id() + "-") || id.equals("svg-" + f.id()),
            "id " + id + " of figure " + f.id() + " could clash with another figure on the page");
      }
    }
  }

  @Test
  void chartText_usesTheBundledFontFamily() {
    assertEquals("DejaVu Sans", ChartStyle.FONT_FAMILY);
    assertTrue(everyKind().get(0).svg().contains("DejaVu Sans"));
  }

  @Test
  void exceedancePoints_areThinnedButKeepTheTailExactly() {
    double[] v = new double[100_000];
    for (int i = 0; i < v.length; i++) {
      v[i] = i + 1;
    }
    double[][] pts = Charts.exceedancePoints(v, 500, false);
    assertTrue(pts[0].length <= 500, "kept " + pts[0].length);
    int last = pts[0].length - 1;
    assertEquals(100_000, pts[0][last]);
    assertEquals(1e-5, pts[1][last], 1e-15);
    assertEquals(99_999, pts[0][last - 1]);
    assertEquals(2e-5, pts[1][last - 1], 1e-15);
    assertEquals(1, pts[0][0]);
    assertEquals(1.0, pts[1][0]);
  }

  @Test
  void exceedancePoints_withTies_giveTheShareAtOrAbove() {
    double[][] pts = Charts.exceedancePoints(new double[] {0, 0, 0, 5, 5, 9}, 500, true);
    assertEquals(2, pts[0].length);
    assertEquals(5, pts[0][0]);
    assertEquals(3.0 / 6, pts[1][0], 1e-15);
    assertEquals(9, pts[0][1]);
    assertEquals(1.0 / 6, pts[1][1], 1e-15);
  }

  @Test
  void schematic_placesNodesInColumnsByHopsFromSources() {
    var xy =
        NetworkMap.schematic(
            List.of(
                new MapNode("s", "source", Double.NaN, Double.NaN, Double.NaN, false),
                new MapNode("j", "junction", Double.NaN, Double.NaN, Double.NaN, false),
                new MapNode("k", "sink", Double.NaN, Double.NaN, Double.NaN, false),
                new MapNode("lonely", "sink", Double.NaN, Double.NaN, Double.NaN, false)),
            List.of(new MapLink("l1", "s", "j", 0), new MapLink("l2", "k", "j", 0)));
    assertEquals(0, xy.get("s")[0]);
    assertEquals(1, xy.get("j")[0]);
    assertEquals(2, xy.get("k")[0]);
    assertEquals(3, xy.get("lonely")[0]);
  }

  @Test
  void numberText_isCompactAndLocaleIndependent() {
    assertEquals("12.3M", NumberText.compact(12_345_678));
    assertEquals("1k", NumberText.compact(999.9));
    assertEquals("0.0123", NumberText.compact(0.012345));
    assertEquals("-4.5bn", NumberText.compact(-4.5e9));
    assertEquals("12.3%", NumberText.percent(0.12345));
    assertEquals("<0.01%", NumberText.percent(1e-6));
    assertEquals("USD 0", NumberText.money("USD", 0));
    assertEquals("1e-6", NumberText.compact(1e-6));
    assertEquals("2.5e-5", NumberText.compact(2.5e-5));
  }

  @Test
  void htmlPage_escapesTextAndHasAPrintStylesheet(@TempDir Path dir) throws Exception {
    HtmlPage page = new HtmlPage("a <b> & \"c\"");
    page.header("x<y", "sub", new java.util.LinkedHashMap<>(java.util.Map.of("k", "v&w")));
    page.section("s", "S").paragraph("<script>alert(1)</script>").figure(everyKind().get(0));
    page.table(
        new HtmlPage.Table("cap", "metric", "mean")
            .row(
                HtmlPage.Cell.text("m<"),
                HtmlPage.Cell.number("1.2M", 1_234_567.0, java.util.Map.of("stat", "mean"))));
    Path file = dir.resolve("p.html");
    page.write(file);
    String html = Files.readString(file);
    assertFalse(html.contains("<script>"));
    assertTrue(html.contains("&lt;script&gt;"));
    assertTrue(html.contains("<title>a &lt;b&gt; &amp; &quot;c&quot;</title>"));
    assertTrue(html.contains("data-stat=\"mean\" data-value=\"1234567.0\""));
    assertTrue(html.contains("@page { size: A4"));
  }

  @Test
  void writePng_fitsTheRequestedBox(@TempDir Path dir) throws Exception {
    Figure f = everyKind().get(2);
    Path png = dir.resolve("band.png");
    f.writePng(png, 1600, 1000);
    var image = javax.imageio.ImageIO.read(png.toFile());
    assertTrue(image.getWidth() <= 1600 && image.getHeight() <= 1000);
    assertTrue(image.getWidth() == 1600 || image.getHeight() == 1000);
  }

  /** Writes a demo page of every chart kind to target/ for looking at (not an assertion). */
  @Test
  void demoPage_isWritten() throws Exception {
    HtmlPage page = new HtmlPage("Chart gallery");
    page.header("Chart gallery", "every chart kind", null);
    for (Figure f : everyKind()) {
      page.section(f.id(), f.title()).figure(f);
    }
    Path out = Path.of("target", "chart-gallery.html");
    Files.createDirectories(out.getParent());
    page.write(out);
    assertTrue(Files.size(out) > 1000);
  }

  @Test
  void mapLabels_thatWouldOverlap_keepTheSourceAndTheWorstSink() {
    List<MapNode> nodes =
        List.of(
            new MapNode("sink-mild", "sink", 41.0, 29.0, 0.01, true),
            new MapNode("sink-bad", "sink", 41.0, 29.01, 0.30, true),
            new MapNode("junction", "junction", 41.01, 29.0, Double.NaN, true),
            new MapNode("source", "source", 40.0, 49.0, Double.NaN, true));
    var xy = new java.util.HashMap<String, double[]>();
    nodes.forEach(n -> xy.put(n.id(), new double[] {n.lon(), n.lat()}));
    List<String> kept =
        NetworkMap.placeLabels(nodes, xy, 28, 50, 35, 45, 700, 400, true).stream()
            .map(l -> l.node().id())
            .toList();
    assertEquals(List.of("source", "sink-bad"), kept);
  }
}
