package org.corridorrisk.stats;

import java.io.Serializable;

/**
 * Everything {@code summary.json} needs about one per-trial series that can be gathered trial by
 * trial and merged: the central moments (mean, std, skewness for {@link Intervals#mean}), the count
 * of trials above zero ("any loss", Wilson interval) and a {@link LogHistogram} for percentiles,
 * VaR and CVaR once the per-trial values are no longer kept. Memory does not grow with the count.
 *
 * <p>The moments are floating-point sums, so their bits depend on the order of merging: the engine
 * accumulates each batch of consecutive trials in trial order and merges batches through a fixed
 * {@link BatchTree}; {@link #ofValues} does exactly the same from an array, so a summary computed
 * from kept values and one from the engine's accumulators agree bit for bit. Not thread-safe.
 */
public final class MetricAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Moments moments = new Moments();
  private final LogHistogram sketch = new LogHistogram();
  private long positive;
  private long negative;

  /** Adds one trial's value. */
  public void add(double x) {
    moments.add(x);
    sketch.add(x);
    if (x > 0) {
      positive++;
    } else if (x < 0) {
      negative++;
    }
  }

  /** Adds the later trials summarized by {@code o} (not changed). */
  public void merge(MetricAccumulator o) {
    moments.merge(o.moments);
    sketch.merge(o.sketch);
    positive += o.positive;
    negative += o.negative;
  }

  public long count() {
    return moments.count();
  }

  public Moments moments() {
    return moments;
  }

  public LogHistogram sketch() {
    return sketch;
  }

  /** Trials with a value above zero. */
  public long positive() {
    return positive;
  }

  /** Trials with a value below zero. */
  public long negative() {
    return negative;
  }

  public double max() {
    return sketch.max();
  }

  /**
   * Accumulates the first {@code n} values exactly as the engine does: batches of {@link
   * BatchTree#BATCH} consecutive values in order, merged through a {@link BatchTree}.
   */
  public static MetricAccumulator ofValues(double[] values, int n) {
    BatchTree<MetricAccumulator> tree = new BatchTree<>(MetricAccumulator::merge);
    for (int lo = 0; lo < n; lo += BatchTree.BATCH) {
      int hi = Math.min(n, lo + BatchTree.BATCH);
      MetricAccumulator a = new MetricAccumulator();
      for (int i = lo; i < hi; i++) {
        a.add(values[i]);
      }
      tree.push(a, 1);
    }
    MetricAccumulator total = tree.total();
    return total == null ? new MetricAccumulator() : total;
  }

  /** Whether both hold the same numbers, bit for bit. */
  public boolean sameAs(MetricAccumulator o) {
    return moments.sameAs(o.moments)
        && sketch.sameCounts(o.sketch)
        && positive == o.positive
        && negative == o.negative;
  }
}
