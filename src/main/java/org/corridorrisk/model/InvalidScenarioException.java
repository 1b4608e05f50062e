package org.corridorrisk.model;

import java.util.List;

/** Thrown when a scenario breaks model rules; carries every violation, not only the first. */
public final class InvalidScenarioException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final transient List<RuleViolation> violations;

  public InvalidScenarioException(List<RuleViolation> violations) {
    super(summary(violations));
    this.violations = List.copyOf(violations);
  }

  public List<RuleViolation> violations() {
    return violations;
  }

  private static String summary(List<RuleViolation> violations) {
    StringBuilder sb = new StringBuilder("invalid scenario:");
    for (RuleViolation v : violations) {
      sb.append("\n  ").append(v.path()).append(": ").append(v.message());
    }
    return sb.toString();
  }
}
