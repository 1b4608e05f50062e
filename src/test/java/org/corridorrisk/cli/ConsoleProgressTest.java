package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

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
