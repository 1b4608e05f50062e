package org.corridorrisk.network;

/**
 * One commodity's part of the {@link FlowGraph}: its nodes {@code base .. base + n - 1} followed by
 * its three terminals, the super source {@link #source}, the storage root {@link #storageRoot} and
 * the super sink {@link #sink}, and its arcs {@code arcBegin .. arcEnd - 1}. The block owns these
 * facts; no other class computes a terminal from the block's bounds.
 *
 * <p>Immutable; shared by all solvers.
 */
final class Block {
  /** Index into the scenario's commodities. */
  final int commodity;

  /** First node of the block. */
  final int base;

  /** One past the last node of the block (the sink {@code T} is {@code end - 1}). */
  final int end;

  /** Super source {@code S}: arcs to every source (today's supply) and to the storage root. */
  final int source;

  /** Storage root {@code R}: one arc {@code S -> R}, one arc to every storage (withdrawal cap). */
  final int storageRoot;

  /** Super sink {@code T}: arcs from every sink and, for refills, from every storage. */
  final int sink;

  /** First arc and one past the last arc of the block. */
  final int arcBegin;

  final int arcEnd;

  /** The arc {@code S -> R}. */
  final int rootArc;

  /** Sinks sorted by (priority, index). */
  final int[] sinksByTier;

  /**
   * Tier boundaries into {@link #sinksByTier}: tier k is {@code tierStart[k] .. tierStart[k+1]-1}.
   */
  final int[] tierStart;

  /** Flows at or below this count as zero (1e-12 x the commodity's largest nominal rate). */
  final double flowEpsilon;

  /** Cost improvements at or below this count as zero. */
  final double costEpsilon;

  Block(
      int commodity,
      int base,
      int nodesOfCommodity,
      int arcBegin,
      int arcEnd,
      int rootArc,
      int[] sinksByTier,
      int[] tierStart,
      double flowEpsilon,
      double costEpsilon) {
    this.commodity = commodity;
    this.base = base;
    this.source = base + nodesOfCommodity;
    this.storageRoot = source + 1;
    this.sink = source + 2;
    this.end = sink + 1;
    this.arcBegin = arcBegin;
    this.arcEnd = arcEnd;
    this.rootArc = rootArc;
    this.sinksByTier = sinksByTier;
    this.tierStart = tierStart;
    this.flowEpsilon = flowEpsilon;
    this.costEpsilon = costEpsilon;
  }

  /** Nodes in the block, terminals included. */
  int size() {
    return end - base;
  }

  /** Number of priority tiers. */
  int tierCount() {
    return tierStart.length - 1;
  }

  /** Tolerance for sums over the block's arcs: the flow epsilon times the block size. */
  double tolerance() {
    return flowEpsilon * size();
  }
}
