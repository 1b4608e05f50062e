package org.corridorrisk.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.corridorrisk.sim.StudyResult;

/**
 * Times report generation on synthetic results (not a test; run by hand, see docs/report.md):
 * {@code java -Djava.awt.headless=true -cp ... org.corridorrisk.report.ReportTiming 10000 1000000}.
 */
public final class ReportTiming {
  private ReportTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("report-timing");
    // warm-up: class loading, font registration, JIT
    HtmlReport.write(SyntheticStudy.result(2_000, 1, true), dir.resolve("warmup.html"), "timing");
    for (String arg : args) {
      int trials = Integer.parseInt(arg);
      StudyResult r = SyntheticStudy.result(trials, 1, true);
      Path file = dir.resolve("report-" + trials + ".html");
      long best = Long.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        long start = System.nanoTime();
        HtmlReport.write(r, file, "timing");
        best = Math.min(best, System.nanoTime() - start);
      }
      System.out.printf(Locale.ROOT, "%,d trials: best of 3 %.2f s, %,d bytes%n", trials, best / 1e9, Files.size(file));
    }
  }
}
