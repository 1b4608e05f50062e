package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Sharing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A day whose input carries the caller's hint ({@link DayInput#hintChanges}: flags on the links and
 * sources that may differ from the nominal day, more than those that do) is solved as without it:
 * outputs bit for bit, on random networks and days one after the other through one solver.
 */
class DayHintTest {
  private static final int C = 0;
  @TempDir Path dir;

  @Test
  void hintedDays_sameOutputsAsComparingEveryEntry() {
    RandomNetworks gen = new RandomNetworks();
    for (long seed = 0; seed < 400; seed++) {
      gen.sharing = seed % 2 == 0 ? Sharing.ANY : Sharing.FAIR;
      gen.ampleSupply = seed % 4 != 0;
      gen.otherCommodity = seed % 5 == 0;
      RandomNetworks.Case c = gen.generate(50_000 + seed);
      NetworkIndex net = c.net();
      // without the reference flow (too few nodes): days set up from the nominal day
      SolverOptions options = SolverOptions.DEFAULTS;
      DailyFlowSolver hinted = new DailyFlowSolver(net, options);
      DailyFlowSolver plain = new DailyFlowSolver(net, options);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
      for (int day = 0; day < 4; day++) {
        // day 0 the case's day, then days with every node up, a few links out or at another
        // capacity and a few sources at another supply
        DayInput in = day == 0 ? c.in() : new DayInput(net);
        DayInput nominal = new DayInput(net);
        if (day > 0) {
          for (int l = 0; l < net.linkCount(); l++) {
            double u = rng.nextDouble();
            in.linkUp[l] = u >= 0.1;
            in.linkCapacity[l] *= u > 0.9 ? 0.5 : 1;
          }
          for (int i : net.sourcesOf(C)) {
            in.supply[i] *= rng.nextDouble() < 0.2 ? 0.7 : 1;
          }
        }
        boolean[] links = new boolean[net.linkCount()];
        boolean[] nodes = new boolean[net.nodeCount()];
        for (int l = 0; l < links.length; l++) {
          links[l] =
              in.linkUp[l] != nominal.linkUp[l]
                  || in.linkCapacity[l] != nominal.linkCapacity[l]
                  || rng.nextInt(4) == 0;
        }
        for (int i = 0; i < nodes.length; i++) {
          nodes[i] = in.supply[i] != nominal.supply[i] || rng.nextInt(4) == 0;
        }
        DayInput copy = copyOf(net, in);
        in.hintChanges(links, nodes);
        DayOutput a = new DayOutput(net);
        DayOutput b = new DayOutput(net);
        for (int k = 0; k < net.commodityCount(); k++) {
          hinted.solve(k, in, a);
          plain.solve(k, copy, b);
        }
        assertArrayEquals(b.served, a.served, 0.0, "seed " + seed + " day " + day);
        assertArrayEquals(b.linkFlow, a.linkFlow, 0.0, "seed " + seed + " day " + day);
        assertArrayEquals(b.withdrawn, a.withdrawn, 0.0, "seed " + seed + " day " + day);
      }
    }
  }

  /**
   * The binding grid (as {@link WriteFromKeptTest}), where days are prepared from the installed
   * reference state: thirty days with about one line in a hundred out or at reduced capacity and a
   * few sources at another supply, a quarter of the other links and sources flagged as well.
   */
  @Test
  void hintedDays_onABindingGrid_sameOutputs() throws Exception {
    NetworkIndex net = WriteFromKeptTest.bindingGrid(dir);
    DailyFlowSolver hinted = new DailyFlowSolver(net);
    DailyFlowSolver plain = new DailyFlowSolver(net);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(77L);
    for (int day = 0; day < 30; day++) {
      DayInput in = new DayInput(net);
      boolean[] links = new boolean[net.linkCount()];
      boolean[] nodes = new boolean[net.nodeCount()];
      for (int l = 0; l < net.linkCount(); l++) {
        double u = rng.nextDouble();
        in.linkUp[l] = u >= 0.01;
        in.linkCapacity[l] *= u < 0.012 ? 0.4 : 1;
        links[l] = u < 0.012 || rng.nextInt(4) == 0;
      }
      for (int i : net.sourcesOf(C)) {
        double u = rng.nextDouble();
        in.supply[i] *= u < 0.02 ? 0.5 : 1;
        nodes[i] = u < 0.02 || rng.nextInt(4) == 0;
      }
      DayInput copy = copyOf(net, in);
      in.hintChanges(links, nodes);
      DayOutput a = new DayOutput(net);
      DayOutput b = new DayOutput(net);
      hinted.solve(C, in, a);
      plain.solve(C, copy, b);
      assertArrayEquals(b.served, a.served, 0.0, "day " + day);
      assertArrayEquals(b.linkFlow, a.linkFlow, 0.0, "day " + day);
    }
    assertTrue(
        hinted.installed.days > 15, hinted.installed.days + " days from the installed state");
  }

  @Test
  void hintOfAnotherSize_isRefused() {
    RandomNetworks.Case c = new RandomNetworks().generate(1);
    DayInput in = c.in();
    assertThrows(
        IllegalArgumentException.class,
        () -> in.hintChanges(new boolean[in.linkUp.length + 1], new boolean[in.nodeUp.length]));
  }

  private static DayInput copyOf(NetworkIndex net, DayInput in) {
    DayInput d = new DayInput(net);
    System.arraycopy(in.nodeUp, 0, d.nodeUp, 0, in.nodeUp.length);
    System.arraycopy(in.linkUp, 0, d.linkUp, 0, in.linkUp.length);
    System.arraycopy(in.demand, 0, d.demand, 0, in.demand.length);
    System.arraycopy(in.linkCapacity, 0, d.linkCapacity, 0, in.linkCapacity.length);
    System.arraycopy(in.supply, 0, d.supply, 0, in.supply.length);
    System.arraycopy(in.withdrawCap, 0, d.withdrawCap, 0, in.withdrawCap.length);
    System.arraycopy(in.injectCap, 0, d.injectCap, 0, in.injectCap.length);
    System.arraycopy(in.throughput, 0, d.throughput, 0, in.throughput.length);
    return d;
  }
}
