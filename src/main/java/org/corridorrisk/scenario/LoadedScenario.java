package org.corridorrisk.scenario;

import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.model.Scenario;

/**
 * A scenario file, loaded and validated: the baseline model, and the means to build the
 * scenario with mitigations applied.
 */
public final class LoadedScenario {
  private final Path file;
  private final Scenario baseline;

  LoadedScenario(Path file, Scenario baseline) {
    this.file = file;
    this.baseline = baseline;
  }

  public Path file() {
    return file;
  }

  /** The scenario without mitigations applied (mitigations are declared in it). */
  public Scenario baseline() {
    return baseline;
  }

  /**
   * The baseline with the given mitigations' patches applied in order (a portfolio when more
   * than one). Nodes and links a patch adds come after the existing ones.
   *
   * @throws ScenarioException when an id is not a declared mitigation or the patched scenario
   *     breaks a rule (located at the patch)
   */
  public Scenario variant(List<String> mitigationIds) throws ScenarioException {
    throw new UnsupportedOperationException("not built yet");
  }
}
