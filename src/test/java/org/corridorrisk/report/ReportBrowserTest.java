package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.report.charts.Figure;
import org.corridorrisk.sim.StudyResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the report in headless Chromium (skipped when {@code /usr/bin/chromium} is missing; CI
 * installs it): every chart's SVG is in the rendered DOM and the page logs no console error.
 */
class ReportBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Result of one headless Chromium run. */
  record Rendered(int exitCode, String stdout, String stderr) {}

  static Rendered chromium(Path profile, Path workDir, String... extra) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0"));
    cmd.addAll(List.of(extra));
    Path out = workDir.resolve("chromium.out");
    Path err = workDir.resolve("chromium.err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s");
    }
    return new Rendered(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static void assertRendersEveryChart(StudyResult result, Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    Path html = dir.resolve("report.html");
    HtmlReport.write(result, html, "test");
    Rendered r = chromium(dir.resolve("profile"), dir, "--dump-dom", html.toUri().toString());
    assertEquals(0, r.exitCode(), r.stderr());
    assertFalse(r.stderr().contains("Uncaught"), r.stderr());
    // Chromium logs page console output as "INFO:CONSOLE:..." or "ERROR:CONSOLE..." depending on
    // the version; the report has no scripts, so any console line is a defect.
    assertFalse(r.stderr().contains(":CONSOLE"), "console message: " + r.stderr());
    List<String> expected = HtmlReport.figures(result).stream().map(Figure::id).toList();
    List<String> rendered = new ArrayList<>();
    Matcher m =
        Pattern.compile(
                "<figure class=\"chart\" id=\"fig-([a-z0-9-]+)\"[^>]*>\\s*<svg[^>]*>([\\s\\S]*?)</svg>")
            .matcher(r.stdout());
    while (m.find()) {
      rendered.add(m.group(1));
      assertTrue(m.group(2).contains("<text"), "chart " + m.group(1) + " has no text in the DOM");
    }
    assertEquals(expected, rendered);
    assertTrue(expected.size() >= 8, "only " + expected.size() + " charts");
  }

  @Test
  void syntheticReport_rendersEveryChartWithoutConsoleErrors(@TempDir Path dir) throws Exception {
    assertRendersEveryChart(SyntheticStudy.result(2_000, 3, true), dir);
  }

  @Test
  void engineRunReport_rendersEveryChartWithoutConsoleErrors(@TempDir Path dir) throws Exception {
    assertRendersEveryChart(
        org.corridorrisk.sim.MonteCarlo.run(
            SyntheticStudy.scenario(false), org.corridorrisk.sim.RunOptions.of(300, 2, 1)),
        dir);
  }

  @Test
  void exampleScenarioReport_rendersEveryChartWithoutConsoleErrors(@TempDir Path dir)
      throws Exception {
    var scenario =
        org.corridorrisk.scenario.ScenarioLoader.load(
                Path.of("scenarios", "southern-gas-corridor.yaml"))
            .baseline();
    assertRendersEveryChart(
        org.corridorrisk.sim.MonteCarlo.run(
            scenario, org.corridorrisk.sim.RunOptions.of(300, 1, 2)),
        dir);
  }
}
