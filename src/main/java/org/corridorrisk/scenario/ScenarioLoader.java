package org.corridorrisk.scenario;

import java.nio.file.Path;

/** Reads scenario files (YAML {@code .yaml}/{@code .yml} or JSON {@code .json}). */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  /**
   * Loads, checks against the schema and the model rules, and builds the model.
   *
   * @throws ScenarioException with every problem found, each located in the file
   */
  public static LoadedScenario load(Path file) throws ScenarioException {
    throw new UnsupportedOperationException("not built yet");
  }
}
