package org.corridorrisk.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.corridorrisk.sim.StudyResult;

/**
 * Times report generation on synthetic results (not a test; run by hand, see docs/report.md): the
 * first write on a fresh result, which sorts the per-trial values, and the best of 3 more, which
 * reuse them: {@code java -Djava.awt.headless=true -cp ... org.corridorrisk.report.ReportTiming
 * 10000 1000000 [FILE.yaml N...]}: numbers before a scenario file time synthetic results, numbers
 * after it engine runs of that file.
 */
public final class ReportTiming {
  private ReportTiming() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("report-timing");
    // warm-up: class loading, font registration, JIT
    HtmlReport.write(SyntheticStudy.result(2_000, 1, true), dir.resolve("warmup.html"), "timing");
    String scenarioFile = null;
    for (String arg : args) {
      if (arg.endsWith(".yaml") || arg.endsWith(".yml") || arg.endsWith(".json")) {
        scenarioFile = arg; // following trial counts run this scenario through the engine
        continue;
      }
      int trials = Integer.parseInt(arg);
      StudyResult r =
          scenarioFile == null
              ? SyntheticStudy.result(trials, 1, true)
              : org.corridorrisk.sim.MonteCarlo.run(
                  org.corridorrisk.scenario.ScenarioLoader.load(Path.of(scenarioFile)).baseline(),
                  org.corridorrisk.sim.RunOptions.of(trials, 1, 2));
      System.out.print((scenarioFile == null ? "synthetic" : scenarioFile) + ": ");
      Path file = dir.resolve("report-" + trials + ".html");
      // the first write sorts each column's per-trial values, which the result keeps for the
      // next ones (in run, StudyResult.prepareSummaries sorts them, on all cores, before it)
      long start = System.nanoTime();
      HtmlReport.write(r, file, "timing");
      long first = System.nanoTime() - start;
      long best = Long.MAX_VALUE;
      for (int rep = 0; rep < 3; rep++) {
        start = System.nanoTime();
        HtmlReport.write(r, file, "timing");
        best = Math.min(best, System.nanoTime() - start);
      }
      System.out.printf(
          Locale.ROOT,
          "%,d trials: first %.2f s, then best of 3 %.2f s, %,d bytes%n",
          trials,
          first / 1e9,
          best / 1e9,
          Files.size(file));
    }
  }
}
