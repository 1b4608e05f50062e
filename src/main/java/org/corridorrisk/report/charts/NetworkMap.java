package org.corridorrisk.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Paint;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;

/**
 * A map of a network on a base map: links coloured by one value (e.g. mean outage days), drawn in
 * one line style per commodity; nodes coloured by another (e.g. unserved share), shapes by node
 * kind.
 *
 * <p>Placement: when every node has a location, an equirectangular projection with equal aspect
 * (longitude right, latitude up, one degree of longitude drawn cos(mid-latitude) as wide as one of
 * latitude, so shapes and distances look right at corridor scale) over Natural Earth land, coast
 * and country borders ({@link BaseMap}, bundled: no network access when viewing). The axes span the
 * network plus a margin, no more: the plot's height follows the network's shape (between {@value
 * #MIN_MAP_PX} and {@value #MAX_MAP_PX} px), and only a network too flat or too tall for that gets
 * extra margin on one axis. Otherwise (some node without a location) a schematic: nodes in columns
 * by hop distance (ignoring direction) from the nearest source or storage, spread evenly within a
 * column in input order, without base map.
 *
 * <p>Labels: nodes marked {@link MapNode#labelled()} are candidates, in priority order (sources,
 * storages, sinks by value, junctions); each takes the first of eight positions around its mark
 * whose box (measured with the font) overlaps no label placed before, no node mark and not the
 * plot's edge; a node on (nearly) the same spot as a labelled one gets none. Text sits on a
 * translucent white box so it reads over lines and coast.
 *
 * <p>Hover: on small maps each link is its own SVG group whose {@code <title>} (shown by browsers
 * on hover) gives its id, commodity, ends and value; each node has an invisible disc with its id,
 * kind and value. Large maps (above {@link #LARGE_MAP_NODES} nodes or {@link #LARGE_MAP_LINKS}
 * links) are drawn in bulk instead: one path per commodity and colour step for links, one per kind
 * and colour step for nodes, so a grid of thousands of assets stays a page of a few hundred
 * kilobytes; they carry no per-link titles (a title per link would double the page).
 *
 * <p>Colour scales are sequential with monotone lightness (readable with colour-vision deficiencies
 * and in grey print): blues for links (with a dark casing so light values show on land), yellow-
 * orange-brown for nodes; grey means "no value" (e.g. a junction has no unserved share). Line
 * styles, not colours, tell commodities apart (solid, dashed, dotted, dash-dot), so colour keeps
 * one meaning.
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
   * @param commodity the commodity id (one line style each), or {@code null} when unknown
   */
  public record MapLink(String id, String from, String to, double value, String commodity) {
    /** A link of unknown commodity. */
    public MapLink(String id, String from, String to, double value) {
      this(id, from, to, value, null);
    }
  }

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

  /** Sea and lakes (the plot background of a geographic map). */
  static final Color WATER = new Color(0xEE, 0xF4, 0xF8);

  static final Color LAND = new Color(0xF3, 0xF1, 0xEA);
  static final Color COAST = new Color(0x8F, 0xA9, 0xBC);
  static final Color BORDER = new Color(0xA3, 0x9E, 0x94);
  static final Color CASING = new Color(0x4A, 0x4A, 0x4A);

  /** Dash patterns (px at line width 1) by commodity order; null = solid. */
  private static final float[][] DASHES = {null, {6f, 3.5f}, {1.6f, 2.6f}, {7f, 2.5f, 1.6f, 2.5f}};

  /** Least height of a geographic map's plot area in px (a flatter network gets more latitude). */
  static final int MIN_MAP_PX = 280;

  /** Greatest height of a geographic map's plot area in px (a taller one gets more longitude). */
  static final int MAX_MAP_PX = 640;

  /**
   * Above this many nodes or {@link #LARGE_MAP_LINKS} links a map is drawn in bulk: links as one
   * SVG path per commodity and colour step, nodes as small marks, one path per kind and colour
   * step, so an imported grid of thousands of assets makes a page of a few hundred kilobytes, not
   * megabytes.
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
    List<String> commodities = commodities(links);

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

    LegendItemCollection legendItems = new LegendItemCollection();
    for (int s = 0; s < KINDS.length; s++) {
      legendItems.add(
          new LegendItem(
              KINDS[s],
              null,
              null,
              null,
              renderer.getSeriesShape(s),
              Color.WHITE,
              ChartStyle.line(0.8),
              ChartStyle.TEXT));
    }
    for (int c = 0; c < commodities.size(); c++) {
      legendItems.add(
          new LegendItem(
              commodities.get(c) + " link",
              null,
              null,
              null,
              new Line2D.Double(-15, 0, 15, 0),
              linkStroke(2.4, c),
              LINK_SCALE[2]));
    }
    plot.setFixedLegendItems(legendItems);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinesVisible(false);
    if (geographic) {
      plot.setBackgroundPaint(WATER);
    } else {
      x.setVisible(false);
      y.setVisible(false);
    }
    chart.addSubtitle(legend(linkScale, linkValueLabel, false));
    chart.addSubtitle(legend(nodeScale, nodeValueLabel, nodeIsShare));
    if (geographic) {
      TextTitle credit = new TextTitle(BaseMap.ATTRIBUTION, ChartStyle.SMALL_FONT);
      credit.setPaint(ChartStyle.NEUTRAL);
      credit.setPosition(RectangleEdge.BOTTOM);
      credit.setHorizontalAlignment(org.jfree.chart.ui.HorizontalAlignment.RIGHT);
      chart.addSubtitle(credit);
    }

    int width = Figure.WIDTH_PX;
    int height = 620;
    double[] box = extent(xy, geographic);
    x.setRange(box[0], box[2]);
    y.setRange(box[1], box[3]);
    Rectangle2D area = dataArea(chart, width, height);
    if (geographic && area.getWidth() > 10 && area.getHeight() > 10) {
      double cos = Math.max(0.1, Math.cos(Math.toRadians((box[1] + box[3]) / 2)));
      double overhead = height - area.getHeight();
      double wantedPx = area.getWidth() * (box[3] - box[1]) / ((box[2] - box[0]) * cos);
      double dataPx = Math.max(MIN_MAP_PX, Math.min(MAX_MAP_PX, wantedPx));
      height = (int) Math.round(overhead + dataPx);
      dataPx = height - overhead;
      if (dataPx > wantedPx + 0.5) { // too flat for the smallest figure: more latitude
        double extra = (dataPx / area.getWidth() * (box[2] - box[0]) * cos - (box[3] - box[1])) / 2;
        box[1] -= extra;
        box[3] += extra;
      } else if (dataPx < wantedPx - 0.5) { // too tall for the largest figure: more longitude
        double extra =
            (area.getWidth() * (box[3] - box[1]) / (dataPx * cos) - (box[2] - box[0])) / 2;
        box[0] -= extra;
        box[2] += extra;
      }
      x.setRange(box[0], box[2]);
      y.setRange(box[1], box[3]);
      area = dataArea(chart, width, height);
    }
    double plotWidthPx = area.getWidth() > 10 ? area.getWidth() : width - 120.0;
    double plotHeightPx = area.getHeight() > 10 ? area.getHeight() : height - 230.0;
    double unitX = (x.getUpperBound() - x.getLowerBound()) / plotWidthPx; // data units per pixel
    double unitY = (y.getUpperBound() - y.getLowerBound()) / plotHeightPx;
    if (geographic) {
      BaseMap.Layers layers =
          BaseMap.get()
              .cut(
                  x.getLowerBound() - 8 * unitX,
                  y.getLowerBound() - 8 * unitY,
                  x.getUpperBound() + 8 * unitX,
                  y.getUpperBound() + 8 * unitY,
                  0.6 * unitX,
                  0.6 * unitY);
      renderer.addAnnotation(
          new XYShapeAnnotation(layers.land(), null, null, LAND), Layer.BACKGROUND);
      renderer.addAnnotation(
          new XYShapeAnnotation(layers.land(), ChartStyle.line(0.7), COAST, null),
          Layer.BACKGROUND);
      renderer.addAnnotation(
          new XYShapeAnnotation(
              layers.borders(),
              new BasicStroke(
                  0.7f,
                  BasicStroke.CAP_BUTT,
                  BasicStroke.JOIN_ROUND,
                  10f,
                  new float[] {3f, 2f},
                  0f),
              BORDER,
              null),
          Layer.BACKGROUND);
    }
    if (bulk) {
      bulkLinks(renderer, links, xy, linkScale, commodities);
      bulkNodes(renderer, nodes, xy, nodeScale, unitX, unitY);
    } else {
      // the dark casings of all links of one line style as one path (a casing per link would
      // double the links' SVG), drawn before the coloured lines; a dash pattern restarts at each
      // subpath, so a casing's dashes match its line's
      Map<Integer, Path2D.Double> casings = new java.util.TreeMap<>();
      for (MapLink l : links) {
        double[] a = xy.get(l.from());
        double[] b = xy.get(l.to());
        if (a != null && b != null) {
          int c = commodities.indexOf(l.commodity() == null ? "" : l.commodity());
          Path2D.Double path = casings.computeIfAbsent(c, k -> new Path2D.Double());
          path.moveTo(a[0], a[1]);
          path.lineTo(b[0], b[1]);
        }
      }
      casings.forEach(
          (c, path) ->
              renderer.addAnnotation(
                  new XYShapeAnnotation(path, linkStroke(4.5, c), CASING, null), Layer.BACKGROUND));
      for (MapLink l : links) {
        double[] a = xy.get(l.from());
        double[] b = xy.get(l.to());
        if (a == null || b == null) {
          continue;
        }
        int c = commodities.indexOf(l.commodity() == null ? "" : l.commodity());
        renderer.addAnnotation(
            new LinkLine(
                a[0],
                a[1],
                b[0],
                b[1],
                linkStroke(3.0, c),
                linkScale.getPaint(l.value()),
                linkTitle(l, linkValueLabel)),
            Layer.BACKGROUND);
      }
    }
    if (!bulk) {
      for (MapNode n : nodes) {
        double[] p = xy.get(n.id());
        String value =
            Double.isNaN(n.value())
                ? ""
                : "; "
                    + nodeValueLabel
                    + ": "
                    + (nodeIsShare ? NumberText.percent(n.value()) : NumberText.compact(n.value()));
        renderer.addAnnotation(
            new HoverTarget(p[0], p[1], n.id() + " (" + n.kind() + ")" + value), Layer.FOREGROUND);
      }
    }
    for (Label label :
        placeLabels(
            nodes,
            xy,
            x.getLowerBound(),
            x.getUpperBound(),
            y.getLowerBound(),
            y.getUpperBound(),
            plotWidthPx,
            plotHeightPx,
            !bulk)) {
      XYTextAnnotation text = new XYTextAnnotation(label.node().id(), label.x(), label.y());
      text.setFont(ChartStyle.SMALL_FONT);
      text.setPaint(ChartStyle.TEXT);
      text.setTextAnchor(label.anchor());
      text.setBackgroundPaint(LABEL_BACKGROUND);
      text.setOutlineVisible(false);
      plot.addAnnotation(text);
    }
    return new Figure(id, chart, guide, width, height);
  }

  private static final Color LABEL_BACKGROUND = new Color(255, 255, 255, 190);

  /** Commodity ids in order of first appearance ("" for links of unknown commodity). */
  private static List<String> commodities(List<MapLink> links) {
    java.util.LinkedHashSet<String> ids = new java.util.LinkedHashSet<>();
    for (MapLink l : links) {
      ids.add(l.commodity() == null ? "" : l.commodity());
    }
    List<String> out = new ArrayList<>(ids);
    // a map whose links all lack a commodity needs no line-style legend
    return out.equals(List.of("")) ? List.of() : out;
  }

  /** The line of commodity number {@code c} (-1: unknown, solid) at the given width. */
  static BasicStroke linkStroke(double widthPx, int c) {
    float[] dash = c < 0 ? null : DASHES[c % DASHES.length];
    if (dash == null) {
      return new BasicStroke((float) widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    // dashes scale with the line (a casing and its line share the pattern of the thinner one)
    float unit = (float) Math.min(widthPx, 3.0);
    float[] scaled = new float[dash.length];
    for (int i = 0; i < dash.length; i++) {
      scaled[i] = dash[i] * unit;
    }
    return new BasicStroke(
        (float) widthPx, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, scaled, 0f);
  }

  private static String linkTitle(MapLink l, String valueLabel) {
    return l.id()
        + (l.commodity() == null ? "" : " (" + l.commodity() + ")")
        + ": "
        + l.from()
        + " \u2192 "
        + l.to()
        + "; "
        + valueLabel
        + ": "
        + (Double.isNaN(l.value()) ? "none" : NumberText.compact(l.value()));
  }

  /**
   * One link's coloured line in an SVG group with a {@code <title>} (the browser shows it on
   * hover). Other Graphics2D targets (PNG export) just draw the line.
   */
  static final class LinkLine extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    private final double x1;
    private final double y1;
    private final double x2;
    private final double y2;
    private final transient Stroke stroke;
    private final transient Paint paint;
    private final String title;

    LinkLine(double x1, double y1, double x2, double y2, Stroke stroke, Paint paint, String title) {
      this.x1 = x1;
      this.y1 = y1;
      this.x2 = x2;
      this.y2 = y2;
      this.stroke = stroke;
      this.paint = paint;
      this.title = title;
    }

    @Override
    public void draw(
        Graphics2D g2,
        XYPlot plot,
        Rectangle2D dataArea,
        ValueAxis domainAxis,
        ValueAxis rangeAxis,
        int rendererIndex,
        PlotRenderingInfo info) {
      RectangleEdge xEdge =
          Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation());
      RectangleEdge yEdge =
          Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation());
      Line2D line =
          new Line2D.Double(
              domainAxis.valueToJava2D(x1, dataArea, xEdge),
              rangeAxis.valueToJava2D(y1, dataArea, yEdge),
              domainAxis.valueToJava2D(x2, dataArea, xEdge),
              rangeAxis.valueToJava2D(y2, dataArea, yEdge));
      boolean svg = g2 instanceof SVGGraphics2D && title != null;
      if (svg) {
        g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, new HashMap<String, String>());
        g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
      }
      g2.setStroke(stroke);
      g2.setPaint(paint);
      g2.draw(line);
      if (svg) {
        g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
      }
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /**
   * An invisible disc over a node whose SVG {@code <title>} the browser shows on hover (a fully
   * transparent fill still takes pointer events). Draws nothing on other Graphics2D targets.
   */
  static final class HoverTarget extends AbstractXYAnnotation {
    private static final long serialVersionUID = 1L;
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);
    private final double x;
    private final double y;
    private final String title;

    HoverTarget(double x, double y, String title) {
      this.x = x;
      this.y = y;
      this.title = title;
    }

    @Override
    public void draw(
        Graphics2D g2,
        XYPlot plot,
        Rectangle2D dataArea,
        ValueAxis domainAxis,
        ValueAxis rangeAxis,
        int rendererIndex,
        PlotRenderingInfo info) {
      if (!(g2 instanceof SVGGraphics2D)) {
        return;
      }
      double px =
          domainAxis.valueToJava2D(
              x,
              dataArea,
              Plot.resolveDomainAxisLocation(plot.getDomainAxisLocation(), plot.getOrientation()));
      double py =
          rangeAxis.valueToJava2D(
              y,
              dataArea,
              Plot.resolveRangeAxisLocation(plot.getRangeAxisLocation(), plot.getOrientation()));
      g2.setRenderingHint(SVGHints.KEY_BEGIN_GROUP, new HashMap<String, String>());
      g2.setRenderingHint(SVGHints.KEY_ELEMENT_TITLE, title);
      g2.setPaint(INVISIBLE);
      g2.fill(new Ellipse2D.Double(px - 7, py - 7, 14, 14));
      g2.setRenderingHint(SVGHints.KEY_END_GROUP, "");
    }

    @Override
    public boolean equals(Object o) {
      return this == o;
    }

    @Override
    public int hashCode() {
      return System.identityHashCode(this);
    }
  }

  /** The plot's data area in pixels for a figure of this size (drawn once off screen). */
  private static Rectangle2D dataArea(JFreeChart chart, int widthPx, int heightPx) {
    BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      ChartRenderingInfo info = new ChartRenderingInfo(null);
      chart.draw(g2, new Rectangle2D.Double(0, 0, widthPx, heightPx), null, info);
      return info.getPlotInfo().getDataArea();
    } finally {
      g2.dispose();
    }
  }

  /**
   * The network's bounding box plus a margin: {minX, minY, maxX, maxY}. For maps, the margin is the
   * same on the ground in both directions (6% of the larger side, at least 0.3° of latitude).
   */
  static double[] extent(Map<String, double[]> xy, boolean geographic) {
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
      return new double[] {0, 0, 1, 1};
    }
    if (geographic) {
      double cos = Math.max(0.1, Math.cos(Math.toRadians((minY + maxY) / 2)));
      double pad = Math.max(0.06 * Math.max((maxX - minX) * cos, maxY - minY), 0.3);
      return new double[] {minX - pad / cos, minY - pad, maxX + pad / cos, maxY + pad};
    }
    double padX = Math.max((maxX - minX) * 0.06, 0.3);
    double padY = Math.max((maxY - minY) * 0.06, 0.06);
    return new double[] {minX - padX, minY - padY, maxX + padX, maxY + padY};
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

  /**
   * All links as one path per commodity and colour step, lighter steps first so darker links lie on
   * top.
   */
  private static void bulkLinks(
      XYShapeRenderer renderer,
      List<MapLink> links,
      Map<String, double[]> xy,
      Scale scale,
      List<String> commodities) {
    int styles = Math.max(1, commodities.size());
    Path2D.Double[][] paths = new Path2D.Double[BULK_STEPS + 1][styles];
    for (MapLink l : links) {
      double[] a = xy.get(l.from());
      double[] b = xy.get(l.to());
      if (a == null || b == null) {
        continue;
      }
      int k = step(l.value(), scale.getUpperBound()) + 1;
      int c = Math.max(0, commodities.indexOf(l.commodity() == null ? "" : l.commodity()));
      if (paths[k][c] == null) {
        paths[k][c] = new Path2D.Double();
      }
      paths[k][c].moveTo(a[0], a[1]);
      paths[k][c].lineTo(b[0], b[1]);
    }
    for (int k = 0; k < paths.length; k++) {
      for (int c = 0; c < styles; c++) {
        if (paths[k][c] != null) {
          renderer.addAnnotation(
              new XYShapeAnnotation(
                  paths[k][c],
                  commodities.isEmpty() ? ChartStyle.line(1.0) : linkStroke(1.0, c),
                  stepPaint(scale, k - 1),
                  null),
              Layer.BACKGROUND);
        }
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
   * A placed label: the node, the anchor point in data units, which side of it the text is, and the
   * estimated text box in plot pixels (origin top left of the plot area).
   */
  record Label(MapNode node, double x, double y, TextAnchor anchor, Rectangle2D box) {}

  private static final java.awt.FontMetrics LABEL_METRICS =
      new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB)
          .createGraphics()
          .getFontMetrics(ChartStyle.SMALL_FONT);

  /** Positions tried around a mark, in order: {dx, dy} of the anchor in px, and the anchor. */
  private static final double[][] OFFSETS = {
    {11, 0}, {7, -7}, {7, 7}, {-11, 0}, {-7, -7}, {-7, 7}, {0, -10}, {0, 10}
  };

  private static final TextAnchor[] ANCHORS = {
    TextAnchor.HALF_ASCENT_LEFT,
    TextAnchor.BOTTOM_LEFT,
    TextAnchor.TOP_LEFT,
    TextAnchor.HALF_ASCENT_RIGHT,
    TextAnchor.BOTTOM_RIGHT,
    TextAnchor.TOP_RIGHT,
    TextAnchor.BOTTOM_CENTER,
    TextAnchor.TOP_CENTER
  };

  /**
   * Places the labels of the labelled nodes without overlap (see the class note), in priority
   * order: sources, storages, sinks (highest value first), junctions.
   *
   * @param avoidMarks whether labels must also keep off every node's mark (small maps)
   */
  static List<Label> placeLabels(
      List<MapNode> nodes,
      Map<String, double[]> xy,
      double lowerX,
      double upperX,
      double lowerY,
      double upperY,
      double plotWidthPx,
      double plotHeightPx,
      boolean avoidMarks) {
    List<MapNode> candidates = new ArrayList<>(nodes.stream().filter(MapNode::labelled).toList());
    candidates.sort(
        java.util.Comparator.comparingInt((MapNode n) -> labelRank(n.kind()))
            .thenComparing(
                java.util.Comparator.comparingDouble(
                        (MapNode n) ->
                            Double.isNaN(n.value()) ? Double.NEGATIVE_INFINITY : n.value())
                    .reversed()));
    double spanX = upperX - lowerX;
    double spanY = upperY - lowerY;
    java.util.function.Function<MapNode, double[]> pixel =
        n -> {
          double[] p = xy.get(n.id());
          return new double[] {
            (p[0] - lowerX) / spanX * plotWidthPx, (upperY - p[1]) / spanY * plotHeightPx
          };
        };
    List<Rectangle2D> obstacles = new ArrayList<>();
    for (MapNode n : avoidMarks ? nodes : candidates) {
      double[] p = pixel.apply(n);
      obstacles.add(new Rectangle2D.Double(p[0] - 6, p[1] - 6, 12, 12)); // the largest mark
    }
    Rectangle2D plotBox = new Rectangle2D.Double(0, 0, plotWidthPx, plotHeightPx);
    List<Rectangle2D> placed = new ArrayList<>();
    List<double[]> labelledAt = new ArrayList<>();
    List<Label> out = new ArrayList<>();
    double h = LABEL_METRICS.getAscent() + LABEL_METRICS.getDescent() + 1;
    for (MapNode n : candidates) {
      double[] p = pixel.apply(n);
      if (labelledAt.stream().anyMatch(q -> Math.hypot(q[0] - p[0], q[1] - p[1]) < 5)) {
        continue; // same spot as a labelled node: a second label there would be ambiguous
      }
      double w = LABEL_METRICS.stringWidth(n.id()) + 3;
      LabelPlaces.Place place =
          LabelPlaces.firstFree(p[0], p[1], w, h, OFFSETS, plotBox, placed, obstacles);
      if (place == null) {
        continue;
      }
      int i = place.offset();
      placed.add(place.box());
      labelledAt.add(p);
      out.add(
          new Label(
              n,
              lowerX + (p[0] + OFFSETS[i][0]) / plotWidthPx * spanX,
              upperY - (p[1] + OFFSETS[i][1]) / plotHeightPx * spanY,
              ANCHORS[i],
              place.box()));
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

  private static Map<String, double[]> geographic(List<MapNode> nodes) {
    Map<String, double[]> xy = new HashMap<>();
    for (MapNode n : nodes) {
      xy.put(n.id(), new double[] {n.lon(), n.lat()});
    }
    return xy;
  }

  /**
   * The schematic layout: node id to {column, height}, columns by undirected hop distance from
   * sources and storages (unreachable nodes in a last column), heights from 1 (top) to 0 (bottom),
   * evenly spread in input order (0.5 for a node alone in its column). Also the exercise page's
   * layout for a network without locations, so both pages draw it the same way.
   */
  public static Map<String, double[]> schematic(List<MapNode> nodes, List<MapLink> links) {
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
