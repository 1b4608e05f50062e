package org.corridorrisk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Paired comparison of the daily solve of two builds on a shared, noisy machine: each build's
 * classes are loaded by a class loader of their own into one process, and timed rounds of the two
 * alternate (which goes first alternates too), so that both meet the same load at nearly the same
 * time. Prints per build the minimum, first quartile and median CPU microseconds per {@code
 * DailyFlowSolver.solve} over the rounds, and the median and quartiles of the per-round ratio of
 * the second build to the first: the figure to quote. Running a build against itself shows the
 * noise floor (on the 2-core development machine at load 4: ratios 0.93 to 1.04 around 0.98).
 *
 * <p>Days: 64 failure states of a scenario's network (each line down with the largest probability
 * among its threats, the same states for both builds), cycled; 3,000 warm-up solves per build.
 * Outputs are not compared here (the equivalence tests do that); builds that change which flow a
 * day gets are still compared fairly, since both solve the same days.
 *
 * <p>Run (after {@code ./mvnw -o -q test-compile} in both checkouts and {@code ./mvnw -o -q
 * dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.corridorrisk.bench.SolveAB \
 *     MEMBER.yaml ROUNDS SOLVES_PER_ROUND /tmp/cp.txt before=/path/to/old/checkout after=.
 * </pre>
 *
 * Each {@code name=checkout} names a checkout whose {@code target/classes} is loaded; the
 * dependencies come from the class path file.
 */
public final class SolveAB {
  private SolveAB() {}

  /** One build: its solver, its days and its round times. */
  private static final class Build {
    final String name;
    Object solver;
    Method solve;
    Object out;
    final List<Object> days = new ArrayList<>();
    double[] micros;

    Build(String name) {
      this.name = name;
    }

    void run(int solves) throws Exception {
      for (int i = 0; i < solves; i++) {
        solve.invoke(solver, 0, days.get(i & 63), out);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path scenarioFile = Path.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int solves = Integer.parseInt(args[2]);
    String[] dependencies = Files.readString(Path.of(args[3])).trim().split(":");
    List<Build> builds = new ArrayList<>();
    for (int k = 4; k < args.length; k++) {
      String[] nameAndDir = args[k].split("=", 2);
      builds.add(load(nameAndDir[0], Path.of(nameAndDir[1]), dependencies, scenarioFile, rounds));
    }
    for (Build b : builds) {
      b.run(3_000);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      for (int j = 0; j < builds.size(); j++) {
        Build b = builds.get((r + j) % builds.size());
        long start = mx.getCurrentThreadCpuTime();
        b.run(solves);
        b.micros[r] = (mx.getCurrentThreadCpuTime() - start) / 1e3 / solves;
      }
    }
    PairedBuilds.report(
        "solve",
        builds.stream().map(b -> b.name).toList(),
        builds.stream().map(b -> b.micros).toList());
  }

  /** Loads one build's classes and prepares its solver and days through reflection. */
  private static Build load(
      String name, Path checkout, String[] dependencies, Path scenarioFile, int rounds)
      throws Exception {
    ClassLoader loader = PairedBuilds.loader(checkout, dependencies);
    Class<?> scenarioLoader = loader.loadClass("org.corridorrisk.scenario.ScenarioLoader");
    Class<?> scenarioType = loader.loadClass("org.corridorrisk.model.Scenario");
    Class<?> index = loader.loadClass("org.corridorrisk.network.NetworkIndex");
    Class<?> options = loader.loadClass("org.corridorrisk.network.SolverOptions");
    Class<?> solverType = loader.loadClass("org.corridorrisk.network.DailyFlowSolver");
    Class<?> input = loader.loadClass("org.corridorrisk.network.DayInput");
    Class<?> output = loader.loadClass("org.corridorrisk.network.DayOutput");
    Object loaded = scenarioLoader.getMethod("load", Path.class).invoke(null, scenarioFile);
    Object scenario = loaded.getClass().getMethod("baseline").invoke(loaded);
    Object net = index.getMethod("compile", scenarioType).invoke(null, scenario);
    double down = 0;
    for (Object threat : (List<?>) scenarioType.getMethod("threats").invoke(scenario)) {
      down = Math.max(down, (double) threat.getClass().getMethod("probability").invoke(threat));
    }
    Build b = new Build(name);
    b.solver =
        solverType
            .getConstructor(index, options)
            .newInstance(net, options.getField("DEFAULTS").get(null));
    b.solve = solverType.getMethod("solve", int.class, input, output);
    b.out = output.getConstructor(index).newInstance(net);
    int links = (int) index.getMethod("linkCount").invoke(net);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(42L);
    for (int d = 0; d < 64; d++) {
      Object in = input.getConstructor(index).newInstance(net);
      boolean[] up = (boolean[]) input.getField("linkUp").get(in);
      for (int l = 0; l < links; l++) {
        up[l] = rng.nextDouble() >= down;
      }
      b.days.add(in);
    }
    b.micros = new double[rounds];
    return b;
  }
}
