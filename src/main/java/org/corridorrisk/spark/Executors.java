package org.corridorrisk.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;

/**
 * Per-executor-JVM cache of the compiled scenario: the first task of a study on an executor parses
 * the shipped file and compiles the model (the undisturbed run included); later tasks reuse it.
 * Keyed by a SHA-256 of the file name and bytes, so two studies never share a model by mistake.
 */
final class Executors {
  private static String key;
  private static MonteCarlo.Prepared prepared;

  private Executors() {}

  static synchronized MonteCarlo.Prepared prepared(String fileName, byte[] bytes) {
    String k = digest(fileName, bytes);
    if (!k.equals(key)) {
      try {
        prepared = new MonteCarlo.Prepared(ScenarioLoader.parse(fileName, bytes).baseline());
      } catch (ScenarioException e) {
        // the driver validated the same bytes before starting the job
        throw new IllegalStateException("the shipped scenario no longer validates: " + e, e);
      }
      key = k;
    }
    return prepared;
  }

  private static String digest(String fileName, byte[] bytes) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(fileName.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(bytes);
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
