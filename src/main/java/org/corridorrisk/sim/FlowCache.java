package org.corridorrisk.sim;

import java.util.Arrays;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;

/**
 * A bounded, direct-mapped memo of daily solves, keyed by the full input of one commodity (which of
 * its nodes and links are up, its sources' supplies, its storages' caps, and the demand of sinks
 * and the capacity of links that can differ from nominal: profiled, or open to partial damage; see
 * {@link StudyModel#varyingLinksOf}). One per worker; entries survive across trials, so recurring
 * states (everything repaired, the same single link down) are solved once per worker.
 *
 * <p>Design note: a hit returns what the solver returned for exactly that input, and the solver is
 * deterministic (same input, bit-identical output), so caching never changes results and results do
 * not depend on which worker ran a trial. Keys are compared in full, not just by hash. Rejected: a
 * HashMap of boxed keys (allocation and boxing in the hot loop).
 */
final class FlowCache {
  private final StudyModel m;
  private final int mask;
  private final int[] slotCommodity;
  private final long[] slotHash;
  private final long[][] slotBits;
  private final double[][] slotVals;
  private final double[][] slotOut;
  private final double[] slotCost;
  private final long[] keyBits;
  private final double[] keyVals;
  private int keyValCount;
  private long keyHash;
  long hits;
  long misses;

  FlowCache(StudyModel model, int slots) {
    m = model;
    int size = Integer.highestOneBit(Math.max(1, slots));
    mask = size - 1;
    slotCommodity = new int[size];
    Arrays.fill(slotCommodity, -1);
    slotHash = new long[size];
    slotBits = new long[size][];
    slotVals = new double[size][];
    slotOut = new double[size][];
    slotCost = new double[size];
    int maxBits = 0;
    int maxVals = 0;
    for (int c = 0; c < m.commodityCount; c++) {
      maxBits = Math.max(maxBits, m.nodesOf[c].length + m.linksOf[c].length);
      maxVals =
          Math.max(
              maxVals,
              m.net.sourcesOf(c).length
                  + 2 * m.net.storagesOf(c).length
                  + m.varyingSinksOf[c].length
                  + m.varyingLinksOf[c].length);
    }
    keyBits = new long[(maxBits + 63) / 64];
    keyVals = new double[maxVals];
  }

  /** Slots that fit the memory budget: about 8 MB per worker, between 4 and 256. */
  static int slotsFor(StudyModel model) {
    long perSlot = 64;
    long widest = 0;
    for (int c = 0; c < model.commodityCount; c++) {
      long entry =
          (model.nodesOf[c].length + model.linksOf[c].length) / 8
              + 16L * (model.nodesOf[c].length + model.linksOf[c].length);
      widest = Math.max(widest, entry);
    }
    perSlot += widest;
    long slots = (8L << 20) / perSlot;
    return (int) Math.max(4, Math.min(256, slots));
  }

  private void buildKey(int c, DayInput in) {
    int[] nodes = m.nodesOf[c];
    int[] links = m.linksOf[c];
    int words = (nodes.length + links.length + 63) / 64;
    Arrays.fill(keyBits, 0, words, 0L);
    int bit = 0;
    for (int n : nodes) {
      if (in.nodeUp[n]) {
        keyBits[bit >>> 6] |= 1L << (bit & 63);
      }
      bit++;
    }
    for (int l : links) {
      if (in.linkUp[l]) {
        keyBits[bit >>> 6] |= 1L << (bit & 63);
      }
      bit++;
    }
    int v = 0;
    for (int s : m.net.sourcesOf(c)) {
      keyVals[v++] = in.supply[s];
    }
    for (int s : m.net.storagesOf(c)) {
      keyVals[v++] = in.withdrawCap[s];
      keyVals[v++] = in.injectCap[s];
    }
    for (int s : m.varyingSinksOf[c]) {
      keyVals[v++] = in.demand[s];
    }
    for (int l : m.varyingLinksOf[c]) {
      keyVals[v++] = in.linkCapacity[l];
    }
    keyValCount = v;
    long h = Streams.mix(c + 0x632BE59BD9B4E019L);
    for (int i = 0; i < words; i++) {
      h = Streams.mix(h ^ keyBits[i]);
    }
    for (int i = 0; i < v; i++) {
      h = Streams.mix(h ^ Double.doubleToLongBits(keyVals[i]));
    }
    keyHash = h;
  }

  /**
   * Copies the cached outputs of commodity {@code c} for input {@code in} into {@code out}; false
   * on a miss.
   */
  boolean lookup(int c, DayInput in, DayOutput out, double[] costByCommodity) {
    buildKey(c, in);
    int slot = (int) keyHash & mask;
    int words = (m.nodesOf[c].length + m.linksOf[c].length + 63) / 64;
    if (slotCommodity[slot] != c
        || slotHash[slot] != keyHash
        || !Arrays.equals(slotBits[slot], 0, words, keyBits, 0, words)
        || !Arrays.equals(slotVals[slot], 0, keyValCount, keyVals, 0, keyValCount)) {
      misses++;
      return false;
    }
    double[] o = slotOut[slot];
    int i = 0;
    for (int k : m.net.sinksOf(c)) {
      out.served[k] = o[i++];
    }
    for (int s : m.net.storagesOf(c)) {
      out.withdrawn[s] = o[i++];
      out.injected[s] = o[i++];
    }
    for (int l : m.linksOf[c]) {
      out.linkFlow[l] = o[i++];
    }
    costByCommodity[c] = slotCost[slot];
    hits++;
    return true;
  }

  /** Stores the outputs just solved for the key built by the last {@link #lookup}. */
  void store(int c, DayOutput out, double cost) {
    int slot = (int) keyHash & mask;
    int words = (m.nodesOf[c].length + m.linksOf[c].length + 63) / 64;
    int outLen = m.net.sinksOf(c).length + 2 * m.net.storagesOf(c).length + m.linksOf[c].length;
    if (slotBits[slot] == null || slotBits[slot].length < words) {
      slotBits[slot] = new long[keyBits.length];
    }
    if (slotVals[slot] == null || slotVals[slot].length < keyValCount) {
      slotVals[slot] = new double[keyVals.length];
    }
    if (slotOut[slot] == null || slotOut[slot].length < outLen) {
      slotOut[slot] = new double[outLen];
    }
    System.arraycopy(keyBits, 0, slotBits[slot], 0, words);
    System.arraycopy(keyVals, 0, slotVals[slot], 0, keyValCount);
    double[] o = slotOut[slot];
    int i = 0;
    for (int k : m.net.sinksOf(c)) {
      o[i++] = out.served[k];
    }
    for (int s : m.net.storagesOf(c)) {
      o[i++] = out.withdrawn[s];
      o[i++] = out.injected[s];
    }
    for (int l : m.linksOf[c]) {
      o[i++] = out.linkFlow[l];
    }
    slotCost[slot] = cost;
    slotHash[slot] = keyHash;
    slotCommodity[slot] = c;
  }
}
