package org.corridorrisk.network;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.model.Threat;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * Push-relabel against ISAP on binding days of the Western US power grid, in thread CPU time
 * ({@link ThreadMXBean#getCurrentThreadCpuTime}, so other load on a shared machine inflates the
 * figures less than wall-clock time would).
 *
 * <p>Members as in {@code bench --suite grid}'s binding family: the grid imported as a topology
 * with sources at the top {@code share} of nodes by degree, then imported again with every line's
 * capacity {@code multiple x} the mean absolute line flow of the undisturbed day; each day has
 * every line down with probability {@code p} (seeded, the same days for both algorithms).
 *
 * <p>Per member and day, three measurements, each timed for both algorithms on identical inputs:
 *
 * <ul>
 *   <li>{@code maxflow}: one max-flow {@code S -> T} from zero flow with every up sink at its full
 *       demand ({@link Isap} against {@link PushRelabel}, nothing else);
 *   <li>{@code solve any}, {@code solve fair}: {@link DailyFlowSolver#solve} with {@code sharing:
 *       any} and {@code sharing: fair}, {@link SolverOptions#DEFAULTS} against the same with {@link
 *       SolverOptions.ExactMaxFlow#PUSH_RELABEL} (fast path, greedy rounds and bound unchanged).
 * </ul>
 *
 * After warm-up, {@code rounds} rounds each time every day once per algorithm (interleaved);
 * printed: the median over rounds of the mean CPU microseconds per day, and on how many days the
 * median over rounds of push-relabel was below ISAP's. Results are compared (max-flow values and
 * total delivery per day) and a mismatch aborts.
 *
 * <p>Run: {@code nice ./mvnw -o -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-cp
 * %classpath org.corridorrisk.network.ExactPhaseCpuTime [rounds] [days] [multiples] [source shares
 * %] [failure probabilities %] [parts]"}, defaults {@code 9 32 0.5,1,2 5,20 1,10 maxflow,any,fair}.
 */
public final class ExactPhaseCpuTime {
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private ExactPhaseCpuTime() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int dayCount = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    double[] multiples = numbers(args.length > 2 ? args[2] : "0.5,1,2");
    double[] shares = numbers(args.length > 3 ? args[3] : "5,20");
    double[] failures = numbers(args.length > 4 ? args[4] : "1,10");
    String parts = args.length > 5 ? args[5] : "maxflow,any,fair";
    Path mtx = Path.of("data/power-grid/western-us-power-grid.mtx");
    System.out.printf(
        Locale.ROOT,
        "rounds %d, days %d; CPU us per day (median over rounds of the mean over days);"
            + " PR<ISAP = days on which push-relabel's median was lower%n",
        rounds,
        dayCount);
    System.out.println(
        "| member | maxflow ISAP | maxflow PR | PR<ISAP | solve any ISAP | solve any PR | PR<ISAP"
            + " | solve fair ISAP | solve fair PR | PR<ISAP |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    int member = 0;
    for (double share : shares) {
      for (double p : failures) {
        for (double multiple : multiples) {
          Scenario scenario = member(mtx, share / 100, multiple);
          NetworkIndex net = NetworkIndex.compile(scenario.withSharing(Sharing.ANY));
          NetworkIndex fairNet = NetworkIndex.compile(scenario.withSharing(Sharing.FAIR));
          List<DayInput> anyDays = days(net, p / 100, dayCount, 42L + member);
          List<DayInput> fairDays = days(fairNet, p / 100, dayCount, 42L + member);
          String[] skipped = {"-", "-", "-"};
          String[] maxflow = parts.contains("maxflow") ? maxFlows(net, anyDays, rounds) : skipped;
          String[] any = parts.contains("any") ? solves(net, anyDays, rounds) : skipped;
          String[] fair = parts.contains("fair") ? solves(fairNet, fairDays, rounds) : skipped;
          System.out.printf(
              Locale.ROOT,
              "| cap %sx src %.0f%% p %.0f%% | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
              multiple,
              share,
              p,
              maxflow[0],
              maxflow[1],
              maxflow[2],
              any[0],
              any[1],
              any[2],
              fair[0],
              fair[1],
              fair[2]);
          member++;
        }
      }
    }
  }

  /** The family member: imports, solves the undisturbed day, imports with the tight capacity. */
  static Scenario member(Path mtx, double share, double multiple) throws Exception {
    int sources = (int) Math.round(share * 4941);
    Path dir = Files.createTempDirectory("exact-phase");
    Path probe = dir.resolve("probe.yaml");
    Path tight = dir.resolve("tight.yaml");
    try {
      ImportOptions options =
          new ImportOptions(null, null, sources, null, null, null, null, null, null);
      ScenarioImporter.importFile(mtx, null, options).write(probe, true);
      Scenario loose = ScenarioLoader.load(probe).baseline();
      NetworkIndex net = NetworkIndex.compile(loose);
      DayOutput day = new DayOutput(net);
      new DailyFlowSolver(net).solve(0, new DayInput(net), day);
      double total = 0;
      for (double f : day.linkFlow) {
        total += f;
      }
      double capacity = multiple * total / net.linkCount();
      ImportOptions tightOptions =
          new ImportOptions(null, null, sources, null, capacity, null, null, null, null);
      ScenarioImporter.importFile(mtx, null, tightOptions).write(tight, true);
      return ScenarioLoader.load(tight).baseline();
    } finally {
      Files.deleteIfExists(probe);
      Files.deleteIfExists(tight);
      Files.deleteIfExists(dir);
    }
  }

  static List<DayInput> days(NetworkIndex net, double p, int count, long seed) {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(seed);
    List<DayInput> days = new ArrayList<>();
    for (int d = 0; d < count; d++) {
      DayInput in = new DayInput(net);
      for (int l = 0; l < net.linkCount(); l++) {
        in.linkUp[l] = rng.nextDouble() >= p;
      }
      days.add(in);
    }
    return days;
  }

  /** ISAP against push-relabel on one max-flow per day from zero flow. */
  static String[] maxFlows(NetworkIndex net, List<DayInput> days, int rounds) {
    FlowGraph graph = net.flowGraph();
    Block b = graph.blocks[0];
    Residuals r = new Residuals(graph.arcs);
    AugmentingMaxFlow[] algorithms = {
      new Isap(graph.arcs, r, graph.nodeCount, graph.maxBlockSize),
      new PushRelabel(graph.arcs, r, graph.nodeCount, graph.maxBlockSize)
    };
    int n = days.size();
    long[][][] nanos = new long[2][n][rounds];
    double[][] value = new double[2][n];
    for (int round = -3; round < rounds; round++) {
      for (int d = 0; d < n; d++) {
        setUp(net, graph, b, r, days.get(d));
        for (int k = 0; k < 2; k++) {
          r.removeFlow(b.arcBegin, b.arcEnd);
          long start = CPU.getCurrentThreadCpuTime();
          double v = maxFlow(algorithms[k], b);
          long spent = CPU.getCurrentThreadCpuTime() - start;
          if (round >= 0) {
            nanos[k][d][round] = spent;
          }
          value[k][d] = v;
        }
        if (Math.abs(value[0][d] - value[1][d]) > 1e-9 * Math.max(1, value[0][d])) {
          throw new IllegalStateException(
              "day " + d + ": ISAP " + value[0][d] + " but push-relabel " + value[1][d]);
        }
      }
    }
    return summary(nanos, rounds);
  }

  /** The same days solved with the default exact phase and with push-relabel. */
  static String[] solves(NetworkIndex net, List<DayInput> days, int rounds) {
    DailyFlowSolver[] solvers = {
      new DailyFlowSolver(net, SolverOptions.DEFAULTS),
      new DailyFlowSolver(
          net, SolverOptions.DEFAULTS.withExactMaxFlow(SolverOptions.ExactMaxFlow.PUSH_RELABEL))
    };
    DayOutput out = new DayOutput(net);
    int n = days.size();
    long[][][] nanos = new long[2][n][rounds];
    double[][] served = new double[2][n];
    for (int round = -3; round < rounds; round++) {
      for (int d = 0; d < n; d++) {
        for (int k = 0; k < 2; k++) {
          long start = CPU.getCurrentThreadCpuTime();
          solvers[k].solve(0, days.get(d), out);
          long spent = CPU.getCurrentThreadCpuTime() - start;
          if (round >= 0) {
            nanos[k][d][round] = spent;
          }
          double total = 0;
          for (double x : out.served) {
            total += x;
          }
          served[k][d] = total;
        }
        if (Math.abs(served[0][d] - served[1][d]) > 1e-9 * Math.max(1, served[0][d])) {
          throw new IllegalStateException(
              "day " + d + ": ISAP serves " + served[0][d] + " but push-relabel " + served[1][d]);
        }
      }
    }
    return summary(nanos, rounds);
  }

  /** {ISAP us/day, push-relabel us/day, "k/n" days push-relabel faster}. */
  private static String[] summary(long[][][] nanos, int rounds) {
    int n = nanos[0].length;
    double[] perDay = new double[2];
    for (int k = 0; k < 2; k++) {
      double[] roundMeans = new double[rounds];
      for (int round = 0; round < rounds; round++) {
        long sum = 0;
        for (int d = 0; d < n; d++) {
          sum += nanos[k][d][round];
        }
        roundMeans[round] = sum / 1e3 / n;
      }
      Arrays.sort(roundMeans);
      perDay[k] = roundMeans[rounds / 2];
    }
    int faster = 0;
    for (int d = 0; d < n; d++) {
      if (median(nanos[1][d]) < median(nanos[0][d])) {
        faster++;
      }
    }
    return new String[] {
      String.format(Locale.ROOT, "%.0f", perDay[0]),
      String.format(Locale.ROOT, "%.0f", perDay[1]),
      faster + "/" + n
    };
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /** A maximum flow {@code S -> T} of block {@code b} by {@code algorithm}, from the flow held. */
  static double maxFlow(AugmentingMaxFlow algorithm, Block b) {
    return algorithm.augment(
        b.base, b.end, b.source, b.sink, b.storageRoot, Double.POSITIVE_INFINITY, b.flowEpsilon);
  }

  /**
   * The largest failure probability of the scenario's threats (each line's, on the grid members).
   */
  static double lineFailureProbability(Scenario scenario) {
    double down = 0;
    for (Threat t : scenario.threats()) {
      down = Math.max(down, t.probability());
    }
    return down;
  }

  /** Today's capacities as the solver sets them, with every up sink open at its full demand. */
  static void setUp(NetworkIndex net, FlowGraph graph, Block b, Residuals r, DayInput in) {
    graph.setDay(net, b, in, r);
    for (int i : net.sinksOf(b.commodity)) {
      r.setEmpty(graph.nodeArc[i], in.nodeUp[i] ? Math.max(0, in.demand[i]) : 0);
    }
  }

  private static double[] numbers(String list) {
    return Arrays.stream(list.split(",")).mapToDouble(Double::parseDouble).toArray();
  }
}
