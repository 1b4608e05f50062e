package org.corridorrisk.report.charts;

import java.awt.Color;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * A map of a network: links coloured by one value (e.g. mean outage days), nodes by another (e.g.
 * unserved share), shapes by node kind.
 *
 * <p>Placement: when every node has a location, an equirectangular projection (longitude right,
 * latitude up, the x range stretched by 1/cos(mean latitude) so distances look right); otherwise a
 * schematic: nodes in columns by hop distance (ignoring direction) from the nearest source or
 * storage, spread evenly within a column in input order. Labels are drawn for nodes marked {@link
 * MapNode#labelled()} only, so large imported networks stay readable.
 *
 * <p>Colour scales are sequential with monotone lightness (readable with colour-vision deficiencies
 * and in grey print): blues for links, yellow-orange-brown for nodes; grey means "no value" (e.g. a
 * junction has no unserved share).
 */
public final class NetworkMap {
  private NetworkMap() {}

  /**
   * A node to draw.
   *
   * @param kind "source", "sink", "storage" or "junction" (anything else is drawn as a junction)
   * @param lat latitude in degrees, {@code NaN} when unknown
   * @param lon longitude in degrees, {@code NaN} when unknown
   * @param value colour value, {@code NaN} for none (grey)
   */
  public record MapNode(
      String id, String kind, double lat, double lon, double value, boolean labelled) {
    boolean located() {
      return Double.isFinite(lat) && Double.isFinite(lon);
    }
  }

  /**
   * A link to draw.
   *
   * @param value colour value, {@code NaN} for none (grey)
   */
  public record MapLink(String id, String from, String to, double value) {}

  private static final Color[] LINK_SCALE = {
    new Color(0xC6, 0xDB, 0xEF),
    new Color(0x56, 0xB4, 0xE9),
    new Color(0x00, 0x72, 0xB2),
    new Color(0x08, 0x30, 0x6B)
  };
  private static final Color[] NODE_SCALE = {
    new Color(0xFF, 0xF7, 0xBC),
    new Color(0xE6, 0x9F, 0x00),
    new Color(0xD5, 0x5E, 0x00),
    new Color(0x7F, 0x27, 0x04)
  };
  private static final String[] KINDS = {"source", "sink", "storage", "junction"};

  /**
   * Above this many nodes or {@link #LARGE_MAP_LINKS} links a map is drawn in bulk: links as one
   * SVG path per colour step, nodes as small marks, one path per kind and colour step, so an
   * imported grid of thousands of assets makes a page of a few hundred kilobytes, not megabytes.
   */
  static final int LARGE_MAP_NODES = 400;

  static final int LARGE_MAP_LINKS = 800;

  /** Colour steps of a bulk-drawn map (values are rounded to the nearest of these shades). */
  static final int BULK_STEPS = 16;

  /**
   * Draws the network.
   *
   * @param linkValueLabel legend title of the link colours, with unit ("mean outage days")
   * @param linkMax value mapped to the darkest link colour (> 0)
   * @param nodeValueLabel legend title of the node colours ("mean unserved share of demand")
   * @param nodeMax value mapped to the darkest node colour (> 0)
   * @param nodeIsShare whether node values are shares (legend as percentages)
   */
  public static Figure of(
      String id,
      String title,
      String guide,
      List<MapNode> nodes,
      List<MapLink> links,
      String linkValueLabel,
      double linkMax,
      String nodeValueLabel,
      double nodeMax,
      boolean nodeIsShare) {
    boolean geographic = !nodes.isEmpty() && nodes.stream().allMatch(MapNode::located);
    Map<String, double[]> xy = geographic ? geographic(nodes) : schematic(nodes, links);
    boolean bulk = nodes.size() > LARGE_MAP_NODES || links.size() > LARGE_MAP_LINKS;

    DefaultXYZDataset dataset = new DefaultXYZDataset();
    for (String kind : KINDS) {
      List<MapNode> ofKind =
          bulk
              ? List.of() // drawn as bulk marks below
              : nodes.stream().filter(n -> kindIndex(n.kind()) == indexOf(kind)).toList();
      double[][] data = new double[3][ofKind.size()];
      for (int i = 0; i < ofKind.size(); i++) {
        double[] p = xy.get(ofKind.get(i).id());
        data[0][i] = p[0];
        data[1][i] = p[1];
        data[2][i] = ofKind.get(i).value();
      }
      dataset.addSeries(kind, data);
    }
    Scale nodeScale = new Scale(NODE_SCALE, nodeMax);
    Scale linkScale = new Scale(LINK_SCALE, linkMax);
    XYShapeRenderer renderer = new XYShapeRenderer();
    renderer.setPaintScale(nodeScale);
    renderer.setDrawOutlines(true);
    renderer.setUseOutlinePaint(true);
    NumberAxis x = new NumberAxis(geographic ? "longitude (°E)" : null);
    NumberAxis y = new NumberAxis(geographic ? "latitude (°N)" : null);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
    if (bulk) {
      // the legend shows the bulk marks' shapes (polygons: a circle would cost four curves per
      // node)
      renderer.setSeriesShape(0, triangle(7));
      renderer.setSeriesShape(1, diamond(6));
      renderer.setSeriesShape(2, new Rectangle2D.Double(-5.5, -5.5, 11, 11));
      renderer.setSeriesShape(3, diamond(3.5));
    } else {
      renderer.setSeriesShape(0, triangle(7));
      renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
      renderer.setSeriesShape(2, new Rectangle2D.Double(-5.5, -5.5, 11, 11));
      renderer.setSeriesShape(3, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
    }
    for (int s = 0; s < KINDS.length; s++) {
      renderer.setSeriesOutlinePaint(s, ChartStyle.TEXT);
      renderer.setSeriesOutlineStroke(s, ChartStyle.line(0.8));
    }
    if (!bulk) {
      for (MapLink l : links) {
        double[] a = xy.get(l.from());
        double[] b = xy.get(l.to());
        if (a == null || b == null) {
          continue;
        }
        renderer.addAnnotation(
            new XYLineAnnotation(
                a[0], a[1], b[0], b[1], ChartStyle.line(3.2), linkScale.getPaint(l.value())),
            Layer.BACKGROUND);
      }
    }

    LegendItemCollection kinds = new LegendItemCollection();
    for (int s = 0; s < KINDS.length; s++) {
      LegendItem item =
          new LegendItem(
              KINDS[s],
              null,
              null,
              null,
              renderer.getSeriesShape(s),
              Color.WHITE,
              ChartStyle.line(0.8),
              ChartStyle.TEXT);
      kinds.add(item);
    }
    plot.setFixedLegendItems(kinds);
    plot.setDomainGridlinesVisible(geographic);
    plot.setRangeGridlinesVisible(geographic);
    if (!geographic) {
      x.setVisible(false);
      y.setVisible(false);
    }
    int width = Figure.WIDTH_PX;
    int height = 620;
    double plotWidthPx = width - 120.0;
    double plotHeightPx = height - 230.0;
    fitRanges(xy, x, y, geographic, plotWidthPx, plotHeightPx);
    if (bulk) {
      double unitX = (x.getUpperBound() - x.getLowerBound()) / plotWidthPx; // data units per pixel
      double unitY = (y.getUpperBound() - y.getLowerBound()) / plotHeightPx;
      bulkLinks(renderer, links, xy, linkScale);
      bulkNodes(renderer, nodes, xy, nodeScale, unitX, unitY);
    }
    for (MapNode n : labelsThatFit(nodes, xy, x, y, plotWidthPx, plotHeightPx)) {
      double[] p = xy.get(n.id());
      plot.addAnnotation(Charts.label(n.id(), p[0], p[1]));
    }
    x.setNumberFormatOverride(null);
    chart.addSubtitle(legend(linkScale, linkValueLabel, false));
    chart.addSubtitle(legend(nodeScale, nodeValueLabel, nodeIsShare));
    return new Figure(id, chart, guide, width, height);
  }

  /** The colour step of {@code value}: -1 for no value (grey), else 0 .. BULK_STEPS - 1. */
  static int step(double value, double upper) {
    if (Double.isNaN(value)) {
      return -1;
    }
    double t = Math.max(0, Math.min(1, value / upper));
    return (int) Math.round(t * (BULK_STEPS - 1));
  }

  private static Paint stepPaint(Scale scale, int step) {
    return step < 0
        ? scale.getPaint(Double.NaN)
        : scale.getPaint(scale.getUpperBound() * step / (BULK_STEPS - 1));
  }

  /** All links as one path per colour step, lighter steps first so darker links lie on top. */
  private static void bulkLinks(
      XYShapeRenderer renderer, List<MapLink> links, Map<String, double[]> xy, Scale scale) {
    Path2D.Double[] paths = new Path2D.Double[BULK_STEPS + 1];
    for (MapLink l : links) {
      double[] a = xy.get(l.from());
      double[] b = xy.get(l.to());
      if (a == null || b == null) {
        continue;
      }
      int k = step(l.value(), scale.getUpperBound()) + 1;
      if (paths[k] == null) {
        paths[k] = new Path2D.Double();
      }
      paths[k].moveTo(a[0], a[1]);
      paths[k].lineTo(b[0], b[1]);
    }
    for (int k = 0; k < paths.length; k++) {
      if (paths[k] != null) {
        renderer.addAnnotation(
            new XYShapeAnnotation(paths[k], ChartStyle.line(1.0), stepPaint(scale, k - 1), null),
            Layer.BACKGROUND);
      }
    }
  }

  /**
   * All nodes as small marks (a triangle per source, a square per storage, a diamond per sink or
   * junction), one filled path per kind and colour step; sizes are in pixels, converted with the
   * data units per pixel of each axis.
   */
  private static void bulkNodes(
      XYShapeRenderer renderer,
      List<MapNode> nodes,
      Map<String, double[]> xy,
      Scale scale,
      double unitX,
      double unitY) {
    Map<Integer, Path2D.Double> paths = new java.util.TreeMap<>();
    java.util.Set<Long> drawn = new java.util.HashSet<>();
    for (MapNode n : nodes) {
      double[] p = xy.get(n.id());
      int kind = kindIndex(n.kind());
      int k = step(n.value(), scale.getUpperBound());
      // a mark on the same half pixel with the same shape and colour as one drawn before adds
      // nothing
      long cell =
          (Math.round(p[0] / unitX * 2) * 1_000_003L + Math.round(p[1] / unitY * 2)) * 64
              + (k + 1) * 4
              + kind;
      if (!drawn.add(cell)) {
        continue;
      }
      // junctions first, then sinks by colour step, storages, sources on top
      int order =
          switch (kind) {
            case 3 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            default -> 3;
          };
      Path2D.Double path =
          paths.computeIfAbsent(order * 1000 + (k + 1) * 4 + kind, o -> new Path2D.Double());
      double x = p[0];
      double y = p[1];
      switch (kind) {
        case 0 -> { // triangle, 4 px
          path.moveTo(x, y + 4 * unitY);
          path.lineTo(x + 4 * unitX, y - 3.2 * unitY);
          path.lineTo(x - 4 * unitX, y - 3.2 * unitY);
          path.closePath();
        }
        case 2 -> { // square, 3 px half-side
          path.moveTo(x - 3 * unitX, y - 3 * unitY);
          path.lineTo(x + 3 * unitX, y - 3 * unitY);
          path.lineTo(x + 3 * unitX, y + 3 * unitY);
          path.lineTo(x - 3 * unitX, y + 3 * unitY);
          path.closePath();
        }
        default -> { // diamond: 2.5 px for sinks, 1.5 px for junctions
          double r = kind == 1 ? 2.5 : 1.5;
          path.moveTo(x, y + r * unitY);
          path.lineTo(x + r * unitX, y);
          path.lineTo(x, y - r * unitY);
          path.lineTo(x - r * unitX, y);
          path.closePath();
        }
      }
    }
    for (Map.Entry<Integer, Path2D.Double> e : paths.entrySet()) {
      int key = e.getKey() % 1000;
      int kind = key % 4;
      int k = key / 4 - 1;
      Paint fill = stepPaint(scale, k); // as the renderer: grey when there is no value
      boolean outlined = kind == 0 || kind == 2; // few: sources and storages stand out
      renderer.addAnnotation(
          new XYShapeAnnotation(
              e.getValue(),
              outlined ? ChartStyle.line(0.6) : null,
              outlined ? ChartStyle.TEXT : null,
              fill),
          Layer.FOREGROUND);
    }
  }

  private static PaintScaleLegend legend(Scale scale, String label, boolean share) {
    NumberAxis axis = new NumberAxis(label);
    axis.setRange(0, scale.getUpperBound());
    axis.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(niceStep(scale.getUpperBound() / 5)));
    axis.setNumberFormatOverride(share ? NumberText.percentFormat() : NumberText.compactFormat());
    axis.setLabelFont(ChartStyle.SMALL_FONT);
    axis.setTickLabelFont(ChartStyle.SMALL_FONT);
    axis.setLabelPaint(ChartStyle.TEXT);
    axis.setTickLabelPaint(ChartStyle.TEXT);
    PaintScaleLegend legend = new PaintScaleLegend(scale, axis);
    legend.setPosition(RectangleEdge.BOTTOM);
    legend.setStripWidth(10);
    legend.setAxisOffset(2);
    legend.setMargin(new RectangleInsets(4, 60, 2, 60));
    legend.setFrame(BlockBorder.NONE);
    legend.setSubdivisionCount(64);
    return legend;
  }

  /**
   * The labelled nodes whose labels do not overlap a label placed before them, in priority order:
   * sources, storages, sinks (highest value first), junctions. Positions are estimated from the
   * axis ranges and the plot size (labels are drawn up and right of the node).
   */
  static List<MapNode> labelsThatFit(
      List<MapNode> nodes,
      Map<String, double[]> xy,
      NumberAxis x,
      NumberAxis y,
      double plotWidthPx,
      double plotHeightPx) {
    List<MapNode> candidates = new ArrayList<>(nodes.stream().filter(MapNode::labelled).toList());
    candidates.sort(
        java.util.Comparator.comparingInt((MapNode n) -> labelRank(n.kind()))
            .thenComparing(
                java.util.Comparator.comparingDouble(
                        (MapNode n) ->
                            Double.isNaN(n.value()) ? Double.NEGATIVE_INFINITY : n.value())
                    .reversed()));
    double spanX = x.getUpperBound() - x.getLowerBound();
    double spanY = y.getUpperBound() - y.getLowerBound();
    List<Rectangle2D> placed = new ArrayList<>();
    List<MapNode> out = new ArrayList<>();
    for (MapNode n : candidates) {
      double[] p = xy.get(n.id());
      double px = (p[0] - x.getLowerBound()) / spanX * plotWidthPx;
      double py = (y.getUpperBound() - p[1]) / spanY * plotHeightPx;
      Rectangle2D box = new Rectangle2D.Double(px + 3, py - 16, 6.0 * n.id().length() + 6, 13);
      if (placed.stream().noneMatch(box::intersects)) {
        placed.add(box);
        out.add(n);
      }
    }
    return out;
  }

  private static int labelRank(String kind) {
    return switch (kind) {
      case "source" -> 0;
      case "storage" -> 1;
      case "sink" -> 2;
      default -> 3;
    };
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw * (1 - 1e-9)) {
        return m * p;
      }
    }
    return 10 * p;
  }

  /** Makes the data fill the plot, keeping geographic proportions. */
  private static void fitRanges(
      Map<String, double[]> xy,
      NumberAxis x,
      NumberAxis y,
      boolean geographic,
      double plotWidthPx,
      double plotHeightPx) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (double[] p : xy.values()) {
      minX = Math.min(minX, p[0]);
      maxX = Math.max(maxX, p[0]);
      minY = Math.min(minY, p[1]);
      maxY = Math.max(maxY, p[1]);
    }
    if (xy.isEmpty()) {
      return;
    }
    double spanX = Math.max(maxX - minX, 1e-6);
    double spanY = Math.max(maxY - minY, 1e-6);
    // labels go to the right of nodes: leave more room there.
    double padLeft = spanX * 0.05 + 0.2;
    double padRight = spanX * 0.18 + 0.2;
    double padY = spanY * 0.08 + 0.2;
    double lx = minX - padLeft;
    double ux = maxX + padRight;
    double ly = minY - padY;
    double uy = maxY + padY;
    if (geographic) {
      double cos = Math.max(0.1, Math.cos(Math.toRadians((minY + maxY) / 2)));
      double widthKmLike = (ux - lx) * cos;
      double heightKmLike = uy - ly;
      double want = plotWidthPx / plotHeightPx;
      if (widthKmLike / heightKmLike < want) {
        double extra = (want * heightKmLike / cos - (ux - lx)) / 2;
        lx -= extra;
        ux += extra;
      } else {
        double extra = (widthKmLike / want - heightKmLike) / 2;
        ly -= extra;
        uy += extra;
      }
    }
    x.setRange(lx, ux);
    y.setRange(ly, uy);
  }

  private static Map<String, double[]> geographic(List<MapNode> nodes) {
    Map<String, double[]> xy = new HashMap<>();
    for (MapNode n : nodes) {
      xy.put(n.id(), new double[] {n.lon(), n.lat()});
    }
    return xy;
  }

  /** Columns by undirected hop distance from sources and storages; unreachable nodes last. */
  static Map<String, double[]> schematic(List<MapNode> nodes, List<MapLink> links) {
    Map<String, List<String>> adjacent = new HashMap<>();
    for (MapLink l : links) {
      adjacent.computeIfAbsent(l.from(), k -> new ArrayList<>()).add(l.to());
      adjacent.computeIfAbsent(l.to(), k -> new ArrayList<>()).add(l.from());
    }
    Map<String, Integer> depth = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    for (MapNode n : nodes) {
      if (n.kind().equals("source") || n.kind().equals("storage")) {
        depth.put(n.id(), 0);
        queue.add(n.id());
      }
    }
    while (!queue.isEmpty()) {
      String v = queue.poll();
      for (String w : adjacent.getOrDefault(v, List.of())) {
        if (!depth.containsKey(w)) {
          depth.put(w, depth.get(v) + 1);
          queue.add(w);
        }
      }
    }
    int maxDepth = depth.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    Map<Integer, List<String>> columns = new LinkedHashMap<>();
    for (MapNode n : nodes) {
      int d = depth.getOrDefault(n.id(), maxDepth + 1);
      columns.computeIfAbsent(d, k -> new ArrayList<>()).add(n.id());
    }
    Map<String, double[]> xy = new HashMap<>();
    for (Map.Entry<Integer, List<String>> column : columns.entrySet()) {
      List<String> ids = column.getValue();
      for (int i = 0; i < ids.size(); i++) {
        xy.put(
            ids.get(i),
            new double[] {
              column.getKey(), ids.size() == 1 ? 0.5 : 1.0 - (double) i / (ids.size() - 1)
            });
      }
    }
    return xy;
  }

  private static int kindIndex(String kind) {
    int i = indexOf(kind);
    return i < 0 ? 3 : i;
  }

  private static int indexOf(String kind) {
    for (int i = 0; i < KINDS.length; i++) {
      if (KINDS[i].equals(kind)) {
        return i;
      }
    }
    return -1;
  }

  private static Shape diamond(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, 0);
    p.lineTo(0, r);
    p.lineTo(-r, 0);
    p.closePath();
    return p;
  }

  private static Shape triangle(double r) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(0, -r);
    p.lineTo(r, r * 0.8);
    p.lineTo(-r, r * 0.8);
    p.closePath();
    return p;
  }

  /** Piecewise-linear colour scale from 0 to {@code upper}; grey for NaN, clamped outside. */
  static final class Scale implements PaintScale {
    private final Color[] stops;
    private final double upper;

    Scale(Color[] stops, double upper) {
      this.stops = stops;
      this.upper = upper > 0 && Double.isFinite(upper) ? upper : 1;
    }

    @Override
    public double getLowerBound() {
      return 0;
    }

    @Override
    public double getUpperBound() {
      return upper;
    }

    @Override
    public Paint getPaint(double value) {
      if (Double.isNaN(value)) {
        return ChartStyle.NEUTRAL;
      }
      double t = Math.max(0, Math.min(1, value / upper)) * (stops.length - 1);
      int i = Math.min(stops.length - 2, (int) Math.floor(t));
      double f = t - i;
      Color a = stops[i];
      Color b = stops[i + 1];
      return new Color(
          (int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())),
          (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
          (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }
  }
}
