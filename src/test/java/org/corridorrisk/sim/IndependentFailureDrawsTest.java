package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * {@link Streams#independentFailures} (the generator's state in locals) against the same draws
 * taken from the library generator {@link Streams#stream} gives: the failing positions and their
 * repair uniforms bit for bit, for probabilities from 0 to 1 (including a probability that is
 * exactly one of the drawn uniforms, where {@code <} must not admit it), written after the entries
 * before the given index, which stay as they were.
 */
class IndependentFailureDrawsTest {

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
    double[] probabilities = {0.0, 1e-300, 0.01, 0.1, 0.5, 0.9, 1.0, 2.0};
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
        int got = Streams.independentFailures(seed, trial, key, targets, p, pos, u, at);
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
    assertEquals(0, Streams.independentFailures(3, 4, key, 1, first, pos, u, 0));
    assertEquals(1, Streams.independentFailures(3, 4, key, 1, Math.nextUp(first), pos, u, 0));
  }
}
