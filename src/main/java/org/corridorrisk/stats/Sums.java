package org.corridorrisk.stats;

/** Accurate sums over arrays in index order (Neumaier's compensated summation). */
public final class Sums {
  private Sums() {}

  /** Sum of the first n values. */
  public static double sum(double[] values, int n) {
    double sum = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double v = values[i];
      double t = sum + v;
      if (Math.abs(sum) >= Math.abs(v)) {
        c += (sum - t) + v;
      } else {
        c += (v - t) + sum;
      }
      sum = t;
    }
    return sum + c;
  }

  /** Mean of the first n values (n >= 1). */
  public static double mean(double[] values, int n) {
    return sum(values, n) / n;
  }

  /** Sample standard deviation (n - 1) of the first n values about {@code mean}; 0 when n < 2. */
  public static double sampleStd(double[] values, int n, double mean) {
    if (n < 2) {
      return 0;
    }
    double sum = 0;
    double c = 0;
    for (int i = 0; i < n; i++) {
      double d = values[i] - mean;
      double y = d * d - c;
      double t = sum + y;
      c = (t - sum) - y;
      sum = t;
    }
    return Math.sqrt(sum / (n - 1));
  }
}
