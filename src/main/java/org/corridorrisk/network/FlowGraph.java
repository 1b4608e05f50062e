package org.corridorrisk.network;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The internal flow graph of a {@link NetworkIndex}: one {@link Block} per commodity, arcs in
 * compressed sparse rows ({@link Arcs}, sorted by tail). Immutable and shared by all solvers; only
 * this package reads it.
 *
 * <p>Design note: a directed link is one arc plus its zero-capacity residual twin. An undirected
 * link of a commodity without costs is one symmetric pair (both arcs have the link's capacity; the
 * flow is {@code capacity - residual} of the forward arc, negative when it runs backwards), which
 * halves the arcs the max-flow scans. With costs, an undirected link is two independent directed
 * arcs (four arcs in all), because the symmetric pair cannot tell "cancel forward flow" (cost -c)
 * from "push backwards" (cost +c). Every terminal arc ({@code S -> source}, {@code S -> R}, {@code
 * R -> storage}, {@code storage -> T}, {@code sink -> T}) has a zero-capacity residual twin.
 *
 * <p>A junction with a {@code throughput} limit is split: its node keeps the arcs that enter it, a
 * second node (numbered after the commodity's nodes, before {@code S}) takes the arcs that leave
 * it, and one arc between them carries the limit. An undirected link at a split junction is two
 * independent directed pairs (as with costs): opposite flows on it can then coexist, which never
 * raises a maximum flow (cancelling them keeps every capacity) and is netted in the link's reported
 * flow.
 */
final class FlowGraph {
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
  static final byte THROUGH = 9;

  final Arcs arcs;
  final int[] arcTail;
  final byte[] arcRole;
  final double[] arcCost;

  /** Per commodity. */
  final Block[] blocks;

  /** Global node index to internal node index. */
  final int[] internalOf;

  /** Internal node index to global node index; -1 for terminals. */
  final int[] globalOf;

  final int nodeCount;

  /** Per link: its forward arc (from -> to). */
  final int[] linkArcForward;

  /** Per link: its separate backward arc (to -> from) in the four-arc model, else -1. */
  final int[] linkArcBackward;

  /**
   * Per link {@code l}, at {@code 3 l .. 3 l + 2}: the arcs {@link #setLink} sets and {@link
   * #markLink} marks, in that order (forward, its twin when undirected, the backward arc; -1 for
   * the ones it lacks), read from one place per link.
   */
  private final int[] linkSetArcs;

  /** Per arc of a link (both arcs of each pair): the link; -1 for terminal arcs. */
  final int[] arcLink;

  /** Per node: arc S->source, R->storage or sink->T; -1 for junctions. */
  final int[] nodeArc;

  /** Per storage node: arc storage->T; else -1. */
  final int[] injectArc;

  /**
   * Per junction with a {@code throughput} limit: the arc from its node to its out-node; else -1.
   */
  final int[] throughArc;

  /** No flag set, per link and per node: what {@link #patchDay} compares a day's hint with. */
  private final boolean[] noLinks;

  private final boolean[] noNodes;

  /** Per arc: 1 when it or its reverse is a sink arc (role {@link #SINK}), else 0. */
  private final byte[] sinkSide;

  /** Nodes in the largest block. */
  final int maxBlockSize;

  /**
   * Per commodity: its arcs of role {@link #LINK} in arc order (one per directed or symmetric link,
   * two per link in the four-arc model), for passes over link flows that read the arc arrays in
   * order.
   */
  final int[][] linkArcs;

  FlowGraph(NetworkIndex net) {
    int n = net.nodeCount();
    int m = net.linkCount();
    int k = net.commodityCount();
    // Internal node numbering: commodity blocks in commodity order, terminals at each block's end.
    int[] base = new int[k];
    int[] own = new int[k];
    internalOf = new int[n];
    int[] outOf = new int[n]; // the node a node's leaving arcs start from
    int next = 0;
    int largest = 0;
    for (int c = 0; c < k; c++) {
      base[c] = next;
      for (int i = 0; i < n; i++) {
        if (net.nodeCommodity(i) == c) {
          internalOf[i] = next++;
          outOf[i] = internalOf[i];
        }
      }
      for (int j : net.limitedJunctionsOf(c)) {
        outOf[j] = next++;
      }
      own[c] = next - base[c];
      next += 3;
      largest = Math.max(largest, next - base[c]);
    }
    nodeCount = next;
    maxBlockSize = largest;
    globalOf = new int[nodeCount];
    Arrays.fill(globalOf, -1);
    for (int i = 0; i < n; i++) {
      globalOf[internalOf[i]] = i;
    }

    // Arcs, first as unsorted lists, then sorted into CSR by tail.
    ArcList list = new ArcList();
    int[] fwd = new int[m];
    int[] bwd = new int[m];
    Arrays.fill(bwd, -1);
    int[] nodeArcTmp = new int[n];
    int[] injectTmp = new int[n];
    int[] throughTmp = new int[n];
    Arrays.fill(nodeArcTmp, -1);
    Arrays.fill(injectTmp, -1);
    Arrays.fill(throughTmp, -1);
    int[] rootTmp = new int[k];
    for (int c = 0; c < k; c++) {
      int s = base[c] + own[c];
      int r = s + 1;
      int t = s + 2;
      for (int j : net.limitedJunctionsOf(c)) {
        throughTmp[j] = list.pair(internalOf[j], outOf[j], THROUGH, TERMINAL_RESIDUAL, 0);
      }
      for (int l : net.linksOf(c)) {
        int from = net.linkFrom(l);
        int to = net.linkTo(l);
        int u = internalOf[from];
        int v = internalOf[to];
        double cost = net.linkCostPerUnit(l);
        boolean split = outOf[from] != u || outOf[to] != v;
        if (net.linkDirected(l)) {
          fwd[l] = list.pair(outOf[from], v, LINK, LINK_RESIDUAL, cost);
        } else if (net.hasCosts(c) || split) {
          fwd[l] = list.pair(outOf[from], v, LINK, LINK_RESIDUAL, cost);
          bwd[l] = list.pair(outOf[to], u, LINK, LINK_RESIDUAL, cost);
        } else {
          fwd[l] = list.pair(u, v, LINK, LINK_TWIN, 0);
        }
      }
      for (int i : net.sourcesOf(c)) {
        nodeArcTmp[i] = list.pair(s, internalOf[i], SOURCE, TERMINAL_RESIDUAL, 0);
      }
      rootTmp[c] = list.pair(s, r, ROOT, TERMINAL_RESIDUAL, 0);
      for (int i : net.storagesOf(c)) {
        nodeArcTmp[i] = list.pair(r, internalOf[i], STORE, TERMINAL_RESIDUAL, 0);
        injectTmp[i] = list.pair(internalOf[i], t, INJECT, TERMINAL_RESIDUAL, 0);
      }
      for (int i : net.sinksOf(c)) {
        nodeArcTmp[i] = list.pair(internalOf[i], t, SINK, TERMINAL_RESIDUAL, 0);
      }
    }
    int arcCount = list.size;
    // Counting sort by tail; stable, so the order is deterministic.
    int[] arcStart = new int[nodeCount + 1];
    for (int a = 0; a < arcCount; a++) {
      arcStart[list.tail[a] + 1]++;
    }
    for (int v = 0; v < nodeCount; v++) {
      arcStart[v + 1] += arcStart[v];
    }
    int[] position = Arrays.copyOf(arcStart, nodeCount);
    int[] newIndex = new int[arcCount];
    for (int a = 0; a < arcCount; a++) {
      newIndex[a] = position[list.tail[a]]++;
    }
    int[] arcHead = new int[arcCount];
    int[] arcRev = new int[arcCount];
    arcTail = new int[arcCount];
    arcRole = new byte[arcCount];
    arcCost = new double[arcCount];
    for (int a = 0; a < arcCount; a++) {
      int b = newIndex[a];
      arcHead[b] = list.head[a];
      arcTail[b] = list.tail[a];
      arcRev[b] = newIndex[list.rev[a]];
      arcRole[b] = list.role[a];
      arcCost[b] = list.cost[a];
    }
    arcs = new Arcs(arcStart, arcHead, arcRev);
    noLinks = new boolean[m];
    noNodes = new boolean[n];
    sinkSide = new byte[arcCount];
    for (int a = 0; a < arcCount; a++) {
      if (arcRole[a] == SINK) {
        sinkSide[a] = 1;
        sinkSide[arcRev[a]] = 1;
      }
    }
    linkArcForward = new int[m];
    linkArcBackward = new int[m];
    arcLink = new int[arcCount];
    Arrays.fill(arcLink, -1);
    linkSetArcs = new int[3 * m];
    for (int l = 0; l < m; l++) {
      linkArcForward[l] = newIndex[fwd[l]];
      linkArcBackward[l] = bwd[l] < 0 ? -1 : newIndex[bwd[l]];
      arcLink[linkArcForward[l]] = l;
      arcLink[arcRev[linkArcForward[l]]] = l;
      if (linkArcBackward[l] >= 0) {
        arcLink[linkArcBackward[l]] = l;
        arcLink[arcRev[linkArcBackward[l]]] = l;
      }
      int twin = arcRev[linkArcForward[l]];
      linkSetArcs[3 * l] = linkArcForward[l];
      linkSetArcs[3 * l + 1] = arcRole[twin] == LINK_TWIN ? twin : -1;
      linkSetArcs[3 * l + 2] = linkArcBackward[l];
    }
    nodeArc = new int[n];
    injectArc = new int[n];
    throughArc = new int[n];
    for (int i = 0; i < n; i++) {
      nodeArc[i] = nodeArcTmp[i] < 0 ? -1 : newIndex[nodeArcTmp[i]];
      injectArc[i] = injectTmp[i] < 0 ? -1 : newIndex[injectTmp[i]];
      throughArc[i] = throughTmp[i] < 0 ? -1 : newIndex[throughTmp[i]];
    }
    blocks = new Block[k];
    linkArcs = new int[k][];
    for (int c = 0; c < k; c++) {
      int end = base[c] + own[c] + 3;
      int[] sorted = sinksByTier(net, c);
      blocks[c] =
          new Block(
              c,
              base[c],
              own[c],
              arcStart[base[c]],
              arcStart[end],
              newIndex[rootTmp[c]],
              sorted,
              tierStarts(net, sorted),
              flowScale(net, c) * 1e-12,
              costScale(net, c) * 1e-9);
      int count = 0;
      for (int a = blocks[c].arcBegin; a < blocks[c].arcEnd; a++) {
        if (arcRole[a] == LINK) {
          count++;
        }
      }
      linkArcs[c] = new int[count];
      count = 0;
      for (int a = blocks[c].arcBegin; a < blocks[c].arcEnd; a++) {
        if (arcRole[a] == LINK) {
          linkArcs[c][count++] = a;
        }
      }
    }
  }

  /**
   * Sets {@code residuals} on block {@code b}'s arcs to the day {@code in} describes, with zero
   * flow: links (0 when the link or an end is down), source supply, junction throughput, storage
   * withdrawal caps and their sum on {@code S -> R}. Sink and refill arcs stay closed (0).
   */
  void setDay(NetworkIndex net, Block b, DayInput in, Residuals residuals) {
    residuals.clear(b.arcBegin, b.arcEnd);
    int[] links = net.linksOf(b.commodity);
    for (int l : links) {
      setLink(l, dayCapacity(net, in, l, true), residuals);
    }
    int[] sources = net.sourcesOf(b.commodity);
    for (int i : sources) {
      residuals.setEmpty(nodeArc[i], supplyRate(in, i));
    }
    setRest(net, b, in, residuals);
  }

  /**
   * As {@link #setDay(NetworkIndex, Block, DayInput, Residuals)}, from the block's nominal day: its
   * capacities are copied whole, then only links and sources whose capacity differs today are
   * rewritten (on a large network a few percent of them), so the result is the same for less work.
   */
  void setDay(NetworkIndex net, Block b, DayInput in, Residuals residuals, NominalDay nominal) {
    residuals.setRange(b.arcBegin, b.arcEnd, nominal.arcCapacity, nominal.arcCapacity);
    patchDay(net, b, in, residuals, nominal);
  }

  /**
   * The second half of {@link #setDay(NetworkIndex, Block, DayInput, Residuals, NominalDay)}, for
   * residuals that already hold a start state (the nominal day's, or a kept state with a flow on
   * it): the links and sources whose capacity differs from the nominal day get today's, with no
   * flow on them, and are marked; every other arc keeps its state.
   */
  void patchDay(NetworkIndex net, Block b, DayInput in, Residuals residuals, NominalDay nominal) {
    residuals.clearMarks();
    double[] linkCapacity = nominal.linkCapacity;
    boolean anyNodeDown = Arrays.mismatch(in.nodeUp, nominal.allUp) >= 0;
    if (!anyNodeDown && in.hintLinks() != null) {
      // the caller flags the links and sources that may differ from the nominal day: only those
      // are looked at, in the same ascending order (a flagged one that does not differ is a no-op)
      assert hintCovers(in, nominal) : "the day's hint leaves out a changed link or source";
      boolean[] flags = in.hintLinks();
      for (int l = nextMismatch(flags, noLinks, 0);
          l < flags.length;
          l = nextMismatch(flags, noLinks, l + 1)) {
        int k = nominal.linkSlot[l];
        if (k >= 0) {
          patchLink(net, in, l, false, linkCapacity[k], residuals);
        }
      }
      boolean[] nodeFlags = in.hintNodes();
      double[] sourceRate = nominal.sourceRate;
      for (int i = nextMismatch(nodeFlags, noNodes, 0);
          i < nodeFlags.length;
          i = nextMismatch(nodeFlags, noNodes, i + 1)) {
        int k = nominal.sourceSlot[i];
        if (k >= 0) {
          patchSource(in, i, sourceRate[k], residuals);
        }
      }
      setRest(net, b, in, residuals);
      return;
    }
    if (anyNodeDown) {
      int[] links = net.linksOf(b.commodity);
      for (int k = 0; k < links.length; k++) {
        patchLink(net, in, links[k], true, linkCapacity[k], residuals);
      }
    } else {
      // Every node up: a link's capacity can differ from the nominal day's only where its state or
      // its capacity does, so only those links are looked at (found by vectorized comparisons, in
      // ascending order as linksOf lists them; a few percent of the links on a disturbed day).
      boolean[] up = in.linkUp;
      double[] capacities = in.linkCapacity;
      int n = up.length;
      int nextUp = nextMismatch(up, nominal.linkUp, 0);
      int nextCapacity = nextMismatch(capacities, nominal.allLinkCapacity, 0);
      for (int l = Math.min(nextUp, nextCapacity); l < n; l = Math.min(nextUp, nextCapacity)) {
        int k = nominal.linkSlot[l];
        if (k >= 0) {
          patchLink(net, in, l, false, linkCapacity[k], residuals);
        }
        if (nextUp == l) {
          nextUp = nextMismatch(up, nominal.linkUp, l + 1);
        }
        if (nextCapacity == l) {
          nextCapacity = nextMismatch(capacities, nominal.allLinkCapacity, l + 1);
        }
      }
    }
    int[] sources = net.sourcesOf(b.commodity);
    double[] sourceRate = nominal.sourceRate;
    if (anyNodeDown) {
      for (int k = 0; k < sources.length; k++) {
        patchSource(in, sources[k], sourceRate[k], residuals);
      }
    } else {
      // as for the links: only sources whose supply differs from the nominal day's can differ
      double[] supply = in.supply;
      for (int i = nextMismatch(supply, nominal.allSupply, 0);
          i < supply.length;
          i = nextMismatch(supply, nominal.allSupply, i + 1)) {
        int k = nominal.sourceSlot[i];
        if (k >= 0) {
          patchSource(in, i, sourceRate[k], residuals);
        }
      }
    }
    setRest(net, b, in, residuals);
  }

  /**
   * Link {@code l} gets today's capacity (its ends checked with {@code checkEnds}), with no flow,
   * and is marked, if that is not {@code was}.
   */
  private void patchLink(
      NetworkIndex net, DayInput in, int l, boolean checkEnds, double was, Residuals residuals) {
    double capacity = dayCapacity(net, in, l, checkEnds);
    if (capacity != was) {
      setLink(l, capacity, residuals);
      markLink(l, residuals);
    }
  }

  /**
   * Source {@code i} gets today's rate, with no flow, and is marked, if that is not {@code was}.
   */
  private void patchSource(DayInput in, int i, double was, Residuals residuals) {
    double rate = supplyRate(in, i);
    if (rate != was) {
      residuals.setEmpty(nodeArc[i], rate);
      residuals.mark(nodeArc[i]);
    }
  }

  /**
   * Block {@code b}'s arc capacities on the nominal day (all up, nominal rates), with the link
   * capacities and source rates behind them in the order of {@code net.linksOf} and {@code
   * net.sourcesOf}; {@code scratch} is overwritten on the block's arcs.
   */
  NominalDay nominalDay(NetworkIndex net, Block b, Residuals scratch) {
    DayInput in = new DayInput(net);
    setDay(net, b, in, scratch);
    double[] arcCapacity = new double[b.arcEnd - b.arcBegin];
    for (int a = b.arcBegin; a < b.arcEnd; a++) {
      arcCapacity[a - b.arcBegin] = scratch.capacity(a);
    }
    int[] links = net.linksOf(b.commodity);
    double[] linkCapacity = new double[links.length];
    for (int k = 0; k < links.length; k++) {
      linkCapacity[k] = dayCapacity(net, in, links[k], true);
    }
    int[] sources = net.sourcesOf(b.commodity);
    double[] sourceRate = new double[sources.length];
    for (int k = 0; k < sources.length; k++) {
      sourceRate[k] = supplyRate(in, sources[k]);
    }
    boolean[] allUp = new boolean[net.nodeCount()];
    Arrays.fill(allUp, true);
    int[] linkSlot = new int[net.linkCount()];
    Arrays.fill(linkSlot, -1);
    for (int k = 0; k < links.length; k++) {
      linkSlot[links[k]] = k;
    }
    int[] sourceSlot = new int[net.nodeCount()];
    Arrays.fill(sourceSlot, -1);
    for (int k = 0; k < sources.length; k++) {
      sourceSlot[sources[k]] = k;
    }
    for (double capacity : in.linkCapacity) {
      // patchDay skips links whose capacity has the nominal bits; NaN != NaN would not
      assert !Double.isNaN(capacity) : "NaN link capacity";
    }
    return new NominalDay(
        arcCapacity,
        linkCapacity,
        sourceRate,
        allUp,
        in.linkUp.clone(),
        in.linkCapacity.clone(),
        linkSlot,
        in.supply.clone(),
        sourceSlot);
  }

  /**
   * What {@link #nominalDay} returns; immutable, owned by one solver. Besides the block's arc
   * capacities, link capacities and source rates (in the order of {@code net.linksOf} and {@code
   * net.sourcesOf}), a node state of all up, the nominal day's link states and link capacities of
   * the whole network (indexed by link), each link's position in {@code net.linksOf} of the block
   * (-1 for another commodity's link), the nominal supplies (indexed by node) and each source's
   * position in {@code net.sourcesOf} of the block (-1 for other nodes): with these {@link
   * #patchDay} finds the links and sources that changed.
   */
  record NominalDay(
      double[] arcCapacity,
      double[] linkCapacity,
      double[] sourceRate,
      boolean[] allUp,
      boolean[] linkUp,
      double[] allLinkCapacity,
      int[] linkSlot,
      double[] allSupply,
      int[] sourceSlot) {}

  /**
   * Whether {@code in}'s hint flags every link and source whose state or rate differs from the
   * nominal day's (for assertions).
   */
  private static boolean hintCovers(DayInput in, NominalDay nominal) {
    boolean[] links = in.hintLinks();
    for (int l = 0; l < in.linkUp.length; l++) {
      boolean differs =
          in.linkUp[l] != nominal.linkUp[l]
              || Double.doubleToRawLongBits(in.linkCapacity[l])
                  != Double.doubleToRawLongBits(nominal.allLinkCapacity[l]);
      if (differs && !links[l]) {
        return false;
      }
    }
    boolean[] nodes = in.hintNodes();
    for (int i = 0; i < in.supply.length; i++) {
      if (Double.doubleToRawLongBits(in.supply[i])
              != Double.doubleToRawLongBits(nominal.allSupply[i])
          && !nodes[i]) {
        return false;
      }
    }
    return true;
  }

  /** The first index from {@code from} at which {@code a} and {@code b} differ, or their length. */
  private static int nextMismatch(boolean[] a, boolean[] b, int from) {
    int i = Arrays.mismatch(a, from, a.length, b, from, b.length);
    return i < 0 ? a.length : from + i;
  }

  /** As {@link #nextMismatch(boolean[], boolean[], int)}, bit for bit. */
  private static int nextMismatch(double[] a, double[] b, int from) {
    int i = Arrays.mismatch(a, from, a.length, b, from, b.length);
    return i < 0 ? a.length : from + i;
  }

  /** Today's capacity of link {@code l}: 0 when it or (if {@code checkEnds}) an end is down. */
  private static double dayCapacity(NetworkIndex net, DayInput in, int l, boolean checkEnds) {
    boolean up =
        in.linkUp[l] && (!checkEnds || (in.nodeUp[net.linkFrom(l)] && in.nodeUp[net.linkTo(l)]));
    return up ? in.linkCapacity[l] : 0;
  }

  private static double supplyRate(DayInput in, int i) {
    return in.nodeUp[i] ? StorageSteps.rate(in.supply[i]) : 0;
  }

  /** Link {@code l}'s arcs (forward, its twin when undirected, the backward arc) at {@code c}. */
  /** Sets link {@code l}'s arcs ({@link #linkSetArcs}) to {@code capacity}, without flow. */
  private void setLink(int l, double capacity, Residuals residuals) {
    for (int k = 3 * l; k < 3 * l + 3; k++) {
      int a = linkSetArcs[k];
      if (a >= 0) {
        residuals.setEmpty(a, capacity);
      }
    }
  }

  /** Marks the arcs {@link #setLink} sets, in the same order. */
  private void markLink(int l, Residuals residuals) {
    for (int k = 3 * l; k < 3 * l + 3; k++) {
      int a = linkSetArcs[k];
      if (a >= 0) {
        residuals.mark(a);
      }
    }
  }

  /**
   * Junction throughput, storage withdrawal caps and the root arc, from {@code in}; marks them
   * (they are few).
   */
  private void setRest(NetworkIndex net, Block b, DayInput in, Residuals residuals) {
    for (int j : net.limitedJunctionsOf(b.commodity)) {
      residuals.setEmpty(throughArc[j], in.nodeUp[j] ? StorageSteps.rate(in.throughput[j]) : 0);
      residuals.mark(throughArc[j]);
    }
    double rootCapacity = 0;
    for (int i : net.storagesOf(b.commodity)) {
      double withdrawal = in.nodeUp[i] ? StorageSteps.rate(in.withdrawCap[i]) : 0;
      residuals.setEmpty(nodeArc[i], withdrawal);
      residuals.mark(nodeArc[i]);
      rootCapacity += withdrawal;
    }
    residuals.setEmpty(b.rootArc, rootCapacity);
    residuals.mark(b.rootArc);
  }

  /**
   * {@code value > eps ? value : 0}, without a branch: the value's bits under a mask of all ones or
   * all zeros (+0.0). On a grid day where many sinks get nothing and many get their demand, in no
   * pattern, the branch was mispredicted about every other sink, which made {@link #write} three
   * times dearer; the compiler turns the integer choice below into a conditional move.
   */
  static double clean(double value, double eps) {
    long keep = value > eps ? -1L : 0L;
    return Double.longBitsToDouble(Double.doubleToRawLongBits(value) & keep);
  }

  /**
   * Reads block {@code b}'s solved flows out of {@code residuals} into {@code out}: deliveries,
   * storage withdrawals and injections, link flow magnitudes and the links' cost (flows at or below
   * the block's epsilon read as 0).
   */
  void write(NetworkIndex net, Block b, Residuals residuals, DayOutput out) {
    int c = b.commodity;
    double eps = b.flowEpsilon;
    for (int i : net.sinksOf(c)) {
      out.served[i] = clean(residuals.flow(nodeArc[i]), eps);
    }
    writeRest(net, b, residuals, out);
  }

  /**
   * Block {@code b}'s deliveries as {@link #write} reads them, in {@code net.sinksOf} order: what a
   * state kept now (a reference flow's installed state) gives {@link #writeFromKept}.
   */
  double[] served(NetworkIndex net, Block b, Residuals residuals) {
    int[] sinks = net.sinksOf(b.commodity);
    double[] served = new double[sinks.length];
    for (int k = 0; k < sinks.length; k++) {
      served[k] = clean(residuals.flow(nodeArc[sinks[k]]), b.flowEpsilon);
    }
    return served;
  }

  /**
   * As {@link #write}, with the same result, for residuals that differ from a kept state only on
   * the arcs {@code residuals}' complete journal lists and their reverses: deliveries are copied
   * from {@code keptServed} ({@link #served} of the kept state) and read again only at the sink
   * arcs among those, so the pass reads the journal and a compact array instead of two capacity
   * arrays strided over every arc of the block (a few hundred journaled arcs against some 20,000
   * arcs on a large grid with one line in a hundred out).
   *
   * <p>Design note: the flow of an arc is {@code capacity - residual}; an arc neither journaled nor
   * the reverse of a journaled arc holds the kept capacity and residual bit for bit (what the
   * journal's owner relies on to restore the kept state from it), so its delivery is the kept one,
   * the same bits {@link #write} would compute.
   */
  void writeFromKept(
      NetworkIndex net, Block b, Residuals residuals, DayOutput out, double[] keptServed) {
    int[] sinks = net.sinksOf(b.commodity);
    double[] served = out.served;
    for (int k = 0; k < sinks.length; k++) {
      served[sinks[k]] = keptServed[k];
    }
    double eps = b.flowEpsilon;
    int[] rev = arcs.rev;
    byte[] side = sinkSide;
    for (int j = 0, n = residuals.journalCount(); j < n; j++) {
      int a = residuals.journaled(j);
      if (side[a] != 0) {
        int sinkArc = arcRole[a] == SINK ? a : rev[a];
        served[globalOf[arcTail[sinkArc]]] = clean(residuals.flow(sinkArc), eps);
      }
    }
    writeRest(net, b, residuals, out);
  }

  /** The part of {@link #write} after the deliveries: storages, link flows and cost. */
  private void writeRest(NetworkIndex net, Block b, Residuals residuals, DayOutput out) {
    int c = b.commodity;
    double eps = b.flowEpsilon;
    for (int i : net.storagesOf(c)) {
      double withdrawn = residuals.flow(nodeArc[i]);
      double injected = residuals.flow(injectArc[i]);
      out.withdrawn[i] = clean(withdrawn - injected, eps);
      out.injected[i] = clean(injected - withdrawn, eps);
    }
    boolean costs = net.hasCosts(c);
    if (!out.linkFlows && !costs) {
      out.cost = 0;
      return;
    }
    // signed link flows in one pass over the block's link arcs in arc order (a pass per link would
    // read the arc arrays out of order), then their magnitudes
    double[] linkFlow = out.linkFlow;
    for (int l : net.linksOf(c)) {
      linkFlow[l] = 0;
    }
    int[] backward = linkArcBackward;
    for (int a : linkArcs[c]) {
      int l = arcLink[a];
      double f = residuals.flow(a);
      linkFlow[l] += a == backward[l] ? -f : f;
    }
    double cost = 0;
    for (int l : net.linksOf(c)) {
      double magnitude = clean(Math.abs(linkFlow[l]), eps);
      linkFlow[l] = magnitude;
      if (costs) {
        cost += magnitude * net.linkCostPerUnit(l);
      }
    }
    out.cost = costs ? cost : 0;
  }

  /** Sinks of commodity {@code c} sorted by (priority, index). */
  private static int[] sinksByTier(NetworkIndex net, int c) {
    return Arrays.stream(net.sinksOf(c))
        .boxed()
        .sorted(
            (a, b) ->
                net.priority(a) != net.priority(b)
                    ? Integer.compare(net.priority(a), net.priority(b))
                    : Integer.compare(a, b))
        .mapToInt(Integer::intValue)
        .toArray();
  }

  /** Tier boundaries into {@code sorted} (sinks by priority), ending with its length. */
  private static int[] tierStarts(NetworkIndex net, int[] sorted) {
    List<Integer> starts = new ArrayList<>();
    for (int j = 0; j < sorted.length; j++) {
      if (j == 0 || net.priority(sorted[j]) != net.priority(sorted[j - 1])) {
        starts.add(j);
      }
    }
    starts.add(sorted.length);
    return starts.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double flowScale(NetworkIndex net, int c) {
    double scale = 1;
    for (int l : net.linksOf(c)) {
      scale = Math.max(scale, net.linkCapacity(l));
    }
    for (int i = 0; i < net.nodeCount(); i++) {
      if (net.nodeCommodity(i) == c) {
        scale = Math.max(scale, Math.max(net.supplyPerDay(i), net.demandPerDay(i)));
        scale = Math.max(scale, Math.max(net.maxWithdrawalPerDay(i), net.maxInjectionPerDay(i)));
      }
    }
    return scale;
  }

  private static double costScale(NetworkIndex net, int c) {
    double scale = 1;
    for (int l : net.linksOf(c)) {
      scale = Math.max(scale, net.linkCostPerUnit(l));
    }
    return scale;
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
    int pair(int u, int v, byte role, byte pairRole, double cost) {
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
}
