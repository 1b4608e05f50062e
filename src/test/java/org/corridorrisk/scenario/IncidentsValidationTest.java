package org.corridorrisk.scenario;

import static org.corridorrisk.scenario.TestFiles.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.Location;
import org.junit.jupiter.api.Test;

/**
 * Located errors (and warnings) for the keys of "Time, damage and repairs": one broken value per
 * test, with the exact {@code FILE:LINE:COLUMN: path: message} line.
 */
class IncidentsValidationTest {
  static final String FULL =
      """
      format: corridor-risk/v1
      name: t
      horizon_days: 30
      start_date: 2023-10-01
      profiles:
        - {id: heat, monthly: [1.7, 1.6, 1.3, 0.9, 0.6, 0.4, 0.4, 0.4, 0.6, 0.9, 1.3, 1.6]}
        - {id: cargo, steps: [{from_day: 0, factor: 1}, {from_day: 10, factor: 0.5}]}
      commodities:
        - id: gas
      nodes:
        - {id: a, kind: source, commodity: gas, supply: 10, supply_profile: cargo,
           location: {lat: 60.0, lon: 24.0}}
        - {id: j, kind: junction, commodity: gas, throughput: 8, region: FI, location: {lat: 59.8, lon: 24.3}}
        - {id: b, kind: sink, commodity: gas, demand: 5, demand_profile: [heat, cargo],
           location: {lat: 59.4, lon: 24.7}}
      links:
        - {id: l, from: a, to: j, commodity: gas, capacity: 10, kind: subsea-pipeline,
           capacity_profile: heat, repair_days: {dist: fixed, value: 9}}
        - {id: m, from: j, to: b, commodity: gas, capacity: 10, kind: subsea-cable, operator: Elering}
      threats:
        - id: t
          model: poisson
          events_per_year: 1
          rate_profile: heat
          targets: {kinds: [subsea-pipeline, junction]}
          damage:
            - {probability: 0.3, capacity_factor: 0}
            - {probability: 0.7, capacity_factor: 0.5, repair_days: {dist: fixed, value: 2},
               restoration: [{capacity_factor: 0.6, days: {dist: fixed, value: 2}}]}
          repair_days: {dist: fixed, value: 3}
        - id: q
          model: hazard
          events_per_year: 0.1
          epicenter_area: {lat: [59, 61], lon: [23, 25]}
          intensity: {at_epicenter: {dist: uniform, min: 0.2, max: 0.8}, halving_km: 25}
          fragility:
            - {kinds: [subsea-pipeline, source], median: 0.6, beta: 0.5}
          repair_days: {dist: fixed, value: 5}
      repair_crews:
        - {id: vessel, count: 1, serves: {kinds: [subsea-pipeline, subsea-cable]}, mobilization_days: 2}
      mitigations:
        - id: second-vessel
          cost: 1.0e6
          changes:
            - {repair_crew: vessel, set: {count: 2}}
            - {profile: heat, set: {monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}}
      """;

  private static void assertProblems(String text, String... expected) {
    assertEquals(List.of(expected), problems(text));
  }

  private static String with(String from, String to) {
    if (!FULL.contains(from)) {
      throw new IllegalArgumentException("not in the file: " + from);
    }
    return FULL.replace(from, to);
  }

  @Test
  void everyNewKey_validates() {
    assertProblems(FULL);
  }

  @Test
  void hugeProfileFactor_isOutOfRange() {
    // a factor multiplies demand, supply or capacity: 1e300 would overflow the day's sums
    assertProblems(
        with("{from_day: 10, factor: 0.5}", "{from_day: 10, factor: 1.0e300}"),
        "t.yaml:7:74: profiles[1].steps[1].factor: must be at most 1e30 (larger numbers overflow"
            + " the sums over days and trials), was 1.0E300 (profile 'cargo')");
  }

