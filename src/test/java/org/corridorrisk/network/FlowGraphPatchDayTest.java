package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FlowGraph#patchDay} from the nominal day must leave every arc of the block as a full
 * set-up from zero does ({@link FlowGraph#setDay(NetworkIndex, Block, DayInput, Residuals)}), bit
 * for bit, and mark exactly the arcs it changed, in the order of a pass over every link, source and
 * the rest (the order later steps rely on). With every node up it looks only at links whose state
 * or capacity differs from the nominal day; these tests change both, with and without nodes down.
 */
class FlowGraphPatchDayTest {
  @TempDir Path dir;

  @Test
  void patchDay_sameArcsAndMarks_asAFullSetUp_onRandomNetworks() {
    RandomNetworks gen = new RandomNetworks();
    int withChanges = 0;
    int allNodesUp = 0;
    for (long seed = 0; seed < 600; seed++) {
      gen.otherCommodity = seed % 3 == 0;
      gen.storages = seed % 4 == 0;
      gen.nodeDownProbability = seed % 2 == 0 ? 0 : 0.08;
      RandomNetworks.Case c = gen.generate(70_000 + seed);
      UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
      for (int l = 0; l < c.net().linkCount(); l++) {
        double u = rng.nextDouble();
        // partial damage and raised capacities
        c.in().linkCapacity[l] *= u < 0.1 ? 0.5 : u < 0.15 ? 2 : 1;
      }
      for (int i = 0; i < c.net().nodeCount(); i++) {
        // cut and raised supplies (read for sources only)
        double u = rng.nextDouble();
        c.in().supply[i] *= u < 0.2 ? 0.5 : u < 0.3 ? 3 : 1;
      }
      boolean up = true;
      for (boolean nodeUp : c.in().nodeUp) {
        up &= nodeUp;
      }
      allNodesUp += up ? 1 : 0;
      withChanges += check(c.net(), c.in()) ? 1 : 0;
    }
    assertTrue(withChanges > 400, withChanges + " of 600 cases changed links");
    assertTrue(allNodesUp > 200, allNodesUp + " of 600 cases had every node up");
  }

  @Test
  void patchDay_sameArcsAndMarks_asAFullSetUp_onThePowerGrid() throws Exception {
    Path file = dir.resolve("grid.yaml");
    ScenarioImporter.importFile(
            org.corridorrisk.TestData.powerGrid(), null, ImportOptions.defaults())
        .write(file, false);
    NetworkIndex net = NetworkIndex.compile(ScenarioLoader.load(file).baseline());
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    for (int day = 0; day < 8; day++) {
      DayInput in = new DayInput(net);
      double out = day % 2 == 0 ? 0.01 : 0.1;
      for (int l = 0; l < net.linkCount(); l++) {
        double u = rng.nextDouble();
        in.linkUp[l] = u >= out;
        in.linkCapacity[l] *= u > 0.99 ? 0.4 : 1;
      }
      for (int i : net.sourcesOf(0)) {
        in.supply[i] *= rng.nextDouble() < 0.05 ? 0.3 : 1;
      }
      if (day % 4 == 3) {
        in.nodeUp[rng.nextInt(net.nodeCount())] = false;
      }
      assertTrue(check(net, in), "day " + day);
    }
  }

  /** Compares both set-ups on every block; returns whether any link changed. */
  private static boolean check(NetworkIndex net, DayInput in) {
    FlowGraph g = net.flowGraph();
    boolean anyLink = false;
    for (Block b : g.blocks) {
      FlowGraph.NominalDay nominal = g.nominalDay(net, b, new Residuals(g.arcs));
      Residuals full = new Residuals(g.arcs);
      g.setDay(net, b, in, full);
      Residuals patched = new Residuals(g.arcs);
      g.setDay(net, b, in, patched, nominal);
      for (int a = b.arcBegin; a < b.arcEnd; a++) {
        assertEquals(
            Double.doubleToRawLongBits(full.capacity(a)),
            Double.doubleToRawLongBits(patched.capacity(a)),
            "capacity of arc " + a);
        assertEquals(
            Double.doubleToRawLongBits(full.residual(a)),
            Double.doubleToRawLongBits(patched.residual(a)),
            "residual of arc " + a);
      }
      List<Integer> expected = new ArrayList<>();
      anyLink |= expectedMarks(net, g, b, in, nominal, expected);
      int[] marks = new int[patched.markCount()];
      for (int i = 0; i < marks.length; i++) {
        marks[i] = patched.marked(i);
      }
      assertArrayEquals(expected.stream().mapToInt(Integer::intValue).toArray(), marks);
    }
    return anyLink;
  }

  /**
   * The marks of a pass over every link and source of the block, as patchDay made them before it
   * skipped unchanged links: changed links in {@code linksOf} order (forward arc, twin, backward
   * arc), changed sources, then junction limits, storages and the root arc.
   */
  private static boolean expectedMarks(
      NetworkIndex net,
      FlowGraph g,
      Block b,
      DayInput in,
      FlowGraph.NominalDay nominal,
      List<Integer> marks) {
    int[] links = net.linksOf(b.commodity);
    boolean anyLink = false;
    for (int k = 0; k < links.length; k++) {
      int l = links[k];
      boolean up = in.linkUp[l] && in.nodeUp[net.linkFrom(l)] && in.nodeUp[net.linkTo(l)];
      double capacity = up ? in.linkCapacity[l] : 0;
      if (capacity != nominal.linkCapacity()[k]) {
        anyLink = true;
        int a = g.linkArcForward[l];
        marks.add(a);
        if (g.arcRole[g.arcs.rev[a]] == FlowGraph.LINK_TWIN) {
          marks.add(g.arcs.rev[a]);
        }
        if (g.linkArcBackward[l] >= 0) {
          marks.add(g.linkArcBackward[l]);
        }
      }
    }
    int[] sources = net.sourcesOf(b.commodity);
    for (int k = 0; k < sources.length; k++) {
      int i = sources[k];
      double rate = in.nodeUp[i] ? StorageSteps.rate(in.supply[i]) : 0;
      if (rate != nominal.sourceRate()[k]) {
        marks.add(g.nodeArc[i]);
      }
    }
    for (int j : net.limitedJunctionsOf(b.commodity)) {
      marks.add(g.throughArc[j]);
    }
    for (int i : net.storagesOf(b.commodity)) {
      marks.add(g.nodeArc[i]);
    }
    marks.add(b.rootArc);
    return anyLink;
  }
}
