package org.corridorrisk.sim;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Merges batch sums strictly in batch order, whatever order workers finish them in; keeps the few
 * that finish early until their turn. Thread-safe.
 */
final class OrderedMerger {
  private final BatchStats total;
  private final Map<Integer, BatchStats> waiting = new HashMap<>();
  private final ArrayDeque<BatchStats> free = new ArrayDeque<>();
  private final int sinks;
  private final int assets;
  private final int commodities;
  private final int days;
  private int next;

  OrderedMerger(int sinks, int assets, int commodities, int days) {
    this.sinks = sinks;
    this.assets = assets;
    this.commodities = commodities;
    this.days = days;
    total = new BatchStats(sinks, assets, commodities, days);
  }

  /** An empty batch accumulator (recycled when possible). */
  synchronized BatchStats take() {
    BatchStats b = free.poll();
    if (b == null) {
      return new BatchStats(sinks, assets, commodities, days);
    }
    b.clear();
    return b;
  }

  /** Hands in batch {@code index}'s sums. */
  synchronized void complete(int index, BatchStats stats) {
    waiting.put(index, stats);
    BatchStats b;
    while ((b = waiting.remove(next)) != null) {
      total.merge(b);
      free.push(b);
      next++;
    }
  }

  /** The merged sums of batches 0..next-1. */
  synchronized BatchStats total() {
    if (!waiting.isEmpty()) {
      throw new IllegalStateException("batches still waiting: " + waiting.keySet());
    }
    return total;
  }
}
