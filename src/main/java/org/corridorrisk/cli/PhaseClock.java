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
 * <p>Each phase has its wall time, the CPU time of the main thread, the CPU time of the whole
 * process (every thread: workers, the JIT compilers, the garbage collector, background loading)
 * and, of that, the JIT compiler threads' (C1 and C2; on 2 cores their time is taken from the other
 * threads'); the first row is the time from the JVM's start to {@code main}.
 *
 * <p>Design note: the JVM does not show its compiler threads to {@code ThreadMXBean}; on Linux
 * their CPU time is read from {@code /proc/self/task/TID/stat} (fields utime and stime, in clock
 * ticks of 1/100 s, the value Linux reports to user space on every architecture), where the kernel
 * knows them by their native names {@code "C1 CompilerThre"} and {@code "C2 CompilerThre"} (the
 * names cut to 15 characters). Elsewhere, or when a file cannot be read, the column shows "-". The
 * time of compiler threads that ended during the run is not counted. Off by default; then {@link
 * #mark} does nothing and nothing is loaded for it (the management beans are only touched when the
 * property is set). A diagnostic, not an output: the figures are in docs/performance.md.
 */
final class PhaseClock {
  /** The system property that turns the timing on. */
  static final String PROPERTY = "corridor-risk.phases";

  private static final PhaseClock OFF = new PhaseClock(null, null, null, () -> -1, 0, 0, 0, -1);
  private static volatile PhaseClock current = OFF;

  /** One finished phase. */
  record Phase(
      String name,
      long wallNanos,
      long mainCpuNanos,
      long processCpuNanos,
      long compilerCpuNanos) {}

  private final LongSupplier wall;
  private final LongSupplier mainCpu;
  private final LongSupplier processCpu;
  private final LongSupplier compilerCpu;
  private final List<Phase> phases = new ArrayList<>();
  private long lastWall;
  private long lastMainCpu;
  private long lastProcessCpu;
  private long lastCompilerCpu;

  /** A clock on the given sources; {@code compilerCpu} gives -1 where it cannot be read. */
  PhaseClock(
      LongSupplier wall,
      LongSupplier mainCpu,
      LongSupplier processCpu,
      LongSupplier compilerCpu,
      long startWall,
      long startMainCpu,
      long startProcessCpu,
      long startCompilerCpu) {
    this.wall = wall;
    this.mainCpu = mainCpu;
    this.processCpu = processCpu;
    this.compilerCpu = compilerCpu;
    this.lastWall = startWall;
    this.lastMainCpu = startMainCpu;
    this.lastProcessCpu = startProcessCpu;
    this.lastCompilerCpu = startCompilerCpu;
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
            PhaseClock::compilerCpuNanos,
            nowNanos - sinceStart,
            0,
            0,
            compilerCpuNanos() < 0 ? -1 : 0);
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
    long c = compilerCpu.getAsLong();
    phases.add(
        new Phase(
            name,
            w - lastWall,
            m - lastMainCpu,
            p - lastProcessCpu,
            c < 0 || lastCompilerCpu < 0 ? -1 : c - lastCompilerCpu));
    lastWall = w;
    lastMainCpu = m;
    lastProcessCpu = p;
    lastCompilerCpu = c;
  }

  /**
   * The CPU time of this process's JIT compiler threads so far, in nanoseconds, or -1 where it
   * cannot be read (see the class comment).
   */
  static long compilerCpuNanos() {
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return -1;
    }
    long ticks = 0;
    for (java.io.File task : tasks) {
      String stat;
      try {
        stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
      } catch (java.io.IOException | RuntimeException e) {
        continue; // the thread ended meanwhile
      }
      long t = compilerTicks(stat);
      if (t < 0) {
        return -1;
      }
      ticks += t;
    }
    return ticks * 10_000_000L; // a tick is 1/100 s
  }

  /**
   * The utime + stime clock ticks of one {@code /proc/PID/task/TID/stat} line when it is a JIT
   * compiler thread's, 0 for any other thread, -1 when the line is not in the expected form.
   */
  static long compilerTicks(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return -1;
    }
    String name = stat.substring(open + 1, close);
    if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
      return 0;
    }
    // after "(name) ": state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt
    // utime stime ...: utime and stime are the 12th and 13th fields after the name
    String[] f = stat.substring(close + 1).trim().split(" +");
    if (f.length < 13) {
      return -1;
    }
    try {
      return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    } catch (NumberFormatException e) {
      return -1;
    }
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
    phases.add(new Phase(first, split - lastWall, -1, -1, -1));
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
    err.println(
        "phases (corridor-risk.phases): wall s, main thread CPU s, process CPU s,"
            + " of which JIT compilers s");
    long[] total = new long[4];
    boolean compilers = false;
    for (Phase p : phases) {
      err.println(
          row(
              p.name(),
              p.wallNanos(),
              p.mainCpuNanos(),
              p.processCpuNanos(),
              p.compilerCpuNanos()));
      total[0] += p.wallNanos();
      total[1] += Math.max(0, p.mainCpuNanos());
      total[2] += Math.max(0, p.processCpuNanos());
      total[3] += Math.max(0, p.compilerCpuNanos());
      compilers |= p.compilerCpuNanos() >= 0;
    }
    err.println(row("total", total[0], total[1], total[2], compilers ? total[3] : -1));
    err.flush();
  }

  static String row(
      String name, long wallNanos, long mainCpuNanos, long processCpuNanos, long compilerCpuNanos) {
    return String.format(
        Locale.ROOT,
        "  %-22s %8.3f %8s %8s %8s",
        name,
        wallNanos / 1e9,
        seconds(mainCpuNanos),
        seconds(processCpuNanos),
        seconds(compilerCpuNanos));
  }

  private static String seconds(long nanos) {
    return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f", nanos / 1e9);
  }
}
