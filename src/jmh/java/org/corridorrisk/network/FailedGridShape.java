package org.corridorrisk.network;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Threat;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * The shape of a grid family member's daily problem, for the question whether a different start
 * could make the p 10% solve several times cheaper (issue 15, session 11). Prints, for one member
 * ({@code bench --suite grid --family-out DIR}, with {@code sharing: any}):
 *
 * <ol>
 *   <li>the undisturbed day: delivered against demanded, and its flow's length, the sum of the
 *       lines' flows divided by the amount delivered (the flow-weighted mean number of lines a unit
 *       crosses; the reference flow is this flow without its cycles), beside the sinks' mean
 *       distance to their nearest source in lines;
 *   <li>the search trees {@link BoykovKolmogorov#closedTrees} keeps for the restarts: nodes and
 *       depth histogram of the source and the sink tree (depth 1: the roots' children of the super
 *       source or sink);
 *   <li>on 64 failure states at the member's threat probability (the same generator and seed as
 *       {@code MaxFlowCpuTime}): the nodes outside the failed graph's 2-core (peeled leaf by leaf),
 *       and thread CPU per {@link DailyFlowSolver#solve} of (a) the day as drawn, (b) the same day
 *       with the peeled nodes and their lines down, each with the reference flow ({@link
 *       SolverOptions#DEFAULTS}) and from zero flow (no reference). (b) is the work left for a
 *       solver that settled the peeled trees exactly in a linear pass first; from zero flow the
 *       comparison is fair, with the reference it is not (the reference's flows into the peeled
 *       trees are clipped and re-augmented in (b)).
 * </ol>
 *
 * <p>Run (after {@code ./mvnw -o -q test-compile} and {@code ./mvnw -o -q
 * dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.corridorrisk.network.FailedGridShape MEMBER.yaml ROUNDS
 * </pre>
 */
public final class FailedGridShape {
  private static final int STATES = 64;

  private FailedGridShape() {}

  public static void main(String[] args) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(args[0])).baseline();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    NetworkIndex net = NetworkIndex.compile(scenario);
    double down = 0;
    for (Threat t : scenario.threats()) {
      down = Math.max(down, t.probability());
    }
    DailyFlowSolver warm = new DailyFlowSolver(net, SolverOptions.DEFAULTS);
    DailyFlowSolver cold =
        new DailyFlowSolver(
            net, SolverOptions.DEFAULTS.withReferencePathsMinNodes(Integer.MAX_VALUE));
    DayOutput flows = new DayOutput(net, true);
    warm.solve(0, new DayInput(net), flows);
    undisturbed(net, flows);
    DayOutput out = new DayOutput(net, false);
    trees(net, warm.referenceFlow(0));

    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    List<DayInput> drawn = new ArrayList<>();
    List<DayInput> core = new ArrayList<>();
    long peeled = 0;
    for (int d = 0; d < STATES; d++) {
      DayInput in = new DayInput(net);
      for (int l = 0; l < net.linkCount(); l++) {
        in.linkUp[l] = rng.nextDouble() >= down;
      }
      drawn.add(in);
      DayInput c = new DayInput(net);
      peeled += peelToCore(net, in, c);
      core.add(c);
    }
    System.out.printf(
        Locale.ROOT,
        "failed graph (p %.3f): %.0f of %d nodes outside the 2-core (mean of %d states)%n",
        down,
        (double) peeled / STATES,
        net.nodeCount(),
        STATES);
    time("with reference", warm, drawn, core, out, rounds);
    time("from zero", cold, drawn, core, out, rounds);
  }

  private static void undisturbed(NetworkIndex net, DayOutput out) {
    double demand = 0;
    double served = 0;
    for (int i : net.sinksOf(0)) {
      demand += net.demandPerDay(i);
      served += out.served[i];
    }
    // the undisturbed day's flow on the lines (the reference flow is its acyclic part)
    double onLines = 0;
    for (int l = 0; l < net.linkCount(); l++) {
      onLines += Math.abs(out.linkFlow[l]);
    }
    int[] dist = nearestSourceDistance(net);
    double sum = 0;
    int reached = 0;
    int max = 0;
    for (int i : net.sinksOf(0)) {
      if (dist[i] >= 0) {
        sum += dist[i];
        reached++;
        max = Math.max(max, dist[i]);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "undisturbed day: served %.1f of %.1f, %.1f unit-lines, %.2f lines per unit served;"
            + " sinks' nearest source: mean %.2f lines, max %d%n",
        served,
        demand,
        onLines,
        onLines / served,
        sum / Math.max(1, reached),
        max);
  }

  /** Per node of the network: lines to the nearest source of commodity 0, or -1. */
  private static int[] nearestSourceDistance(NetworkIndex net) {
    int n = net.nodeCount();
    int[][] adjacent = adjacency(net, null);
    int[] dist = new int[n];
    Arrays.fill(dist, -1);
    int[] queue = new int[n];
    int tail = 0;
    for (int i : net.sourcesOf(0)) {
      dist[i] = 0;
      queue[tail++] = i;
    }
    for (int head = 0; head < tail; head++) {
      int v = queue[head];
      for (int l : adjacent[v]) {
        int w = net.linkFrom(l) == v ? net.linkTo(l) : net.linkFrom(l);
        if (dist[w] < 0) {
          dist[w] = dist[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    return dist;
  }

  /** Per node: the links at it (only those up in {@code in}, when given). */
  private static int[][] adjacency(NetworkIndex net, DayInput in) {
    int n = net.nodeCount();
    int[] degree = new int[n];
    for (int l = 0; l < net.linkCount(); l++) {
      if (in == null || in.linkUp[l]) {
        degree[net.linkFrom(l)]++;
        degree[net.linkTo(l)]++;
      }
    }
    int[][] adjacent = new int[n][];
    for (int v = 0; v < n; v++) {
      adjacent[v] = new int[degree[v]];
    }
    int[] fill = new int[n];
    for (int l = 0; l < net.linkCount(); l++) {
      if (in == null || in.linkUp[l]) {
        adjacent[net.linkFrom(l)][fill[net.linkFrom(l)]++] = l;
        adjacent[net.linkTo(l)][fill[net.linkTo(l)]++] = l;
      }
    }
    return adjacent;
  }

  private static void trees(NetworkIndex net, ReferenceFlow ref) {
    BoykovKolmogorov.Trees trees = ref.trees;
    FlowGraph g = net.flowGraph();
    int[][] depths = new int[3][64];
    int[] sizes = new int[3];
    for (int i = 0; i < trees.tree.length; i++) {
      byte side = trees.tree[i];
      if (side == 0) {
        continue;
      }
      int depth = 0;
      int v = i + trees.base;
      for (int a = trees.parent[i]; a >= 0; a = trees.parent[v - trees.base]) {
        v = side == 1 ? g.arcTail[a] : g.arcs.head[a];
        depth++;
      }
      sizes[side]++;
      depths[side][Math.min(depth, 63)]++;
    }
    for (int side = 1; side <= 2; side++) {
      int last = 63;
      while (last > 0 && depths[side][last] == 0) {
        last--;
      }
      System.out.printf(
          Locale.ROOT,
          "%s tree: %d nodes; by depth 0..%d: %s%n",
          side == 1 ? "source" : "sink",
          sizes[side],
          last,
          Arrays.toString(Arrays.copyOf(depths[side], last + 1)));
    }
  }

  /**
   * Sets {@code core} to {@code in} with every node outside the 2-core of {@code in}'s graph of up
   * lines down, and the lines at such nodes down; returns the number of such nodes.
   */
  private static int peelToCore(NetworkIndex net, DayInput in, DayInput core) {
    int n = net.nodeCount();
    int[][] adjacent = adjacency(net, in);
    int[] degree = new int[n];
    boolean[] peeled = new boolean[n];
    int[] queue = new int[n];
    int tail = 0;
    for (int v = 0; v < n; v++) {
      degree[v] = adjacent[v].length;
      if (degree[v] <= 1) {
        peeled[v] = true;
        queue[tail++] = v;
      }
    }
    boolean[] gone = new boolean[net.linkCount()];
    for (int head = 0; head < tail; head++) {
      int v = queue[head];
      for (int l : adjacent[v]) {
        if (gone[l]) {
          continue;
        }
        gone[l] = true;
        int u = net.linkFrom(l) == v ? net.linkTo(l) : net.linkFrom(l);
        if (--degree[u] <= 1 && !peeled[u]) {
          peeled[u] = true;
          queue[tail++] = u;
        }
      }
    }
    for (int l = 0; l < net.linkCount(); l++) {
      core.linkUp[l] = in.linkUp[l] && !gone[l];
    }
    for (int v = 0; v < n; v++) {
      core.nodeUp[v] = !peeled[v];
    }
    return tail;
  }

  private static void time(
      String label,
      DailyFlowSolver solver,
      List<DayInput> drawn,
      List<DayInput> core,
      DayOutput out,
      int rounds) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int i = 0; i < 3_000; i++) {
      solver.solve(0, drawn.get(i % STATES), out);
      solver.solve(0, core.get(i % STATES), out);
    }
    int solves = 10 * STATES;
    double[] whole = new double[rounds];
    double[] inCore = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < solves; i++) {
        solver.solve(0, drawn.get(i % STATES), out);
      }
      long t1 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < solves; i++) {
        solver.solve(0, core.get(i % STATES), out);
      }
      long t2 = mx.getCurrentThreadCpuTime();
      whole[r] = (t1 - t0) / 1e3 / solves;
      inCore[r] = (t2 - t1) / 1e3 / solves;
    }
    Arrays.sort(whole);
    Arrays.sort(inCore);
    System.out.printf(
        Locale.ROOT,
        "%s: CPU us per solve, median of %d rounds of %d: day as drawn %.0f, 2-core only %.0f%n",
        label,
        rounds,
        solves,
        whole[rounds / 2],
        inCore[rounds / 2]);
  }
}
