package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsoleProgressTest {

  @Test
  void line_showsBarShareRateAndTimeLeft() {
    assertEquals(
        "[############------------]  50% 5,000/10,000 trials  1,000 trials/s  ETA 0:05",
        ConsoleProgress.line(5_000, 10_000, 5.0));
  }

  @Test
  void line_beforeAnyRate_hasNoEta() {
    assertTrue(ConsoleProgress.line(0, 100, 0).endsWith("ETA --:--"));
  }

  @Test
  void forTerminal_withQuiet_isSilent() {
    assertNull(ConsoleProgress.forTerminal(true, new PrintWriter(new StringWriter())));
  }

  @Test
  void forTerminal_withoutAConsole_isSilent() {
    // surefire runs tests without a console, as a pipe or CI log would
    org.junit.jupiter.api.Assumptions.assumeTrue(System.console() == null);
    assertNull(ConsoleProgress.forTerminal(false, new PrintWriter(new StringWriter())));
  }

  @TempDir Path tmp;

  @Test
  void stderrRedirectedToAFile_noBarEvenWithAConsole() throws Exception {
    // `run FILE 2>run.log` at a terminal: Java's console (stdin and stdout) is there, but the bar
    // would fill the log with carriage returns; the contract shows it when stderr is a terminal
    Path log = Files.createFile(tmp.resolve("run.log"));
    Path fd2 = Files.createSymbolicLink(tmp.resolve("fd2"), log);
    assertFalse(ConsoleProgress.stderrIsTerminal(fd2, true));
  }

  @Test
  void stderrOnATerminal_barEvenWithoutAConsole() throws Exception {
    // `run FILE | tee out.txt`: stdout is a pipe (no Java console), stderr still the terminal
    Path fd2 = Files.createSymbolicLink(tmp.resolve("fd2"), Path.of("/dev/pts/7"));
    assertTrue(ConsoleProgress.stderrIsTerminal(fd2, false));
  }

  @Test
  void noDescriptorLink_fallsBackToTheConsole() {
    Path none = tmp.resolve("missing");
    assertTrue(ConsoleProgress.stderrIsTerminal(none, true));
    assertFalse(ConsoleProgress.stderrIsTerminal(none, false));
  }

  @Test
  void completed_redrawsAtMostEveryInterval_andAlwaysAtTheEnd() {
    AtomicLong clock = new AtomicLong();
    StringWriter out = new StringWriter();
    ConsoleProgress p = new ConsoleProgress(new PrintWriter(out), clock::get);
    p.completed(1, 100);
    p.completed(2, 100);
    clock.addAndGet(ConsoleProgress.REDRAW_MILLIS * 1_000_000L);
    p.completed(3, 100);
    p.completed(100, 100);
    long lines = out.toString().chars().filter(c -> c == '\r').count();
    assertEquals(3, lines, out.toString());
    assertTrue(out.toString().contains("100/100 trials"));
    p.finish();
    assertTrue(out.toString().endsWith("\r\033[K"));
  }
}
