package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.impact.TrialLedger;
import org.corridorrisk.impact.TrialMetrics;
import org.junit.jupiter.api.Test;

/**
 * {@link TrialLedger#addDays} against {@link TrialLedger#addDay} day by day, bit for bit: runs of
 * days with shortfalls at several sinks of two commodities with sectors, with awkward values
 * (irrational-looking demands, populations and values of lost load), so that adding in another
 * order would round differently; and runs with every sink served, with and without rerouting cost,
 * across days whose undisturbed cost changes.
 */
class LedgerRepeatedDaysTest {

  private static final String SCENARIO =
      """
      format: corridor-risk/v1
      name: ledger
      horizon_days: 200
      commodities: [{id: gas}, {id: power}]
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 100}
        - {id: g1, kind: sink, commodity: gas, demand: 3.1415926535, population: 12345.678,
           value_of_lost_load: 7.77, sector: homes}
        - {id: g2, kind: sink, commodity: gas, demand: 2.7182818284, population: 999.999,
           value_of_lost_load: 13.1, sector: industry}
        - {id: g3, kind: sink, commodity: gas, demand: 0.5772156649, population: 31415.9,
           value_of_lost_load: 0.3, sector: homes}
        - {id: psrc, kind: source, commodity: power, supply: 100}
        - {id: p1, kind: sink, commodity: power, demand: 1.6180339887, population: 2718.28,
           value_of_lost_load: 101.5, sector: industry}
        - {id: p2, kind: sink, commodity: power, demand: 1.4142135623, population: 777.7,
           value_of_lost_load: 3.3}
      links:
        - {id: l1, from: src, to: g1, commodity: gas, capacity: 50}
        - {id: l2, from: src, to: g2, commodity: gas, capacity: 50}
        - {id: l3, from: src, to: g3, commodity: gas, capacity: 50}
        - {id: l4, from: psrc, to: p1, commodity: power, capacity: 50}
        - {id: l5, from: psrc, to: p2, commodity: power, capacity: 50}
      economy:
        sectors:
          - {id: homes, output_per_day: 10.3}
          - {id: industry, output_per_day: 27.9}
        interdependency:
          - [0.0, 0.2]
          - [0.3, 0.0]
      threats:
        - {id: t, model: poisson, events_per_year: 1, success_probability: 0.5,
           targets: {links: [l1]}, repair_days: {dist: fixed, value: 3}}
      """;

  /**
   * One commodity (its sums run in the totals' loop), seven sinks (an odd count: pairs and a last
   * one alone) and five sectors (a block of four and one alone).
   */
  private static final String ONE_COMMODITY =
      """
      format: corridor-risk/v1
      name: ledger1
      horizon_days: 200
      commodities: [{id: gas}]
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 100}
        - {id: g1, kind: sink, commodity: gas, demand: 3.1415926535, population: 12345.678,
           value_of_lost_load: 7.77, sector: s1}
        - {id: g2, kind: sink, commodity: gas, demand: 2.7182818284, population: 999.999,
           value_of_lost_load: 13.1, sector: s2}
        - {id: g3, kind: sink, commodity: gas, demand: 0.5772156649, population: 31415.9,
           value_of_lost_load: 0.3, sector: s3}
        - {id: g4, kind: sink, commodity: gas, demand: 1.6180339887, population: 2718.28,
           value_of_lost_load: 101.5, sector: s4}
        - {id: g5, kind: sink, commodity: gas, demand: 1.4142135623, population: 777.7,
           value_of_lost_load: 3.3, sector: s5}
        - {id: g6, kind: sink, commodity: gas, demand: 0.6931471805, population: 4321.1,
           value_of_lost_load: 9.9, sector: s1}
        - {id: g7, kind: sink, commodity: gas, demand: 1.2020569031, population: 55.5,
           value_of_lost_load: 0.7}
      links:
        - {id: l1, from: src, to: g1, commodity: gas, capacity: 50}
        - {id: l2, from: src, to: g2, commodity: gas, capacity: 50}
        - {id: l3, from: src, to: g3, commodity: gas, capacity: 50}
        - {id: l4, from: src, to: g4, commodity: gas, capacity: 50}
        - {id: l5, from: src, to: g5, commodity: gas, capacity: 50}
        - {id: l6, from: src, to: g6, commodity: gas, capacity: 50}
        - {id: l7, from: src, to: g7, commodity: gas, capacity: 50}
      economy:
        sectors:
          - {id: s1, output_per_day: 10.3}
          - {id: s2, output_per_day: 27.9}
          - {id: s3, output_per_day: 3.7}
          - {id: s4, output_per_day: 51.1}
          - {id: s5, output_per_day: 0.9}
        interdependency:
          - [0.0, 0.2, 0.1, 0.0, 0.05]
          - [0.3, 0.0, 0.0, 0.1, 0.0]
          - [0.0, 0.1, 0.0, 0.2, 0.1]
          - [0.1, 0.0, 0.3, 0.0, 0.0]
          - [0.05, 0.05, 0.05, 0.05, 0.0]
      threats:
        - {id: t, model: poisson, events_per_year: 1, success_probability: 0.5,
           targets: {links: [l1]}, repair_days: {dist: fixed, value: 3}}
      """;

