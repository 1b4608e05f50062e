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

  /** Always {@code value} days. */
  record Fixed(double value) implements RepairTime {
    public Fixed {
      Checks.nonNegative(value, "value", "repair_days fixed");
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
      Checks.positive(mean, "mean", "repair_days exponential");
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
      Checks.positive(median, "median", "repair_days lognormal");
      if (!(p90 > median) || Double.isInfinite(p90)) {
        throw RuleException.of(
            "p90",
            Rule.ORDER,
            p90,
            "must be > median (" + median + ") but was " + p90,
            "repair_days lognormal");
      }
      Checks.positive(p90, "p90", "repair_days lognormal"); // at most 1e30, like the median
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
      Checks.nonNegative(min, "min", "repair_days triangular");
      if (!(min <= mode && mode <= max) || !(min < max)) {
        String message =
            "triangular needs min <= mode <= max and min < max but was min="
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
      Checks.positive(max, "max", "repair_days triangular"); // at most 1e30, and so is the mode
    }

    @Override
    public double quantileDays(double u) {
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
      Checks.nonNegative(min, "min", "repair_days uniform");
      if (!(max > min) || Double.isInfinite(max)) {
        throw RuleException.of(
            "max",
            Rule.ORDER,
            max,
            "must be > min (" + min + ") but was " + max,
            "repair_days uniform");
      }
      Checks.positive(max, "max", "repair_days uniform"); // at most 1e30, like the min
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
