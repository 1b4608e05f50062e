package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The memo key of one commodity's day, written by {@link DayInput#writeKey}: the entries of the
 * day's input that differ from the nominal day, compared in full (not only by hash). Reusable: one
 * instance per cache slot plus one scratch key. Not thread-safe.
 *
 * <p>Layout: a sequence of 64-bit words. Each entry that differs from the nominal day is a tag
 * word, {@code (section << 32) | index}, where the section names the input array (one per up-flag
 * array and per rate array, in {@link DayInput#writeKey}'s order) and the index is the node or
 * link; a rate entry is followed by one word, the raw bits of its value (an up-flag entry needs
 * none: it can only differ by being down). Sections are written in a fixed order and indices in
 * increasing order within a section, so equal inputs give equal sequences, and a sequence reads
 * back unambiguously (the tag says whether a value word follows), so different inputs give
 * different ones.
 *
 * <p>Design note: the key used to hold one bit per node and link plus every changed rate with a
 * count per array, hashed value by value with a full mixing step each. On a usual day only a
 * handful of entries differ from the nominal day, so the key is now only those, written by a scan
 * that compares each entry with its nominal value (no packing of bits), and hashed word by word.
 * Measured on southern-gas-corridor in docs/performance.md (issue 15, session 7).
 */
public final class DayKey {
  private final long[] words;
  private int commodity = -1;
  private int length;
  private long hash;

  /** A key large enough for any commodity of {@code net}. */
  public DayKey(NetworkIndex net) {
    words = new long[DayInput.keySize(net)];
  }

  /**
   * A key as large as {@code shape} (keys of one network): what a memo allocates per slot, without
   * working out the size again (which builds a probe {@link DayInput}).
   */
  public DayKey(DayKey shape) {
    words = new long[shape.words.length];
  }

  /** A key holding up to {@code maxWords} words (tests). */
  DayKey(int maxWords) {
    words = new long[maxWords];
  }

  void start(int c) {
    commodity = c;
    length = 0;
  }

  /** Adds a tag word for every index {@code i} of {@code at} with {@code up[i]} false. */
  void addDown(int section, boolean[] up, int[] at) {
    long tag = (long) section << 32;
    long[] w = words;
    int n = length;
    for (int i : at) {
      if (!up[i]) {
        w[n++] = tag | i;
      }
    }
    length = n;
  }

  /** {@link #addDown(int, boolean[], int[])} over the indices {@code from..to-1}. */
  void addDown(int section, boolean[] up, int from, int to) {
    long tag = (long) section << 32;
    long[] w = words;
    int n = length;
    for (int i = from; i < to; i++) {
      if (!up[i]) {
        w[n++] = tag | i;
      }
    }
    length = n;
  }

  /**
   * Adds a tag word and the value's bits for every index {@code i} of {@code at} whose {@code
   * rate[i]} differs (bitwise) from {@code nominal[i]}.
   */
  void addChanged(int section, double[] rate, double[] nominal, int[] at) {
    long tag = (long) section << 32;
    long[] w = words;
    int n = length;
    for (int i : at) {
      long bits = Double.doubleToRawLongBits(rate[i]);
      if (bits != Double.doubleToRawLongBits(nominal[i])) {
        w[n++] = tag | i;
        w[n++] = bits;
      }
    }
    length = n;
  }

  /** {@link #addChanged(int, double[], double[], int[])} over the indices {@code from..to-1}. */
  void addChanged(int section, double[] rate, double[] nominal, int from, int to) {
    long tag = (long) section << 32;
    long[] w = words;
    int n = length;
    for (int i = from; i < to; i++) {
      long bits = Double.doubleToRawLongBits(rate[i]);
      if (bits != Double.doubleToRawLongBits(nominal[i])) {
        w[n++] = tag | i;
        w[n++] = bits;
      }
    }
    length = n;
  }

  void finish() {
    long h = mix(commodity + 0x632BE59BD9B4E019L);
    for (int i = 0; i < length; i++) {
      h = mix(h ^ words[i]);
    }
    hash = h;
  }

  /** The commodity the key was written for (-1 before the first write). */
  public int commodity() {
    return commodity;
  }

  /** A 64-bit hash of the key's content. */
  public long hash() {
    return hash;
  }

  /** Words the key holds (entries that differ from the nominal day, with their values). */
  int length() {
    return length;
  }

  /** Whether {@code other} holds the same commodity and words (bitwise). */
  public boolean sameAs(DayKey other) {
    int n = length;
    return commodity == other.commodity
        && hash == other.hash
        && n == other.length
        && Arrays.equals(words, 0, n, other.words, 0, n);
  }

  /** Makes this key a copy of {@code other} (keys of one network). */
  public void copyFrom(DayKey other) {
    commodity = other.commodity;
    length = other.length;
    hash = other.hash;
    System.arraycopy(other.words, 0, words, 0, length);
  }

  /** SplitMix64's finalizer. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
