package org.corridorrisk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.spark.SparkEngine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Trials per second of one study of {@value #TRIALS} trials on Spark {@code local[2]} next to the
 * local engine on 2 threads (same scenario, a fresh seed per call; Spark's start-up is outside the
 * measurement: one SparkContext per fork, as a long-running cluster would have). The difference is
 * the Spark engine's overhead per study: job scheduling, one compiled model and flow cache per task
 * (vs per thread), result serialization. Run: see docs/scale-out.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(
    value = 1,
    jvmArgsAppend = {
      "-Xmx2g",
      "-XX:+IgnoreUnrecognizedVMOptions",
      "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
      "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
      "--add-opens=java.base/java.io=ALL-UNNAMED",
      "--add-opens=java.base/java.net=ALL-UNNAMED",
      "--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/java.util=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
      "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
      "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
      "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
      "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
      "-Djdk.reflect.useDirectMethodHandle=false",
      "-Dio.netty.tryReflectionSetAccessible=true",
      "-Dslf4j.provider=org.slf4j.nop.NOPServiceProvider"
    })
public class SparkEngineBenchmark {
  static final int TRIALS = 20_000;

  @Param({"southern-gas-corridor"})
  public String scenario;

  private Scenario model;
  private JavaSparkContext sc;
  private SparkEngine engine;
  private long seed;

  @Setup(Level.Trial)
  public void start() throws Exception {
    Path file = BenchScenarios.file(scenario);
    model = BenchScenarios.load(scenario);
    sc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("corridor-risk benchmark")
                .set("spark.ui.enabled", "false")
                .set("spark.driver.host", "127.0.0.1")
                .set("spark.driver.bindAddress", "127.0.0.1"));
    engine =
        SparkEngine.open(
            "local[2]", "benchmark", file.getFileName().toString(), Files.readAllBytes(file));
  }

  @TearDown(Level.Trial)
  public void stop() {
    engine.close();
    sc.stop();
  }

  /** {@value #TRIALS} trials as Spark tasks ({@code local[2]}); score = trials per second. */
  @Benchmark
  @OperationsPerInvocation(TRIALS)
  public StudyResult sparkLocal2() {
    return MonteCarlo.run(model, RunOptions.of(TRIALS, ++seed, 2), engine);
  }

  /** The same study on the local engine, 2 threads; score = trials per second. */
  @Benchmark
  @OperationsPerInvocation(TRIALS)
  public StudyResult local2Threads() {
    return MonteCarlo.run(model, RunOptions.of(TRIALS, ++seed, 2));
  }
}
