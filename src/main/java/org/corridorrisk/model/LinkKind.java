package org.corridorrisk.model;

import java.util.Locale;

/** The physical kind of a link; used for target selection and reporting only. */
public enum LinkKind {
  PIPELINE,
  RAIL,
  ROAD,
  SEA,
  POWER_LINE,
  SUBSEA_PIPELINE,
  SUBSEA_CABLE,
  OTHER;

  private final String fileName = name().toLowerCase(Locale.ROOT).replace('_', '-');

  /** The spelling used in scenario files and outputs, e.g. {@code "power-line"}. */
  public String fileName() {
    return fileName;
  }

  /** Parses a file spelling; returns {@code null} when it is none of the kinds. */
  public static LinkKind fromFileName(String name) {
    for (LinkKind kind : values()) {
      if (kind.fileName().equals(name)) {
        return kind;
      }
    }
    return null;
  }
}
