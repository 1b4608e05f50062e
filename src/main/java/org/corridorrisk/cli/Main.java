package org.corridorrisk.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The {@code corridor-risk} command line. Exit codes: 0 success, 1 internal error, 2 the user's
 * input is wrong (see docs and {@link Failures}).
 */
@Command(
    name = "corridor-risk",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description =
        "Monte Carlo risk simulator for energy pipelines, power lines and transport corridors.")
public final class Main implements Runnable {
  /**
   * The subcommands, by name, in the order usage help lists them. Registered by {@link
   * #commandLine}, not by the {@code @Command} annotation, so that a process can register only the
   * one it runs: picocli reads every registered command's annotations and builds its model before
   * parsing (about 0.2 s of CPU for all of them in a fresh JVM, a fixed cost of every run).
   */
  static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

  private static Map<String, Class<?>> subcommands() {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    m.put("validate", ValidateCommand.class);
    m.put("describe", DescribeCommand.class);
    m.put("run", RunCommand.class);
    m.put("compare", CompareCommand.class);
    m.put("criticality", CriticalityCommand.class);
    m.put("exercise", ExerciseCommand.class);
    m.put("import", ImportCommand.class);
    m.put("bench", BenchCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  @Option(
      names = "--debug",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
  boolean debug;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required (try --help)");
  }

  public static void main(String[] args) {
    PrintWriter err = new PrintWriter(System.err, true);
    if (asksForSpark(args) && !java.util.Arrays.asList(args).contains("--debug")) {
      // Spark and Scala print some failures straight to System.err from their own threads (a
      // stack trace of a task rejected while a context stops, after the command's own message):
      // the command reports Spark's failures itself, and --debug shows Spark's output as it is
      System.setErr(new PrintStream(OutputStream.nullOutputStream(), true));
    }
    System.exit(execute(args, new PrintWriter(System.out, true), err));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    PhaseClock.startIfAsked();
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    if (asksForSpark(args)) {
      // before anything can start Log4j (the read-ahead below, or an argument error): Log4j reads
      // its configuration once, and Spark would then log through its own verbose defaults
      Engines.prepareSpark(debug);
    }
    ReadAhead.start(args); // a run's scenario is read while picocli parses the arguments
    int code;
    try {
      CommandLine cl = commandLine(args);
      cl.setOut(out);
      cl.setErr(err);
      cl.setExecutionExceptionHandler(new Failures(debug));
      cl.setParameterExceptionHandler(Failures::onBadArguments);
      try {
        code = cl.execute(args);
      } catch (OutOfMemoryError e) {
        code = Failures.outOfMemory(e, err, debug);
      } catch (LinkageError e) {
        // picocli hands only Exceptions to the handler: a class missing from (or of another
        // version on) the class path, e.g. a cluster's Spark, would otherwise reach the JVM's
        // default handler, whose stack trace goes to the stderr that --engine spark silences
        code = Failures.classPath(e, err, debug);
      }
    } finally {
      ReadAhead.clear();
    }
    out.flush();
    PhaseClock.current().mark("command");
    PhaseClock.current().print(err);
    err.flush();
    return code;
  }

  /**
   * Whether the arguments name the Spark engine ({@code --engine spark} or {@code --engine=spark}).
   */
  static boolean asksForSpark(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--engine=" + Engines.SPARK)
          || args[i].equals("--engine")
              && i + 1 < args.length
              && args[i + 1].equals(Engines.SPARK)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The command line for {@code args}: when the first argument names a command other than {@code
   * help}, that command alone is registered, since picocli then parses every later argument with it
   * (its options, its usage help, its errors) and never looks at the other commands; otherwise (no
   * command, an option first, {@code help}, a mistyped command) all are, in usage order, so usage
   * help and the "did you mean" of a mistyped command see them all.
   */
  static CommandLine commandLine(String[] args) {
    CommandLine cl = new CommandLine(new Main());
    String first = args.length > 0 ? args[0] : "";
    Class<?> only = "help".equals(first) ? null : SUBCOMMANDS.get(first);
    if (only != null) {
      cl.addSubcommand(first, only);
    } else {
      SUBCOMMANDS.forEach(cl::addSubcommand);
    }
    return cl;
  }

  /** Version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"corridor-risk " + version()};
    }
  }

  /** The application version ("dev" when not running from the built jar). */
  public static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
