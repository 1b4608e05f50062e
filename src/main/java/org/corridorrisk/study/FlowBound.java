package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.network.DailyFlowSolver;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;
import org.corridorrisk.network.NetworkIndex;

/**
 * The flow bound of the branch and bound for {@code unserved_fraction} on scenarios without storage
 * and dependencies (where every outage day is the same static max-flow problem).
 *
 * <p>Claim: take the daily flow x the solver delivers with the set S down. Removing further assets
 * T loses at most the flow that passes through them: decompose x into source-sink paths and drop
 * those through T; what remains is feasible without T. So, per commodity, the day's delivery
 * without S u T is at least delivery(S) - sum over t in T of throughput_x(t), where a link's
 * throughput is its flow and a node's is the flow on its incident links plus what it serves. Over
 * the horizon the outage days lose that much more each, so f(S u T) <= f(S) + sum_t throughput_x(t)
 * x outageDays / (commodities x demand_c x horizon). This relies on the solver delivering a maximum
 * total flow each day (tiers and shortage sharing only split it; see docs/criticality.md).
 *
 * <p>Safety check: the model's f(S) computed here must match the engine's value for the empty set
 * and for each single candidate ({@link #agrees}); if it does not, the caller must not use the
 * bound. One instance per thread (it owns a solver). Not thread-safe.
 */
final class FlowBound {
  private final NetworkIndex net;
  private final DailyFlowSolver solver;
  private final DayInput in;
  private final DayOutput out;
  private final int[] candidateNode;
  private final int[] candidateLink;
  private final int[][] incidentLinks;
  private final double[] demandPerDay;
  private final double[] baselineServedPerDay;
  private final int commodities;
  private final int horizonDays;
  private final int outageDays;

  FlowBound(Scenario scenario, List<String> candidates, int outageDays) {
    this.net = NetworkIndex.compile(scenario);
    this.solver = new DailyFlowSolver(net);
    this.in = new DayInput(net);
    this.out = new DayOutput(net);
    this.commodities = net.commodityCount();
    this.horizonDays = scenario.horizonDays();
    this.outageDays = Math.min(outageDays, horizonDays);
    candidateNode = new int[candidates.size()];
    candidateLink = new int[candidates.size()];
    for (int i = 0; i < candidates.size(); i++) {
      candidateNode[i] = net.nodeIndex(candidates.get(i));
      candidateLink[i] = candidateNode[i] >= 0 ? -1 : net.linkIndex(candidates.get(i));
    }
    List<List<Integer>> incident = new ArrayList<>();
    for (int v = 0; v < net.nodeCount(); v++) {
      incident.add(new ArrayList<>());
    }
    for (int l = 0; l < net.linkCount(); l++) {
      incident.get(net.linkFrom(l)).add(l);
      incident.get(net.linkTo(l)).add(l);
    }
    incidentLinks = new int[net.nodeCount()][];
    for (int v = 0; v < net.nodeCount(); v++) {
      incidentLinks[v] = incident.get(v).stream().mapToInt(Integer::intValue).toArray();
    }
    demandPerDay = new double[commodities];
    for (int c = 0; c < commodities; c++) {
      for (int sink : net.sinksOf(c)) {
        demandPerDay[c] += net.demandPerDay(sink);
      }
    }
    baselineServedPerDay = servedPerDay(new int[0]);
  }

  /** Solves one outage day with the candidates {@code set} down; returns delivery per commodity. */
  private double[] servedPerDay(int[] set) {
    in.resetToNominal();
    for (int i : set) {
      if (candidateNode[i] >= 0) {
        in.nodeUp[candidateNode[i]] = false;
      } else {
        in.linkUp[candidateLink[i]] = false;
      }
    }
    double[] served = new double[commodities];
    for (int c = 0; c < commodities; c++) {
      solver.solve(c, in, out);
      for (int sink : net.sinksOf(c)) {
        served[c] += out.served[sink];
      }
    }
    return served;
  }

  /** f(S) as this model computes it (outage days at delivery(S), the rest at the baseline). */
  private double modelled(double[] served) {
    double sum = 0;
    for (int c = 0; c < commodities; c++) {
      if (demandPerDay[c] > 0) {
        double unserved =
            outageDays * (demandPerDay[c] - served[c])
                + (horizonDays - outageDays) * (demandPerDay[c] - baselineServedPerDay[c]);
        sum += unserved / (demandPerDay[c] * horizonDays);
      }
    }
    return commodities == 0 ? 0 : sum / commodities;
  }

  /** Whether this model's f(set) equals the engine's value (absolute tolerance 1e-9). */
  boolean agrees(int[] set, double engineValue) {
    return Math.abs(modelled(servedPerDay(set)) - engineValue) <= 1e-9;
  }

  /** The additive bound around {@code set} for the candidates {@code rest}. */
  AdditiveBound bound(int[] set, int[] rest) {
    double[] served = servedPerDay(set);
    double base = modelled(served);
    double[] per = new double[rest.length];
    for (int j = 0; j < rest.length; j++) {
      int i = rest[j];
      double throughput;
      int commodity;
      if (candidateNode[i] >= 0) {
        int v = candidateNode[i];
        commodity = net.nodeCommodity(v);
        throughput = out.served[v];
        for (int l : incidentLinks[v]) {
          throughput += out.linkFlow[l];
        }
      } else {
        int l = candidateLink[i];
        commodity = net.linkCommodity(l);
        throughput = out.linkFlow[l];
      }
      per[j] =
          demandPerDay[commodity] > 0
              ? throughput * outageDays / (commodities * demandPerDay[commodity] * horizonDays)
              : 0;
    }
    return new AdditiveBound(base + 1e-12, per);
  }
}
