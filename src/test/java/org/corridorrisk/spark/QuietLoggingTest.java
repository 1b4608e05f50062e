package org.corridorrisk.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The two Log4j configurations of {@code --engine spark}: without {@code --debug}, Spark's errors
 * that the command reports itself in one line are off (a context that cannot start; an application
 * the master killed or never accepted), other errors stay one line each and warnings are off; with
 * {@code --debug}, Spark's warnings and errors all show.
 */
class QuietLoggingTest {
  private static final String BACKEND =
      "org.apache.spark.scheduler.cluster.StandaloneSchedulerBackend";
  private static final String CONTEXT = "org.apache.spark.SparkContext";
  private static final String APP_CLIENT =
      "org.apache.spark.deploy.client.StandaloneAppClient$ClientEndpoint";
  private static final String EXECUTOR = "org.apache.spark.executor.Executor";

  private static Configuration load(String resource) throws IOException {
    try (InputStream in = QuietLogging.class.getClassLoader().getResourceAsStream(resource)) {
      assertNotNull(in, resource);
      Configuration c =
          new PropertiesConfigurationFactory()
              .getConfiguration(new LoggerContext("test " + resource), new ConfigurationSource(in));
      c.initialize();
      return c;
    }
  }

  private static boolean logs(Configuration c, String logger, Level level) {
    return c.getLoggerConfig(logger).getLevel().intLevel() >= level.intLevel();
  }

  @Test
  void quiet_hidesTheErrorsTheCommandReportsItself_andWarnings() throws IOException {
    Configuration c = load(QuietLogging.RESOURCE);
    assertFalse(logs(c, BACKEND, Level.ERROR), "All masters are unresponsive! Giving up.");
    assertFalse(logs(c, CONTEXT, Level.ERROR), "Error initializing SparkContext");
    assertFalse(logs(c, APP_CLIENT, Level.WARN), "Failed to connect to master");
    assertTrue(logs(c, EXECUTOR, Level.ERROR), "other errors still show");
    assertFalse(logs(c, EXECUTOR, Level.WARN));
  }

  /**
   * A signal during a Spark study: the shutdown stops the executor's task pool while tasks are
   * still being launched, and each launch logged an error (a fresh-clone CI run of
   * SparkUserErrorOutputTest.aSignalDuringCompareOnSparkAddsNoMessage printed two). Those lines are
   * filtered out; the executor's other errors are not.
   */
  @Test
  void quiet_hidesTheExecutorsRejectedLaunchesAfterASignal_only() throws IOException {
    Configuration c = load(QuietLogging.RESOURCE);
    org.apache.logging.log4j.core.config.LoggerConfig executor = c.getLoggerConfig(EXECUTOR);
    assertTrue(
        executor.isFiltered(
            error(
                "Executor launch task task 8.0 in stage 0.0 (TID 8) failed, reason: Task"
                    + " org.apache.spark.executor.Executor$TaskRunner@157ef96f rejected from"
                    + " java.util.concurrent.ThreadPoolExecutor@5672a1b0[Terminated, pool size ="
                    + " 0, active threads = 0, queued tasks = 0, completed tasks = 8]")));
    assertFalse(executor.isFiltered(error("Exception in task 0.0 in stage 0.0 (TID 0)")));
  }

  private static LogEvent error(String message) {
    return Log4jLogEvent.newBuilder()
        .setLoggerName(EXECUTOR)
        .setLevel(Level.ERROR)
        .setMessage(new SimpleMessage(message))
        .build();
  }

  @Test
  void debug_showsSparksWarningsAndErrors() throws IOException {
    Configuration c = load(QuietLogging.DEBUG_RESOURCE);
    for (String logger : new String[] {BACKEND, CONTEXT, APP_CLIENT, EXECUTOR}) {
      assertTrue(logs(c, logger, Level.WARN), logger);
      assertTrue(logs(c, logger, Level.ERROR), logger);
    }
    assertFalse(logs(c, EXECUTOR, Level.INFO), "no INFO chatter");
  }

