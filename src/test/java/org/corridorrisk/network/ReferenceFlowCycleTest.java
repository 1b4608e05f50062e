package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A reference flow that keeps a cycle of the flow it was decomposed from, and a day whose clipped
 * arc leaves a tiny excess that enters the cycle: lowering it goes round the cycle once per excess
 * (about 10^6 rounds here). {@link ReferenceFlow#install} stops its walks within their budget and
 * finishes in order (the cycle lowered away). Seen on a 40,000-node lattice grid, where a run did
 * not end (docs/performance.md, "Scenario families at scale (session 28)").
 *
 * <pre>
 *            +--> x --------+
 *   src -----|    ^|        +--> snk       src -> x -> y -> snk and src -> y -> x -> snk,
 *            |    |v        |              one unit each: x -> y and y -> x both carry 1
 *            +--> y --------+
 * </pre>
 *
 * The links are listed so that the decomposition's search (which takes each node's arcs in link
 * order) follows those two paths without meeting the cycle, and so that the walk lowering an excess
 * at x takes the arc from y first, and at y the arc from x.
 */
class ReferenceFlowCycleTest {
  private static final double TINY = 1e-6;

  private final NetworkIndex net =
      new TestNetworks()
          .source("src", 2)
          .junction("x")
          .junction("y")
          .sink("snk", 2)
          .link("x", "y", 1) // 0
          .link("y", "snk", 1) // 1
          .link("y", "x", 1) // 2
          .link("src", "x", 1) // 3
          .link("src", "y", 1) // 4
          .link("x", "snk", 1) // 5
          .compile();
  private final FlowGraph g = net.flowGraph();
  private final Block b = g.blocks[0];

  @Test
  void install_excessGoingRoundACycleOfTheReference_settlesInOrderWithinItsBudget() {
    ReferenceFlow ref = cyclicReference();
    DayInput day = new DayInput(net);
    day.linkCapacity[5] = 1 - TINY; // x -> snk clipped: an excess of TINY at x
    Residuals r = dayResiduals(day);

    ref.install(r);

    assertEquals(1, ref.settledInOrder, "the walks should run out of budget on the cycle");
    assertTrue(
        ref.lastSettleSteps <= ref.settleBudget() + 1,
        "steps " + ref.lastSettleSteps + " against a budget of " + ref.settleBudget());
    assertFeasible(r, 2 - TINY);
    // the cycle x -> y -> x was lowered away, the excess went back to the source
    assertEquals(0.0, r.flow(g.linkArcForward[0]), "x -> y");
    assertEquals(0.0, r.flow(g.linkArcForward[2]), "y -> x");
    assertEquals(1 - TINY, r.flow(g.linkArcForward[3]), 1e-15, "src -> x");
    // the node states are clean: the next install works as on a fresh reference
    DayInput supplyLower = new DayInput(net);
    supplyLower.supply[net.nodeIndex("src")] = 2 - TINY;
    Residuals next = dayResiduals(supplyLower);
    ref.install(next);
    assertFeasible(next, 2 - TINY);
    assertEquals(1, ref.settledInOrder);
  }

  @Test
  void settleRemaining_excessGoingRoundACycle_settlesInOrder() {
    ReferenceFlow ref = cyclicReference();
    DayInput day = new DayInput(net);
    day.linkCapacity[5] = 1 - TINY;
    Residuals r = dayResiduals(day);

    ref.clip(r);
    ref.settleRemaining(r);

    assertEquals(1, ref.settledInOrder);
    assertFeasible(r, 2 - TINY);
  }

  @Test
  void install_deficitThatLeavesTheCycle_settlesInAFewSteps() {
    ReferenceFlow ref = cyclicReference();
    DayInput day = new DayInput(net);
    day.supply[net.nodeIndex("src")] = 2 - TINY; // the deficit at src runs down to the sink
    Residuals r = dayResiduals(day);

    ref.install(r);
    assertEquals(0, ref.settledInOrder);
    assertTrue(ref.lastSettleSteps < 10, "steps " + ref.lastSettleSteps);
    assertFeasible(r, 2 - TINY);
  }

  /** The reference decomposed from the flow in the picture (the cycle x -> y -> x kept). */
  private ReferenceFlow cyclicReference() {
    Residuals r = dayResiduals(new DayInput(net));
    r.setFlow(g.nodeArc[net.nodeIndex("src")], 2);
    for (int l = 0; l < net.linkCount(); l++) {
      r.setFlow(g.linkArcForward[l], 1);
    }
    r.setFlow(g.nodeArc[net.nodeIndex("snk")], 2);
    ReferenceFlow ref = ReferenceFlow.decompose(g, b, r);
    // the kept flow is the whole given flow, cycle included: installed on a nominal day, every
    // link carries its unit again
    Residuals nominal = dayResiduals(new DayInput(net));
    ref.install(nominal);
    for (int l = 0; l < net.linkCount(); l++) {
      assertEquals(1.0, nominal.flow(g.linkArcForward[l]), "link " + l);
    }
    return ref;
  }

  /** The day's capacities with zero flow, the sink's arc open to its demand. */
  private Residuals dayResiduals(DayInput day) {
    Residuals r = new Residuals(g.arcs);
    g.setDay(net, b, day, r);
    int snk = net.nodeIndex("snk");
    r.setEmpty(g.nodeArc[snk], day.demand[snk]);
    return r;
  }

  /** Flow conserved at the network's nodes, within capacities, delivering {@code delivered}. */
  private void assertFeasible(Residuals r, double delivered) {
    for (int a = b.arcBegin; a < b.arcEnd; a++) {
      assertTrue(r.residual(a) >= -1e-12, "residual of arc " + a);
    }
    for (int v = b.base; v < b.source; v++) {
      double in = 0;
      for (int a = g.arcs.start[v]; a < g.arcs.start[v + 1]; a++) {
        in -= r.flow(a);
      }
      assertEquals(0.0, in, 1e-12, "conservation at node " + v);
    }
    assertEquals(delivered, r.flow(g.nodeArc[net.nodeIndex("snk")]), 1e-12);
  }
}
