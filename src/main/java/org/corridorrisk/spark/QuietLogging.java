package org.corridorrisk.spark;

/**
 * Keeps Spark's logging off the console of {@code run --engine spark}: unless the user named a
 * Log4j 2 configuration, points Log4j at {@code org/corridorrisk/spark/log4j2-quiet.properties}
 * (errors only, without those the command reports itself) or, with {@code --debug}, at {@code
 * log4j2-debug.properties} (Spark's warnings and errors with their stack traces) before Spark
 * starts logging. Log4j reads its configuration once, so the first call wins. Under spark-submit,
 * Spark has configured logging already and this changes nothing.
 */
final class QuietLogging {
  static final String RESOURCE = "org/corridorrisk/spark/log4j2-quiet.properties";
  static final String DEBUG_RESOURCE = "org/corridorrisk/spark/log4j2-debug.properties";

  private QuietLogging() {}

  static void install() {
    install(false);
  }

  static void install(boolean debug) {
    if (System.getProperty("log4j2.configurationFile") == null
        && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty(
          "log4j2.configurationFile", "classpath:" + (debug ? DEBUG_RESOURCE : RESOURCE));
    }
  }
}
