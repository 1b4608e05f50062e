package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.impact.TrialLedger;
import org.junit.jupiter.api.Test;

/**
 * The ledger's list of sinks with a shortfall ({@link TrialLedger#lossSinkCount()}): it covers
 * every sink whose unserved volume or person-days is not +0.0, names each sink once, and is what
 * {@link TrialLedger#reset()} and {@link TrialLedger#copyFrom} clear and copy: after a reset every
 * per-sink sum is +0.0 again, after a copy the per-sink sums are bitwise the other ledger's,
 * whatever this one held before. Checked against per-sink sums kept beside the ledger.
 */
class LedgerLossSinksTest {

  /** One source feeding {@code n} sinks with awkward demands and populations. */
  private static String scenario(int n) {
    StringBuilder y =
        new StringBuilder(
            """
            format: corridor-risk/v1
            name: losses
            horizon_days: 30
            commodities: [{id: gas}]
            nodes:
              - {id: src, kind: source, commodity: gas, supply: 1000}
            """);
    for (int k = 0; k < n; k++) {
      y.append("  - {id: s")
          .append(k)
          .append(", kind: sink, commodity: gas, demand: ")
          .append(0.5772156649 + k * 1.6180339887)
          .append(", population: ")
          .append(99.9 + k * 314.15)
          .append("}\n");
    }
    y.append("links:\n");
    for (int k = 0; k < n; k++) {
      y.append("  - {id: l")
          .append(k)
          .append(", from: src, to: s")
          .append(k)
          .append(", commodity: gas, capacity: 500}\n");
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
  void listCoversTheNonzeroSinksAndResetAndCopyRestoreExactSums() {
    // 40 sinks: trials with a shortfall at one or two sinks (cleared slot by slot) and at many
    // (cleared by a fill)
    StudyModel model = new StudyModel(Yaml.load(scenario(40)).baseline());
    int sinks = model.impact.sinkCount();
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    TrialLedger ledger = new TrialLedger(model.impact);
    TrialLedger other = new TrialLedger(model.impact);
    ledger.useUndisturbedShares(model.baseline.servedShare());
    other.useUndisturbedShares(model.baseline.servedShare());
    double[] served = new double[sinks];
    int listed = 0;
    int few = 0;
    for (int trial = 0; trial < 200; trial++) {
      ledger.reset();
      assertAllZero(ledger, sinks);
      double[] expectUnserved = new double[sinks];
      // a few days, each with shortfalls at a random subset of sinks (some days none)
      int days = rng.nextInt(5);
      int oneIn = rng.nextBoolean() ? 2 : 60;
      for (int day = 0; day < days; day++) {
        for (int k = 0; k < sinks; k++) {
          double demand = model.impact.sinkDemandPerDay(k);
          served[k] = rng.nextInt(oneIn) == 0 ? demand * rng.nextDouble() : demand;
          // the ledger's own rule for a shortfall (rounding below 1e-9 of demand is none)
          double shortfall = demand - served[k];
          expectUnserved[k] += shortfall > 1e-9 * demand ? shortfall : 0;
        }
        if (rng.nextBoolean()) {
          ledger.addDay(day, served, 10, 10);
        } else {
          ledger.addDays(day, day + 1, served, 10, new double[model.horizonDays]);
        }
      }
      boolean[] inList = new boolean[sinks];
      for (int i = 0; i < ledger.lossSinkCount(); i++) {
        int k = ledger.lossSink(i);
        assertTrue(!inList[k], "listed twice: " + k);
        inList[k] = true;
      }
      for (int k = 0; k < sinks; k++) {
        assertEquals(expectUnserved[k], ledger.unservedBySink()[k], 1e-12, "sink " + k);
        boolean nonzero = ledger.unservedBySink()[k] != 0 || ledger.personDaysBySink()[k] != 0;
        assertTrue(!nonzero || inList[k], "nonzero sink " + k + " not listed, trial " + trial);
      }
      listed += ledger.lossSinkCount();
      few += ledger.lossSinkCount() > 0 && ledger.lossSinkCount() <= sinks / 8 ? 1 : 0;
      // a copy over a ledger that holds other losses ends with exactly these sums
      other.copyFrom(ledger);
      assertSameSums(ledger, other, sinks);
      if (trial % 2 == 0) {
        // then other gets its own losses, and the ledger is copied back over the fresh trial
        for (int k = 0; k < sinks; k++) {
          served[k] = k % 7 == trial % 4 ? 0 : model.impact.sinkDemandPerDay(k);
        }
        other.addDay(0, served, 10, 10);
      }
    }
    assertTrue(listed > 1000, "listed sinks " + listed);
    assertTrue(few > 20, "trials with few sinks listed " + few);
  }

  private static void assertAllZero(TrialLedger l, int sinks) {
    assertEquals(0, l.lossSinkCount());
    for (int k = 0; k < sinks; k++) {
      assertEquals(0L, Double.doubleToRawLongBits(l.unservedBySink()[k]), "sink " + k);
      assertEquals(0L, Double.doubleToRawLongBits(l.personDaysBySink()[k]), "sink " + k);
    }
  }

  private static void assertSameSums(TrialLedger a, TrialLedger b, int sinks) {
    for (int k = 0; k < sinks; k++) {
      assertEquals(
          Double.doubleToRawLongBits(a.unservedBySink()[k]),
          Double.doubleToRawLongBits(b.unservedBySink()[k]),
          "sink " + k);
      assertEquals(
          Double.doubleToRawLongBits(a.personDaysBySink()[k]),
          Double.doubleToRawLongBits(b.personDaysBySink()[k]),
          "sink " + k);
    }
  }
}
