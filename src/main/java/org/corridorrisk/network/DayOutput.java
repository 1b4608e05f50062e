package org.corridorrisk.network;

/**
 * Result of one day for one commodity, GLOBAL indices; {@link DailyFlowSolver#solve} writes only
 * the entries of the commodity it solves (other entries keep their values). Rates are in the
 * commodity's unit per day; all values are {@code >= 0}.
 */
public final class DayOutput {
  /** Per sink node: delivered today (0 when the sink is down). */
  public final double[] served;

  /** Per storage node: delivered from storage today. */
  public final double[] withdrawn;

  /**
   * Per storage node: refilled today; never both {@code withdrawn > 0} and {@code injected > 0}.
   */
  public final double[] injected;

  /**
   * Per link: absolute flow today, whatever its direction; all 0 when {@link #linkFlows} is false.
   */
  public final double[] linkFlow;

  /**
   * Whether the solver fills {@link #linkFlow}; without, it skips a pass over every link of the
   * commodity (worth it on large networks when no caller reads link flows).
   */
  public final boolean linkFlows;

  /** Sum over the commodity's links of {@code linkFlow x cost_per_unit} (0 without costs). */
  public double cost;

  /** Allocates zeroed arrays sized to the network; link flows are filled. */
  public DayOutput(NetworkIndex net) {
    this(net, true);
  }

  /** Allocates zeroed arrays sized to the network; link flows only if {@code linkFlows}. */
  public DayOutput(NetworkIndex net, boolean linkFlows) {
    this.linkFlows = linkFlows;
    served = new double[net.nodeCount()];
    withdrawn = new double[net.nodeCount()];
    injected = new double[net.nodeCount()];
    linkFlow = new double[net.linkCount()];
  }
}
