package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The flow memo switches itself off for a commodity whose states never recur, stays on where they
 * do, and never changes a result either way.
 */
class FlowCacheTest {

  /**
   * A one-day ladder: 12 rungs and 24 rails between a source and a sink at each end, every link
   * failing with probability 0.5, so two trials almost never fail the same set (2^35 sets).
   */
  private static Scenario oneDayLadder() {
    StringBuilder y = new StringBuilder();
    y.append("format: corridor-risk/v1\nname: ladder\nhorizon_days: 1\n");
    y.append("commodities: [{id: power, unit: MW}]\nnodes:\n");
    y.append("  - {id: src, kind: source, commodity: power, supply: 40}\n");
    for (int i = 0; i < 12; i++) {
      y.append("  - {id: a").append(i).append(", kind: junction, commodity: power}\n");
      y.append("  - {id: b")
          .append(i)
          .append(", kind: sink, commodity: power, demand: 1, value_of_lost_load: ")
          .append(i + 1)
          .append("}\n");
    }
    y.append("links:\n");
    y.append("  - {id: in, from: src, to: a0, commodity: power, capacity: 40}\n");
    for (int i = 0; i < 12; i++) {
      y.append("  - {id: r").append(i).append(", from: a").append(i).append(", to: b").append(i);
      y.append(", commodity: power, capacity: 2, directed: false}\n");
      if (i + 1 < 12) {
        y.append("  - {id: x").append(i).append(", from: a").append(i).append(", to: a");
        y.append(i + 1).append(", commodity: power, capacity: 9, directed: false}\n");
        y.append("  - {id: y").append(i).append(", from: b").append(i).append(", to: b");
        y.append(i + 1).append(", commodity: power, capacity: 1, directed: false}\n");
      }
    }
    y.append("threats:\n  - {id: storm, model: independent, probability: 0.5,");
    y.append(" targets: {kinds: [other]}, repair_days: {dist: fixed, value: 1}}\n");
    return Yaml.load(y.toString()).baseline();
  }

  @Test
  void memo_switchesOffWhereStatesNeverRecur_andResultsStayTheSame() {
    Scenario s = oneDayLadder();
    StudyModel model = new StudyModel(s);
    TrialRunner fast = new TrialRunner(model, model.baseline);
    TrialRunner naive = new TrialRunner(model, model.baseline, true);
    int trials = FlowCache.JUDGE_AFTER + 500;
    for (int k = 0; k < trials; k++) {
      fast.runTrial(3, k);
      naive.runTrial(3, k);
      assertArrayEquals(
          naive.ledger().toTrialMetrics().values(),
          fast.ledger().toTrialMetrics().values(),
          0.0,
          "trial " + k);
      assertArrayEquals(
          naive.ledger().unservedBySink(), fast.ledger().unservedBySink(), 0.0, "trial " + k);
    }
    FlowCache cache = fast.cache();
    assertTrue(
        cache.hits * FlowCache.MIN_HITS_ONE_IN < FlowCache.JUDGE_AFTER, "hits " + cache.hits);
    // every solve is counted, look-ups made and look-ups skipped alike: one per trial (every trial
    // fails some of the 35 links)
    assertEquals(trials, cache.hits + cache.misses, "look-ups counted");
    assertFalse(cache.worthAsking(0), "the memo is still asked");
  }

