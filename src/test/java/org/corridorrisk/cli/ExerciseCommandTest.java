package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code exercise} command against the contract: totals equal the {@code run} study's
 * trials.csv row, --percentile picks the nearest-rank trial (ties: lowest index), msel.csv is RFC
 * 4180 in time order, branches, provenance, and bad input exits 2 with a clear message.
 */
class ExerciseCommandTest {
  @TempDir Path tmp;

  private String err = "";

  private int execute(String... args) {
    Cli cli = Cli.run(args);
    err = cli.err();
    return cli.code();
  }

  static Path decisions() throws Exception {
    return Path.of(ExerciseCommandTest.class.getResource("/exercise/decisions.yaml").toURI());
  }

  /** trials.csv as rows of cells, header first. */
  static List<String[]> csv(Path file) throws Exception {
    return Files.readAllLines(file).stream().map(l -> l.split(",", -1)).toList();
  }

  private JsonNode exercise(Path dir) throws Exception {
    return new ObjectMapper().readTree(dir.resolve("exercise.json").toFile());
  }

  @Test
  void totals_equalTheRunsTrialsCsvRow_forRandomTrialsOfTwoExamples() throws Exception {
    SplittableRandom pick = new SplittableRandom(12);
    for (String example : List.of("middle-corridor.yaml", "caspian-energy-and-transport.yaml")) {
      Path file = Path.of("scenarios", example);
      Path run = tmp.resolve("run-" + example);
      assertEquals(
          0,
          execute(
              "run",
              file.toString(),
              "--trials",
              "300",
              "--seed",
              "5",
              "--quiet",
              "--out",
              run.toString()),
          err);
      List<String[]> rows = csv(run.resolve("trials.csv"));
      String[] header = rows.get(0);
      for (int i = 0; i < 3; i++) {
        int k = pick.nextInt(300);
        Path dir = tmp.resolve("ex-" + example + "-" + k);
        assertEquals(
            0,
            execute(
                "exercise",
                file.toString(),
                "--trial",
                Integer.toString(k),
                "--trials",
                "300",
                "--seed",
                "5",
                "--quiet",
                "--out",
                dir.toString()),
            err);
        JsonNode totals = exercise(dir).path("totals");
        String[] row = rows.get(k + 1);
        assertEquals(Integer.toString(k), row[0]);
        List<String> keys = new ArrayList<>();
        totals.fieldNames().forEachRemaining(keys::add);
        assertEquals(Arrays.asList(header).subList(1, header.length), keys, "same columns");
        for (int c = 1; c < header.length; c++) {
          assertEquals(
              Double.parseDouble(row[c]),
              totals.path(header[c]).asDouble(),
              0.0,
              example + " trial " + k + " " + header[c]);
        }
      }
    }
  }

  @Test
  void percentile_picksTheNearestRankTrial_lowestIndexOnTies() throws Exception {
    Path file = decisions();
    List<String[]> rows = study(file, tmp.resolve("run"));
    double[] v = column(rows, "economic_loss");
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    int ties = 0;
    for (double p : new double[] {0, 10, 50, 90, 95, 100}) {
      // nearest rank: the ceil(p/100 x 200)-th smallest, at least the first
      int rank = Math.max(1, (int) Math.ceil(p / 100 * 200));
      double value = sorted[rank - 1];
      int expected = 0;
      while (v[expected] != value) {
        expected++;
      }
      int count = 0;
      for (double x : v) {
        count += x == value ? 1 : 0;
      }
      ties += count > 1 ? 1 : 0;
      Path dir = tmp.resolve("p" + p);
      assertEquals(
          0,
          execute(
              "exercise",
              file.toString(),
              "--percentile",
              Double.toString(p),
              "--trials",
              "200",
              "--seed",
              "9",
              "--quiet",
              "--out",
              dir.toString()),
          err);
      JsonNode ex = exercise(dir);
      assertEquals(expected, ex.path("trial").asInt(), "percentile " + p);
      assertEquals(value, ex.path("selection").path("value").asDouble(), 0.0);
      assertEquals(value, ex.path("totals").path("economic_loss").asDouble(), 0.0);
    }
    assertTrue(ties > 0, "some percentile falls on tied values (trials without loss)");
  }

