package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.model.Scenario;
import org.corridorrisk.stats.ShareHistogram;
import org.junit.jupiter.api.Test;

/**
 * The study counts the days a trial did not add (undisturbed served share) in bulk per batch: its
 * served-share series equal the trial-by-trial sums over every day (the mean up to rounding of the
 * sums' order, the percentiles exactly), for any thread count.
 */
class BulkShareAccountingTest {

  @Test
  void servedShareSeriesEqualTheDayByDaySums() {
    // 250 trials: two full batches and a partial one; the day-by-day reference runner adds every
    // day of every trial
    Scenario s = ReproducibilityTest.network();
    int trials = 250;
    long seed = 5;
    StudyResult one = MonteCarlo.run(s, RunOptions.of(trials, seed, 1));
    StudyResult two = MonteCarlo.run(s, RunOptions.of(trials, seed, 2));
    StudyModel model = new StudyModel(s);
    TrialRunner runner = new TrialRunner(model, model.baseline, true);
    TrialRunner shortcut = new TrialRunner(model, model.baseline);
    int h = model.horizonDays;
    int groups = MonteCarlo.dayGroups(h);
    double[][] sum = new double[model.commodityCount][h];
    ShareHistogram histogram = new ShareHistogram(model.commodityCount * groups);
    int disturbed = 0;
    for (int k = 0; k < trials; k++) {
      runner.runTrial(seed, k);
      disturbed += shortcut.runTrial(seed, k) ? 1 : 0;
      double[][] shares = runner.ledger().servedShareByCommodityDay();
      for (int c = 0; c < shares.length; c++) {
        for (int d = 0; d < h; d++) {
          sum[c][d] += shares[c][d];
          histogram.add(c * groups + MonteCarlo.dayGroup(d, h), shares[c][d]);
        }
      }
    }
    assertTrue(disturbed > 0 && disturbed < trials, "disturbed trials " + disturbed);
    boolean belowOne = false;
    for (int c = 0; c < model.commodityCount; c++) {
      for (int d = 0; d < h; d++) {
        double want = sum[c][d] / trials;
        belowOne |= want < 1;
        // the same sums in another order: equal up to a few ulps of the total
        assertEquals(want, one.daily().mean()[c][d], 1e-12, "commodity " + c + " day " + d);
        int series = c * groups + MonteCarlo.dayGroup(d, h);
        assertEquals(histogram.percentile(series, 0.05), one.daily().p05()[c][d], 0.0);
        assertEquals(histogram.percentile(series, 0.95), one.daily().p95()[c][d], 0.0);
      }
      assertArrayEquals(one.daily().mean()[c], two.daily().mean()[c], 0.0);
      assertArrayEquals(one.daily().p05()[c], two.daily().p05()[c], 0.0);
    }
    assertTrue(belowOne, "some day has a mean served share below 1");
  }
}
