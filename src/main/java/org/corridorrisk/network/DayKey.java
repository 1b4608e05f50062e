package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The memo key of one commodity's day, written by {@link DayInput#writeKey}: up/down bits and
 * rates, compared in full (not only by hash). Reusable: one instance per cache slot plus one
 * scratch key. Not thread-safe.
 */
public final class DayKey {
  private final long[] bits;
  private final double[] values;
  private int commodity = -1;
  private int bitCount;
  private int valueCount;
  private long hash;

  /** A key large enough for any commodity of {@code net}. */
  public DayKey(NetworkIndex net) {
    int[] size = DayInput.keySize(net);
    bits = new long[(size[0] + 63) / 64];
    values = new double[size[1]];
  }

  /**
   * A key as large as {@code shape} (keys of one network): what a memo allocates per slot, without
   * working out the size again (which builds a probe {@link DayInput}).
   */
  public DayKey(DayKey shape) {
    bits = new long[shape.bits.length];
    values = new double[shape.values.length];
  }

  /** A key holding up to {@code maxBits} bits and {@code maxValues} values (tests). */
  DayKey(int maxBits, int maxValues) {
    bits = new long[(maxBits + 63) / 64];
    values = new double[maxValues];
  }

  void start(int c) {
    commodity = c;
    bitCount = 0;
    valueCount = 0; // every word up to the bit count is written by addBits
  }

  /** Adds one bit per index of {@code at}: {@code up[i]}. */
  void addBits(boolean[] up, int[] at) {
    int k = bitCount;
    long word = k % 64 == 0 ? 0 : bits[k >>> 6];
    for (int i : at) {
      if (up[i]) {
        word |= 1L << (k & 63);
      }
      k++;
      if ((k & 63) == 0) {
        bits[(k - 1) >>> 6] = word;
        word = 0;
      }
    }
    if ((k & 63) != 0) {
      bits[k >>> 6] = word;
    }
    bitCount = k;
  }

  void addValue(double value) {
    values[valueCount++] = value;
  }

  void finish() {
    long h = mix(commodity + 0x632BE59BD9B4E019L);
    for (int i = 0, words = words(); i < words; i++) {
      h = mix(h ^ bits[i]);
    }
    for (int i = 0; i < valueCount; i++) {
      h = mix(h ^ Double.doubleToLongBits(values[i]));
    }
    hash = h;
  }

  private int words() {
    return (bitCount + 63) / 64;
  }

  /** The commodity the key was written for (-1 before the first write). */
  public int commodity() {
    return commodity;
  }

  /** A 64-bit hash of the key's content. */
  public long hash() {
    return hash;
  }

  /** Whether {@code other} holds the same commodity, bits and values (bitwise). */
  public boolean sameAs(DayKey other) {
    int words = words();
    if (commodity != other.commodity
        || hash != other.hash
        || bitCount != other.bitCount
        || valueCount != other.valueCount
        || !Arrays.equals(bits, 0, words, other.bits, 0, words)) {
      return false;
    }
    for (int i = 0; i < valueCount; i++) {
      if (Double.doubleToLongBits(values[i]) != Double.doubleToLongBits(other.values[i])) {
        return false;
      }
    }
    return true;
  }

  /** Makes this key a copy of {@code other} (keys of one network). */
  public void copyFrom(DayKey other) {
    commodity = other.commodity;
    bitCount = other.bitCount;
    valueCount = other.valueCount;
    hash = other.hash;
    System.arraycopy(other.bits, 0, bits, 0, other.words());
    System.arraycopy(other.values, 0, values, 0, valueCount);
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
