package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.report.charts.Charts.Band;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** Share axes (the resilience curve) never label above 100% and never repeat a tick label. */
class ShareAxisTest {
  private static final Pattern PERCENT_LABEL = Pattern.compile(">([0-9.]+)%</text>");

  /** The y-axis tick labels of a one-band chart whose band spans [low, 1]. */
  private static List<String> tickLabels(double low) {
    int days = 30;
    double[] x = new double[days];
    double[] mid = new double[days];
    double[] lo = new double[days];
    double[] hi = new double[days];
    for (int i = 0; i < days; i++) {
      x[i] = i + 1;
      hi[i] = 1;
      lo[i] = i % 7 == 3 ? low : 1;
      mid[i] = (lo[i] + 3 * hi[i]) / 4;
    }
    Figure f =
        Charts.bands(
            "resilience",
            "Resilience",
            "guide",
            List.of(new Band("gas", x, mid, lo, hi)),
            "day",
            "share of demand served",
            Charts.shareRange(low),
            true);
    List<String> labels = new ArrayList<>();
    Matcher m = PERCENT_LABEL.matcher(f.svg());
    while (m.find()) {
      labels.add(m.group(1));
    }
    return labels;
  }

  @Test
  void ticksStayAtOrBelow100Percent_andAreDistinct_forNarrowAndWideRanges() {
    for (double low : new double[] {0.0, 0.12, 0.5, 0.9, 0.97, 0.995, 0.9999, 1.0}) {
      List<String> labels = tickLabels(low);
      assertTrue(labels.size() >= 3, low + ": " + labels);
      assertEquals(
          new LinkedHashSet<>(labels).size(),
          labels.size(),
          "repeated tick at " + low + ": " + labels);
      for (String l : labels) {
        assertTrue(Double.parseDouble(l) <= 100, "tick above 100% at " + low + ": " + labels);
      }
      assertTrue(labels.contains("100"), "100% labelled at " + low + ": " + labels);
    }
  }

  @Test
  void shareRange_endsJustAbove100Percent_andStartsBelowTheLowestBand() {
    Range r = Charts.shareRange(0.9);
    assertTrue(r.getLowerBound() < 0.9 && r.getLowerBound() >= 0.84, r.toString());
    assertTrue(r.getUpperBound() > 1 && r.getUpperBound() < 1.005, r.toString());
    assertEquals(0, Charts.shareRange(0.01).getLowerBound());
  }
}
