package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A fast reader for the block-style subset of YAML that generated scenario files are written in
 * ({@code corridor-risk import} writes tens of thousands of lines of {@code key: value} and {@code
 * - id: ...}). It builds the same tree as {@link DocumentReader}'s full reader (SnakeYAML through
 * Jackson) in a fraction of its time, and none of its JIT warm-up, but it records no locations.
 *
 * <p>Contract: {@link #read} returns either the very tree the full reader builds from the same text
 * (same keys in the same order, same node types and values) or {@code null}, meaning "not sure";
 * the caller then runs the full reader, which also reports every syntax problem. Anything outside
 * the subset gives {@code null}: flow collections ({@code [a, b]}, {@code {k: v}}), block scalars
 * ({@code |}, {@code >}), anchors, aliases, tags, directives and document markers, multi-line or
 * escaped strings, tabs and carriage returns, quoted or unusual keys, duplicate keys, plain scalars
 * that YAML could read as something other than a string or a plain decimal number ({@code yes},
 * {@code 0x1f}, {@code 2024-01-01}, {@code .5}, {@code 1e5}), and anything near a reading limit.
 *
 * <p>The subset: a mapping at the top; block mappings whose keys are {@code
 * [A-Za-z_][A-Za-z0-9_-]*}; block sequences (also at their key's indentation); {@code - key: value}
 * items; scalars that are a plain string starting with a letter, a decimal integer of up to 18
 * digits, a decimal number with a fraction ({@code -1.25}, {@code 4.0e7}), {@code true}, {@code
 * false}, {@code null} or an empty value (null, as {@link DocumentReader} reads it), or a one-line
 * quoted string without escapes; comments and blank lines.
 */
final class BlockYaml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);

  /** Deeper than this, the full reader decides (its limit is {@link DocumentReader#MAX_DEPTH}). */
  private static final int MAX_DEPTH = 32;

  /** Thrown (without a stack trace) when the text leaves the subset. */
  private static final class NotInSubset extends Exception {
    private static final long serialVersionUID = 1L;
    static final NotInSubset INSTANCE = new NotInSubset();

    private NotInSubset() {
      super(null, null, false, false);
    }
  }

  private final String text;
  private final int length;

  /**
   * Recently read short slices of the text and the value each was read as (null for a key), by a
   * hash of their characters: a generated file repeats its keys, kinds, commodities, capacities and
   * the node ids its links name, so most keys and scalars are found here instead of being copied,
   * parsed and allocated again. Same text, same value: a value node is immutable and Jackson shares
   * them too ({@code deepCopy} of a value node returns it).
   */
  private final String[] sliceText = new String[SLICES];

  private final JsonNode[] sliceValue = new JsonNode[SLICES];

  private static final int SLICES = 1024;

  /** Longer slices are not remembered. */
  private static final int MAX_SLICE = 24;

  /** The current content line: its start, end (exclusive, before the line break), indentation. */
  private int lineStart;

  private int lineEnd;
  private int indent;
  private boolean atEnd;
  private int values;

  private BlockYaml(String text) {
    this.text = text;
    this.length = text.length();
  }

  /** The document's tree, or null when the text is not (certainly) in the subset. */
  static JsonNode read(String text) {
    if (text.indexOf('\t') >= 0 || text.indexOf('\r') >= 0) {
      return null;
    }
    BlockYaml r = new BlockYaml(text);
    try {
      r.lineEnd = -1;
      r.nextContentLine(0);
      if (r.atEnd || r.indent != 0) {
        return null;
      }
      ObjectNode root = r.mapping(0, 0, r.lineStart);
      return r.atEnd ? root : null;
    } catch (NotInSubset e) {
      return null;
    }
  }

  /**
   * Moves to the next line that is neither blank nor a comment, starting at {@code from} (the start
   * of a line); sets {@link #atEnd} when there is none.
   */
  private void nextContentLine(int from) throws NotInSubset {
    int p = from;
    while (p < length) {
      int end = text.indexOf('\n', p);
      if (end < 0) {
        end = length;
      }
      int i = p;
      while (i < end && text.charAt(i) == ' ') {
        i++;
      }
      if (i < end && text.charAt(i) != '#') {
        lineStart = p;
        lineEnd = end;
        indent = i - p;
        atEnd = false;
        return;
      }
      p = end + 1;
    }
    atEnd = true;
    indent = -1;
  }

  private void advance() throws NotInSubset {
    nextContentLine(lineEnd + 1);
  }

  private void count() throws NotInSubset {
    if (++values > DocumentReader.MAX_VALUES) {
      throw NotInSubset.INSTANCE;
    }
  }

  /**
   * A block mapping whose keys stand at column {@code column} (0-based); its first key starts at
   * {@code first} on the current line (after "- " for a mapping inside a sequence item).
   */
  private ObjectNode mapping(int column, int depth, int first) throws NotInSubset {
    if (depth > MAX_DEPTH) {
      throw NotInSubset.INSTANCE;
    }
    count();
    ObjectNode obj = NODES.objectNode();
    int keyStart = first;
    while (true) {
      int keyEnd = keyEnd(keyStart);
      String key = slice(keyStart, keyEnd);
      if (obj.has(key) || keyEnd - keyStart <= 5 && special(key)) {
        throw NotInSubset.INSTANCE; // the full reader reports duplicates
      }
      int after = skipSpaces(keyEnd + 1);
      JsonNode value;
      if (after >= lineEnd || text.charAt(after) == '#') {
        if (after < lineEnd && text.charAt(after - 1) != ' ') {
          throw NotInSubset.INSTANCE;
        }
        advance();
        if (!atEnd && indent > column) {
          int childStart = lineStart + indent;
          value =
              isItem(childStart)
                  ? sequence(indent, depth + 1)
                  : mapping(indent, depth + 1, childStart);
        } else if (!atEnd && indent == column && isItem(lineStart + indent)) {
          value = sequence(indent, depth + 1);
        } else {
          count();
          value = NODES.nullNode(); // as DocumentReader reads an empty value (YAML 1.2)
        }
      } else {
        value = scalar(after);
        advance();
      }
      obj.set(key, value);
      if (atEnd || indent < column) {
        return obj;
      }
      if (indent > column) {
        throw NotInSubset.INSTANCE; // a continuation line or an indentation error
      }
      keyStart = lineStart + indent;
      if (isItem(keyStart)) {
        throw NotInSubset.INSTANCE;
      }
    }
  }

  /** A block sequence whose "- " stand at column {@code column} on the current line and after. */
  private ArrayNode sequence(int column, int depth) throws NotInSubset {
    if (depth > MAX_DEPTH) {
      throw NotInSubset.INSTANCE;
    }
    count();
    ArrayNode array = NODES.arrayNode();
    while (true) {
      if (array.size() >= DocumentReader.MAX_ELEMENTS) {
        throw NotInSubset.INSTANCE;
      }
      int dash = lineStart + indent;
      int start = skipSpaces(dash + 1);
      if (start >= lineEnd || text.charAt(start) == '#' || text.charAt(start) == '-') {
        throw NotInSubset.INSTANCE; // an empty item, or a nested sequence on the same line
      }
      if (looksLikeKey(start)) {
        int itemColumn = start - lineStart;
        array.add(mapping(itemColumn, depth + 1, start));
      } else {
        array.add(scalar(start));
        advance();
      }
      if (atEnd || indent < column) {
        return array;
      }
      if (indent > column || !isItem(lineStart + indent)) {
        if (indent == column) {
          return array; // the next key of a mapping whose sequence stands at the key's column
        }
        throw NotInSubset.INSTANCE;
      }
    }
  }

  private boolean isItem(int p) {
    return text.charAt(p) == '-' && (p + 1 == lineEnd || text.charAt(p + 1) == ' ');
  }

  private int skipSpaces(int p) {
    int i = p;
    while (i < lineEnd && text.charAt(i) == ' ') {
      i++;
    }
    return i;
  }

  /** The end of a key at {@code p} followed by ':' and a space or the line's end; else throws. */
  private int keyEnd(int p) throws NotInSubset {
    int i = p;
    if (i >= lineEnd || !keyStartChar(text.charAt(i))) {
      throw NotInSubset.INSTANCE;
    }
    i++;
    while (i < lineEnd && keyChar(text.charAt(i))) {
      i++;
    }
    if (i >= lineEnd
        || text.charAt(i) != ':'
        || (i + 1 < lineEnd && text.charAt(i + 1) != ' ')
        || i - p > DocumentReader.MAX_KEY_CHARS) {
      throw NotInSubset.INSTANCE;
    }
    return i;
  }

  /** Whether a key (as {@link #keyEnd} accepts it) starts at {@code p}. */
  private boolean looksLikeKey(int p) {
    if (!keyStartChar(text.charAt(p))) {
      return false;
    }
    int i = p + 1;
    while (i < lineEnd && keyChar(text.charAt(i))) {
      i++;
    }
    return i < lineEnd && text.charAt(i) == ':' && (i + 1 == lineEnd || text.charAt(i + 1) == ' ');
  }

  private static boolean keyStartChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
  }

  private static boolean keyChar(char c) {
    return keyStartChar(c) || (c >= '0' && c <= '9') || c == '-';
  }

  /** The scalar starting at {@code p} and ending the current line (a comment may follow). */
  private JsonNode scalar(int p) throws NotInSubset {
    count();
    char c = text.charAt(p);
    if (c == '"' || c == '\'') {
      return quoted(p, c);
    }
    int end = plainEnd(p);
    if (end - p > DocumentReader.MAX_STRING_CHARS) {
      throw NotInSubset.INSTANCE;
    }
    boolean word = keyStartChar(c);
    if (!word && c != '-' && (c < '0' || c > '9')) {
      throw NotInSubset.INSTANCE;
    }
    // the same characters read as the same value: a remembered one passed every check below
    int slot = slot(p, end);
    JsonNode known = remembered(slot, p, end);
    if (known != null) {
      return known;
    }
    return remember(slot, p, end, word ? word(p, end) : number(p, end));
  }

  /**
   * The end of a plain scalar at {@code p} (trailing spaces and a comment excluded); throws at any
   * character that could make YAML read it differently.
   */
  private int plainEnd(int p) throws NotInSubset {
    int last = p; // exclusive end of the last non-space character
    for (int i = p; i < lineEnd; i++) {
      char c = text.charAt(i);
      if (c == ' ') {
        continue;
      }
      if (c == '#') {
        if (text.charAt(i - 1) == ' ') {
          return last;
        }
        throw NotInSubset.INSTANCE;
      }
      if (!plainChar(c)) {
        throw NotInSubset.INSTANCE;
      }
      last = i + 1;
    }
    return last;
  }

  private static boolean plainChar(char c) {
    if (c < 0x80) {
      return (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || "_-./(),;'+=?".indexOf(c) >= 0;
    }
    // YAML 1.1 line breaks (NEL, LS, PS), the BOM and C1 controls: the full reader decides
    return c >= 0xA0 && c != 0x2028 && c != 0x2029 && c != 0xFEFF && !Character.isSurrogate(c);
  }

  /** The words YAML 1.1 or 1.2 may read as a boolean or null (in any capitalization). */
  private static final String[] SPECIAL = {
    "y", "n", "yes", "no", "on", "off", "true", "false", "null"
  };

  /**
   * A word YAML 1.1 or 1.2 may read as a boolean or null, in any capitalization. Compared letter by
   * letter ignoring case (no lower-case copy of every short word: node ids are such words); {@code
   * equalsIgnoreCase} accepts every word whose lower case is one of {@link #SPECIAL} (and a few
   * more, such as a long s for an s, which then go to the full reader: never a wrong tree).
   */
  static boolean special(String word) {
    if (word.isEmpty() || "yYnNoOtTfF".indexOf(word.charAt(0)) < 0) {
      return false; // every special word starts with one of these, and no other character equals
      // one of them ignoring case (no other character's upper or lower case is y, n, o, t or f)
    }
    for (String s : SPECIAL) {
      if (s.length() == word.length() && s.equalsIgnoreCase(word)) {
        return true;
      }
    }
    return false;
  }

  /** A plain scalar starting with a letter: a string, or true, false, null. */
  private JsonNode word(int p, int end) throws NotInSubset {
    String s = text.substring(p, end);
    switch (s) {
      case "true":
        return NODES.booleanNode(true);
      case "false":
        return NODES.booleanNode(false);
      case "null":
        return NODES.nullNode();
      default:
        break;
    }
    if (end - p <= 5 && special(s)) {
      throw NotInSubset.INSTANCE;
    }
    return NODES.textNode(s);
  }

  /**
   * A plain decimal integer ({@code -?(0|[1-9][0-9]*)}, up to 18 digits) or decimal number with a
   * fraction ({@code -?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]{1,3})?}); anything else throws.
   */
  private JsonNode number(int p, int end) throws NotInSubset {
    int i = p;
    if (text.charAt(i) == '-') {
      i++;
    }
    int digits = i;
    while (i < end && isDigit(text.charAt(i))) {
      i++;
    }
    int intDigits = i - digits;
    if (intDigits == 0 || (intDigits > 1 && text.charAt(digits) == '0')) {
      throw NotInSubset.INSTANCE;
    }
    if (i == end) {
      if (intDigits > 18) {
        throw NotInSubset.INSTANCE;
      }
      long v = Long.parseLong(text, p, end, 10);
      return v == (int) v ? NODES.numberNode((int) v) : NODES.numberNode(v);
    }
    if (text.charAt(i) != '.') {
      throw NotInSubset.INSTANCE;
    }
    i++;
    int fraction = i;
    while (i < end && isDigit(text.charAt(i))) {
      i++;
    }
    if (i == fraction) {
      throw NotInSubset.INSTANCE;
    }
    if (i < end) {
      char e = text.charAt(i);
      if (e != 'e' && e != 'E') {
        throw NotInSubset.INSTANCE;
      }
      i++;
      if (i < end && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
        i++;
      }
      int exp = i;
      while (i < end && isDigit(text.charAt(i))) {
        i++;
      }
      if (i != end || i == exp || i - exp > 3) {
        throw NotInSubset.INSTANCE;
      }
    }
    if (end - p > 40) {
      throw NotInSubset.INSTANCE;
    }
    return InfiniteNumberNode.of(Double.parseDouble(text.substring(p, end)));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** The cache slot of {@code text[start, end)}, or -1 when it is too long to remember. */
  private int slot(int start, int end) {
    if (end - start > MAX_SLICE) {
      return -1;
    }
    int h = 0;
    for (int i = start; i < end; i++) {
      h = 31 * h + text.charAt(i);
    }
    return (h ^ (h >>> 10)) & (SLICES - 1);
  }

  /** Whether the slot holds the characters {@code text[start, end)}. */
  private boolean holds(int slot, int start, int end) {
    String c = sliceText[slot];
    return c != null && c.length() == end - start && text.regionMatches(start, c, 0, end - start);
  }

  /** {@code text[start, end)} as a string, the remembered one when the slot holds it. */
  private String slice(int start, int end) {
    int slot = slot(start, end);
    if (slot < 0) {
      return text.substring(start, end);
    }
    if (holds(slot, start, end)) {
      return sliceText[slot];
    }
    String s = text.substring(start, end);
    sliceText[slot] = s;
    sliceValue[slot] = null;
    return s;
  }

  /** The value remembered for {@code text[start, end)}, or null. */
  private JsonNode remembered(int slot, int start, int end) {
    return slot >= 0 && holds(slot, start, end) ? sliceValue[slot] : null;
  }

  /** Remembers {@code value} as what {@code text[start, end)} reads as; returns it. */
  private JsonNode remember(int slot, int start, int end, JsonNode value) {
    if (slot >= 0) {
      if (!holds(slot, start, end)) {
        sliceText[slot] = text.substring(start, end);
      }
      sliceValue[slot] = value;
    }
    return value;
  }

  /** A quoted string closed on this line, without escapes ('' in single quotes is a quote). */
  private JsonNode quoted(int p, char quote) throws NotInSubset {
    StringBuilder sb = null;
    int i = p + 1;
    int from = i;
    while (true) {
      if (i >= lineEnd) {
        throw NotInSubset.INSTANCE; // continues on the next line
      }
      char c = text.charAt(i);
      if (c == quote) {
        if (quote == '\'' && i + 1 < lineEnd && text.charAt(i + 1) == '\'') {
          if (sb == null) {
            sb = new StringBuilder();
          }
          sb.append(text, from, i + 1);
          i += 2;
          from = i;
          continue;
        }
        break;
      }
      if (c == '\\' && quote == '"') {
        throw NotInSubset.INSTANCE;
      }
      if (!(c == ' '
          || c == '#'
          || c == ':'
          || plainChar(c)
          || "[]{}\"`|>&*!%@\\".indexOf(c) >= 0)) {
        throw NotInSubset.INSTANCE;
      }
      i++;
    }
    String s = sb == null ? text.substring(from, i) : sb.append(text, from, i).toString();
    if (s.length() > DocumentReader.MAX_STRING_CHARS) {
      throw NotInSubset.INSTANCE;
    }
    int after = i + 1;
    int rest = skipSpaces(after);
    if (rest < lineEnd && !(text.charAt(rest) == '#' && rest > after)) {
      throw NotInSubset.INSTANCE;
    }
    return NODES.textNode(s);
  }
}
