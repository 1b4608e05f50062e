package org.corridorrisk.model;

import java.util.List;

/**
 * A source of outages: sabotage attempts, a natural hazard, a common-mode failure.
 *
 * @param id unique threat id
 * @param model how events are produced
 * @param eventsPerYear poisson: attempt rate per 365-day year (0 for independent)
 * @param probability independent: chance each target fails at {@code startDay} (0 for poisson)
 * @param startDay independent: the day the failures happen (0 for poisson)
 * @param selection poisson: how an attempt picks its target
 * @param successProbability chance an attempt (poisson) or a failure draw (independent, multiplied
 *     with {@code probability}) disables its target; default 1
 * @param commonMode a success also disables every target sharing the hit asset's corridor
 * @param repair time to repair a disabled asset, or {@code null} when the threat gives none: every
 *     asset it can damage then has a repair time of its own or every damage state gives one (a
 *     scenario rule; see the repair time precedence in docs/scenario-format.md)
 * @param targetSpec the target selectors as written
 * @param targets resolved asset ids (nodes in file order, then links in file order), never empty
 *     for a validated scenario
 */
public record Threat(
    String id,
    ThreatModel model,
    double eventsPerYear,
    double probability,
    int startDay,
    Selection selection,
    double successProbability,
    boolean commonMode,
    RepairTime repair,
    TargetSpec targetSpec,
    List<String> targets) {

  public Threat {
    Checks.id(id, "threat");
    String owner = "threat '" + id + "'";
    Checks.notNull(model, "model", owner);
    Checks.nonNegative(eventsPerYear, "events_per_year", owner);
    Checks.probability(probability, "probability", owner);
    if (startDay < 0) {
      throw RuleException.of(
          "start_day", Rule.RANGE, startDay, "must be >= 0, was " + startDay, owner);
    }
    Checks.notNull(selection, "selection", owner);
    Checks.probability(successProbability, "success_probability", owner);
    Checks.notNull(targetSpec, "targets", owner);
    targets = targets == null ? List.of() : List.copyOf(targets);
  }

  /** A Poisson threat with uniform selection, no common mode. Targets resolved later. */
  public static Threat poisson(
      String id,
      double eventsPerYear,
      double successProbability,
      RepairTime repair,
      TargetSpec targets) {
    return new Threat(
        id,
        ThreatModel.POISSON,
        eventsPerYear,
        0,
        0,
        Selection.UNIFORM,
        successProbability,
        false,
        repair,
        targets,
        List.of());
  }

  /** An independent-failure threat at {@code startDay}. Targets resolved later. */
  public static Threat independent(
      String id, double probability, int startDay, RepairTime repair, TargetSpec targets) {
    return new Threat(
        id,
        ThreatModel.INDEPENDENT,
        0,
        probability,
        startDay,
        Selection.UNIFORM,
        1.0,
        false,
        repair,
        targets,
        List.of());
  }

  /** This threat with resolved targets. */
  public Threat withTargets(List<String> resolved) {
    return new Threat(
        id,
        model,
        eventsPerYear,
        probability,
        startDay,
        selection,
        successProbability,
        commonMode,
        repair,
        targetSpec,
        resolved);
  }

  /** This threat with another selection rule and common-mode flag. */
  public Threat with(Selection newSelection, boolean newCommonMode) {
    return new Threat(
        id,
        model,
        eventsPerYear,
        probability,
        startDay,
        newSelection,
        successProbability,
        newCommonMode,
        repair,
        targetSpec,
        targets);
  }
}
