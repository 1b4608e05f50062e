package org.corridorrisk.model;

import java.util.List;
import java.util.Objects;

/**
 * A model rule a scenario breaks, as structured values: where, which rule, the offending values,
 * and a sentence for people.
 *
 * <p>Design note: the {@code scenario} package maps violations to file locations and decides which
 * ones follow from other faults by {@link #path()}, {@link #rule()} and {@link #values()} only;
 * {@link #message()} is for display and may be reworded freely. Rejected: parsing the message text
 * (regular expressions break silently when a sentence changes).
 *
 * @param path where, as a path into the scenario document ({@code links[2].from}); for a violation
 *     raised by an element's constructor ({@link RuleException}) the path is relative to that
 *     element ({@code capacity}, {@code id}, {@code interdependency[2]}), or empty when the rule
 *     concerns the element as a whole
 * @param rule which rule is broken
 * @param values the offending values as written (may be empty; see each {@link Rule})
 * @param message what is wrong, naming the value and the rule, without the path
 */
public record RuleViolation(String path, Rule rule, List<String> values, String message) {
  public RuleViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
    values = List.copyOf(values);
  }

  /** A violation with one offending value ({@code String.valueOf(value)}). */
  public static RuleViolation of(String path, Rule rule, Object value, String message) {
    return new RuleViolation(path, rule, List.of(String.valueOf(value)), message);
  }
}
