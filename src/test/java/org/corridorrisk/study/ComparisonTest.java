package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.sim.StudyResult;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static final StudyResult BASE = Synthetic.result(1, 100, 200, 300, 400);

  @Test
  void benefitCostRatio_isMeanEconomicReductionOverCost() {
    // reduction 10 in every trial
    Comparison c =
        Comparison.of(BASE, List.of(Synthetic.run("a", 4, Synthetic.result(1, 90, 190, 290, 390))));
    assertEquals(2.5, c.mitigations().get(0).benefitCostRatio(), 1e-12);
  }

  @Test
  void benefitCostRatio_zeroCost_isNaN() {
    Comparison c =
        Comparison.of(
            BASE, List.of(Synthetic.run("free", 0, Synthetic.result(1, 90, 190, 290, 390))));
    assertTrue(Double.isNaN(c.mitigations().get(0).benefitCostRatio()));
    assertTrue(c.mitigations().get(0).verdict().contains("no cost given"));
  }

  @Test
  void ranking_ordersByBenefitCostRatioWithFreeHelpfulFirst() {
    Comparison c =
        Comparison.of(
            BASE,
            List.of(
                Synthetic.run("cheap", 1, Synthetic.result(1, 99, 199, 299, 399)), // BCR 1
                Synthetic.run("good", 2, Synthetic.result(1, 90, 190, 290, 390)), // BCR 5
                Synthetic.run("free", 0, Synthetic.result(1, 99, 199, 299, 399)), // free, helps
                Synthetic.run("harm", 1, Synthetic.result(1, 101, 201, 301, 401)))); // BCR -1
    assertEquals(
        List.of("free", "good", "cheap", "harm"),
        c.ranking().stream().map(MitigationComparison::id).toList());
    assertEquals("cheap", c.mitigations().get(0).id(), "mitigations keep the given order");
  }

  @Test
  void efficientSet_isParetoFrontierOfCostAndReduction() {
    Comparison c =
        Comparison.of(
            BASE,
            List.of(
                Synthetic.run("a", 1, Synthetic.result(1, 99, 199, 299, 399)), // cost 1, red 1
                Synthetic.run("b", 2, Synthetic.result(1, 90, 190, 290, 390)), // cost 2, red 10
                Synthetic.run(
                    "c",
                    3,
                    Synthetic.result(1, 95, 195, 295, 395)), // cost 3, red 5: dominated by b
                Synthetic.run(
                    "d",
                    1,
                    Synthetic.result(
                        1, 101, 201, 301, 401)))); // harmful: dominated by doing nothing
    List<Boolean> efficient =
        c.mitigations().stream().map(MitigationComparison::efficient).toList();
    assertEquals(List.of(true, true, false, false), efficient);
  }

  @Test
  void of_differentTrialCount_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Comparison.of(BASE, List.of(Synthetic.run("a", 1, Synthetic.result(1, 1, 2, 3)))));
  }

  @Test
  void of_differentSeed_rejected() {
    assertThrows(
        IllegalArgumentException.class,
        () -> Comparison.of(BASE, List.of(Synthetic.run("a", 1, Synthetic.result(2, 1, 2, 3, 4)))));
  }

  @Test
  void of_duplicateIds_rejected() {
    StudyResult r = Synthetic.result(1, 1, 2, 3, 4);
    assertThrows(
        IllegalArgumentException.class,
        () -> Comparison.of(BASE, List.of(Synthetic.run("a", 1, r), Synthetic.run("a", 2, r))));
  }

  @Test
  void verdict_clearReduction_statesPercentIntervalSharesAndRatio() {
    Comparison c =
        Comparison.of(BASE, List.of(Synthetic.run("a", 4, Synthetic.result(1, 90, 180, 270, 360))));
    // relative reduction 10% in every trial of 4: the interval collapses to 10-10%, which bounds
    // nothing (it read "95% CI 10-10%"); BCR 25 / 4 = 6.25
    assertEquals(
        "reduces expected person-days without service by 10% (no 95% interval: too few trials),"
            + " better in every trial, "
            + "never worse; BCR 6.3",
        c.mitigations().get(0).verdict());
  }

  @Test
  void verdict_noOp_saysNoEffect() {
    Comparison c = Comparison.of(BASE, List.of(Synthetic.run("a", 4, BASE)));
    assertTrue(
        c.mitigations().get(0).verdict().startsWith("changes no trial"),
        c.mitigations().get(0).verdict());
  }

  @Test
  void verdict_mixedOutcome_saysNoClearChangeAndWorseShare() {
    Comparison c =
        Comparison.of(
            BASE, List.of(Synthetic.run("a", 4, Synthetic.result(1, 150, 150, 350, 350))));
    String v = c.mitigations().get(0).verdict();
    assertTrue(v.startsWith("no clear change"), v);
    assertTrue(v.contains("worse in 50% of trials"), v);
  }

  @Test
  void verdict_headlineUnchangedButAnotherMetricChanged_leadsWithTheChangedMetric() {
    double[][] base = new double[Metric.values().length][];
    double[][] mit = new double[Metric.values().length][];
    for (Metric m : Metric.values()) {
      base[m.ordinal()] = new double[] {10, 20};
      mit[m.ordinal()] = m == Metric.SPILL_VOLUME ? new double[] {5, 10} : new double[] {10, 20};
    }
    Comparison c =
        Comparison.of(
            Synthetic.result(1, base),
            List.of(Synthetic.run("detect", 2, Synthetic.result(1, mit))));
    assertEquals(
        "leaves expected person-days without service unchanged in every trial; reduces expected spill volume"
            + " by 50% (no 95% interval: too few trials), better in every trial, never worse; BCR 0",
        c.mitigations().get(0).verdict());
  }

  @Test
  void headlineMetric_withoutPersonDays_isEconomicLoss() {
    double[][] values = new double[Metric.values().length][];
    for (Metric m : Metric.values()) {
      values[m.ordinal()] =
          m == Metric.PERSON_DAYS_WITHOUT_SERVICE ? new double[] {0, 0} : new double[] {1, 2};
    }
    Comparison c = Comparison.of(Synthetic.result(1, values), List.of());
    assertEquals(Metric.ECONOMIC_LOSS, c.headlineMetric());
    assertFalse(c.mitigations().iterator().hasNext());
  }
}
