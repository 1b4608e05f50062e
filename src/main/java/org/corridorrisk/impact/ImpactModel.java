package org.corridorrisk.impact;

import java.util.List;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.network.NetworkIndex;

/**
 * What the impact formulas need of a scenario, as flat arrays: the sinks (numbered 0..K-1 in node
 * order, "sink slots"), their demand, population, value of lost load and sector, the economy's A*
 * matrix and outputs, and the spill data of links. Immutable and shared read-only by all worker
 * threads.
 */
public final class ImpactModel {
  final int horizonDays;
  final int commodityCount;
  final int[] sinkNode;
  final int[] sinkCommodity;
  final double[] sinkDemandPerDay;
  final double[] sinkPopulation;
  final double[] sinkValueOfLostLoad;
  final int[] sinkSector;
  final double[] commodityDemandPerDay;
  final double[] commodityDemandVolume;
  final int sectorCount;
  final double[][] interdependency;
  final double[] sectorOutputPerDay;
  final double[] sectorDemandPerDay;
  final double[] spillDetectionHours;
  final double[] spillIsolationVolume;
  final boolean[] linkSpills;

  /**
   * Per day: demand per sink slot, per commodity and per sector after demand profiles; {@code null}
   * when no sink has a profile (every day is then the nominal day above).
   */
  final double[][] sinkDemandByDay;

  final double[][] commodityDemandByDay;
  final double[][] sectorDemandByDay;

  public ImpactModel(NetworkIndex net) {
    Scenario s = net.scenario();
    horizonDays = s.horizonDays();
    commodityCount = net.commodityCount();
    int k = 0;
    for (int c = 0; c < commodityCount; c++) {
      k += net.sinksOf(c).length;
    }
    int[] nodes = new int[k];
    int at = 0;
    for (int n = 0; n < net.nodeCount(); n++) {
      if (isSink(net, n)) {
        nodes[at++] = n;
      }
    }
    sinkNode = nodes;
    sinkCommodity = new int[k];
    sinkDemandPerDay = new double[k];
    sinkPopulation = new double[k];
    sinkValueOfLostLoad = new double[k];
    sinkSector = new int[k];
    commodityDemandPerDay = new double[commodityCount];
    Economy economy = s.economy().orElse(null);
    sectorCount = economy == null ? 0 : economy.sectors().size();
    interdependency = economy == null ? new double[0][0] : economy.interdependency();
    sectorOutputPerDay = new double[sectorCount];
    sectorDemandPerDay = new double[sectorCount];
    if (economy != null) {
      List<Sector> sectors = economy.sectors();
      for (int i = 0; i < sectorCount; i++) {
        sectorOutputPerDay[i] = sectors.get(i).outputPerDay();
      }
    }
    for (int i = 0; i < k; i++) {
      int n = sinkNode[i];
      sinkCommodity[i] = net.nodeCommodity(n);
      sinkDemandPerDay[i] = net.demandPerDay(n);
      sinkPopulation[i] = net.population(n);
      sinkValueOfLostLoad[i] = net.valueOfLostLoad(n);
      sinkSector[i] = economy == null ? -1 : net.sectorIndex(n);
      commodityDemandPerDay[sinkCommodity[i]] += sinkDemandPerDay[i];
      if (sinkSector[i] >= 0) {
        sectorDemandPerDay[sinkSector[i]] += sinkDemandPerDay[i];
      }
    }
    commodityDemandVolume = new double[commodityCount];
    Incidents inc = s.incidents();
    boolean profiled = false;
    for (int i = 0; i < k; i++) {
      profiled |= !inc.asset(net.nodeId(sinkNode[i])).profiles().isEmpty();
    }
    if (profiled) {
      sinkDemandByDay = new double[horizonDays][k];
      commodityDemandByDay = new double[horizonDays][commodityCount];
      sectorDemandByDay = new double[horizonDays][sectorCount];
      for (int i = 0; i < k; i++) {
        List<String> ids = inc.asset(net.nodeId(sinkNode[i])).profiles();
        for (int d = 0; d < horizonDays; d++) {
          double v = ids.isEmpty() ? sinkDemandPerDay[i] : sinkDemandPerDay[i] * inc.factor(ids, d);
          sinkDemandByDay[d][i] = v;
          commodityDemandByDay[d][sinkCommodity[i]] += v;
          if (sinkSector[i] >= 0) {
            sectorDemandByDay[d][sinkSector[i]] += v;
          }
        }
      }
      for (int d = 0; d < horizonDays; d++) {
        for (int c = 0; c < commodityCount; c++) {
          commodityDemandVolume[c] += commodityDemandByDay[d][c];
        }
      }
    } else {
      sinkDemandByDay = null;
      commodityDemandByDay = null;
      sectorDemandByDay = null;
      for (int c = 0; c < commodityCount; c++) {
        commodityDemandVolume[c] = commodityDemandPerDay[c] * horizonDays;
      }
    }
    int links = net.linkCount();
    spillDetectionHours = new double[links];
    spillIsolationVolume = new double[links];
    linkSpills = new boolean[links];
    for (int l = 0; l < links; l++) {
      Link link = s.link(net.linkId(l));
      if (link.spill() != null) {
        linkSpills[l] = true;
        spillDetectionHours[l] = link.spill().detectionHours();
        spillIsolationVolume[l] = link.spill().isolationVolume();
      }
    }
  }

