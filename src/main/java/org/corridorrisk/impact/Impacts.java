package org.corridorrisk.impact;

/** Small pure formulas of the output contract (see docs/model.md). */
public final class Impacts {
  private Impacts() {}

  /**
   * Volume released by one successful hit on a link with spill data: the flow the link carried that
   * day before the hit for {@code detectionHours}, plus the isolated segment's volume.
   *
   * @param flowPerDay the link's flow that day in the state before the hit (0 if it was down)
   */
  public static double spillVolume(
      double flowPerDay, double detectionHours, double isolationVolume) {
    return flowPerDay * detectionHours / 24.0 + isolationVolume;
  }

  /**
   * unserved_fraction: the mean over commodities of (unserved volume / demand volume) over the
   * horizon; a commodity with no demand counts 0. Each commodity's share is capped at 1: the two
   * volumes are sums in different orders (day by day and sink by sink, against the demand's own
   * total), so a commodity that lost all of its demand can come out a few ulps above it.
   */
  public static double unservedFraction(
      double[] unservedVolumeByCommodity, double[] demandVolumeByCommodity) {
    int n = unservedVolumeByCommodity.length;
    if (n == 0) {
      return 0;
    }
    double sum = 0;
    for (int c = 0; c < n; c++) {
      double demand = demandVolumeByCommodity[c];
      sum += demand > 0 ? Math.min(1, unservedVolumeByCommodity[c] / demand) : 0;
    }
    return sum / n;
  }

  /** The day's extra transport cost over the undisturbed day's, never negative. */
  public static double reroutingCost(double costToday, double undisturbedCostToday) {
    double extra = costToday - undisturbedCostToday;
    double scale = Math.max(Math.abs(costToday), Math.abs(undisturbedCostToday));
    return extra > ROUNDING_TOLERANCE * scale ? extra : 0;
  }

  /**
   * Relative size below which a shortfall or extra cost is floating-point rounding of the flow
   * solver, not a loss: {@code 1e-9} of the demand (or cost) it is measured against.
   */
  public static final double ROUNDING_TOLERANCE = 1e-9;

  /**
   * A sink's unserved demand for the day: {@code demand - served}, or 0 when that is not more than
   * {@link #ROUNDING_TOLERANCE} of the demand (the solver's rounding; without this, trials with no
   * real shortfall would report losses of the order of 1e-6 currency units).
   */
  public static double unserved(double demandPerDay, double served) {
    double shortfall = demandPerDay - served;
    return isShort(demandPerDay, shortfall) ? shortfall : 0;
  }

  /**
   * Whether a sink with demand {@code demandPerDay} (never negative in a model) and {@code
   * shortfall = demandPerDay - served} is short: exactly when {@link #unserved} is above 0, and it
   * is then {@code shortfall}. One comparison, so that a pass over many sinks can count the short
   * ones without a branch.
   */
  public static boolean isShort(double demandPerDay, double shortfall) {
    return shortfall > ROUNDING_TOLERANCE * demandPerDay;
  }
}
