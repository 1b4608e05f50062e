package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * summary.json, trials.csv and exercise.json of one study say the same thing, as an outside check
 * reading only the contract would verify, on a file that uses most of the format at once
 * (golden/gas-winter.yaml: start date, monthly and step profiles, a rate profile, damage states
 * with a staged restoration, two repair-crew pools, a hazard, a gas-to-power dependency, three
 * sectors): every summary statistic is recomputed from the per-trial rows (nearest-rank
 * percentiles, CVaR95 the mean of the largest ceil(0.05 n)), each row's economic loss is the sum of
 * its parts, the per-commodity columns add up to the totals, and the replayed 95th-percentile trial
 * has exactly that row's values.
 */
class OutputsAgreeTest {
  @TempDir Path tmp;

  @Test
  void summaryTrialsAndExercise_agree() throws Exception {
    Path file = Cli.resource("/golden/gas-winter.yaml");
    int n = 400;
    Path out = tmp.resolve("run");
    Cli run =
        Cli.run(
            "run",
            file.toString(),
            "--trials",
            "" + n,
            "--seed",
            "3",
            "--threads",
            "2",
            "--quiet",
            "--out",
            out.toString());
    assertEquals(0, run.code(), run.err());
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    List<String> lines = Files.readAllLines(out.resolve("trials.csv"));
    List<String> header = List.of(lines.get(0).split(","));
    double[][] rows = new double[n][];
    for (int k = 0; k < n; k++) {
      rows[k] =
          Arrays.stream(lines.get(k + 1).split(",")).mapToDouble(Double::parseDouble).toArray();
      assertEquals(k, (int) rows[k][0], "trial numbers from 0");
    }
    List<String> checked = new ArrayList<>();
    summary
        .path("metrics")
        .fields()
        .forEachRemaining(
            m -> {
              check(m.getKey(), m.getValue(), column(rows, header.indexOf(m.getKey())));
              checked.add(m.getKey());
            });
    summary
        .path("by_commodity")
        .fields()
        .forEachRemaining(
            c ->
                c.getValue()
                    .fields()
                    .forEachRemaining(
                        m -> {
                          if (m.getValue().has("mean")) {
                            String col = m.getKey() + "." + c.getKey();
                            check(col, m.getValue(), column(rows, header.indexOf(col)));
                            checked.add(col);
                          }
                        }));
    assertTrue(checked.size() >= 11, checked.toString());
    int loss = header.indexOf("economic_loss");
    int pd = header.indexOf("person_days_without_service");
    for (double[] r : rows) {
      double parts =
          r[header.indexOf("direct_loss")]
              + r[header.indexOf("indirect_loss")]
              + r[header.indexOf("rerouting_cost")];
      assertEquals(parts, r[loss], 1e-9 * Math.max(1, parts));
      double byCommodity =
          r[header.indexOf("person_days_without_service.gas")]
              + r[header.indexOf("person_days_without_service.power")];
      assertEquals(byCommodity, r[pd], 1e-9 * Math.max(1, byCommodity));
    }

    Path ex = tmp.resolve("ex");
    Cli exercise =
        Cli.run(
            "exercise",
            file.toString(),
            "--percentile",
            "95",
            "--trials",
            "" + n,
            "--seed",
            "3",
            "--threads",
            "1",
            "--quiet",
            "--out",
            ex.toString());
    assertEquals(0, exercise.code(), exercise.err());
    JsonNode e = new ObjectMapper().readTree(ex.resolve("exercise.json").toFile());
    double[] losses = column(rows, loss).clone();
    Arrays.sort(losses);
    double p95 = losses[(int) Math.ceil(0.95 * n) - 1];
    int trial = 0;
    while (rows[trial][loss] != p95) {
      trial++;
    }
    assertEquals(trial, e.path("trial").asInt(), "nearest rank, ties to the lowest trial");
    for (int i = 1; i < header.size(); i++) {
      assertEquals(
          rows[trial][i],
          e.path("totals").path(header.get(i)).asDouble(),
          1e-9 * Math.max(1, Math.abs(rows[trial][i])),
          header.get(i));
    }

    Path again = tmp.resolve("again");
    Cli.run(
        "run",
        file.toString(),
        "--trials",
        "" + n,
        "--seed",
        "3",
        "--threads",
        "1",
        "--quiet",
        "--out",
        again.toString());
    assertArrayEquals(
        Files.readAllBytes(out.resolve("summary.json")),
        Files.readAllBytes(again.resolve("summary.json")));
    assertArrayEquals(
        Files.readAllBytes(out.resolve("trials.csv")),
        Files.readAllBytes(again.resolve("trials.csv")));
  }

  private static double[] column(double[][] rows, int i) {
    assertTrue(i > 0, "missing column");
    return Arrays.stream(rows).mapToDouble(r -> r[i]).toArray();
  }

  private static void check(String name, JsonNode s, double[] values) {
    int n = values.length;
    double mean = Arrays.stream(values).sum() / n;
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int tail = (int) Math.ceil(0.05 * n);
    double cvar = 0;
    for (int i = n - tail; i < n; i++) {
      cvar += sorted[i] / tail;
    }
    close(name + ".mean", mean, s.path("mean").asDouble());
    close(name + ".std", Math.sqrt(ss / (n - 1)), s.path("std").asDouble());
    for (int p : new int[] {50, 90, 95, 99}) {
      close(
          name + ".p" + p, sorted[(int) Math.ceil(p / 100.0 * n) - 1], s.path("p" + p).asDouble());
    }
    close(name + ".var95", s.path("p95").asDouble(), s.path("var95").asDouble());
    close(name + ".cvar95", cvar, s.path("cvar95").asDouble());
    close(name + ".max", sorted[n - 1], s.path("max").asDouble());
    assertTrue(
        s.path("ci95_low").asDouble() <= mean + 1e-9 * Math.abs(mean)
            && mean <= s.path("ci95_high").asDouble() + 1e-9 * Math.abs(mean),
        name + ": the interval holds the mean");
  }

  private static void close(String what, double expected, double actual) {
    assertEquals(expected, actual, 1e-9 * Math.max(1, Math.abs(expected)), what);
  }
}
