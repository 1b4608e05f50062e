package org.corridorrisk.model;

import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;

/**
 * The economy that sinks feed: sectors and the inoperability input-output matrix A*.
 *
 * <p>{@code interdependency[i][j]} is the share of sector i's inoperability caused by sector j's
 * (Haimes and Jiang 2001; Santos and Haimes 2004). Entries are in [0, 1]. The matrix must have
 * spectral radius below 1, otherwise {@code q = A* q + c*} has no finite solution; a radius within
 * {@link #RADIUS_TOLERANCE} of 1 counts as 1 (the eigenvalues are computed in floating point).
 */
public record Economy(List<Sector> sectors, double[][] interdependency) {

  public Economy {
    sectors = List.copyOf(sectors);
    int n = sectors.size();
    if (interdependency == null) {
      interdependency = new double[n][n];
    }
    if (interdependency.length != n) {
      throw RuleException.of(
          "interdependency",
          Rule.SHAPE,
          interdependency.length,
          "must have " + n + " rows (one per sector) but had " + interdependency.length,
          "economy");
    }
    double[][] copy = new double[n][];
    for (int i = 0; i < n; i++) {
      if (interdependency[i].length != n) {
        String message = "must have " + n + " entries but had " + interdependency[i].length;
        throw new RuleException(
            RuleViolation.of(
                "interdependency[" + i + "]", Rule.SHAPE, interdependency[i].length, message),
            "interdependency row " + i,
            "economy");
      }
      for (int j = 0; j < n; j++) {
        Checks.inRange(
            interdependency[i][j], 0, 1, "interdependency[" + i + "][" + j + "]", "economy");
      }
      copy[i] = interdependency[i].clone();
    }
    interdependency = copy;
    double radius = n > 0 ? spectralRadius(copy) : 0;
    if (radius >= 1 - RADIUS_TOLERANCE) {
      throw RuleException.of(
          "interdependency",
          Rule.STABILITY,
          radius,
          "must have spectral radius < 1, was " + shown(radius),
          "economy");
    }
  }

  /**
   * A computed spectral radius this close to 1 (or closer) counts as 1. {@link #spectralRadius}
   * rounds: the radius of [[0, 1], [1, 0]], exactly 1, comes out as 0.9999999999999998; the error
   * of the eigenvalues is a few units in the last place times the matrix size, far below this.
   */
  public static final double RADIUS_TOLERANCE = 1e-9;

  /** The radius to 6 significant digits (1 for 0.9999999999999998, 1.1 for 1.0999999999999999). */
  private static String shown(double radius) {
    return new java.math.BigDecimal(radius)
        .round(new java.math.MathContext(6))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Index of the sector with this id, or -1. */
  public int indexOf(String sectorId) {
    for (int i = 0; i < sectors.size(); i++) {
      if (sectors.get(i).id().equals(sectorId)) {
        return i;
      }
    }
    return -1;
  }

  /** A copy of A* (the record keeps its own copy). */
  @Override
  public double[][] interdependency() {
    double[][] copy = new double[interdependency.length][];
    for (int i = 0; i < copy.length; i++) {
      copy[i] = interdependency[i].clone();
    }
    return copy;
  }

  /** Largest absolute eigenvalue of a square matrix. */
  public static double spectralRadius(double[][] matrix) {
    if (matrix.length == 0) {
      return 0;
    }
    // subnormal entries (1e-320) are read as 0: the eigen solver's iteration does not converge on
    // them (an internal error), and an entry that small moves no radius near the limit of 1
    double[][] flushed = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      flushed[i] = matrix[i].clone();
      for (int j = 0; j < flushed[i].length; j++) {
        if (Math.abs(flushed[i][j]) < Double.MIN_NORMAL) {
          flushed[i][j] = 0;
        }
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(flushed, false));
    double[] re = eigen.getRealEigenvalues();
    double[] im = eigen.getImagEigenvalues();
    double max = 0;
    for (int i = 0; i < re.length; i++) {
      max = Math.max(max, Math.hypot(re[i], im[i]));
    }
    return max;
  }
}
