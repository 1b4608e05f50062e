package org.corridorrisk.sim;

import org.corridorrisk.model.Scenario;

/**
 * Runs Monte Carlo studies. Entry point of the engine.
 *
 * <p>Contract: trial k's outcome depends only on (scenario, seed, k): identical for any thread
 * count. Trials of two scenarios that differ by a mitigation patch use common random numbers.
 */
public final class MonteCarlo {
  private MonteCarlo() {}

  /** Runs the study. Thread-safe; allocates its own workers. */
  public static StudyResult run(Scenario scenario, RunOptions options) {
    throw new UnsupportedOperationException("engine not built yet");
  }
}
