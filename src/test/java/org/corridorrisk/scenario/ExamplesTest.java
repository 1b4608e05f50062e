package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.corridorrisk.model.Mitigation;
import org.junit.jupiter.api.Test;

/** Every example in scenarios/ validates, and so does each of its mitigations applied alone. */
class ExamplesTest {

  @Test
  void everyExampleScenario_validatesWithEachMitigation() throws IOException {
    Path dir = Path.of("scenarios");
    List<Path> files;
    try (Stream<Path> s = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
      files = s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "scenarios/ holds the worked examples");
    StringBuilder failures = new StringBuilder();
    for (Path f : files) {
      try {
        LoadedScenario loaded = ScenarioLoader.load(f);
        assertTrue(loaded.baseline().nodes().size() >= 2);
        for (Mitigation m : loaded.baseline().mitigations()) {
          loaded.variant(List.of(m.id()));
        }
      } catch (ScenarioException e) {
        e.problems().forEach(p -> failures.append(p.format()).append('\n'));
      }
    }
    assertTrue(failures.isEmpty(), "examples with problems:\n" + failures);
  }
}
