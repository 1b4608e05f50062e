package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.junit.jupiter.api.Test;

/**
 * The max-damage attacker takes a target whose hit group carries nothing today at the day's own
 * loss, without a solve ({@link MaxDamageChoice}): it still hits the costliest target, the first in
 * target order among equals, and chooses as the full evaluation (a solve per target) does.
 */
class MaxDamageSkipTest {

  /** One attempt a day, always successful, on the given targets. */
  private static Threat planner(TargetSpec targets) {
    return Threat.poisson("planner", 365, 1.0, new RepairTime.Fixed(100), targets)
        .with(Selection.MAX_DAMAGE, false);
  }

  /** The targets of the planner's attempts in trial 0 (the asset each attempt hits). */
  private static List<String> hits(TrialRunner runner) {
    List<String> hits = new ArrayList<>();
    runner.replayTrial(
        5,
        0,
        new TrialObserver() {
          @Override
          public void event(TrialEvent e) {
            if (e.type() == TrialEvent.Type.ATTEMPT && e.threat().equals("planner")) {
              hits.add(e.asset());
            }
          }
        });
    return hits;
  }

  @Test
  void anIdleTargetListedFirstLosesToOneThatCarriesFlow() {
    // "spur" feeds a dead end (nothing flows on it); "main" carries the city's 10 units a day
    Scenario s =
        Build.horizon(3)
            .source("src", 20)
            .junction("dead-end")
            .node(Node.sink("city", "gas", 10).withSinkDetails(1, 0, 50, null))
            .link("spur", "src", "dead-end", 10)
            .link("main", "src", "city", 10)
            .threat(planner(TargetSpec.ofLinks("spur", "main")))
            .scenario();
    StudyModel model = new StudyModel(s);
    TrialRunner runner = new TrialRunner(model, model.baseline);
    List<String> hits = hits(runner);
    assertTrue(!hits.isEmpty(), "no attempt");
    // the first attempt takes "main" (a loss of 500 against none); later ones only "spur" is up
    assertEquals("main", hits.get(0));
    assertTrue(runner.maxDamageSkips > 0, "the idle spur was solved");
  }

  @Test
  void whenNothingCarriesFlowTheFirstTargetIsHit() {
    // both spurs and the idle source carry nothing: every candidate costs the day's own loss
    Scenario s =
        Build.horizon(2)
            .source("src", 20)
            .source("spare", 5)
            .junction("end-a")
            .junction("end-b")
            .sink("city", 10)
            .link("main", "src", "city", 10)
            .link("spur-b", "src", "end-b", 10)
            .link("spur-a", "src", "end-a", 10)
            .link("spare-out", "spare", "end-a", 5)
            .threat(
                planner(
                    new TargetSpec(
                        List.of("spur-b", "spur-a"), List.of("spare"), null, null, null)))
            .scenario();
    StudyModel model = new StudyModel(s);
    TrialRunner runner = new TrialRunner(model, model.baseline);
    List<String> hits = hits(runner);
    assertTrue(!hits.isEmpty(), "no attempt");
    assertEquals(model.plan.threats[0].targets.length, 3);
    String first = assetName(model, model.plan.threats[0].targets[0]);
    assertEquals(first, hits.get(0));
    // the first attempt alone judged all three without a solve
    assertTrue(runner.maxDamageSkips >= 3, "skipped " + runner.maxDamageSkips);
  }

  @Test
  void candidatesSeeAJunctionLimitCutByDamage() {
    // "hub" passes 10 a day, halved on day 0 for good: "rich" (value 10) then gets 5 of its 10.
    // Out with "a": rich loses 10 (100); out with "b": poor (value 6) loses 10 more (50 + 60).
    // Judged at the nominal limit (10), "a" would look costlier (100 against 60).
    String yaml =
        """
        format: corridor-risk/v1
        name: hub-limit
        horizon_days: 3
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 30}
          - {id: hub, kind: junction, commodity: gas, throughput: 10}
          - {id: rich, kind: sink, commodity: gas, demand: 10, value_of_lost_load: 10}
          - {id: poor, kind: sink, commodity: gas, demand: 10, value_of_lost_load: 6}
        links:
          - {id: in, from: src, to: hub, commodity: gas, capacity: 20}
          - {id: a, from: hub, to: rich, commodity: gas, capacity: 20}
          - {id: b, from: src, to: poor, commodity: gas, capacity: 20}
        threats:
          - id: wear
            model: independent
            probability: 1
            targets: {nodes: [hub]}
            damage: [{probability: 1, capacity_factor: 0.5}]
            repair_days: {dist: fixed, value: 100}
          - id: planner
            model: poisson
            events_per_year: 365
            success_probability: 1
            selection: max-damage
            targets: {links: [a, b]}
            repair_days: {dist: fixed, value: 100}
        """;
    StudyModel model = new StudyModel(Yaml.load(yaml).baseline());
    List<String> hits = hits(new TrialRunner(model, model.baseline));
    assertTrue(!hits.isEmpty(), "no attempt");
    assertEquals("b", hits.get(0));
  }

