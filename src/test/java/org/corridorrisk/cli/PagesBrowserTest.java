package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare and criticality pages of an example, written by the commands, load in headless
 * Chromium with no console message, every chart's SVG reaches the DOM with its text, and the map
 * carries its base map and the links' hover titles. Skipped when {@code /usr/bin/chromium} is
 * missing (the report page has its own test, report.ReportBrowserTest).
 */
class PagesBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  @TempDir Path tmp;

  private static void execute(String... args) {
    Cli cli = Cli.run(args);
    assertEquals(0, cli.code(), cli.err());
  }

  /** The DOM Chromium builds from the page; fails on any console message. */
  private String dom(Path page) throws Exception {
    Path profile = Files.createTempDirectory(tmp, "profile");
    Path out = tmp.resolve("chromium.out");
    Path err = tmp.resolve("chromium.err");
    Process p =
        new ProcessBuilder(
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
                "--v=0",
                "--dump-dom",
                page.toUri().toString())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s");
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), stderr);
    assertFalse(stderr.contains(":CONSOLE"), "console message: " + stderr);
    assertFalse(stderr.contains("Uncaught"), stderr);
    String dom = Files.readString(out, StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile(
                "<figure class=\"chart\" id=\"fig-([a-z0-9-]+)\"[^>]*>\\s*<svg[^>]*>([\\s\\S]*?)</svg>")
            .matcher(dom);
    int charts = 0;
    while (m.find()) {
      charts++;
      assertTrue(m.group(2).contains("<text"), "chart " + m.group(1) + " has no text in the DOM");
    }
    int figures = dom.split("<figure class=\"chart\"", -1).length - 1;
    assertEquals(figures, charts, "every figure has its svg");
    assertTrue(charts >= 2, page + ": only " + charts + " charts");
    return dom;
  }

  @Test
  void criticalityAndComparePages_renderInChromiumWithoutConsoleMessages() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    String scenario = Path.of("scenarios", "caspian-energy-and-transport.yaml").toString();
    Path crit = tmp.resolve("crit");
    execute("criticality", scenario, "--budget", "2", "--threads", "2", "--out", crit.toString());
    String dom = dom(crit.resolve("criticality.html"));
    assertTrue(dom.contains("Natural Earth"), "base map credit");
    // one hover title per link of the map, with the commodity
    for (String link : List.of("scp-offtake-line (gas)", "enguri-zestaponi-500kv (electricity)")) {
      assertTrue(dom.contains("<title>" + link), link);
    }
    Path compare = tmp.resolve("compare");
    execute("compare", scenario, "--trials", "300", "--out", compare.toString());
    dom(compare.resolve("compare.html"));
  }
}
