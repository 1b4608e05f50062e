package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlowGraph#writeFromKept} (the deliveries of a day served from the installed reference
 * state, copied from that state and read again only at the sink arcs the journal lists) against
 * {@link FlowGraph#write} (every sink arc read) on the same solved state, bit for bit, on days one
 * solver solves one after the other into one output, as a trial runner does.
 */
class WriteFromKeptTest {
  private static final int C = 0;
  @TempDir Path dir;

  /**
   * The power grid with capacities that bind (sources at the best-connected 5% of nodes, lines at
   * 22 units a day, as a member of the benchmark's grid family) under days with about one line in a
   * hundred out, some at reduced capacity, a few sinks out or with another demand: every day's
   * deliveries equal those of a full read. Most days take the short pass, so it is what is tested.
   */
  @Test
  void deliveries_sameBitsAsReadingEverySinkArc_onABindingGrid() throws Exception {
    NetworkIndex net = bindingGrid(dir);
    DailyFlowSolver solver = new DailyFlowSolver(net);
    DayOutput out = new DayOutput(net, false);
    Arrays.fill(out.served, Double.NaN); // every sink must be written
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    int days = 60;
    for (int day = 0; day < days; day++) {
      DayInput in = new DayInput(net);
      double down = day % 10 == 9 ? 0.05 : 0.01; // a tenth of the days change many lines
      for (int l = 0; l < net.linkCount(); l++) {
        double u = rng.nextDouble();
        in.linkUp[l] = u >= down;
        in.linkCapacity[l] = net.linkCapacity(l) * (u < down + 0.002 ? 0.4 : 1);
      }
      for (int i : net.sinksOf(C)) {
        double u = rng.nextDouble();
        in.nodeUp[i] = day % 3 != 2 || u >= 0.002;
        in.demand[i] = net.demandPerDay(i) * (day % 4 == 3 && u < 0.01 ? 1.5 : 1);
      }
      solver.solve(C, in, out);
      DayOutput every = new DayOutput(net, false);
      solver.writeEveryArc(C, every);
      for (int i : net.sinksOf(C)) {
        assertEquals(
            Double.doubleToRawLongBits(every.served[i]),
            Double.doubleToRawLongBits(out.served[i]),
            "day " + day + ", sink " + i + ": " + every.served[i] + " vs " + out.served[i]);
      }
    }
    assertTrue(
        solver.installed.keptWrites >= days / 2,
        solver.installed.keptWrites + " of " + days + " days short pass");
    assertTrue(solver.installed.keptWrites < days, "some days take the full pass");
  }

  /**
   * The power grid imported as a member of the benchmark's binding grid family: sources at the
   * best-connected 5% of nodes, lines at 22 units a day, {@code sharing: any}.
   */
  static NetworkIndex bindingGrid(Path dir) throws Exception {
    Path file = dir.resolve("grid.yaml");
    ImportOptions binding =
        new ImportOptions(null, null, 247, null, 22.073721, null, null, null, null);
    ScenarioImporter.importFile(org.corridorrisk.TestData.powerGrid(), null, binding)
        .write(file, false);
    return NetworkIndex.compile(ScenarioLoader.load(file).baseline().withSharing(Sharing.ANY));
  }

  /**
   * Random networks (directed and undirected links, nodes and links down, short supply), three days
   * each through one solver and one output: the same deliveries as a full read.
   */
  @Test
  void deliveries_sameBitsAsReadingEverySinkArc_onRandomNetworks() {
    RandomNetworks gen = new RandomNetworks();
    gen.sharing = Sharing.ANY;
    long kept = 0;
    for (long seed = 0; seed < 600; seed++) {
      gen.ampleSupply = seed % 4 != 0;
      RandomNetworks.Case c = gen.generate(70_000 + seed);
      DailyFlowSolver solver =
          new DailyFlowSolver(c.net(), SolverOptions.DEFAULTS.withReferencePathsMinNodes(0));
      DayOutput out = new DayOutput(c.net());
      Arrays.fill(out.served, Double.NaN);
      for (DayInput in : new DayInput[] {c.in(), new DayInput(c.net()), c.in()}) {
        solver.solve(C, in, out);
        DayOutput every = new DayOutput(c.net());
        solver.writeEveryArc(C, every);
        for (int i : c.net().sinksOf(C)) {
          assertEquals(
              Double.doubleToRawLongBits(every.served[i]),
              Double.doubleToRawLongBits(out.served[i]),
              "seed " + seed + ", sink " + i);
        }
      }
      kept += solver.installed.keptWrites;
    }
    assertTrue(kept > 100, "short pass on " + kept + " days");
  }
}
