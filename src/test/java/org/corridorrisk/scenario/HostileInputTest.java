package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile input is bounded: each limit gives one located problem, quickly. */
class HostileInputTest {

  private static List<String> problems(String text) {
    return assertTimeoutPreemptively(Duration.ofSeconds(5), () -> TestFiles.problems(text));
  }

  @Test
  void billionLaughs_stopsAtTheAliasLimit() {
    StringBuilder sb = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    String prev = "a";
    for (char c = 'b'; c <= 'i'; c++) {
      sb.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(("*" + prev + ", ").repeat(8))
          .append('*')
          .append(prev)
          .append("]\n");
      prev = String.valueOf(c);
    }
    assertEquals(
        List.of(
            "t.yaml:6:8: f[0]: aliases expand to more than 100000 values (limit; anchors and aliases "
                + "must not multiply the document)"),
        problems(sb.toString()));
  }

  @Test
  void undefinedAlias_isReported() {
    assertEquals(
        List.of("t.yaml:2:4: b: alias '*nope' refers to no earlier anchor '&nope'"),
        problems("a: 1\nb: *nope\n"));
  }

  @Test
  void deepNesting_stopsAtTheDepthLimit() {
    assertEquals(
        List.of("t.yaml:1:67: nested deeper than 64 levels (limit)"),
        problems("a: " + "[".repeat(100) + "]".repeat(100) + "\n"));
  }

  @Test
  void deepNestingInJson_stopsAtTheDepthLimit() {
    assertEquals(
        List.of("t.json:1:65: nested deeper than 64 levels (limit)"),
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> TestFiles.problems("t.json", "[".repeat(1000))));
  }

  @Test
  void hugeNumber_stopsAtTheNumberLimit() {
    assertEquals(
        List.of("t.json:1:2: a number with more than 100 characters (limit)"),
        assertTimeoutPreemptively(
            Duration.ofSeconds(5),
            () -> TestFiles.problems("t.json", "{\"a\": " + "9".repeat(5000) + "}")));
  }

  @Test
  void hugeString_stopsAtTheStringLimit() {
    assertEquals(
        List.of("t.yaml:1:4: a: a string longer than 100000 characters (limit)"),
        problems("a: " + "x".repeat(200_000) + "\n"));
  }

  @Test
  void tooManyNodes_stopsAtTheCountLimit() {
    String text = TestFiles.BASE.replace("nodes:\n", "nodes:\n" + "  - {}\n".repeat(200_001));
    assertEquals(
        List.of(
            "t.yaml:6:1: nodes: more than 200000 nodes (limit); split the network into several scenarios"),
        problems(text));
  }

  @Test
  void hugeFile_isRefusedBeforeReading(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("huge.yaml");
    try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
      raf.setLength(DocumentReader.MAX_FILE_BYTES + 1); // sparse: nothing is written
    }
    ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
    assertEquals(
        List.of(f + ": the file is too large: 16777217 bytes (limit 16777216 bytes)"),
        e.problems().stream().map(Problem::format).toList());
  }

  @Test
  void invalidUtf8_isLocated() {
    byte[] bytes = "format: x\nname: \u00e9t\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
    ScenarioException e =
        assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(Path.of("t.yaml"), bytes));
    assertEquals(
        List.of("t.yaml:2:7: the file is not UTF-8 text (invalid byte at offset 16)"),
        e.problems().stream().map(Problem::format).toList());
  }

  @Test
  void controlCharacter_isLocated() {
    assertEquals(
        List.of("t.yaml:2:3: control character U+0000 is not allowed in a scenario file"),
        problems("a: 1\nb:\u0000 2\n"));
  }

  @Test
  void secondYamlDocument_isRefused() {
    assertEquals(
        List.of(
            "t.yaml:3:1: a second YAML document ('---') follows; a scenario file holds exactly one"),
        problems("a: 1\n---\nb: 2\n"));
  }
}
