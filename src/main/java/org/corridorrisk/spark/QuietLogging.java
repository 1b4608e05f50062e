package org.corridorrisk.spark;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.RegexFilter;
import org.apache.spark.SparkConf;

/**
 * Keeps Spark's logging off the console of {@code run --engine spark} (and {@code compare}).
 *
 * <p>Design note: there are two cases, told apart by the system property {@value #SPARK_SUBMIT}
 * that spark-submit sets before it calls the main class.
 *
 * <ul>
 *   <li><b>Our launcher or a test</b> (Log4j not configured yet): unless the user named a Log4j 2
 *       configuration, Log4j is pointed at {@code org/corridorrisk/spark/log4j2-quiet.properties}
 *       (errors only, without those the command reports itself) or, with {@code --debug}, at {@code
 *       log4j2-debug.properties} (Spark's warnings and errors with their stack traces) before
 *       anything uses Log4j. Log4j reads its configuration once, so the first call wins.
 *   <li><b>spark-submit</b>: Spark has configured Log4j before our code runs, from the user's
 *       configuration if there is one ({@code $SPARK_CONF_DIR/log4j2.properties}, {@code
 *       -Dlog4j2.configurationFile} through {@code --driver-java-options} or {@code
 *       spark.driver.extraJavaOptions}), else from its built-in profile, which logs INFO (about a
 *       hundred lines per study). Only in that last case, and not with {@code --debug}, are levels
 *       lowered in place ({@link #quietSparkDefaults}): Spark's and Hadoop's warnings and errors
 *       still show, through Spark's own appender and layout. A user's configuration is never
 *       touched, and {@code --conf spark.log.level=INFO} still applies (the SparkContext sets it
 *       when it starts, after this).
 * </ul>
 *
 * <p>Rejected: loading our quiet configuration over Spark's under spark-submit. It would replace a
 * JSON layout the user chose with {@code spark.log.structuredLogging.enabled}, and its console
 * appender would write to the {@code System.err} the command has already silenced.
 */
final class QuietLogging {
  static final String RESOURCE = "org/corridorrisk/spark/log4j2-quiet.properties";
  static final String DEBUG_RESOURCE = "org/corridorrisk/spark/log4j2-debug.properties";

  /** System property that spark-submit sets to {@code true} before it calls the main class. */
  static final String SPARK_SUBMIT = "SPARK_SUBMIT";

  /** Spark's built-in Log4j 2 profiles (plain and structured), used when none was configured. */
  static final List<String> SPARK_DEFAULT_PROFILES =
      List.of(
          "org/apache/spark/log4j2-defaults.properties",
          "org/apache/spark/log4j2-json-layout.properties");

  /**
   * Loggers whose errors the command reports itself in one line (as in {@link #RESOURCE}): a
   * SparkContext that cannot start; an application the master killed or never accepted.
   */
  static final List<String> REPORTED_BY_THE_COMMAND =
      List.of(
          "org.apache.spark.SparkContext",
          "org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend");

  /**
   * Hadoop's warning that its native library is missing: harmless here, and on nearly every run.
   */
  static final String NATIVE_CODE_LOADER = "org.apache.hadoop.util.NativeCodeLoader";

  /** The scheduler's logger of task attempts ("Lost task ..."). */
  static final String TASK_SET_MANAGER = "org.apache.spark.scheduler.TaskSetManager";

  /**
   * Its warnings of tasks killed on purpose: "Lost task 3.0 in stage 0.0 (...): TaskKilled (...".
   */
  static final String KILLED_TASK = "Lost task .*: TaskKilled \\(.*";

  /** Whether the logging under spark-submit has been decided (the first call decides). */
  private static final AtomicBoolean SUBMIT_DECIDED = new AtomicBoolean();

  private QuietLogging() {}

  static void install() {
    install(false);
  }

