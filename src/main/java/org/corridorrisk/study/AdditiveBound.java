package org.corridorrisk.study;

/**
 * A proven additive upper bound around a set S: for every subset T of the candidates {@code rest},
 * f(S u T) <= {@code base} + the sum of {@code perCandidate[i]} over the candidates {@code rest[i]}
 * in T.
 *
 * @param base at least f(S)
 * @param perCandidate non-negative, one entry per candidate of {@code rest}, same order
 */
public record AdditiveBound(double base, double[] perCandidate) {
  public AdditiveBound {
    perCandidate = perCandidate.clone();
  }

  /**
   * base + the sum of the {@code count} largest per-candidate terms among positions {@code from..}.
   */
  double bestCompletion(int from, int count) {
    if (count <= 0) {
      return base;
    }
    int n = perCandidate.length - from;
    if (count >= n) {
      double sum = base;
      for (int i = from; i < perCandidate.length; i++) {
        sum += perCandidate[i];
      }
      return sum;
    }
    double[] top = new double[count];
    java.util.Arrays.fill(top, Double.NEGATIVE_INFINITY);
    for (int i = from; i < perCandidate.length; i++) {
      double v = perCandidate[i];
      if (v > top[0]) {
        top[0] = v;
        for (int j = 1; j < count && top[j - 1] > top[j]; j++) {
          double t = top[j];
          top[j] = top[j - 1];
          top[j - 1] = t;
        }
      }
    }
    double sum = base;
    for (double v : top) {
      sum += v;
    }
    return sum;
  }
}
