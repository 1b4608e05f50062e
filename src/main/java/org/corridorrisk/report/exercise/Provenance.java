package org.corridorrisk.report.exercise;

import java.util.List;

/**
 * Where an exercise's numbers come from, printed on every page and file it writes.
 *
 * @param version corridor-risk version
 * @param scenarioFile the scenario file as given
 * @param scenarioSha256 SHA-256 of the scenario file's bytes, lower-case hex
 * @param seed the study's seed
 * @param trials the study's trial count (trial numbers and percentiles refer to it), or {@code
 *     null} when the replay did not need to run the study (a trial below run's default 10,000)
 * @param methods one line per method used (replay, percentile, branches, ...)
 */
public record Provenance(
    String version,
    String scenarioFile,
    String scenarioSha256,
    long seed,
    Long trials,
    List<String> methods) {
  public Provenance {
    methods = List.copyOf(methods);
  }
}
