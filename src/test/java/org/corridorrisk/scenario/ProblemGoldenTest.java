package org.corridorrisk.scenario;

import static org.corridorrisk.scenario.TestFiles.BASE;
import static org.corridorrisk.scenario.TestFiles.problems;
import static org.corridorrisk.scenario.TestFiles.replace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden tests of the error output: one broken file per rule, with the exact {@code
 * FILE:LINE:COLUMN: path: message} line (the line and column of the offending key or value).
 */
class ProblemGoldenTest {
  private static final String ECONOMY =
      BASE
          + """
      economy:
        sectors:
          - {id: x, output_per_day: 1}
          - {id: y, output_per_day: 2}
        interdependency:
          - [0.1, 0.2]
          - [0.3, 0.1]
      """;
  private static final String MITIGATION =
      BASE
          + """
      mitigations:
        - id: m
          cost: 1.5E+6
          changes:
            - {link: l, set: {capacity: 20}}
      """;

  private static final String HAZARD =
      replace(
          "    model: poisson\n    events_per_year: 1\n    targets: {links: [l]}\n",
          """
              model: hazard
              probability: 1
              epicenter: {lat: 40, lon: 40}
              intensity: {at_epicenter: 0.5, halving_km: 25}
              fragility: [{kinds: [other], median: 0.5, beta: 0.5}]
          """);

  private static void assertProblems(String text, String... expected) {
    assertEquals(List.of(expected), problems(text));
  }

  @Test
  void baseScenario_isValid() {
    assertProblems(BASE);
    assertProblems(ECONOMY);
    assertProblems(MITIGATION);
  }

  /**
   * The contract (cli-and-outputs.md) writes a problem as {@code FILE:LINE:COLUMN: path.to.key:
   * message}, e.g. {@code nodes[3].supply: must be >= 0, was -5}: the path is the bare document
   * path; the element's id ends the message.
   */
  @Test
  void negativeSupply_reportedAtTheValue() {
    assertProblems(
        replace("supply: 10", "supply: -5"),
        "t.yaml:10:13: nodes[0].supply: must be >= 0, was -5 (node 'a')");
  }

  @Test
  void hugeSupply_isOutOfRange() {
    // 1e308 passes every ">= 0" rule, but a horizon's sums of it overflow to Infinity (the run
    // then failed in the report with an internal error, exit 1)
    assertProblems(
        replace("supply: 10", "supply: 1.0e308"),
        "t.yaml:10:13: nodes[0].supply: must be at most 1e30 (larger numbers overflow the sums"
            + " over days and trials), was 1.0E308 (node 'a')");
  }

  @Test
  void duplicateId_namesTheFirstUse() {
    assertProblems(
        replace("- id: b\n    kind: sink", "- id: a\n    kind: sink").replace("to: b", "to: a2"),
        "t.yaml:11:9: nodes[1].id: duplicate id 'a' (first used at line 7, nodes[0])",
        "t.yaml:18:9: links[0].to: unknown node 'a2' (link 'l')");
  }

  @Test
  void linkToMissingNode_suggestsOnlyAPlausibleTypo() {
    // one letter for another is no typo of a one-letter id (it said "did you mean 'a'?")
    assertProblems(
        replace("to: b", "to: c"), "t.yaml:18:9: links[0].to: unknown node 'c' (link 'l')");
    assertProblems(
        replace("to: b", "to: B"),
        "t.yaml:18:9: links[0].to: unknown node 'B', did you mean 'b'? (link 'l')");
  }

  @Test
  void misspeltKey_suggestsTheClosestKey() {
    assertProblems(
        replace("demand: 5", "demnd: 5"),
        "t.yaml:14:5: nodes[1].demnd: unknown key, did you mean 'demand'? (node 'b')");
  }

  @Test
  void unknownKeyWithoutNearMatch_listsTheKeys() {
    assertProblems(
        replace("name: t", "name: t\ncolour: blue"),
        "t.yaml:3:1: colour: unknown key; expected one of: format, name, description, horizon_days, currency, "
            + "start_date, profiles, commodities, nodes, links, threats, dependencies, mitigations,"
            + " economy, repair_crews, sharing");
  }

  @Test
  void probabilityAboveOne() {
    assertProblems(
        replace("events_per_year: 1", "events_per_year: 1\n    success_probability: 1.7"),
        "t.yaml:25:26: threats[0].success_probability: must be <= 1, was 1.7 (threat 't')");
  }

  @Test
  void wrongFormat() {
    assertProblems(
        replace("corridor-risk/v1", "corridor-risk/v9"),
        "t.yaml:1:9: format: must be 'corridor-risk/v1', was 'corridor-risk/v9'");
  }

  @Test
  void horizonBelowOne() {
    assertProblems(
        replace("horizon_days: 30", "horizon_days: 0"),
        "t.yaml:3:15: horizon_days: must be >= 1, was 0");
  }

  @Test
  void horizonNotWhole() {
    assertProblems(
        replace("horizon_days: 30", "horizon_days: 1.5"),
        "t.yaml:3:15: horizon_days: must be a whole number, was 1.5");
  }

  @Test
  void missingRequiredKey_locatedAtItsMapping() {
    assertProblems(
        replace("    capacity: 10\n", ""),
        "t.yaml:16:5: links[0].capacity: is required but missing (link 'l')");
  }

  @Test
  void kindSpecificRequiredKey_saysWhy() {
    assertProblems(
        replace("    demand: 5\n", ""),
        "t.yaml:11:5: nodes[1].demand: is required but missing (required when kind is sink) (node 'b')");
  }

