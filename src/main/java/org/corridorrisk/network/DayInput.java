package org.corridorrisk.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corridorrisk.model.NodeKind;

/**
 * Input of one day for one commodity. Arrays are indexed by GLOBAL node/link index and are meant to
 * be reused by the caller (one instance per worker thread); {@link DailyFlowSolver#solve} reads
 * only the entries of the commodity it solves. Rates are in the commodity's unit per day.
 *
 * <p>Values that are not finite or are negative are treated as 0 by the solver.
 *
 * <p>Design note: {@link #writeKey} derives a memo key from every array of this class, so a cache
 * of daily solves cannot serve stale flows when an input is added. Every array enters the key as
 * the entries that differ from their values at construction (the nominal day: everything up), so
 * the key stays short while most of the network is up and nominal ({@link DayKey}). Every per-day
 * array is allocated through {@link #nodeRate} or {@link #linkRate} (a per-node array names the
 * kind of node it is read for), which registers it for the key; {@code DayInputKeyTest} fails for a
 * public array that the key misses. Rejected: listing the fields by hand in the cache (a new field
 * was easy to forget).
 */
public final class DayInput {
  private final NetworkIndex net;
  private final List<double[]> nodeRates = new ArrayList<>();
  private final List<NodeKind> nodeRateKinds = new ArrayList<>();
  private final List<double[]> linkRates = new ArrayList<>();

  /** Per registered rate (node rates, then link rates): its values after construction. */
  private final List<double[]> nominal = new ArrayList<>();

  /** {@code false} = disabled: injects, stores, passes and receives nothing. */
  public final boolean[] nodeUp;

  /** {@code false} = disabled: carries nothing. */
  public final boolean[] linkUp;

  /** Per sink node: today's demand (nominal demand x profile factor). */
  public final double[] demand;

  /**
   * Per link: today's capacity (nominal capacity x profile factor x damage factor); in both
   * directions when undirected.
   */
  public final double[] linkCapacity;

  /**
   * Per source node: most it can inject today (nominal supply x profile x damage x dependency
   * factor).
   */
  public final double[] supply;

  /** Per storage node: most it can deliver today, {@code min(max_withdrawal, inventory)}. */
  public final double[] withdrawCap;

  /**
   * Per storage node: most it can refill today, {@code min(max_injection, capacity - inventory)}.
   */
  public final double[] injectCap;

  /**
   * Per junction with a {@code throughput} limit: most it passes today (nominal throughput x damage
   * factor); other nodes are not read.
   */
  public final double[] throughput;

  /** Allocates arrays sized to the network with everything up and nominal day-0 values. */
  public DayInput(NetworkIndex net) {
    this.net = net;
    nodeUp = new boolean[net.nodeCount()];
    linkUp = new boolean[net.linkCount()];
    demand = nodeRate(NodeKind.SINK);
    linkCapacity = linkRate();
    supply = nodeRate(NodeKind.SOURCE);
    withdrawCap = nodeRate(NodeKind.STORAGE);
    injectCap = nodeRate(NodeKind.STORAGE);
    throughput = nodeRate(NodeKind.JUNCTION);
    resetToNominal();
    for (double[] rate : nodeRates) {
      nominal.add(rate.clone());
    }
    for (double[] rate : linkRates) {
      nominal.add(rate.clone());
    }
  }

  /** A per-node rate read for nodes of {@code kind} only; registered for the memo key. */
  private double[] nodeRate(NodeKind kind) {
    double[] rate = new double[net.nodeCount()];
    nodeRates.add(rate);
    nodeRateKinds.add(kind);
    return rate;
  }

  /** A per-link rate; registered for the memo key. */
  private double[] linkRate() {
    double[] rate = new double[net.linkCount()];
    linkRates.add(rate);
    return rate;
  }

