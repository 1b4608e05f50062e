package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Hazard footprints at known distances from a fixed epicentre, computed by hand. */
class HazardTest {
  private static final double EPS = 1e-9;

  /** Kilometres per degree of a great circle on the sphere of radius 6371 km. */
  private static final double KM_PER_DEGREE = 6371.0 * Math.PI / 180;

  /**
   * src at (0, 0) feeds city (no location) over "line" from src to "hub" at {@code hub}: the hazard
   * (once on day 0, certain) damages {@code kinds} with median {@code median}, beta {@code beta}.
   */
  private static String scenario(
      String epicenter, double halvingKm, String kinds, double median, double beta, String hub) {
    return """
        format: corridor-risk/v1
        name: hazard
        horizon_days: 20
        commodities: [{id: gas}]
        nodes:
          - {id: src, kind: source, commodity: gas, supply: 10, location: {lat: 0, lon: 0}}
          - {id: hub, kind: junction, commodity: gas, location: %s}
          - {id: city, kind: sink, commodity: gas, demand: 10}
        links:
          - {id: line, from: src, to: hub, commodity: gas, capacity: 10, kind: pipeline}
          - {id: last, from: hub, to: city, commodity: gas, capacity: 10}
        threats:
          - id: quake
            model: hazard
            probability: 1
            start_day: 0
            epicenter: %s
            intensity: {at_epicenter: 1.0, halving_km: %s}
            fragility:
              - {kinds: [%s], median: %s, beta: %s}
            repair_days: {dist: fixed, value: 5}
        """
        .formatted(hub, epicenter, halvingKm, kinds, median, beta);
  }

  private static StudyResult run(String yaml, int trials) {
    return MonteCarlo.run(Yaml.load(yaml).baseline(), RunOptions.of(trials, 11, 1));
  }

  @Test
  void nodeAtAKnownDistance_failsWithTheLognormalFragility() {
    // Epicentre on the equator 0.9 degrees east of src: r = 0.9 x 6371 pi / 180 = 100.07 km.
    // halving_km = r / 2, so I = 1.0 x 2^-2 = 0.25; median 0.5, beta 0.5:
    // p = Phi(ln(0.25 / 0.5) / 0.5) = Phi(-1.386294) = 0.082828.
    // A failing source is out 5 days: 50 unserved; otherwise 0.
    double r = 0.9 * KM_PER_DEGREE;
    String yaml = scenario("{lat: 0, lon: 0.9}", r / 2, "source", 0.5, 0.5, "{lat: 0, lon: 10}");
    int n = 6000;
    StudyResult res = run(yaml, n);
    int failed = 0;
    for (int k = 0; k < n; k++) {
      double u = res.unservedVolume()[0][k];
      assertTrue(u == 0 || Math.abs(u - 50) < EPS, "trial " + k + ": " + u);
      failed += u > 0 ? 1 : 0;
    }
    double p = 0.082828;
    assertEquals(p, failed / (double) n, 4 * Math.sqrt(p * (1 - p) / n));
  }

  @Test
  void linkDistanceIsToTheNearestPointOfItsArc() {
    // line runs along the equator from (0, 0) to hub (0, 2). Epicentre at (0.45 N, 1 E): the
    // nearest point of the arc is (0, 1), r = 0.45 degrees = 50.04 km; the ends are about 122 km
    // away. halving_km = 50.04: I = 0.5 on the arc, 2^(-122/50) = 0.18 at the ends. median 0.3,
    // beta 0.01: p = Phi(ln(0.5/0.3)/0.01) = Phi(51) = 1 by the arc, Phi(-50) = 0 by the ends.
    // So the line fails in every trial: out 5 days -> 50 unserved.
    double r = 0.45 * KM_PER_DEGREE;
    String yaml = scenario("{lat: 0.45, lon: 1}", r, "pipeline", 0.3, 0.01, "{lat: 0, lon: 2}");
    StudyResult res = run(yaml, 50);
    for (int k = 0; k < 50; k++) {
      assertEquals(50.0, res.unservedVolume()[0][k], EPS, "trial " + k);
    }
    // Moved east beyond the arc's end (0.45 N, 3 E): nearest is the end hub, about 122 km away
    // (sqrt(0.45^2 + 1^2) degrees, nearly flat): I = 0.18 < 0.3, p = 0: no trial fails.
    StudyResult beyond =
        run(scenario("{lat: 0.45, lon: 3}", r, "pipeline", 0.3, 0.01, "{lat: 0, lon: 2}"), 50);
    for (int k = 0; k < 50; k++) {
      assertEquals(0.0, beyond.unservedVolume()[0][k], EPS, "trial " + k);
    }
  }

