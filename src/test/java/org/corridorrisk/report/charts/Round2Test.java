package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Figure#round2} writes the same text as its definition by string concatenation. */
class Round2Test {
  private static void same(double v) {
    assertEquals(Figure.round2Concatenated(v), Figure.round2(v), Double.toString(v));
  }

  @Test
  void sameTextAsTheDefinition_overManyMagnitudesAndSigns() {
    Random random = new Random(2); // test data only
    for (int i = 0; i < 300_000; i++) {
      double magnitude = Math.pow(10, random.nextInt(22) - 4);
      double v = (random.nextDouble() - 0.5) * 2 * magnitude;
      same(v);
      same(Math.round(v * 100) / 100.0); // exact hundredths and tenths
      same(Math.round(v * 10) / 10.0);
    }
    for (long h = -100_000; h <= 100_000; h++) {
      same(h / 100.0);
      same(h / 100.0 + 0.005);
      same(h / 100.0 - 0.005);
    }
    double[] edge = {
      0,
      -0.0,
      0.004,
      -0.004,
      0.005,
      -0.005,
      0.01,
      -0.01,
      0.1,
      -0.1,
      0.99,
      1.01,
      9.99,
      10.05,
      1e13,
      1e15,
      9.99e15,
      1e16,
      -1e16,
      9.2e16,
      1e17,
      1e300,
      -1e300,
      Double.MAX_VALUE,
      -Double.MAX_VALUE,
      Double.MIN_VALUE,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      Double.NEGATIVE_INFINITY,
      Long.MAX_VALUE / 100.0,
      Long.MIN_VALUE / 100.0
    };
    for (double v : edge) {
      same(v);
    }
  }
}
