package org.corridorrisk.sim;

import java.util.Arrays;
import org.corridorrisk.model.Economy;

/**
 * The state of a replayed trial at the end of one day (see {@link TrialObserver}): what each sink
 * received, the served share per commodity, storage inventories after the day's withdrawals and
 * refills, each asset's capacity factor, each sector's total inoperability q and the day's
 * transport cost. Indices: sinks in node order ("sink slots"), storages in node order, assets nodes
 * then links in file order (nodes and links a patch adds come last), sectors as in the economy.
 *
 * <p>Owned and overwritten by the engine; read it inside {@link TrialObserver#day} only. Not
 * thread-safe.
 */
public final class DayState {
  private final String[] commodityIds;
  private final String[] sinkIds;
  private final int[] sinkCommodity;
  private final String[] storageIds;
  private final String[] assetIds;
  private final String[] sectorIds;
  int day;
  final double[] servedShare;
  final double[] sinkDemand;
  final double[] sinkServed;
  final double[] inventory;
  final double[] capacityFactor;
  final double[] inoperability;
  double transportCost;

  DayState(StudyModel m) {
    commodityIds = m.scenario.commodities().stream().map(c -> c.id()).toArray(String[]::new);
    int sinks = m.impact.sinkCount();
    sinkIds = new String[sinks];
    sinkCommodity = new int[sinks];
    for (int k = 0; k < sinks; k++) {
      int n = m.impact.sinkNode(k);
      sinkIds[k] = m.net.nodeId(n);
      sinkCommodity[k] = m.net.nodeCommodity(n);
    }
    storageIds = new String[m.storageNodes.length];
    for (int i = 0; i < storageIds.length; i++) {
      storageIds[i] = m.net.nodeId(m.storageNodes[i]);
    }
    assetIds = new String[m.assetCount];
    for (int a = 0; a < m.assetCount; a++) {
      assetIds[a] = a < m.nodeCount ? m.net.nodeId(a) : m.net.linkId(a - m.nodeCount);
    }
    Economy e = m.scenario.economy().orElse(null);
    sectorIds =
        e == null ? new String[0] : e.sectors().stream().map(s -> s.id()).toArray(String[]::new);
    servedShare = new double[commodityIds.length];
    sinkDemand = new double[sinks];
    sinkServed = new double[sinks];
    inventory = new double[storageIds.length];
    capacityFactor = new double[m.assetCount];
    Arrays.fill(capacityFactor, 1.0);
    inoperability = new double[sectorIds.length];
  }

  /** The day, 0-based. */
  public int day() {
    return day;
  }

  public int commodityCount() {
    return commodityIds.length;
  }

  public String commodityId(int c) {
    return commodityIds[c];
  }

  /** Share of the commodity's demand served that day, 0..1 (1 for a commodity without demand). */
  public double servedShare(int c) {
    return servedShare[c];
  }

  public int sinkCount() {
    return sinkIds.length;
  }

  public String sinkId(int k) {
    return sinkIds[k];
  }

  /** Commodity index of sink slot {@code k}. */
  public int sinkCommodity(int k) {
    return sinkCommodity[k];
  }

  /** The sink's demand that day (commodity unit per day). */
  public double sinkDemand(int k) {
    return sinkDemand[k];
  }

  /** What the sink received that day. */
  public double sinkServed(int k) {
    return sinkServed[k];
  }

  /** Demand not served that day, >= 0 (as the impact accounting counts it). */
  public double sinkUnserved(int k) {
    return org.corridorrisk.impact.Impacts.unserved(sinkDemand[k], sinkServed[k]);
  }

  public int storageCount() {
    return storageIds.length;
  }

  public String storageId(int i) {
    return storageIds[i];
  }

  /** Inventory at the end of the day, after its withdrawal and refill (commodity unit x day). */
  public double storageInventory(int i) {
    return inventory[i];
  }

  /** Nodes then links. */
  public int assetCount() {
    return assetIds.length;
  }

  public String assetId(int a) {
    return assetIds[a];
  }

  /** The asset's capacity factor that day: 1 up, 0 out, between for partial damage. */
  public double capacityFactor(int a) {
    return capacityFactor[a];
  }

  public int sectorCount() {
    return sectorIds.length;
  }

  public String sectorId(int s) {
    return sectorIds[s];
  }

  /** Total inoperability q of the sector that day (IIM least fixed point), 0..1. */
  public double sectorInoperability(int s) {
    return inoperability[s];
  }

  /** The day's transport cost summed over commodities (currency). */
  public double transportCost() {
    return transportCost;
  }
}
