package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.impact.ImpactModel;
import org.corridorrisk.impact.TrialLedger;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Dependency;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.network.NetworkIndex;

/**
 * Everything about one scenario that the trial loop reads: the compiled network, impact model,
 * threat plan, commodity evaluation order, dependencies, and the undisturbed run (no threats).
 * Immutable after construction; shared read-only by all workers.
 */
final class StudyModel {
  final Scenario scenario;
  final NetworkIndex net;
  final ImpactModel impact;
  final ThreatPlan plan;
  final int horizonDays;
  final int nodeCount;
  final int assetCount;
  final int commodityCount;

  /** Commodity indices in evaluation order (suppliers of dependencies first). */
  final int[] order;

  /** Per commodity: source nodes whose supply depends on other commodities' sinks. */
  final int[][] dependentSources;

  /** Per node: the sink nodes whose served share scales its supply (empty for most). */
  final int[][] supplyDependsOn;

  /** All storage nodes (global indices); position = storage slot. */
  final int[] storageNodes;

  /** Per node: its storage's deliverability curve ({@code AssetExtras.NONE}'s factor 1 without). */
  final Incidents.AssetExtras[] storageExtras;

  /** Per node: whether it is a storage with a deliverability curve (else the factor is 1). */
  final boolean[] storageHasCurve;

  /** Per commodity: links of that commodity, nodes of that commodity. */
  final int[][] linksOf;

  final int[][] nodesOf;

  /**
   * Per asset: the product of its profiles' factors per day (length horizon), or {@code null} when
   * the asset has no profile (factor 1 every day).
   */
  final double[][] profileFactor;

  /** Assets (asset indices) with a profile, ascending. */
  final int[] profiledAssets;

  /**
   * Per day (length horizon + 1): the first day from it on on which some profile's factor differs
   * from the day before, or the horizon.
   */
  final int[] nextProfileChange;

  /** Per asset: its own repair time ({@code repair_days} on the node or link), or null. */
  final RepairTime[] assetRepair;

  /** Per asset: a hash of its id, keying its own random draws ({@link Streams#uniform}). */
  final long[] assetKey;

  /** Per asset: the repair crew pool that serves it (first listed that matches), or -1. */
  final int[] crewPool;

  /** Per pool: crews, mobilization days, id. */
  final int[] crewCount;

  final int[] crewMobilization;
  final String[] crewId;

  /** The undisturbed run: same scenario, no threats. */
  final Baseline baseline;

