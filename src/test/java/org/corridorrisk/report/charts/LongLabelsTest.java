package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.report.charts.Charts.Bar;
import org.corridorrisk.report.charts.Charts.TornadoBar;
import org.junit.jupiter.api.Test;

/** Category labels longer than the room beside the bars (ids of 60 and more characters). */
class LongLabelsTest {
  static final String LINE = "samkir-agstafa-main-transmission-segment-with-a-very-long-name";

  @Test
  void fit_keepsBothEndsAndTheBracketedNote() {
    String fitted = FittingCategoryAxis.fit("abcdefghijklmnopqrst (5%)", 15, String::length);
    assertEquals("abcde\u2026qrst (5%)", fitted);
    assertEquals(15, fitted.length());
    assertEquals("short (5%)", FittingCategoryAxis.fit("short (5%)", 15, String::length));
    assertEquals(
        "abcdef\u2026uvwxy",
        FittingCategoryAxis.fit("abcdefghijklmnopqrstuvwxy", 12, String::length));
    assertNull(FittingCategoryAxis.fit("abcdefghij (a long note)", 10, String::length));
  }

  @Test
  void barLabels_keepTheirEndAndShare_soIdsThatDifferAtTheEndStayApart() {
    Figure f =
        Charts.horizontalBars(
            "sinks",
            "Unserved volume",
            "guide",
            List.of(
                Bar.of(LINE + "-east (3.92%)", "priority 1", 5),
                Bar.of(LINE + "-west (1.5%)", "priority 1", 3)),
            "volume",
            false);
    String svg = f.svg();
    assertTrue(svg.contains("-east (3.92%)"), "end and share of the first label");
    assertTrue(svg.contains("-west (1.5%)"), "end and share of the second label");
    assertTrue(svg.contains("samkir"), "the start too");
    assertFalse(svg.contains("..."), "no label cut at its end");
  }

  @Test
  void tornadoLabels_keepTheShareInBrackets() {
    Figure f =
        Charts.tornado(
            "drivers",
            "Drivers",
            "guide",
            List.of(
                new TornadoBar("gas-" + LINE + " (11.1%)", 1, 9),
                new TornadoBar("power-" + LINE + " (4.5%)", 2, 7)),
            5,
            "loss",
            "not disabled",
            "disabled");
    String svg = f.svg();
    assertTrue(svg.contains("-name (11.1%)"), "share of the first row");
    assertTrue(svg.contains("-name (4.5%)"), "share of the second row");
  }

  static final java.awt.FontMetrics SMALL =
      new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB)
          .createGraphics()
          .getFontMetrics(ChartStyle.SMALL_FONT);

  @Test
  void scatterLabels_inACrowd_neverOverlapNorCoverAPoint_andStayInThePlot() {
    // 55 mitigations on one rising curve, every one labelled with a long id (the cost-benefit
    // chart)
    List<ScatterLabels.Label> labels = new java.util.ArrayList<>();
    List<double[]> marks = new java.util.ArrayList<>();
    for (int i = 0; i < 55; i++) {
      double x = 60 + i * 10;
      double y = 300 - 5 * Math.sqrt(i * 60.0);
      labels.add(new ScatterLabels.Label(String.format("mitigation-%02d-%s", i, LINE), x, y));
      marks.add(new double[] {x, y});
    }
    java.awt.geom.Rectangle2D area = new java.awt.geom.Rectangle2D.Double(50, 10, 700, 310);
    List<ScatterLabels.Placed> placed = ScatterLabels.place(labels, marks, area, SMALL);
    assertTrue(placed.size() >= 5, "some labels find room: " + placed.size());
    assertTrue(placed.size() < 55, "not all 55 fit without overlap");
    for (int i = 0; i < placed.size(); i++) {
      java.awt.geom.Rectangle2D a = placed.get(i).box();
      assertTrue(area.contains(a), placed.get(i).text() + " inside the plot");
      assertTrue(a.getWidth() <= 220, "long ids are shortened");
      for (double[] m : marks) {
        assertFalse(
            a.intersects(m[0] - 5, m[1] - 5, 10, 10), placed.get(i).text() + " covers a point");
      }
      for (int j = i + 1; j < placed.size(); j++) {
        assertFalse(
            a.intersects(placed.get(j).box()),
            placed.get(i).text() + " overlaps " + placed.get(j).text());
      }
    }
  }

  record SvgText(String text, java.awt.geom.Rectangle2D box) {}

  /** The scatter's labels as drawn in the SVG: text elements in the small font. */
  static List<SvgText> smallTexts(String svg) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "<text x='([-0-9.]+)' y='([-0-9.]+)' style='[^']*font-size: 10px;[^']*'[^>]*>([^<]*)</text>")
            .matcher(svg);
    List<SvgText> out = new java.util.ArrayList<>();
    while (m.find()) {
      double x = Double.parseDouble(m.group(1));
      double y = Double.parseDouble(m.group(2));
      String text = m.group(3).replace("&amp;", "&");
      out.add(
          new SvgText(
              text,
              new java.awt.geom.Rectangle2D.Double(
                  x,
                  y - SMALL.getAscent(),
                  SMALL.stringWidth(text),
                  SMALL.getAscent() + SMALL.getDescent())));
    }
    return out;
  }

  @Test
  void scatterFigure_withManyLongLabels_drawsNoTwoLabelsOverEachOther() {
    List<Charts.Point> points = new java.util.ArrayList<>();
    for (int i = 0; i < 55; i++) {
      points.add(
          new Charts.Point(
              String.format("mitigation-%02d-%s", i, LINE),
              "efficient",
              1e5 * (i + 1),
              3e5 * Math.sqrt(i + 1),
              true));
    }
    Figure f =
        Charts.scatter(
            "cost-benefit",
            "Cost and benefit",
            "guide.",
            points,
            "cost",
            "reduction",
            false,
            false);
    List<SvgText> labels = new java.util.ArrayList<>();
    for (SvgText t : smallTexts(f.svg())) {
      if (t.text().startsWith("mitigation-")) {
        labels.add(t);
      }
    }
    assertTrue(labels.size() >= 3, "some labels drawn: " + labels.size());
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        // a pixel of slack for the SVG's rounded coordinates
        java.awt.geom.Rectangle2D a = labels.get(i).box();
        java.awt.geom.Rectangle2D b = labels.get(j).box();
        assertFalse(
            a.createIntersection(b).getWidth() > 1 && a.createIntersection(b).getHeight() > 1,
            labels.get(i).text() + " overlaps " + labels.get(j).text());
      }
    }
    assertTrue(f.guide().contains("left out"), f.guide());
  }
}
