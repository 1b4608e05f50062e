package org.corridorrisk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.network.DailyFlowSolver;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;
import org.corridorrisk.network.NetworkIndex;
import org.corridorrisk.network.SolverOptions;

/**
 * CPU time per {@link DailyFlowSolver#solve} on the Western US power grid (the scenario of {@link
 * MaxFlowBenchmark}, 64 seeded days with 5% of lines down) with {@code sharing: any} and {@code
 * sharing: fair}, with the fast path on (as the engine runs) and off (every day on the exact path:
 * the worst case for fairness). The four configurations run in interleaved rounds, so that load on
 * a shared machine hits them alike; prints the median round of each. Run: {@code ./mvnw -q
 * test-compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath
 * org.corridorrisk.bench.FairCost ROUNDS SOLVES"} (defaults 7 and 640).
 */
public final class FairCost {
  private FairCost() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    int solves = args.length > 1 ? Integer.parseInt(args[1]) : 640;
    int[][] edges =
        MaxFlowBenchmark.readMatrixMarket(
            MaxFlowBenchmark.bundledData().resolve("power-grid/western-us-power-grid.mtx"));
    int n = 0;
    for (int[] e : edges) {
      n = Math.max(n, Math.max(e[0], e[1]) + 1);
    }
    Scenario scenario = MaxFlowBenchmark.scenario(n, edges, true);
    String[] names = {"any, fast path", "fair, fast path", "any, exact path", "fair, exact path"};
    DailyFlowSolver[] solvers = new DailyFlowSolver[4];
    NetworkIndex[] nets = new NetworkIndex[4];
    for (int k = 0; k < 4; k++) {
      nets[k] = NetworkIndex.compile(scenario.withSharing(k % 2 == 0 ? Sharing.ANY : Sharing.FAIR));
      solvers[k] = new DailyFlowSolver(nets[k], SolverOptions.DEFAULTS.withFastPath(k < 2));
    }
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    List<DayInput> days = new ArrayList<>();
    boolean[][] up = new boolean[64][];
    for (int d = 0; d < 64; d++) {
      up[d] = new boolean[nets[0].linkCount()];
      for (int l = 0; l < up[d].length; l++) {
        up[d][l] = rng.nextDouble() >= 0.05;
      }
    }
    List<List<DayInput>> inputs = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      List<DayInput> list = new ArrayList<>();
      for (int d = 0; d < 64; d++) {
        DayInput in = new DayInput(nets[k]);
        System.arraycopy(up[d], 0, in.linkUp, 0, up[d].length);
        list.add(in);
      }
      inputs.add(list);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    DayOutput[] outs = new DayOutput[4];
    double[] total = new double[4];
    for (int k = 0; k < 4; k++) {
      outs[k] = new DayOutput(nets[k]);
      for (int i = 0; i < 640; i++) { // warm-up
        solvers[k].solve(0, inputs.get(k).get(i & 63), outs[k]);
      }
    }
    double[][] micros = new double[4][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int k = 0; k < 4; k++) {
        long start = mx.getCurrentThreadCpuTime();
        for (int i = 0; i < solves; i++) {
          solvers[k].solve(0, inputs.get(k).get(i & 63), outs[k]);
          total[k] += outs[k].served[1];
        }
        micros[k][r] = (mx.getCurrentThreadCpuTime() - start) / 1e3 / solves;
      }
    }
    // Same totals served per day, whatever the rule and path.
    double worst = 0;
    for (int d = 0; d < 64; d++) {
      double[] served = new double[4];
      for (int k = 0; k < 4; k++) {
        solvers[k].solve(0, inputs.get(k).get(d), outs[k]);
        for (int i = 0; i < nets[k].nodeCount(); i++) {
          served[k] += outs[k].served[i];
        }
      }
      for (int k = 1; k < 4; k++) {
        worst = Math.max(worst, Math.abs(served[k] - served[0]) / served[0]);
      }
    }
    for (int k = 0; k < 4; k++) {
      double[] m = micros[k].clone();
      Arrays.sort(m);
      System.out.printf(
          Locale.ROOT,
          "%-17s CPU us/solve median %8.1f  best %8.1f  rounds %s%n",
          names[k],
          m[rounds / 2],
          m[0],
          Arrays.toString(micros[k]));
    }
    System.out.printf(
        Locale.ROOT, "largest relative difference of a day's total served: %.2e%n", worst);
  }
}
