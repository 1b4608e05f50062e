package org.corridorrisk.network;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;

/**
 * Ids and attributes of a compiled {@link Scenario} as flat arrays by index: what {@code sim},
 * {@code impact} and {@code study} read. Immutable; shared read-only by all worker threads.
 *
 * <p>Global node indices follow {@link Scenario#nodes()} order and global link indices follow
 * {@link Scenario#links()} order. Commodity indices follow {@link Scenario#commodities()}.
 *
 * <p>Design note: the flow graph the solvers work on ({@link FlowGraph}: compressed sparse rows,
 * one {@link Block} per commodity with its terminal nodes) is built here too but is
 * package-private, so callers depend on ids and attributes only and the graph's layout can change
 * freely.
 */
public final class NetworkIndex {
  private final Scenario scenario;
  private final String[] nodeIds;
  private final String[] linkIds;
  private final Map<String, Integer> nodeIndexById = new HashMap<>();
  private final Map<String, Integer> linkIndexById = new HashMap<>();
  private final int[] nodeCommodity;
  private final NodeKind[] nodeKind;
  private final double[] supplyPerDay;
  private final double[] demandPerDay;
  private final int[] priority;
  private final double[] population;
  private final double[] valueOfLostLoad;
  private final int[] sectorIndex;
  private final double[] inventory;
  private final double[] maxWithdrawalPerDay;
  private final double[] storageCapacity;
  private final double[] maxInjectionPerDay;
  private final double[] throughputPerDay;
  private final int[][] limitedJunctionsOf;
  private final int[] linkFrom;
  private final int[] linkTo;
  private final int[] linkCommodity;
  private final double[] linkCapacity;
  private final boolean[] linkDirected;
  private final double[] linkCostPerUnit;
  private final int[][] sinksOf;
  private final int[][] sourcesOf;
  private final int[][] storagesOf;
  private final int[][] linksOf;
  private final int[][] nodesOfCommodity;
  private final boolean[] hasCosts;

  /** The internal flow graph (this package only), built after the attributes. */
  private final FlowGraph flowGraph;

