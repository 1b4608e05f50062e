package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.corridorrisk.network.CompiledNetwork;

/**
 * Threats compiled for the trial loop. Assets are numbered 0..N-1 for nodes and N..N+L-1 for links
 * ("asset index"). Targets keep the model's canonical order (nodes in file order, then links in
 * file order).
 */
final class ThreatPlan {
  final Compiled[] threats;

  ThreatPlan(Scenario scenario, CompiledNetwork net) {
    List<Threat> list = scenario.threats();
    threats = new Compiled[list.size()];
    for (int i = 0; i < threats.length; i++) {
      threats[i] = new Compiled(list.get(i), scenario, net);
    }
  }

  /** One threat. */
  static final class Compiled {
    final String id;
    final long key;
    final boolean poisson;
    final boolean hazard;

    /** Hazard: events at a rate ({@code events_per_year}); false: once on {@code start_day}. */
    final boolean hazardRated;

    final double ratePerDay;
    final double successProbability;
    final double failProbability;
    final int startDay;
    final Selection selection;
    final RepairTime repair;
    final int[] targets;

    /**
     * With a {@code rate_profile}: the cumulative expected attempts at the start of each day
     * (length horizon + 1, {@code cumulativeRate[d] = sum over j < d of ratePerDay x factor(j)});
     * {@code null} without one.
     */
    final double[] cumulativeRate;

    /**
     * Damage states: cumulative probabilities (the last forced to 1), factors, own repair times
     * (null entries: none), restoration stages' factors and days. Empty without damage states (one
     * implicit state: factor 0, no repair time of its own, no stages).
     */
    final double[] stateCumulative;

    final double[] stateFactor;
    final RepairTime[] stateRepair;
    final double[][] stageFactor;
    final RepairTime[][] stageDays;

    /**
     * Cumulative capacity weights in target order; {@code null} unless capacity-weighted with
     * weight > 0.
     */
    final double[] cumulativeWeight;

    /** For each target position: the asset indices disabled by a common-mode success there. */
    final int[][] hitGroup;

    Compiled(Threat t, Scenario scenario, CompiledNetwork net) {
      id = t.id();
      key = Streams.threatKey(t.id());
      poisson = t.model() == ThreatModel.POISSON;
      hazard = t.model() == ThreatModel.HAZARD;
      hazardRated = hazard && t.eventsPerYear() > 0;
      ratePerDay = t.eventsPerYear() / 365.0;
      successProbability = t.successProbability();
      failProbability = t.probability() * t.successProbability();
      startDay = t.startDay();
      selection = t.selection();
      repair = t.repair();
      List<String> rateProfile = scenario.incidents().threat(t.id()).rateProfile();
      if (rateProfile.isEmpty()) {
        cumulativeRate = null;
      } else {
        int h = scenario.horizonDays();
        cumulativeRate = new double[h + 1];
        for (int d = 0; d < h; d++) {
          cumulativeRate[d + 1] =
              cumulativeRate[d] + ratePerDay * scenario.incidents().factor(rateProfile, d);
        }
      }
      List<Incidents.DamageState> states = scenario.incidents().threat(t.id()).damage();
      int k = states.size();
      stateCumulative = new double[k];
      stateFactor = new double[k];
      stateRepair = new RepairTime[k];
      stageFactor = new double[k][];
      stageDays = new RepairTime[k][];
      double sumP = 0;
      for (int i = 0; i < k; i++) {
        Incidents.DamageState st = states.get(i);
        sumP += st.probability();
        stateCumulative[i] = i == k - 1 ? 1.0 : sumP;
        stateFactor[i] = st.capacityFactor();
        stateRepair[i] = st.repair();
        int stages = st.restoration().size();
        stageFactor[i] = new double[stages];
        stageDays[i] = new RepairTime[stages];
        for (int j = 0; j < stages; j++) {
          stageFactor[i][j] = st.restoration().get(j).capacityFactor();
          stageDays[i][j] = st.restoration().get(j).days();
        }
      }
      int n = net.nodeCount();
      targets = new int[t.targets().size()];
      String[] corridor = new String[targets.length];
      for (int i = 0; i < targets.length; i++) {
        String asset = t.targets().get(i);
        int node = net.nodeIndex(asset);
        if (node >= 0) {
          targets[i] = node;
        } else {
          int link = net.linkIndex(asset);
          if (link < 0) {
            throw new IllegalStateException(
                "threat '" + id + "' targets unknown asset '" + asset + "'");
          }
          targets[i] = n + link;
          Link l = scenario.link(asset);
          corridor[i] = l.corridor();
        }
      }
      double[] cum = new double[targets.length];
      double total = 0;
      for (int i = 0; i < targets.length; i++) {
        total += weight(net, targets[i]);
        cum[i] = total;
      }
      cumulativeWeight = selection == Selection.CAPACITY_WEIGHTED && total > 0 ? cum : null;
      hitGroup = new int[targets.length][];
      for (int i = 0; i < targets.length; i++) {
        if (!t.commonMode() || corridor[i] == null) {
          hitGroup[i] = new int[] {targets[i]};
          continue;
        }
        List<Integer> group = new ArrayList<>();
        group.add(targets[i]);
        for (int j = 0; j < targets.length; j++) {
          if (j != i && corridor[i].equals(corridor[j])) {
            group.add(targets[j]);
          }
        }
        hitGroup[i] = group.stream().mapToInt(Integer::intValue).toArray();
      }
    }

