package org.corridorrisk.study;

import java.util.List;
import org.corridorrisk.sim.StudyResult;

/**
 * A mitigation (or a portfolio of mitigations applied together) and the study of the scenario with
 * its patches applied.
 *
 * @param id the mitigation id, or for a portfolio its members joined by {@code +} ({@code "a+b"})
 * @param costUsd cost attributable to the horizon, in the scenario's currency (a portfolio's is the
 *     sum of its members'); >= 0
 * @param members the mitigation ids whose patches were applied, in order (one for a single
 *     mitigation)
 * @param result the study of the patched scenario, run with the baseline's seed and trial count
 */
public record MitigatedRun(String id, double costUsd, List<String> members, StudyResult result) {
  public MitigatedRun {
    if (id == null || id.isEmpty()) {
      throw new IllegalArgumentException("mitigation id must be non-empty");
    }
    if (!(costUsd >= 0)) {
      throw new IllegalArgumentException(
          "cost must be >= 0, was " + costUsd + " (mitigation '" + id + "')");
    }
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException(
          "members must name at least one mitigation (mitigation '" + id + "')");
    }
    if (result == null) {
      throw new IllegalArgumentException("result must be given (mitigation '" + id + "')");
    }
  }

  /** Whether several mitigations were applied together. */
  public boolean portfolio() {
    return members.size() > 1;
  }
}
