package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds, for attack budgets 1..K, the set of at most K candidates that maximizes a {@link
 * SetObjective}.
 *
 * <p>Method, per budget k (sets of exactly k candidates; the result for k is the budget k-1 result
 * when no k-set is strictly worse, so an attacker never "spends" more than needed):
 *
 * <ul>
 *   <li><b>Branch and bound</b> when the objective is declared monotone (disabling more never
 *       lowers it): depth-first over combinations in candidate order; at a partial set S whose next
 *       candidates are R = {next..n-1}, a bound caps every completion, and the subtree is cut when
 *       the bound is not above the incumbent (or is clearly below the budget k-1 optimum, which
 *       some k-set matches under monotonicity). The bound is the objective's {@link
 *       SetObjective#additiveBound additive bound} when it offers one (base + the largest
 *       per-candidate terms; it also filters single children and leaves without evaluating them),
 *       else f(S u R), which monotonicity makes sound. The last level evaluates its remaining
 *       leaves in one batch (which an objective may parallelize).
 *   <li><b>Exhaustive enumeration</b> otherwise (no bound is sound for a non-monotone objective):
 *       every k-subset, in lexicographic order, when C(n, k) fits the evaluation budget; it stops
 *       early only when the incumbent reaches the objective's known ceiling.
 *   <li><b>Heuristic</b> when the exact search would need more than {@code maxEvaluations} distinct
 *       evaluations: greedy completion (add the candidate that raises the value most) from several
 *       starts (the budget k-1 set, each of the first {@code starts} candidates, and the exact
 *       search's incumbent when it ran out), each improved by best-improvement 1-opt swaps
 *       (exchange one member for one non-member) until no swap helps. The result is marked not
 *       exact.
 * </ul>
 *
 * <p>Ties: values within a relative {@value #RELATIVE_TOLERANCE} count as equal; among equal sets
 * the smaller one, then the one first in lexicographic candidate order, is reported (the exact
 * methods and brute force agree on it). Callers order candidates (e.g. worst single loss first) so
 * that good incumbents are met early.
 *
 * <p>Evaluations are memoized by the sorted set for the life of the search object, so a set is
 * never evaluated twice. Not thread-safe.
 *
 * <p>Design note: greedy alone is not enough: on two parallel paths each path alone costs nothing,
 * so greedy's first pick is arbitrary, while the pair cuts the sink. The exact methods find such
 * pairs; the swaps give the heuristic a chance to.
 */
public final class WorstCaseSearch {
  /** Values closer than this share of the larger magnitude (or absolutely, below 1) are ties. */
  public static final double RELATIVE_TOLERANCE = 1e-9;

  private final int candidates;
  private final SetObjective objective;
  private final boolean monotone;
  private final double ceiling;
  private final long maxEvaluations;
  private final int starts;
  private final Map<Key, Double> cache = new HashMap<>();
  private long evaluations;
  private long evaluationLimit = Long.MAX_VALUE;

  /**
   * @param candidateCount number of candidates n (>= 0); sets are subsets of {@code 0..n-1}
   * @param objective the set function to maximize
   * @param monotone whether f(S) <= f(T) for every S subset of T (enables branch and bound)
   * @param ceiling a value the objective never exceeds ({@code +Infinity} when unknown)
   * @param maxEvaluations most distinct evaluations one budget's exact search may use (>= 1);
   *     beyond it the heuristic runs, with at most this many more
   * @param starts number of single-candidate starts of the heuristic (>= 1)
   */
  public WorstCaseSearch(
      int candidateCount,
      SetObjective objective,
      boolean monotone,
      double ceiling,
      long maxEvaluations,
      int starts) {
    if (candidateCount < 0) {
      throw new IllegalArgumentException("candidateCount must be >= 0, was " + candidateCount);
    }
    if (maxEvaluations < 1) {
      throw new IllegalArgumentException("maxEvaluations must be >= 1, was " + maxEvaluations);
    }
    if (starts < 1) {
      throw new IllegalArgumentException("starts must be >= 1, was " + starts);
    }
    this.candidates = candidateCount;
    this.objective = objective;
    this.monotone = monotone;
    this.ceiling = ceiling;
    this.maxEvaluations = maxEvaluations;
    this.starts = starts;
  }

  /** Records a value already known (e.g. from the single-asset ranking); not counted. */
  public void prime(int[] sortedSet, double value) {
    cache.put(new Key(sortedSet.clone()), value);
  }

  /** Distinct evaluations made so far (primed values excluded). */
  public long evaluations() {
    return evaluations;
  }

  /**
   * The worst set for each budget 1..maxBudget (budgets above the number of candidates repeat the
   * all-candidates answer). Empty when there are no candidates.
   */
  public List<WorstCaseResult> search(int maxBudget) {
    if (maxBudget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, was " + maxBudget);
    }
    List<WorstCaseResult> results = new ArrayList<>();
    if (candidates == 0) {
      return results;
    }
    WorstCaseResult previous = null;
    for (int k = 1; k <= maxBudget; k++) {
      long startNanos = System.nanoTime();
      long startEvaluations = evaluations;
      WorstCaseResult r;
      int keptFrom = 0;
      if (k > candidates || (previous != null && previous.exact() && atCeiling(previous.value()))) {
        // no k-set exists, or budget k-1 already reached the ceiling: nothing can be strictly worse
        r = previous;
        keptFrom = previous.searched() ? previous.budget() : previous.keptFromBudget();
      } else {
        Best best = searchSize(k, previous);
        if (previous != null && !better(best.value, previous.value())) {
          best =
              new Best(
                  previous.assets(),
                  previous.value(),
                  best.exact && previous.exact(),
                  best.method,
                  Math.max(best.upperBound, previous.upperBound()));
        }
        r =
            new WorstCaseResult(
                k,
                best.set,
                best.value,
                best.exact,
                best.method,
                best.exact ? best.value : best.upperBound,
                0,
                0,
                0);
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      r =
          new WorstCaseResult(
              k,
              r.assets(),
              r.value(),
              r.exact(),
              r.method(),
              r.upperBound(),
              evaluations - startEvaluations,
              seconds,
              keptFrom);
      results.add(r);
      previous = r;
    }
    return results;
  }

  /** How many single-candidate sets have no value yet (neither primed nor evaluated). */
  private long unknownSingles() {
    long unknown = 0;
    for (int i = 0; i < candidates; i++) {
      if (!cache.containsKey(new Key(new int[] {i}))) {
        unknown++;
      }
    }
    return unknown;
  }

  private record Best(int[] set, double value, boolean exact, String method, double upperBound) {}

  /** The best k-set: exact when it fits the evaluation budget, else heuristic. */
  private Best searchSize(int k, WorstCaseResult previous) {
    Incumbent inc = new Incumbent();
    evaluationLimit = evaluations + maxEvaluations;
    try {
      if (monotone) {
        double seed = previous == null ? Double.NEGATIVE_INFINITY : previous.value();
        branchAndBound(k, seed, inc);
        return new Best(inc.set, inc.value, true, "branch-and-bound", inc.value);
      }
      // budget 1 needs only the single values not known yet (none when the caller primed them)
      if ((k == 1 ? unknownSingles() : combinations(candidates, k)) <= maxEvaluations) {
        exhaustive(k, inc);
        return new Best(inc.set, inc.value, true, "exhaustive", inc.value);
      }
    } catch (OutOfEvaluations e) {
      // fall through to the heuristic, keeping the incumbent as a start
    } finally {
      evaluationLimit = Long.MAX_VALUE;
    }
    evaluationLimit = evaluations + maxEvaluations;
    try {
      heuristic(k, previous, inc);
    } catch (OutOfEvaluations e) {
      // report the best found so far
    } finally {
      evaluationLimit = Long.MAX_VALUE;
    }
    double bound = ceiling;
    if (monotone) {
      bound = Math.min(bound, value(range(0, candidates)));
      AdditiveBound ab = objective.additiveBound(new int[0], range(0, candidates));
      if (ab != null) {
        bound = Math.min(bound, ab.bestCompletion(0, k));
      }
    }
    return new Best(inc.set, inc.value, false, "heuristic", bound);
  }

  /** Best set so far: strictly better values replace it; ties keep the earlier one. */
  private final class Incumbent {
    int[] set;
    double value = Double.NEGATIVE_INFINITY;

    boolean offer(int[] s, double v) {
      if (set == null || better(v, value)) {
        set = s.clone();
        value = v;
        return true;
      }
      return false;
    }
  }

  // ---- exact: branch and bound (monotone objectives) ----

  private void branchAndBound(int k, double seed, Incumbent inc) {
    dfs(new int[k], 0, 0, k, seed, inc);
  }

  private void dfs(int[] chosen, int depth, int next, int k, double seed, Incumbent inc) {
    int need = k - depth;
    int remaining = candidates - next;
    if (remaining < need || reachedCeiling(inc)) {
      return;
    }
    AdditiveBound ab = null;
    if (remaining > need) {
      ab = objective.additiveBound(Arrays.copyOf(chosen, depth), range(next, candidates));
      double bound = ab != null ? ab.bestCompletion(0, need) : value(union(chosen, depth, next));
      if (cannotImprove(bound, inc, seed)) {
        return;
      }
    }
    if (need == 1) {
      List<int[]> leaves = new ArrayList<>();
      for (int i = next; i < candidates; i++) {
        if (ab != null && cannotImprove(ab.base() + ab.perCandidate()[i - next], inc, seed)) {
          continue;
        }
        int[] leaf = Arrays.copyOf(chosen, k);
        leaf[depth] = i;
        leaves.add(leaf);
      }
      double[] v = values(leaves);
      for (int i = 0; i < v.length; i++) {
        inc.offer(leaves.get(i), v[i]);
      }
      return;
    }
    for (int i = next; i <= candidates - need; i++) {
      if (ab != null
          && cannotImprove(
              ab.perCandidate()[i - next] + ab.bestCompletion(i + 1 - next, need - 1), inc, seed)) {
        continue;
      }
      chosen[depth] = i;
      dfs(chosen, depth + 1, i + 1, k, seed, inc);
      if (reachedCeiling(inc)) {
        return;
      }
    }
  }

  private boolean reachedCeiling(Incumbent inc) {
    return inc.set != null && atCeiling(inc.value);
  }

  /**
   * No set under this bound can be strictly better than the incumbent, nor reach the budget k-1
   * optimum {@code seed} (which some k-set reaches when the objective is monotone).
   */
  private static boolean cannotImprove(double bound, Incumbent inc, double seed) {
    double slack = 1e-12 * Math.max(1.0, Math.abs(bound));
    return (inc.set != null && bound + slack <= inc.value) || clearlyBelow(bound, seed);
  }

  /** chosen[0..depth) followed by every candidate from next on. */
  private int[] union(int[] chosen, int depth, int next) {
    int[] s = new int[depth + candidates - next];
    System.arraycopy(chosen, 0, s, 0, depth);
    for (int i = next; i < candidates; i++) {
      s[depth + i - next] = i;
    }
    return s;
  }

  // ---- exact: exhaustive enumeration (any objective) ----

  private void exhaustive(int k, Incumbent inc) {
    int[] c = range(0, k);
    int batchSize = 256;
    List<int[]> batch = new ArrayList<>(batchSize);
    while (c != null) {
      batch.add(c.clone());
      c = nextCombination(c, candidates);
      if (batch.size() == batchSize || c == null) {
        double[] v = values(batch);
        for (int i = 0; i < v.length; i++) {
          inc.offer(batch.get(i), v[i]);
        }
        batch.clear();
        if (atCeiling(inc.value)) {
          return;
        }
      }
    }
  }

  /** The next k-combination of 0..n-1 in lexicographic order, or null after the last. */
  static int[] nextCombination(int[] c, int n) {
    int k = c.length;
    int i = k - 1;
    while (i >= 0 && c[i] == n - k + i) {
      i--;
    }
    if (i < 0) {
      return null;
    }
    c[i]++;
    for (int j = i + 1; j < k; j++) {
      c[j] = c[j - 1] + 1;
    }
    return c;
  }

  // ---- heuristic: greedy + 1-opt swaps from several starts ----

  private void heuristic(int k, WorstCaseResult previous, Incumbent inc) {
    List<int[]> seeds = new ArrayList<>();
    if (inc.set != null) {
      seeds.add(inc.set.clone());
    }
    if (previous != null) {
      seeds.add(previous.assets());
    }
    for (int s = 0; s < Math.min(starts, candidates); s++) {
      seeds.add(new int[] {s});
    }
    try {
      for (int[] seed : seeds) {
        int[] set = greedyComplete(seed, k);
        double v = value(set);
        inc.offer(set, v);
        swaps(set, v, inc);
      }
    } finally {
      if (inc.set == null) {
        // the budget ran out before any k-set was evaluated: report the first seed's completion
        evaluationLimit = Long.MAX_VALUE;
        int[] set = range(0, k);
        inc.offer(set, value(set));
      }
    }
  }

  private int[] greedyComplete(int[] seed, int k) {
    int[] set = seed.clone();
    Arrays.sort(set);
    while (set.length < k) {
      List<int[]> options = new ArrayList<>();
      for (int i = 0; i < candidates; i++) {
        if (Arrays.binarySearch(set, i) < 0) {
          options.add(with(set, i));
        }
      }
      double[] v = values(options);
      int best = 0;
      for (int i = 1; i < v.length; i++) {
        if (better(v[i], v[best])) {
          best = i;
        }
      }
      set = options.get(best);
    }
    return set;
  }

  /** Best-improvement 1-opt exchanges from {@code start}; every improvement is offered to inc. */
  private void swaps(int[] start, double startValue, Incumbent inc) {
    int[] set = start;
    double v = startValue;
    while (true) {
      List<int[]> neighbours = new ArrayList<>();
      for (int out = 0; out < set.length; out++) {
        for (int in = 0; in < candidates; in++) {
          if (Arrays.binarySearch(set, in) < 0) {
            int[] n = with(without(set, out), in);
            neighbours.add(n);
          }
        }
      }
      if (neighbours.isEmpty()) {
        return;
      }
      double[] nv = values(neighbours);
      int best = -1;
      for (int i = 0; i < nv.length; i++) {
        if (better(nv[i], best < 0 ? v : nv[best])) {
          best = i;
        }
      }
      if (best < 0) {
        return;
      }
      set = neighbours.get(best);
      v = nv[best];
      inc.offer(set, v);
    }
  }

  private static int[] with(int[] sorted, int x) {
    int[] s = Arrays.copyOf(sorted, sorted.length + 1);
    s[sorted.length] = x;
    Arrays.sort(s);
    return s;
  }

  private static int[] without(int[] sorted, int position) {
    int[] s = new int[sorted.length - 1];
    System.arraycopy(sorted, 0, s, 0, position);
    System.arraycopy(sorted, position + 1, s, position, sorted.length - position - 1);
    return s;
  }

  // ---- memoized evaluation ----

  private double value(int[] set) {
    Key key = new Key(set);
    Double v = cache.get(key);
    if (v != null) {
      return v;
    }
    if (evaluations >= evaluationLimit) {
      throw new OutOfEvaluations();
    }
    double value = objective.value(set.clone());
    evaluations++;
    cache.put(key, value);
    return value;
  }

  private double[] values(List<int[]> sets) {
    double[] out = new double[sets.size()];
    List<int[]> missing = new ArrayList<>();
    List<Integer> where = new ArrayList<>();
    Map<Key, Integer> firstMissing = new HashMap<>();
    for (int i = 0; i < out.length; i++) {
      Key key = new Key(sets.get(i));
      Double v = cache.get(key);
      if (v != null) {
        out[i] = v;
      } else if (!firstMissing.containsKey(key)) {
        firstMissing.put(key, missing.size());
        missing.add(sets.get(i).clone());
        where.add(i);
      }
    }
    if (!missing.isEmpty()) {
      if (evaluations + missing.size() > evaluationLimit) {
        // evaluate only what the budget allows, one at a time, then give up
        for (int[] s : missing) {
          value(s);
        }
      } else {
        double[] v = objective.values(missing);
        evaluations += missing.size();
        for (int j = 0; j < v.length; j++) {
          cache.put(new Key(missing.get(j)), v[j]);
        }
      }
      for (int i = 0; i < out.length; i++) {
        Double v = cache.get(new Key(sets.get(i)));
        out[i] = v;
      }
    }
    return out;
  }

  /**
   * {@code v} equals the objective's ceiling up to the tie tolerance: nothing can be strictly
   * better.
   */
  private boolean atCeiling(double v) {
    return Double.isFinite(ceiling) && !better(ceiling, v);
  }

  /** {@code a} is strictly better than {@code b} beyond the tie tolerance. */
  static boolean better(double a, double b) {
    if (b == Double.NEGATIVE_INFINITY) {
      return a > b;
    }
    return a > b + RELATIVE_TOLERANCE * Math.max(1.0, Math.max(Math.abs(a), Math.abs(b)));
  }

  /** {@code a} is below {@code b} by more than the tie tolerance. */
  private static boolean clearlyBelow(double a, double b) {
    return better(b, a);
  }

  /** C(n, k), saturating at Long.MAX_VALUE. */
  static long combinations(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    k = Math.min(k, n - k);
    double approx = 1;
    long c = 1;
    for (int i = 1; i <= k; i++) {
      approx = approx * (n - k + i) / i;
      if (approx > 9e18) {
        return Long.MAX_VALUE;
      }
      c = c * (n - k + i) / i;
    }
    return c;
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  /** An int[] key compared by content. */
  private record Key(int[] set) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Arrays.equals(k.set, set);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(set);
    }
  }

  /** Thrown when a search would exceed its evaluation budget. */
  private static final class OutOfEvaluations extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfEvaluations() {
      super(null, null, false, false);
    }
  }
}