  @Test
  void threatRepairDays_optionalWhenEveryTargetHasAnother() {
    // repair time precedence: damage state, asset, threat. Threat t hits l (own repair_days) and j
    // (none; t's first damage state has none either); hazard q damages l and a (a has none).
    String noThreatRepairs =
        with("    repair_days: {dist: fixed, value: 3}\n", "")
            .replace("    repair_days: {dist: fixed, value: 5}\n", "");
    assertProblems(
        noThreatRepairs,
        "t.yaml:21:5: threats[0].repair_days: is required but missing: junction 'j' has no"
            + " repair_days of its own and not every damage state gives one (threat 't')",
        "t.yaml:30:5: threats[1].repair_days: is required but missing: source 'a' has no"
            + " repair_days of its own and not every damage state gives one (threat 'q')");
    assertProblems(
        noThreatRepairs
            .replace("throughput: 8,", "throughput: 8, repair_days: {dist: fixed, value: 4},")
            .replace(
                "supply_profile: cargo,",
                "supply_profile: cargo, repair_days: {dist: fixed," + " value: 6},"));
    // every damage state of t gives one: j's own is not needed for t
    assertProblems(
        noThreatRepairs
            .replace(
                "{probability: 0.3, capacity_factor: 0}",
                "{probability: 0.3, capacity_factor: 0, repair_days: {dist: fixed, value: 1}}")
            .replace(
                "supply_profile: cargo,",
                "supply_profile: cargo, repair_days: {dist: fixed," + " value: 6},"));
  }

  @Test
  void attemptLimit_countsTheRateProfile() {
    // events_per_year 1 over 30 days, but the rate profile multiplies every day by 1e7:
    // 1 / 365 x 30 x 1e7 = 821,918 expected attempts, above the limit of 100,000 per trial.
    String surge =
        with("rate_profile: heat\n", "rate_profile: surge\n")
            .replace(
                "profiles:\n",
                "profiles:\n  - {id: surge, steps: [{from_day: 0, factor: 1.0e7}]}\n");
    assertProblems(
        surge,
        "t.yaml:24:22: threats[0].events_per_year: threat 't' expects 821,918 attempts per trial"
            + " (events_per_year 1.0 x the rate profile's factors summed over horizon_days 30 /"
            + " 365), more than the limit of 100,000 per trial; lower events_per_year, the rate"
            + " profile or the horizon");
  }

  @Test
  void attemptLimit_aRateProfileThatLowersTheRate_isAccepted() {
    // 2,000,000 a year over 30 days would be 164,384 attempts; the profile keeps only the first
    // day at 1 and the rest at 0: 2e6 / 365 = 5,479 expected, within the limit.
    String quiet =
        with("events_per_year: 1\n", "events_per_year: 2.0e6\n")
            .replace("rate_profile: heat\n", "rate_profile: burst\n")
            .replace(
                "profiles:\n",
                "profiles:\n  - {id: burst, steps: [{from_day: 0, factor: 1}, {from_day: 1, factor:"
                    + " 0}]}\n");
    assertProblems(quiet);
  }

  @Test
  void emptyRestoration_isLocated() {
    // a staged recovery without a stage says nothing: like damage: [] it is an error, not a no-op
    assertProblems(
        with(
            "restoration: [{capacity_factor: 0.6, days: {dist: fixed, value: 2}}]",
            "restoration: []"),
        "t.yaml:29:23: threats[0].damage[1].restoration: must list at least 1 entry but has 0 (threat 't')");
  }

  @Test
  void missingRepairTime_namesEveryAssetWithout() {
    // without l's own repair_days, both threats can damage two assets with no repair time
    String noRepairs =
        with("    repair_days: {dist: fixed, value: 3}\n", "")
            .replace("    repair_days: {dist: fixed, value: 5}\n", "")
            .replace(
                "capacity_profile: heat, repair_days: {dist: fixed, value: 9}",
                "capacity_profile: heat");
    assertProblems(
        noRepairs,
        "t.yaml:21:5: threats[0].repair_days: is required but missing: 2 assets have no"
            + " repair_days of their own and not every damage state gives one: junction 'j', link"
            + " 'l' (threat 't')",
        "t.yaml:30:5: threats[1].repair_days: is required but missing: 2 assets have no"
            + " repair_days of their own and not every damage state gives one: source 'a', link"
            + " 'l' (threat 'q')");
  }

  @Test
  void badStartDate_isLocated() {
    assertProblems(
        with("start_date: 2023-10-01", "start_date: 2023-02-30"),
        "t.yaml:4:13: start_date: must be a calendar date written YYYY-MM-DD (ISO 8601), was"
            + " '2023-02-30'");
  }

