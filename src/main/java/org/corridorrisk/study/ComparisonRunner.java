package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;

/**
 * Runs a baseline and its mitigated variants on common random numbers and compares them.
 *
 * <p>The baseline runs with the given options (including any early stop on
 * {@code targetRelativeCi}); every variant then runs with exactly the baseline's trial count
 * and seed and no early stop, so trial k of each variant pairs with trial k of the baseline.
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

  /**
   * Runs the baseline, then each variant, and compares them.
   *
   * @param started told the id of each run before it starts ({@code "baseline"} first); may be
   *     {@code null}
   */
  public static Comparison run(Scenario baseline, List<Variant> variants, RunOptions options,
      Consumer<String> started) {
    Consumer<String> tell = started == null ? id -> { } : started;
    tell.accept("baseline");
    StudyResult base = MonteCarlo.run(baseline, options);
    RunOptions paired = new RunOptions(base.trials(), options.seed(), options.threads(), Double.NaN,
        options.progress());
    List<MitigatedRun> runs = new ArrayList<>();
    for (Variant v : variants) {
      tell.accept(v.id());
      runs.add(new MitigatedRun(v.id(), v.costUsd(), v.members(), MonteCarlo.run(v.scenario(), paired)));
    }
    return Comparison.of(base, runs);
  }
}
