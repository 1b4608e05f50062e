package org.corridorrisk.report.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the exercise page shows in headless Chromium (skipped without {@code /usr/bin/chromium}):
 * running totals without floating-point residue, units on the decisions table, a legend that is not
 * cut off, map labels that do not overlap.
 */
class ExercisePageLayoutTest {
  @BeforeEach
  void needsChromium() {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(ExerciseBrowserTest.CHROMIUM), "chromium not installed");
  }

  static Path decisions() throws Exception {
    return Path.of(ExercisePageLayoutTest.class.getResource("/exercise/decisions.yaml").toURI());
  }

  @Test
  void soFar_ignoresFlowSolverResidue_likeTheDaysList(@TempDir Path dir) throws Exception {
    Path html = ExerciseBrowserTest.page(dir, decisions(), 40, 0, null);
    // the lowest-loss trial, with a residue of 1e-13 of a unit unserved at "homes" on day 0 (the
    // engine's flow solution leaves such values in days without a real shortfall)
    String page = Files.readString(html);
    String data =
        ExercisePageTextTest.embeddedData(page)
            .replace("\\u003c", "<")
            .replace("\\u003e", ">")
            .replace("\\u0026", "&");
    ObjectNode all = (ObjectNode) new ObjectMapper().readTree(data);
    ObjectNode tree = (ObjectNode) all.get("exercise");
    ObjectNode day0 = (ObjectNode) tree.get("days").get(0);
    assertEquals(0.0, day0.path("unserved").path("homes").asDouble(), 1e-9, "day 0 is quiet");
    ((ObjectNode) day0.get("unserved")).put("homes", 1e-13);
    Scenario s = ScenarioLoader.load(decisions()).baseline();
    Path patched = dir.resolve("patched.html");
    ExercisePage.write(s, tree, List.of(), patched);

    ExerciseBrowserTest.Rendered r = ExerciseBrowserTest.dump(dir, patched, "#day=0");
    ExerciseBrowserTest.assertClean(r);
    String soFar = ExerciseBrowserTest.element(r.dom(), "sofar");
    assertFalse(soFar.contains("e-"), "no residue in scientific notation: " + soFar);
    assertTrue(soFar.startsWith("<span class=\"kpi\"><b>0</b> person-days"), soFar);
    assertTrue(soFar.contains("<b>USD 0</b> value of lost load"), soFar);
    assertTrue(
        ExerciseBrowserTest.element(r.dom(), "short").contains("fully served"),
        "the day's list says everyone is served");
  }

  @Test
  void decisionsTable_namesCurrencyAndShares_andItsLegendFitsTheDrawing(@TempDir Path dir)
      throws Exception {
    Path html = ExerciseBrowserTest.page(dir, decisions(), 100, 95, "faster-repair");
    ExerciseBrowserTest.Rendered r = ExerciseBrowserTest.dump(dir, html, "#day=0");
    ExerciseBrowserTest.assertClean(r);
    String table = ExerciseBrowserTest.element(r.dom(), "branches");
    for (String money :
        List.of("direct_loss", "indirect_loss", "rerouting_cost", "economic_loss")) {
      assertTrue(
          Pattern.compile("<td>" + money + "</td><td class=\"num\">USD ").matcher(table).find(),
          money + " with its currency: " + table);
    }
    assertTrue(
        Pattern.compile("<td>unserved_fraction</td><td class=\"num\">[0-9.<]+%</td>")
            .matcher(table)
            .find(),
        "unserved_fraction in percent: " + table);
    assertTrue(
        Pattern.compile("<td>unserved_volume.gas</td><td class=\"num\">[0-9.kMbn]+ mcm</td>")
            .matcher(table)
            .find(),
        "volume with its unit: " + table);

    Matcher svg =
        Pattern.compile("<svg id=\"branch-chart\" viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(r.dom());
    assertTrue(svg.find(), "branch chart");
    double width = Double.parseDouble(svg.group(1));
    String chart = ExerciseBrowserTest.element(r.dom(), "branch-chart");
    Matcher entry = Pattern.compile("<text x=\"([0-9.]+)\"[^>]*>([^<]*)</text>").matcher(chart);
    int entries = 0;
    while (entry.find()) {
      String text = entry.group(2);
      if (!text.endsWith(": gas") && !text.endsWith(": power")) {
        continue; // axis labels
      }
      entries++;
      double right = Double.parseDouble(entry.group(1)) + 5.0 * text.length();
      assertTrue(right <= width, "legend entry '" + text + "' ends at " + right + " > " + width);
    }
    assertEquals(4, entries, "baseline and the branch, two commodities each: " + chart);
    assertTrue(chart.contains(">faster-repair (day 3): gas<"), "full names in the legend");
  }

  @Test
  void subtitle_saysOneDay_forAOneDayHorizon(@TempDir Path dir) throws Exception {
    String yaml = Files.readString(decisions()).replace("horizon_days: 60", "horizon_days: 1");
    yaml = yaml.replace("start_day: 10", "start_day: 0");
    Path file = dir.resolve("one-day.yaml");
    Files.writeString(file, yaml);
    Path html = ExerciseBrowserTest.page(dir, file, 10, 50, null);
    ExerciseBrowserTest.Rendered r = ExerciseBrowserTest.dump(dir, html, "#day=0");
    ExerciseBrowserTest.assertClean(r);
    Matcher subtitle = Pattern.compile("id=\"subtitle\"[^>]*>([^<]*)</p>").matcher(r.dom());
    assertTrue(subtitle.find(), "the subtitle");
    assertTrue(subtitle.group(1).contains("); 1 day from "), subtitle.group(1));
  }

  @Test
  void networkWithoutLocations_isDrawnAsTheReportsSchematic_notInOneRow(@TempDir Path dir)
      throws Exception {
    // no node of this example has a location: before, the page put every node in one row
    Path html = ExerciseBrowserTest.page(dir, decisions(), 20, 50, null);
    ExerciseBrowserTest.Rendered r = ExerciseBrowserTest.dump(dir, html, "#day=0");
    ExerciseBrowserTest.assertClean(r);
    String map = ExerciseBrowserTest.element(r.dom(), "map");
    java.util.Map<String, double[]> drawn = new java.util.HashMap<>();
    Matcher circle =
        Pattern.compile("<circle cx=\"([-0-9.]+)\" cy=\"([-0-9.]+)\"[^>]*data-id=\"([^\"]+)\"")
            .matcher(map);
    while (circle.find()) {
      drawn.put(
          circle.group(3),
          new double[] {Double.parseDouble(circle.group(1)), Double.parseDouble(circle.group(2))});
    }
    Matcher rect =
        Pattern.compile(
                "<rect x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" width=\"12\"[^>]*data-id=\"([^\"]+)\"")
            .matcher(map);
    while (rect.find()) {
      drawn.put(
          rect.group(3),
          new double[] {
            Double.parseDouble(rect.group(1)) + 6, Double.parseDouble(rect.group(2)) + 6
          });
    }
    Scenario s = ScenarioLoader.load(decisions()).baseline();
    assertEquals(s.nodes().size(), drawn.size(), "every node drawn: " + drawn.keySet());
    // the same columns as the report's schematic, sources and storage first, sinks last
    var layout = ExercisePage.network(s).get("nodes");
    java.util.Map<String, double[]> schematic = new java.util.HashMap<>();
    layout.forEach(
        n ->
            schematic.put(
                n.get("id").asText(),
                new double[] {
                  n.get("schematic").get(0).asDouble(), n.get("schematic").get(1).asDouble()
                }));
    assertEquals(0.0, schematic.get("src")[0]);
    assertEquals(1.0, schematic.get("hub")[0]);
    assertEquals(2.0, schematic.get("homes")[0]);
    java.util.Set<Double> heights = new java.util.HashSet<>();
    for (String a : drawn.keySet()) {
      double[] p = drawn.get(a);
      assertTrue(p[0] > 0 && p[0] < 640 && p[1] > 0 && p[1] < 420, a + " inside the drawing");
      heights.add(p[1]);
      for (String b : drawn.keySet()) {
        double ca = schematic.get(a)[0];
        double cb = schematic.get(b)[0];
        if (ca < cb) {
          assertTrue(drawn.get(a)[0] < drawn.get(b)[0], a + " left of " + b);
        } else if (ca == cb) {
          assertEquals(drawn.get(a)[0], drawn.get(b)[0], 0.05, a + " in the column of " + b);
          assertEquals(
              schematic.get(a)[1] > schematic.get(b)[1],
              drawn.get(a)[1] < drawn.get(b)[1],
              a + " above " + b + " as in the report");
        }
      }
    }
    assertTrue(heights.size() >= 3, "not one row: " + heights);
  }

  record Box(String text, Rectangle2D box) {}

  static List<Box> mapLabels(String dom) {
    String map = ExerciseBrowserTest.element(dom, "map");
    Matcher m =
        Pattern.compile(
                "<text x=\"([-0-9.]+)\" y=\"([-0-9.]+)\" text-anchor=\"(start|end|middle)\"[^>]*>([^<]*)")
            .matcher(map);
    List<Box> boxes = new ArrayList<>();
    while (m.find()) {
      double x = Double.parseDouble(m.group(1));
      double y = Double.parseDouble(m.group(2));
      String text = m.group(4);
      double w = 5.0 * text.length(); // DejaVu Sans at 9 px: a little over 5 px a character
      double left = m.group(3).equals("start") ? x : m.group(3).equals("end") ? x - w : x - w / 2;
      boxes.add(new Box(text, new Rectangle2D.Double(left, y - 8, w, 9)));
    }
    return boxes;
  }

  @Test
  void mapLabels_doNotOverlapOneAnother_andStayInTheDrawing(@TempDir Path dir) throws Exception {
    // the example's sinks sit in pairs on one spot (households and power plants of a country)
    Path html =
        ExerciseBrowserTest.page(
            dir, Path.of("scenarios", "southern-gas-corridor.yaml"), 50, 50, null);
    ExerciseBrowserTest.Rendered r = ExerciseBrowserTest.dump(dir, html, "#day=0");
    ExerciseBrowserTest.assertClean(r);
    List<Box> labels = mapLabels(r.dom());
    assertTrue(labels.size() >= 6, "most places keep a label: " + labels.size());
    for (int i = 0; i < labels.size(); i++) {
      Rectangle2D a = labels.get(i).box();
      assertTrue(
          a.getMinX() >= 0 && a.getMaxX() <= 640 && a.getMinY() >= 0 && a.getMaxY() <= 420,
          labels.get(i).text() + " inside the 640 x 420 drawing: " + a);
      for (int j = i + 1; j < labels.size(); j++) {
        assertFalse(
            a.intersects(labels.get(j).box()),
            labels.get(i).text() + " overlaps " + labels.get(j).text());
      }
    }
  }
}
