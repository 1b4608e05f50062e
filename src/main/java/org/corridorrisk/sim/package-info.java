/**
 * Stage 4, trials: the Monte Carlo loop (threats, repairs, storage, dependencies, one day at a time
 * through {@code network.DailyFlowSolver}), one seeded random stream per (seed, trial, threat), so
 * a trial is a pure function of (compiled scenario, seed, trial index) and results do not depend on
 * the thread count. Imports {@code model}, {@code network}, {@code impact} and {@code stats}.
 */
package org.corridorrisk.sim;
