package org.corridorrisk.stats;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A deterministic, mergeable quantile sketch with a relative error bound: logarithmic buckets in
 * the manner of DDSketch (Masson, Rim and Lee, VLDB 2019), written out here in a few lines.
 *
 * <p>A value {@code x > 0} falls in bucket {@code i = ceil(log(x) / log(gamma))} with {@code gamma
 * = (1 + a) / (1 - a)}, which covers {@code (gamma^(i-1), gamma^i]}; the bucket is represented by
 * {@code 2 gamma^i / (gamma + 1)}, within a relative distance {@code a} of every value in it.
 * Negative values go to a mirror store by {@code -x}; zeros are counted apart. Counts are integers,
 * so merging (adding counts) is exact and gives the same sketch in any order, on any engine and
 * thread count. Memory is bounded by the range of magnitudes, not by the count: with {@code a =
 * 0.005}, values from 1e-12 to 1e15 need at most about 6,200 buckets per sign; magnitudes are
 * clamped to [1e-30, 1e40] (at most about 16,100 buckets; values outside are reported at the clamp,
 * within the exact min and max).
 *
 * <p>Quantiles use the project's nearest-rank definition on the bucketed values (the {@code ceil(p
 * n)}-th smallest), clamped to the exact minimum and maximum, so every quantile returned is within
 * relative error {@code a} of the exact nearest-rank quantile. Not thread-safe.
 */
