package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.stats.MetricSummary;
import org.junit.jupiter.api.Test;

/**
 * The statistics of a study (docs/model.md, "Statistics of a study") against closed forms and
 * against an independent recomputation from the documented formulas: nearest-rank percentiles, VaR
 * and CVaR of a Poisson count, the {@code --target-ci} stopping point, and the IIM with a feedback
 * loop through the engine. Fixed seeds; tolerances stated in standard errors.
 */
class StudyStatisticsClosedFormTest {
  private static final double Z95 = 1.959963984540054;

  /**
   * One attempt a day on average (36.5 a year over 10 days), each certain to hit "pipe", which
   * spills exactly 1 per hit and is repaired in 0 days: {@code spill_volume} is Poisson(1).
   *
   * <pre>
   *   src (10) --pipe (10, spill 1 per hit)--> city (10)
   * </pre>
   */
  private static final String POISSON_COUNT =
      """
      format: corridor-risk/v1
      name: poisson-count
      horizon_days: 10
      commodities: [{id: gas}]
      nodes:
        - {id: src, kind: source, commodity: gas, supply: 10}
        - {id: city, kind: sink, commodity: gas, demand: 10}
      links:
        - {id: pipe, from: src, to: city, commodity: gas, capacity: 10, kind: pipeline,
           spill: {detection_hours: 0, isolation_volume: 1}}
      threats:
        - {id: t, model: poisson, events_per_year: 36.5, targets: {links: [pipe]},
           repair_days: {dist: fixed, value: 0}}
      """;

  @Test
  void percentilesOfAPoissonCount_areItsTrueQuantiles_andCvarIsItsTailMean() {
    // Poisson(1): P(N <= k) = 0.368, 0.736, 0.920, 0.981, 0.996 for k = 0..4. The nearest-rank
    // p50, p90, p95, p99 of 10,000 trials are the true quantiles 1, 2, 3, 4 (the nearest CDF step
    // is 0.9 percentage points from p99, 9 standard errors of a sample CDF at 10,000 trials).
    // CVaR95 = the mean of the top 5% of the distribution: (4 x P(4) + 5 x P(5) + ... + 3 x the
    // rest of the 5% at N = 3) / 0.05.
    int n = 10_000;
    StudyResult r = MonteCarlo.run(Yaml.load(POISSON_COUNT).baseline(), RunOptions.of(n, 5, 2));
    MetricSummary m = r.summary(Metric.SPILL_VOLUME);
    assertEquals(1.0, m.p50());
    assertEquals(2.0, m.p90());
    assertEquals(3.0, m.p95());
    assertEquals(3.0, m.var95());
    assertEquals(4.0, m.p99());
    double[] pmf = new double[30];
    for (int k = 0; k < pmf.length; k++) {
      pmf[k] = Math.exp(-1) / factorial(k);
    }
    double rest = 0.05;
    double tail = 0;
    for (int k = pmf.length - 1; k >= 0 && rest > 0; k--) {
      double take = Math.min(pmf[k], rest);
      tail += take * k;
      rest -= take;
    }
    double cvar = tail / 0.05;
    assertEquals(3.4667, cvar, 1e-4, "the closed form itself");
    // its interval is about 1.96 standard errors on each side: 4 standard errors is twice that
    double half = Math.max(m.cvar95High() - m.cvar95(), m.cvar95() - m.cvar95Low());
    assertEquals(cvar, m.cvar95(), 2 * half, "cvar95 " + m.cvar95() + " +- " + half);
    double meanHalf = Math.max(m.ci95High() - m.mean(), m.mean() - m.ci95Low());
    assertEquals(1.0, m.mean(), 2 * meanHalf);
  }

  private static double factorial(int k) {
    double f = 1;
    for (int i = 2; i <= k; i++) {
      f *= i;
    }
    return f;
  }

