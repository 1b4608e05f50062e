package org.corridorrisk.impact;

/**
 * A small memo of {@link Iim#leastFixedPoint} results for one interdependency matrix, keyed by the
 * exact bits of the direct inoperability vector {@code c*}.
 *
 * <p>Design note: with many sectors the fixed point is the costliest step of a disturbed day
 * (iterations x {@code n^2} multiply-adds: about a millisecond at 200 sectors), and the same {@code
 * c*} comes back often: a failure state recurs across trials (the flow memo's hit rates are 50-90%
 * on the examples), and different flows short the same sectors by the same amounts. The function is
 * deterministic, so returning a stored result is bitwise the same as computing it again.
 * Direct-mapped: a vector's hash picks one slot, a different vector in it is overwritten; keys
 * compare by raw bits (so {@code -0.0} and {@code +0.0} are different keys, which costs at most a
 * recomputation). The slots hold at most {@link #MAX_DOUBLES} doubles of keys and as many of
 * results, allocated on the first store; below {@link #MIN_SECTORS} sectors the fixed point is
 * cheaper than the look-up and the memo passes every call through.
 */
final class IimMemo {
  /** Fewer sectors than this: no memo (a few hundred multiply-adds per iteration). */
  static final int MIN_SECTORS = 8;

  /** Upper bound of the doubles held in keys (and again in results): 512 KiB each. */
  static final int MAX_DOUBLES = 1 << 16;

  private final double[][] a;
  private final int n;
  private final int slots;
  private double[] keys;
  private double[] values;
  private boolean[] filled;

  /** Look-ups answered from the memo and fixed points computed (tests, measurements). */
  long hits;

  long misses;

  IimMemo(double[][] a) {
    this.a = a;
    this.n = a.length;
    int s = 1;
    while (n >= MIN_SECTORS && 2L * s * n <= MAX_DOUBLES && s < 1024) {
      s <<= 1;
    }
    this.slots = n >= MIN_SECTORS ? s : 0;
  }

  /** Writes the least fixed point of {@code q = min(1, A q + cStar)} into {@code q}. */
  void leastFixedPoint(double[] cStar, double[] q, double[] scratch) {
    if (slots == 0) {
      Iim.leastFixedPoint(a, cStar, q, scratch);
      return;
    }
    long h = 0;
    for (int i = 0; i < n; i++) {
      h = (h + Double.doubleToRawLongBits(cStar[i])) * 0x9E3779B97F4A7C15L;
    }
    int slot = (int) ((h ^ (h >>> 29)) & (slots - 1));
    int off = slot * n;
    if (filled != null && filled[slot] && sameKey(off, cStar)) {
      System.arraycopy(values, off, q, 0, n);
      hits++;
      return;
    }
    misses++;
    Iim.leastFixedPoint(a, cStar, q, scratch);
    if (filled == null) {
      keys = new double[slots * n];
      values = new double[slots * n];
      filled = new boolean[slots];
    }
    System.arraycopy(cStar, 0, keys, off, n);
    System.arraycopy(q, 0, values, off, n);
    filled[slot] = true;
  }

  private boolean sameKey(int off, double[] cStar) {
    for (int i = 0; i < n; i++) {
      if (Double.doubleToRawLongBits(keys[off + i]) != Double.doubleToRawLongBits(cStar[i])) {
        return false;
      }
    }
    return true;
  }
}