public final class LogHistogram implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The relative accuracy used throughout the project. */
  public static final double RELATIVE_ERROR = 0.005;

  private static final double GAMMA = (1 + RELATIVE_ERROR) / (1 - RELATIVE_ERROR);
  private static final double LOG_GAMMA = Math.log(GAMMA);

  /**
   * Smallest magnitude kept apart from zero; smaller ones (floating-point residue such as 1e-300)
   * count in its bucket, so no store spans more than about 16,000 buckets (1e-30 to 1e40).
   */
  private static final double MIN_MAGNITUDE = 1e-30;

  /** Largest magnitude with its own bucket; larger ones count in its bucket. */
  private static final double MAX_MAGNITUDE = 1e40;

  private final Store positive = new Store();
  private final Store negative = new Store();
  private long zeros;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** Adds one value (NaN is ignored). */
  public void add(double x) {
    if (x > 0) {
      positive.add(index(x));
    } else if (x < 0) {
      negative.add(index(-x));
    } else if (x == 0) {
      zeros++;
    } else {
      return;
    }
    if (x < min) {
      min = x;
    }
    if (x > max) {
      max = x;
    }
  }

  /** Adds the other sketch's counts to this one. */
  public void merge(LogHistogram o) {
    positive.merge(o.positive);
    negative.merge(o.negative);
    zeros += o.zeros;
    min = Math.min(min, o.min);
    max = Math.max(max, o.max);
  }

  /** Values added. */
  public long count() {
    return zeros + positive.total + negative.total;
  }

  static int index(double magnitude) {
    double m = Math.min(Math.max(magnitude, MIN_MAGNITUDE), MAX_MAGNITUDE);
    return (int) Math.ceil(Math.log(m) / LOG_GAMMA);
  }

  static double value(int index) {
    return 2 * Math.pow(GAMMA, index) / (GAMMA + 1);
  }

  /**
   * The value of 1-based rank {@code rank} in ascending order (at bucket resolution, clamped to the
   * exact min and max). Requires 1 <= rank <= count.
   */
  public double valueAtRank(long rank) {
    long n = count();
    if (n == 0) {
      return Double.NaN;
    }
    long r = Math.max(1, Math.min(n, rank));
    double v;
    if (r <= negative.total) {
      // ascending order of negatives = descending magnitude
      v = -value(negative.indexAtRankFromTop(r));
    } else if (r <= negative.total + zeros) {
      v = 0;
    } else {
      v = value(positive.indexAtRank(r - negative.total - zeros));
    }
    return Math.max(min, Math.min(max, v));
  }

  /** Nearest-rank quantile: the {@code ceil(p n)}-th smallest value, at least the first. */
  public double quantile(double p) {
    long n = count();
    long rank = (long) Math.ceil(p * n - 1e-9);
    return valueAtRank(Math.max(1, Math.min(n, rank)));
  }

  /**
   * Mean, sample variance and bias-adjusted skewness ({@link Intervals#adjustedSkewness}) of the
   * largest {@code m} values at bucket resolution (the largest is taken as the exact max), for the
   * expected shortfall; {@code {NaN, NaN, 0}} when empty. Two passes over the top buckets: the mean
   * first, then the deviations from it.
   */
  public double[] topMoments(long m) {
    long n = count();
    long want = Math.max(1, Math.min(n, m));
    double sum = 0;
    long taken = 0;
    long r = n;
    // walk ranks from the top, bucket by bucket
    while (taken < want) {
      double v = valueAtRank(r);
      long k = Math.min(runLength(r), want - taken);
      sum += v * k;
      taken += k;
      r -= k;
    }
    double mean = sum / want;
    double ss = 0;
    double s3 = 0;
    taken = 0;
    r = n;
    while (taken < want) {
      double d = valueAtRank(r) - mean;
      long k = Math.min(runLength(r), want - taken);
      ss += d * d * k;
      s3 += d * d * d * k;
      taken += k;
      r -= k;
    }
    double var = want > 1 ? ss / (want - 1) : 0;
    return new double[] {mean, var, Intervals.adjustedSkewness(want, ss, s3)};
  }

  /** How many ranks from {@code rank} downwards share its bucket (at least 1). */
  private long runLength(long rank) {
    long neg = negative.total;
    if (rank <= neg) {
      return negative.runDownFromTop(rank);
    }
    if (rank <= neg + zeros) {
      return rank - neg;
    }
    return positive.runDown(rank - neg - zeros);
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  /** Whether both hold the same counts. */
  public boolean sameCounts(LogHistogram o) {
    return zeros == o.zeros
        && positive.sameAs(o.positive)
        && negative.sameAs(o.negative)
        && Double.compare(min, o.min) == 0
        && Double.compare(max, o.max) == 0;
  }

  /**
   * Counts per bucket index, held densely from {@code offset}; a store of few values (one batch)
   * keeps their bucket indices in a short list instead, so per-batch sketches stay small whatever
   * range of magnitudes they see.
   */
  private static final class Store implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int SPARSE_MAX = 128;

    long[] counts = new long[0];
    int offset;
    long total;
    int[] sparse = new int[0];
    int sparseCount;

    void add(int index) {
      total++;
      if (counts.length == 0 && sparseCount < SPARSE_MAX) {
        if (sparseCount == sparse.length) {
          sparse = Arrays.copyOf(sparse, Math.max(8, 2 * sparseCount));
        }
        sparse[sparseCount++] = index;
        return;
      }
      densify();
      addDense(index, 1);
    }

    private void addDense(int index, long count) {
      ensure(index, index);
      counts[index - offset] += count;
    }

    /** Moves the listed indices into the dense counts. */
    void densify() {
      if (sparseCount == 0) {
        return;
      }
      int lo = Integer.MAX_VALUE;
      int hi = Integer.MIN_VALUE;
      for (int i = 0; i < sparseCount; i++) {
        lo = Math.min(lo, sparse[i]);
        hi = Math.max(hi, sparse[i]);
      }
      ensure(lo, hi);
      for (int i = 0; i < sparseCount; i++) {
        counts[sparse[i] - offset]++;
      }
      sparseCount = 0;
      sparse = new int[0];
    }

    void merge(Store o) {
      if (o.total == 0) {
        return;
      }
      if (o.counts.length == 0) {
        for (int i = 0; i < o.sparseCount; i++) {
          add(o.sparse[i]);
        }
        return;
      }
      densify();
      int lo = o.offset;
      int hi = o.offset + o.counts.length - 1;
      ensure(lo, hi);
      for (int i = 0; i < o.counts.length; i++) {
        counts[lo + i - offset] += o.counts[i];
      }
      total += o.total;
    }

    private void ensure(int lo, int hi) {
      if (counts.length == 0) {
        offset = lo;
        counts = new long[Math.max(16, hi - lo + 1)];
        return;
      }
      int curHi = offset + counts.length - 1;
      if (lo >= offset && hi <= curHi) {
        return;
      }
      int newLo = Math.min(lo, offset);
      int newHi = Math.max(hi, curHi);
      int size = newHi - newLo + 1;
      // grow with slack on the side that grew
      int slack = Math.max(16, size / 8);
      if (newLo < offset) {
        newLo -= slack;
      }
      if (newHi > curHi) {
        newHi += slack;
      }
      long[] grown = new long[newHi - newLo + 1];
      System.arraycopy(counts, 0, grown, offset - newLo, counts.length);
      counts = grown;
      offset = newLo;
    }

    /** Bucket index of 1-based ascending rank r. */
    int indexAtRank(long r) {
      densify();
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        seen += counts[i];
        if (seen >= r) {
          return offset + i;
        }
      }
      throw new IllegalStateException("rank " + r + " beyond " + total);
    }

    /** Bucket index of 1-based rank r counted from the largest index downwards. */
    int indexAtRankFromTop(long r) {
      densify();
      long seen = 0;
      for (int i = counts.length - 1; i >= 0; i--) {
        seen += counts[i];
        if (seen >= r) {
          return offset + i;
        }
      }
      throw new IllegalStateException("rank " + r + " beyond " + total);
    }

    /** Ascending rank r: how many ranks r, r-1, ... share its bucket. */
    long runDown(long r) {
      densify();
      long seen = 0;
      for (int i = 0; i < counts.length; i++) {
        long before = seen;
        seen += counts[i];
        if (seen >= r) {
          return r - before;
        }
      }
      return 1;
    }

    /**
     * Rank r counted in ascending order of value among negatives (= from the top index): how many
     * ranks r, r-1, ... share its bucket.
     */
    long runDownFromTop(long r) {
      densify();
      long seen = 0;
      for (int i = counts.length - 1; i >= 0; i--) {
        long before = seen;
        seen += counts[i];
        if (seen >= r) {
          return r - before;
        }
      }
      return 1;
    }

    boolean sameAs(Store o) {
      densify();
      o.densify();
      if (total != o.total) {
        return false;
      }
      if (total == 0) {
        return true;
      }
      int lo = Math.min(offset, o.offset);
      int hi = Math.max(offset + counts.length, o.offset + o.counts.length);
      for (int i = lo; i < hi; i++) {
        if (at(i) != o.at(i)) {
          return false;
        }
      }
      return true;
    }

    long at(int index) {
      int k = index - offset;
      return k >= 0 && k < counts.length ? counts[k] : 0;
    }

    @Override
    public String toString() {
      return "Store" + Arrays.toString(counts);
    }
  }
}
