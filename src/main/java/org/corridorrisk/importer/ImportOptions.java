package org.corridorrisk.importer;

/**
 * What the user may override when importing. Every field is optional: {@code null} means "the
 * documented default for the format" (see docs/import.md), which the written scenario's header
 * comment states.
 *
 * @param name scenario name; default the file name without extension, sanitized
 * @param horizonDays horizon in days (>= 1); default 90 for GasLib, 1 for topology-only formats
 * @param sources topology formats: number of highest-degree nodes made sources (>= 1); default
 *     max(1, round(N / 20))
 * @param demandPerNode topology formats: demand per day of every non-source node (> 0); default 1.0
 * @param capacityPerDay topology formats: capacity of every link (> 0); default 10 x total demand /
 *     number of sources
 * @param failureProbability topology formats: probability each link fails at day 0 (0..1); default
 *     0.05
 * @param commodity commodity id; default {@code gas} (GasLib) or {@code power}
 * @param linkKind topology formats: link kind; default {@code power-line}
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

  public ImportOptions {
    if (horizonDays != null && horizonDays < 1) {
      throw new IllegalArgumentException("--horizon-days must be >= 1 but was " + horizonDays);
    }
    if (sources != null && sources < 1) {
      throw new IllegalArgumentException("--sources must be >= 1 but was " + sources);
    }
    if (demandPerNode != null && !(demandPerNode > 0 && Double.isFinite(demandPerNode))) {
      throw new IllegalArgumentException(
          "--demand must be a finite number > 0 but was " + demandPerNode);
    }
    if (capacityPerDay != null && !(capacityPerDay > 0 && Double.isFinite(capacityPerDay))) {
      throw new IllegalArgumentException(
          "--capacity must be a finite number > 0 but was " + capacityPerDay);
    }
    if (failureProbability != null && !(failureProbability >= 0 && failureProbability <= 1)) {
      throw new IllegalArgumentException(
          "--failure-probability must be in [0, 1] but was " + failureProbability);
    }
    if (valueOfLostLoad != null && !(valueOfLostLoad >= 0 && Double.isFinite(valueOfLostLoad))) {
      throw new IllegalArgumentException(
          "--voll must be a finite number >= 0 but was " + valueOfLostLoad);
    }
    if (commodity != null && !IdSanitizer.isValid(commodity)) {
      throw new IllegalArgumentException(
          "--commodity must match [A-Za-z0-9._-]+ but was '" + commodity + "'");
    }
    if (linkKind != null && !LINK_KINDS.contains(linkKind)) {
      throw new IllegalArgumentException(
          "--link-kind must be one of " + LINK_KINDS + " but was '" + linkKind + "'");
    }
  }

  /** Link kinds of the scenario format. */
  static final java.util.List<String> LINK_KINDS =
      java.util.List.of("pipeline", "rail", "road", "sea", "power-line", "other");

  /** All defaults. */
  public static ImportOptions defaults() {
    return new ImportOptions(null, null, null, null, null, null, null, null, null);
  }
}
