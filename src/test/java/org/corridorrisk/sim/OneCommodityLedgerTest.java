package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialLedger;
import org.corridorrisk.impact.TrialMetrics;
import org.junit.jupiter.api.Test;

/**
 * The ledger's pass over the sinks for a model with one commodity (running sums in locals, no
 * person-days for sinks without population) against the general pass: the same sinks in a model
 * with a second commodity whose one sink is always served give bitwise the same sums, also for
 * sinks short by about the rounding tolerance.
 */
class OneCommodityLedgerTest {

  /**
   * {@code n} gas sinks with awkward demands, every third without population, in sectors or not;
   * with {@code second}, a power source and sink after them.
   */
  private static String scenario(int n, boolean second) {
    StringBuilder y =
        new StringBuilder(
            """
            format: corridor-risk/v1
            name: one
            horizon_days: 4
            commodities: [{id: gas}%s]
            economy:
              sectors: [{id: industry, output_per_day: 1000}, {id: homes, output_per_day: 300}]
              interdependency: [[0.0, 0.1], [0.3, 0.0]]
            nodes:
              - {id: src, kind: source, commodity: gas, supply: 1000}
            """
                .formatted(second ? ", {id: power}" : ""));
    for (int k = 0; k < n; k++) {
      y.append("  - {id: s")
          .append(k)
          .append(", kind: sink, commodity: gas, demand: ")
          .append(0.5772156649 + k * 1.6180339887)
          .append(", population: ")
          .append(k % 3 == 0 ? 0 : 99.9 + k * 314.15)
          .append(", value_of_lost_load: ")
          .append(3.3 + k * 0.7)
          .append(k % 4 == 0 ? "" : k % 4 == 1 ? ", sector: industry" : ", sector: homes")
          .append("}\n");
    }
    if (second) {
      y.append("  - {id: psrc, kind: source, commodity: power, supply: 10}\n");
      y.append("  - {id: psink, kind: sink, commodity: power, demand: 1}\n");
    }
    y.append("links:\n");
    for (int k = 0; k < n; k++) {
      y.append("  - {id: l")
          .append(k)
          .append(", from: src, to: s")
          .append(k)
          .append(", commodity: gas, capacity: 500}\n");
    }
    if (second) {
      y.append("  - {id: pl, from: psrc, to: psink, commodity: power, capacity: 5}\n");
    }
    y.append(
        """
        threats:
          - {id: t, model: poisson, events_per_year: 1, success_probability: 0.5,
             targets: {links: [l0]}, repair_days: {dist: fixed, value: 3}}
        """);
    return y.toString();
  }

  @Test
  void oneCommodity_sameSumsAsTheGeneralPass() {
    int n = 60;
    StudyModel one = new StudyModel(Yaml.load(scenario(n, false)).baseline());
    StudyModel two = new StudyModel(Yaml.load(scenario(n, true)).baseline());
    assertEquals(1, one.commodityCount);
    assertEquals(2, two.commodityCount);
    assertEquals(n + 1, two.impact.sinkCount());
    TrialLedger a = new TrialLedger(one.impact);
    TrialLedger b = new TrialLedger(two.impact);
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(17L);
    double[] servedOne = new double[n];
    double[] servedTwo = new double[n + 1];
    int shortDays = 0;
    for (int trial = 0; trial < 200; trial++) {
      a.reset();
      b.reset();
      for (int day = 0; day < one.horizonDays; day++) {
        int oneIn = 1 + rng.nextInt(8);
        for (int k = 0; k < n; k++) {
          double demand = one.impact.sinkDemandOn(day)[k];
          servedOne[k] =
              rng.nextInt(oneIn) == 0
                  ? switch (rng.nextInt(4)) {
                    // short by less, and by more, than the rounding tolerance (1e-9 of demand)
                    case 0 -> demand * (1 - 0.5e-9);
                    case 1 -> demand * (1 - 2e-9);
                    case 2 -> demand * 1.25; // more than asked
                    default -> demand * rng.nextDouble();
                  }
                  : demand;
        }
        // the same gas sinks in the slots of the model with two commodities
        for (int k = 0; k < n + 1; k++) {
          int node = two.impact.sinkNode(k);
          String id = two.net.nodeId(node);
          servedTwo[k] =
              id.equals("psink")
                  ? two.impact.sinkDemandOn(day)[k]
                  : servedOne[Integer.parseInt(id.substring(1))];
        }
        a.addDay(day, servedOne, 5.0, 4.0);
        b.addDay(day, servedTwo, 5.0, 4.0);
      }
      TrialMetrics x = a.toTrialMetrics();
      TrialMetrics y = b.toTrialMetrics();
      for (Metric metric : Metric.values()) {
        if (metric != Metric.UNSERVED_FRACTION) { // a share of every commodity's demand
          assertEquals(x.get(metric), y.get(metric), 0.0, "trial " + trial + " " + metric);
        }
      }
      assertEquals(x.unservedVolumeByCommodity()[0], y.unservedVolumeByCommodity()[0], 0.0);
      assertEquals(x.personDaysByCommodity()[0], y.personDaysByCommodity()[0], 0.0);
      assertEquals(0.0, y.unservedVolumeByCommodity()[1]);
      assertArrayEquals(x.peakInoperabilityBySector(), y.peakInoperabilityBySector(), 0.0);
      assertArrayEquals(x.indirectLossBySector(), y.indirectLossBySector(), 0.0);
      for (int k = 0; k < n + 1; k++) {
        String id = two.net.nodeId(two.impact.sinkNode(k));
        if (!id.equals("psink")) {
          int i = Integer.parseInt(id.substring(1));
          assertEquals(
              Double.doubleToRawLongBits(a.unservedBySink()[i]),
              Double.doubleToRawLongBits(b.unservedBySink()[k]),
              "trial " + trial + " sink " + i);
          assertEquals(
              Double.doubleToRawLongBits(a.personDaysBySink()[i]),
              Double.doubleToRawLongBits(b.personDaysBySink()[k]),
              "trial " + trial + " sink " + i);
        }
      }
      assertEquals(a.lossSinkCount(), b.lossSinkCount());
      shortDays += a.lossSinkCount() > 0 ? 1 : 0;
    }
    assertTrue(shortDays > 150, "trials with shortfalls " + shortDays);
  }
}
