package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

  @Test
  void exampleWarnings_areTheCaspianSectorsFedInSeveralUnits() throws IOException {
    // the Caspian example's four sectors each take gas, electricity or freight (mcm, GWh, kt);
    // every other example is free of warnings
    Path dir = Path.of("scenarios");
    List<String> warnings = new java.util.ArrayList<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().toList()) {
        try {
          ScenarioLoader.load(f).warnings().forEach(w -> warnings.add(w.format()));
        } catch (ScenarioException e) {
          warnings.add(f + " does not load");
        }
      }
    }
    String file = dir.resolve("caspian-energy-and-transport.yaml").toString();
    assertEquals(4, warnings.size(), String.join("\n", warnings));
    String[] sectors = {"households", "industry", "services", "transport"};
    for (int i = 0; i < 4; i++) {
      String w = warnings.get(i);
      assertTrue(
          w.startsWith(
              file
                  + ":"
                  + (344 + i)
                  + ":7: economy.sectors["
                  + i
                  + "]: warning: is fed by sinks in different units ("),
          w);
      assertTrue(w.endsWith(" (sector '" + sectors[i] + "')"), w);
    }
    assertTrue(
        warnings
            .get(3)
            .contains(
                "(electricity in GWh: ge-rail-traction; freight in kt: ge-port-transit-freight)"),
        warnings.get(3));
  }
}