  @Test
  void arcDistanceFormula() {
    // the same geometry through the function: (0.45 N, 1 E) to the arc (0,0)-(0,2) is 0.45 degrees
    double[] p = ThreatPlan.Footprint.unit(0.45, 1);
    double[] a = ThreatPlan.Footprint.unit(0, 0);
    double[] b = ThreatPlan.Footprint.unit(0, 2);
    assertEquals(
        Math.toRadians(0.45), ThreatPlan.Footprint.arcAngle(p, a, b), 1e-12, "inside the arc");
    // beyond the end: the distance to the end (0, 2) from (0, 3) is 1 degree
    assertEquals(
        Math.toRadians(1),
        ThreatPlan.Footprint.arcAngle(ThreatPlan.Footprint.unit(0, 3), a, b),
        1e-12);
    // along a meridian: (10 N, 0) to (20 N, 0) from (15 N, 1 E): cross-track distance
    // asin(sin(1 deg) cos(15 deg)) (spherical right triangle)
    double expected = Math.asin(Math.sin(Math.toRadians(1)) * Math.cos(Math.toRadians(15)));
    assertEquals(
        expected,
        ThreatPlan.Footprint.arcAngle(
            ThreatPlan.Footprint.unit(15, 1),
            ThreatPlan.Footprint.unit(10, 0),
            ThreatPlan.Footprint.unit(20, 0)),
        1e-12);
  }

  @Test
  void anIntensityDrawBeyondTheLargestDouble_isTheLargestDouble() {
    // a lognormal from 1e-300 (median) to 1e30 (p90) has sigma 593: its quantiles above about
    // 0.991 overflow to Infinity, which the exercise wrote as "Infinity" (and which, times the
    // factor 2^(-r / halving_km) that underflows to 0 far away, is NaN)
    String yaml =
        scenario("{lat: 0, lon: 0.9}", 50, "source", 0.5, 0.5, "{lat: 0, lon: 10}")
            .replace(
                "at_epicenter: 1.0", "at_epicenter: {dist: lognormal, median: 1e-300, p90: 1e30}")
            .replace("probability: 1\n    start_day: 0\n", "events_per_year: 3000\n");
    TrialReplay replay = new TrialReplay(Yaml.load(yaml).baseline());
    int events = 0;
    int largest = 0;
    for (int k = 0; k < 5; k++) {
      TrialReplayTest.Recording rec = new TrialReplayTest.Recording();
      replay.replay(11, k, rec);
      for (TrialEvent e : rec.events) {
        if (e.type() == TrialEvent.Type.HAZARD) {
          double i0 = (Double) e.details().get("intensity");
          assertTrue(Double.isFinite(i0) && i0 >= 0, "intensity " + i0 + " on day " + e.day());
          events++;
          largest += i0 == Double.MAX_VALUE ? 1 : 0;
        }
      }
    }
    assertTrue(events > 500, events + " events");
    assertTrue(largest > 0, "no draw in the overflowing tail among " + events + " events");
  }

  @Test
  void aTriangularIntensityBeyond1e154_drawsWithinItsRange() {
    // the library's triangular quantile multiplies two widths: above about 1e154 every draw was
    // -Infinity (no asset failed); the format sets the intensity no upper bound
    String yaml =
        scenario("{lat: 0, lon: 0.9}", 50, "source", 0.5, 0.5, "{lat: 0, lon: 10}")
            .replace(
                "at_epicenter: 1.0",
                "at_epicenter: {dist: triangular, min: 1e100, mode: 1e200, max: 1e300}")
            .replace("probability: 1\n    start_day: 0\n", "events_per_year: 3000\n");
    TrialReplay replay = new TrialReplay(Yaml.load(yaml).baseline());
    int events = 0;
    TrialReplayTest.Recording rec = new TrialReplayTest.Recording();
    replay.replay(11, 0, rec);
    for (TrialEvent e : rec.events) {
      if (e.type() == TrialEvent.Type.HAZARD) {
        double i0 = (Double) e.details().get("intensity");
        assertTrue(i0 >= 1e100 && i0 <= 1e300, "intensity " + i0 + " on day " + e.day());
        events++;
      }
    }
    assertTrue(events > 100, events + " events");
  }
}
