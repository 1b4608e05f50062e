package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A YAML file that goes with a scenario but is not one (e.g. the MSEL templates of {@code exercise
 * --templates}): read with the scenario reader's limits and syntax messages, so that its problems
 * are located ({@code FILE:LINE:COLUMN: path: message}) like a scenario's.
 *
 * <p>Design note: the reader of the side file's contents lives elsewhere (it knows what the keys
 * mean) and reports problems by document path; this class turns them into located {@link Problem}s.
 * Rejected: letting that reader parse the YAML itself, which gave one-line messages without a line
 * or column.
 */
public final class SideFile {
  private final Path file;
  private final JsonNode root;
  private final Locations locations;
  private final List<Problem> problems = new ArrayList<>();

  private SideFile(Path file, JsonNode root, Locations locations) {
    this.file = file;
    this.root = root;
    this.locations = locations;
  }

  /**
   * Reads one YAML document.
   *
   * @throws ScenarioException when the file is missing, unreadable, too large, empty or not YAML,
   *     with the problem located
   */
  public static SideFile read(Path file) throws ScenarioException {
    byte[] bytes = ScenarioLoader.readBytes(file, "a file");
    if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
      throw new ScenarioException(List.of(new Problem(file, 1, 1, "", "the file is empty")));
    }
    Issues issues = new Issues();
    DocumentReader.Document doc = DocumentReader.readFully(bytes, false, issues);
    if (!issues.isEmpty() || doc.root() == null) {
      throw new ScenarioException(issues.toProblems(file, doc.locations()));
    }
    return new SideFile(file, doc.root(), doc.locations());
  }

  /** The document. */
  public JsonNode root() {
    return root;
  }

  /**
   * Records a problem at {@code path} (dotted keys, e.g. {@code hit.pipeline.time}), located at its
   * key ({@code atKey}) or its value.
   */
  public void problem(String path, String message, boolean atKey) {
    Locations.Loc at = locations.locate(path, atKey);
    problems.add(new Problem(file, at.line(), at.column(), path, message));
  }

  /**
   * @throws ScenarioException with every problem recorded, sorted by line and column, if any
   */
  public void throwIfProblems() throws ScenarioException {
    if (!problems.isEmpty()) {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(
          java.util.Comparator.comparingInt(Problem::line)
              .thenComparingInt(Problem::column)
              .thenComparing(p -> p.path().toLowerCase(Locale.ROOT)));
      throw new ScenarioException(sorted);
    }
  }
}
