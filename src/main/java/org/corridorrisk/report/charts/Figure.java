package org.corridorrisk.report.charts;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGHints;
import org.jfree.svg.ViewBox;

/**
 * A finished chart with what a page needs around it: a stable id, the one-line reading guide shown
 * under it, and its nominal size.
 *
 * <p>Rendering is deterministic (same chart, same SVG text). Not thread-safe: a JFreeChart may not
 * be drawn from two threads at once.
 *
 * @param id lower-case file-name-safe id ({@code [a-z0-9-]+}); also the prefix of the SVG's
 *     internal ids, so several figures can share one HTML page
 * @param chart the chart (styled with {@link ChartStyle})
 * @param guide one sentence telling the reader how to read the chart (plain text)
 * @param widthPx nominal width in CSS pixels (SVG view box; PNG export scales it)
 * @param heightPx nominal height in CSS pixels
 */
public record Figure(String id, JFreeChart chart, String guide, int widthPx, int heightPx)
    implements PageChart {

  /** Default nominal size of a figure. */
  public static final int WIDTH_PX = 820;

  public static final int HEIGHT_PX = 460;

  public Figure {
    if (id == null || !id.matches("[a-z0-9-]+")) {
      throw new IllegalArgumentException("figure id must match [a-z0-9-]+, was '" + id + "'");
    }
    if (chart == null) {
      throw new IllegalArgumentException("chart must not be null (figure '" + id + "')");
    }
    if (widthPx < 50 || heightPx < 50) {
      throw new IllegalArgumentException(
          "figure size must be at least 50x50 px, was "
              + widthPx
              + "x"
              + heightPx
              + " (figure '"
              + id
              + "')");
    }
    guide = guide == null ? "" : guide;
  }

  /** A figure of the default size. */
  public static Figure of(String id, JFreeChart chart, String guide) {
    return new Figure(id, chart, guide, WIDTH_PX, HEIGHT_PX);
  }

  /** The chart's title text, or "" when it has none. */
  public String title() {
    return chart.getTitle() == null ? "" : chart.getTitle().getText();
  }

  /**
   * The chart as an {@code <svg>} element for inline use in HTML: no width/height attributes (it
   * scales to its container through its view box), internal ids prefixed with {@link #id()},
   * coordinates rounded to 0.01 px.
   */
  public String svg() {
    SVGGraphics2D g2 = new SVGGraphics2D(widthPx, heightPx);
    g2.setDefsKeyPrefix("f-" + id + "-");
    g2.setGeomDoubleConverter(Figure::round2);
    g2.setTransformDoubleConverter(Figure::round2);
    // JFreeSVG quotes attributes with single quotes: use double quotes inside.
    g2.setFontFunction(family -> "\"" + ChartStyle.FONT_FAMILY + "\", Verdana, Arial, sans-serif");
    g2.setRenderingHint(SVGHints.KEY_DRAW_STRING_TYPE, SVGHints.VALUE_DRAW_STRING_TYPE_STANDARD);
    chart.draw(g2, new Rectangle2D.Double(0, 0, widthPx, heightPx));
    String svg =
        g2.getSVGElement("svg-" + id, false, new ViewBox(0, 0, widthPx, heightPx), null, null);
    return svg.replaceFirst(
        "<svg ", "<svg role=\"img\" aria-label=\"" + escapeAttribute(title()) + "\" ");
  }

  /** Writes {@link #svg()} as a standalone SVG file (with XML declaration and size). */
  public void writeSvg(Path file) throws IOException {
    String svg =
        svg().replaceFirst("<svg ", "<svg width=\"" + widthPx + "\" height=\"" + heightPx + "\" ");
    Files.writeString(
        file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg + "\n", StandardCharsets.UTF_8);
  }

  /**
   * Writes the chart as a PNG that fits in {@code maxWidthPx x maxHeightPx} pixels, drawn at the
   * figure's nominal layout and scaled uniformly (text keeps its proportions), e.g. 1600 x 1000 for
   * slides.
   */
  public void writePng(Path file, int maxWidthPx, int maxHeightPx) throws IOException {
    if (maxWidthPx < 1 || maxHeightPx < 1) {
      throw new IllegalArgumentException(
          "png size must be positive, was " + maxWidthPx + "x" + maxHeightPx);
    }
    double scale = Math.min((double) maxWidthPx / widthPx, (double) maxHeightPx / heightPx);
    int w = Math.max(1, (int) Math.round(widthPx * scale));
    int h = Math.max(1, (int) Math.round(heightPx * scale));
    BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g2 = image.createGraphics();
    try {
      g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g2.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g2.setColor(java.awt.Color.WHITE);
      g2.fillRect(0, 0, w, h);
      g2.scale(scale, scale);
      chart.draw(g2, new Rectangle2D.Double(0, 0, widthPx, heightPx));
    } finally {
      g2.dispose();
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      ChartUtils.writeBufferedImageAsPNG(out, image);
    }
  }

  /**
   * A coordinate of the SVG rounded to hundredths, without trailing zeros ({@code 12}, {@code
   * 12.5}, {@code -0.05}). Called for every number of every path (hundreds of thousands on the map
   * and the scatter of a large grid), so the usual case writes its digits into a small array
   * instead of concatenating strings; {@link #round2Concatenated} is the definition (and the rare
   * case of magnitudes from 10^16 on).
   */
  static String round2(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "0";
    }
    long hundredths = Math.round(v * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    long a = Math.abs(hundredths);
    if (a < 0 || a >= 1_000_000_000_000_000L) { // Long.MIN_VALUE stays negative
      return round2Concatenated(v);
    }
    char[] buf = new char[20];
    int pos = buf.length;
    long frac = a % 100;
    if (frac % 10 != 0) {
      buf[--pos] = (char) ('0' + frac % 10);
    }
    buf[--pos] = (char) ('0' + frac / 10);
    buf[--pos] = '.';
    long whole = a / 100;
    do {
      buf[--pos] = (char) ('0' + whole % 10);
      whole /= 10;
    } while (whole > 0);
    if (hundredths < 0) {
      buf[--pos] = '-';
    }
    return new String(buf, pos, buf.length - pos);
  }

  /** {@link #round2} by string concatenation: its definition, kept for tests and huge values. */
  static String round2Concatenated(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "0";
    }
    long hundredths = Math.round(v * 100);
    if (hundredths % 100 == 0) {
      return Long.toString(hundredths / 100);
    }
    String sign = hundredths < 0 ? "-" : "";
    long a = Math.abs(hundredths);
    long frac = a % 100;
    return sign
        + (a / 100)
        + (frac % 10 == 0 ? "." + (frac / 10) : (frac < 10 ? ".0" + frac : "." + frac));
  }

  private static String escapeAttribute(String s) {
    return s.replace("&", "&amp;")
        .replace("\"", "&quot;")
        .replace("<", "&lt;")
        .replace(">", "&gt;");
  }
}
