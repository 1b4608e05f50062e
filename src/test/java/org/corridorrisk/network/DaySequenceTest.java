package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Sharing;
import org.junit.jupiter.api.Test;

/**
 * One solver serves day after day, as a trial does: what a day leaves behind (the installed
 * reference state, its undo journal, the reference flow's imbalances) must not change a later day.
 * Each day's total delivery is compared with a new solver's for that day alone, and with {@code
 * -ea} (as the tests run) every solve checks capacities and conservation itself.
 *
 * <p>The days include supply shortfalls (sources at a fraction of their supply, so that the day's
 * demand can exceed what the sources offer: the installed state is then prepared, found unusable
 * and the day solved from zero flow) between days served from the installed state. Before the fix
 * of {@link ReferenceFlow#discardImbalances} such a day left its clipped imbalances behind and the
 * next installed day repaired them as if they were its own, ending with flow not conserved.
 */
class DaySequenceTest {
  @Test
  void daysServedOneAfterAnother_deliverWhatEachDayAloneDelivers() {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = Sharing.ANY;
    int shortDays = 0;
    for (long seed = 0; seed < 300; seed++) {
      gen.ampleSupply = seed % 2 == 0;
      gen.otherCommodity = seed % 5 == 0;
      RandomNetworks.Case c = gen.generate(70_000 + seed);
      NetworkIndex net = c.net();
      // reference paths on every block, so that small random networks take the installed path
      SolverOptions options = SolverOptions.DEFAULTS.withReferencePathsMinNodes(0);
      DailyFlowSolver sequence = new DailyFlowSolver(net, options);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
      for (int day = 0; day < 6; day++) {
        DayInput in = day == 0 ? c.in() : new DayInput(net);
        if (day > 0) {
          for (int l = 0; l < net.linkCount(); l++) {
            in.linkUp[l] = rng.nextDouble() >= 0.1;
          }
          double factor = rng.nextDouble() < 0.4 ? 0.3 : 1.0; // a day of short supply
          for (int k = 0; k < net.commodityCount(); k++) {
            for (int i : net.sourcesOf(k)) {
              in.supply[i] *= factor;
            }
          }
          shortDays += factor < 1 ? 1 : 0;
        }
        solveAndCompare(sequence, net, options, in, false, "seed " + seed + " day " + day);
      }
    }
    assertTrue(shortDays > 200, "days of short supply: " + shortDays);
  }

  /**
   * The same with every feature of the random networks (storages, priority tiers, link costs, both
   * sharing rules) and days that also take nodes out and change demands: under {@code fair} each
   * sink's delivery is the one max-min fair split of the tier totals, so sinks are compared one by
   * one; under {@code any} the total delivery and the total withdrawal (both unique) are.
   */
  @Test
  void everyFeature_daysOneAfterAnother_matchEachDayAlone() {
    RandomNetworks gen = new RandomNetworks();
    for (long seed = 0; seed < 300; seed++) {
      gen.sharing = seed % 2 == 0 ? Sharing.ANY : Sharing.FAIR;
      gen.storages = seed % 3 != 0;
      gen.priorities = seed % 4 < 2;
      gen.costs = seed % 5 < 2;
      gen.ampleSupply = seed % 7 < 4;
      gen.otherCommodity = seed % 6 == 0;
      RandomNetworks.Case c = gen.generate(90_000 + seed);
      NetworkIndex net = c.net();
      SolverOptions options = SolverOptions.DEFAULTS.withReferencePathsMinNodes(0);
      DailyFlowSolver sequence = new DailyFlowSolver(net, options);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
      for (int day = 0; day < 6; day++) {
        DayInput in = day == 0 ? c.in() : new DayInput(net);
        if (day > 0) {
          for (int l = 0; l < net.linkCount(); l++) {
            in.linkUp[l] = rng.nextDouble() >= 0.1;
          }
          for (int i = 0; i < net.nodeCount(); i++) {
            in.nodeUp[i] = rng.nextDouble() >= 0.05;
            in.demand[i] *= rng.nextDouble() < 0.1 ? 1.5 : 1.0;
            in.supply[i] *= rng.nextDouble() < 0.2 ? 0.4 : 1.0;
          }
        }
        boolean fair = gen.sharing == Sharing.FAIR;
        solveAndCompare(sequence, net, options, in, fair, "seed " + seed + " day " + day);
      }
    }
  }

  /**
   * Solves day {@code in} with {@code sequence} (which has served the earlier days) and with a new
   * solver, and compares per commodity the total delivery, the total withdrawal and, with {@code
   * perSink}, every sink's delivery.
   */
  private static void solveAndCompare(
      DailyFlowSolver sequence,
      NetworkIndex net,
      SolverOptions options,
      DayInput in,
      boolean perSink,
      String day) {
    DayOutput got = new DayOutput(net);
    DayOutput alone = new DayOutput(net);
    for (int k = 0; k < net.commodityCount(); k++) {
      String where = day + " commodity " + k;
      try {
        sequence.solve(k, in, got);
      } catch (AssertionError e) {
        throw new AssertionError(where + ": " + e.getMessage(), e);
      }
      new DailyFlowSolver(net, options).solve(k, in, alone);
      double expected = total(net, k, alone.served);
      double tol = 1e-9 * (1 + expected);
      assertEquals(expected, total(net, k, got.served), tol, where);
      double withdrawn = 0;
      double withdrawnAlone = 0;
      for (int i : net.storagesOf(k)) {
        withdrawn += got.withdrawn[i];
        withdrawnAlone += alone.withdrawn[i];
      }
      assertEquals(withdrawnAlone, withdrawn, tol, where + ": total withdrawal");
      for (int i : perSink ? net.sinksOf(k) : new int[0]) {
        assertEquals(alone.served[i], got.served[i], tol, where + ": sink " + i);
      }
    }
  }

  private static double total(NetworkIndex net, int commodity, double[] served) {
    double sum = 0;
    for (int i : net.sinksOf(commodity)) {
      sum += served[i];
    }
    return sum;
  }
}
