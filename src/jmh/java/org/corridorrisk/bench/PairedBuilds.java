package org.corridorrisk.bench;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link SolveAB} and {@link TrialAB} share: a class loader per build (its {@code
 * target/classes} and the dependencies), and the report of rounds timed in pairs.
 */
final class PairedBuilds {
  private PairedBuilds() {}

  /** A loader of checkout {@code checkout}'s classes with {@code dependencies} (jar paths). */
  static ClassLoader loader(Path checkout, String[] dependencies) throws MalformedURLException {
    List<URL> urls = new ArrayList<>();
    urls.add(checkout.resolve("target/classes").toUri().toURL());
    for (String d : dependencies) {
      urls.add(Path.of(d).toUri().toURL());
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /**
   * Prints per build the minimum, first quartile and median of its rounds' CPU microseconds per
   * {@code unit}, then per build after the first the median and quartiles of the per-round ratio to
   * the first build.
   */
  static void report(String unit, List<String> names, List<double[]> micros) {
    int rounds = micros.get(0).length;
    for (int k = 0; k < names.size(); k++) {
      double[] t = micros.get(k).clone();
      Arrays.sort(t);
      System.out.printf(
          "%-10s CPU us/%s: min %.1f, q1 %.1f, median %.1f%n",
          names.get(k), unit, t[0], t[rounds / 4], t[rounds / 2]);
    }
    for (int k = 1; k < names.size(); k++) {
      double[] ratio = new double[rounds];
      for (int r = 0; r < rounds; r++) {
        ratio[r] = micros.get(k)[r] / micros.get(0)[r];
      }
      Arrays.sort(ratio);
      System.out.printf(
          "%s / %s per round: median %.3f (quartiles %.3f to %.3f, %d rounds)%n",
          names.get(k),
          names.get(0),
          ratio[rounds / 2],
          ratio[rounds / 4],
          ratio[3 * rounds / 4],
          rounds);
    }
  }
}
