package org.corridorrisk.bench;

import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;

/**
 * Plain timing of a study on the code-built benchmark corridor, for quick measurements outside JMH:
 * {@code java -Xmx1g -cp ... org.corridorrisk.bench.RunMain TRIALS THREADS [SEGMENTS]}. Prints
 * trials/s and the heap in use after the study.
 */
public final class RunMain {
  private RunMain() {}

  public static void main(String[] args) {
    int trials = Integer.parseInt(args[0]);
    int threads = Integer.parseInt(args[1]);
    int segments = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    Scenario s = TrialBenchmark.corridor(segments, Selection.UNIFORM);
    MonteCarlo.run(s, RunOptions.of(2000, 99, threads));
    long t0 = System.nanoTime();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(trials, 1, threads));
    double sec = (System.nanoTime() - t0) / 1e9;
    Runtime rt = Runtime.getRuntime();
    System.gc();
    System.out.printf(
        "%d trials, %d threads: %.1f s, %.0f trials/s, heap used after %.0f MB (max %.0f MB)%n",
        r.trials(),
        threads,
        sec,
        r.trials() / sec,
        (rt.totalMemory() - rt.freeMemory()) / 1e6,
        rt.maxMemory() / 1e6);
  }
}