  @Test
  void startDateWithAnExpandedYear_isNotYyyyMmDd() {
    // ISO 8601's expanded years ('+12023', '-0001') were read as dates
    assertProblems(
        with("start_date: 2023-10-01", "start_date: '+12023-10-01'"),
        "t.yaml:4:13: start_date: must be a calendar date written YYYY-MM-DD (ISO 8601), was"
            + " '+12023-10-01'");
    assertProblems(
        with("start_date: 2023-10-01", "start_date: '-0001-10-01'"),
        "t.yaml:4:13: start_date: must be a calendar date written YYYY-MM-DD (ISO 8601), was"
            + " '-0001-10-01'");
    assertProblems(with("start_date: 2023-10-01", "start_date: '2024-02-29'"));
  }

  @Test
  void monthlyWithout12Entries_isLocated_andNotFollowedByUnknownProfile() {
    assertProblems(
        with("0.4, 0.6, 0.9, 1.3, 1.6]}", "0.4, 0.6, 0.9, 1.3]}"),
        "t.yaml:6:25: profiles[0].monthly: must list at least 12 entries but has 11 (profile 'heat')");
  }

  @Test
  void stepsNotStartingAtDay0_orNotAscending() {
    assertProblems(
        with("steps: [{from_day: 0, factor: 1}", "steps: [{from_day: 1, factor: 1}"),
        "t.yaml:7:36: profiles[1].steps[0].from_day: the first step must start at day 0"
            + " (from_day: 0) but starts at 1 (profile 'cargo')");
    assertProblems(
        with("{from_day: 10, factor: 0.5}", "{from_day: 0, factor: 0.5}"),
        "t.yaml:7:62: profiles[1].steps[1].from_day: must be greater than the previous step's"
            + " from_day (0), was 0 (profile 'cargo')");
  }

  @Test
  void unknownProfileId_suggestsOne() {
    assertProblems(
        with("demand_profile: [heat, cargo]", "demand_profile: [heat, cargoes]"),
        "t.yaml:14:75: nodes[2].demand_profile[1]: unknown profile 'cargoes' (did you mean"
            + " 'cargo'?) (node 'b')");
    assertProblems(
        with("supply_profile: cargo", "supply_profile: nope"),
        "t.yaml:11:71: nodes[0].supply_profile: unknown profile 'nope' (defined: heat, cargo) (node 'a')");
    assertProblems(
        with("rate_profile: heat\n", "rate_profile: heet\n"),
        "t.yaml:24:19: threats[0].rate_profile: unknown profile 'heet' (did you mean 'heat'?) (threat 't')");
  }

  @Test
  void damageProbabilitiesNotSummingTo1() {
    assertProblems(
        with("{probability: 0.3, capacity_factor: 0}", "{probability: 0.2, capacity_factor: 0}"),
        "t.yaml:27:7: threats[0].damage: the probabilities of the damage states must sum to 1 but"
            + " sum to 0.9 (a successful hit always leaves the asset in one of them) (threat 't')");
  }

  @Test
  void deliverability_onlyOnStorages_eachFillOnce_inRange() {
    String storage =
        "nodes:\n"
            + "  - {id: st, kind: storage, commodity: gas, inventory: 50, max_withdrawal: 5,"
            + " capacity: 100, max_injection: 0,\n"
            + "     deliverability: [{fill: 1, factor: 1}, {fill: 0.2, factor: 0.5}]}\n";
    assertProblems(with("nodes:\n", storage));
    assertProblems(
        with("throughput: 8, ", "throughput: 8, deliverability: [{fill: 1, factor: 1}], "),
        "t.yaml:13:60: nodes[1].deliverability: does not apply to a junction node; remove it"
            + " (docs/scenario-format.md lists the keys of each kind) (node 'j')");
    assertProblems(
        with("nodes:\n", storage.replace("{fill: 0.2, factor: 0.5}", "{fill: 1, factor: 0.5}")),
        "t.yaml:12:52: nodes[0].deliverability[1].fill: two points of the curve have fill 1.0;"
            + " give each fill once (node 'st')");
    assertProblems(
        with("nodes:\n", storage.replace("{fill: 0.2, factor: 0.5}", "{fill: 0.2, factor: 1.5}")),
        "t.yaml:12:65: nodes[0].deliverability[1].factor: must be <= 1, was 1.5 (node 'st')");
  }

