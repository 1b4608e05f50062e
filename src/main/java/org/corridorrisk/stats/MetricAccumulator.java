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
 *
 * <p>Design note: a study that keeps every trial's value takes its percentiles from the sorted
 * values, never from the sketch, so its accumulators can go without one ({@link
 * #MetricAccumulator(boolean)}): the sketch's bucket index (a logarithm per value) and its merges
 * were about a tenth of the CPU of a million trials of a small network. Moments and counts are the
 * same either way; asking such an accumulator for a sketch quantile fails loudly.
 */
public final class MetricAccumulator implements Serializable {
  private static final long serialVersionUID = 1L;

  private final Moments moments = new Moments();

  /** The percentile sketch, or {@code null} when percentiles come from the values themselves. */
  private final LogHistogram sketch;

  private long positive;
  private long negative;

  /** An accumulator with a percentile sketch. */
  public MetricAccumulator() {
    this(true);
  }

  /**
   * An accumulator with a percentile sketch or, when {@code withSketch} is false, with moments and
   * counts only (for a study whose percentiles come from the kept per-trial values).
   */
  public MetricAccumulator(boolean withSketch) {
    sketch = withSketch ? new LogHistogram() : null;
  }

  /** Whether this accumulator keeps a percentile sketch. */
  public boolean hasSketch() {
    return sketch != null;
  }

  /** Adds one trial's value. */
  public void add(double x) {
    moments.add(x);
    if (sketch != null) {
      sketch.add(x);
    }
    if (x > 0) {
      positive++;
    } else if (x < 0) {
      negative++;
    }
  }

  /**
   * Adds the later trials summarized by {@code o} (not changed). Without a sketch, {@code o}'s
   * sketch (if any) is not needed; with one, {@code o} must have one too.
   */
  public void merge(MetricAccumulator o) {
    moments.merge(o.moments);
    if (sketch != null) {
      if (o.sketch == null) {
        throw new IllegalStateException(
            "cannot merge an accumulator without a sketch into one with");
      }
      sketch.merge(o.sketch);
    }
    positive += o.positive;
    negative += o.negative;
  }

  public long count() {
    return moments.count();
  }

  public Moments moments() {
    return moments;
  }

  /** The percentile sketch; fails for an accumulator without one ({@link #hasSketch()}). */
  public LogHistogram sketch() {
    if (sketch == null) {
      throw new IllegalStateException("this accumulator keeps no percentile sketch");
    }
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

  /** The largest value added; fails without a sketch (which keeps it). */
  public double max() {
    return sketch().max();
  }

  /**
   * Accumulates the first {@code n} values exactly as the engine does: batches of {@link
   * BatchTree#BATCH} consecutive values in order, merged through a {@link BatchTree}.
   */
  public static MetricAccumulator ofValues(double[] values, int n) {
    return ofValues(values, n, true);
  }

  /** {@link #ofValues(double[], int)}, with a sketch or without. */
  public static MetricAccumulator ofValues(double[] values, int n, boolean withSketch) {
    BatchTree<MetricAccumulator> tree = new BatchTree<>(MetricAccumulator::merge);
    for (int lo = 0; lo < n; lo += BatchTree.BATCH) {
      int hi = Math.min(n, lo + BatchTree.BATCH);
      MetricAccumulator a = new MetricAccumulator(withSketch);
      for (int i = lo; i < hi; i++) {
        a.add(values[i]);
      }
      tree.push(a, 1);
    }
    MetricAccumulator total = tree.total();
    return total == null ? new MetricAccumulator(withSketch) : total;
  }

  /** Whether both hold the same numbers, bit for bit (and both have a sketch or neither). */
  public boolean sameAs(MetricAccumulator o) {
    return moments.sameAs(o.moments)
        && (sketch == null ? o.sketch == null : o.sketch != null && sketch.sameCounts(o.sketch))
        && positive == o.positive
        && negative == o.negative;
  }
}
