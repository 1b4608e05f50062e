package org.corridorrisk.model;

/**
 * Text from a user's file or command line made safe to echo on a terminal: control characters (C0,
 * DEL and C1: a terminal's escape sequences, carriage returns, tabs) written as escapes, so a value
 * can neither recolour nor overwrite the output nor split a one-line message.
 */
public final class Printable {
  private Printable() {}

  /** Whether {@code c} is a control character (below U+0020, or U+007F to U+009F). */
  public static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
  }

  /**
   * {@code text} with every control character written as an escape (\n, \r, \t, \\u001B): one line.
   */
  public static String escapeControls(String text) {
    return escape(text, false);
  }

  /**
   * As {@link #escapeControls}, but line breaks ({@code \n}) are kept: for text of several lines.
   */
  public static String escapeControlsKeepingLines(String text) {
    return escape(text, true);
  }

  private static String escape(String text, boolean keepLines) {
    if (text == null || text.chars().noneMatch(c -> isControl(c) && !(keepLines && c == '\n'))) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        b.append(keepLines ? "\n" : "\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (isControl(c)) {
        b.append(String.format("\\u%04X", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
