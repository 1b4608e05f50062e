package org.corridorrisk.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;

/** Loads scenario text through the real loader (schema, model rules), for engine tests. */
final class Yaml {
  private Yaml() {}

  static LoadedScenario load(String text) {
    try {
      Path f = Files.createTempFile("scenario", ".yaml");
      try {
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return ScenarioLoader.load(f);
      } finally {
        Files.deleteIfExists(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ScenarioException e) {
      throw new AssertionError(e.getMessage() + "\n" + e.problems(), e);
    }
  }
}