  private NetworkIndex(Scenario scenario) {
    this.scenario = scenario;
    List<Node> nodes = scenario.nodes();
    List<Link> links = scenario.links();
    int n = nodes.size();
    int m = links.size();
    int k = scenario.commodities().size();
    Map<String, Integer> commodityIndex = new HashMap<>();
    for (int c = 0; c < k; c++) {
      commodityIndex.put(scenario.commodities().get(c).id(), c);
    }
    Economy economy = scenario.economy().orElse(null);

    nodeIds = new String[n];
    nodeCommodity = new int[n];
    nodeKind = new NodeKind[n];
    supplyPerDay = new double[n];
    demandPerDay = new double[n];
    priority = new int[n];
    population = new double[n];
    valueOfLostLoad = new double[n];
    sectorIndex = new int[n];
    inventory = new double[n];
    maxWithdrawalPerDay = new double[n];
    storageCapacity = new double[n];
    maxInjectionPerDay = new double[n];
    throughputPerDay = new double[n];
    for (int i = 0; i < n; i++) {
      Node node = nodes.get(i);
      nodeIds[i] = node.id();
      nodeIndexById.put(node.id(), i);
      nodeCommodity[i] = commodityIndex.get(node.commodity());
      nodeKind[i] = node.kind();
      supplyPerDay[i] = node.kind() == NodeKind.SOURCE ? node.supplyPerDay() : 0;
      demandPerDay[i] = node.kind() == NodeKind.SINK ? node.demandPerDay() : 0;
      priority[i] = node.priority();
      population[i] = node.population();
      valueOfLostLoad[i] = node.valueOfLostLoad();
      sectorIndex[i] =
          node.sector() == null || economy == null ? -1 : economy.indexOf(node.sector());
      boolean storage = node.kind() == NodeKind.STORAGE;
      inventory[i] = storage ? node.inventory() : 0;
      maxWithdrawalPerDay[i] = storage ? node.maxWithdrawalPerDay() : 0;
      // a ceiling below the initial inventory is raised to it (the storage holds what it starts
      // with)
      storageCapacity[i] = storage ? Math.max(node.storageCapacity(), node.inventory()) : 0;
      maxInjectionPerDay[i] = storage ? node.maxInjectionPerDay() : 0;
      double throughput = scenario.incidents().asset(node.id()).throughput();
      throughputPerDay[i] =
          node.kind() == NodeKind.JUNCTION && !Double.isNaN(throughput)
              ? throughput
              : Double.POSITIVE_INFINITY;
    }
    linkIds = new String[m];
    linkFrom = new int[m];
    linkTo = new int[m];
    linkCommodity = new int[m];
    linkCapacity = new double[m];
    linkDirected = new boolean[m];
    linkCostPerUnit = new double[m];
    hasCosts = new boolean[k];
    for (int l = 0; l < m; l++) {
      Link link = links.get(l);
      linkIds[l] = link.id();
      linkIndexById.put(link.id(), l);
      linkFrom[l] = nodeIndexById.get(link.from());
      linkTo[l] = nodeIndexById.get(link.to());
      linkCommodity[l] = commodityIndex.get(link.commodity());
      linkCapacity[l] = link.capacityPerDay();
      linkDirected[l] = link.directed();
      linkCostPerUnit[l] = link.costPerUnit();
      if (link.costPerUnit() > 0) {
        hasCosts[linkCommodity[l]] = true;
      }
    }
    sinksOf = new int[k][];
    sourcesOf = new int[k][];
    storagesOf = new int[k][];
    linksOf = new int[k][];
    nodesOfCommodity = new int[k][];
    for (int c = 0; c < k; c++) {
      sinksOf[c] = nodesOf(c, NodeKind.SINK);
      sourcesOf[c] = nodesOf(c, NodeKind.SOURCE);
      storagesOf[c] = nodesOf(c, NodeKind.STORAGE);
      nodesOfCommodity[c] = nodesOf(c, null);
      int count = 0;
      for (int l = 0; l < m; l++) {
        if (linkCommodity[l] == c) {
          count++;
        }
      }
      linksOf[c] = new int[count];
      count = 0;
      for (int l = 0; l < m; l++) {
        if (linkCommodity[l] == c) {
          linksOf[c][count++] = l;
        }
      }
    }

    limitedJunctionsOf = new int[k][];
    for (int c = 0; c < k; c++) {
      limitedJunctionsOf[c] =
          Arrays.stream(nodesOf(c, NodeKind.JUNCTION))
              .filter(i -> throughputPerDay[i] < Double.POSITIVE_INFINITY)
              .toArray();
    }
    flowGraph = new FlowGraph(this);
  }

  private int[] nodesOf(int commodity, NodeKind kind) {
    int count = 0;
    for (int i = 0; i < nodeKind.length; i++) {
      if (nodeCommodity[i] == commodity && (kind == null || nodeKind[i] == kind)) {
        count++;
      }
    }
    int[] result = new int[count];
    count = 0;
    for (int i = 0; i < nodeKind.length; i++) {
      if (nodeCommodity[i] == commodity && (kind == null || nodeKind[i] == kind)) {
        result[count++] = i;
      }
    }
    return result;
  }

  /**
   * Compiles a validated scenario.
   *
   * @throws NullPointerException when {@code scenario} is null
   */
  public static NetworkIndex compile(Scenario scenario) {
    if (scenario == null) {
      throw new NullPointerException("scenario must be given");
    }
    return new NetworkIndex(scenario);
  }

  /** The flow graph the solvers work on (this package only). */
  FlowGraph flowGraph() {
    return flowGraph;
  }

  /** The scenario this network was compiled from. */
  public Scenario scenario() {
    return scenario;
  }

  public int nodeCount() {
    return nodeIds.length;
  }

  public int linkCount() {
    return linkIds.length;
  }

  public int commodityCount() {
    return sinksOf.length;
  }

