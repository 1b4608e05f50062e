package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Threat;
import org.corridorrisk.sim.OutageEvaluator;

/**
 * Criticality analysis: the N-1 ranking of the infrastructure (links, sources, storages and
 * junctions; sinks only on request), optional N-2 pairs among the top assets, and the worst set an
 * attacker could disable for budgets 1..K.
 *
 * <p>Why sinks are left out by default: disabling a sink removes the demand itself, so "if the
 * city's demand disappears, the city is unserved" tops the ranking and hides the links that feed
 * it. A threat may still target a sink (a city gate); such sinks stay worst-case candidates.
 *
 * <p>"No loss": when even the worst set of a budget leaves the objective at its undisturbed value,
 * the result names no set ({@link WorstSet#anyLoss()} false) instead of an arbitrary zero-loss set.
 *
 * <p>Every evaluation is deterministic (no threat acts; the chosen assets are down from day 0 for
 * the outage days), so results do not depend on the thread count: work is split over threads, one
 * {@link OutageFunction} per thread, and results are stored by index.
 *
 * <p>Exactness: branch and bound needs a monotone objective (disabling more never lowers it). In
 * this model {@code unserved_fraction} is monotone when the scenario has no storage and no
 * dependency: each day is then independent and a commodity's total delivery is a maximum flow
 * (priorities and shortage sharing only split it), which removing assets cannot raise. Storage (a
 * myopic daily rule may drain the "wrong" store) and dependencies (a cut can send more gas to a
 * power plant) can break monotonicity, and the loss metrics are not monotone in general (shortage
 * sharing shifts supply between sinks of different value), so those cases use exhaustive
 * enumeration while it fits {@code maxEvaluations}, then the heuristic. See docs/criticality.md.
 */
public final class CriticalityStudy {
  private CriticalityStudy() {}

  /** Runs the study with the engine's {@link OutageEvaluator}. */
  public static CriticalityResult run(Scenario scenario, CriticalityOptions options) {
    return run(scenario, options, () -> new OutageEvaluator(scenario)::evaluate);
  }

