package org.corridorrisk.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Dependency;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Spill;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * Trials per second of one worker thread, for each shipped example ({@code scenarios/*.yaml}, run
 * from the repository root) and for a corridor built in code: a gas chain of pipeline segments with
 * a parallel branch, storage near the city, a gas-fired power plant (dependency), an economy of two
 * sectors, Poisson sabotage and an independent hazard. The score is trials/s (one operation = one
 * trial; each invocation runs a batch of {@value #BATCH} trials, the study's setup included).
 *
 * <p>Run from the repository root (JMH forks need the class path on the command line; under {@code
 * exec:java} use {@code -f 0}):
 *
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * CP=target/classes:target/test-classes:$(cat target/cp.txt)
 * java -cp $CP org.openjdk.jmh.Main TrialBenchmark -jvmArgs "-cp $CP"       # add -p scenario=btc-oil
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TrialBenchmark {
  static final int BATCH = 1000;

  /**
   * {@code corridor-uniform} / {@code corridor-max-damage}: the code-built corridor below (10
   * segments); any other value: {@code scenarios/<value>.yaml}.
   */
  @Param({
    "corridor-uniform",
    "corridor-max-damage",
    "btc-oil",
    "caspian-energy-and-transport",
    "middle-corridor",
    "southern-gas-corridor"
  })
  public String scenario;

  private Scenario model;
  private long seed;

  @Setup
  public void setup() throws ScenarioException {
    switch (scenario) {
      case "corridor-uniform" -> model = corridor(10, Selection.UNIFORM);
      case "corridor-max-damage" -> model = corridor(10, Selection.MAX_DAMAGE);
      default -> model = ScenarioLoader.load(Path.of("scenarios", scenario + ".yaml")).baseline();
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public double batch() {
    StudyResult r = MonteCarlo.run(model, RunOptions.of(BATCH, ++seed, 1));
    return r.values(Metric.ECONOMIC_LOSS)[BATCH - 1];
  }

  /** The benchmark corridor. */
  public static Scenario corridor(int segments, Selection selection) {
    List<Node> nodes = new ArrayList<>();
    List<Link> links = new ArrayList<>();
    List<String> pipes = new ArrayList<>();
    nodes.add(Node.source("field", "gas", 80));
    String prev = "field";
    for (int i = 0; i < segments; i++) {
      String j = "cs" + i;
      nodes.add(Node.junction(j, "gas"));
      Link main =
          Link.of("main" + i, prev, j, "gas", 60)
              .with(LinkKind.PIPELINE, "row" + (i / 3), 0.2, new Spill(2, 50));
      links.add(main);
      pipes.add(main.id());
      if (i % 4 == 3) {
        links.add(
            Link.of("loop" + i, "cs" + (i - 3), j, "gas", 25)
                .with(LinkKind.PIPELINE, null, 0.5, null));
        pipes.add("loop" + i);
      }
      prev = j;
    }
    nodes.add(Node.sink("homes", "gas", 20).withSinkDetails(1, 2_000_000, 300, "households"));
    nodes.add(Node.sink("industry", "gas", 25).withSinkDetails(2, 0, 150, "industry"));
    nodes.add(Node.sink("gas-power", "gas", 10).withSinkDetails(2, 0, 0, null));
    nodes.add(Node.storage("store", "gas", 300, 20, 400, 5));
    links.add(Link.of("to-homes", prev, "homes", "gas", 40));
    links.add(Link.of("to-industry", prev, "industry", "gas", 40));
    links.add(Link.of("to-power", prev, "gas-power", "gas", 40));
    links.add(Link.of("store-out", "store", prev, "gas", 20));
    links.add(Link.of("store-in", prev, "store", "gas", 20));
    nodes.add(Node.source("plant", "power", 50));
    nodes.add(Node.sink("grid", "power", 45).withSinkDetails(1, 3_000_000, 500, "industry"));
    links.add(
        Link.of("line", "plant", "grid", "power", 60).with(LinkKind.POWER_LINE, null, 0, null));
    List<Threat> threats =
        List.of(
            Threat.poisson(
                    "sabotage",
                    6,
                    0.6,
                    new RepairTime.Lognormal(10, 35),
                    new TargetSpec(pipes, null, null, null, null))
                .with(selection, true),
            Threat.independent(
                "quake",
                0.05,
                30,
                new RepairTime.Triangular(5, 15, 60),
                TargetSpec.ofKinds("pipeline")));
    Economy economy =
        new Economy(
            List.of(new Sector("households", 0), new Sector("industry", 4.0e8)),
            new double[][] {{0, 0.1}, {0.2, 0}});
    return new Scenario(
        "bench-corridor",
        "",
        365,
        "USD",
        List.of(new Commodity("gas", "mcm/d"), new Commodity("power", "GWh/d")),
        nodes,
        links,
        threats,
        List.of(new Dependency("gas-power", "plant", null)),
        economy,
        List.of());
  }
}