  @Test
  void targetsOfAPoissonThreat_requiredBecauseItIsNotAHazard() {
    // the schema requires targets in the else branch of "model is hazard": the reason must not read
    // "required when model is hazard" (a hazard may leave targets out)
    assertProblems(
        replace("    targets: {links: [l]}\n", ""),
        "t.yaml:22:5: threats[0].targets: is required but missing (required when model is not"
            + " hazard) (threat 't')");
  }

  @Test
  void emptyName_oneProblem() {
    assertProblems(replace("name: t", "name: ''"), "t.yaml:2:7: name: must not be empty");
  }

  @Test
  void emptyProfileList_oneProblemFromTheListForm() {
    // demand_profile is one id or a list of ids: an empty list breaks only the list form, so the
    // string form's "must be a string" and the schema's "valid to one and only one" are not news
    assertProblems(
        replace("demand: 5", "demand: 5\n    demand_profile: []"),
        "t.yaml:15:21: nodes[1].demand_profile: must list at least 1 entry but has 0 (node 'b')");
  }

  @Test
  void negativeIntensity_oneProblemFromTheNumberForm() {
    assertProblems(
        HAZARD.replace("at_epicenter: 0.5", "at_epicenter: -0.5"),
        "t.yaml:26:31: threats[0].intensity.at_epicenter: must be >= 0, was -0.5 (threat 't')");
  }

  @Test
  void junctionThroughputAbove1e30_isALocatedProblem() {
    // the schema checks ">= 0" only: 1e31 (and 1e400, Infinity) passed, unlike every other quantity
    String junction =
        replace(
            "  - id: b\n",
            "  - id: j\n    kind: junction\n    commodity: gas\n    throughput: 1e31\n  - id: b\n");
    assertProblems(
        junction,
        "t.yaml:14:17: nodes[1].throughput: must be at most 1e30 (larger numbers overflow the sums"
            + " over days and trials), was 1.0E31 (node 'j')");
    assertProblems(junction.replace("1e31", "1e30"));
  }

  @Test
  void profileFactorAbove1e30_hasTheWordsOfEveryQuantity() {
    // the schema's "maximum: 1e30" said "must be <= 1.0E30, was 1.0E31", unlike every other
    // quantity held to the same limit
    String profiles =
        replace(
            "commodities:\n",
            "profiles:\n  - {id: p, monthly: [1e31, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}\n"
                + "  - {id: q, steps: [{from_day: 0, factor: 1e31}]}\ncommodities:\n");
    assertProblems(
        profiles,
        "t.yaml:5:23: profiles[0].monthly[0]: must be at most 1e30 (larger numbers overflow the"
            + " sums over days and trials), was 1.0E31 (profile 'p')",
        "t.yaml:6:43: profiles[1].steps[0].factor: must be at most 1e30 (larger numbers overflow"
            + " the sums over days and trials), was 1.0E31 (profile 'q')");
    assertProblems(profiles.replace("1e31", "1e30"));
    // other maximums keep their own words
    assertProblems(
        BASE + "repair_crews:\n  - {id: c, count: 100001, serves: {links: [l]}}\n",
        "t.yaml:28:20: repair_crews[0].count: must be <= 100000, was 100001 (repair crew 'c')");
  }

  @Test
  void quantityAbove1e30_inAPatch_hasTheFileMessageAtThePatch() {
    // a patched document goes through the checks of the file: each limit, with the patch's path,
    // line and column and the mitigation's id
    String junction =
        replace(
            MITIGATION,
            "  - id: b\n",
            "  - id: j\n    kind: junction\n    commodity: gas\n    throughput: 5\n  - id: b\n");
    String tooLarge =
        " must be at most 1e30 (larger numbers overflow the sums over days and trials), was"
            + " 1.0E31 (mitigation 'm')";
    assertProblems(
        junction.replace("{link: l, set: {capacity: 20}}", "{node: j, set: {throughput: 1e31}}"),
        "t.yaml:35:37: mitigations[0].changes[0].set.throughput:" + tooLarge);
    assertProblems(
        junction.replace(
            "{link: l, set: {capacity: 20}}",
            "{threat: t, set: {repair_days: {dist: uniform, min: 1, max: 1e31}}}"),
        "t.yaml:35:69: mitigations[0].changes[0].set.repair_days.max:" + tooLarge);
    assertProblems(
        junction.replace(
            "{link: l, set: {capacity: 20}}",
            "{add_node: {id: k, kind: junction, commodity: gas, throughput: 1e31}}"),
        "t.yaml:35:72: mitigations[0].changes[0].add_node.throughput:" + tooLarge);
  }

  @Test
  void hazardNumbersTooLargeForADouble_areLocatedProblems() {
    // 1e400 reads as Infinity, which ">= 0" and "> 0" let through: the intensity was accepted (and
    // written as "Infinity" in the exercise), the others ended in an internal error (exit 1)
    assertProblems(
        HAZARD.replace("at_epicenter: 0.5", "at_epicenter: 1e400"),
        "t.yaml:26:31: threats[0].intensity.at_epicenter: must be a finite number >= 0, was"
            + " Infinity (threat 't')");
    assertProblems(
        HAZARD.replace("halving_km: 25", "halving_km: 1e400"),
        "t.yaml:26:48: threats[0].intensity.halving_km: must be a finite number > 0, was"
            + " Infinity (threat 't')");
    assertProblems(
        HAZARD.replace("median: 0.5, beta: 0.5", "median: 1e400, beta: 1e400"),
        "t.yaml:27:42: threats[0].fragility[0].median: must be a finite number > 0, was"
            + " Infinity (threat 't')",
        "t.yaml:27:55: threats[0].fragility[0].beta: must be a finite number > 0, was"
            + " Infinity (threat 't')");
  }

