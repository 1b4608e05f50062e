package org.corridorrisk.study;

import java.util.List;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;

/** Hand-built networks whose criticality answers are obvious. */
public final class CriticalityNetworks {
  private CriticalityNetworks() {}

  public static final int HORIZON_DAYS = 10;

  private static Threat threat(TargetSpec targets) {
    return Threat.poisson("sabotage", 1.0, 1.0, new RepairTime.Fixed(5), targets);
  }

  private static Node sink(String id, double demand, double voll) {
    return Node.sink(id, "gas", demand).withSinkDetails(1, demand * 1000, voll, null);
  }

  /**
   * source --trunk(100)--> hub --a(60)--> sink-a (60, VOLL 10) \--spur(40)--> sink-b (40, VOLL 10).
   * Losing the source, the trunk or the hub cuts everything; link a cuts 60%; the spur 40%.
   */
  public static Scenario trunkAndSpur() {
    return new Scenario(
        "trunk-and-spur",
        null,
        HORIZON_DAYS,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        List.of(
            Node.source("source", "gas", 100),
            Node.junction("hub", "gas"),
            sink("sink-a", 60, 10),
            sink("sink-b", 40, 10)),
        List.of(
            Link.of("trunk", "source", "hub", "gas", 100),
            Link.of("a", "hub", "sink-a", "gas", 60),
            Link.of("spur", "hub", "sink-b", "gas", 40)),
        List.of(threat(TargetSpec.ofLinks("trunk", "a", "spur"))),
        null,
        null,
        null);
  }

  /**
   * source --p1(100)--> city (100), source --p2(100)--> city, source --x(10)--> town (10). p1 or p2
   * alone cost nothing; x alone costs 10/110; p1 and p2 together cost 100/110.
   */
  public static Scenario parallelPaths() {
    return new Scenario(
        "parallel-paths",
        null,
        HORIZON_DAYS,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        List.of(Node.source("source", "gas", 110), sink("city", 100, 5), sink("town", 10, 5)),
        List.of(
            Link.of("p1", "source", "city", "gas", 100),
            Link.of("p2", "source", "city", "gas", 100),
            Link.of("x", "source", "town", "gas", 10)),
        List.of(threat(TargetSpec.ofLinks("p1", "p2", "x"))),
        null,
        null,
        null);
  }

  /** Two identical spurs: equal losses, so the ranking falls back to the ids. */
  public static Scenario twinSpurs() {
    return new Scenario(
        "twin-spurs",
        null,
        HORIZON_DAYS,
        "USD",
        List.of(new Commodity("gas", "mcm/d")),
        List.of(Node.source("source", "gas", 20), sink("east", 10, 3), sink("west", 10, 3)),
        List.of(
            Link.of("zeta", "source", "east", "gas", 10),
            Link.of("alpha", "source", "west", "gas", 10)),
        List.of(threat(TargetSpec.ofLinks("zeta", "alpha"))),
        null,
        null,
        null);
  }
}
