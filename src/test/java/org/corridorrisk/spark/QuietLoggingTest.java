package org.corridorrisk.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.properties.PropertiesConfigurationFactory;
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
}