  /**
   * Makes this input equal to {@code other}, an input of the same network: which nodes and links
   * are up, and every registered rate (so a rate added to this class is copied too). A hint this
   * input had is forgotten; {@code other}'s is not copied.
   */
  public void copyFrom(DayInput other) {
    if (other.net != net) {
      throw new IllegalArgumentException("a day input of another network");
    }
    System.arraycopy(other.nodeUp, 0, nodeUp, 0, nodeUp.length);
    System.arraycopy(other.linkUp, 0, linkUp, 0, linkUp.length);
    for (int k = 0; k < nodeRates.size(); k++) {
      System.arraycopy(other.nodeRates.get(k), 0, nodeRates.get(k), 0, nodeUp.length);
    }
    for (int k = 0; k < linkRates.size(); k++) {
      System.arraycopy(other.linkRates.get(k), 0, linkRates.get(k), 0, linkUp.length);
    }
    clearHint();
  }

  /**
   * Sets everything up and every rate to its nominal day-0 value (inventory as in the scenario).
   */
  public void resetToNominal() {
    Arrays.fill(nodeUp, true);
    Arrays.fill(linkUp, true);
    for (int l = 0; l < linkUp.length; l++) {
      linkCapacity[l] = net.linkCapacity(l);
    }
    for (int i = 0; i < nodeUp.length; i++) {
      supply[i] = net.supplyPerDay(i);
      throughput[i] = net.throughputPerDay(i);
      demand[i] = net.demandPerDay(i);
      withdrawCap[i] = Math.min(net.maxWithdrawalPerDay(i), net.inventory(i));
      injectCap[i] =
          Math.max(
              0, Math.min(net.maxInjectionPerDay(i), net.storageCapacity(i) - net.inventory(i)));
    }
  }

  /**
   * Writes into {@code key} everything of this input that the solve of {@code commodity} reads, as
   * its difference from the nominal day ({@link DayKey}): which of its nodes and links are down and
   * every registered rate, at its nodes of the rate's kind (and at its links), that differs from
   * its value at construction. Two inputs with equal keys give bit-identical solves.
   */
  public void writeKey(int commodity, DayKey key) {
    KeyPlan plan = keyPlan(commodity);
    key.start(commodity);
    if (plan.nodesFrom >= 0) {
      key.addDown(0, nodeUp, plan.nodesFrom, plan.nodesTo);
    } else {
      key.addDown(0, nodeUp, plan.nodes);
    }
    if (plan.linksFrom >= 0) {
      key.addDown(1, linkUp, plan.linksFrom, plan.linksTo);
    } else {
      key.addDown(1, linkUp, plan.links);
    }
    double[][] rates = rateArrays;
    double[][] nominals = nominalArrays;
    for (int r = 0; r < rates.length; r++) {
      int[] at = plan.rateAt[r];
      if (at.length == 0) {
        continue;
      }
      if (plan.rateFrom[r] >= 0) {
        key.addChanged(2 + r, rates[r], nominals[r], plan.rateFrom[r], plan.rateTo[r]);
      } else {
        key.addChanged(2 + r, rates[r], nominals[r], at);
      }
    }
    key.finish();
  }

  /** Every registered rate (node rates, then link rates) and its nominal values, as arrays. */
  private double[][] rateArrays;

  private double[][] nominalArrays;

  /** Per commodity (filled on first use): what the key reads. */
  private KeyPlan[] keyPlans;

  /**
   * The indices the key of one commodity reads, per section (its nodes' up flags, its links' up
   * flags, then each registered rate), with the bounds of a section whose indices are consecutive
   * (read as a range; -1 otherwise).
   */
  private static final class KeyPlan {
    final int[] nodes;
    final int nodesFrom;
    final int nodesTo;
    final int[] links;
    final int linksFrom;
    final int linksTo;
    final int[][] rateAt;
    final int[] rateFrom;
    final int[] rateTo;

    KeyPlan(int[] nodes, int[] links, int[][] rateAt) {
      this.nodes = nodes;
      nodesFrom = rangeStart(nodes);
      nodesTo = nodesFrom < 0 ? -1 : nodesFrom + nodes.length;
      this.links = links;
      linksFrom = rangeStart(links);
      linksTo = linksFrom < 0 ? -1 : linksFrom + links.length;
      this.rateAt = rateAt;
      rateFrom = new int[rateAt.length];
      rateTo = new int[rateAt.length];
      for (int r = 0; r < rateAt.length; r++) {
        rateFrom[r] = rangeStart(rateAt[r]);
        rateTo[r] = rateFrom[r] < 0 ? -1 : rateFrom[r] + rateAt[r].length;
      }
    }

