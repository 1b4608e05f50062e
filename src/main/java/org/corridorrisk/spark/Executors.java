package org.corridorrisk.spark;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.MonteCarlo;

/**
 * Per-executor-JVM cache of compiled scenarios: the first task of a study on an executor parses the
 * shipped file, applies the variant's mitigations (compare) and compiles the model (the undisturbed
 * run included); later tasks reuse it. Keyed by a SHA-256 of the file name, the bytes and the
 * mitigation ids, so two studies never share a model by mistake. Holds the last {@value #KEPT}
 * models: compare's baseline and variants run as consecutive jobs, and again at every continuation
 * stage.
 */
final class Executors {
  static final int KEPT = 4;

  private static final Map<String, MonteCarlo.Prepared> PREPARED =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MonteCarlo.Prepared> eldest) {
          return size() > KEPT;
        }
      };

  private Executors() {}

  static synchronized MonteCarlo.Prepared prepared(
      String fileName, byte[] bytes, List<String> mitigations) {
    String k = digest(fileName, bytes, mitigations);
    MonteCarlo.Prepared p = PREPARED.get(k);
    if (p == null) {
      try {
        LoadedScenario loaded = ScenarioLoader.parse(fileName, bytes);
        p =
            new MonteCarlo.Prepared(
                mitigations.isEmpty() ? loaded.baseline() : loaded.variant(mitigations));
      } catch (ScenarioException e) {
        // the driver validated the same bytes and built the same variant before the job
        throw new IllegalStateException("the shipped scenario no longer validates: " + e, e);
      }
      PREPARED.put(k, p);
    }
    return p;
  }

  private static String digest(String fileName, byte[] bytes, List<String> mitigations) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(fileName.getBytes(StandardCharsets.UTF_8));
      md.update((byte) 0);
      md.update(bytes);
      for (String id : mitigations) {
        md.update((byte) 0);
        md.update(id.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
