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
}