  @Test
  void partialFactorOnJunctionWithoutThroughput_orOnSink() {
    String junction =
        "is above 0 but the threat can hit junction 'j', which has no throughput to scale (give it"
            + " throughput: ... or use capacity_factor: 0)";
    assertProblems(
        with("throughput: 8, ", ""),
        "t.yaml:28:45: threats[0].damage[1].capacity_factor: " + junction + " (threat 't')",
        "t.yaml:29:42: threats[0].damage[1].restoration[0].capacity_factor: "
            + junction
            + " (threat 't')");
    String sink =
        "is above 0 but the threat can hit sink 'b', which can only be out (partial capacity"
            + " applies to links, sources, storages and junctions with throughput)";
    assertProblems(
        with(
            "targets: {kinds: [subsea-pipeline, junction]}",
            "targets: {kinds: [subsea-pipeline, sink]}"),
        "t.yaml:28:45: threats[0].damage[1].capacity_factor: " + sink + " (threat 't')",
        "t.yaml:29:42: threats[0].damage[1].restoration[0].capacity_factor: "
            + sink
            + " (threat 't')");
    assertProblems(
        with("capacity_factor: 0.5, repair", "capacity_factor: 1.5, repair"),
        "t.yaml:28:45: threats[0].damage[1].capacity_factor: must be <= 1, was 1.5 (threat 't')");
  }

  @Test
  void everyProblemOfOneDamageState_isReported() {
    // a sink and a junction without throughput under one partial factor: one line names both
    String both =
        "is above 0 but the threat can hit sink 'b', which can only be out (partial capacity"
            + " applies to links, sources, storages and junctions with throughput), and junction"
            + " 'j', which has no throughput to scale (give it throughput: ... or use"
            + " capacity_factor: 0)";
    assertProblems(
        with("throughput: 8, ", "")
            .replace(
                "targets: {kinds: [subsea-pipeline, junction]}",
                "targets: {kinds: [subsea-pipeline, junction, sink]}"),
        "t.yaml:28:45: threats[0].damage[1].capacity_factor: " + both + " (threat 't')",
        "t.yaml:29:42: threats[0].damage[1].restoration[0].capacity_factor: "
            + both
            + " (threat 't')");
    // a factor out of range does not hide probabilities that do not sum to 1
    assertProblems(
        with("{probability: 0.3, capacity_factor: 0}", "{probability: 0.2, capacity_factor: 1.5}"),
        "t.yaml:27:7: threats[0].damage: the probabilities of the damage states must sum to 1 but"
            + " sum to 0.9 (a successful hit always leaves the asset in one of them) (threat 't')",
        "t.yaml:27:45: threats[0].damage[0].capacity_factor: must be <= 1, was 1.5 (threat 't')");
  }

  @Test
  void unknownProfile_namesTheDeclaredProfiles_evenBrokenOnes() {
    assertProblems(
        with("supply_profile: cargo", "supply_profile: nope")
            .replace("{from_day: 10, factor: 0.5}", "{from_day: 10, factor: -0.5}"),
        "t.yaml:7:74: profiles[1].steps[1].factor: must be >= 0, was -0.5 (profile 'cargo')",
        "t.yaml:11:71: nodes[0].supply_profile: unknown profile 'nope' (defined: heat, cargo) (node 'a')");
  }

  @Test
  void throughputOnASink_doesNotApply() {
    assertProblems(
        with("demand: 5, demand_profile", "demand: 5, throughput: 3, demand_profile"),
        "t.yaml:14:52: nodes[2].throughput: does not apply to a sink node; remove it"
            + " (docs/scenario-format.md lists the keys of each kind) (node 'b')");
  }

