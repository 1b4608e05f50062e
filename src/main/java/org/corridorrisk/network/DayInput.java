package org.corridorrisk.network;

import java.util.Arrays;

/**
 * Input of one day for one commodity. Arrays are indexed by GLOBAL node/link index and are meant to
 * be reused by the caller (one instance per worker thread); {@link DailyFlowSolver#solve} reads
 * only the entries of the commodity it solves. Rates are in the commodity's unit per day.
 *
 * <p>Values that are not finite or are negative are treated as 0 by the solver.
 */
public final class DayInput {
  private final CompiledNetwork net;

  /** {@code false} = disabled: injects, stores, passes and receives nothing. */
  public final boolean[] nodeUp;

  /** {@code false} = disabled: carries nothing. */
  public final boolean[] linkUp;

  /** Per sink node: today's demand (nominal demand x profile factor). */
  public final double[] demand;

  /**
   * Per link: today's capacity (nominal capacity x profile factor x damage factor); in both
   * directions when undirected.
   */
  public final double[] linkCapacity;

  /**
   * Per source node: most it can inject today (nominal supply x profile x damage x dependency
   * factor).
   */
  public final double[] supply;

  /** Per storage node: most it can deliver today, {@code min(max_withdrawal, inventory)}. */
  public final double[] withdrawCap;

  /**
   * Per storage node: most it can refill today, {@code min(max_injection, capacity - inventory)}.
   */
  public final double[] injectCap;

  /** Allocates arrays sized to the network with everything up and nominal day-0 values. */
  public DayInput(CompiledNetwork net) {
    this.net = net;
    nodeUp = new boolean[net.nodeCount()];
    linkUp = new boolean[net.linkCount()];
    supply = new double[net.nodeCount()];
    demand = new double[net.nodeCount()];
    linkCapacity = new double[net.linkCount()];
    withdrawCap = new double[net.nodeCount()];
    injectCap = new double[net.nodeCount()];
    resetToNominal();
  }

  /**
   * Sets everything up and every rate to its nominal day-0 value (inventory as in the scenario).
   */
  public void resetToNominal() {
    Arrays.fill(nodeUp, true);
    Arrays.fill(linkUp, true);
    for (int l = 0; l < linkUp.length; l++) {
      linkCapacity[l] = net.linkCapacity(l);
    }
    for (int i = 0; i < nodeUp.length; i++) {
      supply[i] = net.supplyPerDay(i);
      demand[i] = net.demandPerDay(i);
      withdrawCap[i] = Math.min(net.maxWithdrawalPerDay(i), net.inventory(i));
      injectCap[i] =
          Math.max(
              0, Math.min(net.maxInjectionPerDay(i), net.storageCapacity(i) - net.inventory(i)));
    }
  }
}
