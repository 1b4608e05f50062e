package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Dependency;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.Threat;

/** Builds small scenarios in code for engine tests (single commodity "gas" unless added). */
final class Build {
  final List<Commodity> commodities = new ArrayList<>(List.of(new Commodity("gas", "mcm/d")));
  final List<Node> nodes = new ArrayList<>();
  final List<Link> links = new ArrayList<>();
  final List<Threat> threats = new ArrayList<>();
  final List<Dependency> dependencies = new ArrayList<>();
  Economy economy;
  int horizon = 10;

  static Build horizon(int days) {
    Build b = new Build();
    b.horizon = days;
    return b;
  }

  Build commodity(String id) {
    commodities.add(new Commodity(id, "u"));
    return this;
  }

  Build node(Node n) {
    nodes.add(n);
    return this;
  }

  Build source(String id, double supply) {
    return node(Node.source(id, "gas", supply));
  }

  Build sink(String id, double demand) {
    return node(Node.sink(id, "gas", demand));
  }

  Build junction(String id) {
    return node(Node.junction(id, "gas"));
  }

  Build link(String id, String from, String to, double capacity) {
    links.add(Link.of(id, from, to, "gas", capacity));
    return this;
  }

  Build link(Link l) {
    links.add(l);
    return this;
  }

  Build threat(Threat t) {
    threats.add(t);
    return this;
  }

  Build dependency(String sink, String supports) {
    dependencies.add(new Dependency(sink, supports, null));
    return this;
  }

  Build economy(double[][] a, Sector... sectors) {
    economy = new Economy(List.of(sectors), a);
    return this;
  }

  Scenario scenario() {
    return new Scenario(
        "test",
        "",
        horizon,
        "USD",
        commodities,
        nodes,
        links,
        threats,
        dependencies,
        economy,
        List.of());
  }
}