  /** Runs the 200-trial study (seed 9) the percentile tests replay; its trials.csv rows. */
  private List<String[]> study(Path file, Path out) throws Exception {
    assertEquals(
        0,
        execute(
            "run",
            file.toString(),
            "--trials",
            "200",
            "--seed",
            "9",
            "--quiet",
            "--out",
            out.toString()),
        err);
    return csv(out.resolve("trials.csv"));
  }

  /** One column of trials.csv rows (header first), per trial. */
  private static double[] column(List<String[]> rows, String name) {
    int col = Arrays.asList(rows.get(0)).indexOf(name);
    double[] v = new double[rows.size() - 1];
    for (int k = 0; k < v.length; k++) {
      v[k] = Double.parseDouble(rows.get(k + 1)[col]);
    }
    return v;
  }

  /** {@code --metric} takes any column of trials.csv, here a commodity's unserved volume. */
  @Test
  void percentile_ofAPerCommodityColumn() throws Exception {
    Path file = decisions();
    List<String[]> rows = study(file, tmp.resolve("run-column"));
    String column =
        Arrays.stream(rows.get(0)).filter(h -> h.startsWith("unserved_volume.")).findFirst().get();
    double[] v = column(rows, column);
    double[] sorted = v.clone();
    Arrays.sort(sorted);
    double value = sorted[(int) Math.ceil(0.9 * 200) - 1];
    int expected = 0;
    while (v[expected] != value) {
      expected++;
    }
    Path dir = tmp.resolve("p90-column");
    assertEquals(
        0,
        execute(
            "exercise",
            file.toString(),
            "--percentile",
            "90",
            "--metric",
            column,
            "--trials",
            "200",
            "--seed",
            "9",
            "--quiet",
            "--out",
            dir.toString()),
        err);
    JsonNode ex = exercise(dir);
    assertEquals(expected, ex.path("trial").asInt());
    assertEquals(value, ex.path("totals").path(column).asDouble(), 0.0);
  }

  @Test
  void outputs_followTheContract_withBranchesAndProvenance() throws Exception {
    Path file = decisions();
    Path dir = tmp.resolve("ex");
    assertEquals(
        0,
        execute(
            "exercise",
            file.toString(),
            "--percentile",
            "95",
            "--trials",
            "200",
            "--seed",
            "9",
            "--decide",
            "10:bigger-store",
            "--decide",
            "0:same-values",
            "--decide",
            "5:second-line+faster-repair",
            "--quiet",
            "--out",
            dir.toString()),
        err);
    JsonNode ex = exercise(dir);
    assertEquals("corridor-risk/exercise/v1", ex.path("format").asText());
    assertEquals("exercise-decisions", ex.path("scenario").asText());
    assertEquals(9, ex.path("seed").asLong());
    assertEquals(200, ex.path("trials").asInt());
    assertEquals(60, ex.path("days").size());
    JsonNode day12 = ex.path("days").get(12);
    assertEquals(12, day12.path("day").asInt());
    assertEquals("--01-13", day12.path("date").asText(), "day 12 is 13 January without start_date");
    for (String key :
        List.of("served_share", "unserved", "storage", "assets_out", "sector_inoperability")) {
      assertTrue(day12.has(key), key);
    }
    assertTrue(ex.path("events").size() > 0, "the 95th-percentile trial has events");
    for (JsonNode e : ex.path("events")) {
      assertTrue(
          List.of("attempt", "miss", "hit", "repair_start", "restored", "hazard")
              .contains(e.path("type").asText()),
          e.toString());
    }
    JsonNode prov = ex.path("provenance");
    assertEquals(64, prov.path("scenario_sha256").asText().length());
    assertTrue(prov.path("methods").size() >= 3);
    JsonNode branches = ex.path("branches");
    assertEquals(3, branches.size());
    assertEquals(10, branches.get(0).path("day").asInt());
    assertEquals("bigger-store", branches.get(0).path("mitigation").asText());
    assertEquals("second-line+faster-repair", branches.get(2).path("mitigation").asText());
    assertEquals(9.0e6, branches.get(2).path("cost").asDouble(), 0.0, "costs add up");
    // a no-op mitigation gives the baseline's totals
    for (Iterator<Map.Entry<String, JsonNode>> it = ex.path("totals").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> t = it.next();
      assertEquals(
          t.getValue().asDouble(),
          branches.get(1).path("totals").path(t.getKey()).asDouble(),
          0.0,
          t.getKey());
    }
    assertNotEquals(
        ex.path("totals").path("economic_loss").asDouble(),
        branches.get(2).path("totals").path("economic_loss").asDouble(),
        "a second line and faster repairs change the 95th-percentile trial");
    String html = Files.readString(dir.resolve("exercise.html"));
    assertTrue(html.contains(prov.path("scenario_sha256").asText()), "provenance in the page");
    assertFalse(html.matches("(?s).*(src|href)=\"https?:.*"), "no network resources");
  }

