package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.sim.OutageEvaluator;
import org.junit.jupiter.api.Test;

/** The study on the engine's own outage evaluator (sim.OutageEvaluator). */
class CriticalityEngineTest {

  static CriticalityResult study(Scenario s, int budget, int outageDays) {
    return CriticalityStudy.run(
        s,
        new CriticalityOptions(
            outageDays, budget, Metric.UNSERVED_FRACTION, 0, 2, 10_000, 3, false));
  }

  @Test
  void trunkAndSpur_trunkGroupFirstThenLinkAThenSpur() {
    CriticalityResult r =
        study(CriticalityNetworks.trunkAndSpur(), 1, CriticalityNetworks.HORIZON_DAYS);
    List<String> ids = r.assets().stream().map(AssetOutage::id).toList();
    // infrastructure only (no sinks by default)
    assertEquals(List.of("hub", "source", "trunk", "a", "spur"), ids);
    assertEquals(1.0, r.assets().get(2).get(Metric.UNSERVED_FRACTION), 1e-9);
    assertEquals(0.4, r.assets().get(4).get(Metric.UNSERVED_FRACTION), 1e-9);
    assertEquals(List.of("trunk"), r.worstCase().get(0).assetIds());
  }

  @Test
  void outageDays_shorterOutage_scalesTheLoss() {
    CriticalityResult r = study(CriticalityNetworks.trunkAndSpur(), 0, 5);
    AssetOutage trunk =
        r.assets().stream().filter(a -> a.id().equals("trunk")).findFirst().orElseThrow();
    assertEquals(0.5, trunk.get(Metric.UNSERVED_FRACTION), 1e-9);
    assertEquals(100 * 10 * 5.0, trunk.get(Metric.ECONOMIC_LOSS), 1e-6);
  }

  @Test
  void parallelPaths_exactSearchFindsThePairGreedyWouldMiss() {
    CriticalityResult r =
        study(CriticalityNetworks.parallelPaths(), 2, CriticalityNetworks.HORIZON_DAYS);
    assertEquals(List.of("x"), r.worstCase().get(0).assetIds());
    assertEquals(List.of("p1", "p2"), r.worstCase().get(1).assetIds());
    assertEquals(100 / 110.0, r.worstCase().get(1).get(Metric.UNSERVED_FRACTION), 1e-9);
    assertTrue(r.worstCase().get(1).search().exact());
  }

  @Test
  void engine_agreesWithReferenceMaxFlow_onHandBuiltNetworks() {
    for (Scenario s :
        List.of(
            CriticalityNetworks.trunkAndSpur(),
            CriticalityNetworks.parallelPaths(),
            CriticalityNetworks.twinSpurs())) {
      OutageEvaluator engine = new OutageEvaluator(s);
      FlowOutage reference = new FlowOutage(s);
      for (String id : CriticalityStudy.threatTargets(s)) {
        assertEquals(
            reference.evaluate(List.of(id), 10).get(Metric.UNSERVED_FRACTION),
            engine.evaluate(List.of(id), 10).get(Metric.UNSERVED_FRACTION),
            1e-9,
            s.name() + " " + id);
      }
    }
  }

  /**
   * A random one-commodity network without storage: every sink reachable (a random tree plus extra
   * links).
   */
  static Scenario randomNetwork(UniformRandomProvider rng, int index) {
    int nodeCount = 5 + rng.nextInt(4);
    List<Node> nodes = new ArrayList<>();
    nodes.add(Node.source("n0", "gas", 10 + rng.nextInt(20)));
    for (int i = 1; i < nodeCount; i++) {
      nodes.add(
          rng.nextInt(3) == 0
              ? Node.junction("n" + i, "gas")
              : Node.sink("n" + i, "gas", 1 + rng.nextInt(8))
                  .withSinkDetails(1 + rng.nextInt(2), 100, 1, null));
    }
    if (rng.nextBoolean()) {
      nodes.set(nodeCount - 1, Node.source("n" + (nodeCount - 1), "gas", 5 + rng.nextInt(10)));
    }
    List<Link> links = new ArrayList<>();
    for (int i = 1; i < nodeCount; i++) {
      links.add(Link.of("t" + i, "n" + rng.nextInt(i), "n" + i, "gas", 1 + rng.nextInt(12)));
    }
    int extra = 2 + rng.nextInt(5);
    for (int e = 0; e < extra; e++) {
      int a = rng.nextInt(nodeCount);
      int b = rng.nextInt(nodeCount - 1);
      if (b >= a) {
        b++;
      }
      Link l = Link.of("x" + e, "n" + a, "n" + b, "gas", 1 + rng.nextInt(12));
      links.add(rng.nextBoolean() ? l : l.undirected());
    }
    boolean hasSink =
        nodes.stream().anyMatch(n -> n.kind() == org.corridorrisk.model.NodeKind.SINK);
    if (!hasSink) {
      nodes.set(1, Node.sink("n1", "gas", 5));
    }
    Threat t =
        Threat.poisson(
            "attack",
            1,
            1,
            new RepairTime.Fixed(3),
            new TargetSpec(null, null, List.of("other", "junction"), null, null));
    return new Scenario(
        "random-" + index,
        null,
        3,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        nodes,
        links,
        List.of(t),
        null,
        null,
        null);
  }

  @Test
  void exactSearch_matchesBruteForce_onSmallRandomNetworks() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    int flowBound = 0;
    for (int trial = 0; trial < 25; trial++) {
      Scenario s = randomNetwork(rng, trial);
      CriticalityResult r = study(s, 3, 2);
      assertTrue(r.monotoneObjective());
      flowBound += r.flowBoundUsed() ? 1 : 0;
      List<String> candidates = r.candidates();
      OutageEvaluator engine = new OutageEvaluator(s);
      SetObjective f =
          set -> {
            List<String> ids = new ArrayList<>();
            for (int i : set) {
              ids.add(candidates.get(i));
            }
            return engine.evaluate(ids, 2).get(Metric.UNSERVED_FRACTION);
          };
      for (WorstSet w : r.worstCase()) {
        double[] best = new double[1];
        int[] brute = WorstCaseSearchTest.bruteForce(candidates.size(), w.budget(), f, best);
        assertEquals(best[0], w.search().value(), 1e-9, s.name() + " budget " + w.budget());
        assertArrayEquals(brute, w.search().assets(), s.name() + " budget " + w.budget());
        assertTrue(w.search().exact());
      }
    }
    // the flow bound's model of f must agree with the engine on every one of these networks
    assertEquals(25, flowBound);
  }
}
