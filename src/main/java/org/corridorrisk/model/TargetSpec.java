package org.corridorrisk.model;

import java.util.List;

/**
 * What a threat may hit, as written in the file: the union of the assets named or selected by each
 * list. Empty lists select nothing. {@link Scenario#resolveTargets(TargetSpec)} turns it into asset
 * ids.
 *
 * @param links link ids
 * @param nodes node ids
 * @param kinds node kinds and link kinds (file spellings, e.g. {@code "pipeline"})
 * @param commodities commodity ids: the links of those commodities
 * @param corridors corridor ids: the links in those corridors
 */
public record TargetSpec(
    List<String> links,
    List<String> nodes,
    List<String> kinds,
    List<String> commodities,
    List<String> corridors) {

  public TargetSpec {
    links = links == null ? List.of() : List.copyOf(links);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    kinds = kinds == null ? List.of() : List.copyOf(kinds);
    commodities = commodities == null ? List.of() : List.copyOf(commodities);
    corridors = corridors == null ? List.of() : List.copyOf(corridors);
  }

  /** Whether no selector is given. */
  public boolean isEmpty() {
    return links.isEmpty()
        && nodes.isEmpty()
        && kinds.isEmpty()
        && commodities.isEmpty()
        && corridors.isEmpty();
  }

  public static TargetSpec ofLinks(String... ids) {
    return new TargetSpec(List.of(ids), null, null, null, null);
  }

  public static TargetSpec ofNodes(String... ids) {
    return new TargetSpec(null, List.of(ids), null, null, null);
  }

  public static TargetSpec ofKinds(String... kinds) {
    return new TargetSpec(null, null, List.of(kinds), null, null);
  }
}