  /** Global index of the node with this id, or -1 when absent. */
  public int nodeIndex(String id) {
    Integer i = nodeIndexById.get(id);
    return i == null ? -1 : i;
  }

  /** Global index of the link with this id, or -1 when absent. */
  public int linkIndex(String id) {
    Integer i = linkIndexById.get(id);
    return i == null ? -1 : i;
  }

  public String nodeId(int node) {
    return nodeIds[node];
  }

  public String linkId(int link) {
    return linkIds[link];
  }

  /** Index into {@link Scenario#commodities()} of the node's commodity. */
  public int nodeCommodity(int node) {
    return nodeCommodity[node];
  }

  /** Index into {@link Scenario#commodities()} of the link's commodity. */
  public int linkCommodity(int link) {
    return linkCommodity[link];
  }

  public NodeKind nodeKind(int node) {
    return nodeKind[node];
  }

  /** Nominal supply per day of a source (0 for other kinds). */
  public double supplyPerDay(int node) {
    return supplyPerDay[node];
  }

  /** Demand per day of a sink (0 for other kinds). */
  public double demandPerDay(int node) {
    return demandPerDay[node];
  }

  /** Priority of a sink (1 = first; 1 for other kinds). */
  public int priority(int node) {
    return priority[node];
  }

  public double population(int node) {
    return population[node];
  }

  /** Currency per unit of unserved commodity. */
  public double valueOfLostLoad(int node) {
    return valueOfLostLoad[node];
  }

  /** Index into the economy's sectors, or -1 when the node feeds none (or there is no economy). */
  public int sectorIndex(int node) {
    return sectorIndex[node];
  }

  /** Storage volume at day 0 (0 for other kinds). */
  public double inventory(int node) {
    return inventory[node];
  }

  public double maxWithdrawalPerDay(int node) {
    return maxWithdrawalPerDay[node];
  }

  /** Storage refill ceiling (volume; 0 for other kinds). */
  public double storageCapacity(int node) {
    return storageCapacity[node];
  }

  public double maxInjectionPerDay(int node) {
    return maxInjectionPerDay[node];
  }

  public int linkFrom(int link) {
    return linkFrom[link];
  }

  public int linkTo(int link) {
    return linkTo[link];
  }

  /** Capacity per day (in either direction when undirected). */
  public double linkCapacity(int link) {
    return linkCapacity[link];
  }

  public boolean linkDirected(int link) {
    return linkDirected[link];
  }

  public double linkCostPerUnit(int link) {
    return linkCostPerUnit[link];
  }

  /** Sink nodes of a commodity in index order. The returned array must not be modified. */
  public int[] sinksOf(int commodity) {
    return sinksOf[commodity];
  }

  /** Source nodes of a commodity in index order. The returned array must not be modified. */
  public int[] sourcesOf(int commodity) {
    return sourcesOf[commodity];
  }

  /** Storage nodes of a commodity in index order. The returned array must not be modified. */
  public int[] storagesOf(int commodity) {
    return storagesOf[commodity];
  }

  /**
   * Junctions of a commodity with a {@code throughput} limit, in index order. The returned array
   * must not be modified.
   */
  public int[] limitedJunctionsOf(int commodity) {
    return limitedJunctionsOf[commodity];
  }

  /**
   * Most a junction passes per day ({@code throughput}); {@code +Infinity} for a junction without
   * one and for every other kind.
   */
  public double throughputPerDay(int node) {
    return throughputPerDay[node];
  }

  /** Nodes of a commodity in index order. The returned array must not be modified. */
  public int[] nodesOf(int commodity) {
    return nodesOfCommodity[commodity];
  }

  /** Links of a commodity in index order. The returned array must not be modified. */
  public int[] linksOf(int commodity) {
    return linksOf[commodity];
  }

  /** Whether any link of the commodity has {@code cost_per_unit > 0}. */
  public boolean hasCosts(int commodity) {
    return hasCosts[commodity];
  }
}