  private static String assetName(StudyModel model, int asset) {
    return asset < model.nodeCount
        ? model.net.nodeId(asset)
        : model.net.linkId(asset - model.nodeCount);
  }

  /**
   * Random small networks (fixed seeds) under both sharing rules, with priorities, storages,
   * junction limits, link costs, corridors with common mode and partial damage from a second
   * threat: at every attempt whose full evaluation has a best loss ahead of all others by a clear
   * margin, the attacker with the skip hits the same target.
   */
  @Test
  void choosesAsTheFullEvaluationWhenItsBestIsClear() {
    int compared = 0;
    int idleCompared = 0;
    long skipped = 0;
    for (int seed = 1; seed <= 48; seed++) {
      Scenario s = Yaml.load(randomNetwork(seed)).baseline();
      StudyModel model = new StudyModel(s);
      TrialRunner skip = new TrialRunner(model, model.baseline);
      TrialRunner full = new TrialRunner(model, model.baseline);
      full.fullMaxDamage = true;
      for (int k = 0; k < 6; k++) {
        List<Scan> a = scans(skip, k);
        List<Scan> b = scans(full, k);
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
          String where = "seed " + seed + " trial " + k + " attempt " + i;
          Scan got = a.get(i);
          Scan want = b.get(i);
          if (s.sharing() == Sharing.FAIR) {
            // a target judged without a solve costs what its solve gives (the fair split is unique)
            for (int pos = 0; pos < got.idle.length; pos++) {
              if (got.idle[pos]) {
                double tol = 1e-9 * Math.max(1, Math.abs(want.loss[pos]));
                assertEquals(want.loss[pos], got.loss[pos], tol, where + " target " + pos);
                idleCompared++;
              }
            }
          }
          boolean clear =
              want.bestLoss - want.runnerUp > 1e-6 * Math.max(1, Math.abs(want.bestLoss));
          if (clear) {
            assertEquals(want.best, got.best, where);
            compared++;
          } else if (want.best != got.best) {
            break; // the trials go apart from here
          }
        }
      }
      skipped += skip.maxDamageSkips;
      assertEquals(0, full.maxDamageSkips);
    }
    assertTrue(compared > 300, "compared " + compared);
    assertTrue(idleCompared > 3000, "idle targets compared " + idleCompared);
    assertTrue(skipped > 3000, "skipped " + skipped);
  }

  /** One scan of the planner: its choice, the choice's and the runner-up's loss, per target. */
  private record Scan(int best, double bestLoss, double runnerUp, double[] loss, boolean[] idle) {}

  /** The planner's scans in trial {@code k}, read at the attempt each one chose. */
  private static List<Scan> scans(TrialRunner runner, int k) {
    List<Scan> out = new ArrayList<>();
    runner.replayTrial(
        9,
        k,
        new TrialObserver() {
          @Override
          public void event(TrialEvent e) {
            if (e.type() == TrialEvent.Type.ATTEMPT && e.threat().equals("planner")) {
              MaxDamageChoice c = runner.maxDamageChoice();
              out.add(
                  new Scan(
                      c.best(),
                      c.bestLoss(),
                      c.runnerUpLoss(),
                      c.lossAt.clone(),
                      c.idleAt.clone()));
            }
          }
        });
    return out;
  }

  /** A random network of a few sources, junctions, sinks and a storage, as scenario text. */
  static String randomNetwork(int seed) {
    Random r = new Random(seed);
    boolean fair = seed % 2 == 0;
    boolean costs = seed % 3 == 0;
    int sources = 1 + r.nextInt(3);
    int junctions = 2 + r.nextInt(3);
    int sinks = 2 + r.nextInt(3);
    boolean storage = r.nextBoolean();
    boolean power = seed % 3 == 1;
    StringBuilder y = new StringBuilder();
    y.append("format: corridor-risk/v1\nname: random\nhorizon_days: 40\n");
    y.append(power ? "commodities: [{id: gas}, {id: power}]\n" : "commodities: [{id: gas}]\n");
    y.append("sharing: ").append(fair ? "fair" : "any").append('\n');
    y.append("nodes:\n");
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < sources; i++) {
      y.append(f("  - {id: s%d, kind: source, commodity: gas, supply: %.3f}\n", i, num(r, 4, 20)));
      targets.add("s" + i);
    }
    for (int i = 0; i < junctions; i++) {
      String limit = r.nextInt(3) == 0 ? f(", throughput: %.3f", num(r, 3, 15)) : "";
      y.append(f("  - {id: j%d, kind: junction, commodity: gas%s}\n", i, limit));
      targets.add("j" + i);
    }
    y.append("  - {id: end, kind: junction, commodity: gas}\n");
    for (int i = 0; i < sinks; i++) {
      y.append(
          f(
              "  - {id: k%d, kind: sink, commodity: gas, demand: %.3f, priority: %d,"
                  + " value_of_lost_load: %.3f, population: %d}\n",
              i, num(r, 1, 10), 1 + r.nextInt(2), num(r, 1, 100), r.nextInt(1000)));
    }
    targets.add("k0");
    if (storage) {
      double capacity = num(r, 10, 40);
      y.append(
          f(
              "  - {id: st, kind: storage, commodity: gas, inventory: %.3f, max_withdrawal: %.3f,"
                  + " capacity: %.3f, max_injection: %.3f}\n",
              capacity / 2, num(r, 1, 6), capacity, num(r, 1, 4)));
      targets.add("st");
    }
    if (power) {
      // a power plant fed by sink k0, an idle spare plant, and a town
      y.append(f("  - {id: plant, kind: source, commodity: power, supply: %.3f}\n", num(r, 5, 15)));
      y.append("  - {id: spare, kind: source, commodity: power, supply: 5}\n");
      y.append("  - {id: grid-end, kind: junction, commodity: power}\n");
      y.append(
          f(
              "  - {id: town, kind: sink, commodity: power, demand: %.3f, value_of_lost_load: %.3f}\n",
              num(r, 3, 10), num(r, 1, 100)));
      targets.add("plant");
      targets.add("spare");
    }
    y.append("links:\n");
    int[] n = {0};
    StringBuilder links = new StringBuilder();
    java.util.function.BiConsumer<String, String> link =
        (from, to) -> {
          String id = "l" + n[0]++;
          String extra = r.nextInt(3) == 0 ? ", directed: false" : "";
          if (costs) {
            extra += f(", cost_per_unit: %.3f", num(r, 0, 3));
          }
          if (r.nextInt(4) == 0) {
            extra += ", corridor: row" + r.nextInt(2);
          }
          links.append(
              f(
                  "  - {id: %s, from: %s, to: %s, commodity: gas, capacity: %.3f%s}\n",
                  id, from, to, num(r, 1, 15), extra));
          targets.add(id);
        };
    for (int i = 0; i < junctions; i++) {
      link.accept("s" + r.nextInt(sources), "j" + i);
    }
    for (int i = 0; i < sinks; i++) {
      link.accept("j" + r.nextInt(junctions), "k" + i);
    }
    for (int e = r.nextInt(4); e > 0; e--) {
      int a = r.nextInt(junctions);
      int b = r.nextInt(junctions);
      if (a != b) {
        link.accept("j" + a, "j" + b);
      }
    }
    for (int e = 1 + r.nextInt(2); e > 0; e--) {
      link.accept(r.nextBoolean() ? "s" + r.nextInt(sources) : "j" + r.nextInt(junctions), "end");
    }
    if (storage) {
      link.accept("st", "j" + r.nextInt(junctions));
      link.accept("j" + r.nextInt(junctions), "st");
    }
    if (power) {
      links.append("  - {id: w0, from: plant, to: town, commodity: power, capacity: 20}\n");
      links.append("  - {id: w1, from: spare, to: grid-end, commodity: power, capacity: 5}\n");
      targets.add("w0");
      targets.add("w1");
    }
    y.append(links);
    if (power) {
      y.append("dependencies: [{sink: k0, supports: plant}]\n");
    }
    y.append("threats:\n");
    y.append("  - id: planner\n    model: poisson\n    events_per_year: 200\n");
    y.append("    success_probability: 1\n    selection: max-damage\n");
    y.append("    common_mode: ").append(r.nextBoolean()).append('\n');
    y.append("    targets: {links: [");
    y.append(String.join(", ", targets.stream().filter(MaxDamageSkipTest::isLink).toList()));
    y.append("], nodes: [");
    y.append(String.join(", ", targets.stream().filter(t -> !isLink(t)).toList()));
    y.append("]}\n");
    y.append(f("    repair_days: {dist: fixed, value: %d}\n", 1 + r.nextInt(4)));
    y.append("  - id: wear\n    model: poisson\n    events_per_year: 60\n");
    y.append("    success_probability: 1\n");
    y.append("    targets: {links: [l0, l1]}\n");
    y.append("    damage:\n");
    y.append("      - {probability: 0.5, capacity_factor: 0.5}\n");
    y.append("      - {probability: 0.5, capacity_factor: 0}\n");
    y.append("    repair_days: {dist: fixed, value: 3}\n");
    return y.toString();
  }

  private static boolean isLink(String id) {
    return id.startsWith("l") || id.startsWith("w");
  }

  private static double num(Random r, double lo, double hi) {
    return lo + (hi - lo) * r.nextDouble();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
