package org.corridorrisk.study;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.jgrapht.Graph;
import org.jgrapht.alg.flow.PushRelabelMFImpl;
import org.jgrapht.alg.interfaces.MaximumFlowAlgorithm;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.DirectedWeightedMultigraph;

/**
 * A reference outage function for tests: one commodity, no storage, one priority; each day of the
 * outage delivers a maximum flow (JGraphT push-relabel), the other days deliver everything. Only
 * for networks where the per-sink split of the maximum flow is forced.
 */
final class FlowOutage implements OutageFunction {
  private final Scenario scenario;

  FlowOutage(Scenario scenario) {
    this.scenario = scenario;
  }

  @Override
  public TrialMetrics evaluate(Collection<String> assetIds, int outageDays) {
    Set<String> down = new HashSet<>(assetIds);
    Graph<String, DefaultWeightedEdge> g =
        new DirectedWeightedMultigraph<>(DefaultWeightedEdge.class);
    g.addVertex("$s");
    g.addVertex("$t");
    for (Node n : scenario.nodes()) {
      if (!down.contains(n.id())) {
        g.addVertex(n.id());
      }
    }
    for (Node n : scenario.nodes()) {
      if (down.contains(n.id())) {
        continue;
      }
      if (n.kind() == NodeKind.SOURCE) {
        g.setEdgeWeight(g.addEdge("$s", n.id()), n.supplyPerDay());
      } else if (n.kind() == NodeKind.SINK) {
        g.setEdgeWeight(g.addEdge(n.id(), "$t"), n.demandPerDay());
      }
    }
    for (Link l : scenario.links()) {
      if (!down.contains(l.id()) && g.containsVertex(l.from()) && g.containsVertex(l.to())) {
        g.setEdgeWeight(g.addEdge(l.from(), l.to()), l.capacityPerDay());
      }
    }
    MaximumFlowAlgorithm.MaximumFlow<DefaultWeightedEdge> flow =
        new PushRelabelMFImpl<>(g).getMaximumFlow("$s", "$t");
    int days = Math.min(outageDays, scenario.horizonDays());
    double demand = 0;
    double unserved = 0;
    double direct = 0;
    double personDays = 0;
    for (Node n : scenario.nodes()) {
      if (n.kind() != NodeKind.SINK) {
        continue;
      }
      double served = 0;
      if (g.containsVertex(n.id())) {
        served = flow.getFlowMap().get(g.getEdge(n.id(), "$t"));
      }
      double short_ = (n.demandPerDay() - served) * days;
      demand += n.demandPerDay() * scenario.horizonDays();
      unserved += short_;
      direct += short_ * n.valueOfLostLoad();
      personDays += n.demandPerDay() > 0 ? n.population() * short_ / n.demandPerDay() : 0;
    }
    double[] values = new double[Metric.values().length];
    values[Metric.UNSERVED_FRACTION.ordinal()] = demand > 0 ? unserved / demand : 0;
    values[Metric.DIRECT_LOSS.ordinal()] = direct;
    values[Metric.ECONOMIC_LOSS.ordinal()] = direct;
    values[Metric.PERSON_DAYS_WITHOUT_SERVICE.ordinal()] = personDays;
    return new TrialMetrics(
        values, new double[] {unserved}, new double[] {personDays}, new double[0], new double[0]);
  }
}
