package org.corridorrisk.spark;

/**
 * Keeps Spark's INFO logging off the console of {@code run --engine spark}: unless the user named a
 * Log4j 2 configuration, points Log4j at {@code org/corridorrisk/spark/log4j2-quiet.properties}
 * (errors only) before Spark starts logging. Under spark-submit, Spark has configured logging
 * already and this changes nothing.
 */
final class QuietLogging {
  static final String RESOURCE = "org/corridorrisk/spark/log4j2-quiet.properties";

  private QuietLogging() {}

  static void install() {
    if (System.getProperty("log4j2.configurationFile") == null
        && System.getProperty("log4j.configurationFile") == null) {
      System.setProperty("log4j2.configurationFile", "classpath:" + RESOURCE);
    }
  }
}
