package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.util.List;
import org.corridorrisk.model.Printable;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import picocli.CommandLine;

/**
 * Maps failures to exit codes and messages: the user's input is wrong -> 2 with every problem
 * located; anything else -> 1 with where to report it. Stack traces only with {@code --debug}.
 */
final class Failures implements CommandLine.IExecutionExceptionHandler {
  static final int OK = 0;
  static final int INTERNAL = 1;
  static final int USER_INPUT = 2;

  /** Interrupted by Ctrl-C after writing the outputs of the trials done (128 + SIGINT). */
  static final int INTERRUPTED = 130;

  static final String REPORT_URL = "https://github.com/corridor-risk/corridor-risk/issues";

  private final boolean debug;

  Failures(boolean debug) {
    this.debug = debug;
  }

  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    if (ex instanceof ScenarioException se) {
      printProblems(se, err);
      traceIfDebug(ex, err);
      return USER_INPUT;
    }
    if (ex instanceof UserInputException ue) {
      err.println("corridor-risk: " + Printable.escapeControls(ue.getMessage()));
      traceIfDebug(ex, err);
      return USER_INPUT;
    }
    if (ex instanceof NoSuchFileException nf) {
      err.println("corridor-risk: " + Printable.escapeControls(nf.getFile()) + ": no such file");
      traceIfDebug(ex, err);
      return USER_INPUT;
    }
    if (ex instanceof IOException io) {
      err.println("corridor-risk: " + Printable.escapeControls(io.getMessage()));
      traceIfDebug(ex, err);
      return USER_INPUT;
    }
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof org.corridorrisk.sim.ShutdownInProgressException) {
        traceIfDebug(ex, err);
        return INTERRUPTED; // the JVM exits with the signal's code; nothing to add
      }
    }
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof org.corridorrisk.sim.EngineSetupException setup) {
        err.println("corridor-risk: " + Printable.escapeControls(setup.getMessage()));
        traceIfDebug(ex, err);
        return USER_INPUT;
      }
    }
    for (Throwable c = ex; c != null; c = c.getCause()) {
      if (c instanceof OutOfMemoryError oom) {
        return outOfMemory(oom, err, debug);
      }
    }
    // the first line: some messages carry a stack trace (Spark's job failures end with the
    // driver's), and that is --debug's to show
    err.println(
        "corridor-risk: internal error: " + String.valueOf(ex).lines().findFirst().orElse(""));
    err.println(
        "This is a bug; please report it at "
            + REPORT_URL
            + " with the command and scenario"
            + (debug ? "." : " (rerun with --debug for a stack trace)."));
    traceIfDebug(ex, err);
    return INTERNAL;
  }

  /**
   * The Java heap ran out (in the command or a worker thread): what to do about it, exit 1, the
   * stack trace only with {@code --debug}.
   */
  static int outOfMemory(OutOfMemoryError e, PrintWriter err, boolean debug) {
    err.printf(
        java.util.Locale.ROOT,
        "corridor-risk: out of memory: the Java heap (at most %,d MiB here) is too small for this"
            + " command. Give the JVM more, e.g. CORRIDOR_RISK_JAVA_OPTS=-Xmx4g ./corridor-risk"
            + " ..., or use fewer --threads (each keeps its own working set). If it happens with"
            + " ample memory, please report it at %s%s%n",
        Runtime.getRuntime().maxMemory() >> 20,
        REPORT_URL,
        debug ? "." : " (rerun with --debug for a stack trace).");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL;
  }

  /**
   * A class is missing or does not fit (a {@link LinkageError}, e.g. a Spark on the class path that
   * lacks a jar or is of another version): one line naming it, exit 1, the stack trace only with
   * {@code --debug}.
   */
  static int classPath(LinkageError e, PrintWriter err, boolean debug) {
    err.println(
        "corridor-risk: a class on the class path is missing or of another version ("
            + Printable.escapeControls(String.valueOf(e))
            + "): run through the ./corridor-risk launcher, or give --engine spark Spark 4.1.x for"
            + " Scala 2.13 (docs/scale-out.md)"
            + (debug ? "" : "; --debug shows the stack trace"));
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL;
  }

  static void printProblems(ScenarioException se, PrintWriter err) {
    for (Problem p : se.problems()) {
      err.println(p.format());
    }
  }

  private void traceIfDebug(Exception ex, PrintWriter err) {
    if (debug) {
      ex.printStackTrace(err);
    }
  }

  static int onBadArguments(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    List<String> lines = ArgumentErrors.explain(ex);
    err.println("corridor-risk: " + Printable.escapeControls(lines.get(0)));
    for (String line : lines.subList(1, lines.size())) {
      err.println(Printable.escapeControls(line));
    }
    return USER_INPUT;
  }
}
