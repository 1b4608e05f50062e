package org.corridorrisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository stands alone: no source, test, scenario or document points to a file
 * beside the repository (the development workspace's shared folder next to the checkout), and every
 * relative Markdown link resolves to a file inside the repository.
 */
class StandAloneTest {
  /** "shared" followed by one of the workspace folders, or the old system property. */
  private static final Pattern OUTSIDE =
      Pattern.compile(
          "\\.\\./shared\\b|\\bshared/(spec|facts|background|data|guide)\\b|corridorrisk\\.shared");

  private static final Pattern MD_LINK = Pattern.compile("\\]\\(([^)\\s#]+)(#[^)]*)?\\)");

  private static List<Path> projectFiles() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String root : List.of("src", "docs", "scenarios", "data", ".ci")) {
      if (!Files.isDirectory(Path.of(root))) {
        continue;
      }
      try (Stream<Path> s = Files.walk(Path.of(root))) {
        s.filter(Files::isRegularFile)
            .filter(
                p -> p.toString().matches(".*\\.(java|md|yaml|yml|json|properties|txt|html|css)$"))
            .forEach(files::add);
      }
    }
    files.add(Path.of(".ci", "run"));
    for (String top : List.of("README.md", "NOTICE", "pom.xml", "corridor-risk")) {
      files.add(Path.of(top));
    }
    return files;
  }

  @Test
  void noFileOfTheRepositoryPointsOutsideIt() throws IOException {
    List<String> found = new ArrayList<>();
    Path self = Path.of("src/test/java/org/corridorrisk/StandAloneTest.java");
    for (Path p : projectFiles()) {
      if (p.equals(self) || !Files.isRegularFile(p)) {
        continue;
      }
      List<String> lines = Files.readAllLines(p);
      for (int i = 0; i < lines.size(); i++) {
        if (OUTSIDE.matcher(lines.get(i)).find()) {
          found.add(p + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void everyRelativeMarkdownLinkResolvesInsideTheRepository() throws IOException {
    Path repo = Path.of("").toAbsolutePath().normalize();
    List<String> broken = new ArrayList<>();
    for (Path p : projectFiles()) {
      if (!p.toString().endsWith(".md") || !Files.isRegularFile(p)) {
        continue;
      }
      List<String> lines = Files.readAllLines(p);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = MD_LINK.matcher(lines.get(i));
        while (m.find()) {
          String target = m.group(1);
          if (target.matches("^[a-z]+:.*")) {
            continue; // https:, mailto: ...
          }
          Path resolved = p.toAbsolutePath().getParent().resolve(target).normalize();
          if (!resolved.startsWith(repo) || !Files.exists(resolved)) {
            broken.add(p + ":" + (i + 1) + ": " + target);
          }
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void theBundledDataIsThere() {
    // the files the tests and `bench` read; data/README.md lists them with their licences
    TestData.gaslib("GasLib-11.zip");
    TestData.gaslib("GasLib-24.zip");
    TestData.gaslib("GasLib-40.zip");
    TestData.gaslib("GasLib-135.zip");
    TestData.powerGrid();
    TestData.file("README.md");
  }
}