  /**
   * Runs the study with outage functions from {@code evaluators} (one is created per worker
   * thread).
   */
  public static CriticalityResult run(
      Scenario scenario, CriticalityOptions options, Supplier<OutageFunction> evaluators) {
    ExecutorService pool =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "criticality-worker");
              t.setDaemon(true);
              return t;
            });
    try {
      return new Run(scenario, options, evaluators, pool).run();
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Worst first: economic_loss, then unserved_fraction (descending); callers then order by id.
   * Values are compared at 10 significant digits, so sums that differ only by rounding (the same
   * loss reached through another summation order) tie and fall through to the id.
   */
  static final Comparator<TrialMetrics> WORST_FIRST =
      Comparator.comparingDouble((TrialMetrics m) -> significant(m.get(Metric.ECONOMIC_LOSS)))
          .reversed()
          .thenComparing(
              Comparator.comparingDouble(
                      (TrialMetrics m) -> significant(m.get(Metric.UNSERVED_FRACTION)))
                  .reversed());

  /** {@code v} rounded to 10 significant digits (a transitive key for near-equal values). */
  static double significant(double v) {
    if (v == 0 || !Double.isFinite(v)) {
      return v;
    }
    return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).doubleValue();
  }

  /** Whether branch and bound is sound for this objective on this scenario (see class note). */
  public static boolean isMonotone(Scenario scenario, Metric objective) {
    boolean storage = scenario.nodes().stream().anyMatch(n -> n.kind() == NodeKind.STORAGE);
    return objective == Metric.UNSERVED_FRACTION && !storage && scenario.dependencies().isEmpty();
  }

  /** The attacker's candidates: the union of every threat's targets, first occurrence order. */
  public static List<String> threatTargets(Scenario scenario) {
    Set<String> ids = new LinkedHashSet<>();
    for (Threat t : scenario.threats()) {
      ids.addAll(t.targets());
    }
    return List.copyOf(ids);
  }

  private static final class Run {
    private final Scenario scenario;
    private final CriticalityOptions options;
    private final ExecutorService pool;
    private final ThreadLocal<OutageFunction> evaluator;
    private final Map<List<String>, TrialMetrics> cache = new HashMap<>();

    Run(
        Scenario scenario,
        CriticalityOptions options,
        Supplier<OutageFunction> evaluators,
        ExecutorService pool) {
      this.scenario = scenario;
      this.options = options;
      this.pool = pool;
      this.evaluator = ThreadLocal.withInitial(evaluators);
    }

    CriticalityResult run() {
      long start = System.nanoTime();
      List<AssetOutage> assets = ranking();
      double rankingSeconds = (System.nanoTime() - start) / 1e9;
      List<SetOutage> pairs = pairs(assets);
      TrialMetrics undisturbed = evaluateAll(List.of(List.of())).get(0);
      Metric objective = options.objective();
      List<String> candidates = new ArrayList<>(threatTargets(scenario));
      // single values of every candidate (ranked ones come from the cache; a targeted sink that
      // the ranking left out is evaluated here)
      Map<String, TrialMetrics> single = new HashMap<>();
      List<List<String>> singletons = candidates.stream().map(List::of).toList();
      List<TrialMetrics> singleMetrics = evaluateAll(singletons);
      for (int i = 0; i < candidates.size(); i++) {
        single.put(candidates.get(i), singleMetrics.get(i));
      }
      candidates.sort(
          Comparator.comparingDouble((String id) -> significant(single.get(id).get(objective)))
              .reversed()
              .thenComparing(Comparator.naturalOrder()));
      boolean monotone = isMonotone(scenario, objective);
      List<WorstSet> worst = new ArrayList<>();
      FlowBound flowBound = null;
      if (monotone && options.budget() > 1 && !candidates.isEmpty()) {
        flowBound = trustedFlowBound(candidates, single);
      }
      if (options.budget() > 0 && !candidates.isEmpty()) {
        FlowBound bound = flowBound;
        SetObjective f =
            new SetObjective() {
              @Override
              public AdditiveBound additiveBound(int[] set, int[] rest) {
                return bound == null ? null : bound.bound(set, rest);
              }

              @Override
              public double value(int[] set) {
                return values(List.of(set))[0];
              }

              @Override
              public double[] values(List<int[]> sets) {
                List<List<String>> idSets = new ArrayList<>();
                for (int[] s : sets) {
                  idSets.add(ids(candidates, s));
                }
                List<TrialMetrics> m = evaluateAll(idSets);
                double[] out = new double[m.size()];
                for (int i = 0; i < out.length; i++) {
                  out[i] = m.get(i).get(objective);
                }
                return out;
              }
            };
        double ceiling = objective == Metric.UNSERVED_FRACTION ? 1.0 : Double.POSITIVE_INFINITY;
        WorstCaseSearch search =
            new WorstCaseSearch(
                candidates.size(),
                f,
                monotone,
                ceiling,
                options.maxEvaluations(),
                options.heuristicStarts());
        for (int i = 0; i < candidates.size(); i++) {
          search.prime(new int[] {i}, single.get(candidates.get(i)).get(objective));
        }
        for (WorstCaseResult r : search.search(options.budget())) {
          boolean anyLoss = CriticalityResult.causesLoss(r.value(), undisturbed.get(objective));
          // no loss: name no set (the search's first-met set would be an arbitrary one)
          List<String> ids = anyLoss ? ids(candidates, r.assets()) : List.of();
          worst.add(
              new WorstSet(
                  r.budget(), new SetOutage(ids, evaluateAll(List.of(ids)).get(0)), r, anyLoss));
        }
      }
      return new CriticalityResult(
          scenario,
          options,
          assets,
          pairs,
          candidates,
          monotone,
          flowBound != null,
          worst,
          rankingSeconds,
          undisturbed);
    }

    /**
     * The flow bound, when its model of f agrees with the engine on the empty set and on every
     * single candidate; otherwise null (branch and bound then uses f(S u R)).
     */
    private FlowBound trustedFlowBound(List<String> candidates, Map<String, TrialMetrics> single) {
      FlowBound b = new FlowBound(scenario, candidates, options.outageDays());
      if (!b.agrees(
          new int[0], evaluateAll(List.of(List.of())).get(0).get(Metric.UNSERVED_FRACTION))) {
        return null;
      }
      for (int i = 0; i < candidates.size(); i++) {
        if (!b.agrees(new int[] {i}, single.get(candidates.get(i)).get(Metric.UNSERVED_FRACTION))) {
          return null;
        }
      }
      return b;
    }

    private List<AssetOutage> ranking() {
      List<String> ids = new ArrayList<>();
      List<String[]> typeKind = new ArrayList<>();
      for (Node n : scenario.nodes()) {
        if (n.kind() == NodeKind.SINK && !options.includeSinks()) {
          continue; // the demand itself: only on request (--include-sinks)
        }
        ids.add(n.id());
        typeKind.add(new String[] {"node", n.kind().fileName()});
      }
      for (Link l : scenario.links()) {
        ids.add(l.id());
        typeKind.add(new String[] {"link", l.kind().fileName()});
      }
      List<List<String>> sets = new ArrayList<>();
      ids.forEach(id -> sets.add(List.of(id)));
      List<TrialMetrics> metrics = evaluateAll(sets);
      List<AssetOutage> out = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        out.add(
            new AssetOutage(ids.get(i), typeKind.get(i)[0], typeKind.get(i)[1], metrics.get(i)));
      }
      out.sort(
          Comparator.comparing(AssetOutage::metrics, WORST_FIRST).thenComparing(AssetOutage::id));
      return out;
    }

    private List<SetOutage> pairs(List<AssetOutage> ranked) {
      int n = Math.min(options.pairs(), ranked.size());
      List<List<String>> sets = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          List<String> pair = new ArrayList<>(List.of(ranked.get(i).id(), ranked.get(j).id()));
          pair.sort(Comparator.naturalOrder());
          sets.add(pair);
        }
      }
      List<TrialMetrics> metrics = evaluateAll(sets);
      List<SetOutage> out = new ArrayList<>();
      for (int i = 0; i < sets.size(); i++) {
        out.add(new SetOutage(sets.get(i), metrics.get(i)));
      }
      out.sort(
          Comparator.comparing(SetOutage::metrics, WORST_FIRST)
              .thenComparing(s -> String.join("\u0000", s.assetIds())));
      return out;
    }

    private static List<String> ids(List<String> candidates, int[] set) {
      String[] ids = new String[set.length];
      for (int i = 0; i < set.length; i++) {
        ids[i] = candidates.get(set[i]);
      }
      Arrays.sort(ids);
      return List.of(ids);
    }

    /** Metrics of each id set (sorted lists), memoized, evaluated in parallel chunks. */
    private List<TrialMetrics> evaluateAll(List<List<String>> sets) {
      TrialMetrics[] out = new TrialMetrics[sets.size()];
      List<Integer> todo = new ArrayList<>();
      for (int i = 0; i < out.length; i++) {
        out[i] = cache.get(sets.get(i));
        if (out[i] == null) {
          todo.add(i);
        }
      }
      if (!todo.isEmpty()) {
        int chunks = Math.min(todo.size(), options.threads() * 4);
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
          int from = (int) ((long) todo.size() * c / chunks);
          int to = (int) ((long) todo.size() * (c + 1) / chunks);
          futures.add(
              pool.submit(
                  () -> {
                    OutageFunction f = evaluator.get();
                    for (int k = from; k < to; k++) {
                      int i = todo.get(k);
                      out[i] = f.evaluate(sets.get(i), options.outageDays());
                    }
                  }));
        }
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("criticality study interrupted", e);
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
              throw re;
            }
            throw new IllegalStateException(cause);
          }
        }
        for (int i : todo) {
          cache.put(sets.get(i), out[i]);
        }
      }
      return Arrays.asList(out);
    }
  }
}
