package org.corridorrisk.importer;

import static org.corridorrisk.importer.ImportTestSupport.data;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.OutageEvaluator;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every network of the bundled data/ folder, imported with the defaults, loads without a problem.
 */
class ImportedScenariosLoadTest {
  @TempDir Path dir;

  private Scenario importAndLoad(String relative) throws Exception {
    ImportedScenario imported =
        ScenarioImporter.importFile(data(relative), null, ImportOptions.defaults());
    Path file = dir.resolve("imported.yaml");
    imported.write(file, false);
    return ScenarioLoader.load(file).baseline();
  }

  @ParameterizedTest(name = "{0} loads and runs: {1} nodes, {2} links, {3} threats")
  @CsvSource({
    "gaslib/GasLib-11.zip, 11, 11, 2",
    "gaslib/GasLib-24.zip, 24, 25, 2",
    "gaslib/GasLib-40.zip, 40, 45, 2",
    "gaslib/GasLib-135.zip, 135, 170, 2"
  })
  void importedGasLib_loadsAndRuns(String file, int nodes, int links, int threats)
      throws Exception {
    Scenario s = importAndLoad(file);
    assertEquals(nodes, s.nodes().size());
    assertEquals(links, s.links().size());
    assertEquals(threats, s.threats().size());
    StudyResult r = MonteCarlo.run(s, RunOptions.of(200, 1, 1));
    assertEquals(200, r.trials());
    // without threats every exit is served: the nomination is feasible on the imported network
    assertEquals(0.0, new OutageEvaluator(s).undisturbed().get(Metric.UNSERVED_FRACTION), 1e-9);
  }

  @Test
  void importedPowerGrid_loadsAndRuns_everyLineTargeted() throws Exception {
    Scenario s = importAndLoad("power-grid/western-us-power-grid.mtx");
    assertEquals(4941, s.nodes().size());
    assertEquals(6594, s.links().size());
    assertEquals(6594, s.threats().get(0).targets().size());
    assertEquals(247, s.nodes().stream().filter(n -> n.kind() == NodeKind.SOURCE).count());
    assertEquals(0.0, new OutageEvaluator(s).undisturbed().get(Metric.UNSERVED_FRACTION), 1e-9);
    StudyResult r = MonteCarlo.run(s, RunOptions.of(10, 1, 1));
    double mean =
        java.util.Arrays.stream(r.values(Metric.UNSERVED_FRACTION)).average().orElseThrow();
    assertTrue(mean > 0 && mean < 0.2, "5% line failures cut off some, not most, demand: " + mean);
  }

  @Test
  void importedGraphMl_loadsWithoutProblems() throws Exception {
    Path file = dir.resolve("g.graphml");
    Files.writeString(
        file,
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"><graph edgedefault=\"directed\">"
            + "<node id=\"a\"/><node id=\"b\"/><node id=\"c\"/><node id=\"d\"/>"
            + "<edge source=\"a\" target=\"b\"/><edge source=\"b\" target=\"c\"/><edge source=\"d\" target=\"b\"/>"
            + "</graph></graphml>");
    Path out = dir.resolve("g.yaml");
    ScenarioImporter.importFile(file, null, ImportOptions.defaults()).write(out, false);
    Scenario s = ScenarioLoader.load(out).baseline();
    assertEquals(4, s.nodes().size());
    assertEquals(3, s.links().size());
  }
}
