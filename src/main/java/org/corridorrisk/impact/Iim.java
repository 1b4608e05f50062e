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
 *
 * <p>Design note (speed): an iteration is {@code n^2} multiply-adds, and each row's sum is one
 * chain of dependent additions, so a plain loop waits for every addition (about four cycles each).
 * The rows are computed four at a time, each with its own sum that adds the same terms in the same
 * order as the plain loop (Java never fuses a multiply and an add), so the iterates are bitwise
 * those of the plain loop while the four chains overlap. With 200 sectors that made a disturbed
 * day's fixed point about three times faster (docs/performance.md, "Scenario families beyond the
 * grid").
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
      int i = 0;
      // four rows at a time: four independent chains of additions (see the class comment)
      for (; i + 3 < n; i += 4) {
        double[] r0 = a[i];
        double[] r1 = a[i + 1];
        double[] r2 = a[i + 2];
        double[] r3 = a[i + 3];
        double s0 = cStar[i];
        double s1 = cStar[i + 1];
        double s2 = cStar[i + 2];
        double s3 = cStar[i + 3];
        for (int j = 0; j < n; j++) {
          double qj = q[j];
          s0 += r0[j] * qj;
          s1 += r1[j] * qj;
          s2 += r2[j] * qj;
          s3 += r3[j] * qj;
        }
        change = step(change, s0, q, scratch, i);
        change = step(change, s1, q, scratch, i + 1);
        change = step(change, s2, q, scratch, i + 2);
        change = step(change, s3, q, scratch, i + 3);
      }
      for (; i < n; i++) {
        double s = cStar[i];
        double[] row = a[i];
        for (int j = 0; j < n; j++) {
          s += row[j] * q[j];
        }
        change = step(change, s, q, scratch, i);
      }
      System.arraycopy(scratch, 0, q, 0, n);
      if (change < TOLERANCE) {
        return;
      }
    }
  }

  /**
   * Row {@code i}'s next iterate {@code min(1, s)} into {@code scratch}; returns the new change.
   */
  private static double step(double change, double s, double[] q, double[] scratch, int i) {
    double next = Math.min(1.0, s);
    scratch[i] = next;
    return Math.max(change, Math.abs(next - q[i]));
  }

  /** Convenience form that allocates: the least fixed point for {@code cStar}. */
  public static double[] leastFixedPoint(double[][] a, double[] cStar) {
    double[] q = new double[cStar.length];
    leastFixedPoint(a, cStar, q, new double[cStar.length]);
    return q;
  }
}
