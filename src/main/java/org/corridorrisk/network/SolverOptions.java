package org.corridorrisk.network;

/**
 * Switches of the {@link DailyFlowSolver}, for tests and measurements; {@link #DEFAULTS} is what
 * the simulator uses. Benchmarks map their parameters onto this record (no reflection).
 *
 * @param greedyRounds rounds of the {@link GreedyStart} before the exact phase ({@code >= 0})
 * @param exactPhase false only to inspect the greedy rounds alone (results are then not maximal,
 *     and the fast path is off)
 * @param fastPath whether the {@link FastPath} is tried first
 * @param referencePathsMinNodes commodity blocks with at least this many nodes start their max-flow
 *     from the undisturbed day's flow clipped to the day ({@link ReferenceFlow}); smaller ones
 *     start from zero
 * @param exactMaxFlow the algorithm of the exact phase
 * @param fastPathProbe whether a commodity whose undisturbed day the fast path cannot serve skips
 *     it on every day (a property of the network, so every solver decides alike)
 * @param installedReference whether a block whose reference flow is repaired from closed search
 *     trees keeps the undisturbed day with that flow installed and prepares each day from it,
 *     setting again only what differs ({@link ReferenceFlow#installDay}); off, each day starts from
 *     zero flow and the whole reference flow is clipped again: the same state bit for bit, for more
 *     work (tests and measurements)
 * @param keptLabelCyclesMinNodes commodity blocks with link costs and at least this many nodes look
 *     for negative-cost cycles with labels kept from one cancelled cycle to the next ({@link
 *     CycleCanceller}); smaller ones restart Bellman-Ford from zero for every cycle, as before
 */
public record SolverOptions(
    int greedyRounds,
    boolean exactPhase,
    boolean fastPath,
    int referencePathsMinNodes,
    ExactMaxFlow exactMaxFlow,
    boolean fastPathProbe,
    boolean installedReference,
    int keptLabelCyclesMinNodes) {
  /**
   * The simulator's settings: 2 greedy rounds, exact phase by Boykov and Kolmogorov's algorithm,
   * fast path, reference flow >= 1000, negative cycles with kept labels >= 64 (every example stays
   * below).
   */
  public static final SolverOptions DEFAULTS =
      new SolverOptions(2, true, true, 1000, ExactMaxFlow.BOYKOV_KOLMOGOROV, true, true, 64);

  /** The exact phase's max-flow algorithm; both give a maximum flow. */
  public enum ExactMaxFlow {
    /** Improved shortest augmenting path ({@code Isap}): the default until issue 15, session 5. */
    ISAP,
    /**
     * Push-relabel, highest label, gap and global relabelling ({@code PushRelabel}): faster on a
     * single max-flow of a binding power-grid day, slower in the solver under {@code sharing: fair}
     * (docs/performance.md).
     */
    PUSH_RELABEL,
    /**
     * Boykov and Kolmogorov's two search trees ({@code BoykovKolmogorov}), kept from one augmenting
     * path to the next.
     */
    BOYKOV_KOLMOGOROV
  }

  public SolverOptions {
    if (greedyRounds < 0) {
      throw new IllegalArgumentException("greedyRounds must be >= 0, was " + greedyRounds);
    }
    if (exactMaxFlow == null) {
      throw new NullPointerException("exactMaxFlow must be given");
    }
  }

  public SolverOptions withGreedyRounds(int rounds) {
    return new SolverOptions(
        rounds,
        exactPhase,
        fastPath,
        referencePathsMinNodes,
        exactMaxFlow,
        fastPathProbe,
        installedReference,
        keptLabelCyclesMinNodes);
  }

  public SolverOptions withExactPhase(boolean on) {
    return new SolverOptions(
        greedyRounds,
        on,
        fastPath,
        referencePathsMinNodes,
        exactMaxFlow,
        fastPathProbe,
        installedReference,
        keptLabelCyclesMinNodes);
  }

  public SolverOptions withFastPath(boolean on) {
    return new SolverOptions(
        greedyRounds,
        exactPhase,
        on,
        referencePathsMinNodes,
        exactMaxFlow,
        fastPathProbe,
        installedReference,
        keptLabelCyclesMinNodes);
  }

  public SolverOptions withReferencePathsMinNodes(int nodes) {
    return new SolverOptions(
        greedyRounds,
        exactPhase,
        fastPath,
        nodes,
        exactMaxFlow,
        fastPathProbe,
        installedReference,
        keptLabelCyclesMinNodes);
  }

  public SolverOptions withExactMaxFlow(ExactMaxFlow algorithm) {
    return new SolverOptions(
        greedyRounds,
        exactPhase,
        fastPath,
        referencePathsMinNodes,
        algorithm,
        fastPathProbe,
        installedReference,
        keptLabelCyclesMinNodes);
  }

  /**
   * With {@code on} (the default), a commodity whose undisturbed day the fast path cannot serve
   * (its capacities bind with everything up) never tries it; off, it is tried on every eligible day
   * (tests of the fast path itself).
   */
  public SolverOptions withFastPathProbe(boolean on) {
    return new SolverOptions(
        greedyRounds,
        exactPhase,
        fastPath,
        referencePathsMinNodes,
        exactMaxFlow,
        on,
        installedReference,
        keptLabelCyclesMinNodes);
  }

  /** See {@link SolverOptions#installedReference()}; on by default. */
  public SolverOptions withInstalledReference(boolean on) {
    return new SolverOptions(
        greedyRounds,
        exactPhase,
        fastPath,
        referencePathsMinNodes,
        exactMaxFlow,
        fastPathProbe,
        on,
        keptLabelCyclesMinNodes);
  }

  /** See {@link SolverOptions#keptLabelCyclesMinNodes()}; 64 by default. */
  public SolverOptions withKeptLabelCyclesMinNodes(int nodes) {
    return new SolverOptions(
        greedyRounds,
        exactPhase,
        fastPath,
        referencePathsMinNodes,
        exactMaxFlow,
        fastPathProbe,
        installedReference,
        nodes);
  }
}
