package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.math.BigDecimal;

/**
 * A number written in the scenario that is too large for a double ({@code 1e400}): it reads as
 * Infinity, so that the usual checks reject it ("must be a finite number ..., was Infinity"). Its
 * {@link #decimalValue()} is a huge finite decimal instead of the exception a plain {@link
 * DoubleNode} throws, so that a check comparing it with a list of words ({@code kind: 1e400}) says
 * it is none of them rather than failing.
 */
final class InfiniteNumberNode extends DoubleNode {
  private static final long serialVersionUID = 1L;

  /** Larger than every double: what an infinite reading stands for when compared as a decimal. */
  private static final BigDecimal HUGE = new BigDecimal("1e400");

  private InfiniteNumberNode(double v) {
    super(v);
  }

  /** The node for a number read as {@code v}: this class when infinite, else a plain double. */
  static JsonNode of(double v) {
    return Double.isInfinite(v) ? new InfiniteNumberNode(v) : DoubleNode.valueOf(v);
  }

  @Override
  public BigDecimal decimalValue() {
    return _value > 0 ? HUGE : HUGE.negate();
  }
}
