package org.corridorrisk.bench;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ImportedScenario;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fixed costs in front of the trials, which an end-to-end {@code run} pays once: importing a
 * public network, and loading (parsing, schema, model rules) the scenario file.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx1g"})
public class ImportBenchmark {
  @Param({"gaslib-135", "us-power-grid"})
  public String network;

  private Path source;
  private Path scenarioFile;

  @Setup(Level.Trial)
  public void prepare() throws Exception {
    Path data = Path.of("data");
    source =
        "gaslib-135".equals(network)
            ? data.resolve("gaslib/GasLib-135.zip")
            : data.resolve("power-grid/western-us-power-grid.mtx");
    scenarioFile = BenchScenarios.file(network);
  }

  /** Reading the public file and building the scenario document (no writing). */
  @Benchmark
  public ImportedScenario importNetwork() throws Exception {
    return ScenarioImporter.importFile(source, null, ImportOptions.defaults());
  }

  /** Loading the imported scenario file: YAML parse, schema, model rules. */
  @Benchmark
  public LoadedScenario loadScenario() throws Exception {
    return ScenarioLoader.load(scenarioFile);
  }
}