  /** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes. */
  static List<List<String>> rfc4180(String text) {
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    boolean quoted = false;
    boolean fieldStart = true;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
            field.append('"');
            i += 2;
            continue;
          }
          quoted = false;
          i++;
          char next = i < text.length() ? text.charAt(i) : '\r';
          if (next != ',' && next != '\r') {
            throw new AssertionError("text after a closing quote at " + i);
          }
          continue;
        }
        field.append(c);
        i++;
        continue;
      }
      if (c == '"') {
        if (!fieldStart) {
          throw new AssertionError("quote inside an unquoted field at " + i);
        }
        quoted = true;
        fieldStart = false;
        i++;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStart = true;
        i++;
      } else if (c == '\r') {
        if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
          throw new AssertionError("CR without LF at " + i);
        }
        row.add(field.toString());
        field.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        fieldStart = true;
        i += 2;
      } else if (c == '\n') {
        throw new AssertionError("bare LF at " + i);
      } else {
        field.append(c);
        fieldStart = false;
        i++;
      }
    }
    if (quoted) {
      throw new AssertionError("unterminated quote");
    }
    if (!row.isEmpty() || field.length() > 0) {
      throw new AssertionError("last record without CRLF");
    }
    return rows;
  }

  @Test
  void msel_isRfc4180InTimeOrder_andTemplatesCanBeReplaced() throws Exception {
    Path file = decisions();
    Path dir = tmp.resolve("msel");
    assertEquals(
        0,
        execute(
            "exercise",
            file.toString(),
            "--percentile",
            "99",
            "--trials",
            "200",
            "--seed",
            "9",
            "--quiet",
            "--out",
            dir.toString()),
        err);
    List<List<String>> rows =
        rfc4180(Files.readString(dir.resolve("msel.csv"), StandardCharsets.UTF_8));
    assertEquals(
        List.of(
            "inject", "day", "date", "time", "from", "to", "method", "message", "expected_action"),
        rows.get(0));
    assertTrue(rows.size() > 3, "the 99th-percentile trial has injects");
    String last = "";
    for (List<String> r : rows.subList(1, rows.size())) {
      assertEquals(9, r.size(), r.toString());
      assertTrue(r.get(3).matches("\\d\\d:\\d\\d"), r.get(3));
      String key = String.format("%04d %s", Integer.parseInt(r.get(1)), r.get(3));
      assertTrue(key.compareTo(last) >= 0, "time order: " + key + " after " + last);
      last = key;
      assertFalse(r.get(7).contains("?"), "every placeholder filled: " + r.get(7));
      assertFalse(r.get(7).isBlank());
    }
    assertTrue(
        rows.stream().anyMatch(r -> r.get(7).contains(",") || r.get(8).contains(",")),
        "some field needs quoting, so the quoting is exercised");

    Path templates = tmp.resolve("templates.yaml");
    Files.writeString(
        templates,
        """
        defaults: {method: radio, from: "HQ", to: "cell", expected_action: "act"}
        hit:
          default:
            message: "Hit on {asset}, \\"{threat}\\",\\nback day {end_day}"
        shortage_start:
          default: {skip: true}
        """);
    Path dir2 = tmp.resolve("msel2");
    assertEquals(
        0,
        execute(
            "exercise",
            file.toString(),
            "--percentile",
            "99",
            "--trials",
            "200",
            "--seed",
            "9",
            "--quiet",
            "--templates",
            templates.toString(),
            "--out",
            dir2.toString()),
        err);
    List<List<String>> rows2 = rfc4180(Files.readString(dir2.resolve("msel.csv")));
    assertTrue(rows2.size() > 1);
    for (List<String> r : rows2.subList(1, rows2.size())) {
      assertEquals("radio", r.get(6));
      assertTrue(
          r.get(7).matches("(?s)Hit on [a-z-]+, \"sabotage\",\nback day \\d+")
              || r.get(7).matches("(?s)Hit on [a-z-]+, \"storm\",\nback day \\d+"),
          "only hits use a template now: " + r.get(7));
    }
  }

  @Test
  void incidents_damageCrewsAndHazards_appearInTheReplay_withDatesAndLabels() throws Exception {
    Path file = Path.of(ExerciseCommandTest.class.getResource("/exercise/incidents.yaml").toURI());
    Path dir = tmp.resolve("incidents");
    assertEquals(
        0,
        execute(
            "exercise",
            file.toString(),
            "--trial",
            "0",
            "--trials",
            "1",
            "--decide",
            "4:second-vessel",
            "--quiet",
            "--out",
            dir.toString()),
        err);
    JsonNode ex = exercise(dir);
    assertEquals("2023-10-01", ex.path("start_date").asText());
    assertEquals("2023-10-04", ex.path("days").get(3).path("date").asText());
    List<String> seen = new ArrayList<>();
    for (JsonNode e : ex.path("events")) {
      seen.add(
          e.path("day").asInt()
              + " "
              + e.path("type").asText()
              + " "
              + e.path("asset").asText()
              + " "
              + e.path("capacity_factor").asDouble(-1));
    }
    // hand-computed: both subsea pipelines damaged to half on day 2; one vessel repairs
    // pipe-a (days 2-5, back day 6), then pipe-b (days 6-9, back day 10); the quake on day 20
    // breaks the pipeline (intensity 1 at the epicentre, median 0.01) for 3 days
    for (String expected :
        List.of(
            "2 hit pipe-a 0.5",
            "2 hit pipe-b 0.5",
            "2 repair_start pipe-a 0.5",
            "6 restored pipe-a 1.0",
            "6 repair_start pipe-b 0.5",
            "10 restored pipe-b 1.0",
            "20 hazard null -1.0",
            "20 hit pipe 0.0",
            "23 restored pipe 1.0")) {
      assertTrue(seen.contains(expected), expected + " in " + seen);
    }
    JsonNode day3 = ex.path("days").get(3);
    assertEquals(0.5, day3.path("capacity_factor").path("pipe-a").asDouble(), 0.0);
    assertEquals(0.5, day3.path("capacity_factor").path("pipe-b").asDouble(), 0.0);
    // the second vessel from day 4 takes the waiting job: pipe-b back on day 8, not 10
    JsonNode branch = ex.path("branches").get(0);
    boolean earlier = false;
    for (JsonNode e : branch.path("events")) {
      earlier |=
          e.path("type").asText().equals("restored")
              && e.path("asset").asText().equals("pipe-b")
              && e.path("day").asInt() == 8;
    }
    assertTrue(earlier, branch.path("events").toString());
    assertTrue(
        branch.path("totals").path("person_days_without_service").asDouble()
            < ex.path("totals").path("person_days_without_service").asDouble(),
        "town is short until both lines are back: two days fewer");
    // injects: calendar dates, the hazard, and the pipeline's operator and region labels
    List<List<String>> rows = rfc4180(Files.readString(dir.resolve("msel.csv")));
    assertTrue(
        rows.stream().anyMatch(r -> r.get(2).equals("2023-10-21") && r.get(7).contains("quake")));
    assertTrue(
        rows.stream()
            .anyMatch(
                r ->
                    r.get(7).contains("pipeline pipe")
                        && r.get(4).equals("Elering")
                        && r.get(5).equals("EE crisis cell")),
        rows.toString());
  }

  @Test
  void aDecisionThatAddsASink_isRefused_namingThatDecision() throws Exception {
    Path file = tmp.resolve("sinks.yaml");
    Files.writeString(
        file,
        Files.readString(decisions())
            + """
              - id: new-town
                cost: 5
                changes:
                  - {add_node: {id: town, kind: sink, commodity: gas, demand: 1}}
                  - {add_link: {id: to-town, from: hub, to: town, commodity: gas, capacity: 1}}
            """);
    Path dir = tmp.resolve("sinks");
    int code =
        execute(
            "exercise",
            file.toString(),
            "--trial",
            "1",
            "--trials",
            "20",
            "--decide",
            "3:same-values",
            "--decide",
            "5:new-town",
            "--quiet",
            "--out",
            dir.toString());
    assertEquals(2, code, err);
    assertTrue(
        err.contains(
            "--decide: '5:new-town': a decision's scenario must have the same sinks, commodities"
                + " and sectors as the baseline"),
        err);
    assertFalse(err.contains("Exception"), err);
    assertFalse(Files.exists(dir.resolve("exercise.json")));
  }

  @Test
  void badInput_exitsTwoWithAClearMessage() throws Exception {
    String f = decisions().toString();
    Object[][] cases = {
      {new String[] {"exercise", f, "--trial", "200", "--trials", "200"}, "out of range"},
      {new String[] {"exercise", f, "--trial", "-1"}, "out of range"},
      {new String[] {"exercise", f, "--percentile", "101"}, "between 0 and 100"},
      {new String[] {"exercise", f, "--percentile", "-5"}, "between 0 and 100"},
      {
        new String[] {"exercise", f, "--trial", "1", "--decide", "3:bigger-stor"},
        "unknown mitigation 'bigger-stor', did you mean 'bigger-store'?"
      },
      {
        new String[] {"exercise", f, "--trial", "1", "--decide", "3:bigger-qq"},
        "unknown mitigation 'bigger-qq' (declared: "
      },
      {
        new String[] {"exercise", f, "--trial", "1", "--decide", "60:bigger-store"},
        "outside the horizon (days 0 to 59)"
      },
      {
        new String[] {"exercise", f, "--trial", "1", "--decide", "-1:bigger-store"},
        "outside the horizon"
      },
      {
        new String[] {"exercise", f, "--trial", "1", "--decide", "bigger-store"},
        "expected DAY:MITIGATION"
      },
      {new String[] {"exercise", f}, "exactly one of --trial K or --percentile P"},
      {new String[] {"exercise", f, "--trial", "1", "--percentile", "5"}, "exactly one of"},
      {
        new String[] {"exercise", f, "--trial", "1", "--metric", "direct_loss"},
        "--metric chooses what --percentile ranks; with --trial the trial is given: leave"
            + " --metric out"
      },
      {
        new String[] {"exercise", f, "--trial", "1000000"},
        "--trial 1000000 is out of range: an exercise's study has at most 1000000 trials,"
            + " numbered 0 to 999999"
      },
      {
        new String[] {"exercise", f, "--trial", "99999999999"},
        "--trial 99999999999 is out of range: an exercise's study has at most"
      },
      {
        new String[] {"exercise", f, "--percentile", "5", "--metric", "economic_los"},
        "did you mean 'economic_loss'?"
      },
      {
        new String[] {"exercise", f, "--percentile", "5", "--metric", "direct_qqqq"},
        "no metric 'direct_qqqq' (the columns"
      },
    };
    for (Object[] c : cases) {
      String[] args = (String[]) c[0];
      String[] withOut = Arrays.copyOf(args, args.length + 3);
      withOut[args.length] = "--out";
      withOut[args.length + 1] = tmp.resolve("bad").toString();
      withOut[args.length + 2] = "--quiet";
      int code = execute(withOut);
      assertEquals(2, code, Arrays.toString(args) + ": " + err);
      assertTrue(err.contains((String) c[1]), Arrays.toString(args) + ": " + err);
      assertFalse(err.contains("Exception"), "no stack trace: " + err);
    }
    assertFalse(Files.exists(tmp.resolve("bad").resolve("exercise.json")));
  }
}
