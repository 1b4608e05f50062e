package org.corridorrisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.network.DailyFlowSolver;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;
import org.corridorrisk.network.NetworkIndex;
import org.corridorrisk.network.SolverOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One daily flow solve ({@link DailyFlowSolver#solve}) on large single-commodity networks.
 *
 * <ul>
 *   <li>{@code grid-70}: a 70 x 70 grid (4,900 nodes, 9,660 undirected links);
 *   <li>{@code power-grid}: the Western US power grid from {@code
 *       data/power-grid/western-us-power-grid.mtx} (4,941 nodes, 6,594 undirected lines), parsed
 *       minimally here.
 * </ul>
 *
 * Both, like the importer's topology defaults: one source per 20 nodes at the highest-degree nodes
 * (grid: every 20th node), unit demand at every other node reachable from a source (unreachable
 * nodes become junctions), supply per source 1.2 x total demand / sources, undirected links of
 * capacity 10 x total demand / sources, 5% of links down (seeded), one priority tier, no storage,
 * no costs. Run: {@code ./mvnw -o -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-cp
 * %classpath org.openjdk.jmh.Main MaxFlowBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class MaxFlowBenchmark {
  /** As the importer's topology defaults: supply = 1.2 x total demand / sources. */
  private static final double SUPPLY_RESERVE = 1.2;

  /** As the importer's topology defaults: link capacity = 10 x total demand / sources. */
  private static final double CAPACITY_FACTOR = 10;

  private static final double LINKS_DOWN = 0.05;

  @Param({"grid-70", "power-grid"})
  public String network;

  /** {@link SolverOptions#greedyRounds}. */
  @Param({"2"})
  public int greedyRounds;

  /** {@link SolverOptions#fastPath}. */
  @Param({"true"})
  public boolean fastPath;

  private DailyFlowSolver solver;
  private DayInput in;
  private DayOutput out;

  @Setup
  public void setUp() throws IOException {
    int[][] edges;
    int n;
    if (network.startsWith("grid-")) {
      int side = Integer.parseInt(network.substring(5));
      n = side * side;
      List<int[]> list = new ArrayList<>();
      for (int r = 0; r < side; r++) {
        for (int c = 0; c < side; c++) {
          int v = r * side + c;
          if (c + 1 < side) {
            list.add(new int[] {v, v + 1});
          }
          if (r + 1 < side) {
            list.add(new int[] {v, v + side});
          }
        }
      }
      edges = list.toArray(new int[0][]);
    } else if (network.equals("power-grid")) {
      edges = readMatrixMarket(bundledData().resolve("power-grid/western-us-power-grid.mtx"));
      n = 0;
      for (int[] e : edges) {
        n = Math.max(n, Math.max(e[0], e[1]) + 1);
      }
    } else {
      throw new IllegalArgumentException("unknown network '" + network + "'");
    }
    NetworkIndex net = NetworkIndex.compile(scenario(n, edges, network.equals("power-grid")));
    solver =
        new DailyFlowSolver(
            net, SolverOptions.DEFAULTS.withGreedyRounds(greedyRounds).withFastPath(fastPath));
    in = new DayInput(net);
    out = new DayOutput(net);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    for (int l = 0; l < net.linkCount(); l++) {
      in.linkUp[l] = rng.nextDouble() >= LINKS_DOWN;
    }
  }

  @Benchmark
  public double solveOneDay() {
    solver.solve(0, in, out);
    return out.served[1];
  }

  /** The public networks bundled in the project's {@code data/} folder. */
  public static Path bundledData() {
    return Path.of("data");
  }

  /** Coordinate pattern files: '%' comment lines, optional size line, then 1-based id pairs. */
  public static int[][] readMatrixMarket(Path file) throws IOException {
    List<int[]> pairs = new ArrayList<>();
    boolean sizeLineSeen = false;
    for (String line : Files.readAllLines(file)) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("%")) {
        continue;
      }
      String[] parts = t.split("\\s+");
      if (parts.length >= 3 && !sizeLineSeen && pairs.isEmpty()) {
        sizeLineSeen = true;
        continue;
      }
      int u = Integer.parseInt(parts[0]) - 1;
      int v = Integer.parseInt(parts[1]) - 1;
      if (u != v) {
        pairs.add(new int[] {u, v});
      }
    }
    return pairs.toArray(new int[0][]);
  }

  /** The benchmark scenario for {@code n} nodes and these undirected edges (0-based). */
  public static Scenario scenario(int n, int[][] edges, boolean byDegree) {
    int[] degree = new int[n];
    for (int[] e : edges) {
      degree[e[0]]++;
      degree[e[1]]++;
    }
    boolean[] source = new boolean[n];
    int sources = Math.max(1, n / 20);
    if (byDegree) {
      Integer[] order = new Integer[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      Arrays.sort(
          order,
          (a, b) ->
              degree[a] != degree[b]
                  ? Integer.compare(degree[b], degree[a])
                  : Integer.compare(a, b));
      for (int k = 0; k < sources; k++) {
        source[order[k]] = true;
      }
    } else {
      for (int i = 0; i < n; i += 20) {
        source[i] = true;
      }
    }
    List<List<Integer>> adjacent = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      adjacent.add(new ArrayList<>());
    }
    for (int[] e : edges) {
      adjacent.get(e[0]).add(e[1]);
      adjacent.get(e[1]).add(e[0]);
    }
    boolean[] reached = new boolean[n];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      if (source[i]) {
        reached[i] = true;
        queue.add(i);
      }
    }
    while (!queue.isEmpty()) {
      for (int w : adjacent.get(queue.poll())) {
        if (!reached[w]) {
          reached[w] = true;
          queue.add(w);
        }
      }
    }
    int sinks = 0;
    for (int i = 0; i < n; i++) {
      if (reached[i] && !source[i]) {
        sinks++;
      }
    }
    double supplyPerSource = SUPPLY_RESERVE * sinks / sources;
    double linkCapacity = CAPACITY_FACTOR * sinks / sources;
    List<Node> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = "b" + (i + 1);
      nodes.add(
          source[i]
              ? Node.source(id, "power", supplyPerSource)
              : reached[i] ? Node.sink(id, "power", 1) : Node.junction(id, "power"));
    }
    List<Link> links = new ArrayList<>();
    for (int k = 0; k < edges.length; k++) {
      links.add(
          Link.of(
                  "line" + k,
                  "b" + (edges[k][0] + 1),
                  "b" + (edges[k][1] + 1),
                  "power",
                  linkCapacity)
              .undirected());
    }
    return new Scenario(
        "bench",
        "",
        1,
        "USD",
        List.of(new Commodity("power", "MW")),
        nodes,
        links,
        List.of(),
        List.of(),
        null,
        List.of());
  }
}
