package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.corridorrisk.report.charts.NetworkMap.Label;
import org.corridorrisk.report.charts.NetworkMap.MapLink;
import org.corridorrisk.report.charts.NetworkMap.MapNode;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** The network map on its base map: extent, projection, styles per commodity, hover, labels. */
class NetworkMapTest {

  /** Baku (source) to Tbilisi (junction) to Istanbul (sink), gas, plus a power line. */
  private static Figure corridor() {
    return NetworkMap.of(
        "map",
        "Network",
        "guide",
        List.of(
            new MapNode("baku", "source", 40.4, 49.9, Double.NaN, true),
            new MapNode("tbilisi", "junction", 41.7, 44.8, Double.NaN, true),
            new MapNode("istanbul", "sink", 41.0, 28.9, 0.1, true),
            new MapNode("plant", "source", 41.5, 45.0, Double.NaN, true)),
        List.of(
            new MapLink("scp", "baku", "tbilisi", 3, "gas"),
            new MapLink("tanap", "tbilisi", "istanbul", 1, "gas"),
            new MapLink("line-500kv", "plant", "tbilisi", 0, "power")),
        "mean outage days",
        8,
        "mean unserved share",
        0.2,
        true);
  }

  private static int points(java.awt.Shape s) {
    int n = 0;
    for (PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
      n++;
    }
    return n;
  }

  @Test
  void baseMap_landNearIstanbul_noneInTheOpenAtlantic() {
    BaseMap.Layers bosporus = BaseMap.get().cut(28, 40, 30, 42, 0, 0);
    assertTrue(points(bosporus.land()) > 20, "coast around the Bosporus");
    // the Bosporus at 29.0E 41.1N is water between two shores; 29.5E 40.5N is Anatolia
    assertTrue(bosporus.land().contains(29.5, 40.5), "Anatolia is land");
    assertFalse(bosporus.land().contains(28.5, 42.5), "off the box");
    BaseMap.Layers atlantic = BaseMap.get().cut(-40, 30, -35, 35, 0, 0);
    assertEquals(0, points(atlantic.land()));
    assertEquals(0, points(atlantic.borders()));
  }

  @Test
  void baseMap_cut_keepsEveryPointInsideTheBox_andThinning_dropsPoints() {
    BaseMap.Layers all = BaseMap.get().cut(5, 45, 15, 55, 0, 0);
    Rectangle2D box = new Rectangle2D.Double(5, 45, 10, 10);
    double[] c = new double[6];
    for (PathIterator it = all.land().getPathIterator(null); !it.isDone(); it.next()) {
      if (it.currentSegment(c) != PathIterator.SEG_CLOSE) {
        assertTrue(box.contains(c[0], c[1]) || onEdge(box, c[0], c[1]), c[0] + " " + c[1]);
      }
    }
    assertTrue(points(all.borders()) > 50, "borders of central Europe");
    BaseMap.Layers thin = BaseMap.get().cut(5, 45, 15, 55, 0.2, 0.2);
    assertTrue(thin.points() < all.points() / 2, thin.points() + " of " + all.points());
  }

  private static boolean onEdge(Rectangle2D b, double x, double y) {
    double e = 1e-9;
    return x >= b.getMinX() - e
        && x <= b.getMaxX() + e
        && y >= b.getMinY() - e
        && y <= b.getMaxY() + e;
  }

  @Test
  void clipPolygon_ringAroundTheBox_becomesTheBox() {
    double[][] ring = {{-10, 10, 10, -10}, {-10, -10, 10, 10}};
    double[][] clipped = BaseMap.clipPolygon(ring, new double[] {0, 0, 1, 1});
    assertEquals(4, clipped[0].length);
    for (int i = 0; i < 4; i++) {
      assertTrue(clipped[0][i] == 0 || clipped[0][i] == 1);
      assertTrue(clipped[1][i] == 0 || clipped[1][i] == 1);
    }
  }

  @Test
  void clipSegment_crossingTheBox_isCutAtItsEdges() {
    // y = x from (-1,-1) to (3,3) through the unit square: (0,0)-(1,1)
    assertArrayEquals(
        new double[] {0, 0, 1, 1},
        BaseMap.clipSegment(-1, -1, 3, 3, new double[] {0, 0, 1, 1}),
        1e-12);
    assertNull(BaseMap.clipSegment(2, 2, 3, 3, new double[] {0, 0, 1, 1}));
  }

