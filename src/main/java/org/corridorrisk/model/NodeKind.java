package org.corridorrisk.model;

import java.util.Locale;

/** What a node does in the network. The scenario file spells these in lower case. */
public enum NodeKind {
  /** Injects up to {@link Node#supply()} per day. */
  SOURCE,
  /** Consumes up to {@link Node#demand()} per day. */
  SINK,
  /** Passes flow through; injects and consumes nothing. */
  JUNCTION,
  /** Delivers from its inventory when sources fall short and refills from spare supply. */
  STORAGE;

  private final String fileName = name().toLowerCase(Locale.ROOT);

  /** The spelling used in scenario files and outputs, e.g. {@code "source"}. */
  public String fileName() {
    return fileName;
  }

  /** Parses a file spelling; returns {@code null} when it is none of the kinds. */
  public static NodeKind fromFileName(String name) {
    for (NodeKind kind : values()) {
      if (kind.fileName().equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
