package org.corridorrisk.impact;

/**
 * The inoperability input-output model (Haimes and Jiang 2001; Santos and Haimes 2004): given the
 * direct inoperability {@code c*} of each sector on one day, the total inoperability {@code q} is
 * the least fixed point of {@code q = min(1, A* q + c*)} (elementwise).
 *
 * <p>Design note: the fixed point is found by monotone iteration from {@code q = c*}. Because A*
 * has no negative entries the map is monotone, so the iterates increase to the least fixed point;
 * with spectral radius below 1 (checked by the model) they converge geometrically. The cap at 1
 * keeps a sector from being more than fully inoperable, which a plain linear solve {@code (I -
 * A*)^-1 c*} would not.
 */
public final class Iim {
  /** Iteration stops when no entry changes by this much or more. */
  public static final double TOLERANCE = 1e-12;

  private static final int MAX_ITERATIONS = 1_000_000;

  private Iim() {}

  /**
   * Writes the least fixed point of {@code q = min(1, A q + c)} into {@code q}.
   *
   * @param a the interdependency matrix A* (n x n, entries in [0, 1])
   * @param cStar direct inoperability per sector, in [0, 1]; not modified
   * @param q output, length n
   * @param scratch work array, length n
   */
  public static void leastFixedPoint(double[][] a, double[] cStar, double[] q, double[] scratch) {
    int n = cStar.length;
    System.arraycopy(cStar, 0, q, 0, n);
    boolean anyPositive = false;
    for (int i = 0; i < n; i++) {
      if (cStar[i] > 0) {
        anyPositive = true;
        break;
      }
    }
    if (!anyPositive) {
      return;
    }
    for (int iter = 0; iter < MAX_ITERATIONS; iter++) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        double s = cStar[i];
        double[] row = a[i];
        for (int j = 0; j < n; j++) {
          s += row[j] * q[j];
        }
        double next = Math.min(1.0, s);
        change = Math.max(change, Math.abs(next - q[i]));
        scratch[i] = next;
      }
      System.arraycopy(scratch, 0, q, 0, n);
      if (change < TOLERANCE) {
        return;
      }
    }
  }

  /** Convenience form that allocates: the least fixed point for {@code cStar}. */
  public static double[] leastFixedPoint(double[][] a, double[] cStar) {
    double[] q = new double[cStar.length];
    leastFixedPoint(a, cStar, q, new double[cStar.length]);
    return q;
  }
}
