package org.corridorrisk.sim;

import java.io.Serializable;
import org.corridorrisk.stats.MetricAccumulator;

/**
 * Everything the summary needs from a contiguous range of trials, mergeable: one {@link
 * MetricAccumulator} per per-trial column ({@link Columns}), unserved volume and person-days
 * without service per sink, per-asset outage days, trials disabled and economic loss in those
 * trials, and the served share per commodity and day. One batch ({@link
 * org.corridorrisk.stats.BatchTree#BATCH} trials) fills one object in trial order; objects are
 * merged through a {@link org.corridorrisk.stats.BatchTree}, so floating-point sums are the same on
 * every engine and thread count. Serializable for engines that ship partial results (Spark).
 */
public final class BatchStats implements Serializable {
  private static final long serialVersionUID = 1L;

  final MetricAccumulator[] columns;
  final double[] sinkUnserved;
  final double[] sinkPersonDays;
  final long[] assetDays;
  final long[] assetTrials;
  final double[] assetLoss;
  final double[][] shareSum;

  /** Whether the column accumulators keep percentile sketches. */
  final boolean sketches;

  /**
   * @param sketches whether the column accumulators keep percentile sketches (not needed when the
   *     study keeps every trial's values: {@link MetricAccumulator#MetricAccumulator(boolean)})
   */
  BatchStats(int columns, int sinks, int assets, int commodities, int days, boolean sketches) {
    this.sketches = sketches;
    this.columns = new MetricAccumulator[columns];
    for (int i = 0; i < columns; i++) {
      this.columns[i] = new MetricAccumulator(sketches);
    }
    sinkUnserved = new double[sinks];
    sinkPersonDays = new double[sinks];
    assetDays = new long[assets];
    assetTrials = new long[assets];
    assetLoss = new double[assets];
    shareSum = new double[commodities][days];
  }

  /** An empty object shaped like this one. */
  BatchStats emptyCopy() {
    return new BatchStats(
        columns.length,
        sinkUnserved.length,
        assetDays.length,
        shareSum.length,
        shareSum.length == 0 ? 0 : shareSum[0].length,
        sketches);
  }

  /** Trials summarized. */
  public long trials() {
    return columns.length == 0 ? 0 : columns[0].count();
  }

  /** The accumulator of one column ({@link Columns}). */
  public MetricAccumulator column(int index) {
    return columns[index];
  }

  /** Adds another batch's sums (the later trials) to this one. */
  public void merge(BatchStats o) {
    for (int i = 0; i < columns.length; i++) {
      columns[i].merge(o.columns[i]);
    }
    for (int i = 0; i < sinkUnserved.length; i++) {
      sinkUnserved[i] += o.sinkUnserved[i];
      sinkPersonDays[i] += o.sinkPersonDays[i];
    }
    for (int i = 0; i < assetDays.length; i++) {
      assetDays[i] += o.assetDays[i];
      assetTrials[i] += o.assetTrials[i];
      assetLoss[i] += o.assetLoss[i];
    }
    for (int c = 0; c < shareSum.length; c++) {
      double[] a = shareSum[c];
      double[] b = o.shareSum[c];
      for (int d = 0; d < a.length; d++) {
        a[d] += b[d];
      }
    }
  }
}
