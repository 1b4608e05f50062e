package org.corridorrisk.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Where the time of one {@code run} process goes, phase by phase (JVM start, arguments, loading,
 * study set-up, trials, summaries, summary.json, report.html), printed to stderr at the end when
 * the system property {@value #PROPERTY} is {@code true}:
 *
 * <pre>
 * CORRIDOR_RISK_JAVA_OPTS=-Dcorridor-risk.phases=true ./corridor-risk run FILE ...
 * </pre>
 *
 * <p>Each phase has its wall time, the CPU time of the main thread, and the CPU time of the whole
 * process (every thread: workers, the JIT compilers, the garbage collector, background loading);
 * the first row is the time from the JVM's start to {@code main}. Off by default; then {@link
 * #mark} does nothing and nothing is loaded for it (the management beans are only touched when the
 * property is set). A diagnostic, not an output: the figures are in docs/performance.md.
 */
final class PhaseClock {
  /** The system property that turns the timing on. */
  static final String PROPERTY = "corridor-risk.phases";

  private static final PhaseClock OFF = new PhaseClock(null, null, null, 0, 0, 0);
  private static volatile PhaseClock current = OFF;

  /** One finished phase. */
  record Phase(String name, long wallNanos, long mainCpuNanos, long processCpuNanos) {}

  private final LongSupplier wall;
  private final LongSupplier mainCpu;
  private final LongSupplier processCpu;
  private final List<Phase> phases = new ArrayList<>();
  private long lastWall;
  private long lastMainCpu;
  private long lastProcessCpu;

  PhaseClock(
      LongSupplier wall,
      LongSupplier mainCpu,
      LongSupplier processCpu,
      long startWall,
      long startMainCpu,
      long startProcessCpu) {
    this.wall = wall;
    this.mainCpu = mainCpu;
    this.processCpu = processCpu;
    this.lastWall = startWall;
    this.lastMainCpu = startMainCpu;
    this.lastProcessCpu = startProcessCpu;
  }

  /**
   * Starts the process's clock when {@value #PROPERTY} is set (called first thing in {@code main});
   * the time before it, from the JVM's start, becomes the phase {@code "JVM start"}. Turns it off
   * otherwise (each command of a process that runs several, e.g. tests, starts afresh).
   */
  static void startIfAsked() {
    if (!Boolean.getBoolean(PROPERTY)) {
      current = OFF;
      return;
    }
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    LongSupplier processCpu =
        os instanceof com.sun.management.OperatingSystemMXBean sun
            ? sun::getProcessCpuTime
            : () -> -1;
    long startMillis = ManagementFactory.getRuntimeMXBean().getStartTime();
    long nowNanos = System.nanoTime();
    long sinceStart = Math.max(0, System.currentTimeMillis() - startMillis) * 1_000_000L;
    PhaseClock clock =
        new PhaseClock(
            System::nanoTime,
            threads::getCurrentThreadCpuTime,
            processCpu,
            nowNanos - sinceStart,
            0,
            0);
    clock.mark("JVM start");
    current = clock;
  }

  /** The process's clock (one that does nothing unless {@link #startIfAsked} turned it on). */
  static PhaseClock current() {
    return current;
  }

  /** Whether this clock records anything. */
  boolean on() {
    return wall != null;
  }

  /** Ends the phase under way, named {@code name}, and starts the next. */
  synchronized void mark(String name) {
    if (!on()) {
      return;
    }
    long w = wall.getAsLong();
    long m = mainCpu.getAsLong();
    long p = processCpu.getAsLong();
    phases.add(new Phase(name, w - lastWall, m - lastMainCpu, p - lastProcessCpu));
    lastWall = w;
    lastMainCpu = m;
    lastProcessCpu = p;
  }

  /**
   * Ends the phase under way as two: {@code first}, then {@code second} taking its last {@code
   * secondWallNanos} of wall time (e.g. the trials, which the study times itself, after the study's
   * set-up). The CPU times of the two cannot be told apart: the second carries them all.
   */
  synchronized void markSplit(String first, String second, long secondWallNanos) {
    if (!on()) {
      return;
    }
    long w = wall.getAsLong();
    long split = Math.max(lastWall, Math.min(w, w - secondWallNanos));
    phases.add(new Phase(first, split - lastWall, -1, -1));
    lastWall = split;
    mark(second);
  }

  /** The finished phases, in order. */
  synchronized List<Phase> phases() {
    return List.copyOf(phases);
  }

  /** Prints the phases as a table (nothing when off) and turns the process's clock off. */
  synchronized void print(PrintWriter err) {
    if (current == this) {
      current = OFF;
    }
    if (!on()) {
      return;
    }
    err.println("phases (corridor-risk.phases): wall s, main thread CPU s, process CPU s");
    long[] total = new long[3];
    for (Phase p : phases) {
      err.println(row(p.name(), p.wallNanos(), p.mainCpuNanos(), p.processCpuNanos()));
      total[0] += p.wallNanos();
      total[1] += Math.max(0, p.mainCpuNanos());
      total[2] += Math.max(0, p.processCpuNanos());
    }
    err.println(row("total", total[0], total[1], total[2]));
    err.flush();
  }

  static String row(String name, long wallNanos, long mainCpuNanos, long processCpuNanos) {
    return String.format(
        Locale.ROOT,
        "  %-22s %8.3f %8s %8s",
        name,
        wallNanos / 1e9,
        seconds(mainCpuNanos),
        seconds(processCpuNanos));
  }

  private static String seconds(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
