package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link Streams#independentFailures} (the generator's state in locals) against the same draws
 * taken from the library generator {@link Streams#stream} gives: the failing positions and their
 * repair uniforms bit for bit, for probabilities from 0 to 1 (including a probability that is
 * exactly one of the drawn uniforms, where {@code <} must not admit it), written after the entries
 * before the given index, which stay as they were.
 */
class IndependentFailureDrawsTest {
  private static final long[] SCRATCH = new long[Streams.BLOCK];

  /** The draws as the trial loop took them from the library generator before. */
  private static int reference(
      long seed, long trial, long key, int targets, double p, int[] failed, double[] uRepair) {
    UniformRandomProvider rng = Streams.stream(seed, trial, key);
    int n = 0;
    for (int pos = 0; pos < targets; pos++) {
      if (rng.nextDouble() < p) {
        failed[n] = pos;
        uRepair[n++] = rng.nextDouble();
      } else {
        rng.nextLong();
      }
    }
    return n;
  }

  @Test
  void sameFailuresAndRepairUniformsAsTheLibraryGenerator() {
    double[] probabilities = {
      0.0,
      1e-300,
      0.01,
      Math.nextDown(Streams.BLOCKS_FROM),
      Streams.BLOCKS_FROM,
      0.1,
      0.5,
      0.9,
      1.0,
      2.0,
      Double.NaN,
      Double.POSITIVE_INFINITY,
      -0.5
    };
    int total = 0;
    for (long trial = 0; trial < 200; trial++) {
      for (double p : probabilities) {
        long seed = trial * 31 + 7;
        long key = Streams.threatKey("lines-" + (trial % 5));
        int targets = (int) (trial * 13 % 400);
        int[] expectedPos = new int[targets];
        double[] expectedU = new double[targets];
        // another threat's failures before this one's
        int at = (int) (trial % 7);
        int[] pos = new int[at + targets];
        double[] u = new double[at + targets];
        java.util.Arrays.fill(pos, -1);
        java.util.Arrays.fill(u, -1.0);
        int expected = reference(seed, trial, key, targets, p, expectedPos, expectedU);
        int got = Streams.independentFailures(seed, trial, key, targets, p, pos, u, at, SCRATCH);
        assertEquals(expected, got, "trial " + trial + " p " + p);
        for (int i = 0; i < at; i++) {
          assertEquals(-1, pos[i]);
          assertEquals(-1.0, u[i]);
        }
        for (int i = 0; i < got; i++) {
          assertEquals(expectedPos[i], pos[at + i]);
          assertEquals(
              Double.doubleToRawLongBits(expectedU[i]), Double.doubleToRawLongBits(u[at + i]));
        }
        total += got;
      }
    }
    assertTrue(total > 10_000, "failures compared: " + total);
  }

  @Test
  void aProbabilityEqualToADrawnUniformDoesNotFailIt() {
    // the first uniform of the stream as p: u < p is false for it, so position 0 must not fail
    long key = Streams.threatKey("t");
    double first = Streams.stream(3, 4, key).nextDouble();
    int[] pos = new int[1];
    double[] u = new double[1];
    assertEquals(0, Streams.independentFailures(3, 4, key, 1, first, pos, u, 0, SCRATCH));
    assertEquals(
        1, Streams.independentFailures(3, 4, key, 1, Math.nextUp(first), pos, u, 0, SCRATCH));
  }

  @Test
  void probabilitiesEqualToDrawnUniforms_inBothLoops() {
    // p = the failure uniform of target 37 (in the first block of 64), and the values beside it:
    // target 37 fails for nextUp(p) only; below and above BLOCKS_FROM (both loops)
    long key = Streams.threatKey("lines");
    int[] below = new int[2];
    for (long trial = 0; below[0] < 20 || below[1] < 20; trial++) {
      UniformRandomProvider rng = Streams.stream(9, trial, key);
      for (int k = 0; k < 37; k++) {
        rng.nextDouble();
        rng.nextLong();
      }
      double u37 = rng.nextDouble();
      below[u37 < Streams.BLOCKS_FROM ? 0 : 1]++;
      for (double p : new double[] {Math.nextDown(u37), u37, Math.nextUp(u37)}) {
        int[] expectedPos = new int[100];
        double[] expectedU = new double[100];
        int[] pos = new int[100];
        double[] u = new double[100];
        int expected = reference(9, trial, key, 100, p, expectedPos, expectedU);
        assertEquals(
            expected, Streams.independentFailures(9, trial, key, 100, p, pos, u, 0, SCRATCH));
        assertArrayEquals(expectedPos, pos);
        assertArrayEquals(expectedU, u);
        boolean fails37 = false;
        for (int i = 0; i < expected; i++) {
          fails37 |= pos[i] == 37;
        }
        assertEquals(p > u37, fails37, "trial " + trial + " p " + p);
      }
    }
  }

  @Test
  void failThreshold_sameDecisionAsTheUniform() {
    // k < failThreshold(p) exactly when k 2^-53 < p, for p at, just below and just above the
    // uniforms of k, k - 1 and k + 1 (and for 2^53 - 1, the largest k)
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(5L);
    for (int i = 0; i < 100_000; i++) {
      long k = i == 0 ? (1L << 53) - 1 : rng.nextLong() >>> (11 + rng.nextInt(53));
      double uk = k * 0x1.0p-53;
      for (double p : new double[] {uk, Math.nextUp(uk), Math.nextDown(uk)}) {
        for (long j = Math.max(0, k - 1); j <= Math.min((1L << 53) - 1, k + 1); j++) {
          assertEquals(j * 0x1.0p-53 < p, j < Streams.failThreshold(p), "k " + j + " p " + p);
        }
      }
    }
  }
}