    /** The first index when {@code at} lists consecutive increasing indices, else -1. */
    private static int rangeStart(int[] at) {
      if (at.length == 0) {
        return -1;
      }
      for (int i = 1; i < at.length; i++) {
        if (at[i] != at[0] + i) {
          return -1;
        }
      }
      return at[0];
    }
  }

  private KeyPlan keyPlan(int commodity) {
    if (keyPlans == null) {
      int rates = nodeRates.size() + linkRates.size();
      rateArrays = new double[rates][];
      nominalArrays = nominal.toArray(new double[0][]);
      for (int r = 0; r < nodeRates.size(); r++) {
        rateArrays[r] = nodeRates.get(r);
      }
      for (int r = 0; r < linkRates.size(); r++) {
        rateArrays[nodeRates.size() + r] = linkRates.get(r);
      }
      keyPlans = new KeyPlan[net.commodityCount()];
    }
    KeyPlan plan = keyPlans[commodity];
    if (plan == null) {
      int[][] at = new int[rateArrays.length][];
      for (int r = 0; r < nodeRates.size(); r++) {
        at[r] = nodesOfKind(commodity, nodeRateKinds.get(r));
      }
      for (int r = 0; r < linkRates.size(); r++) {
        at[nodeRates.size() + r] = net.linksOf(commodity);
      }
      plan = new KeyPlan(net.nodesOf(commodity), net.linksOf(commodity), at);
      keyPlans[commodity] = plan;
    }
    return plan;
  }

  /**
   * Optional hint for the solver from a caller that tracks its own writes ({@link #hintChanges}):
   * when set, every link whose {@link #linkUp} or {@link #linkCapacity} differs from the nominal
   * day's (a {@code new DayInput}) has its flag set in {@code hintLinks}, and every source whose
   * {@link #supply} differs has its flag set in {@code hintNodes} (flagging more is allowed). With
   * it, a day with every node up is prepared from the flagged links and sources (found by a
   * vectorized pass over the flags, a byte each) instead of comparing every capacity and supply (8
   * bytes each, twice); the solver checks the flags with {@code -ea}. Null when not set: a caller
   * that writes these arrays without keeping the flags covering must not set it, or must {@link
   * #clearHint} it.
   */
  private boolean[] hintLinks;

  private boolean[] hintNodes;

  /**
   * Sets the hint (the arrays are not copied: the caller keeps them covering while the hint is
   * set); see {@link #hintLinks}.
   */
  public void hintChanges(boolean[] links, boolean[] nodes) {
    if (links.length != linkUp.length || nodes.length != nodeUp.length) {
      throw new IllegalArgumentException("hint flags of another network");
    }
    hintLinks = links;
    hintNodes = nodes;
  }

  /** Forgets the hint: solvers compare every entry again. */
  public void clearHint() {
    hintLinks = null;
    hintNodes = null;
  }

  boolean[] hintLinks() {
    return hintLinks;
  }

  boolean[] hintNodes() {
    return hintNodes;
  }

  /** The most words a key of any commodity of {@code net} holds ({@link DayKey}). */
  static int keySize(NetworkIndex net) {
    DayInput probe = new DayInput(net);
    int words = 0;
    for (int c = 0; c < net.commodityCount(); c++) {
      int w = net.nodesOf(c).length + net.linksOf(c).length;
      w += probe.linkRates.size() * 2 * net.linksOf(c).length;
      for (NodeKind kind : probe.nodeRateKinds) {
        w += 2 * probe.nodesOfKind(c, kind).length;
      }
      words = Math.max(words, w);
    }
    return words;
  }

  private int[] nodesOfKind(int commodity, NodeKind kind) {
    switch (kind) {
      case SOURCE:
        return net.sourcesOf(commodity);
      case SINK:
        return net.sinksOf(commodity);
      case STORAGE:
        return net.storagesOf(commodity);
      case JUNCTION:
        return net.limitedJunctionsOf(commodity);
      default:
        return net.nodesOf(commodity);
    }
  }
}
