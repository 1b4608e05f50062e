package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spark's quiet logging is set up before the arguments are parsed: an argument error (or the
 * read-ahead of the scenario) must not let Log4j start with a configuration that Spark then
 * replaces with its verbose defaults.
 */
class SparkQuietLoggingFirstTest {
  private static final String KEY = "log4j2.configurationFile";
  private String saved;

  @BeforeEach
  void clear() {
    saved = System.getProperty(KEY);
    System.clearProperty(KEY);
  }

  @AfterEach
  void restore() {
    if (saved == null) {
      System.clearProperty(KEY);
    } else {
      System.setProperty(KEY, saved);
    }
  }

  private int execute(String... args) {
    return Cli.run(args).code();
  }

  @Test
  void engineSpark_withABadOption_hasQuietLoggingBeforeTheErrorIsReported() {
    assertTrue(Engines.sparkAvailable(), "the test class path holds Spark");
    assertEquals(
        2, execute("run", "scenarios/btc-oil.yaml", "--engine", "spark", "--no-such-option"));
    String config = System.getProperty(KEY);
    assertTrue(config != null && config.contains("log4j2-quiet"), String.valueOf(config));
  }

  @Test
  void engineSparkWithEquals_isRecognised_andTheLocalEngineLeavesLoggingAlone() {
    assertTrue(Main.asksForSpark(new String[] {"run", "f.yaml", "--engine=spark"}));
    assertFalse(Main.asksForSpark(new String[] {"run", "f.yaml", "--engine", "local"}));
    assertFalse(Main.asksForSpark(new String[] {"run", "f.yaml", "--engine"}));
    assertEquals(2, execute("run", "scenarios/btc-oil.yaml", "--no-such-option"));
    assertNull(System.getProperty(KEY));
  }
}
