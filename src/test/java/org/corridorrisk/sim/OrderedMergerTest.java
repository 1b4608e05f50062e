package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class OrderedMergerTest {
  private static BatchStats batch(OrderedMerger m, double value) {
    BatchStats b = m.take();
    b.sinkUnserved[0] = value;
    b.assetLoss[0] = value;
    b.shareSum[0][0] = value;
    b.assetDays[0] = 1;
    return b;
  }

  @Test
  void mergesInBatchOrderWhateverOrderBatchesFinish() {
    double[] values = {1e16, 1.0, -1e16, 1.0, 3.5};
    OrderedMerger inOrder = new OrderedMerger(1, 1, 1, 1);
    for (int i = 0; i < values.length; i++) {
      inOrder.complete(i, batch(inOrder, values[i]));
    }
    OrderedMerger shuffled = new OrderedMerger(1, 1, 1, 1);
    int[] finish = {3, 1, 4, 0, 2};
    for (int i : finish) {
      shuffled.complete(i, batch(shuffled, values[i]));
    }
    assertArrayEquals(inOrder.total().sinkUnserved, shuffled.total().sinkUnserved, 0.0);
    assertArrayEquals(inOrder.total().assetLoss, shuffled.total().assetLoss, 0.0);
    assertArrayEquals(inOrder.total().shareSum[0], shuffled.total().shareSum[0], 0.0);
    assertArrayEquals(inOrder.total().assetDays, shuffled.total().assetDays);
  }
}
