package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockYaml} against the full reader (SnakeYAML through Jackson): on every text it either
 * declines ({@code null}) or builds the very tree the full reader builds, node types included; and
 * problems in a file it reads are reported at the same FILE:LINE:COLUMN as before.
 */
class BlockYamlTest {
  /** Block style only, as {@code import} writes it; the shape of {@link TestFiles#BASE}. */
  static final String BLOCK =
      """
      # generated
      format: corridor-risk/v1
      name: t
      description: "Topology: a 'test' (2 nodes) # not a comment"
      horizon_days: 30
      currency: USD
      commodities:
        - id: gas
          unit: mcm/d
      nodes:
        - id: a
          kind: source
          commodity: gas
          supply: 10
          location:
            lat: -40.5
            lon: 49.47

        - id: b
          kind: sink
          commodity: gas
          demand: 5.0   # a comment
          value_of_lost_load: 1.5e3
      links:
      - id: l
        from: a
        to: b
        commodity: gas
        kind: pipeline
        capacity: 8.829489
        directed: false
      threats:
        - id: t
          model: independent
          probability: 0.1
          start_day: 0
          targets:
            kinds:
              - pipeline
          repair_days:
            dist: fixed
            value: 1
      sharing: any
      """;

  /** Forces the full reader without changing the meaning or any location: a tab in a comment. */
  private static final String FULL_READER = "#\t\n";

  private static JsonNode full(String text) {
    Issues issues = new Issues();
    DocumentReader.Document doc =
        DocumentReader.readFully(text.getBytes(StandardCharsets.UTF_8), false, issues);
    return issues.isEmpty() ? doc.root() : null;
  }

