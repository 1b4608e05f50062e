package org.corridorrisk.report.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link NumberText}'s three-digit rounding in double arithmetic against the {@link BigDecimal}
 * rounding of the exact binary value it replaces, bit for bit and letter for letter: on random
 * values over 40 orders of magnitude, on values next to the rounding boundaries (half-way cases,
 * whose exact binary value decides), on powers of ten and their neighbours, on already rounded
 * values and on signed zeros.
 */
class NumberTextTest {
  private static double bigDecimalRound3(double a) {
    return new BigDecimal(a).round(new MathContext(3)).doubleValue();
  }

  private static String bigDecimalPlain(double v) {
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  private static void check(double v) {
    assertEquals(
        Double.doubleToRawLongBits(bigDecimalRound3(v)),
        Double.doubleToRawLongBits(NumberText.round3(v)),
        () -> "round3(" + v + ")");
    assertEquals(bigDecimalPlain(v), NumberText.plain(v), () -> "plain(" + v + ")");
  }

  @Test
  void sameAsBigDecimal_onRandomValuesOfEveryMagnitude() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    for (int i = 0; i < 300_000; i++) {
      double v = Math.pow(10, rng.nextDouble() * 40 - 20) * (rng.nextBoolean() ? 1 : -1);
      check(v);
      check(NumberText.round3(v)); // already rounded values, as plain() mostly gets them
    }
  }

  @Test
  void sameAsBigDecimal_nextToTheRoundingBoundaries() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(12L);
    int[] exponents = {-12, -5, -3, -2, -1, 0, 1, 2, 3, 6, 9, 15};
    for (int e : exponents) {
      for (int n = 100; n < 1000; n++) {
        double half = (n + 0.5) * Math.pow(10, e - 2);
        check(half);
        check(Math.nextUp(half));
        check(Math.nextDown(half));
        double whole = n * Math.pow(10, e - 2);
        check(whole);
        check(Math.nextUp(whole));
        check(Math.nextDown(whole));
      }
      double power = Math.pow(10, e);
      for (int k = -3; k <= 3; k++) {
        double near = power;
        for (int step = 0; step < Math.abs(k); step++) {
          near = k > 0 ? Math.nextUp(near) : Math.nextDown(near);
        }
        check(near);
        check(near * (1 + 1e-10));
        check(near * (1 - 1e-10));
      }
      check(999.5 * Math.pow(10, e - 2) * (1 + rng.nextDouble() * 1e-12));
    }
    // exact binary half-way values (12.25 is exact: BigDecimal rounds it half up to 12.3)
    for (double v : new double[] {12.25, 0.125, 1.125, 100.5, 2.5e-3, 999.5, 0.9995, 1e-3, 1e-17}) {
      check(v);
      check(-v);
    }
  }

  @Test
  void zerosAndExtremes() {
    for (double v :
        new double[] {
          0.0, -0.0, Double.MIN_VALUE, 1e-300, 1e300, Double.MAX_VALUE, 1e22, 9.99e21
        }) {
      check(v);
      check(-v);
    }
    assertEquals("12.3", NumberText.plain(12.3456));
    assertEquals("0.00123", NumberText.plain(0.0012345));
    assertEquals("12300", NumberText.plain(12345.6));
    assertTrue(NumberText.compact(12_345_678).equals("12.3M"));
  }

  @Test
  void compact_theSmallestDoubles_areWrittenNotFailed() {
    // a log axis down to the smallest doubles (a profile factor of 1e-320 made such losses) ended
    // in an internal error: the mantissa was divided by 10^-324, which is 0 as a double
    assertEquals("4.9e-324", NumberText.compact(Double.MIN_VALUE));
    assertEquals("-4.9e-324", NumberText.compact(-Double.MIN_VALUE));
    assertEquals("1e-320", NumberText.compact(1e-320));
    assertEquals("1.2e-5", NumberText.compact(1.234e-5));
    assertEquals("1e-4", NumberText.compact(9.96e-5));
    assertEquals("9.9e-4", NumberText.compact(9.9e-4));
  }

  @Test
  void plural_ofAWordEndingInVowelAndY_addsS() {
    org.junit.jupiter.api.Assertions.assertEquals("days", NumberText.plural(30, "day"));
    org.junit.jupiter.api.Assertions.assertEquals("day", NumberText.plural(1, "day"));
    org.junit.jupiter.api.Assertions.assertEquals("entries", NumberText.plural(2, "entry"));
  }
}