  @Test
  void repeatedDaysAddExactlyWhatDayByDayAdds() {
    check(SCENARIO);
  }

  @Test
  void repeatedDaysAddExactlyWhatDayByDayAdds_oneCommodityAndFiveSectors() {
    check(ONE_COMMODITY);
  }

  private static void check(String scenario) {
    StudyModel model = new StudyModel(Yaml.load(scenario).baseline());
    int sinks = model.impact.sinkCount();
    int h = model.horizonDays;
    double[] undisturbedCost = new double[h];
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(17L);
    for (int d = 0; d < h; d++) {
      undisturbedCost[d] = 50 + (d / 30); // runs of days with the same undisturbed cost
    }
    TrialLedger bulk = new TrialLedger(model.impact);
    TrialLedger daily = new TrialLedger(model.impact);
    bulk.useUndisturbedShares(model.baseline.servedShare());
    daily.useUndisturbedShares(model.baseline.servedShare());
    double[] served = new double[sinks];
    int runs = 0;
    for (int trial = 0; trial < 300; trial++) {
      bulk.reset();
      daily.reset();
      int d = 0;
      while (d < h) {
        int to = Math.min(h, d + 1 + rng.nextInt(rng.nextBoolean() ? 5 : 60));
        for (int k = 0; k < sinks; k++) {
          double demand = model.impact.sinkDemandPerDay(k);
          served[k] = rng.nextInt(6) == 0 ? demand * rng.nextDouble() : demand;
        }
        // cheaper than undisturbed (no rerouting cost), equal, or dearer
        double cost = rng.nextInt(3) == 0 ? 40 : 50 + 10 * rng.nextDouble();
        bulk.addDays(d, to, served, cost, undisturbedCost);
        for (int day = d; day < to; day++) {
          daily.addDay(day, served, cost, undisturbedCost[day]);
        }
        runs++;
        d = to;
      }
      TrialMetrics a = bulk.toTrialMetrics();
      TrialMetrics b = daily.toTrialMetrics();
      assertArrayEquals(b.values(), a.values(), 0.0, "trial " + trial);
      assertArrayEquals(b.unservedVolumeByCommodity(), a.unservedVolumeByCommodity(), 0.0);
      assertArrayEquals(b.personDaysByCommodity(), a.personDaysByCommodity(), 0.0);
      assertArrayEquals(b.peakInoperabilityBySector(), a.peakInoperabilityBySector(), 0.0);
      assertArrayEquals(b.indirectLossBySector(), a.indirectLossBySector(), 0.0);
      assertArrayEquals(daily.unservedBySink(), bulk.unservedBySink(), 0.0);
      assertArrayEquals(daily.personDaysBySink(), bulk.personDaysBySink(), 0.0);
      for (int c = 0; c < model.commodityCount; c++) {
        assertArrayEquals(
            daily.servedShareByCommodityDay()[c], bulk.servedShareByCommodityDay()[c], 0.0);
      }
      assertEquals(daily.addedDayCount(), bulk.addedDayCount(), "trial " + trial);
    }
    assertTrue(runs > 1000, "runs " + runs);
  }
}
