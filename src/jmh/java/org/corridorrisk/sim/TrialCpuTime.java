package org.corridorrisk.sim;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * Two figures of the trial loop of one scenario, for docs/performance.md (issue 15, session 7):
 *
 * <ul>
 *   <li>{@code steady}: CPU time per trial of one {@link TrialRunner} once compiled: 300,000 trials
 *       of warm-up, then rounds of 200,000 trials timed with {@link
 *       ThreadMXBean#getCurrentThreadCpuTime} (less sensitive to other load than wall time); prints
 *       each round, the best, and the flow memo's hits and misses.
 *   <li>{@code ramp}: a study of 1,000,000 trials on 2 threads in a fresh JVM, as {@code run} does
 *       it, printing the wall time at which each further 100,000 trials were done: how long the
 *       first trials take while the JIT compiles, against the rate afterwards. Optional third and
 *       fourth arguments set the trials and the step (session 22: {@code 40000 2000} on a grid
 *       family member), and each step then also prints its trials/s and the JIT's total compilation
 *       time so far.
 * </ul>
 *
 * Arguments: {@code steady|ramp SCENARIO.yaml [TRIALS STEP]}. Run: {@code ./mvnw -o -q test-compile
 * exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath org.corridorrisk.sim.TrialCpuTime
 * steady scenarios/southern-gas-corridor.yaml"}
 */
public final class TrialCpuTime {
  private TrialCpuTime() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Scenario scenario = ScenarioLoader.load(Path.of(args[1])).baseline();
    if (mode.equals("steady")) {
      steady(scenario);
    } else if (mode.equals("ramp")) {
      int trials = args.length > 3 ? Integer.parseInt(args[2]) : 1_000_000;
      int step = args.length > 3 ? Integer.parseInt(args[3]) : 100_000;
      ramp(scenario, trials, step);
    } else {
      throw new IllegalArgumentException("mode steady or ramp, not " + mode);
    }
  }

  private static void steady(Scenario scenario) {
    StudyModel model = new StudyModel(scenario);
    TrialRunner runner = new TrialRunner(model, model.baseline);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int k = 0;
    for (; k < 300_000; k++) {
      runner.runTrial(1, k);
    }
    StringBuilder out = new StringBuilder("ns of CPU per trial:");
    long best = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) {
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < 200_000; i++, k++) {
        runner.runTrial(1, k);
      }
      long ns = (mx.getCurrentThreadCpuTime() - t0) / 200_000;
      best = Math.min(best, ns);
      out.append(' ').append(ns);
    }
    FlowCache cache = runner.cache();
    System.out.println(
        out + ", best " + best + "; memo hits " + cache.hits + ", misses " + cache.misses);
  }

  private static void ramp(Scenario scenario, int trials, int step) {
    long start = System.nanoTime();
    long[] next = {step};
    long[] last = {start};
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    StringBuilder out = new StringBuilder("trials done at s (trials/s in the step, JIT s so far):");
    RunOptions options =
        new RunOptions(
            trials,
            1,
            2,
            Double.NaN,
            (done, planned) -> {
              synchronized (next) {
                if (done >= next[0]) {
                  long now = System.nanoTime();
                  out.append(
                      String.format(
                          Locale.ROOT,
                          "%n  %d %.2f (%.0f, %.2f)",
                          done,
                          (now - start) / 1e9,
                          step / ((now - last[0]) / 1e9),
                          jit.getTotalCompilationTime() / 1e3));
                  last[0] = now;
                  next[0] += step;
                }
              }
            },
            0,
            null,
            null);
    MonteCarlo.run(scenario, options);
    System.out.println(out);
  }
}
