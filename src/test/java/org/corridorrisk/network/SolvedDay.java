package org.corridorrisk.network;

/**
 * One day of commodity 0 of a {@link TestNetworks} network: its input (everything up, nominal
 * rates, changeable before {@link #solve}), the solver and the output, with look-ups by id. Shared
 * by the solver's closed-form tests.
 */
final class SolvedDay {
  final NetworkIndex net;
  final DayInput in;
  final DayOutput out;
  final DailyFlowSolver solver;

  SolvedDay(TestNetworks builder) {
    this(builder, SolverOptions.DEFAULTS);
  }

  SolvedDay(TestNetworks builder, SolverOptions options) {
    net = builder.compile();
    in = new DayInput(net);
    out = new DayOutput(net);
    solver = new DailyFlowSolver(net, options);
  }

  SolvedDay solve() {
    solver.solve(0, in, out);
    return this;
  }

  double served(String id) {
    return out.served[net.nodeIndex(id)];
  }

  double withdrawn(String id) {
    return out.withdrawn[net.nodeIndex(id)];
  }

  double injected(String id) {
    return out.injected[net.nodeIndex(id)];
  }

  /** Flow on link {@code link} (by index). */
  double flow(int link) {
    return out.linkFlow[link];
  }

  /** Flow on the first link whose id starts with {@code idPrefix}. */
  double flow(String idPrefix) {
    for (int l = 0; l < net.linkCount(); l++) {
      if (net.linkId(l).startsWith(idPrefix)) {
        return out.linkFlow[l];
      }
    }
    throw new IllegalArgumentException("no link id starts with " + idPrefix);
  }
}
