package org.corridorrisk.scenario;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.corridorrisk.model.Scenario;

/**
 * Reads scenario files (YAML {@code .yaml}/{@code .yml} or JSON {@code .json}; both carry the same
 * document) and checks them completely: syntax, the JSON Schema, the model rules, and each
 * mitigation's patch. Every problem is reported at once, located at the offending key or value.
 *
 * <p>Thread-safe; holds no state.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /**
   * Loads, checks against the schema and the model rules, and builds the model.
   *
   * @throws ScenarioException with every problem found, each located in the file (a missing or
   *     unreadable file is one problem naming it)
   */
  public static LoadedScenario load(Path file) throws ScenarioException {
    return parse(file, readBytes(file, "a scenario file"));
  }

  /**
   * A user's file's bytes, within the reader's size limit; {@code kind} says what the file should
   * be (a directory given instead is "not {@code kind}").
   *
   * @throws ScenarioException when the file is a directory, missing, unreadable or too large: one
   *     problem naming the file
   */
  static byte[] readBytes(Path file, String kind) throws ScenarioException {
    try {
      if (Files.isDirectory(file)) {
        throw fileProblem(file, "is a directory, not " + kind);
      }
      long size = Files.size(file);
      if (size > DocumentReader.MAX_FILE_BYTES) {
        throw fileProblem(
            file,
            "the file is too large: "
                + size
                + " bytes (limit "
                + DocumentReader.MAX_FILE_BYTES
                + " bytes)");
      }
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw fileProblem(file, "no such file");
    } catch (AccessDeniedException e) {
      throw fileProblem(file, "cannot read the file: permission denied");
    } catch (IOException e) {
      throw fileProblem(file, "cannot read the file: " + e.getMessage());
    }
  }

  /**
   * Checks and builds a scenario from a file's contents, e.g. shipped to a Spark executor; {@code
   * fileName} names it in problems and decides the syntax as in {@link #load(Path)}.
   */
  public static LoadedScenario parse(String fileName, byte[] bytes) throws ScenarioException {
    return parse(java.nio.file.Paths.get(fileName), bytes);
  }

  /**
   * Checks and builds a scenario from file contents; {@code file} names it in problems and decides
   * the syntax ({@code .json} = JSON, anything else = YAML, a superset of JSON). When a file whose
   * name has none of the scenario extensions has problems, a last line says it was read as YAML.
   */
  static LoadedScenario parse(Path file, byte[] bytes) throws ScenarioException {
    try {
      return check(file, bytes);
    } catch (ScenarioException e) {
      if (hasScenarioExtension(file)) {
        throw e;
      }
      List<Problem> problems = new ArrayList<>(e.problems());
      problems.add(
          new Problem(
              file,
              0,
              0,
              "",
              "note: read as YAML, as the name does not end in .yaml, .yml or .json"));
      throw new ScenarioException(problems);
    }
  }

  /** Whether the file name ends in one of the scenario extensions, {@code .yaml .yml .json}. */
  static boolean hasScenarioExtension(Path file) {
    if (file.getFileName() == null) {
      return false;
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static LoadedScenario check(Path file, byte[] bytes) throws ScenarioException {
    WarmUp.start(); // the schema and the model's classes get ready while the file is read
    if (bytes.length > DocumentReader.MAX_FILE_BYTES) {
      throw fileProblem(
          file,
          "the file is too large: "
              + bytes.length
              + " bytes (limit "
              + DocumentReader.MAX_FILE_BYTES
              + " bytes)");
    }
    boolean json =
        file.getFileName() != null
            && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
    Issues issues = new Issues();
    DocumentReader.Document doc = DocumentReader.read(bytes, json, issues);
    if (doc.root() == null) {
      throw new ScenarioException(issues.toProblems(file, doc.locations()));
    }
    Scenario baseline = Validation.check(doc.root(), issues);
    Validation.checkMitigations(doc.root(), issues);
    if (!issues.isEmpty() || baseline == null) {
      List<Problem> problems = issues.toProblems(file, doc.locations(), doc.root());
      if (problems.isEmpty()) {
        problems = List.of(new Problem(file, 1, 1, "", "the scenario is invalid"));
      }
      throw new ScenarioException(problems);
    }
    return new LoadedScenario(
        file,
        baseline,
        doc.root(),
        doc.locations(),
        issues.toWarnings(file, doc.locations(), doc.root()),
        bytes);
  }

  static ScenarioException fileProblem(Path file, String message) {
    return new ScenarioException(List.of(new Problem(file, 0, 0, "", message)));
  }
}