  @Test
  void theFirstChoiceWins_andAUsersConfigurationIsKept() {
    String key = "log4j2.configurationFile";
    String saved = System.getProperty(key);
    try {
      System.clearProperty(key);
      QuietLogging.install(true);
      QuietLogging.install(false);
      assertTrue(System.getProperty(key).endsWith(QuietLogging.DEBUG_RESOURCE));
      System.setProperty(key, "/etc/mine.properties");
      QuietLogging.install(false);
      assertTrue(System.getProperty(key).equals("/etc/mine.properties"));
    } finally {
      if (saved == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, saved);
      }
    }
  }

  /** A context set up as Spark sets up one without a user's configuration. */
  private static LoggerContext onSparksDefaultProfile(String name) throws Exception {
    URL profile =
        org.apache.spark.SparkConf.class
            .getClassLoader()
            .getResource("org/apache/spark/log4j2-defaults.properties");
    assertNotNull(profile, "Spark's built-in profile");
    LoggerContext context = new LoggerContext(name);
    context.setConfigLocation(profile.toURI());
    assertEquals(Level.INFO, context.getConfiguration().getRootLogger().getLevel());
    return context;
  }

  private static boolean passes(LoggerContext c, String logger, Level level, String message) {
    LogEvent event =
        Log4jLogEvent.newBuilder()
            .setLoggerName(logger)
            .setLevel(level)
            .setMessage(new SimpleMessage(message))
            .build();
    return c.getLogger(logger).isEnabled(level)
        && !c.getConfiguration().getLoggerConfig(logger).isFiltered(event);
  }

  /**
   * Under spark-submit Spark has configured Log4j from its built-in profile (INFO, about a hundred
   * lines per study on stderr) before the command runs; the command lowers it to warnings and
   * errors, and again when Spark reloads the profile (the SparkContext does, since spark-submit
   * un-initializes Spark's logging before it calls the main class).
   */
  @Test
  void underSparkSubmit_sparksDefaultProfileIsLoweredToWarnings_alsoWhenReloaded()
      throws Exception {
    LoggerContext c = onSparksDefaultProfile("spark-submit");
    try {
      assertTrue(QuietLogging.quietSparkDefaults(c));
      for (int load = 0; load < 2; load++) {
        if (load == 1) {
          c.setConfigLocation(c.getConfigLocation()); // Spark's initializeLogging, again
        }
        assertFalse(passes(c, EXECUTOR, Level.INFO, "Running task 0.0"), "load " + load);
        assertTrue(passes(c, EXECUTOR, Level.WARN, "a warning"), "load " + load);
        assertFalse(passes(c, CONTEXT, Level.ERROR, "Error initializing SparkContext."));
        assertFalse(passes(c, BACKEND, Level.ERROR, "All masters are unresponsive! Giving up."));
        assertFalse(passes(c, QuietLogging.NATIVE_CODE_LOADER, Level.WARN, "native-hadoop"));
        assertFalse(
            passes(
                c,
                QuietLogging.TASK_SET_MANAGER,
                Level.WARN,
                "Lost task 3.0 in stage 0.0 (TID 3) (10.0.0.2 executor 1): TaskKilled (Stage"
                    + " cancelled: Job 0 cancelled part of cancelled job group corridor-risk-1)"),
            "a task the command cancelled");
        assertTrue(
            passes(
                c,
                QuietLogging.TASK_SET_MANAGER,
                Level.WARN,
                "Lost task 3.0 in stage 0.0 (TID 3) (10.0.0.2 executor 1):"
                    + " java.lang.OutOfMemoryError: Java heap space"),
            "a task that failed");
      }
    } finally {
      c.stop();
    }
  }

  /** spark.log.level=INFO (SparkContext.setLogLevel, after the command's set-up) still applies. */
  @Test
  void underSparkSubmit_aLevelSetLaterInPlaceIsKept() throws Exception {
    LoggerContext c = onSparksDefaultProfile("spark.log.level");
    try {
      QuietLogging.quietSparkDefaults(c);
      c.getConfiguration().getRootLogger().setLevel(Level.INFO); // as Spark's setLogLevel does
      c.updateLoggers();
      assertTrue(passes(c, EXECUTOR, Level.INFO, "Running task 0.0"));
    } finally {
      c.stop();
    }
  }

  /** A configuration of the user's ($SPARK_CONF_DIR/log4j2.properties, ...) is left alone. */
  @Test
  void underSparkSubmit_aUsersConfigurationIsLeftAlone() throws Exception {
    LoggerContext c = new LoggerContext("user's");
    try {
      c.setConfigLocation(
          QuietLogging.class.getClassLoader().getResource(QuietLogging.DEBUG_RESOURCE).toURI());
      assertFalse(QuietLogging.quietSparkDefaults(c));
      assertEquals(Level.WARN, c.getConfiguration().getRootLogger().getLevel());
      assertTrue(passes(c, CONTEXT, Level.ERROR, "Error initializing SparkContext."));
      assertTrue(passes(c, QuietLogging.NATIVE_CODE_LOADER, Level.WARN, "native-hadoop"));
    } finally {
      c.stop();
    }
  }

  /** The loggers turned off under spark-submit are those the launcher's configuration turns off. */
  @Test
  void theErrorsTheCommandReportsItself_areTheSameOnBothPaths() throws IOException {
    Configuration quiet = load(QuietLogging.RESOURCE);
    for (String logger : QuietLogging.REPORTED_BY_THE_COMMAND) {
      assertEquals(Level.OFF, quiet.getLoggerConfig(logger).getLevel(), logger);
    }
  }
}
