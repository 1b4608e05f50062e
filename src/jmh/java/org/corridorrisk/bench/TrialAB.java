package org.corridorrisk.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Paired comparison of the whole trial (draws, events, flows, ledger) of two builds on a shared,
 * noisy machine, as {@link SolveAB} does for the daily solve: each build's classes are loaded by a
 * class loader of their own into one process, each gets one trial runner of the scenario, and timed
 * rounds of the two alternate (which goes first alternates too), so that both meet the same load at
 * nearly the same time. Both run the same trials (seed 1, trial numbers continuing across rounds).
 * Prints per build the minimum, first quartile and median CPU microseconds per trial over the
 * rounds, and the median and quartiles of the per-round ratio of the second build to the first: the
 * figure to quote. Running a build against itself shows the noise floor.
 *
 * <p>Run (after {@code ./mvnw -o -q test-compile} in both checkouts and {@code ./mvnw -o -q
 * dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt}):
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) org.corridorrisk.bench.TrialAB \
 *     MEMBER.yaml WARMUP_TRIALS ROUNDS TRIALS_PER_ROUND /tmp/cp.txt before=/old/checkout after=.
 * </pre>
 */
public final class TrialAB {
  private TrialAB() {}

  /** One build: its trial runner and its round times. */
  private static final class Build {
    final String name;
    Object runner;
    Method runTrial;
    long next;
    double[] micros;

    Build(String name) {
      this.name = name;
    }

    void run(int trials) throws Exception {
      for (int i = 0; i < trials; i++) {
        runTrial.invoke(runner, 1L, next++);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path scenarioFile = Path.of(args[0]);
    int warmup = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int trials = Integer.parseInt(args[3]);
    String[] dependencies = Files.readString(Path.of(args[4])).trim().split(":");
    List<Build> builds = new ArrayList<>();
    for (int k = 5; k < args.length; k++) {
      String[] nameAndDir = args[k].split("=", 2);
      builds.add(load(nameAndDir[0], Path.of(nameAndDir[1]), dependencies, scenarioFile, rounds));
    }
    for (Build b : builds) {
      b.run(warmup);
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < rounds; r++) {
      long first = builds.get(0).next;
      for (int j = 0; j < builds.size(); j++) {
        Build b = builds.get((r + j) % builds.size());
        b.next = first;
        long start = mx.getCurrentThreadCpuTime();
        b.run(trials);
        b.micros[r] = (mx.getCurrentThreadCpuTime() - start) / 1e3 / trials;
      }
    }
    PairedBuilds.report(
        "trial",
        builds.stream().map(b -> b.name).toList(),
        builds.stream().map(b -> b.micros).toList());
  }

  /** Loads one build's classes and prepares its trial runner through reflection. */
  private static Build load(
      String name, Path checkout, String[] dependencies, Path scenarioFile, int rounds)
      throws Exception {
    ClassLoader loader = PairedBuilds.loader(checkout, dependencies);
    Class<?> scenarioLoader = loader.loadClass("org.corridorrisk.scenario.ScenarioLoader");
    Class<?> scenarioType = loader.loadClass("org.corridorrisk.model.Scenario");
    Class<?> modelType = loader.loadClass("org.corridorrisk.sim.StudyModel");
    Class<?> baselineType = loader.loadClass("org.corridorrisk.sim.StudyModel$Baseline");
    Class<?> runnerType = loader.loadClass("org.corridorrisk.sim.TrialRunner");
    Object loaded = scenarioLoader.getMethod("load", Path.class).invoke(null, scenarioFile);
    Object scenario = loaded.getClass().getMethod("baseline").invoke(loaded);
    Constructor<?> newModel = modelType.getDeclaredConstructor(scenarioType);
    newModel.setAccessible(true);
    Object model = newModel.newInstance(scenario);
    java.lang.reflect.Field baseline = modelType.getDeclaredField("baseline");
    baseline.setAccessible(true);
    Constructor<?> newRunner = runnerType.getDeclaredConstructor(modelType, baselineType);
    newRunner.setAccessible(true);
    Build b = new Build(name);
    b.runner = newRunner.newInstance(model, baseline.get(model));
    b.runTrial = runnerType.getDeclaredMethod("runTrial", long.class, long.class);
    b.runTrial.setAccessible(true);
    b.micros = new double[rounds];
    return b;
  }
}
