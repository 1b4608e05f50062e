package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A replay is the engine itself: its metrics equal the study's trial bit for bit, it reports every
 * day, and decision branches keep the days before the decision and common random numbers.
 */
class TrialReplayTest {
  static final long SEED = 1;

  /** Records every event and a copy of every day's state. */
  static final class Recording implements TrialObserver {
    final List<TrialEvent> events = new ArrayList<>();
    final List<double[]> served = new ArrayList<>();
    final List<double[]> unserved = new ArrayList<>();
    final List<double[]> inventory = new ArrayList<>();
    final List<double[]> factors = new ArrayList<>();
    final List<double[]> inoperability = new ArrayList<>();
    final List<Integer> days = new ArrayList<>();

    @Override
    public void event(TrialEvent e) {
      events.add(e);
    }

    @Override
    public void day(DayState s) {
      days.add(s.day());
      double[] sv = new double[s.sinkCount()];
      double[] un = new double[s.sinkCount()];
      for (int k = 0; k < sv.length; k++) {
        sv[k] = s.sinkServed(k);
        un[k] = s.sinkUnserved(k);
      }
      served.add(sv);
      unserved.add(un);
      double[] inv = new double[s.storageCount()];
      for (int i = 0; i < inv.length; i++) {
        inv[i] = s.storageInventory(i);
      }
      inventory.add(inv);
      double[] f = new double[s.assetCount()];
      for (int a = 0; a < f.length; a++) {
        f[a] = s.capacityFactor(a);
      }
      factors.add(f);
      double[] q = new double[s.sectorCount()];
      for (int i = 0; i < q.length; i++) {
        q[i] = s.sectorInoperability(i);
      }
      inoperability.add(q);
    }
  }

