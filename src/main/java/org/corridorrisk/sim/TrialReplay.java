package org.corridorrisk.sim;

import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Scenario;

/**
 * Replays single trials of a scenario with the study's own engine, reporting every event and every
 * day to a {@link TrialObserver}: the {@code exercise} command's entry into the engine.
 *
 * <p>Contract: {@code replay(seed, k, o)} returns exactly the metrics of trial {@code k} of {@code
 * MonteCarlo.run(scenario, seed, ...)} (the values of its row in {@code trials.csv}), whatever the
 * observer does. {@code branchFrom} replays the same trial with this (patched) scenario in force
 * from a decision day on; with the decision on day 0 it equals trial {@code k} of the patched
 * scenario.
 *
 * <p>Building one runs the scenario's undisturbed horizon once. Not thread-safe.
 */
public final class TrialReplay {
  private final StudyModel model;
  private final TrialRunner runner;

  /** Compiles the scenario and runs its undisturbed horizon. */
  public TrialReplay(Scenario scenario) {
    model = new StudyModel(scenario);
    runner = new TrialRunner(model, model.baseline);
  }

  public Scenario scenario() {
    return model.scenario;
  }

  /** Replays trial {@code trial} of the study with {@code seed}; returns its metrics. */
  public TrialMetrics replay(long seed, long trial, TrialObserver observer) {
    runner.replayTrial(seed, trial, observer == null ? new TrialObserver() {} : observer);
    return runner.ledger().toTrialMetrics();
  }

  /**
   * Replays trial {@code trial} as a decision branch: the days before {@code fromDay} are {@code
   * baseline}'s, and from {@code fromDay} on this replay's (patched) scenario is in force, on the
   * same random numbers (see {@code docs/exercise.md}). Returns the branch's metrics over the whole
   * horizon.
   *
   * @throws IllegalArgumentException when {@code fromDay} is outside the horizon or the two
   *     scenarios differ in their sinks, commodities, sectors or horizon
   */
  public TrialMetrics branchFrom(
      TrialReplay baseline, long seed, long trial, int fromDay, TrialObserver observer) {
    runner.replayBranch(
        seed,
        trial,
        fromDay,
        baseline.runner,
        observer == null ? new TrialObserver() {} : observer);
    return runner.ledger().toTrialMetrics();
  }
}
