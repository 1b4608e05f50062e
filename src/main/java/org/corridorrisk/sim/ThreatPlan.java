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
import org.corridorrisk.network.NetworkIndex;

/**
 * Threats compiled for the trial loop. Assets are numbered 0..N-1 for nodes and N..N+L-1 for links
 * ("asset index"). Targets keep the model's canonical order (nodes in file order, then links in
 * file order).
 */
final class ThreatPlan {
  final Compiled[] threats;

  ThreatPlan(Scenario scenario, NetworkIndex net) {
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

    /** Hazard footprint, or null (see {@link Footprint}). */
    final Footprint footprint;

    /**
     * Cumulative capacity weights in target order; {@code null} unless capacity-weighted with
     * weight > 0.
     */
    final double[] cumulativeWeight;

    /** For each target position: the asset indices disabled by a common-mode success there. */
    final int[][] hitGroup;

    Compiled(Threat t, Scenario scenario, NetworkIndex net) {
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
        total += weight(net, targets[i], scenario.incidents());
        cum[i] = total;
      }
      cumulativeWeight = selection == Selection.CAPACITY_WEIGHTED && total > 0 ? cum : null;
      Incidents.Hazard hz = scenario.incidents().threat(t.id()).hazard();
      footprint = hazard && hz != null ? new Footprint(hz, this, scenario, net) : null;
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

    /**
     * Capacity weight: link capacity; node supply, demand or max withdrawal by kind; a junction's
     * {@code throughput} (0 without one).
     */
    static double weight(NetworkIndex net, int asset, Incidents incidents) {
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
          double throughput = incidents.asset(net.nodeId(asset)).throughput();
          return Double.isNaN(throughput) ? 0 : throughput;
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
      return wholeDays(dist.quantileDays(u));
    }

    /** A quantile of a repair time in whole days (rounded up; 0 when not positive). */
    static int wholeDays(double days) {
      if (!(days > 0)) {
        return 0;
      }
      return days >= Integer.MAX_VALUE / 2.0 ? Integer.MAX_VALUE / 2 : (int) Math.ceil(days);
    }
  }

  /**
   * A hazard's footprint compiled for the trial loop: the targets it can damage (a fragility entry
   * for their kind and a location; a link needs both ends located), each with its fragility and
   * position as unit vectors on the sphere.
   *
   * <p>Design note: distances are great-circle distances on a sphere of radius 6371 km, computed
   * from unit vectors with {@code atan2(|a x b|, a . b)} (accurate at every distance, unlike the
   * arccosine of the dot product at short ones). For a link the distance is to the nearest point of
   * the great-circle arc between its ends: the epicentre is projected onto the arc's plane; when
   * the projection falls inside the arc the distance is the angle to the plane, otherwise to the
   * nearer end.
   */
  static final class Footprint {
    static final double EARTH_RADIUS_KM = 6371.0;
    private static final org.apache.commons.statistics.distribution.NormalDistribution PHI =
        org.apache.commons.statistics.distribution.NormalDistribution.of(0, 1);

    final Incidents.Hazard hazard;

    /** Affected assets (asset indices, in target order) and their fragility and geometry. */
    final int[] assets;

    final double[] median;
    final double[] beta;

    /** Per affected asset: end A (a node's position), end B (links; else null). */
    final double[][] a;

    final double[][] b;

