package org.corridorrisk.cli;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * Reads and checks the scenario file of a {@code run} on a background thread while picocli builds
 * its model of the command and parses the arguments (about 0.15 s of a fresh JVM, mostly on one
 * core), instead of after.
 *
 * <p>Design note: nothing a user sees can depend on it. The command still parses its arguments and
 * checks its options first (a bad option gives the same message and exit code, and the read-ahead's
 * work is dropped), then asks {@link #load} for its scenario file. Only a scenario that loaded
 * without a problem is taken from the read-ahead, and only when it is the very path the command
 * got; anything else (no candidate, another path, a problem in the file, an exception, an
 * interrupt) is loaded again on the command's own thread, exactly as without the read-ahead, so
 * problems, warnings, messages and stack traces ({@code --debug}) are those of that load. The
 * candidate is the first argument after {@code run} that does not start with {@code -} and names a
 * regular file ending in {@code .yaml}, {@code .yml} or {@code .json}: an option's value that
 * happens to be such a file only costs a wasted read. The background thread is a daemon (it never
 * delays exit), and the read-ahead of one {@link Main#execute} call is seen only by the thread that
 * made the call.
 */
final class ReadAhead {
  private static final ThreadLocal<ReadAhead> CURRENT = new ThreadLocal<>();

  private final Path file;
  private final CompletableFuture<LoadedScenario> loaded = new CompletableFuture<>();

  private ReadAhead(Path file) {
    this.file = file;
  }

  /**
   * Starts reading the scenario of a {@code run} command line, if it names one, for the calling
   * thread's next {@link #load}; clears any earlier read-ahead of this thread otherwise.
   */
  static void start(String[] args) {
    CURRENT.remove();
    Path candidate = candidate(args);
    if (candidate == null) {
      return;
    }
    ReadAhead ahead = new ReadAhead(candidate);
    CURRENT.set(ahead);
    Thread t =
        new Thread(
            () -> {
              try {
                ahead.loaded.complete(ScenarioLoader.load(candidate));
              } catch (ScenarioException | RuntimeException | Error e) {
                ahead.loaded.complete(null); // loaded again by the command, which reports it
              }
            },
            "corridor-risk-read-ahead");
    t.setDaemon(true);
    t.start();
    RunCommand.prepareReportInBackground(); // the report's fonts, also while picocli parses
  }

  /** Forgets the calling thread's read-ahead (at the end of {@link Main#execute}). */
  static void clear() {
    CURRENT.remove();
  }

  /**
   * The scenario in {@code file}: the read-ahead's when it read that very path without a problem,
   * else {@link ScenarioLoader#load} on this thread.
   */
  static LoadedScenario load(Path file) throws ScenarioException {
    ReadAhead ahead = CURRENT.get();
    CURRENT.remove();
    if (ahead != null && ahead.file.equals(file)) {
      try {
        LoadedScenario s = ahead.loaded.get();
        if (s != null) {
          return s;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (ExecutionException e) {
        // not completed exceptionally (see start); load again below
      }
    }
    return ScenarioLoader.load(file);
  }

  /** The calling thread's read-ahead of {@code file} still to be taken, or null (for tests). */
  static CompletableFuture<LoadedScenario> pending(Path file) {
    ReadAhead ahead = CURRENT.get();
    return ahead != null && ahead.file.equals(file) ? ahead.loaded : null;
  }

  /** The file a {@code run} command line names, or null (see the class comment). */
  static Path candidate(String[] args) {
    if (args.length < 2 || !"run".equals(args[0])) {
      return null;
    }
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if (a.startsWith("-")) {
        continue;
      }
      String lower = a.toLowerCase(Locale.ROOT);
      if (!lower.endsWith(".yaml") && !lower.endsWith(".yml") && !lower.endsWith(".json")) {
        continue;
      }
      try {
        Path p = Paths.get(a);
        return Files.isRegularFile(p) ? p : null;
      } catch (InvalidPathException e) {
        return null;
      }
    }
    return null;
  }
}
