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
    assertEquals("abcdef\u2026uvwxy", FittingCategoryAxis.fit("abcdefghijklmnopqrstuvwxy", 12, String::length));
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
}
