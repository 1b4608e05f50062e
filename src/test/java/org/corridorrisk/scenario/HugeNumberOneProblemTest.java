package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A number too large for a double ({@code 1e999999}) where an integer is expected: one problem. */
class HugeNumberOneProblemTest {
  private static final String FILE =
      String.join(
          "\n",
          "format: corridor-risk/v1",
          "name: huge",
          "horizon_days: 1e999999",
          "commodities: [{id: gas, unit: mcm}]",
          "nodes:",
          "  - {id: src, kind: source, commodity: gas, supply: 10}",
          "  - {id: city, kind: sink, commodity: gas, demand: 5}",
          "links:",
          "  - {id: line, from: src, to: city, commodity: gas, capacity: 10}",
          "threats:",
          "  - {id: t, model: independent, probability: 0.1, targets: {links: [line]},",
          "     repair_days: {dist: fixed, value: 3}}",
          "");

  @Test
  void anIntegerKeyWithAnInfiniteValue_isOneProblem() {
    ScenarioException e =
        assertThrows(
            ScenarioException.class,
            () -> ScenarioLoader.parse("huge.yaml", FILE.getBytes(StandardCharsets.UTF_8)));
    List<Problem> atHorizon =
        e.problems().stream().filter(p -> p.path().equals("horizon_days")).toList();
    assertEquals(1, atHorizon.size(), e.problems().toString());
    assertEquals(3, atHorizon.get(0).line());
  }
}
