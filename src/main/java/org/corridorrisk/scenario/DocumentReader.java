package org.corridorrisk.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;

/**
 * Turns the bytes of a YAML or JSON file into a Jackson tree plus the location of every key and
 * value ({@link Locations}), with bounded resources.
 *
 * <p>Scalars follow YAML 1.2's core schema: {@code 4.0e7} and {@code 1.5E+9} are numbers, only
 * {@code true}/{@code false} are booleans ({@code yes}, {@code on} stay strings), an integer with
 * leading zeros is decimal ({@code 010} is 10, not YAML 1.1's octal 8), {@code 0x1A} is
 * hexadecimal, a plain {@code 0o17} is YAML 1.2's octal 15, and YAML 1.1's other number forms
 * ({@code 1_000}, {@code 0b101}, {@code 1:30}) are strings, which the schema then reports where a
 * number is expected. Anchors and aliases are expanded here (Jackson's YAML parser would return an
 * alias as the anchor's name); merge keys ({@code <<: *defaults}) are supported. Duplicate keys are
 * reported.
 *
 * <p>Limits (each reported as a located problem): {@link #MAX_FILE_BYTES} per file, nesting depth
 * {@link #MAX_DEPTH}, {@link #MAX_NUMBER_CHARS} digits per number, {@link #MAX_STRING_CHARS} per
 * string, {@link #MAX_VALUES} values per document, {@link #MAX_ALIAS_VALUES} values produced by
 * alias expansion (bounds "billion laughs"), and {@link #MAX_ELEMENTS} nodes or links.
 */
final class DocumentReader {
  static final long MAX_FILE_BYTES = 16L * 1024 * 1024;
  static final int MAX_DEPTH = 64;
  static final int MAX_NUMBER_CHARS = 100;
  static final int MAX_STRING_CHARS = 100_000;
  static final int MAX_KEY_CHARS = 1_000;
  static final int MAX_VALUES = 4_000_000;
  static final int MAX_ALIAS_VALUES = 100_000;
  static final int MAX_ELEMENTS = 200_000;