  static void install(boolean debug) {
    if (System.getProperty("log4j2.configurationFile") != null
        || System.getProperty("log4j.configurationFile") != null) {
      return; // the user's configuration
    }
    if ("true".equals(System.getProperty(SPARK_SUBMIT))) {
      if (SUBMIT_DECIDED.compareAndSet(false, true) && !debug) {
        try {
          // Spark's class loader: the context Spark configured (spark-submit loads our jar in a
          // child loader); not a LoggerContext when Log4j routes to another logging system
          if (LogManager.getContext(SparkConf.class.getClassLoader(), false)
              instanceof LoggerContext c) {
            quietSparkDefaults(c);
          }
        } catch (RuntimeException | LinkageError e) {
          // a Log4j unlike Spark 4.1's: Spark logs as it was set up to, the study runs all the same
        }
      }
      return;
    }
    System.setProperty(
        "log4j2.configurationFile", "classpath:" + (debug ? DEBUG_RESOURCE : RESOURCE));
    if (!debug && SHUTDOWN_HOOKED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(QuietLogging::offAtShutdown, "quiet-spark"));
    }
  }

  /** Whether {@link #offAtShutdown} is registered (once per process). */
  private static final AtomicBoolean SHUTDOWN_HOOKED = new AtomicBoolean();

  /**
   * Turns Spark's loggers off as the JVM shuts down (a signal, or the command's end), under the
   * quiet configuration only.
   *
   * <p>Design note: on Ctrl-C or SIGTERM during a study, Spark's own shutdown hook stops the
   * context while the scheduler may still be launching tasks or taking status updates, and each of
   * those races logged an error ("Executor launch task ... rejected from ...[Terminated ...]",
   * "TaskSchedulerImpl: Exception in statusUpdate"), after the command had said it was interrupted;
   * which one, if any, depended on timing (a fresh-clone CI run of {@code SparkUserErrorOutputTest}
   * caught each once). The command has reported all it has to say by then; {@code --debug} keeps
   * them.
   */
  static void offAtShutdown() {
    try {
      org.apache.logging.log4j.core.config.Configurator.setAllLevels("org.apache.spark", Level.OFF);
    } catch (RuntimeException | LinkageError e) {
      // Log4j routed elsewhere: Spark logs as configured
    }
  }

  /**
   * When {@code context} runs on one of Spark's built-in profiles, lowers its levels in place:
   * warnings and errors only, without the errors the command reports itself and without Hadoop's
   * native-library warning; and does the same each time Spark loads its built-in profile again.
   * (spark-submit un-initializes Spark's logging before it calls the main class, so the first Spark
   * class that logs afterwards, the SparkContext, reloads the profile.) Any other configuration is
   * the user's and stays as it is; levels set later in place ({@code spark.log.level}, {@code
   * SparkContext.setLogLevel}) are kept.
   *
   * @return whether the current configuration's levels were changed
   */
  static boolean quietSparkDefaults(LoggerContext context) {
    context.addPropertyChangeListener(
        event -> {
          // a new configuration (not updateLoggers() on the same one, which lowerLevels calls)
          if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())
              && event.getNewValue() instanceof Configuration reloaded
              && reloaded != event.getOldValue()) {
            lowerLevels(context, reloaded);
          }
        });
    return lowerLevels(context, context.getConfiguration());
  }

  private static boolean lowerLevels(LoggerContext context, Configuration config) {
    if (!isSparkDefault(config)) {
      return false;
    }
    config.getRootLogger().setLevel(Level.WARN);
    for (String name : REPORTED_BY_THE_COMMAND) {
      setLevel(config, name, Level.OFF);
    }
    setLevel(config, NATIVE_CODE_LOADER, Level.ERROR);
    dropKilledTasks(config);
    context.updateLoggers(config);
    return true;
  }

  /**
   * Drops the scheduler's warning for each task killed when the command cancels a job (Ctrl-C, or a
   * stop once enough trials are in): one line per running task, hundreds on a large cluster. Tasks
   * that fail keep their warnings; the level stays the root's.
   */
  private static void dropKilledTasks(Configuration config) {
    LoggerConfig tasks = config.getLoggerConfig(TASK_SET_MANAGER);
    if (!tasks.getName().equals(TASK_SET_MANAGER)) {
      tasks = new LoggerConfig(TASK_SET_MANAGER, null, true);
      config.addLogger(TASK_SET_MANAGER, tasks);
    }
    try {
      tasks.addFilter(
          RegexFilter.createFilter(
              KILLED_TASK, null, false, Filter.Result.DENY, Filter.Result.NEUTRAL));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e); // only for pattern flags, which are not given here
    }
  }

  /** Whether {@code config} was loaded from one of {@link #SPARK_DEFAULT_PROFILES}. */
  static boolean isSparkDefault(Configuration config) {
    ConfigurationSource source = config.getConfigurationSource();
    String location = source == null ? null : source.getLocation();
    if (location == null) {
      return false;
    }
    String normalized = location.replace('\\', '/');
    return SPARK_DEFAULT_PROFILES.stream().anyMatch(normalized::endsWith);
  }

  private static void setLevel(Configuration config, String name, Level level) {
    LoggerConfig existing = config.getLoggerConfig(name);
    if (existing.getName().equals(name)) {
      existing.setLevel(level);
    } else {
      config.addLogger(name, new LoggerConfig(name, level, true));
    }
  }
}
