package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The phase timing of {@code run} (-Dcorridor-risk.phases=true), on hand-set clocks. */
class PhaseClockTest {
  private final AtomicLong wall = new AtomicLong();
  private final AtomicLong main = new AtomicLong();
  private final AtomicLong process = new AtomicLong();
  private final AtomicLong compilers = new AtomicLong();

  private PhaseClock clock() {
    return new PhaseClock(wall::get, main::get, process::get, compilers::get, 100, 10, 20, 5);
  }

  @Test
  void mark_endsThePhaseUnderWayWithItsDifferences() {
    PhaseClock c = clock();
    wall.set(600);
    main.set(210);
    process.set(420);
    compilers.set(105);
    c.mark("a");
    wall.set(1600);
    main.set(310);
    process.set(920);
    compilers.set(-1); // unreadable from here on
    c.mark("b");
    wall.set(1700);
    c.mark("c");
    // a: 600 - 100, 210 - 10, 420 - 20, 105 - 5; b: 1600 - 600, 310 - 210, 920 - 420, unknown;
    // c: 1700 - 1600, 0, 0, unknown
    assertEquals(
        List.of(
            new PhaseClock.Phase("a", 500, 200, 400, 100),
            new PhaseClock.Phase("b", 1000, 100, 500, -1),
            new PhaseClock.Phase("c", 100, 0, 0, -1)),
        c.phases());
  }

  @Test
  void markSplit_givesTheSecondPhaseItsWallTimeAndAllTheCpu() {
    PhaseClock c = clock();
    wall.set(1100);
    main.set(60);
    process.set(120);
    compilers.set(35);
    c.markSplit("set-up", "trials", 700);
    // wall 1100 - 100 = 1000: set-up 300, trials 700; CPU 50, 100 and 30, all in trials
    assertEquals(
        List.of(
            new PhaseClock.Phase("set-up", 300, -1, -1, -1),
            new PhaseClock.Phase("trials", 700, 50, 100, 30)),
        c.phases());
  }

  @Test
  void markSplit_neverMakesANegativePhase() {
    PhaseClock c = clock();
    wall.set(400);
    c.markSplit("set-up", "trials", 5_000); // more than the whole phase: set-up gets 0
    assertEquals(0, c.phases().get(0).wallNanos());
    assertEquals(300, c.phases().get(1).wallNanos());
  }

  @Test
  void print_tabulatesThePhasesAndTheirTotal() {
    PhaseClock c = clock();
    wall.set(1_500_000_100L);
    main.set(250_000_010L);
    process.set(2_000_000_020L);
    compilers.set(600_000_005L);
    c.markSplit("study set-up", "trials", 1_000_000_000L);
    StringWriter out = new StringWriter();
    c.print(new PrintWriter(out));
    String[] lines = out.toString().split("\n");
    assertEquals(4, lines.length, out.toString());
    assertEquals(PhaseClock.row("study set-up", 500_000_000L, -1, -1, -1), lines[1]);
    assertTrue(lines[1].matches(" +study set-up +0\\.500 +- +- +-"), lines[1]);
    assertTrue(lines[2].matches(" +trials +1\\.000 +0\\.250 +2\\.000 +0\\.600"), lines[2]);
    assertTrue(lines[3].matches(" +total +1\\.500 +0\\.250 +2\\.000 +0\\.600"), lines[3]);
  }

  @Test
  void compilerTicks_countsOnlyTheJitCompilerThreads() {
    // /proc/PID/task/TID/stat lines as Linux writes them (utime 14th and stime 15th field)
    String c2 =
        "4711 (C2 CompilerThre) S 4700 4700 1 0 -1 1077936192 12 0 0 0 180 7 0 0 20 0 1 0 9";
    String c1 = "4712 (C1 CompilerThre) S 4700 4700 1 0 -1 1077936192 12 0 0 0 40 2 0 0 20 0 1 0 9";
    String worker =
        "4713 (corridor-risk-w) R 4700 4700 1 0 -1 1077936192 12 0 0 0 900 5 0 0 20 0 1 0 9";
    String odd = "4714 (a ) b (c) S 4700 4700 1 0 -1 1077936192 12 0 0 0 900 5 0 0 20 0 1 0 9";
    assertEquals(187, PhaseClock.compilerTicks(c2)); // 180 + 7
    assertEquals(42, PhaseClock.compilerTicks(c1)); // 40 + 2
    assertEquals(0, PhaseClock.compilerTicks(worker));
    assertEquals(0, PhaseClock.compilerTicks(odd)); // a name with ") " in it is not a compiler
    assertEquals(-1, PhaseClock.compilerTicks("garbage"));
    assertEquals(-1, PhaseClock.compilerTicks("4711 (C2 CompilerThre) S 1 2"));
  }

  @Test
  void compilerCpuNanos_onLinux_isReadAndGrowsNeverBackwards() {
    long first = PhaseClock.compilerCpuNanos();
    if (!new java.io.File("/proc/self/task").isDirectory()) {
      assertEquals(-1, first); // not Linux: shown as "-"
      return;
    }
    assertTrue(first >= 0, "compiler CPU " + first);
    assertTrue(PhaseClock.compilerCpuNanos() >= first);
  }

  @Test
  void off_recordsAndPrintsNothing() {
    PhaseClock off = PhaseClock.current();
    assertFalse(Boolean.getBoolean(PhaseClock.PROPERTY));
    assertFalse(off.on());
    off.mark("x");
    StringWriter out = new StringWriter();
    off.print(new PrintWriter(out));
    assertEquals("", out.toString());
    assertTrue(off.phases().isEmpty());
  }

  @Test
  void run_withThePropertySet_printsItsPhasesToStderr() throws Exception {
    java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("phases");
    String old = System.getProperty(PhaseClock.PROPERTY);
    System.setProperty(PhaseClock.PROPERTY, "true");
    Cli cli;
    try {
      cli =
          Cli.run(
              "run",
              "scenarios/btc-oil.yaml",
              "--trials",
              "200",
              "--quiet",
              "--no-trials-csv",
              "--out",
              dir.resolve("out").toString());
    } finally {
      if (old == null) {
        System.clearProperty(PhaseClock.PROPERTY);
      } else {
        System.setProperty(PhaseClock.PROPERTY, old);
      }
    }
    assertEquals(0, cli.code(), cli.err());
    String text = cli.err();
    for (String phase :
        List.of(
            "JVM start",
            "arguments",
            "loading",
            "study set-up",
            "trials",
            "summaries",
            "summary.json",
            "report.html",
            "total")) {
      assertTrue(text.contains("\n  " + phase + " "), phase + " in\n" + text);
    }
  }
}
