package org.corridorrisk.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.junit.jupiter.api.Test;

class CriticalityStudyTest {

  static CriticalityResult study(Scenario s, int budget, int pairs, int threads) {
    CriticalityOptions o =
        new CriticalityOptions(
            s.horizonDays(), budget, Metric.UNSERVED_FRACTION, pairs, threads, 10_000, 3, true);
    return CriticalityStudy.run(s, o, () -> new FlowOutage(s));
  }

  private static List<String> rankedIds(CriticalityResult r) {
    return r.assets().stream().map(AssetOutage::id).toList();
  }

  @Test
  void ranking_trunkCutsEverything_rankedFirstWithItsEndsTiedById() {
    CriticalityResult r = study(CriticalityNetworks.trunkAndSpur(), 1, 0, 2);
    assertEquals(List.of("hub", "source", "trunk", "a", "sink-a", "sink-b", "spur"), rankedIds(r));
    AssetOutage trunk = r.assets().get(2);
    assertEquals(1.0, trunk.get(Metric.UNSERVED_FRACTION), 1e-12);
    assertEquals(100 * 10 * 10.0, trunk.get(Metric.ECONOMIC_LOSS), 1e-6);
    assertEquals("link", trunk.type());
    assertEquals("other", trunk.kind());
    assertEquals("junction", r.assets().get(0).kind());
  }

  @Test
  void ranking_byDefault_infrastructureOnly_noSinks() {
    Scenario s = CriticalityNetworks.trunkAndSpur();
    CriticalityOptions o =
        new CriticalityOptions(
            s.horizonDays(), 1, Metric.UNSERVED_FRACTION, 0, 1, 10_000, 3, false);
    CriticalityResult r = CriticalityStudy.run(s, o, () -> new FlowOutage(s));
    assertEquals(List.of("hub", "source", "trunk", "a", "spur"), rankedIds(r));
  }

  @Test
  void worstCase_targetedSinkLeftOutOfRanking_isStillACandidate() {
    Scenario base = CriticalityNetworks.trunkAndSpur();
    Scenario s =
        new Scenario(
            base.name(),
            null,
            base.horizonDays(),
            base.currency(),
            base.commodities(),
            base.nodes(),
            base.links(),
            List.of(
                org.corridorrisk.model.Threat.poisson(
                    "sabotage",
                    1.0,
                    1.0,
                    new org.corridorrisk.model.RepairTime.Fixed(5),
                    org.corridorrisk.model.TargetSpec.ofNodes("sink-a"))),
            null,
            null,
            null);
    CriticalityOptions o =
        new CriticalityOptions(
            s.horizonDays(), 1, Metric.UNSERVED_FRACTION, 0, 1, 10_000, 3, false);
    CriticalityResult r = CriticalityStudy.run(s, o, () -> new FlowOutage(s));
    assertFalse(rankedIds(r).contains("sink-a"));
    // sink-a's 60 of 100 units
    assertEquals(List.of("sink-a"), r.worstCase().get(0).assetIds());
    assertEquals(0.6, r.worstCase().get(0).get(Metric.UNSERVED_FRACTION), 1e-12);
    assertTrue(r.worstCase().get(0).anyLoss());
  }

  @Test
  void ranking_spur_costsItsShareOnly() {
    CriticalityResult r = study(CriticalityNetworks.trunkAndSpur(), 1, 0, 1);
    AssetOutage spur =
        r.assets().stream().filter(a -> a.id().equals("spur")).findFirst().orElseThrow();
    assertEquals(0.4, spur.get(Metric.UNSERVED_FRACTION), 1e-12);
    assertEquals(40 * 1000 * 10.0, spur.get(Metric.PERSON_DAYS_WITHOUT_SERVICE), 1e-6);
  }

  @Test
  void ranking_equalLosses_tieBrokenByIdAscending() {
    CriticalityResult r = study(CriticalityNetworks.twinSpurs(), 0, 0, 2);
    List<String> ids = rankedIds(r);
    assertTrue(ids.indexOf("alpha") < ids.indexOf("zeta"), ids.toString());
    assertTrue(ids.indexOf("east") < ids.indexOf("west"), ids.toString());
  }

  @Test
  void worstCase_parallelPaths_pairWorthlessAloneIsWorstForBudgetTwo() {
    CriticalityResult r = study(CriticalityNetworks.parallelPaths(), 3, 0, 2);
    assertEquals(List.of("x"), r.worstCase().get(0).assetIds());
    assertEquals(10 / 110.0, r.worstCase().get(0).get(Metric.UNSERVED_FRACTION), 1e-12);
    assertEquals(List.of("p1", "p2"), r.worstCase().get(1).assetIds());
    assertEquals(100 / 110.0, r.worstCase().get(1).get(Metric.UNSERVED_FRACTION), 1e-12);
    assertEquals(List.of("p1", "p2", "x"), r.worstCase().get(2).assetIds());
    assertEquals(1.0, r.worstCase().get(2).get(Metric.UNSERVED_FRACTION), 1e-12);
    r.worstCase().forEach(w -> assertTrue(w.search().exact()));
    // each path alone costs nothing
    AssetOutage p1 = r.assets().stream().filter(a -> a.id().equals("p1")).findFirst().orElseThrow();
    assertEquals(0.0, p1.get(Metric.UNSERVED_FRACTION));
  }

  @Test
  void worstCase_onlyThreatTargetsAreCandidates() {
    CriticalityResult r = study(CriticalityNetworks.trunkAndSpur(), 1, 0, 1);
    assertEquals(List.of("trunk", "a", "spur"), r.candidates());
    assertEquals(List.of("trunk"), r.worstCase().get(0).assetIds());
  }

  @Test
  void pairs_topAssetsAllPairs_worstFirst() {
    CriticalityResult r = study(CriticalityNetworks.parallelPaths(), 0, 3, 2);
    // top 3 singles: source (everything), then x, city/p1/p2 by ties...
    assertEquals(3, r.pairs().size());
    for (int i = 1; i < r.pairs().size(); i++) {
      assertTrue(
          r.pairs().get(i - 1).get(Metric.ECONOMIC_LOSS)
              >= r.pairs().get(i).get(Metric.ECONOMIC_LOSS));
    }
  }

  @Test
  void results_doNotDependOnThreadCount() {
    Scenario s = CriticalityNetworks.trunkAndSpur();
    CriticalityResult one = study(s, 3, 4, 1);
    CriticalityResult two = study(s, 3, 4, 2);
    assertEquals(rankedIds(one), rankedIds(two));
    assertEquals(
        one.pairs().stream().map(SetOutage::assetIds).toList(),
        two.pairs().stream().map(SetOutage::assetIds).toList());
    assertEquals(
        one.worstCase().stream().map(WorstSet::assetIds).toList(),
        two.worstCase().stream().map(WorstSet::assetIds).toList());
  }

  @Test
  void monotone_onlyUnservedFractionWithoutStorageOrDependencies() {
    Scenario s = CriticalityNetworks.trunkAndSpur();
    assertTrue(CriticalityStudy.isMonotone(s, Metric.UNSERVED_FRACTION));
    assertFalse(CriticalityStudy.isMonotone(s, Metric.ECONOMIC_LOSS));
  }

  @Test
  void significant_roundingNoise_ties() {
    assertEquals(
        CriticalityStudy.significant(3.564e8), CriticalityStudy.significant(3.564e8 + 1e-7));
    assertTrue(CriticalityStudy.significant(0.5) > CriticalityStudy.significant(0.4999));
  }
}
