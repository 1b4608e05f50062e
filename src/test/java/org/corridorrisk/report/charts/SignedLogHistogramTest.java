package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.IntervalXYDataset;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/** Paired differences: zeros left out, positive and negative sizes on a log axis, shares of all. */
class SignedLogHistogramTest {
  private static double sum(XYDataset d, int series) {
    double s = 0;
    for (int i = 0; i < d.getItemCount(series); i++) {
      s += d.getYValue(series, i);
    }
    return s;
  }

  @Test
  void zerosAreLeftOut_andEachSignSumsToItsShareOfAllTrials() {
    // 10 trials: 6 zero, 1 residual (1e-12 of the largest), 2 better (10 and 1000), 1 worse (-100)
    double[] d = {0, 0, 0, 0, 0, 0, 1e-9, 10, 1000, -100};
    Figure f = Charts.signedLogHistogram("p", "t", "g", d, 1000 * 1e-9, "x", "better", "worse", 10);
    IntervalXYDataset data = (IntervalXYDataset) ((XYPlot) f.chart().getPlot()).getDataset();
    assertEquals(2, data.getSeriesCount());
    assertEquals("better", data.getSeriesKey(0));
    // shares of ALL 10 trials: 2 better -> 20%, 1 worse -> 10%
    assertEquals(0.2, sum(data, 0), 1e-12);
    assertEquals(0.1, sum(data, 1), 1e-12);
    // the bins span the sizes 10..1000 (log axis), not zero
    assertTrue(data.getStartXValue(0, 0) >= 10 - 1e-9, "first bin starts at the smallest size");
    assertEquals(1000, data.getEndXValue(0, data.getItemCount(0) - 1), 1e-6);
  }

  @Test
  void onlyBetterTrials_drawOneSeries_andNoDifferenceDrawsNothing() {
    Figure f =
        Charts.signedLogHistogram("p", "t", "g", new double[] {0, 5, 50}, 0, "x", "b", "w", 5);
    assertEquals(1, ((XYPlot) f.chart().getPlot()).getDataset().getSeriesCount());
    assertNull(Charts.signedLogHistogram("p", "t", "g", new double[] {0, 0}, 0, "x", "b", "w", 5));
  }
}
