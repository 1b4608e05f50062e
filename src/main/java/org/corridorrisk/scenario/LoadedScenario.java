package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.corridorrisk.model.Mitigation;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Spelling;

/**
 * A scenario file, loaded and validated: the baseline model, and the means to build the scenario
 * with mitigations applied. Immutable and thread-safe.
 */
public final class LoadedScenario {
  private final Path file;
  private final Scenario baseline;
  private final JsonNode document;
  private final Locations locations;
  private final byte[] contents;
  private final List<Problem> warnings;

  LoadedScenario(Path file, Scenario baseline, JsonNode document, Locations locations) {
    this(file, baseline, document, locations, List.of(), new byte[0]);
  }

  LoadedScenario(
      Path file,
      Scenario baseline,
      JsonNode document,
      Locations locations,
      List<Problem> warnings,
      byte[] contents) {
    this.warnings = List.copyOf(warnings);
    this.file = file;
    this.contents = contents;
    this.baseline = baseline;
    this.document = document;
    this.locations = locations;
  }

  /**
   * Warnings about the valid file (e.g. hazard targets without a location), located; each message
   * starts with {@code "warning: "}.
   */
  public List<Problem> warnings() {
    return warnings;
  }

  public Path file() {
    return file;
  }

  /**
   * The file's bytes as read and validated (a copy): what a distributed engine ships to its
   * executors, so they build the very scenario checked here.
   */
  public byte[] contents() {
    return contents.clone();
  }

  /**
   * A problem about the key at {@code path} (e.g. {@code "mitigations"}) located in this file: at
   * the key when the file has it, else at its nearest enclosing key, else at the document start.
   */
  public Problem problemAt(String path, String message) {
    Locations.Loc at = locations.locate(path, true);
    return new Problem(file, at.line(), at.column(), path, message);
  }

  /** The scenario without mitigations applied (mitigations are declared in it). */
  public Scenario baseline() {
    return baseline;
  }

  /**
   * The baseline with the given mitigations' patches applied in order (a portfolio when more than
   * one). Nodes and links a patch adds come after the existing ones. An empty list gives the
   * baseline. The result declares the same mitigations as the baseline.
   *
   * @throws ScenarioException when an id is not a declared mitigation or the patched scenario
   *     breaks a rule (located at the patch)
   */
  public Scenario variant(List<String> mitigationIds) throws ScenarioException {
    if (mitigationIds.isEmpty()) {
      return baseline;
    }
    List<String> declared = baseline.mitigations().stream().map(Mitigation::id).toList();
    List<Integer> indexes = new ArrayList<>();
    List<Problem> unknown = new ArrayList<>();
    for (String id : mitigationIds) {
      int i = declared.indexOf(id);
      if (i < 0) {
        String best = Spelling.closest(id, declared);
        Locations.Loc at = locations.locate("mitigations", true);
        unknown.add(
            new Problem(
                file,
                at.line(),
                at.column(),
                "mitigations",
                "no mitigation '"
                    + id
                    + "'"
                    + (best != null
                        ? ", did you mean '" + best + "'?"
                        : declared.isEmpty()
                            ? " (the scenario declares none)"
                            : " (declared: " + String.join(", ", declared) + ")")));
      } else {
        indexes.add(i);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ScenarioException(unknown);
    }
    Issues issues = new Issues();
    Scenario s = Validation.patched(document, indexes, issues, new HashSet<>());
    if (!issues.isEmpty() || s == null) {
      List<Problem> problems = issues.toProblems(file, locations, document);
      throw new ScenarioException(
          problems.isEmpty()
              ? List.of(new Problem(file, 0, 0, "mitigations", "the patched scenario is invalid"))
              : problems);
    }
    return s;
  }
}
