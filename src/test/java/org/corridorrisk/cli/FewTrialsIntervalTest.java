package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With 1, 2 or 3 trials the interval of a mean cannot bound it: the terminal of run and compare and
 * the reports say so in words, while summary.json and compare.json keep their numbers (one trial:
 * ci95_low == ci95_high == mean). Every trial of this scenario has the same loss (the one link is
 * cut on day 0 for 5 days), so even three trials show no spread.
 */
class FewTrialsIntervalTest {
  @TempDir Path tmp;

  private static final String SURE_CUT =
      """
      format: corridor-risk/v1
      name: sure-cut
      horizon_days: 30
      commodities:
        - {id: gas, unit: mcm/d}
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 10}
        - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000, value_of_lost_load: 100}
      links:
        - {id: line, from: src, to: city, commodity: gas, kind: pipeline, capacity: 10}
      threats:
        - {id: cut, model: independent, probability: 1, targets: {links: [line]},
           repair_days: {dist: fixed, value: 5}}
      mitigations:
        - {id: faster, cost: 1, changes: [{threat: cut, set: {repair_days: {dist: fixed, value: 2}}}]}
      """;

  private Path scenario() throws Exception {
    Path f = tmp.resolve("sure-cut.yaml");
    Files.writeString(f, SURE_CUT);
    return f;
  }

  private static String line(String out, String start) {
    return out.lines()
        .filter(l -> l.startsWith(start))
        .findFirst()
        .orElseThrow(() -> new AssertionError(out));
  }

  @Test
  void run_oneOrThreeIdenticalTrials_sayThereIsNoInterval_jsonUnchanged() throws Exception {
    for (String trials : new String[] {"1", "3"}) {
      Path dir = tmp.resolve("run" + trials);
      Cli o = Cli.run("run", scenario().toString(), "--trials", trials, "--out", dir.toString());
      assertEquals(0, o.code(), o.err());
      String count = trials.equals("1") ? "1 trial " : "3 trials ";
      assertTrue(o.out().contains(": " + count + "of the "), o.out());
      String row = line(o.out(), "economic_loss ");
      assertTrue(row.contains("none: too few trials"), row);
      assertFalse(row.contains("["), "no [x, x] that reads as an exact mean: " + row);
      String note = line(o.out(), "note: the mean economic_loss rests on few trials");
      assertTrue(
          note.contains(
              (trials.equals("1") ? "one trial shows" : "the trials show")
                  + " no spread, so there is no 95% interval to bound the mean"),
          note);
      JsonNode m =
          new ObjectMapper()
              .readTree(dir.resolve("summary.json").toFile())
              .path("metrics")
              .path("economic_loss");
      assertTrue(m.path("mean").doubleValue() > 0);
      assertEquals(0.0, m.path("std").doubleValue());
      assertEquals(m.path("mean").doubleValue(), m.path("ci95_low").doubleValue());
      assertEquals(m.path("mean").doubleValue(), m.path("ci95_high").doubleValue());
      String html = Files.readString(dir.resolve("report.html"));
      assertTrue(html.contains("no 95% interval: too few trials to bound the mean"), trials);
      assertTrue(html.contains("none: too few trials"), trials);
      assertTrue(html.contains("days), over " + count.strip()), trials);
      assertTrue(html.contains("there is no interval at all"), trials);
      assertFalse(html.contains("interval is wide"), "a zero-width interval is not wide");
      // the people headline, in the terminal and the report
      assertTrue(o.out().contains("(no 95% interval: too few trials)"), o.out());
    }
  }

  @Test
  void run_fewTrialsWithSpread_sayTheIntervalCannotBeTrusted() throws Exception {
    // a rare cut: over 20 trials the few that carry the mean give an interval, but a weak one
    Path f = tmp.resolve("rare.yaml");
    Files.writeString(
        f,
        SURE_CUT.replace(
            "model: independent, probability: 1,", "model: poisson, events_per_year: 3,"));
    Path dir = tmp.resolve("rare");
    Cli o = Cli.run("run", f.toString(), "--trials", "20", "--seed", "3", "--out", dir.toString());
    assertEquals(0, o.code(), o.err());
    String row = line(o.out(), "economic_loss ");
    assertTrue(row.contains("["), row);
    String note = line(o.out(), "note: the mean economic_loss rests on few trials");
    assertTrue(
        note.contains("its 95% interval rests on too few trials to bound the mean reliably"), note);
    String html = Files.readString(dir.resolve("report.html"));
    assertTrue(html.contains("from too few trials to bound the mean reliably"), "headline");
    assertTrue(html.contains("its 95% interval rests on too few trials to bound the mean"), "note");
  }

  @Test
  void compare_oneTrial_saysThereIsNoInterval_jsonUnchanged() throws Exception {
    Path dir = tmp.resolve("cmp");
    Cli o = Cli.run("compare", scenario().toString(), "--trials", "1", "--out", dir.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains(", 1 trial each, "), o.out());
    assertTrue(
        line(o.out(), "baseline mean economic_loss").contains("(no 95% interval: too few trials)"),
        o.out());
    String row = line(o.out(), "1*   faster");
    assertTrue(row.contains("(none: too few trials)"), row);
    assertTrue(line(o.out(), "faster: ").contains("(no 95% interval: too few trials)"), o.out());
    assertTrue(
        line(o.out(), "note: faster's reduction of economic_loss")
            .contains("one trial shows no spread, so there is no 95% interval to bound the mean"),
        o.out());
    JsonNode json = new ObjectMapper().readTree(dir.resolve("compare.json").toFile());
    JsonNode base = json.path("baseline").path("economic_loss");
    assertEquals(
        base.path("mean").doubleValue(), base.path("ci95_low").doubleValue(), json.toString());
    String html = Files.readString(dir.resolve("compare.html"));
    assertTrue(html.contains("none: too few trials"), "compare.html's table");
    assertTrue(html.contains("no 95% interval to bound the mean"), "compare.html's notes");
  }
}
