package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The daily solver's max-flow: an upper bound first, then up to {@link SolverOptions#greedyRounds}
 * rounds of the {@link GreedyStart}, then the exact phase ({@link BoykovKolmogorov}, or {@link
 * Isap} or {@link PushRelabel} by {@link SolverOptions#exactMaxFlow}), which stops at the bound (so
 * it skips the relabelling that would otherwise only prove that no augmenting path is left).
 *
 * <p>Design note: on most days of a large network the greedy rounds reach the bound and the exact
 * phase never runs; when it does run, the bound saves its final proof of maximality. The bound is
 * per weakly connected component of the residual graph (see {@link #componentBound}).
 */
final class StagedMaxFlow implements AugmentingMaxFlow {
  private final Arcs g;
  private final Residuals r;
  private final GreedyStart greedy;
  private final AugmentingMaxFlow exact;
  private final int greedyRoundLimit;
  private final boolean exactPhase;
  private final int[] seen;
  private final int[] queue;
  private final int[] comp;
  private final double[] compSupply;
  private final double[] compDemand;
  private int stamp;

  /** Whether {@link #markSourceSide} may answer from the last {@link #exactOnly}'s search. */
  private boolean sourceSideKnown;

  /** Counters since construction: greedy rounds run, exact phases run. */
  long greedyRounds;

  long exactRuns;

  StagedMaxFlow(Arcs g, Residuals r, int nodes, int maxRange, SolverOptions options) {
    this.g = g;
    this.r = r;
    this.greedy = new GreedyStart(g, r, nodes);
    this.exact =
        switch (options.exactMaxFlow()) {
          case PUSH_RELABEL -> new PushRelabel(g, r, nodes, maxRange);
          case BOYKOV_KOLMOGOROV -> new BoykovKolmogorov(g, r, nodes);
          case ISAP -> new Isap(g, r, nodes, maxRange);
        };
    this.greedyRoundLimit = options.greedyRounds();
    this.exactPhase = options.exactPhase();
    seen = new int[nodes];
    queue = new int[nodes];
    comp = new int[nodes];
    compSupply = new double[nodes];
    compDemand = new double[nodes];
  }

  /**
   * Augments the flow from {@code s} to {@code t} to a maximum, never entering {@code blocked} (-1
   * for none); returns the flow added. {@code limit} is ignored: the bound is the limit. Without
   * the exact phase ({@link SolverOptions#exactPhase} false) the result may fall short.
   */
  @Override
  public double augment(int base, int end, int s, int t, int blocked, double limit, double eps) {
    double bound = componentBound(s, t, blocked, eps);
    double tolerance = eps * (end - base);
    if (bound <= tolerance) {
      return 0;
    }
    double total = 0;
    for (int round = 0; round < greedyRoundLimit; round++) {
      double delivered = greedy.augment(base, end, s, t, blocked, Double.POSITIVE_INFINITY, eps);
      greedyRounds++;
      total += delivered;
      if (total >= bound - tolerance) {
        return total;
      }
      if (greedy.provedMaximal()) {
        return total;
      }
      if (delivered <= eps) {
        break;
      }
    }
    if (!exactPhase) {
      return total;
    }
    exactRuns++;
    double extra = exact.augment(base, end, s, t, blocked, bound - tolerance - total, eps);
    return total + extra;
  }

  /**
   * Augments the flow {@link Residuals} holds to a maximum by shortest augmenting paths ({@link
   * Isap}), for {@link ReferenceFlow}, whose paths it keeps short; returns the flow added.
   *
   * <p>Design note: the greedy rounds and {@link BoykovKolmogorov} find a maximum flow sooner but
   * route units far from their sinks where capacities do not bind: the imported-default Western US
   * grid's reference crossed 6.96 lines a unit that way, 4.91 by shortest augmenting paths (a
   * 20,000-node lattice grid 49 against 17), and every line a reference unit crosses is one more
   * line whose failure displaces it (docs/performance.md, "Session 29: the Western US grid ...").
   */
  double shortestPaths(int base, int end, int s, int t, double eps) {
    return new Isap(g, r, seen.length, end - base)
        .augment(base, end, s, t, -1, Double.POSITIVE_INFINITY, eps);
  }

  /**
   * Augments a warm-started flow (one close to a maximum, e.g. {@link ReferenceFlow}'s) to a
   * maximum: no greedy rounds; the exact phase stops at the component bound when {@code bounded}
   * (worth its search only where the bound is usually reached: networks whose capacities do not
   * bind), else it runs to its own proof of maximality. Returns the flow added.
   */
  double augmentWarm(int base, int end, int s, int t, boolean bounded, double eps) {
    return augmentWarm(base, end, s, t, -1, bounded, eps);
  }

  double augmentWarm(int base, int end, int s, int t, int blocked, boolean bounded, double eps) {
    double limit = Double.POSITIVE_INFINITY;
    if (bounded) {
      double bound = componentBound(s, t, blocked, eps);
      double tolerance = eps * (end - base);
      if (bound <= tolerance) {
        return 0;
      }
      limit = bound - tolerance;
    }
    exactRuns++;
    return exact.augment(base, end, s, t, blocked, limit, eps);
  }

  /**
   * The exact phase alone on block {@code b}, to its own proof of maximality, never entering {@code
   * blocked}: for {@link FairShares}' tests after a phase's first, which start from flows that
   * earlier tests left near a maximum, where the bound and the greedy rounds cost a search each and
   * add little (docs/performance.md, "Fair sharing on binding networks"). Without the exact phase
   * ({@link SolverOptions#exactPhase} false, for inspection) the greedy rounds run instead.
   */
  double exactOnly(Block b, int s, int t, int blocked) {
    sourceSideKnown = false;
    if (!exactPhase) {
      return augment(b.base, b.end, s, t, blocked, Double.POSITIVE_INFINITY, b.flowEpsilon);
    }
    if (!(exact instanceof BoykovKolmogorov bk)) {
      return augmentWarm(b.base, b.end, s, t, blocked, false, b.flowEpsilon);
    }
    exactRuns++;
    double added =
        bk.augment(b.base, b.end, s, t, blocked, Double.POSITIVE_INFINITY, b.flowEpsilon, true);
    sourceSideKnown = true;
    return added;
  }

  /**
   * As {@link #exactOnly}, after an earlier call of it (or of this) on the same block with the same
   * terminals and {@code blocked}, when the residuals have changed since only at arcs {@code
   * changed[0 .. count - 1]} and their reverses (besides the max-flow's own pushes): the exact
   * phase goes on from the search it kept ({@link BoykovKolmogorov#augmentAgain}) where it can,
   * else it starts afresh.
   */
  double exactAgain(Block b, int s, int t, int blocked, int[] changed, int count) {
    if (exactPhase
        && exact instanceof BoykovKolmogorov bk
        && bk.kept(b.base, b.end, s, t, blocked, b.flowEpsilon)) {
      exactRuns++;
      double added = bk.augmentAgain(changed, count);
      sourceSideKnown = true;
      return added;
    }
    return exactOnly(b, s, t, blocked);
  }

  /**
   * Right after {@link #exactOnly} or {@link #exactAgain} on block {@code b} (no residual changed
   * since): marks with {@code id} in {@code seen} the block's nodes reachable from the source by
   * residual arcs, which are the source tree of the exact phase's search once that is closed (it is
   * grown to closure first when the sink tree closed first); returns false, marking nothing, when
   * the exact phase is not {@link BoykovKolmogorov} (the caller then searches). Answers once per
   * call.
   *
   * <p>Design note: {@link FairShares} needs that set after every test to split the tested group by
   * the minimum cut; a search over the block for it was about an eighth of a fair day on the
   * binding power-grid family, and the search's source tree holds most of it already
   * (docs/performance.md, "Issue 15, session 17").
   */
  boolean markSourceSide(Block b, int[] seen, int id) {
    if (!sourceSideKnown) {
      return false;
    }
    sourceSideKnown = false;
    BoykovKolmogorov bk = (BoykovKolmogorov) exact;
    if (!bk.sourceTreeClosed()) {
      bk.closeSourceTree(); // the sink tree closed first: the rest of the source tree is grown
    }
    bk.markSourceTree(b.base, b.end, seen, id);
    return true;
  }

  /**
   * Installs the reference flow {@code ref} of block {@code b} clipped to the day and augments it
   * to a maximum. With its {@link ReferenceFlow#trees} (from {@link #closedTrees}) and {@link
   * BoykovKolmogorov} as the exact phase, the clipped arcs' imbalances are repaired by the max-flow
   * itself (around the failed arcs where it can) and only what is left is lowered back to the
   * source or on to the sink; otherwise the imbalances are lowered first ({@link
   * ReferenceFlow#install}) and {@link #augmentWarm} runs ({@link ReferenceFlow#servesAll}: whether
   * the undisturbed day serves every sink, which makes the component bound worth its search).
   */
  void augmentFromReference(Block b, ReferenceFlow ref) {
    if (ref.trees != null && exact instanceof BoykovKolmogorov) {
      ref.clip(r);
      repairClipped(b, ref, false);
      return;
    }
    ref.install(r);
    augmentWarm(b.base, b.end, b.source, b.sink, ref.servesAll, b.flowEpsilon);
  }

  /**
   * The second half of {@link #augmentFromReference} with closed trees, after {@link
   * ReferenceFlow#clip} (or {@link ReferenceFlow#installDay}): the exact phase ({@link
   * BoykovKolmogorov}) repairs the clipped arcs' imbalances, then what is left is lowered. With
   * {@code installed} (after {@link ReferenceFlow#installDay}) it looks only at the arcs {@link
   * ReferenceFlow#recheckPositions} lists besides the marked ones.
   */
  void repairClipped(Block b, ReferenceFlow ref, boolean installed) {
    exactRuns++;
    ((BoykovKolmogorov) exact)
        .augmentFrom(
            ref.trees,
            b.source,
            b.sink,
            b.flowEpsilon,
            ref.imbalance(),
            ref.imbalancedNodes(),
            ref.imbalancedCount(),
            installed ? ref.recheckPositions() : null,
            ref.recheckCount());
    ref.settleRemaining(r);
  }

  /**
   * The closed search trees of a maximum flow of block {@code b} reached from the flow {@link
   * Residuals} holds (augmenting it if it is not maximal), for {@link #augmentWarm}; null when the
   * exact phase is not {@link BoykovKolmogorov}. {@code alsoCheck}: arcs that later days may change
   * without marking them.
   */
  BoykovKolmogorov.Trees closedTrees(Block b, int[] alsoCheck) {
    if (!(exact instanceof BoykovKolmogorov bk)) {
      return null;
    }
    return bk.closedTrees(
        b.base, b.end, b.source, b.sink, b.arcBegin, b.arcEnd, alsoCheck, b.flowEpsilon);
  }

  /**
   * An upper bound on the flow that can still be added from {@code s} to {@code t}: every
   * augmenting path stays inside one weakly connected component of the residual graph without
   * {@code s}, {@code t} and {@code blocked}, so the sum over components of {@code min(residual
   * arcs from s into it, residual arcs from it into t)} bounds it. Components without a residual
   * arc from {@code s} are not visited. Flow added inside a component lowers both sums by the same
   * amount, so the bound minus the flow added since stays a bound.
   */
  private double componentBound(int s, int t, int blocked, double eps) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int[] arcRev = g.rev;
    int id = nextStamp();
    seen[s] = id;
    int components = 0;
    for (int a = arcStart[s], e = arcStart[s + 1]; a < e; a++) {
      int x = arcHead[a];
      if (r.residual(a) <= eps || x == t || x == blocked) {
        continue;
      }
      if (seen[x] != id) {
        int k = components++;
        double demand = 0;
        seen[x] = id;
        comp[x] = k;
        queue[0] = x;
        int tail = 1;
        for (int head = 0; head < tail; head++) {
          int u = queue[head];
          for (int b = arcStart[u], f = arcStart[u + 1]; b < f; b++) {
            int w = arcHead[b];
            if (w == t) {
              if (r.residual(b) > eps) {
                demand += r.residual(b);
              }
            } else if (seen[w] != id
                && w != blocked
                && (r.residual(b) > eps || r.residual(arcRev[b]) > eps)) {
              seen[w] = id;
              comp[w] = k;
              queue[tail++] = w;
            }
          }
        }
        compSupply[k] = 0;
        compDemand[k] = demand;
      }
      compSupply[comp[x]] += r.residual(a);
    }
    double bound = 0;
    for (int k = 0; k < components; k++) {
      bound += Math.min(compSupply[k], compDemand[k]);
    }
    return bound;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      stamp = 1;
    }
    return stamp;
  }
}