  @Test
  void wordsGivenANumberTooLargeForADouble_areLocatedProblems() {
    // a kind or distribution of 1e400 (Infinity) ended in an internal error (exit 1): comparing it
    // with the list of words asked for its decimal value, which Infinity has not
    assertProblems(
        replace("kind: source", "kind: 1e400"),
        "t.yaml:8:11: nodes[0].kind: must be one of source, sink, junction, storage, was Infinity"
            + " (node 'a')");
    assertProblems(
        replace("dist: fixed", "dist: -1.5e400"),
        "t.yaml:26:25: threats[0].repair_days.dist: must be one of fixed, exponential, lognormal,"
            + " triangular, uniform, was -Infinity (threat 't')");
    assertEquals(
        List.of(
            "t.json:1:265: links[0].kind: must be one of pipeline, subsea-pipeline, subsea-cable,"
                + " rail, road, sea, power-line, other, was Infinity (link 'l')"),
        problems(
            "t.json",
            "{\"format\": \"corridor-risk/v1\", \"name\": \"t\", \"horizon_days\": 30,"
                + " \"commodities\": [{\"id\": \"gas\"}], \"nodes\": ["
                + "{\"id\": \"a\", \"kind\": \"source\", \"commodity\": \"gas\", \"supply\": 10},"
                + " {\"id\": \"b\", \"kind\": \"sink\", \"commodity\": \"gas\", \"demand\": 5}],"
                + " \"links\": [{\"id\": \"l\", \"kind\": 1e400, \"from\": \"a\", \"to\": \"b\","
                + " \"commodity\": \"gas\", \"capacity\": 10}], \"threats\": [{\"id\": \"t\","
                + " \"model\": \"poisson\", \"events_per_year\": 1, \"targets\": {\"links\": [\"l\"]},"
                + " \"repair_days\": {\"dist\": \"fixed\", \"value\": 3}}]}"));
  }

  @Test
  void implausibleIntensity_isAWarning_andTheFileStaysValid() throws Exception {
    String text = HAZARD.replace("at_epicenter: 0.5", "at_epicenter: 1e300");
    assertProblems(text);
    assertEquals(
        List.of(
            "t.yaml:26:31: threats[0].intensity.at_epicenter: warning: is 1.0E300, more than"
                + " 1000 times the largest fragility median (0.5): near the epicentre every asset"
                + " it can damage fails almost surely, and assets of the sturdiest kind are at"
                + " their median intensity or above anywhere on Earth (is the intensity in the"
                + " fragility's units?) (threat 't')"),
        intensityWarnings(text));
    // a distribution: its 99.9th percentile (here 999.5); the reach is 25 km x log2(999.5 / 0.5)
    text =
        HAZARD.replace("at_epicenter: 0.5", "at_epicenter: {dist: uniform, min: 500, max: 1000}");
    assertEquals(
        List.of(
            "t.yaml:26:31: threats[0].intensity.at_epicenter: warning: reaches 999.5 (its"
                + " 99.9th percentile), more than 1000 times the largest fragility median (0.5):"
                + " near the epicentre every asset it can damage fails almost surely, and assets of"
                + " the sturdiest kind are at their median intensity or above up to 274 km away"
                + " (is the intensity in the fragility's units?) (threat 't')"),
        intensityWarnings(text));
    // 1000 times the median is the limit, and the sturdiest kind's median counts
    assertEquals(
        List.of(), intensityWarnings(HAZARD.replace("at_epicenter: 0.5", "at_epicenter: 500")));
    String twoKinds =
        HAZARD.replace(
            "fragility: [{kinds: [other], median: 0.5, beta: 0.5}]",
            "fragility: [{kinds: [other], median: 0.5, beta: 0.5},"
                + " {kinds: [pipeline], median: 1, beta: 0.5}]");
    assertEquals(
        List.of(), intensityWarnings(twoKinds.replace("at_epicenter: 0.5", "at_epicenter: 600")));
    assertEquals(
        1, intensityWarnings(twoKinds.replace("at_epicenter: 0.5", "at_epicenter: 1001")).size());
  }

