package org.corridorrisk.stats;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Merges per-batch results in a fixed dyadic tree over batch indices, so floating-point sums come
 * out bit-identical however the batches were distributed (threads, Spark partitions).
 *
 * <p>Design note: trials are cut into batches of {@value #BATCH} consecutive indices (batch b holds
 * trials {@code [100 b, 100 b + 100)}). Merging is a binary counter: results are pushed in batch
 * order; whenever the two top blocks of the stack cover sibling aligned ranges of equal size
 * ({@code 2^j} batches starting at a multiple of {@code 2^j}), they merge, left into right order
 * ({@code left.merge(right)}). {@link #total()} folds what is left on the stack from the bottom
 * (largest, earliest) up. The whole computation is thus a function of the batch indices alone. A
 * worker or Spark partition that handles an aligned range of {@code 2^j} batches (or the final
 * partial range) may run its own tree and hand in {@link #blocks()}; pushing those blocks in order
 * into the driver's tree gives exactly the local result. Memory: at most one block per bit of the
 * batch count. Merging reuses the left block's object. Not thread-safe.
 *
 * @param <T> the mergeable result; {@code merge.accept(left, right)} adds right into left
 */
public final class BatchTree<T> implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Trials per batch: fixed for every engine and thread count. */
  public static final int BATCH = 100;

  /** One aligned block of {@code size} batches (a power of two). */
  public record Block<T>(T value, long size) implements Serializable {}

  private final transient BiConsumer<T, T> merge;
  private final List<Block<T>> stack = new ArrayList<>();

  public BatchTree(BiConsumer<T, T> merge) {
    this.merge = merge;
  }

  /**
   * Pushes the next block in batch order: one batch ({@code size} 1) or an aligned block of {@code
   * size} batches from another tree's {@link #blocks()}.
   */
  public void push(T value, long size) {
    T v = value;
    long s = size;
    while (!stack.isEmpty() && stack.get(stack.size() - 1).size() == s) {
      Block<T> left = stack.remove(stack.size() - 1);
      merge.accept(left.value(), v);
      v = left.value();
      s *= 2;
    }
    stack.add(new Block<>(v, s));
  }

  /** The blocks on the stack, earliest first (to hand to another tree). */
  public List<Block<T>> blocks() {
    return List.copyOf(stack);
  }

  /** Batches pushed so far. */
  public long batches() {
    long n = 0;
    for (Block<T> b : stack) {
      n += b.size();
    }
    return n;
  }

  /**
   * The fold of the stack, bottom first, into a fresh value from {@code copy}; the stack is left as
   * it is (so the study can go on). {@code null} when nothing was pushed.
   */
  public T total(java.util.function.Supplier<T> empty) {
    if (stack.isEmpty()) {
      return null;
    }
    T acc = empty.get();
    for (Block<T> b : stack) {
      merge.accept(acc, b.value());
    }
    return acc;
  }

  /**
   * The fold of the stack, bottom first, consuming it (the first block's object becomes the total);
   * {@code null} when nothing was pushed.
   */
  public T total() {
    if (stack.isEmpty()) {
      return null;
    }
    T acc = stack.get(0).value();
    for (int i = 1; i < stack.size(); i++) {
      merge.accept(acc, stack.get(i).value());
    }
    stack.clear();
    return acc;
  }
}