  @Test
  void memo_staysOnWhereStatesRecur() {
    // 60 days with one link that is often out: the same two states recur every day
    String text =
        "format: corridor-risk/v1\nname: recurring\nhorizon_days: 60\n"
            + "commodities: [{id: gas, unit: mcm/d}]\n"
            + "nodes:\n"
            + "  - {id: s, kind: source, commodity: gas, supply: 10}\n"
            + "  - {id: t, kind: sink, commodity: gas, demand: 8, value_of_lost_load: 1}\n"
            + "links:\n"
            + "  - {id: a, from: s, to: t, commodity: gas, capacity: 5}\n"
            + "  - {id: b, from: s, to: t, commodity: gas, capacity: 5}\n"
            + "threats:\n"
            + "  - {id: sab, model: poisson, events_per_year: 60, success_probability: 1,\n"
            + "     targets: {links: [a]}, repair_days: {dist: fixed, value: 3}}\n";
    StudyModel model = new StudyModel(Yaml.load(text).baseline());
    TrialRunner fast = new TrialRunner(model, model.baseline);
    for (int k = 0; k < 800; k++) {
      fast.runTrial(3, k);
    }
    FlowCache cache = fast.cache();
    assertTrue(cache.hits + cache.misses > FlowCache.JUDGE_AFTER, "too few look-ups to judge");
    assertTrue(cache.worthAsking(0), "the memo was switched off");
    assertTrue(cache.hits > cache.misses, "hits " + cache.hits + ", misses " + cache.misses);
  }

  @Test
  void aPairOfSlotsHoldsTwoStatesAndReplacesTheOneUsedLeastRecently() {
    // a memo of one pair of slots: every key maps to it. Three states of a two-link network:
    // everything up (A), link a down (B), link b down (C)
    String text =
        "format: corridor-risk/v1\nname: pair\nhorizon_days: 1\n"
            + "commodities: [{id: gas, unit: mcm/d}]\n"
            + "nodes:\n"
            + "  - {id: s, kind: source, commodity: gas, supply: 10}\n"
            + "  - {id: t, kind: sink, commodity: gas, demand: 8, value_of_lost_load: 1}\n"
            + "links:\n"
            + "  - {id: a, from: s, to: t, commodity: gas, capacity: 5}\n"
            + "  - {id: b, from: s, to: t, commodity: gas, capacity: 4}\n"
            + "threats:\n"
            + "  - {id: sab, model: poisson, events_per_year: 1, success_probability: 1,\n"
            + "     targets: {links: [a]}, repair_days: {dist: fixed, value: 1}}\n";
    StudyModel model = new StudyModel(Yaml.load(text).baseline());
    FlowCache cache = new FlowCache(model, 2, false);
    org.corridorrisk.network.DayInput[] state = new org.corridorrisk.network.DayInput[3];
    for (int i = 0; i < 3; i++) {
      state[i] = new org.corridorrisk.network.DayInput(model.net);
    }
    state[1].linkUp[model.net.linkIndex("a")] = false;
    state[2].linkUp[model.net.linkIndex("b")] = false;
    org.corridorrisk.network.DayOutput out = new org.corridorrisk.network.DayOutput(model.net);
    double[] cost = new double[1];
    // the served volume stored for each state tells which entry answered
    int sink = model.net.nodeIndex("t");
    // A, B: two misses, stored; then both stay (A and B alternate without a miss)
    int[] order = {0, 1, 0, 1, 0, 1};
    for (int k = 0; k < order.length; k++) {
      boolean hit = look(cache, state[order[k]], out, cost, sink, order[k]);
      assertEquals(k >= 2, hit, "look-up " + k);
    }
    // C misses and replaces the entry used least recently (A, last used before B)
    assertFalse(look(cache, state[2], out, cost, sink, 2));
    assertTrue(look(cache, state[1], out, cost, sink, 1), "B, used most recently, stays");
    assertFalse(look(cache, state[0], out, cost, sink, 0), "A was replaced");
    assertEquals(4, cache.misses);
  }

  /** Looks {@code in} up; on a miss stores a served volume of {@code tag} for it. */
  private static boolean look(
      FlowCache cache,
      org.corridorrisk.network.DayInput in,
      org.corridorrisk.network.DayOutput out,
      double[] cost,
      int sink,
      int tag) {
    if (cache.lookup(0, in, out, cost)) {
      assertEquals(tag, out.served[sink], "the entry of this state answered");
      return true;
    }
    out.served[sink] = tag;
    cache.store(0, out, tag);
    return false;
  }
}
