package org.corridorrisk.cli;

import java.nio.file.Path;
import org.corridorrisk.sim.MonteCarlo;
import picocli.CommandLine.Option;

/**
 * The {@code --engine} and {@code --master} options of {@code run} and {@code compare} (a picocli
 * mixin): which engine executes a study's trials, and where Spark runs them.
 */
final class EngineOptions {
  @Option(
      names = "--engine",
      paramLabel = "ENGINE",
      defaultValue = Engines.LOCAL,
      description =
          "local (threads on this machine, default) or spark (Apache Spark; same results, see "
              + "docs/scale-out.md).")
  String engine = Engines.LOCAL;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "With --engine spark: the Spark master, e.g. local[2] or spark://host:7077 (default: "
              + "spark-submit's, else local[*]).")
  String master;

  /**
   * Checks both options (a {@link UserInputException}, exit 2, when they are wrong) and, for Spark,
   * sets its quiet logging up before anything can start Log4j.
   */
  void prepare() {
    if (!Engines.LOCAL.equals(engine) && !spark()) {
      throw new UserInputException("--engine must be local or spark, was '" + engine + "'");
    }
    if (master != null && !spark()) {
      throw new UserInputException("--master needs --engine spark");
    }
    if (master != null && master.isBlank()) {
      throw new UserInputException("--master must not be empty (e.g. local[2])");
    }
    if (spark()) {
      // Main has set Spark's logging up already (with --debug's choice): this call then changes
      // nothing, and otherwise still comes before the scenario is read
      Engines.prepareSpark(false);
    }
  }

  boolean spark() {
    return Engines.SPARK.equals(engine);
  }

  /**
   * Opens the chosen engine for a study of {@code file} ({@code contents} are its bytes, shipped to
   * Spark's executors), or returns {@code null} for the local threads. Close it with {@link
   * Engines#close}.
   */
  MonteCarlo.RangeEngine open(String scenarioName, Path file, byte[] contents) {
    return spark() ? Engines.openSpark(master, scenarioName, file, contents) : null;
  }
}