  private static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_CHARS)
          .maxStringLength(MAX_STRING_CHARS)
          .maxNameLength(MAX_KEY_CHARS)
          .maxDocumentLength(MAX_FILE_BYTES)
          .build();
  private static final JsonFactory JSON =
      JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .loaderOptions(loaderOptions())
          .streamReadConstraints(CONSTRAINTS)
          .build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(false);
  private static final Set<String> YAML_BOOLEANS =
      Set.of("true", "True", "TRUE", "false", "False", "FALSE");

  /** The document: its root (null when unreadable) and where everything in it is. */
  record Document(JsonNode root, Locations locations) {}

  /** A problem that stops reading: nothing after it can be trusted. */
  static final class Fatal extends Exception {
    private static final long serialVersionUID = 1L;
    final transient Locations.Loc at;
    final String path;

    Fatal(Locations.Loc at, String path, String message) {
      super(message, null, false, false);
      this.at = at;
      this.path = path;
    }
  }

  private record Anchored(JsonNode node, String path) {}

  private final boolean yaml;
  private final Locations locations;
  private final Issues issues;
  private final Map<String, Anchored> anchors = new HashMap<>();
  private JsonParser parser;

  /** The decoded text being read (to tell a plain YAML scalar from a quoted or tagged one). */
  private String source;

  private int values;
  private int aliasValues;

  private DocumentReader(boolean yaml, Issues issues, int bytes) {
    this.yaml = yaml;
    // about one key or value per 16 bytes of a typical scenario file
    this.locations = new Locations(Math.min(bytes / 16, 1 << 20));
    this.issues = issues;
  }

  private static LoaderOptions loaderOptions() {
    LoaderOptions options = new LoaderOptions();
    options.setCodePointLimit((int) MAX_FILE_BYTES);
    options.setMaxAliasesForCollections(50);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setAllowDuplicateKeys(true); // reported by this reader, with both locations
    return options;
  }

  /**
   * Reads one document. Non-fatal problems (duplicate keys) go to {@code issues}; a fatal one
   * (syntax, encoding, limits) is returned as the only problem with a null root.
   *
   * <p>YAML in the block-style subset of {@link BlockYaml} (what {@code import} writes) is read by
   * it, in a fraction of the full reader's time; the locations of such a document are found only
   * when a problem or warning asks for one, by reading it again with the full reader. Anything else
   * goes to the full reader at once.
   */
  static Document read(byte[] bytes, boolean json, Issues issues) {
    if (!json) {
      JsonNode root = readBlockStyle(bytes);
      if (root != null) {
        return new Document(
            root, Locations.lazy(() -> readFully(bytes, false, new Issues()).locations()));
      }
    }
    return readFully(bytes, json, issues);
  }

  /** The tree by {@link BlockYaml}, or null when it is not sure (or the text cannot be decoded). */
  static JsonNode readBlockStyle(byte[] bytes) {
    String text;
    try {
      text = decode(bytes);
    } catch (Fatal f) {
      return null; // the full reader reports it
    }
    return BlockYaml.read(text);
  }

  /** Reads one document with the full reader, recording the location of every key and value. */
  static Document readFully(byte[] bytes, boolean json, Issues issues) {
    DocumentReader reader = new DocumentReader(!json, issues, bytes.length);
    try {
      return new Document(reader.readAll(bytes), reader.locations);
    } catch (Fatal f) {
      issues.addAt(f.path, f.getMessage(), f.at);
      return new Document(null, reader.locations);
    }
  }

  private JsonNode readAll(byte[] bytes) throws Fatal {
    String text = decode(bytes);
    source = text;
    try (JsonParser p = yaml ? YAML.createParser(text) : JSON.createParser(text)) {
      parser = p;
      JsonToken first = next();
      if (first == null) {
        throw new Fatal(
            Locations.Loc.START,
            "",
            "the file is empty; a scenario starts with 'format: corridor-risk/v1'");
      }
      JsonNode root = readValue("", first);
      JsonToken after = next();
      if (after != null) {
        throw new Fatal(
            here(),
            "",
            yaml
                ? "a second YAML document ('---') follows; a scenario file holds exactly one"
                : "unexpected content after the end of the JSON document");
      }
      return root;
    } catch (Fatal f) {
      throw f;
    } catch (StreamConstraintsException e) {
      throw new Fatal(here(), "", limitMessage(e.getOriginalMessage()));
    } catch (com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
      throw yamlSyntax(e);
    } catch (JsonProcessingException e) {
      JsonLocation l = e.getLocation();
      Locations.Loc at =
          l != null && l.getLineNr() > 0
              ? new Locations.Loc(l.getLineNr(), Math.max(1, l.getColumnNr()))
              : here();
      String what = yaml ? "YAML syntax error: " : "JSON syntax error: ";
      String msg = e.getOriginalMessage();
      if (msg != null && msg.contains("exceeds the limit")) {
        what = "";
        msg = "the file is too large (limit " + MAX_FILE_BYTES + " bytes)";
      }
      throw new Fatal(
          at,
          "",
          what.isEmpty()
              ? msg
              : what
                  + (yaml
                      ? ParserMessages.yaml(firstLine(msg))
                      : ParserMessages.json(firstLine(msg), openedAt())));
    } catch (IOException | RuntimeException e) {
      // The YAML scanner throws unchecked exceptions for a few malformed inputs.
      throw new Fatal(
          here(),
          "",
          yaml
              ? "YAML syntax error: "
                  + ParserMessages.yaml(firstLine(String.valueOf(e.getMessage())))
              : "JSON syntax error: "
                  + ParserMessages.json(firstLine(String.valueOf(e.getMessage())), null));
    }
  }

  /**
   * Where the innermost object or array open at the parser's position starts ("line 3, column 7"),
   * or null.
   */
  private String openedAt() {
    com.fasterxml.jackson.core.JsonStreamContext ctx =
        parser == null ? null : parser.getParsingContext();
    if (ctx == null || ctx.inRoot()) {
      return null;
    }
    JsonLocation l = ctx.startLocation(com.fasterxml.jackson.core.io.ContentReference.unknown());
    return l == null || l.getLineNr() < 1
        ? null
        : "line " + l.getLineNr() + ", column " + Math.max(1, l.getColumnNr());
  }

  private static String limitMessage(String original) {
    String o = original == null ? "" : original;
    if (o.contains("nesting depth")) {
      return "nested deeper than " + MAX_DEPTH + " levels (limit)";
    }
    if (o.contains("Number value length")) {
      return "a number with more than " + MAX_NUMBER_CHARS + " characters (limit)";
    }
    if (o.contains("String value length")) {
      return "a string longer than " + MAX_STRING_CHARS + " characters (limit)";
    }
    if (o.contains("Name length")) {
      return "a key longer than " + MAX_KEY_CHARS + " characters (limit)";
    }
    if (o.contains("Document length")) {
      return "the file is too large (limit " + MAX_FILE_BYTES + " bytes)";
    }
    return "input exceeds a reading limit: " + firstLine(o);
  }

  private Fatal yamlSyntax(
      com.fasterxml.jackson.dataformat.yaml.snakeyaml.error.MarkedYAMLException e) {
    Throwable cause = e.getCause();
    if (cause instanceof org.yaml.snakeyaml.error.MarkedYAMLException m
        && m.getProblemMark() != null) {
      Mark mark = m.getProblemMark();
      StringBuilder sb = new StringBuilder("YAML syntax error: ");
      if (m.getContext() != null) {
        sb.append(m.getContext());
        Mark cm = m.getContextMark();
        if (cm != null) {
          sb.append(" (from line ")
              .append(cm.getLine() + 1)
              .append(", column ")
              .append(cm.getColumn() + 1)
              .append(')');
        }
        sb.append(": ");
      }
      sb.append(readableYamlProblem(m.getProblem()));
      return new Fatal(
          new Locations.Loc(mark.getLine() + 1, mark.getColumn() + 1), "", sb.toString());
    }
    JsonLocation l = e.getLocation();
    return new Fatal(
        l == null ? here() : new Locations.Loc(l.getLineNr(), Math.max(1, l.getColumnNr())),
        "",
        "YAML syntax error: " + ParserMessages.yaml(firstLine(e.getOriginalMessage())));
  }

  /** SnakeYAML names tokens by their internal symbols; say what they are. */
  private static String readableYamlProblem(String problem) {
    if (problem == null) {
      return "malformed YAML";
    }
    return problem
        .replace("'?'", "a key (check the indentation)")
        .replace("'-'", "a list item '-' (check the indentation)")
        .replace("<block end>", "the end of the block")
        .replace("'<block mapping start>'", "a new mapping (check the indentation)")
        .replace("<block mapping start>", "a new mapping (check the indentation)");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "malformed input";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Strict UTF-8 (a BOM is skipped); an invalid byte is reported at its line and column. */
  static String decode(byte[] bytes) throws Fatal {
    String ascii = plainAscii(bytes);
    return ascii != null ? ascii : decodeUtf8(bytes);
  }

  /**
   * The text of a file of printable ASCII, line breaks and tabs only (what {@code import} writes),
   * else null: such bytes are their own UTF-8 decoding and hold no control character, so one pass
   * over the bytes replaces the decoder, its char buffer and the control-character scan of {@link
   * #decodeUtf8} (about 30 ms of a cold JVM on a 1.3 MB file). Anything else (a BOM, any byte from
   * 0x80 up, a control character) returns null and takes that path, which reports it.
   */
  static String plainAscii(byte[] bytes) {
    for (byte b : bytes) {
      // a byte from 0x80 up is negative
      if (b < 0x20 && (b < 0 || (b != '\n' && b != '\r' && b != '\t'))) {
        return null;
      }
    }
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static String decodeUtf8(byte[] bytes) throws Fatal {
    int start =
        bytes.length >= 3
                && (bytes[0] & 0xff) == 0xEF
                && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF
            ? 3
            : 0;
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    try {
      CharBuffer chars = decoder.decode(in);
      String text = chars.toString();
      int bad = firstControl(text);
      if (bad >= 0) {
        throw new Fatal(
            position(text, bad),
            "",
            String.format(
                "control character U+%04X is not allowed in a scenario file",
                (int) text.charAt(bad)));
      }
      return text;
    } catch (CharacterCodingException e) {
      // Find the first bad byte by decoding prefixes: cheap relative to the file size limit.
      CharsetDecoder probe =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteBuffer b = ByteBuffer.wrap(bytes, start, bytes.length - start);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      probe.decode(b, out, true);
      out.flip();
      String good = out.toString();
      throw new Fatal(
          position(good, good.length()),
          "",
          "the file is not UTF-8 text (invalid byte at offset " + b.position() + ")");
    }
  }

  private static int firstControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') {
        return i;
      }
    }
    return -1;
  }

  private static Locations.Loc position(String text, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index && i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Locations.Loc(line, column);
  }

  /** The next token; a reading limit is reported where the parser stands (before it is closed). */
  private JsonToken next() throws IOException, Fatal {
    try {
      return parser.nextToken();
    } catch (StreamConstraintsException e) {
      JsonLocation l = parser.currentTokenLocation();
      Locations.Loc at =
          l != null && l.getLineNr() > 0
              ? new Locations.Loc(l.getLineNr(), Math.max(1, l.getColumnNr()))
              : here();
      throw new Fatal(at, "", limitMessage(e.getOriginalMessage()));
    }
  }

  private Locations.Loc tokenLoc() {
    JsonLocation l = parser.currentTokenLocation();
    return new Locations.Loc(Math.max(1, l.getLineNr()), Math.max(1, l.getColumnNr()));
  }

  private Locations.Loc here() {
    if (parser == null) {
      return Locations.Loc.START;
    }
    JsonLocation l = parser.currentLocation();
    return l.getLineNr() > 0
        ? new Locations.Loc(l.getLineNr(), Math.max(1, l.getColumnNr()))
        : Locations.Loc.START;
  }

  private void count(String path, int n) throws Fatal {
    values += n;
    if (values > MAX_VALUES) {
      throw new Fatal(
          tokenLoc(), path, "the document has more than " + MAX_VALUES + " values (limit)");
    }
  }

  private JsonNode readValue(String path, JsonToken token) throws IOException, Fatal {
    return readValue(path, token, null);
  }

  /**
   * Reads the value that starts with {@code token}; {@code keyLoc} is its key's location, if any.
   */
  private JsonNode readValue(String path, JsonToken token, Locations.Loc keyLoc)
      throws IOException, Fatal {
    Locations.Loc loc = tokenLoc();
    // a value written as nothing ('key:') or as null ('key: ~') has no text to point at: problems
    // with it are located at its key, and both read as null (YAML 1.2's core schema; Jackson reads
    // nothing as ''), so both spellings give the same message at the same place, whatever the key
    boolean empty = leftEmpty(token);
    locations.firstSeen(path, keyLoc, keyLoc != null && empty ? keyLoc : loc);
    count(path, 1);
    String anchor = yaml ? ((YAMLParser) parser).getCurrentAnchor() : null;
    JsonNode node;
    switch (empty ? JsonToken.VALUE_NULL : token) {
      case START_OBJECT -> node = readObject(path);
      case START_ARRAY -> node = readArray(path);
      case VALUE_STRING -> {
        if (yaml && ((YAMLParser) parser).isCurrentAlias()) {
          node = expandAlias(parser.getText(), path, loc);
          anchor = null;
        } else if (yaml && isYaml12Octal(parser.getText()) && plainScalar()) {
          node = yaml12Integer(parser.getText()); // YAML 1.2's 0o17; YAML 1.1 has no such form
        } else {
          node = NODES.textNode(checkedText(path));
        }
      }
      case VALUE_NUMBER_INT -> node = readInteger(path);
      case VALUE_NUMBER_FLOAT -> node = readFloat(path);
      case VALUE_TRUE, VALUE_FALSE -> {
        String text = parser.getText();
        if (!yaml || YAML_BOOLEANS.contains(text)) {
          node = NODES.booleanNode(token == JsonToken.VALUE_TRUE);
        } else {
          node = NODES.textNode(text); // YAML 1.1's yes/no/on/off are strings in YAML 1.2
        }
      }
      case VALUE_NULL -> node = NODES.nullNode();
      default -> node = NODES.textNode(checkedText(path));
    }
    if (anchor != null) {
      anchors.put(anchor, new Anchored(node, path));
    }
    return node;
  }

  /**
   * Whether the current value is null ({@code ~}, {@code null}) or an empty plain scalar (nothing
   * after the key); an empty quoted string ({@code ''}) is written text and does not count.
   */
  private boolean leftEmpty(JsonToken token) throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return true;
    }
    if (token != JsonToken.VALUE_STRING || !yaml || !parser.getText().isEmpty()) {
      return false;
    }
    long at = parser.currentTokenLocation().getCharOffset();
    if (source == null || at < 0 || at >= source.length()) {
      return source != null;
    }
    char c = source.charAt((int) at);
    return c != '\'' && c != '"';
  }

  /** YAML 1.2's core-schema octal integer: {@code 0o[0-7]+}. */
  static boolean isYaml12Octal(String text) {
    return text.length() > 2 && text.startsWith("0o") && allDigits(text, 2, 8);
  }

  /** Whether the current scalar is written plain (not quoted, not tagged: '0o17' stays text). */
  private boolean plainScalar() {
    long at = parser.currentTokenLocation().getCharOffset();
    return source != null && at >= 0 && at < source.length() && source.startsWith("0o", (int) at);
  }

  private String checkedText(String path) throws IOException, Fatal {
    String text = parser.getText();
    if (text.length() > MAX_STRING_CHARS) {
      throw new Fatal(
          tokenLoc(), path, "a string longer than " + MAX_STRING_CHARS + " characters (limit)");
    }
    return text;
  }

  private JsonNode readInteger(String path) throws IOException, Fatal {
    String text = parser.getText();
    if (text.length() > MAX_NUMBER_CHARS) {
      throw new Fatal(
          tokenLoc(), path, "a number with more than " + MAX_NUMBER_CHARS + " characters (limit)");
    }
    if (yaml) {
      return yaml12Integer(text);
    }
    try {
      return switch (parser.getNumberType()) {
        case INT -> NODES.numberNode(parser.getIntValue());
        case LONG -> NODES.numberNode(parser.getLongValue());
        default -> NODES.numberNode(parser.getBigIntegerValue());
      };
    } catch (JsonProcessingException | NumberFormatException e) {
      return NODES.textNode(text);
    }
  }

  private JsonNode readFloat(String path) throws IOException, Fatal {
    String text = parser.getText();
    if (text.length() > MAX_NUMBER_CHARS) {
      throw new Fatal(
          tokenLoc(), path, "a number with more than " + MAX_NUMBER_CHARS + " characters (limit)");
    }
    if (yaml && !isYaml12Float(text)) {
      return NODES.textNode(text); // e.g. YAML 1.1's 1_000.5 or 1:30.5
    }
    try {
      return InfiniteNumberNode.of(parser.getDoubleValue()); // 1e400: Infinity, which checks reject
    } catch (JsonProcessingException | NumberFormatException e) {
      // e.g. YAML's .inf and .nan: not numbers a scenario can use; the schema reports the string
      return NODES.textNode(text);
    }
  }

  /**
   * A plain scalar the YAML parser (which resolves YAML 1.1) calls an integer, read by YAML 1.2's
   * core schema: {@code [-+]?[0-9]+} in decimal, {@code 0x[0-9a-fA-F]+} in hexadecimal, {@code
   * 0o[0-7]+} in octal; anything else (YAML 1.1's {@code 1_000}, {@code 0b101}, {@code 1:30}) is a
   * string.
   */
  static JsonNode yaml12Integer(String text) {
    BigInteger v;
    int sign = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
    if (text.length() > sign && allDigits(text, sign, 10)) {
      if (text.length() - sign <= 18) {
        long small = Long.parseLong(text); // leading zeros and a '+' are fine
        return small == (int) small ? NODES.numberNode((int) small) : NODES.numberNode(small);
      }
      v = new BigInteger(text.startsWith("+") ? text.substring(1) : text);
    } else if (text.length() > 2 && text.startsWith("0x") && allDigits(text, 2, 16)) {
      v = new BigInteger(text.substring(2), 16);
    } else if (text.length() > 2 && text.startsWith("0o") && allDigits(text, 2, 8)) {
      v = new BigInteger(text.substring(2), 8);
    } else {
      return NODES.textNode(text);
    }
    if (v.bitLength() < 32) {
      return NODES.numberNode(v.intValue());
    }
    return v.bitLength() < 64 ? NODES.numberNode(v.longValue()) : NODES.numberNode(v);
  }

  /** YAML 1.2's core schema float: {@code [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?}. */
  static boolean isYaml12Float(String text) {
    int i = 0;
    int n = text.length();
    if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
      i++;
    }
    int intStart = i;
    while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    boolean intDigits = i > intStart;
    boolean fractionDigits = false;
    if (i < n && text.charAt(i) == '.') {
      i++;
      int fractionStart = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      fractionDigits = i > fractionStart;
    }
    if (!intDigits && !fractionDigits) {
      return false;
    }
    if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
      i++;
      if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
        i++;
      }
      int expStart = i;
      while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
        i++;
      }
      if (i == expStart) {
        return false;
      }
    }
    return i == n;
  }

  /** Whether {@code text} from {@code from} on holds only ASCII digits of {@code radix}. */
  private static boolean allDigits(String text, int from, int radix) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c > 'z' || Character.digit(c, radix) < 0) {
        return false;
      }
    }
    return true;
  }

  private ObjectNode readObject(String path) throws IOException, Fatal {
    ObjectNode obj = NODES.objectNode();
    Set<String> merged = null; // keys that came from a merge key '<<' (rare): created on first use
    while (true) {
      JsonToken t = next();
      if (t == JsonToken.END_OBJECT || t == null) {
        return obj;
      }
      String name = parser.currentName();
      Locations.Loc keyLoc = tokenLoc();
      JsonToken valueToken = next();
      if (yaml && "<<".equals(name)) {
        JsonNode value = readValue(Paths.field(path, "<<"), valueToken);
        if (merged == null) {
          merged = new HashSet<>();
        }
        merge(obj, merged, value, path, keyLoc);
        continue;
      }
      String child = Paths.field(path, name);
      boolean fromMerge = merged != null && merged.remove(name);
      if (obj.has(name) && !fromMerge) {
        Locations.Loc first = locations.keyAt(child);
        issues.addAt(
            child,
            "duplicate key '"
                + name
                + "'"
                + (first == null ? "" : " (first at line " + first.line() + ")")
                + "; the later value is ignored",
            keyLoc);
        readValue(child + "\u0000duplicate", valueToken);
        continue;
      }
      obj.set(name, readValue(child, valueToken, keyLoc));
    }
  }

  private void merge(
      ObjectNode obj, Set<String> merged, JsonNode value, String path, Locations.Loc at)
      throws Fatal {
    if (value.isArray()) {
      for (JsonNode v : value) {
        merge(obj, merged, v, path, at);
      }
      return;
    }
    if (!value.isObject()) {
      throw new Fatal(
          at, Paths.field(path, "<<"), "a merge key '<<' needs a mapping or a list of mappings");
    }
    Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> f = fields.next();
      if (!obj.has(f.getKey())) {
        obj.set(f.getKey(), f.getValue());
        merged.add(f.getKey());
        locations.key(Paths.field(path, f.getKey()), at);
        locations.value(Paths.field(path, f.getKey()), at);
      }
    }
  }

  private ArrayNode readArray(String path) throws IOException, Fatal {
    ArrayNode array = NODES.arrayNode();
    int i = 0;
    while (true) {
      JsonToken t = next();
      if (t == JsonToken.END_ARRAY || t == null) {
        return array;
      }
      if (i >= MAX_ELEMENTS && (path.equals("nodes") || path.equals("links"))) {
        throw new Fatal(
            locations.locate(path, true),
            path,
            "more than "
                + MAX_ELEMENTS
                + " "
                + path
                + " (limit); split the network into several scenarios");
      }
      array.add(readValue(Paths.index(path, i), t));
      i++;
    }
  }

  /** A deep copy of the anchored value; its locations are those of the anchored text. */
  private JsonNode expandAlias(String name, String path, Locations.Loc at) throws Fatal {
    Anchored a = anchors.get(name);
    if (a == null) {
      throw new Fatal(
          at, path, "alias '*" + name + "' refers to no earlier anchor '&" + name + "'");
    }
    int size = size(a.node(), MAX_ALIAS_VALUES + 1);
    aliasValues += size;
    if (aliasValues > MAX_ALIAS_VALUES) {
      throw new Fatal(
          at,
          path,
          "aliases expand to more than "
              + MAX_ALIAS_VALUES
              + " values (limit; anchors and aliases must not multiply the document)");
    }
    count(path, size);
    copyLocations(a.node(), a.path(), path);
    return a.node().deepCopy();
  }

  private static int size(JsonNode node, int cap) {
    int n = 1;
    if (node.isContainerNode()) {
      for (JsonNode child : node) {
        n += size(child, cap);
        if (n > cap) {
          return n;
        }
      }
    }
    return n;
  }

  private void copyLocations(JsonNode node, String from, String to) {
    Locations.Loc v = locations.valueAt(from);
    if (v != null) {
      locations.value(to, v);
    }
    if (node.isObject()) {
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String n = names.next();
        Locations.Loc k = locations.keyAt(Paths.field(from, n));
        if (k != null) {
          locations.key(Paths.field(to, n), k);
        }
        copyLocations(node.get(n), Paths.field(from, n), Paths.field(to, n));
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        copyLocations(node.get(i), Paths.index(from, i), Paths.index(to, i));
      }
    }
  }
}
