package org.corridorrisk.stats;

import java.io.Serializable;

/**
 * Count, mean and the second and third central moment sums of a stream of values, mergeable.
 *
 * <p>Design note: values are added one at a time with Welford's update extended to the third
 * moment, and two accumulators are merged with the pairwise formulas of Chan, Golub and LeVeque
 * (1979) and Pébay (2008). Central sums avoid the cancellation of raw power sums when the values
 * are nearly equal. Floating-point merging is not associative, so callers that need bit-identical
 * results on any engine merge in a fixed order ({@link BatchTree}). Not thread-safe.
 */
public final class Moments implements Serializable {
  private static final long serialVersionUID = 1L;

  private long n;
  private double mean;
  private double m2;
  private double m3;

  /** Adds one value. */
  public void add(double x) {
    long n1 = n;
    n++;
    double delta = x - mean;
    double deltaN = delta / n;
    double term1 = delta * deltaN * n1;
    mean += deltaN;
    m3 += term1 * deltaN * (n - 2) - 3 * deltaN * m2;
    m2 += term1;
  }

  /** Adds the values summarized by {@code o} (which is not changed). */
  public void merge(Moments o) {
    if (o.n == 0) {
      return;
    }
    if (n == 0) {
      n = o.n;
      mean = o.mean;
      m2 = o.m2;
      m3 = o.m3;
      return;
    }
    double na = n;
    double nb = o.n;
    double nt = na + nb;
    double delta = o.mean - mean;
    double deltaN = delta / nt;
    double newMean = mean + deltaN * nb;
    double newM2 = m2 + o.m2 + delta * deltaN * na * nb;
    double newM3 =
        m3
            + o.m3
            + delta * deltaN * deltaN * na * nb * (na - nb)
            + 3 * deltaN * (na * o.m2 - nb * m2);
    n += o.n;
    mean = newMean;
    m2 = newM2;
    m3 = newM3;
  }

  /** Resets to no values. */
  public void clear() {
    n = 0;
    mean = 0;
    m2 = 0;
    m3 = 0;
  }

  public long count() {
    return n;
  }

  /** The mean; 0 for no values. */
  public double mean() {
    return mean;
  }

  /** Sum of squared deviations from the mean. */
  public double m2() {
    return m2;
  }

  /** Sum of cubed deviations from the mean. */
  public double m3() {
    return m3;
  }

  /** Sample standard deviation (n - 1); 0 for fewer than two values. */
  public double sampleStd() {
    return n < 2 ? 0 : Math.sqrt(Math.max(0, m2) / (n - 1));
  }

  /** Sample skewness {@code (m3/n) / (m2/n)^1.5}; 0 when the values do not vary. */
  public double skewness() {
    if (n < 3 || !(m2 > 0)) {
      return 0;
    }
    double v = m2 / n;
    return (m3 / n) / (v * Math.sqrt(v));
  }

  /**
   * Kish's effective sample size {@code (sum x)^2 / sum x^2}: how many equally large trials would
   * carry the same sum. Equal to the count of non-zero values when they are all equal, far smaller
   * when a few carry the sum; {@code NaN} when every value is 0.
   */
  public double effectiveCount() {
    double sumSq = m2 + n * mean * mean;
    if (!(sumSq > 0)) {
      return Double.NaN;
    }
    double sum = n * mean;
    return sum * sum / sumSq;
  }

  /** Whether both hold exactly the same numbers. */
  public boolean sameAs(Moments o) {
    return n == o.n
        && Double.compare(mean, o.mean) == 0
        && Double.compare(m2, o.m2) == 0
        && Double.compare(m3, o.m3) == 0;
  }
}