  @Test
  void intensityDistributionBeyond1e30_warnsLikeTheNumber() throws Exception {
    // {dist: fixed, value: 1e300} was rejected (the 1e30 limit of repair times) where the number
    // 1e300 only warned: the format sets the intensity no bound in either spelling
    String fixed = HAZARD.replace("at_epicenter: 0.5", "at_epicenter: {dist: fixed, value: 1e300}");
    assertProblems(fixed);
    String number = HAZARD.replace("at_epicenter: 0.5", "at_epicenter: 1e300");
    assertEquals(intensityWarnings(number), intensityWarnings(fixed));
    for (String dist :
        List.of(
            "{dist: exponential, mean: 1e31}",
            "{dist: lognormal, median: 1e31, p90: 1e32}",
            "{dist: triangular, min: 1e31, mode: 1e200, max: 1e300}",
            "{dist: uniform, min: 1e31, max: 1e32}")) {
      String text = HAZARD.replace("at_epicenter: 0.5", "at_epicenter: " + dist);
      assertProblems(text);
      assertEquals(1, intensityWarnings(text).size(), dist);
    }
    // the shape rules still hold
    assertProblems(
        HAZARD.replace("at_epicenter: 0.5", "at_epicenter: {dist: uniform, min: 1e32, max: 1e31}"),
        "t.yaml:26:63: threats[0].intensity.at_epicenter.max: must be > min (1.0E32), was 1.0E31"
            + " (threat 't')");
    // a repair time's parameters stay held to 1e30, each at its own key
    String tooLarge =
        ": must be at most 1e30 (larger numbers overflow the sums over days and trials), was"
            + " 1.0E31 (threat 't')";
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: fixed, value: 1e31}"),
        "t.yaml:26:39: threats[0].repair_days.value" + tooLarge);
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: exponential, mean: 1e31}"),
        "t.yaml:26:44: threats[0].repair_days.mean" + tooLarge);
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: lognormal, median: 1e31, p90: 1e32}"),
        "t.yaml:26:44: threats[0].repair_days.median" + tooLarge);
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: uniform, min: 1e31, max: 1e32}"),
        "t.yaml:26:39: threats[0].repair_days.min" + tooLarge);
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: triangular, min: 1, mode: 1e31, max: 1e32}"),
        "t.yaml:26:51: threats[0].repair_days.mode" + tooLarge);
  }

  @Test
  void implausibleIntensityInAPatch_isAWarningAtThePatch() throws Exception {
    // the patched document's warnings were dropped: 1e300 warned in the file, not in a patch
    String text =
        HAZARD
            + "mitigations:\n  - id: m\n    cost: 1\n    changes:\n"
            + "      - {threat: t, set: {intensity: {at_epicenter: 1e300, halving_km: 25}}}\n";
    assertProblems(text);
    assertEquals(
        List.of(
            "t.yaml:33:53: mitigations[0].changes[0].set.intensity.at_epicenter: warning: is"
                + " 1.0E300, more than 1000 times the largest fragility median (0.5): near the"
                + " epicentre every asset it can damage fails almost surely, and assets of the"
                + " sturdiest kind are at their median intensity or above anywhere on Earth (is"
                + " the intensity in the fragility's units?) (mitigation 'm')"),
        intensityWarnings(text));
    // a patch that leaves the intensity alone adds no warning of its own
    assertEquals(
        List.of(),
        intensityWarnings(
            text.replace("intensity: {at_epicenter: 1e300, halving_km: 25}", "probability: 0.5")));
  }

  /** The warnings of {@code text} about a hazard's intensity (the others left out). */
  private static List<String> intensityWarnings(String text) throws Exception {
    return TestFiles.load(text).warnings().stream()
        .map(Problem::format)
        .filter(w -> w.contains(".intensity."))
        .toList();
  }

  @Test
  void intensityOfNeitherForm_namesBoth() {
    assertProblems(
        HAZARD.replace("at_epicenter: 0.5", "at_epicenter: true"),
        "t.yaml:26:31: threats[0].intensity.at_epicenter: must be a number or a mapping (key:"
            + " value pairs), was true (threat 't')");
  }

  @Test
  void badDistributionOfIntensity_reportedInsideIt() {
    assertProblems(
        HAZARD.replace("at_epicenter: 0.5", "at_epicenter: {dist: gamma, value: 1}"),
        "t.yaml:26:38: threats[0].intensity.at_epicenter.dist: must be one of fixed,"
            + " exponential, lognormal, triangular, uniform, was 'gamma' (threat 't')");
  }

  @Test
  void unknownEnumValue_suggestsTheClosest() {
    assertProblems(
        replace("kind: sink", "kind: snk"),
        "t.yaml:12:11: nodes[1].kind: must be one of source, sink, junction, storage, was 'snk', did you mean 'sink'? (node 'b')");
  }

  @Test
  void quotedNumber_isAString() {
    assertProblems(
        replace("capacity: 10", "capacity: \"10\""),
        "t.yaml:20:15: links[0].capacity: must be a number, was '10' (remove the quotes) (link 'l')");
  }

  @Test
  void yaml11Boolean_isAStringInYaml12() {
    assertProblems(
        replace("capacity: 10", "capacity: 10\n    directed: yes"),
        "t.yaml:21:15: links[0].directed: must be true or false, was 'yes' (link 'l')");
  }

  @Test
  void unknownCommodity() {
    assertProblems(
        replace("    commodity: gas\n    capacity: 10", "    commodity: oil\n    capacity: 10"),
        "t.yaml:19:16: links[0].commodity: unknown commodity 'oil' (link 'l')");
  }

  @Test
  void linkJoiningAnotherCommodity() {
    String two = replace("  - id: gas\n", "  - id: gas\n  - id: oil\n");
    assertProblems(
        replace(
            two, "    commodity: gas\n    capacity: 10", "    commodity: oil\n    capacity: 10"),
        "t.yaml:18:11: links[0].from: node 'a' carries gas but link 'l' carries oil",
        "t.yaml:19:9: links[0].to: node 'b' carries gas but link 'l' carries oil");
  }

  @Test
  void unreachableSink() {
    assertProblems(
        replace("from: a\n    to: b", "from: b\n    to: a"),
        "t.yaml:11:5: nodes[1]: sink 'b' cannot be reached from any source or storage of gas even with nothing disabled");
  }

  @Test
  void lognormalP90NotAboveMedian() {
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: lognormal, median: 14, p90: 10}"),
        "t.yaml:26:53: threats[0].repair_days.p90: must be > median (14.0), was 10.0 (threat 't')");
  }

  @Test
  void triangularOutOfOrder() {
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: triangular, min: 5, mode: 3, max: 10}"),
        "t.yaml:26:18: threats[0].repair_days: triangular needs min <= mode <= max and min < max, was "
            + "min=5.0, mode=3.0, max=10.0 (threat 't')");
  }

  @Test
  void uniformEmptyRange() {
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: uniform, min: 5, max: 5}"),
        "t.yaml:26:47: threats[0].repair_days.max: must be > min (5.0), was 5.0 (threat 't')");
  }

  @Test
  void repairUpperParametersAbove1e30_areLocatedProblems() {
    // min, median, mean and value were held to 1e30 but a uniform's or triangular's max and a
    // lognormal's p90 were not (a triangular's max of 1e400, Infinity, passed too)
    String tooLarge =
        ": must be at most 1e30 (larger numbers overflow the sums over days and trials), was"
            + " 1.0E31 (threat 't')";
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: uniform, min: 1, max: 1e31}"),
        "t.yaml:26:47: threats[0].repair_days.max" + tooLarge);
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: triangular, min: 1, mode: 2, max: 1e31}"),
        "t.yaml:26:59: threats[0].repair_days.max" + tooLarge);
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: triangular, min: 1, mode: 2, max: 1e400}"),
        "t.yaml:26:59: threats[0].repair_days.max: must be a finite number > 0, was Infinity"
            + " (threat 't')");
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: lognormal, median: 1, p90: 1e31}"),
        "t.yaml:26:52: threats[0].repair_days.p90" + tooLarge);
    // 1e30 itself is allowed, as for every quantity
    assertProblems(replace("{dist: fixed, value: 3}", "{dist: uniform, min: 1, max: 1e30}"));
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: triangular, min: 1, mode: 1e30, max: 1e30}"));
    assertProblems(replace("{dist: fixed, value: 3}", "{dist: lognormal, median: 1, p90: 1e30}"));
  }

  @Test
  void exponentialZeroMean() {
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: exponential, mean: 0}"),
        "t.yaml:26:44: threats[0].repair_days.mean: must be > 0, was 0 (threat 't')");
  }

  @Test
  void fixedNegativeValue() {
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: fixed, value: -1}"),
        "t.yaml:26:39: threats[0].repair_days.value: must be >= 0, was -1 (threat 't')");
  }

  @Test
  void keyOfAnotherDistribution() {
    assertProblems(
        replace("{dist: fixed, value: 3}", "{dist: fixed, value: 3, median: 2}"),
        "t.yaml:26:42: threats[0].repair_days.median: does not apply to dist fixed (it takes value) (threat 't')");
  }

  @Test
  void storageCapacityBelowInventory_isAWarning_theCeilingIsTheInventory() throws Exception {
    // the format's own example raises a storage's inventory above its capacity in a mitigation
    String text =
        replace(
            "- id: b\n",
            "- id: s\n    kind: storage\n    commodity: gas\n    inventory: 500\n"
                + "    max_withdrawal: 5\n    capacity: 400\n  - id: b\n");
    assertProblems(text);
    LoadedScenario loaded = TestFiles.load(text);
    assertEquals(
        List.of(
            "t.yaml:16:15: nodes[1].capacity: warning: is below inventory (500.0): the storage"
                + " starts with its inventory, so the refill ceiling is taken as 500.0 (node 's')"),
        loaded.warnings().stream().map(Problem::format).toList());
    org.corridorrisk.network.NetworkIndex net =
        org.corridorrisk.network.NetworkIndex.compile(loaded.baseline());
    assertEquals(500.0, net.storageCapacity(net.nodeIndex("s")));
  }

  @Test
  void keyOfAnotherKind() {
    assertProblems(
        replace("demand: 5", "demand: 5\n    supply: 3"),
        "t.yaml:15:5: nodes[1].supply: does not apply to a sink node; remove it (docs/scenario-format.md lists the keys of each kind) (node 'b')");
  }

  @Test
  void duplicateKey() {
    assertProblems(
        replace("demand: 5", "demand: 5\n    demand: 6"),
        "t.yaml:15:5: nodes[1].demand: duplicate key 'demand' (first at line 14); the later value is ignored (node 'b')");
  }

  @Test
  void unknownThreatTarget() {
    assertProblems(
        replace("links: [l]", "links: [k]"),
        "t.yaml:25:23: threats[0].targets.links[0]: unknown link 'k' (threat 't')");
    assertProblems(
        replace("links: [l]", "links: [L]"),
        "t.yaml:25:23: threats[0].targets.links[0]: unknown link 'L', did you mean 'l'? (threat 't')");
  }

  @Test
  void startDayBeyondHorizon() {
    assertProblems(
        replace(
            "model: poisson\n    events_per_year: 1",
            "model: independent\n    probability: 0.5\n    start_day: 30"),
        "t.yaml:25:16: threats[0].start_day: must be < horizon_days (30), was 30 (threat 't')");
  }

  @Test
  void keyOfAnotherThreatModel() {
    assertProblems(
        replace("events_per_year: 1", "events_per_year: 1\n    probability: 0.5"),
        "t.yaml:25:5: threats[0].probability: does not apply to a poisson threat; remove it "
            + "(docs/scenario-format.md lists the keys of each kind) (threat 't')");
  }

  @Test
  void keyOfAnotherThreatModel_onAnIndependentThreat_takesAn() {
    // read "does not apply to a independent threat"
    assertProblems(
        replace(
            "model: poisson\n    events_per_year: 1",
            "model: independent\n    probability: 0.5\n    events_per_year: 1\n"
                + "    epicenter: {lat: 1, lon: 1}"),
        "t.yaml:25:5: threats[0].events_per_year: does not apply to an independent threat; remove"
            + " it (docs/scenario-format.md lists the keys of each kind) (threat 't')",
        "t.yaml:26:5: threats[0].epicenter: does not apply to an independent threat (only to"
            + " model: hazard) (threat 't')");
  }

  @Test
  void dependencyEndsOfWrongKind() {
    assertProblems(
        BASE + "dependencies:\n  - {sink: a, supports: b}\n",
        "t.yaml:28:12: dependencies[0].sink: must name a sink node, was 'a'",
        "t.yaml:28:25: dependencies[0].supports: must name a source node, was 'b'");
  }

  @Test
  void stringKeyLeftBlank_givesTheMessageOfNull() {
    // 'currency:' read as the empty string and passed, while 'currency: ~' was rejected; the same
    // held for every key that takes a string (description, region, operator, unit, sector, ...)
    String expected =
        "t.yaml:3:1: currency: must be a string, was empty; give a value or leave the key out";
    assertProblems(replace("name: t\n", "name: t\ncurrency: ~\n"), expected);
    assertProblems(replace("name: t\n", "name: t\ncurrency:\n"), expected);
    assertProblems(replace("name: t\n", "name: t\ncurrency: null\n"), expected);
    // an explicit '' is written text: an empty label, accepted as before
    assertProblems(replace("name: t\n", "name: t\ncurrency: ''\n"));
    assertProblems(
        replace("    demand: 5\n", "    demand: 5\n    region:\n"),
        "t.yaml:15:5: nodes[1].region: must be a string, was empty; give a value or leave the key out (node 'b')");
    // a file in the block-style subset (no flow collections) is read by BlockYaml: the same
    String block =
        replace(
                "targets: {links: [l]}\n    repair_days: {dist: fixed, value: 3}\n",
                "targets:\n      links:\n        - l\n    repair_days:\n      dist: fixed\n"
                    + "      value: 3\n")
            .replace("name: t\n", "name: t\ncurrency:\n");
    assertNotNull(
        DocumentReader.readBlockStyle(block.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    assertProblems(block, expected);
  }

  @Test
  void keyLeftBlank_isToldToBeLeftOut_onlyWhereItMayBe() {
    // 'horizon_days' is required always, a source's 'supply' when its kind is source: no hint
    assertProblems(
        replace("horizon_days: 30\n", "horizon_days:\n"),
        "t.yaml:3:1: horizon_days: must be a whole number, was empty");
    assertProblems(
        BASE + "economy:\n",
        "t.yaml:27:1: economy: must be a mapping (key: value pairs), was empty; give a value or"
            + " leave the key out");
    // a threat's targets must name something: leaving out its only key is no fix
    assertProblems(
        replace("targets: {links: [l]}", "targets: {links: ~}"),
        "t.yaml:25:15: threats[0].targets.links: must be a list, was empty (threat 't')");
  }

  @Test
  void nameThatCannotBeAnOutputDirectory_isRejected() {
    assertProblems(
        replace(BASE, "name: t", "name: \".\""),
        "t.yaml:2:7: name: must not be '.' or '..' (the name is the output directory out/<name>)"
            + ", was '.'");
    assertProblems(
        replace(BASE, "name: t", "name: .."),
        "t.yaml:2:7: name: must not be '.' or '..' (the name is the output directory out/<name>)"
            + ", was '..'");
    String control =
        "t.yaml:2:7: name: must not contain a control character such as a newline or tab (the"
            + " name is the output directory out/<name>), was ";
    assertProblems(replace(BASE, "name: t", "name: \"a\\nb\""), control + "'a\\nb'");
    assertProblems(replace(BASE, "name: t", "name: \"ab\\n\""), control + "'ab\\n'");
    assertProblems(replace(BASE, "name: t", "name: \"ba\\x01se\""), control + "'ba\\u0001se'");
    assertProblems(replace(BASE, "name: t", "name: \"a\\tb\""), control + "'a\\tb'");
    assertProblems(replace(BASE, "name: t", "name: \"a\\x85b\""), control + "'a\\u0085b'");
    assertProblems(
        replace(BASE, "name: t", "name: a/b"),
        "t.yaml:2:7: name: must not contain '/' or '\\' (the name is the output directory"
            + " out/<name>), was 'a/b'");
    // a blank name would be a folder of spaces, out/"  " (empty names are rejected already)
    String blank =
        "t.yaml:2:7: name: must not be blank (the name is the output directory out/<name>),"
            + " was ";
    assertProblems(replace(BASE, "name: t", "name: \"  \""), blank + "'  '");
    assertProblems(replace(BASE, "name: t", "name: \" \""), blank + "' '");
    // spaces inside or around a name are fine
    assertProblems(replace(BASE, "name: t", "name: \"gas winter \""));
    // dots inside a name, or three of them, are fine
    assertProblems(replace(BASE, "name: t", "name: ..."));
    assertProblems(replace(BASE, "name: t", "name: v1.2"));
  }

  @Test
  void spectralRadiusNotBelowOne_saysTheModelHasNoSolution() {
    assertProblems(
        replace(ECONOMY, "[0.1, 0.2]", "[0.9, 0.5]").replace("[0.3, 0.1]", "[0.5, 0.9]"),
        "t.yaml:32:5: economy.interdependency: must have spectral radius < 1, was 1.4; the inoperability "
            + "model q = A* q + c* then has no finite solution (make each row of A* sum to less than 1)");
  }

  @Test
  void spectralRadiusExactlyOne_isRejectedThoughItComputesAsJustBelow() {
    // the eigenvalues of [[0, 1], [1, 0]] are +-1, computed as +-0.9999999999999998
    assertProblems(
        replace(ECONOMY, "[0.1, 0.2]", "[0.0, 1.0]").replace("[0.3, 0.1]", "[1.0, 0.0]"),
        "t.yaml:32:5: economy.interdependency: must have spectral radius < 1, was 1; the inoperability "
            + "model q = A* q + c* then has no finite solution (make each row of A* sum to less than 1)");
    assertProblems(
        replace(ECONOMY, "[0.1, 0.2]", "[0.0, 0.9]").replace("[0.3, 0.1]", "[0.9, 0.0]"));
  }

  @Test
  void subnormalInterdependency_isValid() {
    // 1e-320 (below the smallest normal double) under a row of larger entries made the eigenvalue
    // iteration fail to converge: an internal error (exit 1) instead of a valid file
    String three =
        ECONOMY
            .replace(
                "- {id: y, output_per_day: 2}",
                "- {id: y, output_per_day: 2}\n    - {id: z, output_per_day: 3}")
            .replace(
                "- [0.1, 0.2]\n    - [0.3, 0.1]",
                "- [0.0, 0.0, 0.0]\n    - [0.2, 0.0, 0.5]\n    - [1e-320, 0.3, 0.0]");
    assertEquals(3, TestFiles.tree(three).get("economy").get("interdependency").size());
    assertProblems(three);
  }

  @Test
  void matrixNotMatchingSectors() {
    assertProblems(
        replace(ECONOMY, "    - [0.3, 0.1]\n", ""),
        "t.yaml:32:5: economy.interdependency: must have 2 rows (one per sector) but had 1");
  }

  @Test
  void matrixRowTooShort() {
    assertProblems(
        replace(ECONOMY, "[0.3, 0.1]", "[0.3]"),
        "t.yaml:33:7: economy.interdependency[1]: must have 2 entries but had 1");
  }

  @Test
  void matrixEntryAboveOne() {
    assertProblems(
        replace(ECONOMY, "[0.1, 0.2]", "[0.1, 1.5]"),
        "t.yaml:32:13: economy.interdependency[0][1]: must be <= 1, was 1.5");
  }

  @Test
  void unknownSector() {
    assertProblems(
        replace(ECONOMY, "demand: 5", "demand: 5\n    sector: z"),
        "t.yaml:15:13: nodes[1].sector: unknown sector 'z' (node 'b')");
    assertProblems(
        replace(ECONOMY, "demand: 5", "demand: 5\n    sector: X"),
        "t.yaml:15:13: nodes[1].sector: unknown sector 'X', did you mean 'x'? (node 'b')");
  }

  /** ECONOMY with gas in {@code gasUnit} and oil in {@code oilUnit}, both feeding sector x. */
  private static String gasAndOilInOneSector(String gasUnit, String oilUnit) {
    return ECONOMY
        .replace(
            "  - id: gas\n",
            "  - {id: gas, unit: " + gasUnit + "}\n  - {id: oil, unit: " + oilUnit + "}\n")
        .replace(
            "    demand: 5\n",
            "    demand: 5\n    sector: x\n  - {id: oa, kind: source, commodity: oil, supply: 900}\n"
                + "  - {id: ob, kind: sink, commodity: oil, demand: 800, sector: x}\n")
        .replace(
            "    capacity: 10\n",
            "    capacity: 10\n  - {id: ol, from: oa, to: ob, commodity: oil, capacity: 900}\n");
  }

  @Test
  void sectorFedInDifferentUnits_isAWarning() throws Exception {
    // the sector's direct inoperability divides unserved demand by demand, each summed over its
    // sinks: 5 mcm of gas and 800 bbl of oil add up to a meaningless 805
    String text = gasAndOilInOneSector("mcm/d", "bbl/d");
    assertProblems(text);
    assertEquals(
        List.of(
            "t.yaml:34:7: economy.sectors[0]: warning: is fed by sinks in different units"
                + " (gas in mcm: b; oil in bbl: ob): its direct inoperability adds their unserved"
                + " demand and their demand across units, so the commodity with the larger numbers"
                + " dominates; give each unit its own sector (sector 'x')"),
        TestFiles.load(text).warnings().stream().map(Problem::format).toList());
  }

  @Test
  void aListThatMustHaveOne_saysOneInTheSingular() {
    List<String> got =
        problems(
            BASE.substring(0, BASE.indexOf("commodities:"))
                + "commodities: []\nnodes: []\nlinks: []\nthreats: []\n");
    for (String expected :
        List.of(
            "commodities: must list at least 1 commodity but has 0",
            "nodes: must list at least 2 nodes but has 0",
            "links: must list at least 1 link but has 0",
            "threats: must list at least 1 threat but has 0")) {
      assertEquals(
          1, got.stream().filter(p -> p.endsWith(expected)).count(), expected + ": " + got);
    }
  }

  @Test
  void commodityWithoutDemand_isAWarning() throws Exception {
    // its unserved share counts 0 in the top-level mean over commodities, which it dilutes
    String unused = replace(BASE, "  - id: gas\n", "  - id: gas\n  - id: power\n");
    assertProblems(unused);
    assertEquals(
        List.of(
            "t.yaml:6:5: commodities[1]: warning: has no sink, so none of it can go unserved: its"
                + " losses are 0, and its unserved share (0) still counts in the top-level"
                + " unserved_fraction, the mean over commodities (commodity 'power')"),
        TestFiles.load(unused).warnings().stream().map(Problem::format).toList());
    String zero = replace(BASE, "    demand: 5\n", "    demand: 0\n");
    assertProblems(zero);
    assertEquals(
        List.of(
            "t.yaml:5:5: commodities[0]: warning: has no sink with a demand above 0, so none of it"
                + " can go unserved: its losses are 0, and its unserved share (0) still counts in"
                + " the top-level unserved_fraction, the mean over commodities (commodity 'gas')"),
        TestFiles.load(zero).warnings().stream().map(Problem::format).toList());
    assertEquals(List.of(), TestFiles.load(BASE).warnings());
  }

  @Test
  void sectorFedInOneUnit_spelledTwoWays_isNoWarning() throws Exception {
    assertEquals(List.of(), TestFiles.load(gasAndOilInOneSector("mcm/d", "mcm/day")).warnings());
  }

  @Test
  void patchOfUnknownTarget() {
    assertProblems(
        replace(MITIGATION, "{link: l,", "{link: q,"),
        "t.yaml:31:16: mitigations[0].changes[0].link: unknown link 'q' (mitigation 'm')");
    assertProblems(
        replace(MITIGATION, "{link: l,", "{link: L,"),
        "t.yaml:31:16: mitigations[0].changes[0].link: unknown link 'L', did you mean 'l'? (mitigation 'm')");
  }

  @Test
  void patchNamingANodeAsLink() {
    assertProblems(
        replace(MITIGATION, "{link: l,", "{node: l,"),
        "t.yaml:31:16: mitigations[0].changes[0].node: 'l' is a link, not a node; write link: l (mitigation 'm')");
  }

  @Test
  void patchWithInvalidValue_reportedAtThePatch() {
    assertProblems(
        replace(MITIGATION, "capacity: 20", "capacity: -1"),
        "t.yaml:31:35: mitigations[0].changes[0].set.capacity: must be >= 0, was -1 (mitigation 'm')");
  }

  @Test
  void patchWithMisspeltKey_reportedAtThePatch() {
    assertProblems(
        replace(MITIGATION, "capacity: 20", "capacty: 20"),
        "t.yaml:31:25: mitigations[0].changes[0].set.capacty: unknown key, did you mean 'capacity'? (mitigation 'm')");
  }

  @Test
  void patchChangingAnId() {
    assertProblems(
        replace(MITIGATION, "capacity: 20", "id: z"),
        "t.yaml:31:25: mitigations[0].changes[0].set.id: an id cannot be changed by a patch; add a new link with add_link instead (mitigation 'm')");
  }

  @Test
  void patchAddingADuplicateLink() {
    assertProblems(
        replace(
            MITIGATION,
            "{link: l, set: {capacity: 20}}",
            "{add_link: {id: l, from: a, to: b, commodity: gas, capacity: 5}}"),
        "t.yaml:31:25: mitigations[0].changes[0].add_link.id: duplicate id 'l' (first used at line 16, links[0]) (mitigation 'm')");
  }

  @Test
  void patchWithoutSet() {
    assertProblems(
        replace(MITIGATION, "{link: l, set: {capacity: 20}}", "{link: l}"),
        "t.yaml:31:9: mitigations[0].changes[0].set: is required with 'link': the keys to change, e.g. set: {capacity: 30} (mitigation 'm')");
  }

  @Test
  void yamlSyntaxError_hasLineAndColumn() {
    assertProblems(
        replace("  - id: b\n    kind: sink", "  - id: b\n   kind: sink"),
        "t.yaml:12:4: YAML syntax error: while parsing a block collection (from line 7, column 3): expected the end "
            + "of the block, but found a new mapping (check the indentation)");
  }

  @Test
  void jsonSyntaxError_hasLineAndColumn() {
    assertEquals(
        List.of(
            "t.json:2:10: JSON syntax error: expected a value (a string in double quotes, a number,"
                + " true, false, null, an array [...] or an object {...}) but found '}'"),
        problems("t.json", "{\"format\": \"corridor-risk/v1\",\n \"name\": }"));
  }

  @Test
  void emptyFile() {
    assertProblems(
        "", "t.yaml:1:1: the file is empty; a scenario starts with 'format: corridor-risk/v1'");
  }

  @Test
  void rootNotAMapping() {
    assertProblems(
        "- a\n- b\n",
        "t.yaml:1:1: a scenario file must be a mapping of keys (format, name, horizon_days, "
            + "commodities, nodes, links, threats, ...) but this one is a list");
  }

  @Test
  void fiveFaults_allReportedEachOnItsOwnLine() {
    String text = TestFiles.resource("broken/five-faults.yaml");
    assertProblems(
        text,
        "t.yaml:10:13: nodes[0].supply: must be >= 0, was -5 (node 'src')",
        "t.yaml:15:9: nodes[2].id: duplicate id 'src' (first used at line 7, nodes[0])",
        "t.yaml:18:5: nodes[2].suply: unknown key, did you mean 'supply'? (node 'src')",
        "t.yaml:27:9: links[1].to: unknown node 'nowhere' (link 'l2')",
        "t.yaml:33:18: threats[0].probability: must be <= 1, was 1.7 (threat 't')");
  }

  @Test
  void messagesNameTheIdOfEachListElementOnThePath_butNotOfElementsWithoutOne() {
    // nodes[1] has id b; the threat's targets.links[0] is a plain string, so it gets no id
    JsonNode root = TestFiles.tree(BASE);
    assertEquals("node 'b'", Paths.owners("nodes[1].kind", root));
    assertEquals("threat 't'", Paths.owners("threats[0].targets.links[0]", root));
    assertEquals("", Paths.owners("nodes[9].kind", root));
    assertEquals("", Paths.owners("horizon_days", root));
    assertEquals("bad (node 'b')", Paths.messageNamingOwners("bad", "nodes[1].kind", root));
    assertEquals(
        "sink 'b' is cut off", Paths.messageNamingOwners("sink 'b' is cut off", "nodes[1]", root));
  }

  @Test
  void anIdWithACommaIsQuotedWhole_whenDecidingWhetherTheMessageAlreadyNamesIt() {
    JsonNode root = TestFiles.tree("nodes:\n  - {id: 'a, b', kind: sink}\n");
    assertEquals("node 'a, b'", Paths.owners("nodes[0].kind", root));
    // the message quotes 'a' and a lone quote, not the id 'a, b'
    assertEquals(
        "unlike 'a' or ' (node 'a, b')",
        Paths.messageNamingOwners("unlike 'a' or '", "nodes[0].kind", root));
    assertEquals(
        "same as 'a, b'", Paths.messageNamingOwners("same as 'a, b'", "nodes[0].kind", root));
  }
}
