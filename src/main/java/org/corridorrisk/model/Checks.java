package org.corridorrisk.model;

import java.util.regex.Pattern;

/**
 * Argument checks shared by the model's constructors; they throw {@link RuleException} with a
 * structured {@link RuleViolation} and a message that names the value and the rule.
 */
public final class Checks {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]+");

  private Checks() {}

  static String id(String id, String what) {
    if (id == null || !isId(id)) {
      String shown = id == null ? "null" : "'" + id + "'";
      String message = "must match [A-Za-z0-9._-]+, was " + shown;
      throw new RuleException(
          RuleViolation.of("id", Rule.ID_FORMAT, shown, message), what + " id", null);
    }
    return id;
  }

  /**
   * Same as {@code ID.matcher(id).matches()}, without a matcher per id (ids are checked per asset).
   */
  static boolean isId(String id) {
    if (id.isEmpty()) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '-')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The largest quantity a scenario may give (a supply, a value of lost load, a population, a cost,
   * a repair parameter, ...). Far above any real figure, and small enough that products and sums
   * over a horizon's days, sinks and trials (and their squares and cubes in the moments) stay
   * finite: 1e308 passed ">= 0" and made the metrics Infinity.
   */
  public static final double MAX_QUANTITY = 1e30;

  static double nonNegative(double value, String field, String owner) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw RuleException.of(
          field, Rule.RANGE, value, "must be a finite number >= 0, was " + value, owner);
    }
    return belowMax(value, field, owner);
  }

  static double positive(double value, String field, String owner) {
    return belowMax(positiveAnySize(value, field, owner), field, owner);
  }

  /**
   * A finite number > 0 without the {@link #MAX_QUANTITY} bound: for parameters that only scale a
   * ratio (a hazard's halving distance, a fragility's median and beta), which cannot overflow a
   * sum.
   */
  static double positiveAnySize(double value, String field, String owner) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw RuleException.of(
          field, Rule.RANGE, value, "must be a finite number > 0, was " + value, owner);
    }
    return value;
  }

  /**
   * A finite number >= 0 without the {@link #MAX_QUANTITY} bound (see {@link #positiveAnySize}).
   */
  static double nonNegativeAnySize(double value, String field, String owner) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw RuleException.of(
          field, Rule.RANGE, value, "must be a finite number >= 0, was " + value, owner);
    }
    return value;
  }

  /** {@code value}, if it is at most {@link #MAX_QUANTITY}. */
  static double belowMax(double value, String field, String owner) {
    if (value > MAX_QUANTITY) {
      throw RuleException.of(
          field, Rule.RANGE, value, aboveMaxQuantity(String.valueOf(value)), owner);
    }
    return value;
  }

  /**
   * The message for a quantity above {@link #MAX_QUANTITY}, ending with {@code shown} (the value as
   * the message shows it): the one wording wherever a quantity is held to the limit (the model, the
   * schema's {@code maximum: 1e30}, a junction's throughput).
   */
  public static String aboveMaxQuantity(String shown) {
    return "must be at most 1e30 (larger numbers overflow the sums over days and trials), was "
        + shown;
  }

  static double probability(double value, String field, String owner) {
    return inRange(value, 0, 1, field, owner);
  }

  static double inRange(double value, double min, double max, String field, String owner) {
    if (!(value >= min && value <= max)) {
      throw RuleException.of(
          field, Rule.RANGE, value, "must be in [" + min + ", " + max + "], was " + value, owner);
    }
    return value;
  }

  static <T> T notNull(T value, String field, String owner) {
    if (value == null) {
      throw new RuleException(
          new RuleViolation(field, Rule.REQUIRED, java.util.List.of(), "must be given"),
          field,
          owner);
    }
    return value;
  }
}
