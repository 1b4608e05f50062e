package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.scenario.LoadedScenario;
import org.junit.jupiter.api.Test;

/**
 * The section "Time, damage and repairs" of the scenario format against answers computed by hand or
 * in closed form: leap-year calendars, overlapping damage states, damage to sources and storages,
 * repair crews with random repairs and repeated hits, rate profiles, hazards with a random
 * intensity or a random epicentre, the uniform and triangular repair distributions and a random
 * restoration stage. Deterministic cases are exact; Monte Carlo means are checked within 4 standard
 * errors of the closed form, with fixed seeds (so they never flake).
 */
class TimeDamageRepairsClosedFormTest {
  private static final double EPS = 1e-9;
  private static final NormalDistribution PHI = NormalDistribution.of(0, 1);

  private static StudyResult run(String yaml, int trials) {
    return MonteCarlo.run(Yaml.load(yaml).baseline(), RunOptions.of(trials, 1, 2));
  }

  /** {@code E[min(ceil X, horizon)] = sum over j = 0 .. horizon-1 of P(X > j)}. */
  private static double meanCeiledDays(DoubleUnaryOperator survival, int horizon) {
    double sum = 0;
    for (int j = 0; j < horizon; j++) {
      sum += survival.applyAsDouble(j);
    }
    return sum;
  }

  /** src (10/d) -> pipe (capacity 10) -> city (demand 10/d): one day down loses 10. */
  private static String pipe(String name, int days, String header, String threats) {
    return """
        format: corridor-risk/v1
        name: %s
        horizon_days: %d
        %s
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 10}
        threats:
        %s
        """
        .formatted(name, days, header, threats);
  }

