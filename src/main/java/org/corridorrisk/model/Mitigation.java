package org.corridorrisk.model;

import java.util.List;

/**
 * A mitigation as declared in the scenario: an id, its cost over the horizon, and a readable
 * summary of its changes. The patched scenario itself is built by the scenario loader (patches are
 * applied to the document, so a broken patch is reported at its own line).
 *
 * @param id unique mitigation id
 * @param costUsd cost attributable to the horizon, in the scenario's currency
 * @param description free text, may be empty
 * @param changes one readable line per change, e.g. {@code "link scp: capacity = 30"}
 */
public record Mitigation(String id, double costUsd, String description, List<String> changes) {
  public Mitigation {
    Checks.id(id, "mitigation");
    Checks.nonNegative(costUsd, "cost", "mitigation '" + id + "'");
    description = description == null ? "" : description;
    changes = changes == null ? List.of() : List.copyOf(changes);
  }
}