  @Test
  void geographicMap_axesSpanTheNetworkPlusAMargin_withEqualAspect() {
    Figure f = corridor();
    var plot = f.chart().getXYPlot();
    Range lon = plot.getDomainAxis().getRange();
    Range lat = plot.getRangeAxis().getRange();
    // network: 28.9..49.9 E, 40.4..41.7 N. It is flat, so only latitude may get extra room.
    assertTrue(lon.getLowerBound() < 28.9 && lon.getLowerBound() > 28.9 - 2.5, lon.toString());
    assertTrue(lon.getUpperBound() > 49.9 && lon.getUpperBound() < 49.9 + 2.5, lon.toString());
    assertTrue(lat.getLowerBound() < 40.4 && lat.getUpperBound() > 41.7, lat.toString());
    // equal aspect: px per degree of latitude = px per degree of longitude / cos(mid-latitude)
    var area = new java.awt.image.BufferedImage(1, 1, 1).createGraphics();
    var info = new org.jfree.chart.ChartRenderingInfo(null);
    f.chart().draw(area, new Rectangle2D.Double(0, 0, f.widthPx(), f.heightPx()), null, info);
    Rectangle2D data = info.getPlotInfo().getDataArea();
    double pxPerLon = data.getWidth() / lon.getLength();
    double pxPerLat = data.getHeight() / lat.getLength();
    double cos = Math.cos(Math.toRadians(lat.getCentralValue()));
    assertEquals(pxPerLon / cos, pxPerLat, 0.03 * pxPerLat);
  }

  @Test
  void geographicMap_svg_hasBaseMapHoverTitlesAndOneLineStylePerCommodity() {
    String svg = corridor().svg();
    assertTrue(svg.contains("Natural Earth"), "attribution");
    assertTrue(
        svg.contains("<title>scp (gas): baku \u2192 tbilisi; mean outage days: 3</title>"), svg);
    assertTrue(svg.contains("<title>line-500kv (power)"), "power link has its title");
    assertTrue(
        svg.contains("<title>istanbul (sink); mean unserved share: 10%</title>"), "node title");
    assertTrue(svg.contains(">gas link<") && svg.contains(">power link<"), "legend per commodity");
    assertTrue(svg.contains("stroke-dasharray"), "the second commodity is dashed");
    assertTrue(svg.length() < 200_000, "svg of " + svg.length() + " characters");
  }

  @Test
  void schematicMap_hasNoBaseMap() {
    String svg =
        NetworkMap.of(
                "s",
                "t",
                "g",
                List.of(
                    new MapNode("a", "source", Double.NaN, Double.NaN, Double.NaN, true),
                    new MapNode("b", "sink", 41, 29, 0.5, true)),
                List.of(new MapLink("ab", "a", "b", 1)),
                "v",
                1,
                "w",
                1,
                true)
            .svg();
    assertFalse(svg.contains("Natural Earth"));
    assertTrue(svg.contains("<title>ab: a \u2192 b"), "hover title without commodity");
  }

  @Test
  void placeLabels_randomCrowd_noTwoLabelsOverlapAndAllInsideThePlot() {
    SplittableRandom random = new SplittableRandom(7);
    List<MapNode> nodes = new ArrayList<>();
    Map<String, double[]> xy = new HashMap<>();
    for (int i = 0; i < 300; i++) {
      MapNode n =
          new MapNode(
              "node-" + i,
              i % 10 == 0 ? "source" : "sink",
              random.nextDouble(40, 42),
              random.nextDouble(28, 50),
              random.nextDouble(),
              true);
      nodes.add(n);
      xy.put(n.id(), new double[] {n.lon(), n.lat()});
    }
    List<Label> labels = NetworkMap.placeLabels(nodes, xy, 27, 51, 39, 43, 740, 300, true);
    assertTrue(labels.size() > 20, "some labels fit: " + labels.size());
    Rectangle2D plot = new Rectangle2D.Double(0, 0, 740, 300);
    for (int i = 0; i < labels.size(); i++) {
      assertTrue(plot.contains(labels.get(i).box()), labels.get(i).toString());
      for (int j = i + 1; j < labels.size(); j++) {
        assertFalse(
            labels.get(i).box().intersects(labels.get(j).box()),
            labels.get(i).node().id() + " overlaps " + labels.get(j).node().id());
      }
    }
    // sources first: every source that got no label was blocked by another source's label
    assertEquals("source", labels.get(0).node().kind());
  }
}
