package org.corridorrisk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.network.DailyFlowSolver;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;
import org.corridorrisk.network.NetworkIndex;
import org.corridorrisk.network.SolverOptions;
import org.corridorrisk.network.SolverStatistics;

/**
 * CPU time per {@link DailyFlowSolver#solve} on the Western US power grid (same scenario as {@link
 * MaxFlowBenchmark}), measured with {@link ThreadMXBean#getCurrentThreadCpuTime} so that other load
 * on the machine inflates the figures less than wall-clock time would. Each round uses a fresh
 * seeded set of 5% lines down (64 failure states cycled), 2,000 solves per round after warm-up;
 * prints the median and the best round. With a scenario file ({@code .yaml}) as first argument, its
 * network is used and lines fail with its threat's probability (members of {@code bench --suite
 * grid --family-out DIR}). Arguments: network (power-grid or a .yaml), rounds, greedy rounds (-1:
 * default), solves per round, then any of the switches "no-fast-path", "no-reference" (start every
 * max-flow from zero), "no-installed" (each day set up from zero flow and the reference clipped in
 * full), "link-flows" (write every link's flow too, as before session 6), "isap", "push-relabel",
 * "boykov-kolmogorov" (the exact phase). Run: {@code ./mvnw -o -q test-compile exec:exec
 * -Dexec.executable=java -Dexec.args="-cp %classpath org.corridorrisk.bench.MaxFlowCpuTime"}
 */
public final class MaxFlowCpuTime {
  private MaxFlowCpuTime() {}

  public static void main(String[] args) throws Exception {
    String network = args.length > 0 ? args[0] : "power-grid";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int greedy = args.length > 2 ? Integer.parseInt(args[2]) : -1;
    NetworkIndex net;
    double down = 0.05;
    if (network.endsWith(".yaml")) {
      // a scenario file, e.g. a member of `bench --suite grid --family-out DIR`: its lines fail
      // with its threat's probability
      org.corridorrisk.model.Scenario scenario =
          org.corridorrisk.scenario.ScenarioLoader.load(java.nio.file.Path.of(network)).baseline();
      net = NetworkIndex.compile(scenario);
      down = 0;
      for (org.corridorrisk.model.Threat t : scenario.threats()) {
        down = Math.max(down, t.probability());
      }
    } else {
      int[][] edges =
          MaxFlowBenchmark.readMatrixMarket(
              MaxFlowBenchmark.bundledData().resolve("power-grid/western-us-power-grid.mtx"));
      int n = 0;
      for (int[] e : edges) {
        n = Math.max(n, Math.max(e[0], e[1]) + 1);
      }
      net = NetworkIndex.compile(MaxFlowBenchmark.scenario(n, edges, true));
    }
    SolverOptions options =
        greedy >= 0 ? SolverOptions.DEFAULTS.withGreedyRounds(greedy) : SolverOptions.DEFAULTS;
    for (int k = 4; k < args.length; k++) {
      switch (args[k]) {
        case "no-fast-path" -> options = options.withFastPath(false);
        case "no-reference" -> options = options.withReferencePathsMinNodes(Integer.MAX_VALUE);
        case "no-installed" -> options = options.withInstalledReference(false);
        case "isap" -> options = options.withExactMaxFlow(SolverOptions.ExactMaxFlow.ISAP);
        case "push-relabel" ->
            options = options.withExactMaxFlow(SolverOptions.ExactMaxFlow.PUSH_RELABEL);
        case "boykov-kolmogorov" ->
            options = options.withExactMaxFlow(SolverOptions.ExactMaxFlow.BOYKOV_KOLMOGOROV);
        case "link-flows" -> {}
        default -> throw new IllegalArgumentException("unknown switch " + args[k]);
      }
    }
    DailyFlowSolver solver = new DailyFlowSolver(net, options);
    // as the simulator's outputs: link flows only where a link has spill data (none here)
    DayOutput out = new DayOutput(net, java.util.Arrays.asList(args).contains("link-flows"));
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    List<DayInput> days = new ArrayList<>();
    for (int d = 0; d < 64; d++) {
      DayInput in = new DayInput(net);
      for (int l = 0; l < net.linkCount(); l++) {
        in.linkUp[l] = rng.nextDouble() >= down;
      }
      days.add(in);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double sink = 0;
    for (int i = 0; i < 3_000; i++) {
      solver.solve(0, days.get(i & 63), out);
      sink += out.served[1];
    }
    double[] perSolveMicros = new double[rounds];
    int solves = args.length > 3 ? Integer.parseInt(args[3]) : 2_000;
    for (int r = 0; r < rounds; r++) {
      long start = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < solves; i++) {
        solver.solve(0, days.get(i & 63), out);
        sink += out.served[1];
      }
      perSolveMicros[r] = (mx.getCurrentThreadCpuTime() - start) / 1e3 / solves;
    }
    double served = 0;
    solver.solve(0, days.get(0), out);
    for (int i = 0; i < net.nodeCount(); i++) {
      served += out.served[i];
    }
    Arrays.sort(perSolveMicros);
    SolverStatistics stats = solver.statistics();
    long greedyRounds = stats.greedyRounds();
    long exactRuns = stats.exactRuns();
    long fastHits = stats.fastHits();
    long fastFallbacks = stats.fastFallbacks();
    System.out.printf(
        "greedy rounds %d, exact runs %d over %d solves; fast path %d hits, %d fallbacks"
            + " (hit rate %.1f%%)%n",
        greedyRounds,
        exactRuns,
        3_000 + rounds * solves + 1,
        fastHits,
        fastFallbacks,
        100.0 * fastHits / Math.max(1, fastHits + fastFallbacks));
    System.out.printf(
        "%s: CPU us/solve median %.1f, best %.1f (rounds %s); served day0 %.3f (%s)%n",
        network,
        perSolveMicros[rounds / 2],
        perSolveMicros[0],
        Arrays.toString(perSolveMicros),
        served,
        served > 0 && sink >= 0 ? "ok" : "?");
  }
}
