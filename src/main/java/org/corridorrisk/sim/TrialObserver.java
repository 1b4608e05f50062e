package org.corridorrisk.sim;

/**
 * Watches one trial as the engine runs it: every event in the order the engine applies it, and the
 * state at the end of every day. Used to replay a trial (the {@code exercise} command); the Monte
 * Carlo study runs without an observer.
 *
 * <p>Contract: for a trial of horizon H, {@link #day} is called exactly H times, for days 0..H-1 in
 * order, each after that day's events. Days the engine takes from the undisturbed run (before the
 * first successful hit) are reported too, from the undisturbed run's recorded state. The {@link
 * DayState} passed to {@link #day} is owned by the engine and overwritten the next day: copy what
 * you keep. Events and states carry ids, not indices, so a replay of a patched scenario (a decision
 * branch) reads the same way.
 *
 * <p>Design note: a replay is the engine itself with this hook, not a second implementation, so its
 * totals equal the trial's row in {@code trials.csv} bit for bit. Without an observer the engine
 * tests one {@code null} field per event and per day and allocates nothing: the study's hot path is
 * unchanged. Rejected: recording every day in the study (memory and time for every trial) and
 * re-running a trial with the shortcuts off (a different summation path could differ in the last
 * bit).
 */
public interface TrialObserver {
  /** One event; default ignores it. */
  default void event(TrialEvent event) {}

  /** The state at the end of day {@code state.day()}; default ignores it. */
  default void day(DayState state) {}
}