  StudyModel(Scenario scenario) {
    this.scenario = scenario;
    this.net = NetworkIndex.compile(scenario);
    this.impact = new ImpactModel(net);
    this.plan = new ThreatPlan(scenario, net);
    this.horizonDays = scenario.horizonDays();
    this.nodeCount = net.nodeCount();
    this.assetCount = net.nodeCount() + net.linkCount();
    this.commodityCount = net.commodityCount();
    List<String> ids = scenario.commodities().stream().map(c -> c.id()).toList();
    List<String> evalOrder = scenario.commodityEvaluationOrder();
    order = new int[commodityCount];
    for (int i = 0; i < commodityCount; i++) {
      order[i] = ids.indexOf(evalOrder.get(i));
    }
    List<List<Integer>> depends = new ArrayList<>();
    for (int n = 0; n < nodeCount; n++) {
      depends.add(new ArrayList<>());
    }
    for (Dependency d : scenario.dependencies()) {
      depends.get(net.nodeIndex(d.supports())).add(net.nodeIndex(d.sink()));
    }
    supplyDependsOn = new int[nodeCount][];
    List<List<Integer>> dependent = new ArrayList<>();
    for (int c = 0; c < commodityCount; c++) {
      dependent.add(new ArrayList<>());
    }
    for (int n = 0; n < nodeCount; n++) {
      supplyDependsOn[n] = depends.get(n).stream().mapToInt(Integer::intValue).toArray();
      if (supplyDependsOn[n].length > 0) {
        dependent.get(net.nodeCommodity(n)).add(n);
      }
    }
    dependentSources = toArrays(dependent);
    List<Integer> storages = new ArrayList<>();
    List<List<Integer>> nodes = new ArrayList<>();
    List<List<Integer>> links = new ArrayList<>();
    for (int c = 0; c < commodityCount; c++) {
      nodes.add(new ArrayList<>());
      links.add(new ArrayList<>());
    }
    for (int n = 0; n < nodeCount; n++) {
      if (net.nodeKind(n) == NodeKind.STORAGE) {
        storages.add(n);
      }
      nodes.get(net.nodeCommodity(n)).add(n);
    }
    for (int l = 0; l < net.linkCount(); l++) {
      links.get(net.linkCommodity(l)).add(l);
    }
    storageNodes = storages.stream().mapToInt(Integer::intValue).toArray();
    nodesOf = toArrays(nodes);
    linksOf = toArrays(links);
    Incidents inc = scenario.incidents();
    storageExtras = new Incidents.AssetExtras[nodeCount];
    storageHasCurve = new boolean[nodeCount];
    for (int n : storageNodes) {
      storageExtras[n] = inc.asset(net.nodeId(n));
      storageHasCurve[n] = !storageExtras[n].deliverability().isEmpty();
    }
    profileFactor = new double[assetCount][];
    List<Integer> profiled = new ArrayList<>();
    for (int a = 0; a < assetCount; a++) {
      String id = a < nodeCount ? net.nodeId(a) : net.linkId(a - nodeCount);
      List<String> profileIds = inc.asset(id).profiles();
      if (!profileIds.isEmpty()) {
        double[] f = new double[horizonDays];
        for (int d = 0; d < horizonDays; d++) {
          f[d] = inc.factor(profileIds, d);
        }
        profileFactor[a] = f;
        profiled.add(a);
      }
    }
    profiledAssets = profiled.stream().mapToInt(Integer::intValue).toArray();
    nextProfileChange = new int[horizonDays + 1];
    nextProfileChange[horizonDays] = horizonDays;
    for (int d = horizonDays - 1; d >= 0; d--) {
      boolean change = false;
      for (int a : profiledAssets) {
        change |=
            d > 0
                && Double.doubleToRawLongBits(profileFactor[a][d])
                    != Double.doubleToRawLongBits(profileFactor[a][d - 1]);
      }
      nextProfileChange[d] = change ? d : nextProfileChange[d + 1];
    }
    assetRepair = new RepairTime[assetCount];
    assetKey = new long[assetCount];
    crewPool = new int[assetCount];
    java.util.Arrays.fill(crewPool, -1);
    for (int a = 0; a < assetCount; a++) {
      String id = a < nodeCount ? net.nodeId(a) : net.linkId(a - nodeCount);
      assetRepair[a] = inc.asset(id).repair();
      assetKey[a] = Streams.threatKey("asset:" + id);
    }
    List<Incidents.RepairCrew> crews = inc.crews();
    crewCount = new int[crews.size()];
    crewMobilization = new int[crews.size()];
    crewId = new String[crews.size()];
    for (int p = crews.size() - 1; p >= 0; p--) {
      Incidents.RepairCrew c = crews.get(p);
      crewCount[p] = c.count();
      crewMobilization[p] = c.mobilizationDays();
      crewId[p] = c.id();
      for (String id : c.assets()) {
        int node = net.nodeIndex(id);
        int a = node >= 0 ? node : nodeCount + net.linkIndex(id);
        crewPool[a] = p; // listed from the last pool to the first: the first that serves wins
      }
    }
    this.baseline = new TrialRunner(this, null).runUndisturbed();
  }

  private static int[][] toArrays(List<List<Integer>> lists) {
    int[][] out = new int[lists.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return out;
  }

  /**
   * The run without threats, day by day.
   *
   * @param sinkServed {@code [day][sink slot]} delivered
   * @param costPerDay {@code [day]} transport cost summed over commodities
   * @param inventoryAtDayStart {@code [day][storage slot]} inventory before the day's flows
   * @param metrics the undisturbed trial's metrics
   * @param unservedBySink per sink slot over the horizon
   * @param servedShare {@code [commodity][day]}
   * @param ledger the undisturbed trial's ledger (read only)
   * @param nextContributing {@code [day]} (length horizon + 1): the first day from {@code day} on
   *     whose undisturbed impacts change a ledger sum (not {@link TrialLedger#isNeutralDay}), or
   *     the horizon; the trial loop adds only those days of undisturbed stretches
   * @param nextStorageMove {@code [storage slot][day]} (length horizon + 1): the first day from
   *     {@code day} on on which the undisturbed run injects into or withdraws from the storage, or
   *     the horizon
   */
  record Baseline(
      double[][] sinkServed,
      double[] costPerDay,
      double[][] inventoryAtDayStart,
      TrialMetrics metrics,
      double[] unservedBySink,
      double[][] servedShare,
      TrialLedger ledger,
      int[] nextContributing,
      int[][] nextStorageMove) {}
}
