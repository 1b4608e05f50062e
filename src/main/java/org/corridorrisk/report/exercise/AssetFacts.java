package org.corridorrisk.report.exercise;

import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;

/**
 * What the exercise outputs say about an asset: its kind as written in files and its optional
 * {@code region} and {@code operator} labels. One place, so the MSEL, the JSON and the page agree.
 */
final class AssetFacts {
  private AssetFacts() {}

  /** The asset's kind as in the file ({@code pipeline}, {@code sink}, ...), or null if unknown. */
  static String kind(Scenario s, String id) {
    if (id == null) {
      return null;
    }
    Node n = s.node(id);
    if (n != null) {
      return n.kind().fileName();
    }
    Link l = s.link(id);
    return l == null ? null : l.kind().fileName();
  }

  /** The asset's commodity id, or null. */
  static String commodity(Scenario s, String id) {
    if (id == null) {
      return null;
    }
    Node n = s.node(id);
    if (n != null) {
      return n.commodity();
    }
    Link l = s.link(id);
    return l == null ? null : l.commodity();
  }

  /** The asset's {@code region} label, or null when not given. */
  static String region(Scenario s, String id) {
    return id == null ? null : s.incidents().asset(id).region();
  }

  /** The asset's {@code operator} label, or null when not given. */
  static String operator(Scenario s, String id) {
    return id == null ? null : s.incidents().asset(id).operator();
  }
}
