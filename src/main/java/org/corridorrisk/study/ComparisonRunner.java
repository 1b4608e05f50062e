package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;

/**
 * Runs a baseline and its mitigated variants on common random numbers and compares them.
 *
 * <p>The baseline runs with the given options (including any early stop on {@code
 * targetRelativeCi}); every variant then runs with exactly the baseline's trial count and seed and
 * no early stop, so trial k of each variant pairs with trial k of the baseline. When the options
 * allow continuing ({@link RunOptions#continueUpTo()} without a CI target), the whole comparison
 * runs at 10,000 trials and is run again at twice the trials while {@link #needsMoreTrials} holds
 * (at most about twice the work of the final size; the result depends only on the seed).
 */
public final class ComparisonRunner {
  private ComparisonRunner() {}

  /**
   * A scenario with some mitigations' patches applied.
   *
   * @param id the mitigation id, or {@code "a+b"} for a portfolio
   * @param costUsd its cost (a portfolio's: the sum), >= 0
   * @param members the mitigation ids applied, in order
   * @param scenario the patched scenario
   */
  public record Variant(String id, double costUsd, List<String> members, Scenario scenario) {
    public Variant {
      members = List.copyOf(members);
    }
  }

  /** Told when each run starts; may return a progress receiver for that run. */
  @FunctionalInterface
  public interface Listener {
    /**
     * Run {@code runIndex} (1-based, of {@code runCount}) is about to start.
     *
     * @param id {@code "baseline"} for the first run, else the variant's id
     * @return progress receiver for this run's trials, or {@code null}
     */
    RunOptions.TrialProgress starting(String id, int runIndex, int runCount);
  }

  /**
   * Runs the baseline, then each variant, and compares them. The progress receiver of {@code
   * options} is not used; {@code listener} gives one per run.
   *
   * @param listener told before each run starts; may be {@code null}
   */
  public static Comparison run(
      Scenario baseline, List<Variant> variants, RunOptions options, Listener listener) {
    return run(baseline, variants, options, listener, null);
  }

  /**
   * As {@link #run(Scenario, List, RunOptions, Listener)}, with every run's trials executed by
   * {@code engine} ({@link MonteCarlo#run(Scenario, RunOptions, MonteCarlo.RangeEngine)}; each
   * variant through {@link MonteCarlo.RangeEngine#withMitigations} with its members), or by local
   * threads when it is {@code null}. The result is the same bit for bit.
   */
  public static Comparison run(
      Scenario baseline,
      List<Variant> variants,
      RunOptions options,
      Listener listener,
      MonteCarlo.RangeEngine engine) {
    if (options.continueUpTo() <= options.trials() || options.hasCiTarget()) {
      return runOnce(baseline, variants, options, listener, engine);
    }
    // continuation: the whole comparison at n trials, doubled while an estimate rests on few
    long n = options.trials();
    while (true) {
      Comparison c = runOnce(baseline, variants, options.withExactly(n, null), listener, engine);
      if (n >= options.continueUpTo() || !needsMoreTrials(c, MonteCarlo.threatened(baseline))) {
        return c;
      }
      n = MonteCarlo.nextStage(n, options.continueUpTo());
    }
  }

  /**
   * The continuation rule of {@code compare}: the baseline's rule ({@link
   * MonteCarlo#needsMoreTrials}), or a mitigation whose mean reduction of a watched metric rests on
   * few trials.
   */
  public static boolean needsMoreTrials(Comparison c, boolean threatened) {
    if (MonteCarlo.needsMoreTrials(c.baseline().columns(), threatened)) {
      return true;
    }
    for (MitigationComparison m : c.mitigations()) {
      for (org.corridorrisk.impact.Metric metric : MonteCarlo.WATCHED) {
        if (m.metric(metric).fewTrials()) {
          return true;
        }
      }
    }
    return false;
  }

  private static Comparison runOnce(
      Scenario baseline,
      List<Variant> variants,
      RunOptions options,
      Listener listener,
      MonteCarlo.RangeEngine engine) {
    Listener tell = listener == null ? (id, i, n) -> null : listener;
    int count = variants.size() + 1;
    StudyResult base =
        study(
            baseline,
            engine,
            new RunOptions(
                options.trials(),
                options.seed(),
                options.threads(),
                options.targetRelativeCi(),
                tell.starting("baseline", 1, count),
                options.continueUpTo(),
                null,
                options.stop()));
    List<MitigatedRun> runs = new ArrayList<>();
    for (int i = 0; i < variants.size(); i++) {
      Variant v = variants.get(i);
      RunOptions paired =
          new RunOptions(
              base.trials(),
              options.seed(),
              options.threads(),
              Double.NaN,
              tell.starting(v.id(), i + 2, count),
              0,
              null,
              options.stop());
      MonteCarlo.RangeEngine variantEngine =
          engine == null ? null : engine.withMitigations(v.members());
      runs.add(
          new MitigatedRun(
              v.id(), v.costUsd(), v.members(), study(v.scenario(), variantEngine, paired)));
    }
    return Comparison.of(base, runs);
  }

  private static StudyResult study(
      Scenario scenario, MonteCarlo.RangeEngine engine, RunOptions options) {
    return engine == null
        ? MonteCarlo.run(scenario, options)
        : MonteCarlo.run(scenario, options, engine);
  }
}
