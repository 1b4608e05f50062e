package org.corridorrisk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ImportedScenario;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * The scenarios the benchmarks use, by name: an example of {@code scenarios/} (e.g. {@code
 * southern-gas-corridor}), or an imported public network: {@code gaslib-135} (GasLib-135 with the
 * importer's defaults: 90 days, Poisson threats) or {@code us-power-grid} (the Western US power
 * grid: 5% independent line failures, one-day horizon). Benchmarks run from the project folder; the
 * public networks are those bundled in {@code data/} (see data/README.md).
 */
public final class BenchScenarios {
  private BenchScenarios() {}

  /** Loads the named scenario (validated by the loader). */
  public static Scenario load(String name) throws IOException, ScenarioException {
    return ScenarioLoader.load(file(name)).baseline();
  }

  /** The scenario file for a name; imported networks are written to a temporary file. */
  public static Path file(String name) throws IOException, ScenarioException {
    Path data = Path.of("data");
    Path source =
        switch (name) {
          case "gaslib-135" -> data.resolve("gaslib/GasLib-135.zip");
          case "us-power-grid" -> data.resolve("power-grid/western-us-power-grid.mtx");
          default -> null;
        };
    if (source == null) {
      Path example = Path.of("scenarios", name + ".yaml");
      if (!Files.isRegularFile(example)) {
        throw new IOException(
            "no example scenario "
                + example.toAbsolutePath()
                + " (run the benchmarks from the project folder)");
      }
      return example;
    }
    ImportedScenario imported = ScenarioImporter.importFile(source, null, ImportOptions.defaults());
    Path out = Files.createTempFile("corridor-risk-bench-" + name + "-", ".yaml");
    out.toFile().deleteOnExit();
    imported.write(out, true);
    return out;
  }
}
