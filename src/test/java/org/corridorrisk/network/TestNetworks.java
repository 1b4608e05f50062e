package org.corridorrisk.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;

/** Small builder of one-commodity scenarios for solver tests. */
final class TestNetworks {
  static final String GAS = "gas";
  private final List<Commodity> commodities = new ArrayList<>(List.of(new Commodity(GAS, "mcm/d")));
  private final List<Node> nodes = new ArrayList<>();
  private final List<Link> links = new ArrayList<>();
  private final Map<String, Incidents.AssetExtras> assets = new LinkedHashMap<>();
  private Sharing sharing = Sharing.FAIR;

  TestNetworks commodity(String id) {
    commodities.add(new Commodity(id, "u"));
    return this;
  }

  TestNetworks source(String id, double supply) {
    nodes.add(Node.source(id, GAS, supply));
    return this;
  }

  TestNetworks sink(String id, double demand) {
    return sink(id, demand, 1);
  }

  TestNetworks sink(String id, double demand, int priority) {
    nodes.add(Node.sink(id, GAS, demand).withSinkDetails(priority, 0, 0, null));
    return this;
  }

  TestNetworks junction(String id) {
    nodes.add(Node.junction(id, GAS));
    return this;
  }

  /** A junction that passes at most {@code throughput} per day. */
  TestNetworks junction(String id, double throughput) {
    nodes.add(Node.junction(id, GAS));
    assets.put(id, new Incidents.AssetExtras(List.of(), throughput, null, null, null));
    return this;
  }

  TestNetworks storage(
      String id, double inventory, double maxWithdrawal, double capacity, double maxInjection) {
    nodes.add(Node.storage(id, GAS, inventory, maxWithdrawal, capacity, maxInjection));
    return this;
  }

  TestNetworks node(Node node) {
    nodes.add(node);
    return this;
  }

  TestNetworks link(String from, String to, double capacity) {
    links.add(Link.of(from + "-" + to + "-" + links.size(), from, to, GAS, capacity));
    return this;
  }

  TestNetworks undirected(String from, String to, double capacity) {
    links.add(Link.of(from + "-" + to + "-" + links.size(), from, to, GAS, capacity).undirected());
    return this;
  }

  TestNetworks costly(String from, String to, double capacity, double costPerUnit) {
    Link l = Link.of(from + "-" + to + "-" + links.size(), from, to, GAS, capacity);
    links.add(l.with(l.kind(), null, costPerUnit, null));
    return this;
  }

  TestNetworks add(Link link) {
    links.add(link);
    return this;
  }

  TestNetworks sharing(Sharing rule) {
    sharing = rule;
    return this;
  }

  Scenario scenario() {
    Incidents incidents = new Incidents(null, Map.of(), assets, Map.of(), List.of());
    return new Scenario(
            "test",
            "",
            1,
            "USD",
            commodities,
            nodes,
            links,
            List.of(),
            List.of(),
            null,
            List.of(),
            incidents)
        .withSharing(sharing);
  }

  NetworkIndex compile() {
    return NetworkIndex.compile(scenario());
  }
}
