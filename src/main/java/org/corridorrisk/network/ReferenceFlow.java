package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The undisturbed day's flow of one commodity, kept arc by arc, used to start a daily max-flow from
 * a feasible flow close to the answer instead of from zero (the "reference flow"; not to be
 * confused with the {@link GreedyStart}, which builds a flow from scratch each day).
 *
 * <p>Design note: on large networks where most of the flow is unaffected by a day's outages (e.g. a
 * power grid with a few percent of its lines down), a cold max-flow re-routes every unit every day.
 * Here the flow of the undisturbed day (everything up, nominal rates) is computed once, made nearly
 * acyclic by a path decomposition, and kept as a list of arcs with their flows. On a later day
 * {@link #install} puts it back clipped to today's capacities: an arc whose capacity fell below its
 * reference flow carries what it can, which leaves an excess at its tail and a deficit at its head.
 * The excess is then sent back towards the source along the arcs that brought it (their flow is
 * lowered), the deficit forward towards the sink along the arcs that carried it on (lowering a
 * sink's delivery last). Flows only fall, so the walks end, but an imbalance that enters a cycle
 * the decomposition left ({@link #decompose}) goes round it, lowering it by that imbalance per
 * round; the walks therefore have a budget ({@link #install}), past which {@link #settleInOrder}
 * finishes the work. The result is a feasible flow that keeps every unit the outages did not touch;
 * the max-flow then augments only what the outages displaced. The answer is a maximum flow like the
 * cold one, and it depends only on the day's input (the reference is a fixed function of the
 * network), so the solver stays deterministic and history-free.
 *
 * <p>Replaced: installing only the reference paths (of the decomposition) whose arcs all kept their
 * nominal capacity. A path through one failed line then lost its whole flow, and checking every
 * path cost a pass over all path arcs each day; on the binding power-grid family the arc-level clip
 * keeps more flow for less work (docs/performance.md). Rejected: warm-starting from the previous
 * day's flow (results would depend on the call history, breaking the thread-count invariance and
 * the flow memo).
 *
 * <p>Used only where "any maximum flow" is the contract and the tier's sinks are capped at their
 * full demand: one priority tier, no storage. With link costs the reference is the undisturbed
 * day's cheapest flow, so that each day's cycle cancelling ({@link CycleCanceller}) starts near the
 * cheapest flow (1.3 to 1.6 times less CPU a day on the power grid with a tariff on every line,
 * docs/performance.md). Not thread-safe: one per solver.
 */
final class ReferenceFlow {
  /** Arcs with reference flow, in arc order, and their flows (the reference flow). */
  private final int[] arcs;

  private final double[] flows;
  private final Arcs g;
  private final int source;
  private final int sink;
  private final double eps;

  /** Per node of the graph: today's imbalance (inflow minus outflow) while installing. */
  private final double[] imbalance;

  /** Nodes waiting to pass an imbalance on, and whether a node is among them. */
  private final int[] pending;

  /**
   * Whether a node is in {@link #pending}; always true for the source and the sink, which absorb
   * any imbalance that reaches them (the supply used or a delivery falls) and so are never queued:
   * what {@link #settle} adds to their {@link #imbalance} is dropped when it ends.
   */
  private final boolean[] isPending;

  /** Arcs clipped today (their tails and heads hold the imbalances to pass on). */
  private final int[] clipped;

  private int clippedCount;

  /** Tail and head of each clipped arc. */
  private final int[] ends;

  /**
   * Whether the undisturbed day serves every sink in full, so that a warm-started max-flow may stop
   * at the component bound (on binding networks the bound is never reached and computing it costs a
   * search of the graph); set by the solver that built this flow.
   */
  boolean servesAll;

  /**
   * The exact phase's closed search trees on the undisturbed day started from this flow, or null
   * (the exact phase keeps none); set by the solver that built this flow.
   */
  BoykovKolmogorov.Trees trees;

  /** The block's first arc. */
  private final int arcBegin;

  /** The block's nodes: {@code nodeBegin .. nodeEnd - 1}. */
  private final int nodeBegin;

  private final int nodeEnd;

  /** Work arrays of {@link #settleInOrder}, made on its first use (per node of the graph). */
  private int[] searchMark;

  private int[] searchPath;
  private int[] searchArc;
  private int[] searchNext;
  private int[] searchOrder;

  /** {@link #searchMark} of the running search: on its path; + 1: finished. */
  private int searchEpoch;

  /** Times {@link #settleInOrder} ran since construction (tests). */
  long settledInOrder;

  /**
   * Per arc of the block (from {@link #arcBegin}): capacity and residual of the state {@link
   * #keepInstalled} kept, or null.
   */
  private double[] installedCap;

  /** {@link #installedServed}. */
  private double[] installedServed;

  private double[] installedRes;

  /**
   * Per arc of the block, bit {@code a - arcBegin}: whether it is a reference arc (in {@link
   * #arcs}); with {@link #referenceBefore}, the index in {@link #arcs} of a reference arc is the
   * number of reference arcs before it (a rank over the bits).
   */
  private final long[] referenceBits;

  /** Per word of {@link #referenceBits}: the reference arcs in the words before it. */
  private final int[] referenceBefore;

  /**
   * Arcs {@link #installDay} sets again, bit {@code a - arcBegin} (all clear between days): those
   * that are reference arcs ({@link #referenceBits}) are clipped again.
   */
  private final long[] touchedBits;

  /**
   * The nominal day's node states and demands behind the installed state (kept with it): a sink's
   * installed open capacity is its demand there if it is up, else 0, and a day whose {@link
   * DayInput#nodeUp} and {@link DayInput#demand} equal them sets no sink arc again.
   */
  private boolean[] installedUp;

  private double[] installedDemand;

  /** The up sinks' nominal demand, summed in {@link Block#sinksByTier} order (kept with it). */
  private double installedDemandSum;

  /** See {@link #recheckPositions}. */
  private int[] recheck = new int[16];

  /** Days {@link #installDay} journaled (tests). */
  long journaledDays;

  /** Whether no {@link #installDay} ran yet: every extra arc is then looked at. */
  private boolean recheckAll = true;

  /**
   * {@link #installDay} journals a day's changes up to one mark per this many arcs of the block
   * (above, the next day copies every arc back; measured on the binding grid family).
   */
  private static final int DENSE_MARKS = 32;

  private int recheckCount;

  /**
   * Per arc of the block, bit {@code a - arcBegin}: whether the set-up of the running {@link
   * #installDay} marked it (all clear between days). Such an arc, when clipped, is not marked
   * again: a repeated mark changes nothing in the trees' recheck ({@link
   * BoykovKolmogorov#augmentFrom}: the first one already orphaned or activated what the arc's
   * change concerns, and nothing runs in between), and on a day with a tenth of the lines out about
   * a third of the marks were such repeats (a line out that carried reference flow is clipped too).
   */
  private final long[] markedBits;

  /**
   * {@link Residuals#capacityStamp} when the last {@link #installDay} returned, or -1: while it is
   * unchanged, the capacities differ from the installed state's only at that day's marks and at
   * {@link #sinkArcsSet}, and the next day restores just those capacities (the residuals are copied
   * whole: the max-flow changed them all over). On a p 10% grid day that halves the copy of a day
   * with many changes (measured: the restore 14.9 -> 11.2 us per day).
   */
  private long capacitiesAfterDay = -1;

  /** The sink arcs the last {@link #installDay} set to another capacity. */
  private int[] sinkArcsSet = new int[0];

  private int sinkArcsSetCount;

  /** Arcs {@link #install} clipped on the nominal day (kept with the installed state). */
  private int[] clippedOnNominal;

  private ReferenceFlow(FlowGraph graph, Block b, int[] arcs, double[] flows) {
    this.arcs = arcs;
    this.flows = flows;
    this.g = graph.arcs;
    this.source = b.source;
    this.sink = b.sink;
    this.eps = b.flowEpsilon;
    this.arcBegin = b.arcBegin;
    this.nodeBegin = b.base;
    this.nodeEnd = b.end;
    this.imbalance = new double[graph.nodeCount];
    this.pending = new int[graph.nodeCount];
    this.isPending = new boolean[graph.nodeCount];
    isPending[source] = true;
    isPending[sink] = true;
    this.clipped = new int[arcs.length];
    this.ends = new int[2 * arcs.length];
    int words = (b.arcEnd - b.arcBegin + 63) >>> 6;
    this.referenceBits = new long[words];
    this.referenceBefore = new int[words];
    this.touchedBits = new long[words];
    this.markedBits = new long[words];
    for (int a : arcs) {
      referenceBits[(a - arcBegin) >>> 6] |= 1L << (a - arcBegin);
    }
    for (int w = 1; w < words; w++) {
      referenceBefore[w] = referenceBefore[w - 1] + Long.bitCount(referenceBits[w - 1]);
    }
  }

  /**
   * Decomposes the flow on the arcs of block {@code b} into paths from its source to its sink;
   * cycles of flow are cancelled, flows at or below the block's epsilon ignored, and keeps the sum
   * of the paths arc by arc (at most the given flow on every arc).
   *
   * <p>Only cycles met on the path being followed are cancelled: a cycle of the given flow whose
   * arcs the search takes on different paths stays in the sum (counted on the undisturbed day: 3
   * such cycles' closing arcs on the Western US grid, 569 on a 40,000-node lattice grid). {@link
   * #install} and {@link #settleRemaining} therefore bound their walks.
   */
  static ReferenceFlow decompose(FlowGraph graph, Block b, Residuals r) {
    int begin = b.arcBegin;
    int end = b.arcEnd;
    int base = b.base;
    int n = b.size();
    int s = b.source;
    int t = b.sink;
    double eps = b.flowEpsilon;
    int[] arcStart = graph.arcs.start;
    int[] arcHead = graph.arcs.head;
    double[] left = new double[end - begin];
    double[] used = new double[end - begin];
    for (int a = begin; a < end; a++) {
      double f = r.flow(a);
      left[a - begin] = f > eps ? f : 0;
    }
    int[] ptr = new int[n];
    for (int v = 0; v < n; v++) {
      ptr[v] = arcStart[base + v];
    }
    int[] onPath = new int[n];
    Arrays.fill(onPath, -1);
    int[] path = new int[n + 1];
    int top = 0;
    int v = s;
    onPath[s - base] = 0;
    while (true) {
      if (v == t) {
        double f = Double.POSITIVE_INFINITY;
        for (int i = 0; i < top; i++) {
          f = Math.min(f, left[path[i] - begin]);
        }
        for (int i = 0; i < top; i++) {
          left[path[i] - begin] -= f;
          used[path[i] - begin] += f;
          onPath[arcHead[path[i]] - base] = -1;
        }
        top = 0;
        v = s;
        continue;
      }
      int e = arcStart[v + 1];
      int a = ptr[v - base];
      while (a < e && left[a - begin] <= eps) {
        a++;
      }
      ptr[v - base] = a;
      if (a == e) {
        if (v == s) {
          break;
        }
        // flow into v that does not continue (rounding): drop the arc that led here
        int back = path[--top];
        left[back - begin] = 0;
        onPath[v - base] = -1;
        v = graph.arcTail[back];
        continue;
      }
      int w = arcHead[a];
      int at = onPath[w - base];
      if (at >= 0) {
        // a cycle w -> ... -> v -> w: cancel it
        double f = left[a - begin];
        for (int i = at; i < top; i++) {
          f = Math.min(f, left[path[i] - begin]);
        }
        left[a - begin] -= f;
        for (int i = at; i < top; i++) {
          left[path[i] - begin] -= f;
          onPath[arcHead[path[i]] - base] = -1;
        }
        onPath[w - base] = at;
        top = at;
        v = w;
        continue;
      }
      path[top++] = a;
      onPath[w - base] = top;
      v = w;
    }
    int count = 0;
    for (int a = begin; a < end; a++) {
      if (used[a - begin] > eps) {
        count++;
      }
    }
    int[] arcs = new int[count];
    double[] flows = new double[count];
    int k = 0;
    for (int a = begin; a < end; a++) {
      if (used[a - begin] > eps) {
        arcs[k] = a;
        flows[k++] = used[a - begin];
      }
    }
    return new ReferenceFlow(graph, b, arcs, flows);
  }

  /**
   * Installs the reference flow clipped to today's capacities into {@code r}, which must hold the
   * zero flow on the block, and restores conservation by lowering flows (see the class note). The
   * clipped arcs are marked ({@link Residuals#mark}); the walks that lower flows afterwards mark
   * nothing (they run after any restart from kept trees, or where none is kept).
   *
   * <p>When lowering the flows takes more than {@link #settleBudget} steps, {@link #settleInOrder}
   * finishes the work from where the walks stopped.
   *
   * <p>Design note: the walks had no bound here. On a 40,000-node lattice grid a day's excess of
   * about 1e-9 (rounding, just above the block's epsilon) entered a cycle of the reference and went
   * round it, lowering each of its arcs by that much per round: about 10^10 rounds, a run that did
   * not end (docs/performance.md, "Scenario families at scale (session 28)"). On the Western US
   * grid and lattices of up to 20,000 nodes no day took more than 3% of the budget, so no day that
   * ended before gives another flow now.
   */
  void install(Residuals r) {
    clip(r);
    long budget = settleBudget();
    for (int k = 0; k < clippedCount && budget >= 0; k++) {
      budget = settle(r, ends[2 * k], budget);
      if (budget >= 0) {
        budget = settle(r, ends[2 * k + 1], budget);
      }
    }
    lastSettleSteps = settleBudget() - budget;
    if (budget < 0) {
      settleInOrder(r);
    }
    imbalance[source] = 0;
    imbalance[sink] = 0;
  }

  /**
   * Steps {@link #install} and {@link #settleRemaining} may take to lower flows (nodes taken from
   * the queue): 16 times the graph's arcs and nodes, several passes' worth.
   */
  long settleBudget() {
    return 16L * (g.size() + imbalance.length);
  }

  /** Steps the last {@link #install} took lowering flows, at most one past its budget (tests). */
  long lastSettleSteps;

  /**
   * The first half of {@link #install}: the reference flow clipped to today's capacities, leaving
   * an excess at the tail and a deficit at the head of every clipped arc ({@link #imbalance}, nodes
   * listed by {@link #imbalancedNodes}); for a max-flow that repairs them itself ({@link
   * BoykovKolmogorov#augmentFrom(BoykovKolmogorov.Trees, int, int, double, double[], int[], int)}),
   * then {@link #settleRemaining}.
   */
  void clip(Residuals r) {
    clippedCount = 0;
    for (int k = 0; k < arcs.length; k++) {
      clipArc(r, k);
    }
    imbalance[source] = 0;
    imbalance[sink] = 0;
  }

  /** Puts reference arc {@code k}'s flow on it, clipped to its residual (see {@link #clip}). */
  private void clipArc(Residuals r, int k) {
    clipArc(r, k, false);
  }

  /**
   * As {@link #clipArc(Residuals, int)}; with {@code once}, an arc the day's set-up marked ({@link
   * #markedBits}) is not marked again.
   */
  private void clipArc(Residuals r, int k, boolean once) {
    int a = arcs[k];
    double f = flows[k];
    double room = r.residual(a);
    if (room >= f) {
      r.push(a, f);
      return;
    }
    if (room > 0) {
      r.push(a, room);
    } else {
      room = 0;
    }
    double cut = f - room;
    int back = g.rev[a];
    if (!once || !isMarked(a)) {
      r.mark(a);
    }
    if (!once || !isMarked(back)) {
      r.mark(back);
    }
    int from = g.head[back];
    int to = g.head[a];
    imbalance[from] += cut;
    imbalance[to] -= cut;
    int count = ++clippedCount;
    clipped[count - 1] = a;
    ends[2 * count - 2] = from;
    ends[2 * count - 1] = to;
  }

  /**
   * Keeps the state {@code r} holds on block {@code b}'s arcs: the nominal day with its sinks open
   * at their nominal demand and this flow installed by {@link #install}. From then on {@link
   * #installDay} prepares a day from it. The arcs {@link #install} clipped there (by rounding: a
   * path decomposition's sum of path flows may exceed the arc's flow by an ulp) are clipped again
   * every day, as a full clip would. The state's deliveries are kept too ({@link
   * #installedServed}).
   */
  void keepInstalled(FlowGraph graph, NetworkIndex net, Residuals r, Block b, DayInput nominal) {
    int[] nodeArc = graph.nodeArc;
    installedCap = new double[b.arcEnd - b.arcBegin];
    installedRes = new double[b.arcEnd - b.arcBegin];
    for (int a = b.arcBegin; a < b.arcEnd; a++) {
      installedCap[a - b.arcBegin] = r.capacity(a);
      installedRes[a - b.arcBegin] = r.residual(a);
    }
    clippedOnNominal = new int[clippedCount];
    for (int k = 0; k < clippedCount; k++) {
      clippedOnNominal[k] = clipped[k];
    }
    installedUp = nominal.nodeUp.clone();
    installedDemand = nominal.demand.clone();
    installedDemandSum = 0;
    for (int i : b.sinksByTier) {
      installedDemandSum += installedUp[i] ? installedDemand[i] : 0;
      assert Double.doubleToRawLongBits(installedUp[i] ? installedDemand[i] : 0)
          == Double.doubleToRawLongBits(r.capacity(nodeArc[i]));
    }
    installedServed = graph.served(net, b, r);
    sinkArcsSet = new int[b.sinksByTier.length];
    sinkArcsSetCount = 0;
    capacitiesAfterDay = -1;
  }

  /**
   * The deliveries of the state {@link #keepInstalled} kept ({@link FlowGraph#served}), or null: a
   * day prepared from that state is written from them and the arcs it changed ({@link
   * FlowGraph#writeFromKept}).
   */
  double[] installedServed() {
    return installedServed;
  }

  /** Forgets the state {@link #keepInstalled} kept. */
  void dropInstalled() {
    installedCap = null;
    installedServed = null;
    installedRes = null;
    clippedOnNominal = null;
    installedUp = null;
    installedDemand = null;
    capacitiesAfterDay = -1;
  }

  /** Whether {@link #keepInstalled} kept a state. */
  boolean hasInstalled() {
    return installedCap != null;
  }

  /**
   * Leaves in {@code r} what {@link FlowGraph#setDay(NetworkIndex, Block, DayInput, Residuals,
   * FlowGraph.NominalDay)}, opening every up sink at its full demand and {@link #clip} leave, bit
   * for bit, with the same marks in the same order but for repeats ({@link #markedBits}), for less
   * work: the day starts from the state {@link #keepInstalled} kept (put back by restoring only the
   * arcs the previous day changed, when {@link Residuals}' journal listed them all; else by copying
   * every arc), and only the arcs that differ are set again: those the day's set-up marks (changed
   * links and sources, with their reverses) and the sink arcs whose demand differs, whose reference
   * flows are then clipped again in reference order. Sinks are read in {@link Block#sinksByTier}
   * order (the block has one tier); returns the day's demand of the up sinks, summed in that order.
   *
   * <p>Design note: the reference arcs to clip again are collected in a bit set over the block's
   * arcs ({@link #touchedBits}), which yields them ascending and once each for one pass over a word
   * per 64 arcs; a word's reference arcs are its bits that are also in {@link #referenceBits}, and
   * their indices into {@link #arcs} follow by counting bits. Replaced (session 10): sorting the
   * collected positions, which on a day with many changes (a tenth of the lines out) cost more than
   * removing every arc's flow and clipping the whole reference again, so such days did that instead
   * (about ten times the arcs clipped and a copy of every arc). Replaced (session 11): per-arc
   * tables (the reference index of each arc, and the day each arc was last marked, 90 kB each on
   * the power-grid family) read at a few thousand scattered arcs a day; bits over the arcs do the
   * same in 3 kB each and keep the day's other arrays in the caches. A day with many changes still
   * ends the journal: listing what its max-flow changes would cost every push more than the next
   * day's copy of every arc saves.
   */
  double installDay(
      FlowGraph graph,
      NetworkIndex net,
      Block b,
      DayInput in,
      Residuals r,
      FlowGraph.NominalDay nominal) {
    assert isClear(markedBits) && isClear(touchedBits) : "bits left from an earlier day";
    int[] sinks = b.sinksByTier;
    if (r.journalComplete(this)) {
      for (int i = 0, count = r.journalCount(); i < count; i++) {
        int a = r.journaled(i);
        if (a >= arcBegin && a < b.arcEnd) {
          r.restorePair(a, installedCap, installedRes, arcBegin);
        }
      }
    } else if (r.capacityStamp() == capacitiesAfterDay) {
      // no capacity changed since the last installDay and its marks are still listed: capacities
      // differ from the installed state's only at the arcs its set-up marked and the sink arcs it
      // set, so only residuals are copied whole
      for (int i = 0, count = r.markCount(); i < count; i++) {
        r.restoreCapacity(r.marked(i), installedCap, arcBegin);
      }
      for (int i = 0; i < sinkArcsSetCount; i++) {
        r.restoreCapacity(sinkArcsSet[i], installedCap, arcBegin);
      }
      r.setResiduals(arcBegin, b.arcEnd, installedRes);
    } else {
      r.setRange(arcBegin, b.arcEnd, installedCap, installedRes);
    }
    sinkArcsSetCount = 0;
    r.endJournal(); // the set-up's changes are listed from its marks below, if at all
    graph.patchDay(net, b, in, r, nominal);
    // what this day changes is listed, so that the next day restores only that: the set-up's
    // changes are its marks, which clearPair lists below, and every later change is listed as it
    // is made; not on a day with many changes (the next day copies every arc back)
    boolean journaled = r.markCount() <= (b.arcEnd - arcBegin) / DENSE_MARKS;
    if (journaled) {
      journaledDays++;
      r.startJournal(this, (b.arcEnd - arcBegin) / 3);
    }
    int[] rev = g.rev;
    int marks = r.markCount();
    long[] marked = markedBits;
    for (int i = 0; i < marks; i++) {
      int k = r.marked(i) - arcBegin;
      marked[k >>> 6] |= 1L << k;
    }
    for (int i = 0, previous = -1; i < marks; i++) {
      int a = r.marked(i);
      if (previous >= 0 && rev[a] == previous) {
        previous = a;
        continue; // a link's twin follows it: the same pair
      }
      previous = a;
      if (journaled) {
        clearPair(r, a); // which lists both arcs in the journal
      } else {
        // the set-up left every arc it marked without flow (capacity and residual set alike), so
        // only an unmarked reverse needs its flow removed; the reference arcs are listed alike
        int back = rev[a];
        if (!isMarked(back)) {
          r.clearFlow(back);
        }
        touch(a, back);
      }
    }
    for (int a : clippedOnNominal) {
      clearPair(r, a);
    }
    int positions = 0;
    double demand;
    if (Arrays.equals(in.nodeUp, installedUp) && Arrays.equals(in.demand, installedDemand)) {
      demand = installedDemandSum; // every sink arc as installed
    } else {
      demand = 0;
      boolean[] up = in.nodeUp;
      double[] dayDemand = in.demand;
      for (int j = 0; j < sinks.length; j++) {
        int i = sinks[j];
        double open = 0;
        if (up[i]) {
          open = dayDemand[i];
          demand += open;
        }
        double installed = installedUp[i] ? installedDemand[i] : 0;
        if (Double.doubleToRawLongBits(open) != Double.doubleToRawLongBits(installed)) {
          int a = graph.nodeArc[i];
          r.setEmpty(a, open);
          sinkArcsSet[sinkArcsSetCount++] = a;
          clearPair(r, a);
          positions = addPosition(trees.positionOf[a - arcBegin], positions);
        }
      }
    }
    recheckAll = false;
    for (int p : trees.changedPositions) {
      positions = addPosition(p, positions);
    }
    IntSort.sort(recheck, 0, positions);
    recheckCount = positions;
    clippedCount = 0;
    long[] bits = touchedBits;
    long[] reference = referenceBits;
    for (int w = 0; w < bits.length; w++) {
      long word = bits[w];
      if (word != 0) {
        bits[w] = 0;
        long ref = reference[w];
        word &= ref;
        while (word != 0) {
          long below = Long.lowestOneBit(word) - 1;
          clipArc(r, referenceBefore[w] + Long.bitCount(ref & below), true);
          word &= word - 1;
        }
      }
    }
    Arrays.fill(markedBits, 0);
    imbalance[source] = 0;
    imbalance[sink] = 0;
    capacitiesAfterDay = r.capacityStamp();
    return demand;
  }

  /**
   * Removes any flow from arc {@code a} and its reverse (their capacities stay) and adds them to
   * {@link #touchedBits}.
   */
  private void clearPair(Residuals r, int a) {
    int back = g.rev[a];
    r.clearFlow(a);
    r.clearFlow(back);
    touch(a, back);
  }

  /** Adds arc {@code a} and its reverse {@code back} to {@link #touchedBits}. */
  private void touch(int a, int back) {
    int k = a - arcBegin;
    touchedBits[k >>> 6] |= 1L << k;
    k = back - arcBegin;
    touchedBits[k >>> 6] |= 1L << k;
  }

  private static boolean isClear(long[] bits) {
    for (long word : bits) {
      if (word != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the running {@link #installDay}'s set-up marked arc {@code a} ({@link #markedBits}).
   */
  private boolean isMarked(int a) {
    int k = a - arcBegin;
    return (markedBits[k >>> 6] & (1L << k)) != 0;
  }

  private int addPosition(int p, int count) {
    if (p < 0) {
      return count; // not among the arcs the trees check (never for a sink arc)
    }
    if (count == recheck.length) {
      recheck = Arrays.copyOf(recheck, 2 * count + 16);
    }
    recheck[count] = p;
    return count + 1;
  }

  /**
   * After {@link #installDay}: the positions in the trees' {@link BoykovKolmogorov.Trees#alsoCheck}
   * of the arcs that may differ from the state the trees were closed from without being marked (the
   * sink arcs it set again and the arcs the trees' closing changed), ascending; null when all of
   * them are to be looked at (before the first).
   */
  int[] recheckPositions() {
    return recheckAll ? null : recheck;
  }

  /** Number of entries of {@link #recheckPositions}. */
  int recheckCount() {
    return recheckCount;
  }

  /**
   * Forgets the imbalances the last {@link #clip} or {@link #installDay} left, for a day that is
   * not repaired from them after all (it is set up again from zero flow): the next clip adds its
   * own to zeros, as {@link #settleRemaining} leaves them.
   */
  void discardImbalances() {
    for (int k = 0; k < 2 * clippedCount; k++) {
      imbalance[ends[k]] = 0;
    }
    imbalance[source] = 0;
    imbalance[sink] = 0;
    clippedCount = 0;
    assert allBalanced();
  }

  private boolean allBalanced() {
    for (int x = 0; x < imbalance.length; x++) {
      boolean terminal = x == source || x == sink;
      assert imbalance[x] == 0 && isPending[x] == terminal : "imbalance left at " + x;
    }
    return true;
  }

  /** Per node: inflow minus outflow after {@link #clip} (kept up to date by its users). */
  double[] imbalance() {
    return imbalance;
  }

  /** Tails and heads of the arcs {@link #clip} clipped ({@code 2 x} {@link #imbalancedCount}). */
  int[] imbalancedNodes() {
    return ends;
  }

  /** Number of entries of {@link #imbalancedNodes}. */
  int imbalancedCount() {
    return 2 * clippedCount;
  }

  /**
   * Removes the imbalances left after {@link #clip} by lowering flows towards the source or the
   * sink, as {@link #install} does (with {@link #settleInOrder} taking over past {@link
   * #settleBudget} steps).
   */
  void settleRemaining(Residuals r) {
    long budget = settleBudget();
    for (int k = 0; k < 2 * clippedCount; k++) {
      budget = settle(r, ends[k], budget);
      if (budget < 0) {
        settleInOrder(r);
        break;
      }
    }
    imbalance[source] = 0;
    imbalance[sink] = 0;
  }

  /**
   * Passes the imbalance of {@code start} on until every node it reaches is balanced: an excess
   * lowers the flow on arcs into the node (moving the excess to their tails, towards the source), a
   * deficit lowers the flow on arcs out of it (moving the deficit to their heads, towards the
   * sink). Imbalances reaching the source or the sink vanish: the supply used or a delivery falls.
   *
   * <p>Design note: the source and the sink are never queued ({@link #isPending}). On the binding
   * grid family (p 10%) they were 43% of the nodes taken from the queue, each only to have its
   * imbalance dropped. Neither ever passes anything on, so leaving them out changes no flow; only
   * the budget counts fewer steps.
   */
  private long settle(Residuals r, int start, long budget) {
    if (start == source || start == sink) {
      return budget;
    }
    if (Math.abs(imbalance[start]) <= eps && !isPending[start]) {
      imbalance[start] = 0;
      return budget;
    }
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] rev = g.rev;
    int size = 0;
    pending[size++] = start;
    isPending[start] = true;
    while (size > 0) {
      if (--budget < 0) {
        return budget;
      }
      int x = pending[--size];
      isPending[x] = false;
      double excess = imbalance[x];
      imbalance[x] = 0;
      if (excess > eps) {
        // lower flow arriving at x: arc a leaves x, its reverse brought flow in
        for (int a = arcStart[x], e = arcStart[x + 1]; a < e && excess > eps; a++) {
          double in = r.flow(rev[a]);
          if (in > eps) {
            double d = Math.min(in, excess);
            r.push(a, d);
            excess -= d;
            size = receive(arcHead[a], d, size);
          }
        }
      } else if (excess < -eps) {
        // lower flow leaving x: arc a carries flow on
        for (int a = arcStart[x], e = arcStart[x + 1]; a < e && excess < -eps; a++) {
          double out = r.flow(a);
          if (out > eps) {
            double d = Math.min(out, -excess);
            r.push(rev[a], d);
            excess += d;
            size = receive(arcHead[a], -d, size);
          }
        }
      }
      // what is left is within rounding of zero (conservation holds to the block's epsilon)
    }
    return budget;
  }

  /**
   * Removes every imbalance left on the block, whatever the flow's shape, in two passes that take
   * each node at most once: the excesses go back towards the source, downstream nodes first, then
   * the deficits on towards the sink, upstream nodes first. The order comes from a depth-first
   * search over the arcs with flow from the nodes with an imbalance of that sign; a cycle of flow
   * the search meets is lowered by its smallest flow, which changes no node's balance, so that the
   * order exists. Each node passes on all it holds when its turn comes, lowering its arcs in arc
   * order as {@link #settle} does.
   *
   * <p>Design note: {@link #settle} passes an imbalance on as soon as it arrives, so a node that
   * receives it in parts passes each part on separately, and an imbalance that enters a cycle goes
   * round it. On a 40,000-node lattice grid with a twentieth of its lines out, one day in eleven
   * ran past {@link #settleBudget} and started again from zero flow, which cost as much as the
   * other ten together (docs/performance.md, "Scenario families at scale"). It stays the first
   * choice because on every other network it ends within a small part of its budget (at most 3%),
   * and so every day that settled before keeps its flow; this method takes over where it stopped.
   */
  private void settleInOrder(Residuals r) {
    settledInOrder++;
    if (searchMark == null) {
      int n = imbalance.length;
      searchMark = new int[n];
      searchPath = new int[n];
      searchArc = new int[n];
      searchNext = new int[n];
      searchOrder = new int[n];
    }
    for (int x = nodeBegin; x < nodeEnd; x++) {
      isPending[x] = false;
    }
    isPending[source] = true;
    isPending[sink] = true;
    passOnInOrder(r, true);
    passOnInOrder(r, false);
    for (int x = nodeBegin; x < nodeEnd; x++) {
      // what is left is within rounding of zero, as after settle
      imbalance[x] = 0;
    }
  }

  /**
   * One pass of {@link #settleInOrder}: the excesses ({@code excesses}) or the deficits. The search
   * steps from a node to the tail of an arc bringing it flow (excesses) or to the head of an arc
   * taking flow from it (deficits); the finished order, reversed, puts every node before the nodes
   * it can pass its imbalance to.
   */
  private void passOnInOrder(Residuals r, boolean excesses) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] rev = g.rev;
    int[] mark = searchMark;
    int[] path = searchPath;
    int[] pathArc = searchArc;
    int[] next = searchNext;
    int[] order = searchOrder;
    if (searchEpoch > Integer.MAX_VALUE - 4) {
      Arrays.fill(mark, 0);
      searchEpoch = 0;
    }
    searchEpoch += 2;
    int onPath = searchEpoch;
    int finished = onPath + 1;
    int ordered = 0;
    for (int root = nodeBegin; root < nodeEnd; root++) {
      double held = imbalance[root];
      if (root == source
          || root == sink
          || mark[root] == finished
          || !(excesses ? held > eps : held < -eps)) {
        continue;
      }
      int top = 0;
      path[0] = root;
      mark[root] = onPath;
      next[root] = arcStart[root];
      while (top >= 0) {
        int x = path[top];
        int e = arcStart[x + 1];
        int a = next[x];
        int step = -1;
        for (; a < e; a++) {
          int carrying = excesses ? rev[a] : a;
          int y = arcHead[a];
          if (y == source || y == sink || mark[y] == finished || r.flow(carrying) <= eps) {
            continue;
          }
          step = carrying;
          break;
        }
        next[x] = a;
        if (step < 0) {
          mark[x] = finished;
          order[ordered++] = x;
          top--;
          continue;
        }
        int y = arcHead[a];
        if (mark[y] != onPath) {
          pathArc[top] = step;
          path[++top] = y;
          mark[y] = onPath;
          next[y] = arcStart[y];
          continue;
        }
        // a cycle of flow through y, the path's nodes from y to x and arc `step`: lower it
        int from = top;
        while (path[from] != y) {
          from--;
        }
        double f = r.flow(step);
        for (int i = from; i < top; i++) {
          f = Math.min(f, r.flow(pathArc[i]));
        }
        r.push(rev[step], f);
        for (int i = from; i < top; i++) {
          r.push(rev[pathArc[i]], f);
        }
        for (int i = from + 1; i <= top; i++) {
          mark[path[i]] = 0;
        }
        top = from;
      }
    }
    for (int i = ordered - 1; i >= 0; i--) {
      int x = order[i];
      double held = imbalance[x];
      if (excesses && held > eps) {
        for (int a = arcStart[x], e = arcStart[x + 1]; a < e && held > eps; a++) {
          double in = r.flow(rev[a]);
          if (in > eps) {
            double d = Math.min(in, held);
            r.push(a, d);
            held -= d;
            imbalance[arcHead[a]] += d;
          }
        }
        imbalance[x] = held;
      } else if (!excesses && held < -eps) {
        for (int a = arcStart[x], e = arcStart[x + 1]; a < e && held < -eps; a++) {
          double out = r.flow(a);
          if (out > eps) {
            double d = Math.min(out, -held);
            r.push(rev[a], d);
            held += d;
            imbalance[arcHead[a]] -= d;
          }
        }
        imbalance[x] = held;
      }
    }
  }

  private int receive(int node, double amount, int size) {
    imbalance[node] += amount;
    if (!isPending[node]) {
      isPending[node] = true;
      pending[size++] = node;
    }
    return size;
  }
}
