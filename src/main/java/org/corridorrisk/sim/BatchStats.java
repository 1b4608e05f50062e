package org.corridorrisk.sim;

/**
 * Sums over one batch of consecutive trials of what the report shows besides the per-trial metrics:
 * unserved volume per sink, per-asset outage days, trials disabled and economic loss in those
 * trials, and the served share per commodity and day. Batches are merged in batch order ({@link
 * OrderedMerger}), so floating-point sums do not depend on the number of threads.
 */
final class BatchStats implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  final double[] sinkUnserved;
  final long[] assetDays;
  final long[] assetTrials;
  final double[] assetLoss;
  final double[][] shareSum;

  BatchStats(int sinks, int assets, int commodities, int days) {
    sinkUnserved = new double[sinks];
    assetDays = new long[assets];
    assetTrials = new long[assets];
    assetLoss = new double[assets];
    shareSum = new double[commodities][days];
  }

  void clear() {
    java.util.Arrays.fill(sinkUnserved, 0);
    java.util.Arrays.fill(assetDays, 0);
    java.util.Arrays.fill(assetTrials, 0);
    java.util.Arrays.fill(assetLoss, 0);
    for (double[] row : shareSum) {
      java.util.Arrays.fill(row, 0);
    }
  }

  /** Adds another batch's sums (the later batch) to this one. */
  void merge(BatchStats o) {
    for (int i = 0; i < sinkUnserved.length; i++) {
      sinkUnserved[i] += o.sinkUnserved[i];
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
