package org.corridorrisk.bench;

import java.util.concurrent.TimeUnit;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A batch of trials through the public engine entry point {@link MonteCarlo#run} on one thread:
 * score = trials per second (study set-up included, amortized over {@value #BATCH} trials). Run:
 * see docs/performance.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class StudyBenchmark {
  static final int BATCH = 1000;

  @Param({"southern-gas-corridor", "btc-oil", "middle-corridor", "gaslib-135", "us-power-grid"})
  public String scenario;

  private Scenario model;
  private long seed;

  @Setup(Level.Trial)
  public void load() throws Exception {
    model = BenchScenarios.load(scenario);
  }

  /**
   * {@value #BATCH} trials with a fresh seed each call, so the memo cannot carry over between
   * calls.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public StudyResult batchOfTrials() {
    return MonteCarlo.run(model, RunOptions.of(BATCH, ++seed, 1));
  }
}
