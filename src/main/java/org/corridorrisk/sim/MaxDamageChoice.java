package org.corridorrisk.sim;

import java.util.Arrays;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.network.DayOutput;
import org.corridorrisk.network.NetworkIndex;

/**
 * The max-damage attacker's scan over its targets (docs/scenario-format.md, "Target selection"):
 * the largest loss of the day with the target's hit group also out, ties by the larger unserved
 * share, then by the earlier target. {@link TrialRunner} offers the candidates in target order.
 *
 * <p>Design note (which candidates need no solve): a hit group none of whose members carries
 * anything in the day's solved flow leaves that flow feasible when it is taken out, and the flow
 * stays optimal for every rule the solver applies, since each stage (tier totals, max-min fair
 * vectors of deliveries, withdrawals and refills, least withdrawal, cheapest flow for those
 * terminal flows) optimises over a set that only shrinks while still holding it. Such a candidate's
 * loss and share are the day's own, so {@link TrialRunner} takes them without a solve. Under {@code
 * sharing: any} a solve could have picked another, equally maximal split (the rule leaves it open).
 * A member "carries nothing" when it is a link with flow 0, or a source, storage or junction with
 * flow 0 on every link at it and nothing withdrawn or injected. A sink never does: its demand
 * leaves with it. Flows are the ones the solver writes (flows within its tolerance are written as
 * 0).
 */
final class MaxDamageChoice {
  private final NetworkIndex net;
  private final int nodeCount;

  /** Per node, after {@link #readDay}: whether anything flows at it today. */
  private final boolean[] nodeBusy;

  private int best;
  private double bestLoss;
  private double bestShare;
  private double runnerUpLoss;
  private double dayLoss;
  private double dayShare;

  /**
   * Per target position, for tests: the loss offered in the current scan (NaN when none), and
   * whether it was the day's own (no solve).
   */
  final double[] lossAt;

  final boolean[] idleAt;

  /**
   * @param maxTargets the most targets of any max-damage threat
   */
  MaxDamageChoice(NetworkIndex net, int maxTargets) {
    this.net = net;
    this.nodeCount = net.nodeCount();
    this.nodeBusy = new boolean[nodeCount];
    this.lossAt = new double[maxTargets];
    this.idleAt = new boolean[maxTargets];
  }

  /** Reads which assets carry flow in {@code day}, every commodity solved with link flows. */
  void readDay(DayOutput day) {
    if (!day.linkFlows) {
      throw new IllegalArgumentException("the day's link flows are needed");
    }
    Arrays.fill(nodeBusy, false);
    for (int l = 0; l < day.linkFlow.length; l++) {
      if (day.linkFlow[l] != 0) {
        nodeBusy[net.linkFrom(l)] = true;
        nodeBusy[net.linkTo(l)] = true;
      }
    }
    for (int i = 0; i < nodeCount; i++) {
      if (day.withdrawn[i] != 0 || day.injected[i] != 0) {
        nodeBusy[i] = true;
      }
    }
  }

  /**
   * Whether no member of {@code group} (asset indices: nodes, then links) carries anything in the
   * day last read, so that taking the group out leaves the day's flow optimal.
   */
  boolean carriesNothing(int[] group, DayOutput day) {
    for (int a : group) {
      if (a >= nodeCount) {
        if (day.linkFlow[a - nodeCount] != 0) {
          return false;
        }
      } else if (net.nodeKind(a) == NodeKind.SINK || nodeBusy[a]) {
        return false;
      }
    }
    return true;
  }

  /** Starts a scan. */
  void start() {
    Arrays.fill(lossAt, Double.NaN);
    Arrays.fill(idleAt, false);
    best = -1;
    bestLoss = Double.NEGATIVE_INFINITY;
    bestShare = Double.NEGATIVE_INFINITY;
    runnerUpLoss = Double.NEGATIVE_INFINITY;
  }

  /** The day's own loss and unserved share (the day as it stands, solved). */
  void day(double loss, double share) {
    dayLoss = loss;
    dayShare = share;
  }

  /** Offers target position {@code pos} at the day's own loss and share ({@link #day}). */
  void offerIdle(int pos) {
    offer(pos, dayLoss, dayShare);
    idleAt[pos] = true;
  }

  /** Offers target position {@code pos}; positions come in increasing order. */
  void offer(int pos, double loss, double share) {
    lossAt[pos] = loss;
    if (loss > bestLoss || (loss == bestLoss && share > bestShare)) {
      runnerUpLoss = bestLoss;
      best = pos;
      bestLoss = loss;
      bestShare = share;
    } else {
      runnerUpLoss = Math.max(runnerUpLoss, loss);
    }
  }

  /** The chosen position of the scan, or -1 when nothing was offered. */
  int best() {
    return best;
  }

  /** The chosen candidate's loss. */
  double bestLoss() {
    return bestLoss;
  }

  /** The largest loss among the other candidates offered ({@code -infinity} when none). */
  double runnerUpLoss() {
    return runnerUpLoss;
  }
}