  /**
   * Hall's interval of the mean recomputed from docs/model.md: {@code [xbar - se G^-1(z), xbar - se
   * G^-1(-z)]}, {@code G^-1(z) = (cbrt(1 + 3 A (z - g / (6 sqrt n))) - 1) / A}, {@code A = g / (3
   * sqrt n)}, g the sample skewness {@code m3 / m2^1.5}. Returns the larger side.
   */
  private static double hallLargerSide(double[] v, int n) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += v[i];
    }
    mean /= n;
    double m2 = 0;
    double m3 = 0;
    for (int i = 0; i < n; i++) {
      double d = v[i] - mean;
      m2 += d * d;
      m3 += d * d * d;
    }
    double se = Math.sqrt(m2 / (n - 1)) / Math.sqrt(n);
    double g = (m3 / n) / Math.pow(m2 / n, 1.5);
    double a = g / (3 * Math.sqrt(n));
    double b = g / (6 * Math.sqrt(n));
    double low = mean - se * (Math.cbrt(1 + 3 * a * (Z95 - b)) - 1) / a;
    double high = mean - se * (Math.cbrt(1 + 3 * a * (-Z95 - b)) - 1) / a;
    return Math.max(mean - low, high - mean);
  }

  private static double effectiveTrials(double[] v, int n) {
    double sum = 0;
    double sumSq = 0;
    for (int i = 0; i < n; i++) {
      sum += v[i];
      sumSq += v[i] * v[i];
    }
    return sum * sum / sumSq;
  }

  @Test
  void targetCi_stopsAtTheFirstThousandWhereHallsIntervalIsWithinTheTarget() {
    // One pipe fails on day 0 with probability 0.3, repaired after lognormal(14, p90 45) days; a
    // lost unit costs 1. --target-ci 0.05 stops at the first n = 1,000, 2,000, ... where the larger
    // side of Hall's interval of mean economic_loss over trials 0..n-1 is <= 0.05 x mean (and at
    // least 30 effective trials), recomputed here from the kept per-trial values.
    String yaml =
        """
        format: corridor-risk/v1
        name: target-ci
        horizon_days: 100
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 1}
          - {id: city, kind: sink, commodity: gas, demand: 1, value_of_lost_load: 1}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 1}
        threats:
          - {id: q, model: independent, probability: 0.3, start_day: 0, targets: {links: [pipe]},
             repair_days: {dist: lognormal, median: 14, p90: 45}}
        """;
    StudyResult r =
        MonteCarlo.run(Yaml.load(yaml).baseline(), new RunOptions(100_000, 1, 2, 0.05, null));
    int stopped = (int) r.trials();
    double[] loss = r.values(Metric.ECONOMIC_LOSS);
    assertEquals(stopped, loss.length);
    assertTrue(stopped > 1_000 && stopped < 100_000 && stopped % 1_000 == 0, "stopped " + stopped);
    for (int n = 1_000; n <= stopped; n += 1_000) {
      double[] prefix = Arrays.copyOf(loss, n);
      double mean = Arrays.stream(prefix).average().orElseThrow();
      boolean met = hallLargerSide(prefix, n) <= 0.05 * mean && effectiveTrials(prefix, n) >= 30;
      assertEquals(n == stopped, met, "rule at " + n + " trials (stopped at " + stopped + ")");
    }
  }

  @Test
  void iimFeedbackLoop_throughTheEngine_leastFixedPointCappedAtOne() {
    // src 15 -> j -> k1 (demand 10, sector s1, priority 2), k2 (demand 10, sector s2, priority 1):
    // k2 is served in full, k1 gets 5: c* = (0.5, 0) every day for 10 days.
    // A* = [[0, 0.5], [0.8, 0]]: q1 = 0.5 + 0.5 q2, q2 = 0.8 q1 -> q = (5/6, 2/3);
    //   indirect per day = (5/6 - 0.5) x 100 + (2/3) x 1000.
    // A* = [[0, 0.9], [0.9, 0]]: uncapped q1 = 0.5 / 0.19 > 1, so q = (1, 0.9);
    //   indirect per day = 0.5 x 100 + 0.9 x 1000.
    String yaml =
        """
        format: corridor-risk/v1
        name: iim-loop
        horizon_days: 10
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 15}
          - {id: j, kind: junction, commodity: gas}
          - {id: k1, kind: sink, commodity: gas, demand: 10, sector: s1, priority: 2}
          - {id: k2, kind: sink, commodity: gas, demand: 10, sector: s2, priority: 1}
        links:
          - {id: l0, from: src, to: j, commodity: gas, capacity: 100}
          - {id: l1, from: j, to: k1, commodity: gas, capacity: 100}
          - {id: l2, from: j, to: k2, commodity: gas, capacity: 100}
        threats:
          - {id: none, model: poisson, events_per_year: 0, targets: {links: [l0]},
             repair_days: {dist: fixed, value: 1}}
        economy:
          sectors:
            - {id: s1, output_per_day: 100}
            - {id: s2, output_per_day: 1000}
          interdependency:
            - [0.0, A12]
            - [A21, 0.0]
        """;
    StudyResult below =
        MonteCarlo.run(
            Yaml.load(yaml.replace("A12", "0.5").replace("A21", "0.8")).baseline(),
            RunOptions.of(1, 1, 1));
    assertEquals(5.0 / 6, below.peakInoperability()[0][0], 1e-9);
    assertEquals(2.0 / 3, below.peakInoperability()[1][0], 1e-9);
    assertEquals(10 * (5.0 / 6 - 0.5) * 100, below.sectorIndirectLoss()[0][0], 1e-6);
    assertEquals(10 * (2.0 / 3) * 1000, below.sectorIndirectLoss()[1][0], 1e-6);
    StudyResult capped =
        MonteCarlo.run(
            Yaml.load(yaml.replace("A12", "0.9").replace("A21", "0.9")).baseline(),
            RunOptions.of(1, 1, 1));
    assertEquals(1.0, capped.peakInoperability()[0][0], 1e-9);
    assertEquals(0.9, capped.peakInoperability()[1][0], 1e-9);
    assertEquals(10 * (0.5 * 100 + 0.9 * 1000), capped.values(Metric.INDIRECT_LOSS)[0], 1e-6);
  }
}
