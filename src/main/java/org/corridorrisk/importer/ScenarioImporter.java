package org.corridorrisk.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * Imports public network files (GasLib, MatrixMarket, GraphML) as {@code corridor-risk/v1}
 * scenarios. The defaults for what a file does not say (threats, and for topology-only formats also
 * supplies, demands and capacities) are documented in docs/import.md and repeated in the written
 * file's header comment. Stateless and thread-safe.
 */
public final class ScenarioImporter {
  private ScenarioImporter() {}

  /**
   * Reads {@code file} in the given format and builds the scenario document.
   *
   * @param format the format, or {@code null} to guess it from the file name
   * @throws ScenarioException when the file is not valid in its format (every problem, located) or
   *     the format cannot be guessed
   * @throws IOException when the file cannot be read (e.g. {@link
   *     java.nio.file.NoSuchFileException})
   */
  public static ImportedScenario importFile(Path file, ImportFormat format, ImportOptions options)
      throws ScenarioException, IOException {
    ImportFormat f = format != null ? format : ImportFormat.guess(file);
    List<Problem> problems = new ArrayList<>();
    if (f == null) {
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "cannot tell the format from the file name;"
                  + " use --format gaslib|matrix-market|graphml (.zip/.net, .mtx, .graphml/.xml)"));
      throw new ScenarioException(problems);
    }
    ImportOptions o = options != null ? options : ImportOptions.defaults();
    ImportedScenario result =
        switch (f) {
          case GASLIB -> importGasLib(file, o, problems);
          case MATRIX_MARKET -> importMatrixMarket(file, o, problems);
          case GRAPHML -> importGraphMl(file, o, problems);
        };
    if (!problems.isEmpty() || result == null) {
      if (problems.isEmpty()) {
        problems.add(new Problem(file, 0, 0, "", "could not import the file"));
      }
      throw new ScenarioException(problems);
    }
    requireValid(file, result);
    return result;
  }

  /**
   * Runs the checks of {@code validate} on the scenario as it would be written, so that a file that
   * would fail them is never written. The options and the input are checked earlier with messages
   * of their own; this catches whatever those checks do not foresee. Each problem names the input
   * file and the key of the scenario that would be wrong.
   */
  private static void requireValid(Path file, ImportedScenario scenario) throws ScenarioException {
    byte[] yaml = scenario.toYaml().getBytes(StandardCharsets.UTF_8);
    try {
      ScenarioLoader.parse("imported.yaml", yaml);
    } catch (ScenarioException e) {
      List<Problem> problems = new ArrayList<>();
      for (Problem p : e.problems()) {
        problems.add(
            new Problem(
                file,
                0,
                0,
                "",
                "the scenario imported from this file would not pass validate, so it was not"
                    + " written: "
                    + (p.path() == null || p.path().isEmpty() ? "" : p.path() + ": ")
                    + p.message()));
      }
      throw new ScenarioException(problems);
    }
  }

  private static ImportedScenario importGasLib(Path file, ImportOptions o, List<Problem> problems)
      throws IOException {
    GasLibReader.GasLibData data = new GasLibReader(problems).read(file);
    if (data == null || !problems.isEmpty()) {
      return null;
    }
    return GasLibImport.build(data, String.valueOf(file.getFileName()), o, problems);
  }

  private static ImportedScenario importMatrixMarket(
      Path file, ImportOptions o, List<Problem> problems) throws IOException {
    MatrixMarketReader reader = new MatrixMarketReader(problems);
    Topology t = reader.read(file);
    if (t == null || !problems.isEmpty()) {
      return null;
    }
    List<String> provenance = new ArrayList<>(KnownSources.attribution(file));
    if (!reader.comments().isEmpty()) {
      provenance.add("Comments in the file:");
      reader.comments().stream().limit(10).forEach(c -> provenance.add("  " + c));
    }
    provenance.add(
        "The file "
            + (reader.sizeLinePresent() ? "has" : "has no")
            + " size line; node n<i> is row/column i.");
    return TopologyImport.build(
        t, file, "MatrixMarket coordinate file", provenance, o, new ArrayList<>(), problems);
  }

  private static ImportedScenario importGraphMl(Path file, ImportOptions o, List<Problem> problems)
      throws IOException {
    GraphMLReader reader = new GraphMLReader(problems);
    Topology t = reader.read(file);
    if (t == null || !problems.isEmpty()) {
      return null;
    }
    List<String> provenance = new ArrayList<>(KnownSources.attribution(file));
    provenance.add("Node positions: " + reader.positionNote() + ".");
    return TopologyImport.build(
        t, file, "GraphML", provenance, o, new ArrayList<>(reader.warnings()), problems);
  }

  /** Attributions of the public data sets this project is tested with, recognized by file name. */
  static final class KnownSources {
    private KnownSources() {}

    static List<String> attribution(Path file) {
      String name = String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT);
      if (name.startsWith("western-us-power-grid")) {
        return List.of(
            "Data: Western US power grid (4,941 substations/generators, 6,594 lines), from Watts & Strogatz,",
            "\"Collective dynamics of 'small-world' networks\", Nature 393:440-442 (1998); MatrixMarket file",
            "as distributed by the Network Repository (https://networkrepository.com). Cite the paper.");
      }
      return List.of(
          "Data: source and licence not known to corridor-risk; check the licence of "
              + file.getFileName(),
          "before sharing this scenario, and credit its authors here.");
    }
  }
}
