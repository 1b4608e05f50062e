package org.corridorrisk.sim;

import java.io.IOException;
import java.util.function.BooleanSupplier;

/**
 * Options of a Monte Carlo study.
 *
 * @param trials number of trials planned (1..{@link MonteCarlo#MAX_TRIALS}); with {@code
 *     continueUpTo > trials}, the first stage of a study that may continue
 * @param seed the seed; trial k's result depends only on (seed, k)
 * @param threads worker threads (>= 1); never changes results
 * @param targetRelativeCi stop early once the 95% CI half-width of mean economic_loss is within
 *     this share of the mean (and it rests on enough trials, and some trial had a loss when the
 *     scenario has threats: {@link MonteCarlo#targetReached}); {@code NaN} or {@code <= 0} = no
 *     early stop
 * @param progress told about completed trials, or {@code null}
 * @param continueUpTo without a CI target: the study doubles its trials while economic_loss or
 *     person_days_without_service or unserved_fraction rests on few trials ({@link
 *     MonteCarlo#needsMoreTrials}), up to this many; with a CI target: the most trials to run;
 *     {@code <= trials} = run exactly {@code trials}
 * @param rows receives the {@code trials.csv} rows of each batch in trial order, or {@code null}
 * @param stop polled between batches; once true the study finishes the batches under way and ends
 *     with the trials done so far (always a prefix 0..n-1); {@code null} = never
 */
public record RunOptions(
    long trials,
    long seed,
    int threads,
    double targetRelativeCi,
    TrialProgress progress,
    long continueUpTo,
    TrialRows rows,
    BooleanSupplier stop) {
  public RunOptions {
    if (trials < 1 || trials > MonteCarlo.MAX_TRIALS) {
      throw new IllegalArgumentException(
          "trials must be between 1 and " + MonteCarlo.MAX_TRIALS + ", was " + trials);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, was " + threads);
    }
    if (continueUpTo > MonteCarlo.MAX_TRIALS) {
      throw new IllegalArgumentException(
          "continueUpTo must be at most " + MonteCarlo.MAX_TRIALS + ", was " + continueUpTo);
    }
  }

  /** Exactly {@code trials} trials, or fewer with a CI target. */
  public RunOptions(
      long trials, long seed, int threads, double targetRelativeCi, TrialProgress progress) {
    this(trials, seed, threads, targetRelativeCi, progress, 0, null, null);
  }

  /** All trials, no early stop, no progress. */
  public static RunOptions of(long trials, long seed, int threads) {
    return new RunOptions(trials, seed, threads, Double.NaN, null);
  }

  /** The same options with another trial count and no continuation, CI target or stop. */
  public RunOptions withExactly(long n, TrialProgress progress) {
    return new RunOptions(n, seed, threads, Double.NaN, progress, 0, rows, stop);
  }

  /** The most trials this study may run. */
  public long maxTrials() {
    return Math.max(trials, continueUpTo);
  }

  /** Whether a CI target is set. */
  public boolean hasCiTarget() {
    return targetRelativeCi > 0;
  }

  /** Receives progress; called from worker threads, must be thread-safe and cheap. */
  @FunctionalInterface
  public interface TrialProgress {
    void completed(long trialsDone, long trialsPlanned);
  }

  /**
   * Receives the {@code trials.csv} rows of consecutive batches, in trial order, one call per batch
   * (called under the study's lock, from a worker thread).
   */
  @FunctionalInterface
  public interface TrialRows {
    void write(CharSequence rows) throws IOException;
  }
}
