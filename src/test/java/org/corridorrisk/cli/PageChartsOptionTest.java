package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code compare --charts} and {@code criticality --charts}: every chart of the page as a file, one
 * per {@code data-chart} figure of the HTML page, as {@code run --charts} does.
 */
class PageChartsOptionTest {
  static final Path EXAMPLE = Path.of("scenarios", "btc-oil.yaml");

  @Test
  void compare_charts_writesEveryChartOfThePage(@TempDir Path dir) throws Exception {
    run(
        "compare",
        EXAMPLE.toString(),
        "--trials",
        "300",
        "--threads",
        "1",
        "--quiet",
        "--charts",
        "svg,png",
        "--out",
        dir.toString());
    assertChartsMatchPage(dir, "compare.html");
  }

  @Test
  void criticality_charts_writesEveryChartOfThePage(@TempDir Path dir) throws Exception {
    run(
        "criticality",
        EXAMPLE.toString(),
        "--budget",
        "2",
        "--threads",
        "1",
        "--quiet",
        "--charts",
        "svg",
        "--out",
        dir.toString());
    assertChartsMatchPage(dir, "criticality.html");
  }

  @Test
  void charts_unknownFormat_isAUserErrorBeforeAnyWork(@TempDir Path dir) {
    for (String command : List.of("compare", "criticality")) {
      Cli cli = Cli.run(command, EXAMPLE.toString(), "--charts", "gif", "--out", dir.toString());
      assertEquals(2, cli.code(), command);
      assertTrue(cli.err().contains("unknown chart format 'gif'"), cli.err());
    }
  }

  private static void run(String... args) {
    Cli cli = Cli.run(args);
    assertEquals(0, cli.code(), cli.err());
    assertTrue(cli.out().contains("chart files"), cli.out());
  }

  /** One file per format for every figure the page shows, and nothing else. */
  private static void assertChartsMatchPage(Path dir, String page) throws Exception {
    Matcher m =
        Pattern.compile("data-chart=\"([^\"]+)\"").matcher(Files.readString(dir.resolve(page)));
    List<String> onPage = m.results().map(r -> r.group(1)).sorted().toList();
    assertTrue(onPage.size() >= 2, "figures on the page: " + onPage);
    List<String> files;
    try (Stream<Path> list = Files.list(dir.resolve("charts"))) {
      files = list.map(p -> p.getFileName().toString()).sorted().toList();
    }
    List<String> svgs =
        files.stream().filter(f -> f.endsWith(".svg")).map(f -> f.replace(".svg", "")).toList();
    assertEquals(onPage, svgs);
    for (String f : files) {
      if (f.endsWith(".svg")) {
        assertTrue(Files.readString(dir.resolve("charts").resolve(f)).startsWith("<?xml"), f);
      }
    }
  }
}
