package org.corridorrisk.scenario;

import java.nio.file.Path;

/**
 * One thing wrong with a user's input, located in the file.
 *
 * @param file the file (as the user named it)
 * @param line 1-based line, 0 when unknown
 * @param column 1-based column, 0 when unknown
 * @param path document path of the offending key or value, e.g. {@code nodes[3].supply}; may be
 *     empty for file-level problems
 * @param message what is wrong, naming the value and the rule
 */
public record Problem(Path file, int line, int column, String path, String message) {

  /**
   * {@code FILE:LINE:COLUMN: path: message}, the format of {@code validate}; {@code FILE: message}
   * when the problem has no location (a missing or unreadable file). Control characters are written
   * as escapes.
   */
  public String format() {
    StringBuilder sb = new StringBuilder().append(file);
    if (line > 0) {
      sb.append(':').append(line).append(':').append(column);
    }
    sb.append(": ");
    if (path != null && !path.isEmpty()) {
      sb.append(path).append(": ");
    }
    // ids and values in the path and the message come from the user's file: one line, no escapes
    // a terminal would act on
    return org.corridorrisk.model.Printable.escapeControls(sb.append(message).toString());
  }
}
