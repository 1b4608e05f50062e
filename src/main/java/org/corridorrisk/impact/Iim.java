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
 *
 * <p>Design note (radius near 1): the iteration's error shrinks by about the spectral radius per
 * step, so a radius of 0.999 needs some 28,000 steps and a radius of 1 - 1e-6 tens of millions; the
 * stop test (no change of {@value #TOLERANCE} or more) also leaves an error of up to {@code
 * TOLERANCE / (1 - radius)}. After {@value #ITERATION_BUDGET} steps without convergence the answer
 * is therefore computed exactly instead ({@link #solveExactly}): policy iteration over which
 * sectors sit at the cap, each policy's linear system solved by Gaussian elimination with partial
 * pivoting ({@code n^3 / 3} multiply-adds, a few hundred steps' worth at 200 sectors). Every fixed
 * point that converges within the budget (spectral radius up to about 0.97 from a full cut) keeps
 * the iteration's bits. Rejected: estimating the radius up front (an eigen-decomposition per
 * matrix, and still a threshold to choose); always solving exactly (changes the last bits of every
 * result, and is slower for the small, well-damped matrices of the examples).
 */
public final class Iim {
  /** Iteration stops when no entry changes by this much or more. */
  public static final double TOLERANCE = 1e-12;

  /** Iterations tried before the exact solve takes over (see the class comment). */
  static final int ITERATION_BUDGET = 1000;

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
    for (int iter = 0; iter < ITERATION_BUDGET; iter++) {
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
    solveExactly(a, cStar, q);
  }

  /**
   * Writes the fixed point of {@code q = min(1, A q + c)} into {@code q} by policy iteration
   * (Howard's algorithm): a policy says which sectors sit at the cap; the capped sectors are fixed
   * at 1, the others solve {@code q_i = (A q + c)_i} exactly; then every sector is capped where
   * {@code (A q + c)_i > 1} and uncapped where it is below 1 (ties keep the policy), until the
   * policy no longer changes. The result then satisfies the equation up to rounding, and the fixed
   * point is unique when the spectral radius is below 1 (two fixed points x, y have {@code |x - y|
   * <= A |x - y|}). Allocates {@code n^2} doubles.
   *
   * @param q on entry a lower bound of the answer (the iterate from {@code c*}, or {@code c*}): its
   *     entries at 1 start capped, which is right for them; on return the answer, in [0, 1]
   */
  static void solveExactly(double[][] a, double[] cStar, double[] q) {
    int n = cStar.length;
    boolean[] capped = new boolean[n];
    for (int i = 0; i < n; i++) {
      capped[i] = q[i] >= 1.0;
    }
    double[][] m = new double[n][n];
    double[] z = new double[n];
    // the capped set only shrinks after the first solve (its solution bounds the answer from
    // above and later solutions decrease), so n + 2 rounds suffice; the bound guards rounding ties
    for (int round = 0; round < n + 2; round++) {
      for (int i = 0; i < n; i++) {
        double[] row = m[i];
        if (capped[i]) {
          java.util.Arrays.fill(row, 0);
          row[i] = 1;
          z[i] = 1;
        } else {
          for (int j = 0; j < n; j++) {
            row[j] = -a[i][j];
          }
          row[i] += 1;
          z[i] = cStar[i];
        }
      }
      solveInPlace(m, z);
      boolean changed = false;
      for (int i = 0; i < n; i++) {
        double s = cStar[i];
        double[] row = a[i];
        for (int j = 0; j < n; j++) {
          s += row[j] * z[j];
        }
        boolean cap = s > 1 || (s == 1 && capped[i]);
        changed |= cap != capped[i];
        capped[i] = cap;
      }
      if (!changed) {
        break;
      }
    }
    for (int i = 0; i < n; i++) {
      q[i] = capped[i] ? 1.0 : Math.min(1.0, Math.max(0.0, z[i]));
    }
  }

  /**
   * Solves {@code m x = b} by Gaussian elimination with partial pivoting; {@code m} is destroyed
   * and {@code b} becomes {@code x}. {@code m} is nonsingular here: {@code I - A} with some rows
   * replaced by unit rows is a nonsingular M-matrix when A's spectral radius is below 1.
   */
  private static void solveInPlace(double[][] m, double[] b) {
    int n = b.length;
    for (int k = 0; k < n; k++) {
      int p = k;
      for (int i = k + 1; i < n; i++) {
        if (Math.abs(m[i][k]) > Math.abs(m[p][k])) {
          p = i;
        }
      }
      if (p != k) {
        double[] row = m[p];
        m[p] = m[k];
        m[k] = row;
        double t = b[p];
        b[p] = b[k];
        b[k] = t;
      }
      double[] pivotRow = m[k];
      double pivot = pivotRow[k];
      for (int i = k + 1; i < n; i++) {
        double[] row = m[i];
        double f = row[k] / pivot;
        if (f != 0) {
          for (int j = k; j < n; j++) {
            row[j] -= f * pivotRow[j];
          }
          b[i] -= f * b[k];
        }
      }
    }
    for (int k = n - 1; k >= 0; k--) {
      double s = b[k];
      double[] row = m[k];
      for (int j = k + 1; j < n; j++) {
        s -= row[j] * b[j];
      }
      b[k] = s / row[k];
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
