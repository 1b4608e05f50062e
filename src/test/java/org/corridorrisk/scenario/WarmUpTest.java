package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The warm-up's built-in scenario is valid, so the warm-up reaches the model rules. */
class WarmUpTest {
  @Test
  void sample_isAValidScenario() {
    Issues issues = new Issues();
    DocumentReader.Document doc = DocumentReader.readFully(WarmUp.SAMPLE, false, issues);
    assertNotNull(doc.root());
    assertNotNull(Validation.check(doc.root(), issues), "the sample must build a scenario");
    assertEquals(List.of(), issues.all());
  }
}
