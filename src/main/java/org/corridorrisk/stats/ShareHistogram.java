package org.corridorrisk.stats;

/**
 * Mergeable histograms of a share in [0, 1], one per series (e.g. per commodity and day), with
 * {@value #BINS} bins: a share s falls in bin {@code round(s x 1000)}, so 0 and 1 are exact and any
 * other share is off by at most 0.0005. Counts are integers, so merging (adding counts) is exact
 * and independent of the order in which workers' histograms are merged. Counts are longs (more than
 * 2^31 trials).
 *
 * <p>Counts are stored bin-major ({@code [bin][series]}): the series of consecutive days sit side
 * by side, so a run of days with the same share (an outage) counts into one or two cache lines
 * rather than one line per day of a table of several megabytes.
 *
 * <p>Not thread-safe: one per worker, merged at the end.
 */
public final class ShareHistogram implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** Bins per series: shares 0.000, 0.001, ..., 1.000. */
  public static final int BINS = 1001;

  private final int series;
  private final long[] counts;

  /** Empty histograms for {@code series} series. */
  public ShareHistogram(int series) {
    if (series < 0) {
      throw new IllegalArgumentException("series must be >= 0, was " + series);
    }
    this.series = series;
    this.counts = new long[series * BINS];
  }

  public int series() {
    return series;
  }

  /** Counts one observation of {@code share} (clamped to [0, 1]) in {@code seriesIndex}. */
  public void add(int seriesIndex, double share) {
    double s = share > 1 ? 1 : (share > 0 ? share : 0);
    counts[(int) Math.round(s * (BINS - 1)) * series + seriesIndex]++;
  }

  /**
   * Counts {@code times} observations of {@code share} (clamped to [0, 1]) in {@code seriesIndex}.
   */
  public void add(int seriesIndex, double share, long times) {
    double s = share > 1 ? 1 : (share > 0 ? share : 0);
    counts[(int) Math.round(s * (BINS - 1)) * series + seriesIndex] += times;
  }

  /** Adds the other histogram's counts to this one (same number of series). */
  public void merge(ShareHistogram other) {
    if (other.series != series) {
      throw new IllegalArgumentException("cannot merge " + other.series + " series into " + series);
    }
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
  }

  /** Observations in a series. */
  public long count(int seriesIndex) {
    long n = 0;
    for (int b = 0; b < BINS; b++) {
      n += counts[b * series + seriesIndex];
    }
    return n;
  }

  /** The count of one bin. */
  public long binCount(int seriesIndex, int bin) {
    return counts[bin * series + seriesIndex];
  }

  /**
   * Nearest-rank percentile of a series (as {@link MetricSummary}: the ceil(p n)-th smallest
   * observation), at bin resolution; {@code NaN} for an empty series.
   */
  public double percentile(int seriesIndex, double p) {
    long n = count(seriesIndex);
    if (n == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, Math.min(n, (long) Math.ceil(p * n - 1e-9)));
    long seen = 0;
    for (int b = 0; b < BINS; b++) {
      seen += counts[b * series + seriesIndex];
      if (seen >= rank) {
        return b / (double) (BINS - 1);
      }
    }
    return 1.0;
  }

  /** Whether both hold the same counts. */
  public boolean sameCounts(ShareHistogram other) {
    return series == other.series && java.util.Arrays.equals(counts, other.counts);
  }
}
