package org.corridorrisk.model;

import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;

/**
 * Distribution of the time to repair a disabled asset, in days.
 *
 * <p>Design note: every distribution is sampled by inverse transform from one uniform number,
 * {@link #quantileDays(double)}. That is what lets a mitigation that changes a repair distribution
 * keep the same random draw (common random numbers): trial k feeds the same uniform to the
 * baseline's and the mitigated distribution, so a distribution that is stochastically shorter gives
 * a shorter repair in every trial.
 *
 * <p>The constructors check the shape (finite parameters, >= 0, in order) but not the size: a
 * hazard's intensity at the epicentre is drawn from the same distributions, and the format sets its
 * intensity no upper bound (a number or a distribution alike; {@code validate} warns about an
 * implausible one). A repair time's parameters are quantities, at most {@link Checks#MAX_QUANTITY}
 * like every other: {@link #withinQuantityLimit()} checks that.
 */
public sealed interface RepairTime
    permits RepairTime.Fixed,
        RepairTime.Exponential,
        RepairTime.Lognormal,
        RepairTime.Triangular,
        RepairTime.Uniform {

  /** Standard normal quantile at 0.9, used to turn a lognormal's p90 into its sigma. */
  double Z90 = 1.2815515655446004;

  /**
   * The repair time (days, not rounded) at cumulative probability {@code u}.
   *
   * @param u a uniform number in [0, 1)
   */
  double quantileDays(double u);

  /**
   * {@link #quantileDays} as a function built once: the same values, without the set-up some
   * distributions repeat per call (the lognormal builds its distribution object).
   */
  default java.util.function.DoubleUnaryOperator quantiles() {
    return this::quantileDays;
  }

  /** Mean repair time in days. */
  double meanDays();

  /** The {@code dist} name used in scenario files. */
  String distName();

  /**
   * This distribution, once every parameter is known to be at most {@link Checks#MAX_QUANTITY}
   * (what a repair time, in days, must meet).
   *
   * @throws RuleException naming the first parameter, in the file's order, that is larger
   */
  RepairTime withinQuantityLimit();

  /** Always {@code value} days. */
  record Fixed(double value) implements RepairTime {
    public Fixed {
      Checks.nonNegativeAnySize(value, "value", "repair_days fixed");
    }

    @Override
    public Fixed withinQuantityLimit() {
      Checks.belowMax(value, "value", "repair_days fixed");
      return this;
    }

    @Override
    public double quantileDays(double u) {
      return value;
    }

    @Override
    public double meanDays() {
      return value;
    }

    @Override
    public String distName() {
      return "fixed";
    }
  }

  /** Exponential with the given mean (days). */
  record Exponential(double mean) implements RepairTime {
    public Exponential {
      Checks.positiveAnySize(mean, "mean", "repair_days exponential");
    }

    @Override
    public Exponential withinQuantityLimit() {
      Checks.belowMax(mean, "mean", "repair_days exponential");
      return this;
    }

    @Override
    public double quantileDays(double u) {
      return -mean * Math.log1p(-u);
    }

    @Override
    public double meanDays() {
      return mean;
    }

    @Override
    public String distName() {
      return "exponential";
    }
  }

  /** Lognormal given by its median and 90th percentile (days); requires p90 > median > 0. */
  record Lognormal(double median, double p90) implements RepairTime {
    public Lognormal {
      Checks.positiveAnySize(median, "median", "repair_days lognormal");
      if (!(p90 > median) || Double.isInfinite(p90)) {
        throw RuleException.of(
            "p90",
            Rule.ORDER,
            p90,
            "must be > median (" + median + "), was " + p90,
            "repair_days lognormal");
      }
    }

    @Override
    public Lognormal withinQuantityLimit() {
      Checks.belowMax(median, "median", "repair_days lognormal");
      Checks.belowMax(p90, "p90", "repair_days lognormal");
      return this;
    }

    /** Location parameter mu of the underlying normal. */
    public double mu() {
      return Math.log(median);
    }

    /** Scale parameter sigma of the underlying normal. */
    public double sigma() {
      return (Math.log(p90) - Math.log(median)) / Z90;
    }

    @Override
    public double quantileDays(double u) {
      return distribution().inverseCumulativeProbability(u);
    }

    @Override
    public java.util.function.DoubleUnaryOperator quantiles() {
      return distribution()::inverseCumulativeProbability;
    }

    @Override
    public double meanDays() {
      double s = sigma();
      return Math.exp(mu() + 0.5 * s * s);
    }

    private ContinuousDistribution distribution() {
      return LogNormalDistribution.of(mu(), sigma());
    }

    @Override
    public String distName() {
      return "lognormal";
    }
  }

  /** Triangular on [min, max] with the given mode (days). */
  record Triangular(double min, double mode, double max) implements RepairTime {
    public Triangular {
      Checks.nonNegativeAnySize(min, "min", "repair_days triangular");
      if (!(min <= mode && mode <= max) || !(min < max)) {
        String message =
            "triangular needs min <= mode <= max and min < max, was min="
                + min
                + ", mode="
                + mode
                + ", max="
                + max;
        throw new RuleException(
            new RuleViolation(
                "",
                Rule.ORDER,
                java.util.List.of(String.valueOf(min), String.valueOf(mode), String.valueOf(max)),
                message),
            "",
            "repair_days triangular");
      }
      if (Double.isInfinite(max)) { // 1e400: min <= mode <= max holds
        throw RuleException.of(
            "max",
            Rule.RANGE,
            max,
            "must be a finite number > 0, was " + max,
            "repair_days triangular");
      }
    }

    @Override
    public Triangular withinQuantityLimit() {
      Checks.belowMax(min, "min", "repair_days triangular");
      Checks.belowMax(mode, "mode", "repair_days triangular");
      Checks.belowMax(max, "max", "repair_days triangular");
      return this;
    }

    /**
     * Above this {@code max} the quantile is computed on the distribution scaled to [0, 1]: the
     * library's formula multiplies two widths, which overflows above about 1e154 (every quantile
     * was then -Infinity). Only an intensity gets there; a repair time (at most 1e30) keeps the
     * library's values bit for bit.
     */
    private static final double SCALED_ABOVE = 1e150;

    @Override
    public double quantileDays(double u) {
      if (max > SCALED_ABOVE) {
        return max
            * TriangularDistribution.of(min / max, mode / max, 1).inverseCumulativeProbability(u);
      }
      return TriangularDistribution.of(min, mode, max).inverseCumulativeProbability(u);
    }

    @Override
    public double meanDays() {
      return (min + mode + max) / 3;
    }

    @Override
    public String distName() {
      return "triangular";
    }
  }

  /** Uniform on [min, max] (days). */
  record Uniform(double min, double max) implements RepairTime {
    public Uniform {
      Checks.nonNegativeAnySize(min, "min", "repair_days uniform");
      if (!(max > min) || Double.isInfinite(max)) {
        throw RuleException.of(
            "max",
            Rule.ORDER,
            max,
            "must be > min (" + min + "), was " + max,
            "repair_days uniform");
      }
    }

    @Override
    public Uniform withinQuantityLimit() {
      Checks.belowMax(min, "min", "repair_days uniform");
      Checks.belowMax(max, "max", "repair_days uniform");
      return this;
    }

    @Override
    public double quantileDays(double u) {
      return UniformContinuousDistribution.of(min, max).inverseCumulativeProbability(u);
    }

    @Override
    public double meanDays() {
      return 0.5 * (min + max);
    }

    @Override
    public String distName() {
      return "uniform";
    }
  }
}
