package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.junit.jupiter.api.Test;

/** Demand, supply, capacity and rate profiles, computed by hand. */
class ProfilesTest {
  private static final double EPS = 1e-9;

  /**
   * source 10 -> sink (demand 10, population 1000), link capacity 100; a threat that never fires.
   */
  private static String network(String header, String sinkExtra, String sourceExtra, int days) {
    return """
        format: corridor-risk/v1
        name: profiles
        horizon_days: %d
        %s
        commodities: [{id: gas, unit: mcm/d}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10%s}
          - {id: city, kind: sink, commodity: gas, demand: 10, population: 1000%s}
        links:
          - {id: pipe, from: src, to: city, commodity: gas, capacity: 100}
        threats:
          - {id: none, model: poisson, events_per_year: 0, targets: {links: [pipe]},
             repair_days: {dist: fixed, value: 1}}
        """
        .formatted(days, header, sourceExtra, sinkExtra);
  }

  private static StudyResult run(String yaml, int trials) {
    Scenario s = Yaml.load(yaml).baseline();
    return MonteCarlo.run(s, RunOptions.of(trials, 1, 1));
  }

  @Test
  void monthlyDemandWithoutStartDateStartsOnFirstOfJanuary() {
    // Day 0 = 1 January; 59 days = January (31, factor 2: demand 20) + February (28, factor 1).
    // Supply 10: January short 10 a day -> 310 unserved; February served in full.
    // unserved_fraction = 310 / (31 x 20 + 28 x 10) = 310 / 900.
    // person-days = 31 x 1000 x 10 / 20 = 15,500 (the day's demand, not the nominal 10).
    String yaml =
        network(
            "profiles:\n  - {id: heat, monthly: [2, 1, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1]}",
            ", demand_profile: heat",
            "",
            59);
    StudyResult r = run(yaml, 3);
    for (int k = 0; k < 3; k++) {
      assertEquals(310.0 / 900.0, r.values(Metric.UNSERVED_FRACTION)[k], EPS);
      assertEquals(15_500.0, r.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)[k], 1e-6);
      assertEquals(310.0, r.unservedVolume()[0][k], EPS);
    }
  }

  @Test
  void monthlyDemandFollowsTheStartDate() {
    // start 2023-01-17: days 0..14 January (15 days, demand 20), days 15..42 February 2023 (28,
    // demand 10), days 43..58 March (16 days, factor 3: demand 30).
    // unserved = 15 x 10 + 16 x 20 = 470; demand = 15 x 20 + 28 x 10 + 16 x 30 = 1060.
    // person-days = 15 x 1000 x 10/20 + 16 x 1000 x 20/30 = 7,500 + 10,666.67.
    String yaml =
        network(
            "start_date: 2023-01-17\nprofiles:\n  - {id: heat, monthly: [2, 1, 3, 1, 1, 1, 1, 1, 1,"
                + " 1, 1, 1]}",
            ", demand_profile: [heat]",
            "",
            59);
    StudyResult r = run(yaml, 2);
    assertEquals(470.0 / 1060.0, r.values(Metric.UNSERVED_FRACTION)[0], EPS);
    assertEquals(7_500.0 + 16_000.0 * 2 / 3, r.values(Metric.PERSON_DAYS_WITHOUT_SERVICE)[0], 1e-6);
    // the same date quoted (an ISO string) means the same
    StudyResult q = run(yaml.replace("2023-01-17", "\"2023-01-17\""), 2);
    assertEquals(r.values(Metric.UNSERVED_FRACTION)[0], q.values(Metric.UNSERVED_FRACTION)[0], 0.0);
  }

  @Test
  void supplyStepOutageAndMultipliedProfiles() {
    // supply 10 x steps (1 from day 0, 0 from day 5, 1 from day 8): days 5, 6, 7 deliver nothing.
    // demand 10 x season (0.5 from day 0) x panic (1 from 0, 1.6 from day 6) -> 5, then 8 from day
    // 6.
    // unserved: day 5: 5, days 6-7: 8 each -> 21; served supply otherwise >= demand.
    // demand over 10 days = 6 x 5 + 4 x 8 = 62.
    String yaml =
        network(
            "profiles:\n"
                + "  - {id: cut, steps: [{from_day: 0, factor: 1}, {from_day: 5, factor: 0},"
                + " {from_day: 8, factor: 1}]}\n"
                + "  - {id: season, steps: [{from_day: 0, factor: 0.5}]}\n"
                + "  - {id: panic, steps: [{from_day: 0, factor: 1}, {from_day: 6, factor: 1.6}]}",
            ", demand_profile: [season, panic]",
            ", supply_profile: cut",
            10);
    StudyResult r = run(yaml, 2);
    assertEquals(21.0, r.unservedVolume()[0][0], EPS);
    assertEquals(21.0 / 62.0, r.values(Metric.UNSERVED_FRACTION)[0], EPS);
  }

  @Test
  void capacityProfileLimitsTheLink() {
    // capacity 100 x 0.04 = 4 on days 0..9 (then x 1): 6 unserved a day for 10 days of 20.
    String yaml =
        network(
                "profiles:\n  - {id: ice, steps: [{from_day: 0, factor: 0.04}, {from_day: 10,"
                    + " factor: 1}]}",
                "",
                "",
                20)
            .replace("capacity: 100}", "capacity: 100, capacity_profile: ice}");
    StudyResult r = run(yaml, 2);
    assertEquals(60.0, r.unservedVolume()[0][0], EPS);
  }

  @Test
  void rateProfilePutsAttemptsOnlyWhereTheRateIsPositive() {
    // rate 0 on days 0..49, 36.5/yr x 10 = 1 a day on days 50..99: with a 1-day repair and a
    // link that is the only path, every unserved day is >= 50, so at most 50 days of 10 are lost
    // and some trials lose something.
    String base =
        network(
            "profiles:\n  - {id: late, steps: [{from_day: 0, factor: 0}, {from_day: 50, factor:"
                + " 10}]}",
            "",
            "",
            100);
    String yaml =
        base.replace(
            "events_per_year: 0, targets: {links: [pipe]},",
            "events_per_year: 36.5, rate_profile: late, targets: {links: [pipe]},");
    Scenario s = Yaml.load(yaml).baseline();
    StudyResult r = MonteCarlo.run(s, RunOptions.of(200, 3, 1));
    double any = 0;
    for (int k = 0; k < 200; k++) {
      double u = r.unservedVolume()[0][k];
      assertTrue(u <= 500 + EPS, "trial " + k + " lost " + u);
      any += u;
    }
    assertTrue(any > 0);
    for (int day = 0; day < 50; day++) {
      assertEquals(1.0, r.daily().mean()[0][day], EPS, "day " + day);
    }
  }

  @Test
  void aFlatRateProfileKeepsTheAttemptsOfThePlainRate() {
    // factor 1 every day: the inverse of the cumulative rate is t = S / rate, the plain process on
    // the same uniforms (common random numbers), so every trial's loss is the same.
    String plain =
        network("", "", "", 60)
            .replace(
                "events_per_year: 0, targets: {links: [pipe]},",
                "events_per_year: 20, targets: {links: [pipe]},")
            .replace("value: 1}", "value: 3}");
    String flat =
        plain
            .replace("events_per_year: 20,", "events_per_year: 20, rate_profile: one,")
            .replace(
                "commodities:",
                "profiles:\n  - {id: one, steps: [{from_day: 0, factor: 1}]}\ncommodities:");
    StudyResult a = MonteCarlo.run(Yaml.load(plain).baseline(), RunOptions.of(300, 5, 1));
    StudyResult b = MonteCarlo.run(Yaml.load(flat).baseline(), RunOptions.of(300, 5, 1));
    double lost = 0;
    for (int k = 0; k < 300; k++) {
      assertEquals(a.unservedVolume()[0][k], b.unservedVolume()[0][k], EPS, "trial " + k);
      lost += a.unservedVolume()[0][k];
    }
    assertTrue(lost > 0);
  }
}
