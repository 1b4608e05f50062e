package org.corridorrisk.sim;

/**
 * The JVM began shutting down (Ctrl-C or a termination signal, in a command that does not catch
 * them) while an engine was starting or running a study: the study ends without outputs and the
 * command adds no message of its own (the process ends with the signal's exit code).
 */
public final class ShutdownInProgressException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ShutdownInProgressException(Throwable cause) {
    super("the JVM is shutting down", cause);
  }

  /** Whether the JVM is running its shutdown hooks (no hook can be added any more). */
  public static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {});
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
    }
  }
}
