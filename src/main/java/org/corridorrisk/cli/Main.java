package org.corridorrisk.cli;

import java.io.PrintWriter;
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
        "Monte Carlo risk simulator for energy pipelines, power lines and transport corridors.",
    subcommands = {
      ValidateCommand.class,
      DescribeCommand.class,
      RunCommand.class,
      CompareCommand.class,
      CriticalityCommand.class,
      ExerciseCommand.class,
      ImportCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

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
    System.exit(
        execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code (for tests). */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    boolean debug = java.util.Arrays.asList(args).contains("--debug");
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Failures(debug));
    cl.setParameterExceptionHandler(Failures::onBadArguments);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
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
