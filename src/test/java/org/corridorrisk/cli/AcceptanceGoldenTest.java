package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs of {@code run} and {@code exercise} agree with each other and with numbers computed
 * by hand from the contract, through the command line (golden/reroute-fair.yaml; every trial is the
 * same, the rail being cut with probability 1 on day 4 for 3 days):
 *
 * <pre>
 *        rail 60 @2 (cut days 4..6)
 *   a ------------------------------> b (50, pop 10)
 *   | \------- road 30 @5 ----------> |
 *   |                                 | detour 100 @3, either way
 *   \--------- rail2 60 @1 ---------> c (50, pop 30)
 * </pre>
 *
 * Cut: 30 by road + 60 by rail2 = 90 for 100 demanded; fair sharing serves 45 and 45, so 5 + 5 a
 * day unserved for 3 days: unserved 30 of 1,000 (0.03), person-days 3 x (10 x 5/50 + 30 x 5/50) =
 * 12, direct loss 7 x 30 = 210. Cost: undisturbed 50 x 2 + 50 x 1 = 150 a day; cut 30 x 5 + 60 x 1
 * + 15 x 3 = 255, so rerouting 3 x 105 = 315 and economic loss 525.
 */
class AcceptanceGoldenTest {
  @TempDir Path tmp;

  private static final Map<String, Double> EXPECTED =
      Map.of(
          "unserved_fraction", 0.03,
          "person_days_without_service", 12.0,
          "direct_loss", 210.0,
          "indirect_loss", 0.0,
          "rerouting_cost", 315.0,
          "spill_volume", 0.0,
          "economic_loss", 525.0);

  @Test
  void runAndExercise_agreeWithTheHandComputedTrial() throws Exception {
    Path file = Cli.resource("/golden/reroute-fair.yaml");
    ObjectMapper json = new ObjectMapper();
    for (String threads : List.of("1", "2")) {
      Path out = tmp.resolve("run" + threads);
      Cli run =
          Cli.run(
              "run",
              file.toString(),
              "--trials",
              "40",
              "--seed",
              "9",
              "--threads",
              threads,
              "--quiet",
              "--out",
              out.toString());
      assertEquals(0, run.code(), run.err());
      JsonNode metrics = json.readTree(out.resolve("summary.json").toFile()).path("metrics");
      EXPECTED.forEach(
          (metric, value) -> {
            for (String key : List.of("mean", "p50", "p95", "var95", "cvar95", "max")) {
              assertEquals(value, metrics.path(metric).path(key).asDouble(), 1e-9, metric + key);
            }
          });
      List<String> rows = Files.readAllLines(out.resolve("trials.csv"));
      assertEquals(41, rows.size());
      String[] header = rows.get(0).split(",");
      String[] last = rows.get(40).split(",");
      assertEquals("39", last[0]);
      for (int i = 1; i < header.length; i++) {
        if (EXPECTED.containsKey(header[i])) {
          assertEquals(EXPECTED.get(header[i]), Double.parseDouble(last[i]), 1e-9, header[i]);
        }
      }
    }
    assertArrayEquals(
        Files.readAllBytes(tmp.resolve("run1/trials.csv")),
        Files.readAllBytes(tmp.resolve("run2/trials.csv")),
        "threads never change results");

    Path ex = tmp.resolve("ex");
    Cli exercise =
        Cli.run(
            "exercise",
            file.toString(),
            "--trial",
            "7",
            "--trials",
            "40",
            "--seed",
            "9",
            "--quiet",
            "--out",
            ex.toString());
    assertEquals(0, exercise.code(), exercise.err());
    JsonNode e = json.readTree(ex.resolve("exercise.json").toFile());
    EXPECTED.forEach(
        (metric, value) ->
            assertEquals(value, e.path("totals").path(metric).asDouble(), 1e-9, metric));
    for (int d = 0; d < 10; d++) {
      JsonNode day = e.path("days").get(d);
      double short1 = d >= 4 && d <= 6 ? 5 : 0;
      assertEquals(short1, day.path("unserved").path("b").asDouble(), 1e-9, "b on day " + d);
      assertEquals(short1, day.path("unserved").path("c").asDouble(), 1e-9, "c on day " + d);
      assertEquals(d >= 4 && d <= 6 ? 255 : 150, day.path("transport_cost").asDouble(), 1e-9);
    }
  }
}
