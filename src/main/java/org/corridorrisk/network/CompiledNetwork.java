package org.corridorrisk.network;

import java.util.ArrayList;
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
 * Flat, immutable arrays compiled from a {@link Scenario}; shared read-only by all worker threads.
 *
 * <p>Global node indices follow {@link Scenario#nodes()} order and global link indices follow
 * {@link Scenario#links()} order. Commodity indices follow {@link Scenario#commodities()}.
 *
 * <p>Design note: each commodity gets its own block of an internal flow graph in compressed sparse
 * rows (arcs sorted by tail, {@code arcStart[v] .. arcStart[v + 1]}). The block holds the
 * commodity's nodes followed by three terminals: a super source {@code S} (arcs to every source,
 * capacity = that day's supply), a storage root {@code R} (one arc {@code S -> R} and one arc to
 * every storage, capacity = that day's withdrawal cap) and a super sink {@code T} (arcs from every
 * sink and, for refills, from every storage). Every arc has a paired residual arc ({@code arcRev}).
 * A directed link is one arc plus its zero-capacity residual twin. An undirected link of a
 * commodity without costs is one symmetric pair (both arcs have the link's capacity; the flow is
 * {@code capacity - residual} of the forward arc, negative when it runs backwards), which halves
 * the arcs the max-flow scans. With costs, an undirected link is two independent directed arcs
 * (four arcs in all), because the symmetric pair cannot tell "cancel forward flow" (cost -c) from
 * "push backwards" (cost +c). Only {@link DailyFlowSolver} reads the arc arrays.
 */
public final class CompiledNetwork {
  // Arc roles.
  static final byte LINK = 0;
  static final byte LINK_RESIDUAL = 1;
  static final byte LINK_TWIN = 2;
  static final byte SOURCE = 3;
  static final byte STORE = 4;
  static final byte SINK = 5;
  static final byte INJECT = 6;
  static final byte ROOT = 7;
  static final byte TERMINAL_RESIDUAL = 8;

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
  private final boolean[] hasCosts;

  // ---- internal flow graph (package-private for the solver) ----
  /** Per commodity: first internal node; nodes base..base+n-1, then S, R, T. */
  final int[] blockBase;

  /** Per commodity: one past its last internal node (= base + n + 3). */
  final int[] blockEnd;

  /** Per commodity: first arc and one past the last arc of its block. */
  final int[] arcBegin;

  final int[] arcEnd;

  /** Global node index to internal node index. */
  final int[] internalOf;

  final int internalNodeCount;
  final int[] arcStart;
  final int[] arcHead;
  final int[] arcTail;
  final int[] arcRev;
  final byte[] arcRole;
  final double[] arcCost;

  /** Per link: its forward arc (from -> to). */
  final int[] linkArcForward;

  /** Per link: its separate backward arc (to -> from) in the four-arc model, else -1. */
  final int[] linkArcBackward;

  /** Per node: arc S->source, R->storage or sink->T; -1 for junctions. */
  final int[] nodeArc;

  /** Per storage node: arc storage->T; else -1. */
  final int[] injectArc;

  /** Per commodity: the arc S->R. */
  final int[] rootArc;

  /** Per commodity: sinks sorted by (priority, index), and tier boundaries into that array. */
  final int[][] sinksByTier;

  final int[][] tierStart;

  /** Per commodity: flows at or below this count as zero (scaled to the commodity's magnitudes). */
  final double[] flowEpsilon;

  /** Per commodity: cost improvements at or below this count as zero. */
  final double[] costEpsilon;

  final int maxBlockSize;

  private CompiledNetwork(Scenario scenario) {
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
      storageCapacity[i] = storage ? node.storageCapacity() : 0;
      maxInjectionPerDay[i] = storage ? node.maxInjectionPerDay() : 0;
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
    for (int c = 0; c < k; c++) {
      sinksOf[c] = nodesOf(c, NodeKind.SINK);
      sourcesOf[c] = nodesOf(c, NodeKind.SOURCE);
      storagesOf[c] = nodesOf(c, NodeKind.STORAGE);
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

    // Internal node numbering: commodity blocks in commodity order.
    blockBase = new int[k];
    blockEnd = new int[k];
    internalOf = new int[n];
    int next = 0;
    int largest = 0;
    for (int c = 0; c < k; c++) {
      blockBase[c] = next;
      for (int i = 0; i < n; i++) {
        if (nodeCommodity[i] == c) {
          internalOf[i] = next++;
        }
      }
      next += 3;
      blockEnd[c] = next;
      largest = Math.max(largest, blockEnd[c] - blockBase[c]);
    }
    internalNodeCount = next;
    maxBlockSize = largest;

    // Arcs, first as unsorted lists, then sorted into CSR by tail.
    ArcList arcs = new ArcList();
    int[] fwd = new int[m];
    int[] bwd = new int[m];
    Arrays.fill(bwd, -1);
    int[] nodeArcTmp = new int[n];
    int[] injectTmp = new int[n];
    Arrays.fill(nodeArcTmp, -1);
    Arrays.fill(injectTmp, -1);
    int[] rootTmp = new int[k];
    for (int c = 0; c < k; c++) {
      int s = blockEnd[c] - 3;
      int r = s + 1;
      int t = s + 2;
      for (int l : linksOf[c]) {
        int u = internalOf[linkFrom[l]];
        int v = internalOf[linkTo[l]];
        double cost = linkCostPerUnit[l];
        if (linkDirected[l]) {
          fwd[l] = arcs.pair(u, v, LINK, LINK_RESIDUAL, l, cost);
        } else if (hasCosts[c]) {
          fwd[l] = arcs.pair(u, v, LINK, LINK_RESIDUAL, l, cost);
          bwd[l] = arcs.pair(v, u, LINK, LINK_RESIDUAL, l, cost);
        } else {
          fwd[l] = arcs.pair(u, v, LINK, LINK_TWIN, l, 0);
        }
      }
      for (int i : sourcesOf[c]) {
        nodeArcTmp[i] = arcs.pair(s, internalOf[i], SOURCE, TERMINAL_RESIDUAL, i, 0);
      }
      rootTmp[c] = arcs.pair(s, r, ROOT, TERMINAL_RESIDUAL, -1, 0);
      for (int i : storagesOf[c]) {
        nodeArcTmp[i] = arcs.pair(r, internalOf[i], STORE, TERMINAL_RESIDUAL, i, 0);
        injectTmp[i] = arcs.pair(internalOf[i], t, INJECT, TERMINAL_RESIDUAL, i, 0);
      }
      for (int i : sinksOf[c]) {
        nodeArcTmp[i] = arcs.pair(internalOf[i], t, SINK, TERMINAL_RESIDUAL, i, 0);
      }
    }
    int arcCount = arcs.size;
    // Counting sort by tail; stable, so the order is deterministic.
    arcStart = new int[internalNodeCount + 1];
    for (int a = 0; a < arcCount; a++) {
      arcStart[arcs.tail[a] + 1]++;
    }
    for (int v = 0; v < internalNodeCount; v++) {
      arcStart[v + 1] += arcStart[v];
    }
    int[] position = Arrays.copyOf(arcStart, internalNodeCount);
    int[] newIndex = new int[arcCount];
    for (int a = 0; a < arcCount; a++) {
      newIndex[a] = position[arcs.tail[a]]++;
    }
    arcHead = new int[arcCount];
    arcTail = new int[arcCount];
    arcRev = new int[arcCount];
    arcRole = new byte[arcCount];
    arcCost = new double[arcCount];
    for (int a = 0; a < arcCount; a++) {
      int b = newIndex[a];
      arcHead[b] = arcs.head[a];
      arcTail[b] = arcs.tail[a];
      arcRev[b] = newIndex[arcs.rev[a]];
      arcRole[b] = arcs.role[a];
      arcCost[b] = arcs.cost[a];
    }
    linkArcForward = new int[m];
    linkArcBackward = new int[m];
    for (int l = 0; l < m; l++) {
      linkArcForward[l] = newIndex[fwd[l]];
      linkArcBackward[l] = bwd[l] < 0 ? -1 : newIndex[bwd[l]];
    }
    nodeArc = new int[n];
    injectArc = new int[n];
    for (int i = 0; i < n; i++) {
      nodeArc[i] = nodeArcTmp[i] < 0 ? -1 : newIndex[nodeArcTmp[i]];
      injectArc[i] = injectTmp[i] < 0 ? -1 : newIndex[injectTmp[i]];
    }
    rootArc = new int[k];
    arcBegin = new int[k];
    arcEnd = new int[k];
    for (int c = 0; c < k; c++) {
      rootArc[c] = newIndex[rootTmp[c]];
      arcBegin[c] = arcStart[blockBase[c]];
      arcEnd[c] = arcStart[blockEnd[c]];
    }

    sinksByTier = new int[k][];
    tierStart = new int[k][];
    flowEpsilon = new double[k];
    costEpsilon = new double[k];
    for (int c = 0; c < k; c++) {
      int[] sorted =
          Arrays.stream(sinksOf[c])
              .boxed()
              .sorted(
                  (a, b) ->
                      priority[a] != priority[b]
                          ? Integer.compare(priority[a], priority[b])
                          : Integer.compare(a, b))
              .mapToInt(Integer::intValue)
              .toArray();
      sinksByTier[c] = sorted;
      List<Integer> starts = new ArrayList<>();
      for (int j = 0; j < sorted.length; j++) {
        if (j == 0 || priority[sorted[j]] != priority[sorted[j - 1]]) {
          starts.add(j);
        }
      }
      starts.add(sorted.length);
      tierStart[c] = starts.stream().mapToInt(Integer::intValue).toArray();
      double scale = 1;
      double costScale = 1;
      for (int l : linksOf[c]) {
        scale = Math.max(scale, linkCapacity[l]);
        costScale = Math.max(costScale, linkCostPerUnit[l]);
      }
      for (int i = 0; i < n; i++) {
        if (nodeCommodity[i] == c) {
          scale = Math.max(scale, Math.max(supplyPerDay[i], demandPerDay[i]));
          scale = Math.max(scale, Math.max(maxWithdrawalPerDay[i], maxInjectionPerDay[i]));
        }
      }
      flowEpsilon[c] = scale * 1e-12;
      costEpsilon[c] = costScale * 1e-9;
    }
  }

  private int[] nodesOf(int commodity, NodeKind kind) {
    int count = 0;
    for (int i = 0; i < nodeKind.length; i++) {
      if (nodeCommodity[i] == commodity && nodeKind[i] == kind) {
        count++;
      }
    }
    int[] result = new int[count];
    count = 0;
    for (int i = 0; i < nodeKind.length; i++) {
      if (nodeCommodity[i] == commodity && nodeKind[i] == kind) {
        result[count++] = i;
      }
    }
    return result;
  }

  /** Growable arc arrays used only while compiling. */
  private static final class ArcList {
    int size;
    int[] head = new int[16];
    int[] tail = new int[16];
    int[] rev = new int[16];
    byte[] role = new byte[16];
    double[] cost = new double[16];

    /** Adds arc u->v and its paired arc v->u; returns the index of u->v. */
    int pair(int u, int v, byte role, byte pairRole, int ref, double cost) {
      int a = add(u, v, role, cost);
      int b = add(v, u, pairRole, role == LINK && pairRole == LINK_TWIN ? cost : -cost);
      rev[a] = b;
      rev[b] = a;
      return a;
    }

    private int add(int u, int v, byte arcRole, double arcCost) {
      if (size == head.length) {
        int grown = size * 2;
        head = Arrays.copyOf(head, grown);
        tail = Arrays.copyOf(tail, grown);
        rev = Arrays.copyOf(rev, grown);
        role = Arrays.copyOf(role, grown);
        cost = Arrays.copyOf(cost, grown);
      }
      head[size] = v;
      tail[size] = u;
      role[size] = arcRole;
      cost[size] = arcCost;
      return size++;
    }
  }

  /**
   * Compiles a validated scenario.
   *
   * @throws NullPointerException when {@code scenario} is null
   */
  public static CompiledNetwork compile(Scenario scenario) {
    if (scenario == null) {
      throw new NullPointerException("scenario must be given");
    }
    return new CompiledNetwork(scenario);
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

  /** Links of a commodity in index order. The returned array must not be modified. */
  public int[] linksOf(int commodity) {
    return linksOf[commodity];
  }

  /** Whether any link of the commodity has {@code cost_per_unit > 0}. */
  public boolean hasCosts(int commodity) {
    return hasCosts[commodity];
  }
}
