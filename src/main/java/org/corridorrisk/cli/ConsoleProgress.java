package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.corridorrisk.sim.RunOptions;

/**
 * A one-line progress bar on stderr while trials run: bar, percentage, trials done, trials per
 * second and time left. Shown only on a terminal and never with {@code --quiet}, so scripts and CI
 * logs stay clean.
 *
 * <p>Design note: a plain {@code \r}-rewritten line instead of a progress-bar library: no extra
 * thread, no terminal probing, and nothing to clean up if a run fails. Workers call {@link
 * #completed} concurrently; a lock-free check lets only one of them redraw, at most every {@value
 * #REDRAW_MILLIS} ms (and once at 100%).
 */
final class ConsoleProgress implements RunOptions.TrialProgress {
  static final long REDRAW_MILLIS = 150;
  private static final int BAR_WIDTH = 24;

  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final AtomicLong nextDrawNanos;
  private boolean drawn;

  ConsoleProgress(PrintWriter err, LongSupplier nanoClock) {
    this.err = err;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.nextDrawNanos = new AtomicLong(startNanos);
  }

  /** Where Linux shows the file that descriptor 2 (stderr) is open on. */
  static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

  /**
   * A progress bar writing to {@code err} when stderr is a terminal and {@code quiet} is off;
   * otherwise {@code null} (no progress).
   */
  static ConsoleProgress forTerminal(boolean quiet, PrintWriter err) {
    if (quiet || !stderrIsTerminal(STDERR_LINK, System.console() != null)) {
      return null;
    }
    return new ConsoleProgress(err, System::nanoTime);
  }

  /**
   * Whether stderr is a terminal. Java's {@code System.console()} answers for stdin and stdout, so
   * {@code run FILE 2>run.log} at a terminal would get the bar in the log and {@code run FILE | tee
   * out.txt} none on the terminal. Where {@code fd2} (Linux's {@code /proc/self/fd/2}) can be read,
   * stderr is a terminal when it points at a terminal device ({@code /dev/pts/N}, {@code
   * /dev/tty*}, {@code /dev/console}); elsewhere {@code consoleAttached} decides.
   */
  static boolean stderrIsTerminal(Path fd2, boolean consoleAttached) {
    String target;
    try {
      target = Files.readSymbolicLink(fd2).toString();
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return consoleAttached;
    }
    return target.startsWith("/dev/pts/")
        || target.startsWith("/dev/tty")
        || target.equals("/dev/console");
  }

  @Override
  public void completed(long trialsDone, long trialsPlanned) {
    long now = nanoClock.getAsLong();
    if (trialsDone < trialsPlanned) {
      long next = nextDrawNanos.get();
      if (now < next || !nextDrawNanos.compareAndSet(next, now + REDRAW_MILLIS * 1_000_000L)) {
        return;
      }
    }
    draw(trialsDone, trialsPlanned, now);
  }

  private synchronized void draw(long done, long planned, long now) {
    err.print("\r" + line(done, planned, (now - startNanos) / 1e9) + "\033[K");
    err.flush();
    drawn = true;
  }

  /** Clears the progress line (call once when the run ends, before printing anything else). */
  synchronized void finish() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  /** The progress line for {@code done} of {@code planned} trials after {@code seconds}. */
  static String line(long done, long planned, double seconds) {
    double share = planned <= 0 ? 1 : Math.min(1, (double) done / planned);
    int filled = (int) Math.round(share * BAR_WIDTH);
    String bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
    double rate = seconds > 0 ? done / seconds : 0;
    String eta = rate > 0 ? duration((planned - done) / rate) : "--:--";
    return String.format(
        Locale.ROOT,
        "[%s] %3d%% %,d/%,d trials  %s trials/s  ETA %s",
        bar,
        (int) Math.floor(share * 100),
        done,
        planned,
        rate >= 100
            ? String.format(Locale.ROOT, "%,.0f", rate)
            : String.format(Locale.ROOT, "%.1f", rate),
        eta);
  }

  private static String duration(double seconds) {
    long s = Math.max(0, Math.round(seconds));
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }
}