  private static JsonNode fast(String text) {
    return DocumentReader.readBlockStyle(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertSameOrDeclined(String text) {
    JsonNode fast = fast(text);
    if (fast != null) {
      JsonNode full = full(text);
      assertNotNull(full, "the full reader rejects what the fast one read:\n" + text);
      assertEquals(full, fast, text);
      assertEquals(full.toString(), fast.toString(), text);
    }
  }

  @Test
  void blockStyleScenario_readAsTheFullReaderReadsIt() {
    JsonNode fast = fast(BLOCK);
    assertNotNull(fast, "the block-style scenario must be in the subset");
    assertEquals(full(BLOCK), fast);
    assertEquals(List.of(), TestFiles.problems(BLOCK));
  }

  @Test
  void repeatedAndCollidingScalars_readAsTheFullReaderReadsThem() {
    // BlockYaml remembers short slices (1,024 slots): thousands of items whose values repeat and
    // whose distinct values outnumber the slots, so slices are found, evicted and read again
    UniformRandomProvider random = RandomSource.XO_RO_SHI_RO_128_PP.create(1130L);
    List<String> pool = new ArrayList<>();
    for (int i = 0; i < 1_500; i++) {
      pool.add(
          switch (i % 6) {
            case 0 -> "n" + i;
            case 1 -> Integer.toString(i - 700);
            case 2 -> (i - 700) + "." + (i % 7) + "5";
            case 3 -> "power-line";
            case 4 -> "1.0e" + (i % 9);
            default -> "w" + (i * 7919 % 1000) + "x";
          });
    }
    StringBuilder text = new StringBuilder("format: corridor-risk/v1\nitems:\n");
    for (int i = 0; i < 4_000; i++) {
      String key = "k" + random.nextInt(40);
      text.append("  - id: ").append(pool.get(random.nextInt(pool.size()))).append('\n');
      text.append("    ").append(key).append(": ").append(pool.get(random.nextInt(pool.size())));
      text.append('\n');
      text.append("    v: ").append(pool.get(random.nextInt(pool.size()))).append('\n');
    }
    String t = text.toString();
    JsonNode fast = fast(t);
    assertNotNull(fast, "in the subset");
    assertEquals(full(t), fast);
    assertEquals(full(t).toString(), fast.toString());
  }

  @Test
  void scalars_sameTypeAndValueOrDeclined() {
    String[] scalars = {
      "1",
      "0",
      "-0",
      "-1",
      "007",
      "123456789",
      "1234567890",
      "2147483647",
      "2147483648",
      "-2147483648",
      "-2147483649",
      "123456789012345678",
      "1234567890123456789",
      "1.0",
      "-0.0",
      "0.5",
      "00.5",
      ".5",
      "5.",
      "1e5",
      "1E5",
      "4.0e7",
      "1.5E+9",
      "1.5e-3",
      "2.5e+300",
      "1.0e999",
      "0x1f",
      "0o17",
      "0b101",
      "1_000",
      "1:30",
      "+1",
      "+1.5",
      "-",
      "--1",
      "1.2.3",
      "2024-01-01",
      "true",
      "false",
      "True",
      "FALSE",
      "yes",
      "No",
      "on",
      "OFF",
      "y",
      "n",
      "Y",
      "null",
      "Null",
      "NULL",
      "~",
      "nan",
      ".nan",
      ".inf",
      "-.inf",
      "inf",
      "NaN",
      "a",
      "n1",
      "power-line",
      "unit/d",
      "corridor-risk/v1",
      "USD",
      "a b",
      "a  b",
      "a b   ",
      "a # c",
      "a#c",
      "a: b",
      "a:b",
      "a:",
      "'q'",
      "'it''s'",
      "'a # b'",
      "'a' # c",
      "'a'b",
      "\"q\"",
      "\"a\\nb\"",
      "\"a # b\"",
      "\"a\" x",
      "\"unterminated",
      "'unterminated",
      "&x a",
      "*x",
      "!!str 1",
      "|",
      ">",
      "[a]",
      "{a: 1}",
      "@a",
      "`a",
      "%a",
      "?",
      "? a",
      ",a",
      "a,b",
      "a;b",
      "a(b)",
      "a'b",
      "a=b",
      "a?b",
      "é",
      "Zürich",
      "a\u2028b",
      "a\u0085b",
      "_x",
      "x_",
      "x.y",
      "=",
      "<<",
      "-a",
      "- a",
      "1 2",
      "12 monkeys",
      "1.5 t",
      "\"\"",
      "''",
      "' '",
      "\"a\" # c"
    };
    int fastRead = 0;
    for (String s : scalars) {
      for (String doc : List.of("k: " + s + "\n", "k:\n  - " + s + "\n", "k:\n- " + s + "\n")) {
        assertSameOrDeclined(doc);
        fastRead += fast(doc) != null ? 1 : 0;
      }
    }
    assertTrue(fastRead > 100, "too few scalars read by the fast reader: " + fastRead);
  }

  @Test
  void keysAndNesting_sameOrDeclined() {
    String[] docs = {
      "a: 1\nb: 2\n",
      "a: 1\na: 2\n",
      "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
      "a:\n  b: 1\n   c: 2\n",
      "a:\n  b: 1\n c: 2\n",
      "a:\n- 1\n- 2\nb: 3\n",
      "a:\n  - 1\n  b: 3\n",
      "a:\n  - x: 1\n    z: 2\n  - x: 3\nb:\n",
      "a:\n  - x: 1\n   z: 2\n",
      "a:\n  - x:\n    - 1\n    y: 2\n",
      "a:\n  - x:\n      y: 1\n",
      "a:\n  -\n    x: 1\n",
      "a:\n  - - 1\n",
      "a: b\n  c\n",
      "a:\n  b\n",
      "---\na: 1\n",
      "a: 1\n---\nb: 2\n",
      "a: 1\n...\n",
      "%YAML 1.2\n---\na: 1\n",
      "- a\n",
      "  a: 1\n",
      "",
      "# only\n",
      "a: 1 # c\n# d\n   # e\n\nb: 2",
      "true: 1\n",
      "on: 1\n",
      "Null: 1\n",
      "1: a\n",
      "\"a\": 1\n",
      "a b: 1\n",
      "a-b_c: 1\n",
      "<<: {a: 1}\n",
      "a: [1, 2]\n",
      "a: &x 1\nb: *x\n",
      "a:\n  b: 1\n\n\n  c: 2\n",
      "a:    \n  b: 1\n",
      "a:  # c\n  - 1\n",
      "a:\n    - 1\n  - 2\n",
      "a:\n  - 1\n    - 2\n",
      "a: 1\n  # indented comment\nb: 2\n",
      "a: 'x\n  y'\n",
    };
    for (String d : docs) {
      assertSameOrDeclined(d);
    }
    assertNotNull(fast("a:\n  - x: 1\n    z: 2\n  - x: 3\nb:\n"));
    assertNull(fast("a: 1\na: 2\n"), "duplicate keys are the full reader's to report");
  }

  /**
   * Random mutations of the block-style scenario (deleted, duplicated and re-indented lines,
   * inserted characters that matter to YAML): the fast reader builds the full reader's tree or
   * declines. Fixed seed.
   */
  @Test
  void mutatedBlockStyle_sameTreeOrDeclined() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(20261130L);
    String alphabet = " -:#'\"\n.0123456789eE+_ab[]{}&*!|>?%@,\u00e9\t\r";
    int fastRead = 0;
    for (int i = 0; i < 3000; i++) {
      List<String> lines = new ArrayList<>(List.of(BLOCK.split("\n", -1)));
      int edits = 1 + rng.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = rng.nextInt(lines.size());
        switch (rng.nextInt(5)) {
          case 0 -> lines.remove(at);
          case 1 -> lines.add(at, lines.get(at));
          case 2 -> lines.set(at, " ".repeat(rng.nextInt(3)) + lines.get(at).stripLeading());
          case 3 -> lines.set(at, lines.get(at) + " ".repeat(rng.nextInt(3)));
          default -> {
            String line = lines.get(at);
            int pos = rng.nextInt(line.length() + 1);
            char c = alphabet.charAt(rng.nextInt(alphabet.length()));
            lines.set(at, line.substring(0, pos) + c + line.substring(pos));
          }
        }
      }
      String text = String.join("\n", lines);
      assertSameOrDeclined(text);
      fastRead += fast(text) != null ? 1 : 0;
    }
    assertTrue(fastRead > 500, "too few mutations read by the fast reader: " + fastRead);
  }

  /**
   * Problems in a file the fast reader reads are located by reading it again with the full reader:
   * the same lines as when the full reader reads it from the start.
   */
  @Test
  void problemsInABlockStyleFile_locatedAsByTheFullReader() {
    String[][] faults = {
      {"supply: 10", "supply: -5"},
      {"demand: 5.0", "demand: five"},
      {"to: b", "to: c"},
      {"kind: sink", "kind: sinc"},
      {"capacity: 8.829489", "capacitty: 8.829489"},
      {"probability: 0.1", "probability: 1.5"},
      {"horizon_days: 30", "horizon_days: 0"},
      {"lat: -40.5", "lat: -140.5"},
      {"dist: fixed", "dist: fixd"},
      {"- id: b", "- id: a"},
    };
    for (String[] f : faults) {
      String text = TestFiles.replace(BLOCK, f[0], f[1]);
      assertNotNull(fast(text), "must take the fast path: " + f[1]);
      List<String> problems = TestFiles.problems(text);
      assertTrue(!problems.isEmpty(), "no problem for " + f[1]);
      assertEquals(TestFiles.problems(text + FULL_READER), problems, f[1]);
    }
  }
}
