package org.corridorrisk.study;

import java.util.List;

/**
 * A set function the worst-case search maximizes: the value of disabling a set of candidate assets,
 * given by their indices {@code 0..n-1}.
 *
 * <p>Contract: {@code assets} is sorted ascending without duplicates and is not kept by the callee;
 * the result is finite and depends only on the set (the search memoizes it).
 */
@FunctionalInterface
public interface SetObjective {
  /** The value of disabling exactly these candidates. */
  double value(int[] assets);

  /**
   * The values of several sets, in order. The default evaluates one after another; an
   * implementation may evaluate in parallel but must return the same numbers.
   */
  default double[] values(List<int[]> sets) {
    double[] out = new double[sets.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = value(sets.get(i));
    }
    return out;
  }

  /**
   * Optional: a proven additive upper bound on f(S u T) for subsets T of {@code rest} (both
   * ascending, disjoint), or {@code null} when none is known (the default). Branch and bound uses
   * it to cut subtrees and skip leaves without simulating them.
   */
  default AdditiveBound additiveBound(int[] set, int[] rest) {
    return null;
  }
}
