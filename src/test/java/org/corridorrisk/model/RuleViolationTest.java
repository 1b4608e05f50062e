package org.corridorrisk.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The model reports broken rules as structured values (path, rule, values), not only as text. */
class RuleViolationTest {
  @Test
  void constructorCheck_namesTheKeyTheRuleAndTheValue() {
    RuleException e = assertThrows(RuleException.class, () -> Link.of("scp", "a", "b", "gas", -5));
    assertEquals("capacity", e.violation().path());
    assertEquals(Rule.RANGE, e.violation().rule());
    assertEquals(List.of("-5.0"), e.violation().values());
    assertEquals("must be a finite number >= 0, was -5.0", e.violation().message());
    assertEquals("capacity must be a finite number >= 0, was -5.0", e.messageWithoutOwner());
    assertEquals("capacity must be a finite number >= 0, was -5.0 (link 'scp')", e.getMessage());
  }

  @Test
  void badId_isAnIdFormatViolationOfKeyId() {
    RuleException e = assertThrows(RuleException.class, () -> Node.junction("a b", "gas"));
    assertEquals("id", e.violation().path());
    assertEquals(Rule.ID_FORMAT, e.violation().rule());
    assertEquals("node id must match [A-Za-z0-9._-]+, was 'a b'", e.getMessage());
  }

  @Test
  void scenarioRule_commodityMismatch_carriesBothCommodities() {
    InvalidScenarioException e =
        assertThrows(
            InvalidScenarioException.class,
            () ->
                new Scenario(
                    "s",
                    "",
                    10,
                    "USD",
                    List.of(new Commodity("gas", "m3"), new Commodity("oil", "bbl")),
                    List.of(Node.source("a", "gas", 1), Node.sink("b", "oil", 1)),
                    List.of(Link.of("l", "a", "b", "gas", 1)),
                    List.of(),
                    List.of(),
                    null,
                    List.of()));
    RuleViolation mismatch =
        e.violations().stream()
            .filter(v -> v.rule() == Rule.COMMODITY_MISMATCH)
            .findFirst()
            .orElseThrow();
    assertEquals("links[0].to", mismatch.path());
    assertEquals(List.of("oil", "gas"), mismatch.values());
  }
}
