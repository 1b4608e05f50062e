package org.corridorrisk.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * The radix sort against the library sort, bit for bit: signed zeros, infinities, subnormals,
 * negative values, many ties, values sharing their high or low bits, NaN, and sizes around the
 * threshold.
 */
class DoubleSortTest {

  private static double value(UniformRandomProvider rng, int shape) {
    double u = rng.nextDouble();
    return switch (shape) {
      case 0 -> u < 0.3 ? 0.0 : (u < 0.5 ? -0.0 : Math.exp(30 * rng.nextDouble()) - 1);
      case 1 -> Math.floor(u * 9) - 4; // ties, negatives
      case 2 -> rng.nextInt(50) == 0 ? Double.POSITIVE_INFINITY : -u * 1e300;
      case 3 -> Double.MIN_VALUE * rng.nextInt(100) * (rng.nextBoolean() ? 1 : -1); // subnormal
      case 4 -> 1.0 + rng.nextInt(1000) * Math.ulp(1.0); // same high bits
      case 5 -> Math.scalb(1.0, rng.nextInt(2000) - 1000); // same low bits
      case 6 -> 0.0; // every value the same
      case 7 -> rng.nextInt(100_000) == 0 ? Double.NaN : Double.longBitsToDouble(rng.nextLong());
      default -> throw new IllegalArgumentException("shape " + shape);
    };
  }

  @Test
  void sortsExactlyAsTheLibrary() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(8L);
    for (int n : new int[] {0, 1, 4095, 4096, 4097, 30_000, 200_003}) {
      for (int shape = 0; shape < 9; shape++) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
          a[i] = shape == 8 ? value(rng, rng.nextInt(8)) : value(rng, shape);
        }
        double[] expected = a.clone();
        Arrays.sort(expected);
        DoubleSort.sort(a);
        assertArrayEquals(raw(expected), raw(a), "n " + n + " shape " + shape);
      }
    }
  }

  private static long[] raw(double[] a) {
    long[] r = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      r[i] = Double.doubleToRawLongBits(a[i]);
    }
    return r;
  }
}
