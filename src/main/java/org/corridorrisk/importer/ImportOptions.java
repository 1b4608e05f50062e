package org.corridorrisk.importer;

import java.util.ArrayList;
import java.util.List;
import org.corridorrisk.scenario.ScenarioLimits;

/**
 * What the user may override when importing. Every field is optional: {@code null} means "the
 * documented default for the format" (see docs/import.md), which the written scenario's header
 * comment states.
 *
 * <p>Ranges are those {@code validate} accepts ({@link ScenarioLimits}): a number at most {@link
 * ScenarioLimits#MAX_QUANTITY}, a horizon at most {@link ScenarioLimits#maxHorizonDays()}.
 *
 * @param name scenario name (not empty, no {@code /} or {@code \}); default the file name without
 *     extension, sanitized
 * @param horizonDays horizon in days (1 to 36500); default 90 for GasLib, 1 for topology-only
 *     formats
 * @param sources topology formats: number of highest-degree nodes made sources (>= 1); default
 *     max(1, round(N / 20))
 * @param demandPerNode topology formats: demand per day of every non-source node (> 0); default 1.0
 * @param capacityPerDay topology formats: capacity of every link (> 0); default 10 x total demand /
 *     number of sources
 * @param failureProbability topology formats: probability each link fails at day 0 (0..1); default
 *     0.05
 * @param commodity commodity id; default {@code gas} (GasLib) or {@code power}
 * @param linkKind topology formats: link kind, any of {@link ScenarioLimits#linkKinds()}; default
 *     {@code power-line}
 * @param valueOfLostLoad value of lost load of every sink (currency per unit); default 250000 USD
 *     per mcm for GasLib, 1.0 for topology formats
 */
public record ImportOptions(
    String name,
    Integer horizonDays,
    Integer sources,
    Double demandPerNode,
    Double capacityPerDay,
    Double failureProbability,
    String commodity,
    String linkKind,
    Double valueOfLostLoad) {

  /**
   * Checks every given value against what the option means and what {@code validate} accepts in the
   * written scenario ({@link ScenarioLimits}), so an import never writes a file that fails
   * validation because of an option.
   *
   * @throws IllegalArgumentException naming the option, the rule and the value
   */
  public ImportOptions {
    checkName(name);
    if (horizonDays != null && (horizonDays < 1 || horizonDays > ScenarioLimits.maxHorizonDays())) {
      throw new IllegalArgumentException(
          "--horizon-days must be in [1, "
              + ScenarioLimits.maxHorizonDays()
              + "], was "
              + horizonDays);
    }
    if (sources != null && sources < 1) {
      throw new IllegalArgumentException("--sources must be >= 1, was " + sources);
    }
    checkQuantity("--demand", demandPerNode, false);
    checkQuantity("--capacity", capacityPerDay, false);
    if (failureProbability != null && !(failureProbability >= 0 && failureProbability <= 1)) {
      throw new IllegalArgumentException(
          "--failure-probability must be in [0, 1], was " + failureProbability);
    }
    checkQuantity("--voll", valueOfLostLoad, true);
    if (commodity != null && !IdSanitizer.isValid(commodity)) {
      throw new IllegalArgumentException(
          "--commodity must match [A-Za-z0-9._-]+, was '" + commodity + "'");
    }
    if (linkKind != null && !linkKinds().contains(linkKind)) {
      throw new IllegalArgumentException(
          "--link-kind must be one of " + linkKinds() + ", was '" + linkKind + "'");
    }
  }

  private static void checkName(String name) {
    if (name != null && !ScenarioLimits.schemaAcceptsName(name)) {
      throw new IllegalArgumentException(
          "--name must be a non-empty name without '/' or '\\' (a scenario's name names its"
              + " output folder), was '"
              + name
              + "'");
    }
  }

  /**
   * A quantity option must be finite, positive (or, with {@code zeroAllowed}, zero) and at most
   * {@link ScenarioLimits#MAX_QUANTITY}, the largest number {@code validate} accepts.
   */
  private static void checkQuantity(String option, Double value, boolean zeroAllowed) {
    if (value == null) {
      return;
    }
    boolean signOk = zeroAllowed ? value >= 0 : value > 0;
    if (!signOk || !Double.isFinite(value)) {
      throw new IllegalArgumentException(
          option + " must be a finite number " + (zeroAllowed ? ">= 0" : "> 0") + ", was " + value);
    }
    if (value > ScenarioLimits.MAX_QUANTITY) {
      throw new IllegalArgumentException(
          option
              + " must be at most "
              + ScenarioLimits.MAX_QUANTITY
              + " (the largest number a scenario may give), was "
              + value);
    }
  }

  /**
   * Refuses options that the format has no use for, rather than dropping them unsaid: a GasLib file
   * gives its own supplies, demands, capacities and arc types, and its threats are Poisson, so the
   * topology-only options would change nothing in the written scenario.
   *
   * @throws IllegalArgumentException naming every such option that was given
   */
  public void requireApplicableTo(ImportFormat format) {
    if (format != ImportFormat.GASLIB) {
      return;
    }
    List<String> given = new ArrayList<>();
    if (sources != null) {
      given.add("--sources");
    }
    if (demandPerNode != null) {
      given.add("--demand");
    }
    if (capacityPerDay != null) {
      given.add("--capacity");
    }
    if (failureProbability != null) {
      given.add("--failure-probability");
    }
    if (linkKind != null) {
      given.add("--link-kind");
    }
    if (!given.isEmpty()) {
      throw new IllegalArgumentException(
          String.join(", ", given)
              + (given.size() == 1 ? " applies" : " apply")
              + " only to topology formats (matrix-market, graphml): a GasLib file gives its own"
              + " supplies, demands, capacities and arcs; leave "
              + (given.size() == 1 ? "it" : "them")
              + " out or edit the imported scenario");
    }
  }

  /** Link kinds of the scenario format, as its schema lists them. */
  static List<String> linkKinds() {
    return ScenarioLimits.linkKinds();
  }

  /** All defaults. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, null, null, null, null, null, null);
  }
}
