package org.corridorrisk.sim;

import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayKey;
import org.corridorrisk.network.DayOutput;

/**
 * A bounded, direct-mapped memo of daily solves, keyed by the full input of one commodity as {@link
 * DayInput#writeKey} derives it (which of its nodes and links are up, every rate the solver reads).
 * One per worker; entries survive across trials, so recurring states (everything repaired, the same
 * single link down) are solved once per worker.
 *
 * <p>Design note: a hit returns what the solver returned for exactly that input, and the solver is
 * deterministic (same input, bit-identical output), so caching never changes results and results do
 * not depend on which worker ran a trial. Keys are compared in full, not just by hash, and come
 * from {@link DayInput} itself, so a new input cannot be left out of the key. Rejected: a HashMap
 * of boxed keys (allocation and boxing in the hot loop); listing {@code DayInput}'s fields here.
 *
 * <p>Two-way set associative: a key may sit in either slot of the pair its hash picks, and a new
 * entry replaces the one of the pair used least recently. Directly mapped, states that recur all
 * the time (everything up; the most frequent outages) could share one slot and evict each other on
 * every look-up: on southern-gas-corridor, 1.3 million trials of one worker needed 17,090 solves
 * directly mapped (46,908 with the hash of the current key, by the luck of which states collide)
 * and need 7,360 with pairs.
 */
final class FlowCache {
  private final StudyModel m;
  private final int mask;
  private final DayKey key;
  private final DayKey[] slotKey;
  private final double[][] slotOut;
  private final double[] slotCost;

  /** Per slot: the look-up count when it was last found or filled (least recently used). */
  private final long[] slotUsed;

  private long clock;

  /** The slot the last {@link #lookup} chose for a miss ({@link #store} fills it). */
  private int victim;

  long hits;
  long misses;

  /**
   * Look-ups per commodity after which the memo judges whether it pays, and the smallest share of
   * hits (1 in this many) that keeps it on.
   */
  static final int JUDGE_AFTER = 1024;

  static final int MIN_HITS_ONE_IN = 64;

  /**
   * Whether entries hold link flows: only when the runner's {@link DayOutput}s are filled with them
   * ({@link DayOutput#linkFlows}); otherwise they are all 0 and copying them is wasted work.
   */
  private final boolean linkFlows;

  /** Per commodity: look-ups and hits so far, and whether the memo is off for it. */
  private final long[] asked;

  private final long[] answered;
  private final boolean[] off;

  FlowCache(StudyModel model, int slots, boolean linkFlows) {
    m = model;
    this.linkFlows = linkFlows;
    int size = Integer.highestOneBit(Math.max(2, slots));
    mask = size - 1;
    key = new DayKey(m.net);
    slotKey = new DayKey[size];
    slotOut = new double[size][];
    slotCost = new double[size];
    slotUsed = new long[size];
    asked = new long[m.commodityCount];
    answered = new long[m.commodityCount];
    off = new boolean[m.commodityCount];
  }

  /**
   * Slots that fit the memory budget: about 8 MB per worker, between 4 and 4096 (4096 rather than
   * 256: on southern-gas-corridor the outage states of a year of trials collide less, 0.08 instead
   * of 0.29 solves per trial).
   */
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
    return (int) Math.max(4, Math.min(4096, slots));
  }

  /**
   * Whether commodity {@code c}'s days are worth looking up: false once {@link #JUDGE_AFTER}
   * look-ups found fewer than one hit in {@link #MIN_HITS_ONE_IN} (e.g. one-day trials of a large
   * network, where no two trials fail the same set of lines: writing and comparing the key then
   * only costs time). A "no" counts as a look-up that ran the solver. Results do not depend on it
   * (a hit returns what the solver would), only the time does.
   */
  boolean worthAsking(int c) {
    if (off[c]) {
      misses++;
      return false;
    }
    return true;
  }

  /**
   * Copies the cached outputs of commodity {@code c} for input {@code in} into {@code out}; false
   * on a miss.
   */
  boolean lookup(int c, DayInput in, DayOutput out, double[] costByCommodity) {
    in.writeKey(c, key);
    int first = (int) key.hash() & mask;
    int second = first ^ 1;
    if (++asked[c] == JUDGE_AFTER && answered[c] * MIN_HITS_ONE_IN < JUDGE_AFTER) {
      off[c] = true; // this look-up still counts; later ones are not made
    }
    long now = ++clock;
    int slot;
    if (slotKey[first] != null && slotKey[first].sameAs(key)) {
      slot = first;
    } else if (slotKey[second] != null && slotKey[second].sameAs(key)) {
      slot = second;
    } else {
      misses++;
      // the slot to fill: an empty one of the pair, else the one used least recently
      if (slotKey[first] == null) {
        victim = first;
      } else if (slotKey[second] == null) {
        victim = second;
      } else {
        victim = slotUsed[first] <= slotUsed[second] ? first : second;
      }
      return false;
    }
    slotUsed[slot] = now;
    answered[c]++;
    double[] o = slotOut[slot];
    int i = 0;
    for (int k : m.net.sinksOf(c)) {
      out.served[k] = o[i++];
    }
    for (int s : m.net.storagesOf(c)) {
      out.withdrawn[s] = o[i++];
      out.injected[s] = o[i++];
    }
    if (linkFlows) {
      for (int l : m.linksOf[c]) {
        out.linkFlow[l] = o[i++];
      }
    }
    costByCommodity[c] = slotCost[slot];
    hits++;
    return true;
  }

  /** Stores the outputs just solved for the key built by the last {@link #lookup} (a miss). */
  void store(int c, DayOutput out, double cost) {
    int slot = victim;
    slotUsed[slot] = clock;
    int outLen =
        m.net.sinksOf(c).length
            + 2 * m.net.storagesOf(c).length
            + (linkFlows ? m.linksOf[c].length : 0);
    if (slotKey[slot] == null) {
      slotKey[slot] = new DayKey(key);
    }
    if (slotOut[slot] == null || slotOut[slot].length < outLen) {
      slotOut[slot] = new double[outLen];
    }
    slotKey[slot].copyFrom(key);
    double[] o = slotOut[slot];
    int i = 0;
    for (int k : m.net.sinksOf(c)) {
      o[i++] = out.served[k];
    }
    for (int s : m.net.storagesOf(c)) {
      o[i++] = out.withdrawn[s];
      o[i++] = out.injected[s];
    }
    if (linkFlows) {
      for (int l : m.linksOf[c]) {
        o[i++] = out.linkFlow[l];
      }
    }
    slotCost[slot] = cost;
  }
}
