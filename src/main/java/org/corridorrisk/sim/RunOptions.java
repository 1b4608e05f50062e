package org.corridorrisk.sim;

/**
 * Options of a Monte Carlo study.
 *
 * @param trials number of trials planned (>= 1)
 * @param seed the seed; trial k's result depends only on (seed, k)
 * @param threads worker threads (>= 1); never changes results
 * @param targetRelativeCi stop early once the 95% CI half-width of mean economic_loss is within
 *     this share of the mean; {@code NaN} or {@code <= 0} = run all trials
 * @param progress told about completed trials, or {@code null}
 */
public record RunOptions(
    int trials, long seed, int threads, double targetRelativeCi, TrialProgress progress) {
  public RunOptions {
    if (trials < 1) {
      throw new IllegalArgumentException("trials must be >= 1 but was " + trials);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1 but was " + threads);
    }
  }

  /** All trials, no early stop, no progress. */
  public static RunOptions of(int trials, long seed, int threads) {
    return new RunOptions(trials, seed, threads, Double.NaN, null);
  }

  /** Receives progress; called from worker threads, must be thread-safe and cheap. */
  @FunctionalInterface
  public interface TrialProgress {
    void completed(int trialsDone, int trialsPlanned);
  }
}