  @Test
  void repairCrews_andTheirPatches() {
    assertProblems(
        with("count: 1,", "count: 0,"),
        "t.yaml:40:25: repair_crews[0].count: must be >= 1, was 0 (repair crew 'vessel')");
    assertProblems(
        with("{repair_crew: vessel,", "{repair_crew: vessal,"),
        "t.yaml:45:23: mitigations[0].changes[0].repair_crew: unknown repair_crew 'vessal', did"
            + " you mean 'vessel'? (mitigation 'second-vessel')");
  }

  @Test
  void patchChangingACrewOrProfileId_hintsOnlyAtRealPatchOperations() {
    // there is no add_repair_crew or add_profile: the hint names the operations that exist
    assertProblems(
        with("set: {count: 2}", "set: {id: boat}"),
        "t.yaml:45:37: mitigations[0].changes[0].set.id: an id cannot be changed by"
            + " a patch; only nodes and links can be added (add_node, add_link) (mitigation 'second-vessel')");
    assertProblems(
        with("{profile: heat, set: {monthly:", "{profile: heat, set: {id: warm, monthly:"),
        "t.yaml:46:31: mitigations[0].changes[1].set.id: an id cannot be changed by"
            + " a patch; only nodes and links can be added (add_node, add_link) (mitigation 'second-vessel')");
  }

  @Test
  void patchGivingTheOtherFormOfAProfile_replacesTheOldForm() throws Exception {
    // monthly and steps are two forms of a profile's factors, and a patch cannot remove a key:
    // a set of one form used to leave both ("must have monthly or steps, not both")
    String toSteps =
        with(
            "{profile: heat, set: {monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}}",
            "{profile: heat, set: {steps: [{from_day: 0, factor: 1}, {from_day: 5, factor: 0.25}]}}\n"
                + "      - {profile: cargo, set: {monthly: [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3]}}");
    assertProblems(toSteps);
    Incidents patched = TestFiles.load(toSteps).variant(List.of("second-vessel")).incidents();
    Incidents.Profile heat = patched.profiles().get("heat");
    assertNull(heat.monthly());
    assertEquals(0.25, heat.factor(7, patched)); // 2023-10-08: the step, not October's 0.9
    Incidents.Profile cargo = patched.profiles().get("cargo");
    assertNull(cargo.stepFrom());
    assertEquals(3.0, cargo.factor(40, patched)); // 2023-11-10
    // both forms in one set are still both
    assertProblems(
        with(
            "set: {monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1]}",
            "set: {monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1], steps: [{from_day: 0, factor: 1}]}"),
        "t.yaml:46:9: mitigations[0].changes[1]: after this change, profiles[0]: must have monthly"
            + " or steps, not both (mitigation 'second-vessel')");
  }

  @Test
  void patchGivingAHazardAFixedEpicenter_replacesTheArea() throws Exception {
    String fixed =
        with(
            "- {profile: heat,",
            "- {threat: q, set: {epicenter: {lat: 59.5, lon: 24.5}}}\n      - {profile: heat,");
    assertProblems(fixed);
    Incidents.Hazard q =
        TestFiles.load(fixed).variant(List.of("second-vessel")).incidents().threat("q").hazard();
    assertEquals(new Location(59.5, 24.5), q.epicenter());
  }

  @Test
  void duplicateCrewId_isReportedAlsoWhenTheCrewHasAnotherFault() {
    String crews =
        "  - {id: vessel, count: 1, serves: {kinds: [subsea-pipeline, subsea-cable]},"
            + " mobilization_days: 2}\n";
    assertProblems(
        with(crews, crews + "  - {id: vessel, count: 1.5, serves: {links: [m]}}\n"),
        "t.yaml:41:10: repair_crews[1].id: duplicate repair crew id 'vessel' (first used"
            + " at line 40, repair_crews[0])",
        "t.yaml:41:25: repair_crews[1].count: must be a whole number, was 1.5 (repair crew 'vessel')");
    assertProblems(
        with(crews, crews + "  - {id: vessel, count: 0, serves: {links: [m]}}\n"),
        "t.yaml:41:10: repair_crews[1].id: duplicate repair crew id 'vessel' (first used"
            + " at line 40, repair_crews[0])",
        "t.yaml:41:25: repair_crews[1].count: must be >= 1, was 0 (repair crew 'vessel')");
  }