  private static boolean isSink(NetworkIndex net, int node) {
    return net.nodeKind(node) == org.corridorrisk.model.NodeKind.SINK;
  }

  public int horizonDays() {
    return horizonDays;
  }

  public int commodityCount() {
    return commodityCount;
  }

  public int sectorCount() {
    return sectorCount;
  }

  /** Number of sinks (sink slots). */
  public int sinkCount() {
    return sinkNode.length;
  }

  /** Global node index of sink slot {@code slot}. */
  public int sinkNode(int slot) {
    return sinkNode[slot];
  }

  /** Demand per day of sink slot {@code slot}. */
  public double sinkDemandPerDay(int slot) {
    return sinkDemandPerDay[slot];
  }

  /** Demand per sink slot on day {@code day} (after profiles); read only. */
  public double[] sinkDemandOn(int day) {
    return sinkDemandByDay == null ? sinkDemandPerDay : sinkDemandByDay[day];
  }

  double[] commodityDemandOn(int day) {
    return commodityDemandByDay == null ? commodityDemandPerDay : commodityDemandByDay[day];
  }

  double[] sectorDemandOn(int day) {
    return sectorDemandByDay == null ? sectorDemandPerDay : sectorDemandByDay[day];
  }

  /** Demand of sink slot {@code slot} summed over the horizon (after profiles). */
  public double sinkDemandVolume(int slot) {
    if (sinkDemandByDay == null) {
      return sinkDemandPerDay[slot] * horizonDays;
    }
    double v = 0;
    for (double[] day : sinkDemandByDay) {
      v += day[slot];
    }
    return v;
  }

  /** Sum of sink demand per day of a commodity. */
  public double commodityDemandPerDay(int commodity) {
    return commodityDemandPerDay[commodity];
  }

  /** Whether link {@code link} (global index) has spill data. */
  public boolean linkSpills(int link) {
    return linkSpills[link];
  }

  /** Spill of one successful hit on {@code link} that carried {@code flowPerDay} that day. */
  public double spillVolume(int link, double flowPerDay) {
    return linkSpills[link]
        ? Impacts.spillVolume(flowPerDay, spillDetectionHours[link], spillIsolationVolume[link])
        : 0;
  }

  /**
   * The economic loss of one day alone: value of lost load, IIM indirect loss of that day and the
   * extra transport cost; used to rank targets for max-damage attackers.
   *
   * @param sinkServed delivered per sink slot that day
   * @param work scratch of length >= 3 x sectors
   */
  public double dayEconomicLoss(
      int day, double[] sinkServed, double costToday, double undisturbedCost, double[] work) {
    double[] sinkDemand = sinkDemandOn(day);
    double[] sectorDemand = sectorDemandOn(day);
    double direct = 0;
    int s = sectorCount;
    for (int i = 0; i < s; i++) {
      work[i] = 0;
    }
    for (int i = 0; i < sinkNode.length; i++) {
      double unserved = Impacts.unserved(sinkDemand[i], sinkServed[i]);
      direct += sinkValueOfLostLoad[i] * unserved;
      if (sinkSector[i] >= 0) {
        work[sinkSector[i]] += unserved;
      }
    }
    double indirect = 0;
    if (s > 0) {
      double[] cStar = new double[s];
      for (int i = 0; i < s; i++) {
        cStar[i] = sectorDemand[i] > 0 ? Math.min(1, work[i] / sectorDemand[i]) : 0;
      }
      double[] q = new double[s];
      Iim.leastFixedPoint(interdependency, cStar, q, new double[s]);
      for (int i = 0; i < s; i++) {
        indirect += (q[i] - cStar[i]) * sectorOutputPerDay[i];
      }
    }
    return direct + indirect + Impacts.reroutingCost(costToday, undisturbedCost);
  }

  /** Sum over commodities of the day's unserved share of demand (tie-break for max-damage). */
  public double dayUnservedShareSum(int day, double[] sinkServed) {
    double[] sinkDemand = sinkDemandOn(day);
    double[] commodityDemand = commodityDemandOn(day);
    double sum = 0;
    for (int i = 0; i < sinkNode.length; i++) {
      double demand = commodityDemand[sinkCommodity[i]];
      if (demand > 0) {
        sum += Impacts.unserved(sinkDemand[i], sinkServed[i]) / demand;
      }
    }
    return sum;
  }
}
