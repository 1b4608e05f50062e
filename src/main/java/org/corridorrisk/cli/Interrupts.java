package org.corridorrisk.cli;

import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C during a study: the first one asks the study to stop after the batches under way (the
 * outputs are then written for the trials done), a second one aborts at once (exit 130).
 *
 * <p>Design note: a signal handler ({@code sun.misc.Signal}, in the {@code jdk.unsupported} module
 * of every OpenJDK) rather than only a shutdown hook, because a JVM that is shutting down can no
 * longer start some of what writing the report needs (font loading registers a hook). When the
 * handler cannot be installed (for example with {@code -Xrs}), the command's shutdown hook still
 * stops the study and waits for the outputs.
 */
final class Interrupts {
  private final Object previous;

  private Interrupts(Object previous) {
    this.previous = previous;
  }

  /** Installs the handler for SIGINT; {@link #restore()} puts the previous one back. */
  static Interrupts install(AtomicBoolean stop, PrintWriter err) {
    try {
      sun.misc.Signal sigint = new sun.misc.Signal("INT");
      sun.misc.SignalHandler old =
          sun.misc.Signal.handle(
              sigint,
              sig -> {
                if (stop.getAndSet(true)) {
                  Runtime.getRuntime().halt(Failures.INTERRUPTED);
                }
                err.println(
                    "\nstopping after the trials under way; outputs follow (Ctrl-C again to abort)");
                err.flush();
              });
      if (old == sun.misc.SignalHandler.SIG_IGN) {
        // started with Ctrl-C ignored (a background job): keep ignoring it
        sun.misc.Signal.handle(sigint, old);
        return new Interrupts(null);
      }
      return new Interrupts(old);
    } catch (IllegalArgumentException | LinkageError e) {
      return new Interrupts(null);
    }
  }

  /** Puts the previous SIGINT handler back. */
  void restore() {
    if (previous instanceof sun.misc.SignalHandler h) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal("INT"), h);
      } catch (IllegalArgumentException e) {
        // nothing to restore
      }
    }
  }
}
