package org.corridorrisk.sim;

/**
 * An engine could not run a study as the user set it up: a Spark master it cannot use or that
 * stopped the application, or a setting of the engine out of range. The command line reports it as
 * the user's input being wrong (exit 2), with this message and no stack trace.
 */
public final class EngineSetupException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public EngineSetupException(String message, Throwable cause) {
    super(message, cause);
  }

  public EngineSetupException(String message) {
    super(message);
  }
}
