package org.corridorrisk.network;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * A floor under the daily solve of a grid family member (issue 15, session 20): the CPU time of the
 * least work any exact max-flow restarted from the undisturbed day does on a failed grid, set
 * beside the solve itself on the same failure states. The floor is
 *
 * <ol>
 *   <li>one breadth-first traversal of the failed network from every source, over the lines that
 *       are up, in both directions, in compressed-row arrays without stamps or trees to repair (an
 *       exact method looks at every arc of at least the side of the minimum cut it proves; this
 *       traversal looks at the whole grid, so on a day whose cut has a small side it is no strict
 *       bound);
 *   <li>plus {@code PATHS} walks from nodes reached by the traversal up to their root, each twice
 *       (once for the bottleneck, once to push; the residuals are a plain array): the augmenting
 *       paths (sessions 8 to 19 counted about 700 a day of one or two units each). Random reached
 *       nodes are nearer their roots than the ends of real augmenting paths, so the arcs scanned
 *       and walked are printed too, for scaling the walks to a solver's own path lengths.
 * </ol>
 *
 * Nothing here is a solver: the traversal proves nothing and the walks route nothing. It only shows
 * what that much work costs on this machine, beside what the solve costs.
 *
 * <p>Failure states: 64, drawn as {@code MaxFlowCpuTime} draws them (each line down with the
 * member's threat probability, generator L64_X128_MIX seeded 42). Run (after {@code ./mvnw -o -q
 * test-compile} and {@code ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * -Dmdep.includeScope=test}):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.corridorrisk.network.SolveFloor MEMBER.yaml [ROUNDS] [PATHS]
 * </pre>
 */
public final class SolveFloor {
  private static final int STATES = 64;
  private static final int PER_ROUND = 2_000;

  private final int n;
  private final int[] start;
  private final int[] head;
  private final int[] link;
  private final int[] tail;
  private final double[] residual;
  private final int[] sources;
  private final int[] queue;
  private final int[] parentArc;
  private int reachedCount;
  private long arcsScanned;
  private long walkSteps;

  private SolveFloor(NetworkIndex net) {
    n = net.nodeCount();
    int links = net.linkCount();
    start = new int[n + 1];
    for (int l = 0; l < links; l++) {
      start[net.linkFrom(l) + 1]++;
      start[net.linkTo(l) + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] fill = Arrays.copyOf(start, n);
    head = new int[2 * links];
    link = new int[2 * links];
    tail = new int[2 * links];
    for (int l = 0; l < links; l++) {
      int u = net.linkFrom(l);
      int v = net.linkTo(l);
      head[fill[u]] = v;
      tail[fill[u]] = u;
      link[fill[u]++] = l;
      head[fill[v]] = u;
      tail[fill[v]] = v;
      link[fill[v]++] = l;
    }
    residual = new double[2 * links];
    Arrays.fill(residual, 1e9);
    sources = net.sourcesOf(0);
    queue = new int[n];
    parentArc = new int[n];
  }

  /** One traversal from every source over the lines up; returns the nodes reached. */
  private int traverse(boolean[] up) {
    int[] parent = parentArc;
    Arrays.fill(parent, -2);
    int tail = 0;
    for (int s : sources) {
      parent[s] = -1;
      queue[tail++] = s;
    }
    for (int h = 0; h < tail; h++) {
      int u = queue[h];
      arcsScanned += start[u + 1] - start[u];
      for (int a = start[u]; a < start[u + 1]; a++) {
        int v = head[a];
        if (parent[v] == -2 && up[link[a]] && residual[a] > 0) {
          parent[v] = a;
          queue[tail++] = v;
        }
      }
    }
    reachedCount = tail; // queue[0 .. tail - 1] holds the nodes reached until the next traversal
    return tail;
  }

  /** Walks from {@code v} to its root twice: the bottleneck, then a push of it. */
  private double walk(int v) {
    double bottleneck = Double.POSITIVE_INFINITY;
    for (int x = v, a; (a = parentArc[x]) >= 0; x = tail[a]) {
      bottleneck = Math.min(bottleneck, residual[a]);
      walkSteps++;
    }
    double unit = Math.min(1e-9, bottleneck);
    for (int x = v, a; (a = parentArc[x]) >= 0; x = tail[a]) {
      residual[a] -= unit;
    }
    return bottleneck;
  }

  private double floorDay(boolean[] up, int paths, UniformRandomProvider pick) {
    traverse(up);
    double sink = 0;
    for (int k = 0; k < paths && reachedCount > 0; k++) {
      sink += walk(queue[pick.nextInt(reachedCount)]);
    }
    return sink;
  }

  public static void main(String[] args) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(args[0])).baseline();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int paths = args.length > 2 ? Integer.parseInt(args[2]) : 700;
    NetworkIndex net = NetworkIndex.compile(scenario);
    double down = ExactPhaseCpuTime.lineFailureProbability(scenario);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    DayInput[] days = new DayInput[STATES];
    boolean[][] up = new boolean[STATES][];
    for (int d = 0; d < STATES; d++) {
      days[d] = new DayInput(net);
      for (int l = 0; l < net.linkCount(); l++) {
        days[d].linkUp[l] = rng.nextDouble() >= down;
      }
      up[d] = days[d].linkUp;
    }
    SolveFloor floor = new SolveFloor(net);
    DailyFlowSolver solver = new DailyFlowSolver(net, SolverOptions.DEFAULTS);
    DayOutput out = new DayOutput(net, false);
    UniformRandomProvider pick = RandomSource.L64_X128_MIX.create(7L);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double sink = 0;
    long reachedTotal = 0;
    for (int i = 0; i < 3_000; i++) {
      sink += floor.floorDay(up[i & 63], paths, pick);
      solver.solve(0, days[i & 63], out);
      reachedTotal += floor.reachedCount;
    }
    floor.arcsScanned = 0;
    floor.walkSteps = 0;
    double[] floorMicros = new double[rounds];
    double[] solveMicros = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_ROUND; i++) {
        sink += floor.floorDay(up[i & 63], paths, pick);
      }
      long t1 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < PER_ROUND; i++) {
        solver.solve(0, days[i & 63], out);
        sink += out.served[0];
      }
      long t2 = mx.getCurrentThreadCpuTime();
      floorMicros[r] = (t1 - t0) / 1e3 / PER_ROUND;
      solveMicros[r] = (t2 - t1) / 1e3 / PER_ROUND;
    }
    Arrays.sort(floorMicros);
    Arrays.sort(solveMicros);
    long floorDays = (long) rounds * PER_ROUND;
    System.out.printf(
        "%s: %d arcs scanned and %d walk steps (each walked twice) a day on average%n",
        args[0], floor.arcsScanned / floorDays, floor.walkSteps / floorDays);
    System.out.printf(
        "%s: %d nodes reached a day on average; floor (one traversal + %d paths walked twice)"
            + " CPU us/day median %.1f (best %.1f); DailyFlowSolver.solve median %.1f (best %.1f);"
            + " ratio %.2f (%s)%n",
        args[0],
        reachedTotal / 3_000,
        paths,
        floorMicros[rounds / 2],
        floorMicros[0],
        solveMicros[rounds / 2],
        solveMicros[0],
        solveMicros[rounds / 2] / floorMicros[rounds / 2],
        sink != 0 ? "ok" : "?");
  }
}