    Footprint(Incidents.Hazard h, Compiled th, Scenario scenario, NetworkIndex net) {
      hazard = h;
      int n = net.nodeCount();
      List<Integer> keep = new ArrayList<>();
      List<double[]> fa = new ArrayList<>();
      List<double[]> fb = new ArrayList<>();
      List<Incidents.Fragility> fr = new ArrayList<>();
      for (int asset : th.targets) {
        String kind;
        org.corridorrisk.model.Location la;
        org.corridorrisk.model.Location lb = null;
        if (asset < n) {
          org.corridorrisk.model.Node node = scenario.node(net.nodeId(asset));
          kind = node.kind().fileName();
          la = node.location();
        } else {
          Link l = scenario.link(net.linkId(asset - n));
          kind = l.kind().fileName();
          la = scenario.node(l.from()).location();
          lb = scenario.node(l.to()).location();
          if (lb == null) {
            la = null;
          }
        }
        Incidents.Fragility f = null;
        for (Incidents.Fragility x : h.fragility()) {
          if (x.kinds().contains(kind)) {
            f = x;
            break;
          }
        }
        if (f == null || la == null) {
          continue;
        }
        keep.add(asset);
        fr.add(f);
        fa.add(unit(la.lat(), la.lon()));
        fb.add(lb == null ? null : unit(lb.lat(), lb.lon()));
      }
      assets = keep.stream().mapToInt(Integer::intValue).toArray();
      median = new double[assets.length];
      beta = new double[assets.length];
      a = fa.toArray(new double[0][]);
      b = fb.toArray(new double[0][]);
      for (int i = 0; i < assets.length; i++) {
        median[i] = fr.get(i).median();
        beta[i] = fr.get(i).beta();
      }
    }

    /**
     * Intensity at the epicentre for the uniform {@code u}. A draw beyond the largest double (the
     * far tail of a lognormal with an extreme spread) is the largest double: an infinite intensity
     * would be written as "Infinity" in the exercise's events and, times the underflowed factor of
     * a far asset, give NaN.
     */
    double intensityAtEpicenter(double u) {
      double i0 =
          hazard.intensity() == null ? hazard.intensityValue() : hazard.intensity().quantileDays(u);
      return Math.min(i0, Double.MAX_VALUE);
    }

    /** Failure probability of affected asset {@code i} for an event at {@code epi} with I0. */
    double failProbability(int i, double[] epi, double i0) {
      double r = EARTH_RADIUS_KM * (b[i] == null ? angle(epi, a[i]) : arcAngle(epi, a[i], b[i]));
      double intensity = i0 * Math.pow(2, -r / hazard.halvingKm());
      return fragility(intensity, median[i], beta[i]);
    }

    /** Lognormal fragility {@code Phi(ln(I / median) / beta)}; 0 for no intensity. */
    static double fragility(double intensity, double median, double beta) {
      if (!(intensity > 0)) {
        return 0;
      }
      return PHI.cumulativeProbability(Math.log(intensity / median) / beta);
    }

    static double[] unit(double latDeg, double lonDeg) {
      double lat = Math.toRadians(latDeg);
      double lon = Math.toRadians(lonDeg);
      return new double[] {
        Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
      };
    }

    private static double[] cross(double[] u, double[] v) {
      return new double[] {
        u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]
      };
    }

    private static double dot(double[] u, double[] v) {
      return u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    }

    private static double norm(double[] u) {
      return Math.sqrt(dot(u, u));
    }

    /** Central angle between unit vectors (radians). */
    static double angle(double[] u, double[] v) {
      return Math.atan2(norm(cross(u, v)), dot(u, v));
    }

    /**
     * Central angle from {@code p} to the nearest point of the minor arc from {@code u} to {@code
     * v}.
     */
    static double arcAngle(double[] p, double[] u, double[] v) {
      double[] n = cross(u, v);
      double len = norm(n);
      double ends = Math.min(angle(p, u), angle(p, v));
      if (len < 1e-12) {
        return ends; // ends coincide (or are antipodal): no unique arc
      }
      double[] nh = {n[0] / len, n[1] / len, n[2] / len};
      double s = dot(p, nh);
      double[] q = {p[0] - s * nh[0], p[1] - s * nh[1], p[2] - s * nh[2]};
      double qn = norm(q);
      if (qn < 1e-15) {
        return ends; // p is a pole of the arc's great circle
      }
      boolean inside = dot(cross(u, q), nh) >= 0 && dot(cross(q, v), nh) >= 0;
      return inside ? Math.atan2(Math.abs(s), qn) : ends;
    }
  }
}
