package org.corridorrisk.model;

/**
 * A cross-commodity coupling: the supply of node {@code supports} on a day is its nominal supply
 * times the served share of sink {@code sink} that day ({@code mode} = proportional, the only mode
 * of format v1).
 */
public record Dependency(String sink, String supports, String mode) {
  public static final String PROPORTIONAL = "proportional";

  public Dependency {
    Checks.notNull(sink, "sink", "dependency");
    Checks.notNull(supports, "supports", "dependency");
    mode = mode == null ? PROPORTIONAL : mode;
    if (!PROPORTIONAL.equals(mode)) {
      throw RuleException.of(
          "mode", Rule.CHOICE, mode, "must be 'proportional', was '" + mode + "'", "dependency");
    }
  }
}