  static List<Path> examples() throws IOException {
    try (Stream<Path> s = Files.list(Path.of("scenarios"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static LoadedScenario decisions() throws Exception {
    return ScenarioLoader.load(
        Path.of(TrialReplayTest.class.getResource("/exercise/decisions.yaml").toURI()));
  }

  static void assertSameMetrics(TrialMetrics expected, TrialMetrics actual, String what) {
    assertArrayEquals(expected.values(), actual.values(), 0.0, what);
    assertArrayEquals(
        expected.unservedVolumeByCommodity(), actual.unservedVolumeByCommodity(), 0.0, what);
    assertArrayEquals(expected.personDaysByCommodity(), actual.personDaysByCommodity(), 0.0, what);
    assertArrayEquals(
        expected.peakInoperabilityBySector(), actual.peakInoperabilityBySector(), 0.0, what);
    assertArrayEquals(expected.indirectLossBySector(), actual.indirectLossBySector(), 0.0, what);
  }

  static TrialMetrics studyTrial(StudyResult r, int k) {
    double[] v = new double[Metric.values().length];
    for (Metric m : Metric.values()) {
      v[m.ordinal()] = r.values(m)[k];
    }
    double[] u = new double[r.unservedVolume().length];
    for (int c = 0; c < u.length; c++) {
      u[c] = r.unservedVolume()[c][k];
    }
    double[] pd = new double[r.personDays().length];
    for (int c = 0; c < pd.length; c++) {
      pd[c] = r.personDays()[c][k];
    }
    double[] p = new double[r.peakInoperability().length];
    double[] q = new double[p.length];
    for (int s = 0; s < p.length; s++) {
      p[s] = r.peakInoperability()[s][k];
      q[s] = r.sectorIndirectLoss()[s][k];
    }
    return new TrialMetrics(v, u, pd, p, q);
  }

  @Test
  void replayOfRandomTrialsOfEveryExample_equalsTheStudyRowBitForBit() throws Exception {
    List<Path> files = examples();
    assertTrue(files.size() >= 4, "the examples are there");
    SplittableRandom pick = new SplittableRandom(2026);
    int trials = 400;
    for (Path f : files) {
      Scenario s = ScenarioLoader.load(f).baseline();
      StudyResult study = MonteCarlo.run(s, RunOptions.of(trials, SEED, 2));
      TrialReplay replay = new TrialReplay(s);
      double[] loss = study.values(Metric.ECONOMIC_LOSS);
      int worst = 0;
      for (int k = 1; k < trials; k++) {
        worst = loss[k] > loss[worst] ? k : worst;
      }
      List<Integer> chosen = new ArrayList<>(List.of(worst, 0));
      for (int i = 0; i < 6; i++) {
        chosen.add(pick.nextInt(trials));
      }
      boolean anyLoss = false;
      for (int k : chosen) {
        Recording rec = new Recording();
        TrialMetrics m = replay.replay(SEED, k, rec);
        assertSameMetrics(studyTrial(study, k), m, f.getFileName() + " trial " + k);
        assertEquals(s.horizonDays(), rec.days.size(), "one state per day");
        for (int d = 0; d < rec.days.size(); d++) {
          assertEquals(d, rec.days.get(d), "days in order");
        }
        // the reported days add up to the trial's unserved volume (different summation order)
        double sum = 0;
        for (double[] day : rec.unserved) {
          for (double x : day) {
            sum += x;
          }
        }
        double total = 0;
        for (double x : m.unservedVolumeByCommodity()) {
          total += x;
        }
        assertEquals(total, sum, 1e-9 * Math.max(1, total), f + " trial " + k);
        anyLoss |= m.get(Metric.ECONOMIC_LOSS) > 0;
      }
      assertTrue(anyLoss, f + ": the chosen trials include one with a loss");
    }
  }

  @Test
  void replay_reportsHitsRepairsAndRestorationsConsistentWithTheDailyStates() throws Exception {
    Scenario s = decisions().baseline();
    TrialReplay replay = new TrialReplay(s);
    int checkedHits = 0;
    for (int k = 0; k < 60; k++) {
      Recording rec = new Recording();
      replay.replay(SEED, k, rec);
      for (TrialEvent e : rec.events) {
        if (e.type() != TrialEvent.Type.HIT || e.endDay() <= e.day()) {
          continue;
        }
        int a = assetIndex(s, e.asset());
        for (int d = e.day(); d < Math.min(e.endDay(), s.horizonDays()); d++) {
          assertEquals(0.0, rec.factors.get(d)[a], "trial " + k + " " + e + " out on day " + d);
        }
        checkedHits++;
      }
      for (TrialEvent e : rec.events) {
        if (e.type() == TrialEvent.Type.RESTORED) {
          int a = assetIndex(s, e.asset());
          assertEquals(1.0, rec.factors.get(e.day())[a], "back on the day of " + e);
          assertEquals(0.0, rec.factors.get(e.day() - 1)[a], "out the day before " + e);
        }
      }
      // every attempt is followed by a hit or a miss of the same threat
      for (int i = 0; i < rec.events.size(); i++) {
        if (rec.events.get(i).type() == TrialEvent.Type.ATTEMPT) {
          TrialEvent next = rec.events.get(i + 1);
          assertTrue(
              next.type() == TrialEvent.Type.HIT || next.type() == TrialEvent.Type.MISS,
              "attempt then hit or miss: " + next);
          assertEquals(rec.events.get(i).threat(), next.threat());
        }
      }
      int lastDay = -1;
      for (TrialEvent e : rec.events) {
        assertTrue(e.day() >= lastDay, "events in day order");
        lastDay = e.day();
      }
    }
    assertTrue(checkedHits > 10, "the scenario has hits to check: " + checkedHits);
  }

  static int assetIndex(Scenario s, String id) {
    for (int n = 0; n < s.nodes().size(); n++) {
      if (s.nodes().get(n).id().equals(id)) {
        return n;
      }
    }
    for (int l = 0; l < s.links().size(); l++) {
      if (s.links().get(l).id().equals(id)) {
        return s.nodes().size() + l;
      }
    }
    throw new AssertionError("no asset " + id);
  }

  @Test
  void noOpDecision_givesTheBaselineTotalsOnEveryDay() throws Exception {
    LoadedScenario loaded = decisions();
    TrialReplay base = new TrialReplay(loaded.baseline());
    for (String noOp : List.of("same-values", "idle-asset")) {
      TrialReplay patched = new TrialReplay(loaded.variant(List.of(noOp)));
      for (int k = 0; k < 40; k++) {
        TrialMetrics b = base.replay(SEED, k, null);
        for (int day : new int[] {0, 7, 33, 59}) {
          TrialMetrics x = patched.branchFrom(base, SEED, k, day, null);
          assertSameMetrics(b, x, noOp + " from day " + day + ", trial " + k);
        }
      }
    }
  }

  @Test
  void decisionOnDayZero_equalsTheTrialOfThePatchedScenario() throws Exception {
    LoadedScenario loaded = decisions();
    TrialReplay base = new TrialReplay(loaded.baseline());
    for (String id : List.of("bigger-store", "faster-repair", "second-line", "fewer-attacks")) {
      Scenario mitigated = loaded.variant(List.of(id));
      StudyResult study = MonteCarlo.run(mitigated, RunOptions.of(60, SEED, 1));
      TrialReplay patched = new TrialReplay(mitigated);
      boolean anyDifferent = false;
      for (int k = 0; k < 60; k++) {
        TrialMetrics x = patched.branchFrom(base, SEED, k, 0, null);
        assertSameMetrics(studyTrial(study, k), x, id + " trial " + k);
        anyDifferent |=
            x.get(Metric.ECONOMIC_LOSS) != base.replay(SEED, k, null).get(Metric.ECONOMIC_LOSS);
      }
      assertTrue(anyDifferent, id + " changes some trial (else the test proves nothing)");
    }
  }

  @Test
  void daysBeforeTheDecision_areIdenticalToTheBaseline_andLaterDaysMayDiffer() throws Exception {
    LoadedScenario loaded = decisions();
    TrialReplay base = new TrialReplay(loaded.baseline());
    int changedAfter = 0;
    for (String id : List.of("bigger-store", "faster-repair", "second-line", "fewer-attacks")) {
      TrialReplay patched = new TrialReplay(loaded.variant(List.of(id)));
      for (int k = 0; k < 30; k++) {
        Recording b = new Recording();
        base.replay(SEED, k, b);
        for (int day : new int[] {1, 15, 40}) {
          Recording x = new Recording();
          patched.branchFrom(base, SEED, k, day, x);
          assertEquals(b.days.size(), x.days.size());
          for (int d = 0; d < day; d++) {
            assertArrayEquals(b.served.get(d), x.served.get(d), 0.0, id + " day " + d);
            assertArrayEquals(b.inventory.get(d), x.inventory.get(d), 0.0, id + " day " + d);
            assertArrayEquals(
                b.inoperability.get(d), x.inoperability.get(d), 0.0, id + " day " + d);
          }
          List<TrialEvent> before = b.events.stream().filter(e -> e.day() < day).toList();
          List<TrialEvent> branchBefore = x.events.stream().filter(e -> e.day() < day).toList();
          assertEquals(before, branchBefore, id + " events before day " + day);
          for (int d = day; d < b.days.size(); d++) {
            if (!java.util.Arrays.equals(b.served.get(d), x.served.get(d))
                || !java.util.Arrays.equals(b.inventory.get(d), x.inventory.get(d))) {
              changedAfter++;
              break;
            }
          }
        }
      }
    }
    assertTrue(changedAfter > 0, "some decision changes some later day");
  }

  @Test
  void biggerStore_addsTheDifferenceOnTheDecisionDay() throws Exception {
    LoadedScenario loaded = decisions();
    TrialReplay base = new TrialReplay(loaded.baseline());
    TrialReplay patched = new TrialReplay(loaded.variant(List.of("bigger-store")));
    // trial 0, decision on day 5: before the day the baseline's inventory; on the day the patched
    // storage gets 140 - 100 = 40 more (capacity 150), so the day ends with at least the baseline's
    // end-of-day inventory (a fuller store never gives less)
    Recording b = new Recording();
    base.replay(SEED, 0, b);
    Recording x = new Recording();
    patched.branchFrom(base, SEED, 0, 5, x);
    assertEquals(b.inventory.get(4)[0], x.inventory.get(4)[0], 0.0);
    assertTrue(x.inventory.get(5)[0] >= b.inventory.get(5)[0]);
    assertTrue(
        x.inventory.get(5)[0] > b.inventory.get(5)[0] || b.inventory.get(5)[0] >= 150 - 1e-9,
        "the delivery shows unless the store was full anyway");
  }

  /**
   * One sink whose demand profile (3, then 1) or rate a decision on day 1 changes; the link is
   * halved on day 3 only, so the sink loses 10 on day 0 (demand 30, capacity 20) and 5 on day 3
   * when its demand is 10.
   */
  private static final String PROFILED =
      """
      format: corridor-risk/v1
      name: profiled-decision
      horizon_days: 4
      commodities:
        - {id: gas, unit: mcm/d}
      profiles:
        - id: p
          steps: [{from_day: 0, factor: 3.0}, {from_day: 1, factor: 1.0}]
      nodes:
        - {id: s, kind: source, commodity: gas, supply: 100}
        - {id: c, kind: sink, commodity: gas, demand: 10, demand_profile: p}
      links:
        - {id: l, from: s, to: c, commodity: gas, capacity: 20}
      threats:
        - id: q
          model: independent
          probability: 1.0
          start_day: 3
          targets: {links: [l]}
          damage:
            - {probability: 1.0, capacity_factor: 0.5}
          repair_days: {dist: fixed, value: 1}
      mitigations:
        - id: flat
          cost: 1
          changes:
            - {profile: p, set: {steps: [{from_day: 0, factor: 1.0}]}}
        - id: half
          cost: 1
          changes:
            - {node: c, set: {demand: 5}}
      """;

  @Test
  void decisionChangingDemand_dividesByTheDemandOfTheDaysEachScenarioRan() throws Exception {
    LoadedScenario loaded =
        ScenarioLoader.parse(
            "profiled.yaml", PROFILED.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    TrialReplay base = new TrialReplay(loaded.baseline());
    int u = Metric.UNSERVED_FRACTION.ordinal();
    TrialMetrics baseline = base.replay(SEED, 0, null);
    // days: demand 30, 10, 10, 10; unserved 10, 0, 0, 0 (day 3: capacity 10 serves all 10)
    assertEquals(10.0 / 60, baseline.values()[u], 1e-12);
    // flat from day 1: the same days as the baseline (the profile is 1 from day 1 anyway)
    TrialMetrics flat =
        new TrialReplay(loaded.variant(List.of("flat"))).branchFrom(base, SEED, 0, 1, null);
    assertEquals(baseline.values()[u], flat.values()[u], 1e-12);
    // demand 5 from day 1: days 30, 5, 5, 5, unserved 10 on day 0 only
    TrialMetrics half =
        new TrialReplay(loaded.variant(List.of("half"))).branchFrom(base, SEED, 0, 1, null);
    assertEquals(10.0 / 45, half.values()[u], 1e-12);
    // decided on day 0: the trial of the patched scenario, its own demand throughout
    TrialReplay flatReplay = new TrialReplay(loaded.variant(List.of("flat")));
    TrialMetrics flatTrial = flatReplay.replay(SEED, 0, null);
    assertSameMetrics(flatTrial, flatReplay.branchFrom(base, SEED, 0, 0, null), "flat on day 0");
  }

  @Test
  void decisionDayOutsideTheHorizon_isRejected() throws Exception {
    LoadedScenario loaded = decisions();
    TrialReplay base = new TrialReplay(loaded.baseline());
    TrialReplay patched = new TrialReplay(loaded.variant(List.of("bigger-store")));
    assertThrows(IllegalArgumentException.class, () -> patched.branchFrom(base, 1, 0, 60, null));
    assertThrows(IllegalArgumentException.class, () -> patched.branchFrom(base, 1, 0, -1, null));
    assertFalse(loaded.baseline().horizonDays() > 60);
  }

  /** Pipe hit by threat "long" on day 2 (repair 10: back on 12), then by "second" on day 5. */
  private static List<TrialEvent> twoHits(String secondRepair, String crews) {
    String yaml =
        """
        format: corridor-risk/v1
        name: two-hits
        horizon_days: 30
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 10}
        threats:
          - {id: long, model: independent, probability: 1, start_day: 2, targets: {links: [pipe]},
             repair_days: {dist: fixed, value: 10}}
          - {id: second, model: independent, probability: 1, start_day: 5, targets: {links: [pipe]},
             repair_days: {dist: fixed, value: %s}}
        %s
        """
            .formatted(secondRepair, crews);
    Recording rec = new Recording();
    new TrialReplay(Yaml.load(yaml).baseline()).replay(SEED, 0, rec);
    return rec.events;
  }

  private static TrialEvent only(List<TrialEvent> events, TrialEvent.Type type, String threat) {
    List<TrialEvent> found =
        events.stream()
            .filter(e -> e.type() == type && (threat == null || threat.equals(e.threat())))
            .toList();
    assertEquals(1, found.size(), type + " " + threat + " in " + events);
    return found.get(0);
  }

  @Test
  void aSecondHitThatEndsEarlier_isNotExtended_andTheRestorationNamesTheFirstThreat() {
    for (String crews :
        List.of("", "repair_crews: [{id: crew, count: 1, serves: {links: [pipe]}}]")) {
      List<TrialEvent> events = twoHits("2", crews);
      TrialEvent second = only(events, TrialEvent.Type.HIT, "second");
      assertFalse(second.details().containsKey("extended"), crews + ": " + second);
      TrialEvent restored = only(events, TrialEvent.Type.RESTORED, null);
      assertEquals(12, restored.day(), crews);
      assertEquals("long", restored.threat(), crews + ": the outage that ended is long's");
    }
  }

  @Test
  void aSecondHitThatEndsLater_isExtended_andTheRestorationNamesIt() {
    for (String crews :
        List.of("", "repair_crews: [{id: crew, count: 1, serves: {links: [pipe]}}]")) {
      List<TrialEvent> events = twoHits("20", crews);
      TrialEvent second = only(events, TrialEvent.Type.HIT, "second");
      assertEquals(true, second.details().get("extended"), crews + ": " + second);
      TrialEvent restored = only(events, TrialEvent.Type.RESTORED, null);
      assertEquals(25, restored.day(), crews);
      assertEquals("second", restored.threat(), crews);
    }
  }

  /**
   * Pipe at half capacity from day 2 to 22 ("long"), hit harder on day 5 ("deep": a fifth for 3
   * days, then {@code deepStages}).
   */
  private static String shallowThenDeep(String deepStages) {
    return """
        format: corridor-risk/v1
        name: shallow-then-deep
        horizon_days: 30
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 10}
        threats:
          - id: long
            model: independent
            probability: 1
            start_day: 2
            targets: {links: [pipe]}
            repair_days: {dist: fixed, value: 20}
            damage:
              - {probability: 1, capacity_factor: 0.5}
          - id: deep
            model: independent
            probability: 1
            start_day: 5
            targets: {links: [pipe]}
            repair_days: {dist: fixed, value: 3}
            damage:
              - {probability: 1, capacity_factor: 0.2%s}
        """
        .formatted(deepStages);
  }

  /** The restorations of {@code events} as "day threat factor". */
  private static List<String> restorations(List<TrialEvent> events) {
    return events.stream()
        .filter(e -> e.type() == TrialEvent.Type.RESTORED)
        .map(e -> e.day() + " " + e.threat() + " " + e.capacityFactor())
        .toList();
  }

  @Test
  void theEndOfAShorterDeeperHit_namesThatHit_andTheFullRestorationTheLongOne() throws Exception {
    Recording rec = new Recording();
    new TrialReplay(Yaml.load(shallowThenDeep("")).baseline()).replay(SEED, 0, rec);
    assertEquals(List.of("8 deep 0.5", "22 long 1.0"), restorations(rec.events));

    String stages = ", restoration: [{capacity_factor: 0.3, days: {dist: fixed, value: 2}}]";
    rec = new Recording();
    new TrialReplay(Yaml.load(shallowThenDeep(stages)).baseline()).replay(SEED, 0, rec);
    assertEquals(List.of("8 deep 0.3", "10 deep 0.5", "22 long 1.0"), restorations(rec.events));
  }

  /**
   * One crew serves the pipe. "severed" cuts it (repair 10, then a stage at half capacity for 5
   * days); "dented" hits it at 0.3 with a 15-day repair. Both hits make one job, which carries
   * severed's damage (the smaller factor) and is followed by severed's stage.
   */
  private static String crewStages(int severedDay, int dentedDay) {
    return """
        format: corridor-risk/v1
        name: crew-stages
        horizon_days: 40
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 10}
        threats:
          - id: severed
            model: independent
            probability: 1
            start_day: %d
            targets: {links: [pipe]}
            repair_days: {dist: fixed, value: 10}
            damage:
              - {probability: 1, capacity_factor: 0.0,
                 restoration: [{capacity_factor: 0.5, days: {dist: fixed, value: 5}}]}
          - id: dented
            model: independent
            probability: 1
            start_day: %d
            targets: {links: [pipe]}
            repair_days: {dist: fixed, value: 15}
            damage:
              - {probability: 1, capacity_factor: 0.3}
        repair_crews: [{id: crew, count: 1, serves: {links: [pipe]}}]
        """
        .formatted(severedDay, dentedDay);
  }

  @Test
  void withACrew_aPartialRestorationNamesTheHitWhoseDamageEnded_notTheOneThatSetTheJobsEnd()
      throws Exception {
    Recording rec = new Recording();
    new TrialReplay(Yaml.load(crewStages(2, 4)).baseline()).replay(SEED, 0, rec);
    // severed on day 2, dented on day 4 moves the job's end to 19: on day 19 the job (at severed's
    // factor 0) ends and severed's stage begins; on day 24 the pipe is fully back, named by the hit
    // that set the outage's last end (dented moved it from 17 to 24)
    assertEquals(List.of("19 severed 0.5", "24 dented 1.0"), restorations(rec.events));
  }

  @Test
  void withACrew_aDecisionBranchKeepsWhichHitTheJobsDamageIsFrom() throws Exception {
    // severed first (it also opened the job), and dented first (severed's deeper hit on day 4
    // takes over a job dented opened; the job ends on day 17)
    Map<String, List<String>> cases =
        Map.of(
            crewStages(2, 4), List.of("19 severed 0.5", "24 dented 1.0"),
            crewStages(4, 2), List.of("17 severed 0.5", "22 severed 1.0"));
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      TrialReplay base = new TrialReplay(Yaml.load(c.getKey()).baseline());
      // the same crew, and (from the decision on) one that no longer serves the pipe: the job in
      // progress then becomes a plain outage of the same days
      String noCrew = c.getKey().replace("serves: {links: [pipe]}", "serves: {nodes: [city]}");
      for (String branch : List.of(c.getKey(), noCrew)) {
        for (int day : new int[] {6, 20}) {
          Recording rec = new Recording();
          new TrialReplay(Yaml.load(branch).baseline()).branchFrom(base, SEED, 0, day, rec);
          assertEquals(
              c.getValue(),
              restorations(rec.events),
              "decision on day " + day + (branch == noCrew ? " without the crew" : ""));
        }
      }
    }
  }

  @Test
  void aDecisionBranch_keepsWhichHitEachOutageSegmentIsFrom() throws Exception {
    LoadedScenario loaded = Yaml.load(shallowThenDeep(""));
    TrialReplay base = new TrialReplay(loaded.baseline());
    Recording rec = new Recording();
    new TrialReplay(loaded.baseline()).branchFrom(base, SEED, 0, 6, rec);
    assertEquals(List.of("8 deep 0.5", "22 long 1.0"), restorations(rec.events));
  }

  /**
   * A branch that changes nothing tells the baseline's story on every decision day, the decision
   * day's own events included: an outage that ends on the decision day is a {@code restored} event
   * of that day in the branch too (the hand-over used to set the asset up without saying so, so the
   * branch's events from that day lacked the restoration).
   */
  @Test
  void aNoOpDecisionOnAnyDay_reportsTheBaselinesEvents_restorationsOnTheDecisionDayIncluded()
      throws Exception {
    String stages = ", restoration: [{capacity_factor: 0.3, days: {dist: fixed, value: 2}}]";
    Map<String, Integer> horizons =
        Map.of(
            shallowThenDeep(""), 30,
            shallowThenDeep(stages), 30,
            crewStages(2, 4), 40,
            crewStages(4, 2), 40);
    for (Map.Entry<String, Integer> c : horizons.entrySet()) {
      LoadedScenario loaded = Yaml.load(c.getKey());
      TrialReplay base = new TrialReplay(loaded.baseline());
      Recording b = new Recording();
      base.replay(SEED, 0, b);
      assertFalse(restorations(b.events).isEmpty(), "the case has restorations");
      TrialReplay same = new TrialReplay(loaded.baseline());
      for (int day = 0; day < c.getValue(); day++) {
        Recording x = new Recording();
        same.branchFrom(base, SEED, 0, day, x);
        assertEquals(b.events, x.events, "decision on day " + day);
      }
    }
  }
}
