package org.corridorrisk.network;

/**
 * Days of a large single-tier block under {@code sharing: any} served from its reference flow's
 * installed state ({@link ReferenceFlow#installDay}): the state is prepared for the day, the exact
 * phase repairs what today's outages clipped ({@link StagedMaxFlow#repairClipped}), and the
 * deliveries are written, from the installed state's own where the undo journal lists every arc the
 * day changed ({@link FlowGraph#writeFromKept}). A day whose up sources cannot cover its demand is
 * not served here (its sinks are not all capped at their full demand, which the reference flow
 * assumes): the prepared state's imbalances are discarded and the caller sets the day up from zero
 * flow.
 *
 * <p>Part of {@link DailyFlowSolver}, which owns the residuals and calls it first; not thread-safe.
 */
final class InstalledDays {
  private final NetworkIndex net;
  private final FlowGraph graph;
  private final Residuals residuals;
  private final StagedMaxFlow maxFlow;

  /** Days served from an installed state (tests). */
  long days;

  /** Of those, days written from the installed deliveries (tests). */
  long keptWrites;

  InstalledDays(NetworkIndex net, FlowGraph graph, Residuals residuals, StagedMaxFlow maxFlow) {
    this.net = net;
    this.graph = graph;
    this.residuals = residuals;
    this.maxFlow = maxFlow;
  }

  /**
   * Serves day {@code in} of block {@code b} from {@code ref}'s installed state and writes the
   * block's entries of {@code out}; false (nothing written, the residuals to be set up again) when
   * the day is not served this way.
   */
  boolean serve(Block b, DayInput in, DayOutput out, ReferenceFlow ref, FlowGraph.NominalDay day) {
    double demand = ref.installDay(graph, net, b, in, residuals, day);
    double available = 0;
    for (int i : net.sourcesOf(b.commodity)) {
      available += residuals.capacity(graph.nodeArc[i]); // the residual with no flow on it
    }
    if (demand <= b.flowEpsilon || available < demand) {
      ref.discardImbalances(); // the day is set up again from zero flow
      return false;
    }
    maxFlow.repairClipped(b, ref, true);
    days++;
    if (ref.installedServed() != null && residuals.journalComplete(ref)) {
      // the day differs from the installed state only where the journal says
      graph.writeFromKept(net, b, residuals, out, ref.installedServed());
      assert sameDeliveries(b, out) : "the short pass wrote other deliveries than a full read";
      keptWrites++;
    } else {
      graph.write(net, b, residuals, out);
    }
    return true;
  }

  /** Whether {@link FlowGraph#write} gives block {@code b} the deliveries {@code out} holds. */
  private boolean sameDeliveries(Block b, DayOutput out) {
    DayOutput full = new DayOutput(net, out.linkFlows);
    graph.write(net, b, residuals, full);
    for (int i : net.sinksOf(b.commodity)) {
      if (Double.doubleToRawLongBits(full.served[i]) != Double.doubleToRawLongBits(out.served[i])) {
        return false;
      }
    }
    return true;
  }
}