  @Test
  void hazardShape() {
    assertProblems(
        with(
            "epicenter_area: {lat: [59, 61], lon: [23, 25]}",
            "epicenter_area: {lat: [59, 95], lon: [23, 185.5]}"),
        "t.yaml:34:27: threats[1].epicenter_area.lat: must lie within [-90, 90] degrees,"
            + " was [59, 95] (threat 'q')",
        "t.yaml:34:42: threats[1].epicenter_area.lon: must lie within [-180, 180] degrees,"
            + " was [23, 185.5] (threat 'q')");
    assertProblems(
        with(
            "epicenter_area: {lat: [59, 61], lon: [23, 25]}",
            "epicenter_area: {lat: [61, 59], lon: [23, 25]}"),
        "t.yaml:34:27: threats[1].epicenter_area.lat: must be [min, max] with min <= max, was"
            + " [61, 59] (threat 'q')");
    assertProblems(
        with("epicenter_area: {lat: [59, 61], lon: [23, 25]}", ""),
        "t.yaml:31:5: threats[1]: a hazard needs epicenter: {lat, lon} or epicenter_area: {lat:"
            + " [min, max], lon: [min, max]} (threat 'q')");
    assertProblems(
        with(
            "model: hazard\n    events_per_year: 0.1",
            "model: hazard\n    events_per_year: 0.1\n    probability: 0.5"),
        "t.yaml:31:5: threats[1]: a hazard takes events_per_year (events at a rate) or"
            + " probability (once on start_day), not both (threat 'q')");
  }

  @Test
  void hazardRateOrProbabilityOutOfRange_isOneProblem() {
    // the rejected value is still the hazard's choice of form: no "needs events_per_year or
    // probability", no "rate_profile applies only to events at a rate", no start_day remark
    assertProblems(
        with("events_per_year: 0.1", "events_per_year: -0.1\n    rate_profile: heat"),
        "t.yaml:33:22: threats[1].events_per_year: must be >= 0, was -0.1 (threat 'q')");
    assertProblems(
        with("events_per_year: 0.1", "events_per_year: 'often'"),
        "t.yaml:33:22: threats[1].events_per_year: must be a number, was 'often' (threat 'q')");
    assertProblems(
        with("events_per_year: 0.1", "probability: 1.5\n    start_day: 3"),
        "t.yaml:33:18: threats[1].probability: must be <= 1, was 1.5 (threat 'q')");
  }

  @Test
  void partialDamageOfAHazard_concernsOnlyTheSinksItCanLocate() throws Exception {
    String partial =
        with(
            "- {kinds: [subsea-pipeline, source], median: 0.6, beta: 0.5}",
            "- {kinds: [subsea-pipeline, source, sink], median: 0.6, beta: 0.5}\n"
                + "    damage: [{probability: 1, capacity_factor: 0.5}]");
    assertProblems(
        partial,
        "t.yaml:38:48: threats[1].damage[0].capacity_factor: is above 0 but the threat can hit"
            + " sink 'b', which can only be out (partial capacity applies to links, sources,"
            + " storages and junctions with throughput) (threat 'q')");
    // without a location the hazard cannot damage sink b (a warning says so), as for repair_days
    LoadedScenario s =
        TestFiles.load(partial.replace("location: {lat: 59.4, lon: 24.7}", "region: EE"));
    assertEquals(
        List.of(
            "t.yaml:31:5: threats[1]: warning: 1 asset(s) the hazard could damage have no location"
                + " (a link needs both ends located) and are not affected: b (threat 'q')"),
        s.warnings().stream().map(Problem::format).toList());
  }

  @Test
  void hazardTargetsWithoutLocation_areWarnedAbout() throws Exception {
    LoadedScenario ok = TestFiles.load(FULL);
    assertEquals(List.of(), ok.warnings());
    LoadedScenario s = TestFiles.load(with("location: {lat: 60.0, lon: 24.0}", "region: FI"));
    List<String> lines = s.warnings().stream().map(Problem::format).toList();
    // source a and link l (its end a has no location) can be damaged by kind but not located
    assertEquals(
        List.of(
            "t.yaml:31:5: threats[1]: warning: 2 asset(s) the hazard could damage have no location"
                + " (a link needs both ends located) and are not affected: a, l (threat 'q')"),
        lines);
  }
}
