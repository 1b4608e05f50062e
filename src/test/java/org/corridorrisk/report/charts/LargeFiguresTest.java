package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.report.charts.Charts.Point;
import org.corridorrisk.report.charts.NetworkMap.MapLink;
import org.corridorrisk.report.charts.NetworkMap.MapNode;
import org.junit.jupiter.api.Test;

/** Charts of large networks stay small: bulk-drawn network maps, thinned scatters. */
class LargeFiguresTest {

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A grid of side x side nodes (sources on the left column), links right and down. */
  private static Figure grid(int side, boolean located) {
    List<MapNode> nodes = new ArrayList<>();
    List<MapLink> links = new ArrayList<>();
    for (int r = 0; r < side; r++) {
      for (int c = 0; c < side; c++) {
        String id = "n" + r + "-" + c;
        String kind = c == 0 ? "source" : "sink";
        nodes.add(
            new MapNode(
                id,
                kind,
                located ? 40 + r * 0.01 : Double.NaN,
                located ? 30 + c * 0.01 : Double.NaN,
                kind.equals("sink") ? (r * side + c) % 7 / 10.0 : Double.NaN,
                r < 3 && c < 3));
        if (c + 1 < side) {
          links.add(new MapLink("h" + r + "-" + c, id, "n" + r + "-" + (c + 1), (r + c) % 5 / 4.0));
        }
        if (r + 1 < side) {
          links.add(new MapLink("v" + r + "-" + c, id, "n" + (r + 1) + "-" + c, Double.NaN));
        }
      }
    }
    return NetworkMap.of(
        "map", "Network", "guide", nodes, links, "link value", 1, "node value", 1, true);
  }

  @Test
  void networkMapOfThousandsOfAssets_drawsOnePathPerColourStepAndStaysSmall() {
    for (boolean located : new boolean[] {true, false}) {
      String svg = grid(60, located).svg(); // 3,600 nodes, 7,080 links
      assertTrue(svg.length() < 700_000, "svg of " + svg.length() + " characters");
      assertTrue(
          count(svg, "<path") < 120, "bulk paths expected, got " + count(svg, "<path") + " paths");
      assertTrue(
          count(svg, "<line") < 200,
          "links are not drawn one by one (axes and grid only): " + count(svg, "<line") + " lines");
      assertTrue(svg.contains(">n0-0<"), "a labelled node keeps its label");
    }
  }

  @Test
  void networkMapOfAFewAssets_drawsEachLinkOnItsOwn() {
    String svg = grid(5, true).svg(); // 25 nodes, 40 links
    assertTrue(count(svg, "<line") >= 40, "one line per link, got " + count(svg, "<line"));
  }

  @Test
  void step_mapsValuesOntoTheColourSteps() {
    assertEquals(-1, NetworkMap.step(Double.NaN, 1));
    assertEquals(0, NetworkMap.step(-3, 1));
    assertEquals(NetworkMap.BULK_STEPS - 1, NetworkMap.step(1, 1));
    assertEquals(NetworkMap.BULK_STEPS - 1, NetworkMap.step(7, 1));
  }

  @Test
  void thin_dropsPointsOnAnAlreadyDrawnCellButKeepsLabelsAndOtherGroups() {
    List<Point> points = new ArrayList<>();
    points.add(new Point("a", "link", 0.5, 10, false));
    points.add(new Point("b", "link", 0.5, 10, false)); // same place, same group: dropped
    points.add(new Point("c", "node", 0.5, 10, false)); // other group: kept
    points.add(new Point("d", "link", 0.5, 10, true)); // labelled: kept
    points.add(new Point("e", "link", 0.0, 0, false));
    points.add(new Point("f", "link", 1.0, 20, false));
    List<String> kept = Charts.thin(points, false, false).stream().map(Point::label).toList();
    assertEquals(List.of("a", "c", "d", "e", "f"), kept);
  }

  @Test
  void exceedanceOfOneDistinctValueOnALogAxis_renders() {
    // a one-trial run: every loss is the same positive number; the log axis used to throw
    Figure f =
        Charts.exceedance(
            "one",
            "Loss",
            "guide",
            List.of(new Charts.Series("loss", new double[] {9.6e8})),
            "loss",
            "probability",
            true,
            false,
            200);
    assertTrue(f.svg().contains("<svg"));
  }
}
