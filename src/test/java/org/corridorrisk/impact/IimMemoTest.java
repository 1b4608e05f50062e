package org.corridorrisk.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link IimMemo} must give bitwise what {@link Iim#leastFixedPoint} gives, for repeated vectors
 * (answered from the memo), new ones, vectors that share a slot (with 24 sectors there are 1,024
 * slots and 600 distinct vectors here, so some collide and overwrite each other), and vectors that
 * differ only in the sign of a zero.
 */
class IimMemoTest {
  @Test
  void bitwiseTheComputedFixedPointForRepeatedAndNewVectors() {
    int n = 24;
    SplittableRandom random = new SplittableRandom(7);
    double[][] a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = i == j ? 0 : random.nextDouble() * 0.8 / n;
      }
    }
    double[][] pool = new double[600][n];
    for (double[] c : pool) {
      for (int i = 0; i < n; i++) {
        double u = random.nextDouble();
        c[i] = u < 0.7 ? 0 : u < 0.95 ? random.nextDouble() * 0.4 : 1.0;
      }
    }
    pool[1] = pool[0].clone();
    pool[1][3] = -0.0; // same value as +0.0 unless pool[0][3] was not 0: a distinct key either way
    IimMemo memo = new IimMemo(a);
    double[] q = new double[n];
    double[] scratch = new double[n];
    for (int k = 0; k < 5_000; k++) {
      double[] c = pool[k < 600 ? k : random.nextInt(k % 3 == 0 ? 600 : 40)];
      memo.leastFixedPoint(c, q, scratch);
      double[] expected = Iim.leastFixedPoint(a, c);
      for (int i = 0; i < n; i++) {
        assertEquals(
            Double.doubleToRawLongBits(expected[i]),
            Double.doubleToRawLongBits(q[i]),
            "call " + k + " sector " + i);
      }
    }
    assertTrue(memo.hits > 1_000, "hits " + memo.hits);
    assertTrue(memo.misses >= 600, "misses " + memo.misses);
  }

  @Test
  void fewSectorsPassEveryCallThrough() {
    double[][] a = {{0, 0.5}, {0.2, 0}};
    IimMemo memo = new IimMemo(a);
    double[] q = new double[2];
    for (int k = 0; k < 3; k++) {
      memo.leastFixedPoint(new double[] {0.1, 0}, q, new double[2]);
    }
    // q1 = 0.1 + 0.5 q2, q2 = 0.2 q1  ->  q1 = 0.1 / 0.9
    assertEquals(0.1 / 0.9, q[0], 1e-11);
    assertEquals(0, memo.hits + memo.misses);
  }
}
