package org.corridorrisk.report.charts;

import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The text labels of a scatter chart, placed when the chart is drawn: each label, in list order,
 * takes the first of eight places around its point (upper right, right, lower right, upper left,
 * left, lower left, above, below) whose box, measured with the font, lies inside the plot area and
 * overlaps no label placed before and no point of the chart; a label with no such place is left
 * out. A label wider than a third of the plot area (at most 220 px) loses characters from its
 * middle.
 *
 * <p>Design note: placing at draw time is what makes the test against the plot area exact: the plot
 * area's size is known only once the axes are laid out. Rejected: JFreeChart's pointer annotations
 * at a fixed angle, which stacked 55 mitigation names on top of one another on a cost-benefit chart
 * and ran long ids past the plot's right edge.
 */
final class ScatterLabels extends AbstractXYAnnotation {
  private static final long serialVersionUID = 1L;

  /** A label to place: its text and its point in data units. */
  record Label(String text, double x, double y) {}

  /** A label as drawn: the text shown and its box in Java2D (page) coordinates. */
  record Placed(String text, Rectangle2D box) {}

  private static final double MARK_RADIUS_PX = 5;

  /** {dx, dy} of the text box's corner nearest the point, in px, with the box's side. */
  private static final double[][] OFFSETS = {
    {5, -5}, {8, 0}, {5, 5}, {-5, -5}, {-8, 0}, {-5, 5}, {0, -7}, {0, 7}
  };

  private final List<Label> labels;
  private final List<double[]> points;

  /**
   * @param labels the labels in priority order
   * @param points every point of the chart (data units, {x, y}), which labels must not cover
   */
  ScatterLabels(List<Label> labels, List<double[]> points) {
    this.labels = List.copyOf(labels);
    this.points = List.copyOf(points);
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
    List<Label> inPixels = new ArrayList<>();
    for (Label l : labels) {
      inPixels.add(
          new Label(
              l.text(),
              domainAxis.valueToJava2D(l.x(), dataArea, xEdge),
              rangeAxis.valueToJava2D(l.y(), dataArea, yEdge)));
    }
    List<double[]> marks = new ArrayList<>();
    for (double[] p : points) {
      marks.add(
          new double[] {
            domainAxis.valueToJava2D(p[0], dataArea, xEdge),
            rangeAxis.valueToJava2D(p[1], dataArea, yEdge)
          });
    }
    g2.setFont(ChartStyle.SMALL_FONT);
    g2.setPaint(ChartStyle.TEXT);
    FontMetrics metrics = g2.getFontMetrics();
    for (Placed p : place(inPixels, marks, dataArea, metrics)) {
      g2.drawString(
          p.text(), (float) p.box().getX(), (float) (p.box().getY() + metrics.getAscent()));
    }
  }

  /**
   * Places the labels (points in pixels) inside {@code area}, as the class note says.
   *
   * @param marks every point of the chart in pixels
   */
  static List<Placed> place(
      List<Label> labels, List<double[]> marks, Rectangle2D area, FontMetrics metrics) {
    double height = metrics.getAscent() + metrics.getDescent();
    List<Rectangle2D> obstacles = new ArrayList<>();
    for (double[] m : marks) {
      obstacles.add(
          new Rectangle2D.Double(
              m[0] - MARK_RADIUS_PX,
              m[1] - MARK_RADIUS_PX,
              2 * MARK_RADIUS_PX,
              2 * MARK_RADIUS_PX));
    }
    double maxWidth = Math.min(220, area.getWidth() / 3);
    List<Placed> placed = new ArrayList<>();
    List<Rectangle2D> boxes = new ArrayList<>();
    for (Label label : labels) {
      String text = FittingCategoryAxis.fit(label.text(), maxWidth, metrics::stringWidth);
      if (text == null) {
        continue;
      }
      LabelPlaces.Place place =
          LabelPlaces.firstFree(
              label.x(),
              label.y(),
              metrics.stringWidth(text),
              height,
              OFFSETS,
              area,
              boxes,
              obstacles);
      if (place != null) {
        boxes.add(place.box());
        placed.add(new Placed(text, place.box()));
      }
    }
    return placed;
  }
}
