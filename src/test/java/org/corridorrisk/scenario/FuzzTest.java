package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random mutations of the example scenarios (deleted, duplicated and swapped lines, changed
 * numbers, broken indentation, random bytes) give either a scenario or a {@link ScenarioException}
 * whose problems are all located; never another exception, and no load takes a second. Fixed seed:
 * a failure reproduces.
 */
class FuzzTest {
  private static final int MUTATIONS = 10_000;
  private static final long SEED = 20261121L;
  private static final ThreadMXBean THREAD_CPU = ManagementFactory.getThreadMXBean();

  @Test
  void mutatedScenarios_giveAScenarioOrLocatedProblems() throws IOException {
    List<Path> sources = sources();
    List<byte[]> texts = new ArrayList<>();
    for (Path p : sources) {
      texts.add(Files.readAllBytes(p));
    }
    for (int i = 0;
        i < texts.size();
        i++) { // warm-up: class loading and the schema are not the input's cost
      try {
        ScenarioLoader.parse(sources.get(i), texts.get(i));
      } catch (ScenarioException e) {
        fail("the unmutated source " + sources.get(i) + " must be valid: " + e.getMessage());
      }
    }
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(SEED);
    int loaded = 0;
    long slowestNanos = 0;
    for (int i = 0; i < MUTATIONS; i++) {
      int which = rng.nextInt(texts.size());
      byte[] mutated = mutate(texts.get(which), rng);
      Path name =
          Path.of(
              "fuzz-" + i + (sources.get(which).toString().endsWith(".json") ? ".json" : ".yaml"));
      // the parse's own CPU time, not wall time: a pathological input (a parse that explodes)
      // still fails the limit below, while other processes on a busy machine do not
      long start = THREAD_CPU.getCurrentThreadCpuTime();
      try {
        ScenarioLoader.parse(name, mutated);
        loaded++;
      } catch (ScenarioException e) {
        assertFalse(e.problems().isEmpty(), "no problems for mutation " + i);
        for (Problem p : e.problems()) {
          assertTrue(
              p.line() >= 1 && p.column() >= 1 && p.message() != null && !p.message().isBlank(),
              "unlocated problem for mutation " + i + ": " + p.format());
        }
      } catch (Throwable t) {
        fail(
            "mutation "
                + i
                + " of "
                + sources.get(which)
                + " threw "
                + t
                + "\n---\n"
                + new String(mutated, StandardCharsets.UTF_8),
            t);
      }
      long nanos = THREAD_CPU.getCurrentThreadCpuTime() - start;
      slowestNanos = Math.max(slowestNanos, nanos);
      assertTrue(nanos < 1_000_000_000L, "mutation " + i + " took " + nanos / 1e6 + " ms of CPU");
    }
    assertTrue(
        loaded > 0 && loaded < MUTATIONS,
        "mutations should both break and keep scenarios: " + loaded);
    System.out.printf(
        "fuzz: %d mutations of %d files, %d still valid, slowest load %.1f ms of CPU%n",
        MUTATIONS, sources.size(), loaded, slowestNanos / 1e6);
  }

  /** The example scenarios (scenarios/*.yaml) and this package's test scenarios. */
  static List<Path> sources() throws IOException {
    List<Path> out = new ArrayList<>();
    Path examples = Path.of("scenarios");
    if (Files.isDirectory(examples)) {
      try (Stream<Path> s = Files.list(examples)) {
        s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(out::add);
      }
    }
    out.add(Path.of("src/test/resources/scenario/full.yaml"));
    out.add(Path.of("src/test/resources/scenario/full.json"));
    return out;
  }

  private static byte[] mutate(byte[] original, UniformRandomProvider rng) {
    byte[] bytes = original;
    int rounds = 1 + rng.nextInt(3);
    for (int r = 0; r < rounds; r++) {
      bytes =
          switch (rng.nextInt(7)) {
            case 0 -> lines(bytes, rng, Op.DELETE);
            case 1 -> lines(bytes, rng, Op.DUPLICATE);
            case 2 -> lines(bytes, rng, Op.SWAP);
            case 3 -> lines(bytes, rng, Op.INDENT);
            case 4 -> number(bytes, rng);
            case 5 -> randomBytes(bytes, rng);
            default -> lines(bytes, rng, Op.TRUNCATE);
          };
    }
    return bytes;
  }

  private enum Op {
    DELETE,
    DUPLICATE,
    SWAP,
    INDENT,
    TRUNCATE
  }

  private static byte[] lines(byte[] bytes, UniformRandomProvider rng, Op op) {
    List<String> lines =
        new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
    if (lines.isEmpty()) {
      return bytes;
    }
    int i = rng.nextInt(lines.size());
    switch (op) {
      case DELETE -> lines.remove(i);
      case DUPLICATE -> lines.add(i, lines.get(i));
      case SWAP -> {
        int j = rng.nextInt(lines.size());
        String t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
      }
      case INDENT -> {
        String l = lines.get(i);
        lines.set(
            i,
            rng.nextBoolean() ? " ".repeat(1 + rng.nextInt(3)) + l : l.replaceFirst("^ {1,3}", ""));
      }
      case TRUNCATE -> lines.subList(i, lines.size()).clear();
      default -> throw new IllegalStateException();
    }
    return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
  }

  private static final String[] NUMBERS = {
    "-1",
    "0",
    "1.7",
    "-0.5",
    "1e400",
    "4.0e7",
    "1.5E+9",
    "99999999999999999999",
    "0.0",
    "NaN",
    ".inf",
    "1_000",
    "0x1F",
    "\"12\"",
    "~",
    "2.5",
    "365",
    "1e-9"
  };

  private static byte[] number(byte[] bytes, UniformRandomProvider rng) {
    String text = new String(bytes, StandardCharsets.UTF_8);
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?").matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(), m.end()});
    }
    if (spans.isEmpty()) {
      return bytes;
    }
    int[] s = spans.get(rng.nextInt(spans.size()));
    String replacement = NUMBERS[rng.nextInt(NUMBERS.length)];
    return (text.substring(0, s[0]) + replacement + text.substring(s[1]))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] randomBytes(byte[] bytes, UniformRandomProvider rng) {
    byte[] out = bytes.clone();
    int n = 1 + rng.nextInt(4);
    for (int k = 0; k < n && out.length > 0; k++) {
      out[rng.nextInt(out.length)] = (byte) rng.nextInt(256);
    }
    return out;
  }
}