  @Test
  void monthlyProfile_leapYear_februaryHas29Days() {
    // start 2024-02-01, 60 days: February 2024 (29 days, factor 2: demand 20) then March (31 days,
    // factor 1). Supply 10: February short 10 a day -> 290 unserved of 29 x 20 + 31 x 10 = 890;
    // person-days 29 x 1000 x 10/20 = 14,500. (A 28-day February would give 280.)
    String yaml =
        pipe(
                "leap",
                60,
                "start_date: 2024-02-01\nprofiles:\n  - {id: heat, monthly: [1, 2, 1, 1, 1, 1, 1,"
                    + " 1, 1, 1, 1, 1]}",
                "  - {id: none, model: poisson, events_per_year: 0, targets: {links: [pipe]},"
                    + " repair_days: {dist: fixed, value: 1}}")
            .replace("population: 1000}", "population: 1000, demand_profile: heat}");
    StudyResult r = run(yaml, 2);
    assertEquals(290.0, r.unservedVolume()[0][0], EPS);
    assertEquals(290.0 / 890.0, r.values(Metric.UNSERVED_FRACTION)[0], EPS);
    assertEquals(14_500.0, r.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)[0], 1e-6);
  }

  @Test
  void overlappingDamage_smallestFactorInForceEachDay() {
    // threat a: factor 0.5 on days 2..9 (8 days); threat b on day 4:
    // - severed for 2 days (days 4, 5): 5 + 5 + 10 + 10 + 5 x 4 = 50;
    // - factor 0.8 for 10 days (days 4..13): 0.5 wins through day 9, then 0.8: 8 x 5 + 4 x 2 = 48.
    String threats =
        """
          - {id: a, model: independent, probability: 1, start_day: 2, targets: {links: [pipe]},
             damage: [{probability: 1, capacity_factor: 0.5}], repair_days: {dist: fixed, value: 8}}
          - {id: b, model: independent, probability: 1, start_day: 4, targets: {links: [pipe]},
             damage: [{probability: 1, capacity_factor: FB}], repair_days: {dist: fixed, value: RB}}
        """;
    String severed = threats.replace("FB", "0").replace("RB", "2");
    assertEquals(50.0, run(pipe("overlap", 20, "", severed), 1).unservedVolume()[0][0], EPS);
    String milder = threats.replace("FB", "0.8").replace("RB", "10");
    assertEquals(48.0, run(pipe("overlap", 20, "", milder), 1).unservedVolume()[0][0], EPS);
  }

  @Test
  void damagedSourceAndStorage_workAtTheirFactorOfSupplyAndWithdrawal() {
    // A source of 10 (or a storage giving at most 10 a day) feeds a city of 10; a hit on day 3
    // leaves it at 0.4 for 5 days: 6 unserved a day = 30.
    String source =
        """
        format: corridor-risk/v1
        name: damaged-node
        horizon_days: 20
        commodities: [{id: gas}]
        nodes:
          - {id: n, kind: source, commodity: gas, supply: 10}
          - {id: city, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: pipe, from: n, to: city, commodity: gas, capacity: 100}
        threats:
          - {id: hit, model: independent, probability: 1, start_day: 3, targets: {nodes: [n]},
             damage: [{probability: 1, capacity_factor: 0.4}], repair_days: {dist: fixed, value: 5}}
        """;
    assertEquals(30.0, run(source, 1).unservedVolume()[0][0], EPS);
    String storage =
        source.replace(
            "kind: source, commodity: gas, supply: 10}",
            "kind: storage, commodity: gas, inventory: 1000, max_withdrawal: 10}");
    assertEquals(30.0, run(storage, 1).unservedVolume()[0][0], EPS);
  }

  /**
   * Two cables in one crew pool, both cut on day {@code day} (the first listed gets the crew):
   *
   * <pre>
   *   s1 (10) --a (10)--> c1 (demand 10)
   *   s2 (100) --b (100)--> c2 (demand 100)
   * </pre>
   */
  private static String twoCables(int days, String repair, String extraThreat, String crew) {
    return """
        format: corridor-risk/v1
        name: crews
        horizon_days: %d
        commodities: [{id: gas}]
        nodes:
          - {id: s1, kind: source, commodity: gas, supply: 10}
          - {id: s2, kind: source, commodity: gas, supply: 100}
          - {id: c1, kind: sink, commodity: gas, demand: 10, value_of_lost_load: 1}
          - {id: c2, kind: sink, commodity: gas, demand: 100, value_of_lost_load: 1}
        links:
          - {id: a, from: s1, to: c1, commodity: gas, capacity: 10, kind: subsea-cable}
          - {id: b, from: s2, to: c2, commodity: gas, capacity: 100, kind: subsea-cable}
        threats:
          - {id: anchor, model: independent, probability: 1, start_day: 2,
             targets: {kinds: [subsea-cable]}, repair_days: %s}
        %s
        repair_crews:
          - %s
        mitigations:
          - id: second-vessel
            cost: 1
            changes:
              - {repair_crew: vessel, set: {count: 2}}
        """
        .formatted(days, repair, extraThreat, crew);
  }

  private static final String ONE_VESSEL =
      "{id: vessel, count: 1, serves: {kinds: [subsea-cable]}}";

  @Test
  void crewJob_hitAgainWhileWaiting_keepsTheLongerDraw() {
    // Both cut on day 2 (3 days). b is hit again on day 3 (6 days) while it waits: a has the crew
    // days 2..4 (back day 5: 3 days x 10 = 30); b takes it on day 5 with the longer draw 6, back on
    // day 11: out days 2..10 = 9 days x 100 = 900.
    String again =
        "  - {id: second, model: independent, probability: 1, start_day: 3, targets: {links: [b]},"
            + " repair_days: {dist: fixed, value: 6}}";
    String yaml = twoCables(30, "{dist: fixed, value: 3}", again, ONE_VESSEL);
    assertEquals(930.0, run(yaml, 1).unservedVolume()[0][0], EPS);
  }

  @Test
  void crewJob_hitAgainInProgress_endsAtTheLaterEndAndKeepsTheCrew() {
    // a is hit again on day 3 (6 days) while its crew works: it ends at max(5, 3 + 6) = 9 (out days
    // 2..8: 7 x 10 = 70) and the crew stays on it; b takes the crew on day 9, back on day 12: out
    // days 2..11 = 10 x 100 = 1,000.
    String again =
        "  - {id: second, model: independent, probability: 1, start_day: 3, targets: {links: [a]},"
            + " repair_days: {dist: fixed, value: 6}}";
    String yaml = twoCables(30, "{dist: fixed, value: 3}", again, ONE_VESSEL);
    assertEquals(1_070.0, run(yaml, 1).unservedVolume()[0][0], EPS);
  }

  @Test
  void oneCrewTwoCablesExponentialRepairs_theSecondWaits_meanLossInClosedForm() {
    // Repairs ceil(X), X exponential of mean 5: E[ceil X] = 1 / (1 - e^-0.2) = 5.5167 days; with
    // mobilization 2: a is out 2 + A days, b waits for a and is out 2 + A + 2 + B days. Loss per
    // day down: a 10, b 100 (value 1 per unit). Mean = 10 (2 + E) + 100 (4 + 2 E).
    // A second vessel: b is out 2 + B days; the paired reduction is 100 (2 + A), mean 100 (2 + E).
    // Horizon 80 leaves the truncation negligible (P(A + B > 74) < 1e-5).
    String vessel = "{id: vessel, count: 1, serves: {kinds: [subsea-cable]}, mobilization_days: 2}";
    String yaml = twoCables(80, "{dist: exponential, mean: 5}", "", vessel);
    double e = 1 / (1 - Math.exp(-0.2));
    LoadedScenario loaded = Yaml.load(yaml);
    int n = 10_000;
    StudyResult base = MonteCarlo.run(loaded.baseline(), RunOptions.of(n, 3, 2));
    double[] baseLoss = base.values(Metric.ECONOMIC_LOSS);
    StatisticalTest.assertWithin4Se(10 * (2 + e) + 100 * (4 + 2 * e), baseLoss);
    StudyResult two;
    try {
      two = MonteCarlo.run(loaded.variant(List.of("second-vessel")), RunOptions.of(n, 3, 2));
    } catch (org.corridorrisk.scenario.ScenarioException ex) {
      throw new AssertionError(ex);
    }
    double[] reduction = new double[n];
    for (int k = 0; k < n; k++) {
      reduction[k] = baseLoss[k] - two.values(Metric.ECONOMIC_LOSS)[k];
    }
    StatisticalTest.assertWithin4Se(100 * (2 + e), reduction);
  }

  /**
   * src (0, 0) --pipe (spill: 0 h, isolation 1)--> hub (0 N, 2 E) --last--> city: every successful
   * hit on pipe spills exactly 1, and a repair of 0 days disables nothing, so {@code spill_volume}
   * counts the hits.
   */
  private static String hitCounter(String name, int days, String header, String threats) {
    return """
        format: corridor-risk/v1
        name: %s
        horizon_days: %d
        %s
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10, location: {lat: 0, lon: 0}}
          - {id: hub, kind: junction, commodity: gas, location: {lat: 0, lon: 2}}
          - {id: city, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: pipe, from: src, to: hub, commodity: gas, capacity: 10, kind: pipeline,
             spill: {detection_hours: 0, isolation_volume: 1}}
          - {id: last, from: hub, to: city, commodity: gas, capacity: 10}
        threats:
        %s
        """
        .formatted(name, days, header, threats);
  }

  @Test
  void rateProfile_meanAttemptsIsTheIntegratedRate() {
    // 36.5 a year = 0.1 a day; steps: factor 0 on days 0..49, 3 on days 50..99:
    // E[attempts] = 0.1 x 3 x 50 = 15.
    String steps =
        hitCounter(
            "rate",
            100,
            "profiles:\n  - {id: late, steps: [{from_day: 0, factor: 0}, {from_day: 50, factor:"
                + " 3}]}",
            "  - {id: t, model: poisson, events_per_year: 36.5, rate_profile: late, targets: {links:"
                + " [pipe]}, repair_days: {dist: fixed, value: 0}}");
    StatisticalTest.assertWithin4Se(15, run(steps, 4000).values(Metric.SPILL_VOLUME));
    // monthly from 2023-01-20 over 40 days: 12 January days at 2, 28 February days at 0.5:
    // 0.1 x (24 + 14) = 3.8.
    String monthly =
        hitCounter(
            "rate-monthly",
            40,
            "start_date: 2023-01-20\nprofiles:\n  - {id: season, monthly: [2, 0.5, 1, 1, 1, 1, 1,"
                + " 1, 1, 1, 1, 1]}",
            "  - {id: t, model: poisson, events_per_year: 36.5, rate_profile: season, targets:"
                + " {links: [pipe]}, repair_days: {dist: fixed, value: 0}}");
    StatisticalTest.assertWithin4Se(3.8, run(monthly, 4000).values(Metric.SPILL_VOLUME));
  }

  @Test
  void hazard_poissonEventsWithUniformIntensity_meanHitsIsEventsTimesTheAveragedFragility() {
    // 73 events a year over 10 days: 2 events on average, all at (0.45 N, 1 E), 0.45 degrees from
    // the pipe's arc; halving_km = that distance, so I = I0 / 2 with I0 uniform on [0.2, 1.0].
    // p = mean over I0 of Phi(ln(I0 / 2 / 0.3) / 0.5) (midpoint rule) = 0.4635; E[hits] = 2 p.
    // Once on day 3 with probability 0.4 instead: E[hits] = 0.4 p.
    double r = 0.45 * 6371 * Math.PI / 180;
    String threat =
        """
          - id: quake
            model: hazard
            events_per_year: 73
            epicenter: {lat: 0.45, lon: 1}
            intensity: {at_epicenter: {dist: uniform, min: 0.2, max: 1.0}, halving_km: %s}
            fragility:
              - {kinds: [pipeline], median: 0.3, beta: 0.5}
            repair_days: {dist: fixed, value: 0}
        """
            .formatted(r);
    int steps = 100_000;
    double p = 0;
    for (int i = 0; i < steps; i++) {
      double i0 = 0.2 + 0.8 * (i + 0.5) / steps;
      p += PHI.cumulativeProbability(Math.log(i0 / 2 / 0.3) / 0.5);
    }
    p /= steps;
    assertEquals(0.4635, p, 1e-4, "the integral itself");
    String poisson = hitCounter("hazard", 10, "", threat);
    StatisticalTest.assertWithin4Se(2 * p, run(poisson, 10_000).values(Metric.SPILL_VOLUME));
    String once = poisson.replace("events_per_year: 73", "probability: 0.4\n    start_day: 3");
    StatisticalTest.assertWithin4Se(0.4 * p, run(once, 10_000).values(Metric.SPILL_VOLUME));
  }

  @Test
  void hazard_epicenterArea_failureShareIsTheAreaAverageOfTheFragility() {
    // One certain event with its epicentre uniform in degrees on lat [-1, 1] x lon [-1, 1]; the
    // source at (0, 0) with median 0.3, beta 0.5 under I = 0.6 x 2^(-r / 50 km). p = the mean over
    // the square of Phi(ln(I / 0.3) / 0.5) (midpoint rule on a 300 x 300 grid, great-circle r) =
    // 0.2332. A failing source is out 3 days (30 unserved): E = 30 p.
    String yaml =
        hitCounter(
            "hazard-area",
            10,
            "",
            """
              - id: quake
                model: hazard
                probability: 1
                start_day: 0
                epicenter_area: {lat: [-1, 1], lon: [-1, 1]}
                intensity: {at_epicenter: 0.6, halving_km: 50}
                fragility:
                  - {kinds: [source], median: 0.3, beta: 0.5}
                repair_days: {dist: fixed, value: 3}
            """);
    int grid = 300;
    double p = 0;
    for (int i = 0; i < grid; i++) {
      for (int j = 0; j < grid; j++) {
        double lat = Math.toRadians(-1 + 2 * (i + 0.5) / grid);
        double lon = Math.toRadians(-1 + 2 * (j + 0.5) / grid);
        // great-circle distance from (0, 0): cos(angle) = cos(lat) cos(lon)
        double km = 6371 * Math.acos(Math.cos(lat) * Math.cos(lon));
        double intensity = 0.6 * Math.pow(2, -km / 50);
        p += PHI.cumulativeProbability(Math.log(intensity / 0.3) / 0.5);
      }
    }
    p /= grid * grid;
    assertEquals(0.2332, p, 1e-4, "the integral itself");
    StatisticalTest.assertWithin4Se(30 * p, run(yaml, 10_000).unservedVolume()[0]);
  }

  @Test
  void uniformAndTriangularRepairs_meanOutageIsTheSumOfSurvivalAtWholeDays() {
    // E[ceil X] = sum over j >= 0 of P(X > j). uniform(2, 12): 1 + 1 + (10 + 9 + ... + 1) / 10 =
    // 7.5 days. triangular(1, 4, 20): 8.8333 days (the sum below). 10 unserved a day down.
    String uniform =
        pipe(
            "uniform",
            30,
            "",
            "  - {id: q, model: independent, probability: 1, start_day: 0, targets: {links: [pipe]},"
                + " repair_days: {dist: uniform, min: 2, max: 12}}");
    StatisticalTest.assertWithin4Se(75, run(uniform, 10_000).unservedVolume()[0]);
    DoubleUnaryOperator triangular =
        x -> {
          if (x <= 1) {
            return 1;
          }
          if (x <= 4) {
            return 1 - (x - 1) * (x - 1) / (19.0 * 3);
          }
          return x >= 20 ? 0 : (20 - x) * (20 - x) / (19.0 * 16);
        };
    double days = meanCeiledDays(triangular, 30);
    assertEquals(8.8333, days, 1e-4, "the sum itself");
    String tri =
        uniform.replace(
            "{dist: uniform, min: 2, max: 12}",
            "{dist: triangular, min: 1, mode: 4," + " max: 20}");
    StatisticalTest.assertWithin4Se(10 * days, run(tri, 10_000).unservedVolume()[0]);
  }

  @Test
  void restorationStageWithExponentialDays_meanLossInClosedForm() {
    // Severed for 4 days from day 0, then at 0.5 for ceil(X) days, X exponential of mean 3:
    // E = 4 x 10 + 5 x 1 / (1 - e^(-1/3)) = 40 + 5 x 3.5277 = 57.64.
    String yaml =
        pipe(
            "stage",
            60,
            "",
            """
              - {id: q, model: independent, probability: 1, start_day: 0, targets: {links: [pipe]},
                 damage: [{probability: 1, capacity_factor: 0, repair_days: {dist: fixed, value: 4},
                           restoration: [{capacity_factor: 0.5,
                                          days: {dist: exponential, mean: 3}}]}],
                 repair_days: {dist: fixed, value: 99}}
            """);
    double expected = 40 + 5 / (1 - Math.exp(-1.0 / 3));
    StatisticalTest.assertWithin4Se(expected, run(yaml, 10_000).unservedVolume()[0]);
  }
}