    /** Capacity weight: link capacity; node supply, demand or max withdrawal by kind. */
    static double weight(CompiledNetwork net, int asset) {
      int n = net.nodeCount();
      if (asset >= n) {
        return net.linkCapacity(asset - n);
      }
      switch (net.nodeKind(asset)) {
        case SOURCE:
          return net.supplyPerDay(asset);
        case SINK:
          return net.demandPerDay(asset);
        case STORAGE:
          return net.maxWithdrawalPerDay(asset);
        default:
          return 0;
      }
    }

    /**
     * The attempt time whose cumulative rate is {@code s} (inverse of the piecewise linear
     * cumulative rate), or {@code +inf} when {@code s} is beyond the horizon's total.
     */
    double timeAtCumulative(double s) {
      double[] cum = cumulativeRate;
      int h = cum.length - 1;
      if (!(s < cum[h])) {
        return Double.POSITIVE_INFINITY;
      }
      // first day j with cum[j + 1] > s
      int lo = 0;
      int hi = h - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cum[mid + 1] > s) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      double t = lo + (s - cum[lo]) / (cum[lo + 1] - cum[lo]);
      return Math.min(t, Math.nextDown((double) (lo + 1)));
    }

    /** Target position for uniform or capacity-weighted selection from the target uniform. */
    int pick(double u) {
      int m = targets.length;
      if (cumulativeWeight == null) {
        return Math.min(m - 1, (int) (u * m));
      }
      double x = u * cumulativeWeight[m - 1];
      int lo = 0;
      int hi = m - 1;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (cumulativeWeight[mid] > x) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      return lo;
    }

    /** The damage state for its uniform {@code u} (-1: no damage states, the implicit one). */
    int damageState(double u) {
      int k = stateCumulative.length;
      for (int i = 0; i < k; i++) {
        if (u < stateCumulative[i]) {
          return i;
        }
      }
      return k - 1;
    }

    /** Outage length in whole days for the repair uniform {@code u}. */
    int repairDays(double u) {
      return days(repair, u);
    }

    /** Whole days (rounded up, capped) of {@code dist} at the uniform {@code u}. */
    static int days(RepairTime dist, double u) {
      double days = dist.quantileDays(u);
      if (!(days > 0)) {
        return 0;
      }
      return days >= Integer.MAX_VALUE / 2.0 ? Integer.MAX_VALUE / 2 : (int) Math.ceil(days);
    }
  }
}
