package org.corridorrisk.study;

import java.util.Arrays;

/**
 * The worst set found for one attack budget.
 *
 * @param budget the most assets the attacker may disable (>= 1)
 * @param assets candidate indices of the chosen set, ascending; may be smaller than the budget when
 *     no larger set is strictly worse
 * @param value the objective of {@code assets}
 * @param exact {@code true}: proven the maximum over all sets of at most {@code budget} candidates;
 *     {@code false}: the best a heuristic found
 * @param method how it was found: {@code "branch-and-bound"}, {@code "exhaustive"}, {@code
 *     "heuristic"} (greedy plus 1-opt swaps)
 * @param upperBound a proven upper bound on the true maximum ({@code +Infinity} when none is
 *     known); equals {@code value} up to rounding when {@code exact}
 * @param evaluations distinct set evaluations this budget's search needed (cache misses)
 * @param seconds wall-clock time of this budget's search
 * @param keptFromBudget 0 when this budget was searched; else the smaller budget whose set (and
 *     method, bound) it keeps without a search, because that budget already reached the objective's
 *     ceiling (all demand unserved: no set can be worse) or because no set of more candidates
 *     exists; {@code evaluations} is then 0
 */
public record WorstCaseResult(
    int budget,
    int[] assets,
    double value,
    boolean exact,
    String method,
    double upperBound,
    long evaluations,
    double seconds,
    int keptFromBudget) {

  public WorstCaseResult {
    if (budget < 1) {
      throw new IllegalArgumentException("budget must be >= 1, was " + budget);
    }
    assets = assets.clone();
  }

  /** Whether this budget was searched (false: it keeps a smaller budget's set, see above). */
  public boolean searched() {
    return keptFromBudget == 0;
  }

  @Override
  public int[] assets() {
    return assets.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof WorstCaseResult r
        && r.budget == budget
        && Arrays.equals(r.assets, assets)
        && Double.compare(r.value, value) == 0
        && r.exact == exact
        && r.method.equals(method);
  }

  @Override
  public int hashCode() {
    return 31 * budget + Arrays.hashCode(assets);
  }

  @Override
  public String toString() {
    return "WorstCaseResult[budget="
        + budget
        + ", assets="
        + Arrays.toString(assets)
        + ", value="
        + value
        + ", exact="
        + exact
        + ", method="
        + method
        + "]";
  }
}
