package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A small valid scenario and helpers to break it and read the problems. */
final class TestFiles {
  /** Valid; line numbers matter to the golden tests (format is line 1, supply line 10). */
  static final String BASE =
      """
      format: corridor-risk/v1
      name: t
      horizon_days: 30
      commodities:
        - id: gas
      nodes:
        - id: a
          kind: source
          commodity: gas
          supply: 10
        - id: b
          kind: sink
          commodity: gas
          demand: 5
      links:
        - id: l
          from: a
          to: b
          commodity: gas
          capacity: 10
      threats:
        - id: t
          model: poisson
          events_per_year: 1
          targets: {links: [l]}
          repair_days: {dist: fixed, value: 3}
      """;

  private TestFiles() {}

  /** A test resource as text, e.g. {@code broken/five-faults.yaml} (shared with the CLI tests). */
  static String resource(String name) {
    try (var in = TestFiles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** BASE with {@code from} replaced by {@code to} (which must occur once). */
  static String replace(String from, String to) {
    return replace(BASE, from, to);
  }

  static String replace(String text, String from, String to) {
    int at = text.indexOf(from);
    assertTrue(at >= 0 && text.indexOf(from, at + 1) < 0, "must occur once: " + from);
    return text.substring(0, at) + to + text.substring(at + from.length());
  }

  /** The formatted problems of {@code text} read as {@code name} ({@code t.yaml}: YAML). */
  static List<String> problems(String name, String text) {
    try {
      ScenarioLoader.parse(Path.of(name), text.getBytes(StandardCharsets.UTF_8));
      return List.of();
    } catch (ScenarioException e) {
      return e.problems().stream().map(Problem::format).toList();
    }
  }

  static List<String> problems(String text) {
    return problems("t.yaml", text);
  }

  static LoadedScenario load(String text) throws ScenarioException {
    return ScenarioLoader.parse(Path.of("t.yaml"), text.getBytes(StandardCharsets.UTF_8));
  }

  /** The YAML text as a tree (for path helpers). */
  static com.fasterxml.jackson.databind.JsonNode tree(String yaml) {
    try {
      return new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
