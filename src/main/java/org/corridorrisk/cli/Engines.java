package org.corridorrisk.cli;

import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import org.corridorrisk.sim.MonteCarlo;

/**
 * The engines of {@code run --engine}. The Spark engine lives in {@code org.corridorrisk.spark},
 * compiled against Spark as a provided dependency: the application jar holds its classes but not
 * Spark, which the launcher adds to the class path for {@code --engine spark} (a cluster has its
 * own). It is therefore loaded by reflection here, so that the local engine never touches a Spark
 * class and a missing Spark is a clear message rather than a {@code NoClassDefFoundError}.
 */
final class Engines {
  static final String LOCAL = "local";
  static final String SPARK = "spark";
  static final String SPARK_ENGINE_CLASS = "org.corridorrisk.spark.SparkEngine";

  private Engines() {}

  /** Whether Spark's classes can be loaded. */
  static boolean sparkAvailable() {
    try {
      Class.forName("org.apache.spark.SparkContext", false, Engines.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Sets Spark's logging up (see {@code SparkEngine.logging}: quiet, or Spark's warnings and errors
   * with {@code debug}) when Spark is on the class path; a command with {@code --engine spark}
   * calls it first, before anything can start Log4j. Only the first call counts.
   */
  static void prepareSpark(boolean debug) {
    if (!sparkAvailable()) {
      return;
    }
    try {
      Class.forName(SPARK_ENGINE_CLASS, true, Engines.class.getClassLoader())
          .getMethod("logging", boolean.class)
          .invoke(null, debug);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the Spark engine " + SPARK_ENGINE_CLASS, e);
    }
  }

  /** Opens the Spark engine for one study (see {@code SparkEngine.open}). */
  static MonteCarlo.RangeEngine openSpark(
      String master, String scenarioName, Path file, byte[] contents) {
    if (!sparkAvailable()) {
      throw new UserInputException(
          "--engine spark needs Apache Spark on the class path: run it through the"
              + " ./corridor-risk launcher (which adds Spark) or spark-submit (docs/scale-out.md)");
    }
    try {
      Class<?> c = Class.forName(SPARK_ENGINE_CLASS, true, Engines.class.getClassLoader());
      Object engine =
          c.getMethod("open", String.class, String.class, String.class, byte[].class)
              .invoke(
                  null,
                  master,
                  "corridor-risk " + scenarioName,
                  String.valueOf(file.getFileName()),
                  contents);
      return (MonteCarlo.RangeEngine) engine;
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IllegalArgumentException bad
          && String.valueOf(bad.getMessage()).startsWith("--master")) {
        throw new UserInputException(bad.getMessage());
      }
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot load the Spark engine " + SPARK_ENGINE_CLASS, e);
    }
  }

  /** Closes an engine opened here (stops a SparkContext it started); {@code null} is ignored. */
  static void close(MonteCarlo.RangeEngine engine) {
    if (engine instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        throw new IllegalStateException("closing the " + engine.name() + " engine failed", e);
      }
    }
  }
}
