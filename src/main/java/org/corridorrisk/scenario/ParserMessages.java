package org.corridorrisk.scenario;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JSON and YAML parsers' messages into plain ones for planners: no feature flags, source
 * descriptions, character codes or event class names, and positions written as "line N, column M".
 * The reader adds the location of the problem itself ({@code FILE:LINE:COLUMN}) and the prefix
 * ("JSON syntax error: ").
 */
final class ParserMessages {
  private ParserMessages() {}

  /** Jackson's "[Source: REDACTED (...); line: 84, column: 22]". */
  private static final Pattern SOURCE =
      Pattern.compile("\\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]");

  private static final Pattern END_IN_CONTAINER =
      Pattern.compile(
          "Unexpected end-of-input: expected close marker for (Object|Array)"
              + " \\(start marker at line (\\d+), column (\\d+)\\)");
  private static final Pattern NON_NUMERIC = Pattern.compile("Non-standard token '([^']*)'.*");
  private static final Pattern CHARACTER =
      Pattern.compile("Unexpected character \\('(.)' \\(code \\d+\\)\\)(.*)", Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("Unrecognized token '([^']*)'.*");
  private static final Pattern CONTROL =
      Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*");
  private static final Pattern CLOSE_MISMATCH =
      Pattern.compile(
          "Unexpected close marker '(.)': expected '(.)' \\(for (Object|Array) starting at line"
              + " (\\d+), column (\\d+)\\)");
  private static final Pattern CLOSE_NOTHING =
      Pattern.compile("Unexpected close marker '(.)': no open (Object|Array) to close");
  private static final Pattern ESCAPE =
      Pattern.compile("Unrecognized character escape '(.)' \\(code \\d+\\)");
  private static final Pattern YAML_EVENT =
      Pattern.compile("<org\\.yaml\\.snakeyaml\\.events\\.(\\w+?)Event\\([^>]*\\)>");

  private static final String A_VALUE =
      "a value (a string in double quotes, a number, true, false, null, an array [...] or an"
          + " object {...})";

  /**
   * A plain message for a JSON parser message (one line); {@code openedAt} says where the object or
   * array open at the error starts ("line 3, column 7"), or is null.
   */
  static String json(String original, String openedAt) {
    String m = SOURCE.matcher(original == null ? "" : original).replaceAll("line $1, column $2");
    Matcher x;
    if ((x = END_IN_CONTAINER.matcher(m)).matches()) {
      boolean object = x.group(1).equals("Object");
      return "the file ends inside "
          + (object ? "an object" : "an array")
          + " that starts at line "
          + x.group(2)
          + ", column "
          + x.group(3)
          + " (a closing '"
          + (object ? '}' : ']')
          + "' is missing)";
    }
    if (m.startsWith("Unexpected end-of-input: was expecting closing quote")
        || m.startsWith("Unexpected end-of-input in field name")) {
      return "the file ends inside a string (a closing '\"' is missing)";
    }
    if (m.startsWith("Unexpected end-of-input within/between Object entries")) {
      return "the file ends inside an object"
          + (openedAt == null ? "" : " that starts at " + openedAt)
          + " (a closing '}' is missing)";
    }
    if (m.startsWith("Unexpected end-of-input within/between Array entries")) {
      return "the file ends inside an array"
          + (openedAt == null ? "" : " that starts at " + openedAt)
          + " (a closing ']' is missing)";
    }
    if (m.startsWith("Unexpected end-of-input")) {
      return "the file ends too early";
    }
    if ((x = NON_NUMERIC.matcher(m)).matches()) {
      return x.group(1) + " is not a number JSON allows";
    }
    if ((x = CHARACTER.matcher(m)).matches()) {
      return character(x.group(1), x.group(2));
    }
    if ((x = TOKEN.matcher(m)).matches()) {
      return "'"
          + x.group(1)
          + "' is not a JSON value (strings take double quotes; the only words are true, false"
          + " and null)";
    }
    if ((x = CONTROL.matcher(m)).matches()) {
      int code = Integer.parseInt(x.group(1));
      return switch (code) {
        case '\t' -> "a tab inside a string must be written \\t";
        case '\n', '\r' ->
            "a string must end on its own line (a closing '\"' is missing, or write a line"
                + " break as \\n)";
        default ->
            "a control character inside a string must be written as an escape (\\u"
                + String.format("%04X", code)
                + ")";
      };
    }
    if ((x = CLOSE_MISMATCH.matcher(m)).matches()) {
      return "unexpected '"
          + x.group(1)
          + "': the "
          + (x.group(3).equals("Object") ? "object" : "array")
          + " that starts at line "
          + x.group(4)
          + ", column "
          + x.group(5)
          + " ends with '"
          + x.group(2)
          + "'";
    }
    if ((x = CLOSE_NOTHING.matcher(m)).matches()) {
      return "unexpected '"
          + x.group(1)
          + "': no "
          + (x.group(2).equals("Object") ? "object" : "array")
          + " is open here";
    }
    if (m.startsWith("Invalid numeric value: Leading zeroes not allowed")) {
      return "a number cannot start with 0 (leading zeroes are not allowed)";
    }
    if ((x = ESCAPE.matcher(m)).matches()) {
      return "unknown escape '\\"
          + x.group(1)
          + "' in a string (JSON has \\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t and \\uXXXX)";
    }
    return cleaned(m);
  }

  /** "Unexpected character ('c' (code n))" followed by {@code rest}. */
  private static String character(String c, String rest) {
    String found = c.equals("'") ? "a single quote" : "'" + c + "'";
    if (c.equals("/") || c.equals("#")) {
      return "JSON does not allow comments (use YAML for comments)";
    }
    if (rest.contains("was expecting double-quote to start field name")) {
      if (c.equals("}") || c.equals(",")) {
        return "expected a key in double quotes but found "
            + found
            + " (JSON allows no comma after the last entry, nor two commas in a row)";
      }
      return "expected a key in double quotes but found "
          + found
          + (c.equals("'") ? " (JSON keys take double quotes)" : "");
    }
    if (rest.contains("expected a valid value") || rest.contains("expected a value")) {
      return "expected "
          + A_VALUE
          + " but found "
          + found
          + (c.equals("]") || c.equals(",")
              ? " (JSON allows no comma after the last entry, nor two commas in a row)"
              : c.equals("'") ? " (JSON strings take double quotes)" : "");
    }
    if (rest.contains("was expecting a colon")) {
      return "expected ':' after the key but found " + found;
    }
    if (rest.contains("was expecting comma to separate Object entries")) {
      return "expected ',' or '}' after a value but found " + found;
    }
    if (rest.contains("was expecting comma to separate Array entries")) {
      return "expected ',' or ']' after a value but found " + found;
    }
    if (rest.contains("plus sign")) {
      return "a JSON number cannot start with '+'";
    }
    if (rest.contains("Decimal point not followed by a digit")) {
      return "a decimal point must be followed by a digit";
    }
    if (rest.contains("expected a hex-digit")) {
      return "a \\u escape needs 4 hexadecimal digits but found " + found;
    }
    return cleaned("unexpected character " + found + rest);
  }

  /** A plain message for a YAML parser message (one line) that has no position of its own. */
  static String yaml(String original) {
    String m = original == null ? "" : original;
    if (m.startsWith("Expected a field name")) {
      return "a mapping key must be a plain value, not a list or mapping";
    }
    if (m.contains("base64")) {
      return "a !!binary value must be valid base64";
    }
    Matcher e = YAML_EVENT.matcher(m);
    StringBuilder b = new StringBuilder();
    while (e.find()) {
      e.appendReplacement(b, Matcher.quoteReplacement(yamlEvent(e.group(1))));
    }
    e.appendTail(b);
    return cleaned(b.toString());
  }

  private static String yamlEvent(String event) {
    return switch (event) {
      case "SequenceStart" -> "a list";
      case "MappingStart" -> "a mapping";
      case "SequenceEnd" -> "the end of a list";
      case "MappingEnd" -> "the end of a mapping";
      case "Scalar" -> "a value";
      case "Alias" -> "an alias";
      default -> "'" + event + "'";
    };
  }

  /** The generic clean-up: feature hints, character codes and source descriptions removed. */
  private static String cleaned(String m) {
    String s = SOURCE.matcher(m).replaceAll("line $1, column $2");
    s = s.replaceAll(":? ?enable `[^`]*` to allow", "");
    s =
        s.replaceAll(
            " ?\\(not recognized as one since Feature '[^']*' not enabled for parser\\)", "");
    s = s.replaceAll(" \\(code \\d+\\)", "");
    s = s.replaceAll("`[A-Za-z]+\\.[A-Z_]+`", "");
    return s.trim();
  }
}
