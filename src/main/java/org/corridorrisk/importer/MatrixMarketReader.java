package org.corridorrisk.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioLimits;

/**
 * Reads a MatrixMarket coordinate file as an undirected graph: entry (i, j) is a line between nodes
 * {@code n<i>} and {@code n<j>} (1-based). Values, if any, are ignored (topology only); symmetric
 * and general files are read the same way, (i, j) and (j, i) being one line.
 *
 * <p>The size line ({@code rows cols entries}) after the comments is optional: the first data line
 * is taken as the size line when it has three integers and either the field is {@code pattern}
 * (entries have two numbers) or the number of following data lines equals its third number. Without
 * a size line, the node count is the largest id seen.
 */
final class MatrixMarketReader {
  private static final Set<String> FIELDS =
      Set.of("pattern", "real", "integer", "complex", "double");
  private static final Set<String> SYMMETRIES =
      Set.of("general", "symmetric", "skew-symmetric", "hermitian");
  private static final int MAX_PROBLEMS = 20;

  private final List<Problem> problems;

  /** Comment lines after the banner, for the scenario header (they often name the source). */
  private final List<String> comments = new ArrayList<>();

  private boolean sizeLinePresent;

  MatrixMarketReader(List<Problem> problems) {
    this.problems = problems;
  }

  List<String> comments() {
    return comments;
  }

  boolean sizeLinePresent() {
    return sizeLinePresent;
  }

  Topology read(Path file) throws IOException {
    List<String> lines = readText(file);
    if (lines == null) {
      return null;
    }
    int i = 0;
    String field = "pattern";
    boolean hasBanner = false;
    if (!lines.isEmpty() && lines.get(0).startsWith("%%")) {
      String[] banner = lines.get(0).trim().toLowerCase(Locale.ROOT).split("\\s+");
      if (banner.length < 5 || !banner[0].equals("%%matrixmarket") || !banner[1].equals("matrix")) {
        problem(
            file,
            1,
            1,
            "expected '%%MatrixMarket matrix coordinate FIELD SYMMETRY', was '"
                + lines.get(0).trim()
                + "'");
        return null;
      }
      if (!banner[2].equals("coordinate")) {
        problem(
            file,
            1,
            1,
            "only coordinate (sparse) MatrixMarket files are networks; this one is '"
                + banner[2]
                + "'");
        return null;
      }
      field = banner[3];
      if (!FIELDS.contains(field)) {
        problem(file, 1, 1, "field must be one of " + FIELDS + ", was '" + field + "'");
        return null;
      }
      if (!SYMMETRIES.contains(banner[4])) {
        problem(file, 1, 1, "symmetry must be one of " + SYMMETRIES + ", was '" + banner[4] + "'");
        return null;
      }
      i = 1;
      hasBanner = true;
    }
    // data lines: 1-based line numbers of non-comment, non-blank lines
    int[] dataLines = new int[lines.size()];
    int dataCount = 0;
    for (int k = i; k < lines.size(); k++) {
      String s = lines.get(k).trim();
      if (s.isEmpty()) {
        continue;
      }
      if (s.startsWith("%")) {
        if (dataCount == 0) {
          String text = s.replaceFirst("^%+", "").trim();
          if (!text.isEmpty()) {
            comments.add(text);
          }
        }
        continue;
      }
      dataLines[dataCount++] = k;
    }
    dataLines = Arrays.copyOf(dataLines, dataCount);
    if (!hasBanner && dataCount > 0 && !allNumbers(lines.get(dataLines[0]))) {
      // without the banner, a first line that is not numbers means another kind of file: one
      // line saying so, not a problem for each of its lines
      String text = lines.get(dataLines[0]).trim();
      problem(
          file,
          dataLines[0] + 1,
          1,
          "not a MatrixMarket file: no '%%MatrixMarket matrix coordinate FIELD SYMMETRY' banner,"
              + " and the first line is not numbers but '"
              + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
              + "'");
      return null;
    }
    int first = 0;
    long declaredRows = -1;
    long declaredEntries = -1;
    if (dataCount > 0) {
      String[] tokens = lines.get(dataLines[0]).trim().split("\\s+");
      if (tokens.length == 3 && allIntegers(tokens)) {
        long entries = parseCapped(tokens[2]);
        if ("pattern".equals(field) || entries == dataCount - 1) {
          sizeLinePresent = true;
          declaredRows = Math.max(parseCapped(tokens[0]), parseCapped(tokens[1]));
          declaredEntries = entries;
          first = 1;
        }
      }
    }
    if (declaredRows > ScenarioLimits.MAX_NODES) {
      problem(
          file,
          dataLines[0] + 1,
          1,
          "the size line declares "
              + declaredRows
              + " rows/columns (nodes); a scenario holds at most "
              + ScenarioLimits.MAX_NODES
              + " nodes");
      return null;
    }
    EdgeList edges = new EdgeList();
    int maxId = 0;
    for (int k = first; k < dataCount && problems.size() < MAX_PROBLEMS; k++) {
      int lineNo = dataLines[k] + 1;
      String[] tokens = lines.get(dataLines[k]).trim().split("\\s+");
      int needed = "pattern".equals(field) ? 2 : "complex".equals(field) ? 4 : 3;
      if (tokens.length < 2) {
        problem(
            file,
            lineNo,
            1,
            "expected two 1-based node ids, was '" + lines.get(dataLines[k]).trim() + "'");
        continue;
      }
      if (tokens.length != needed) {
        problem(
            file,
            lineNo,
            1,
            "expected " + needed + " numbers for a " + field + " entry but found " + tokens.length);
        continue;
      }
      int a = id(file, lineNo, 1, tokens[0], declaredRows);
      int b =
          id(
              file,
              lineNo,
              lines.get(dataLines[k]).indexOf(tokens[1], tokens[0].length()) + 1,
              tokens[1],
              declaredRows);
      if (a < 0 || b < 0) {
        continue;
      }
      maxId = Math.max(maxId, Math.max(a, b));
      edges.add(a - 1, b - 1, null);
    }
    if (declaredEntries >= 0 && declaredEntries != dataCount - 1 && problems.isEmpty()) {
      problem(
          file,
          dataLines[0] + 1,
          1,
          "the size line announces "
              + declaredEntries
              + " entries but the file has "
              + (dataCount - 1));
    }
    if (!problems.isEmpty()) {
      return null;
    }
    int n = sizeLinePresent ? (int) declaredRows : maxId;
    List<String> ids = new ArrayList<>(n);
    for (int v = 1; v <= n; v++) {
      ids.add("n" + v);
    }
    double[] nan = new double[n];
    Arrays.fill(nan, Double.NaN);
    return edges.toTopology(ids, nan, nan.clone());
  }

  /**
   * A 1-based node id, or -1 after adding a located problem. Ids above {@link
   * ScenarioLimits#MAX_NODES} are refused here, before anything is allocated per node.
   */
  private int id(Path file, int line, int column, String token, long declaredRows) {
    if (!token.matches("[+-]?\\d+")) {
      problem(file, line, column, "node id must be a positive integer, was '" + token + "'");
      return -1;
    }
    long v = parseCapped(token);
    if (v < 1) {
      problem(file, line, column, "node id must be >= 1, was " + v);
      return -1;
    }
    if (v > ScenarioLimits.MAX_NODES) {
      problem(
          file,
          line,
          column,
          "node id "
              + token
              + " is too large: a scenario holds at most "
              + ScenarioLimits.MAX_NODES
              + " nodes");
      return -1;
    }
    if (declaredRows >= 0 && v > declaredRows) {
      problem(
          file, line, column, "node id must be <= " + declaredRows + " (the size line), was " + v);
      return -1;
    }
    return (int) v;
  }

  /**
   * An optionally signed integer, saturated at {@link Long#MAX_VALUE} / {@link Long#MIN_VALUE} when
   * it has too many digits (still "too large" for every limit here).
   */
  private static long parseCapped(String token) {
    try {
      return Long.parseLong(token.startsWith("+") ? token.substring(1) : token);
    } catch (NumberFormatException e) {
      return token.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * The file's lines, or {@code null} after adding a problem located at the first byte that is not
   * UTF-8 (a binary file, such as a zip given with {@code --format matrix-market}).
   */
  private List<String> readText(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer text = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, text, true);
    if (result.isError()) {
      int offset = in.position();
      int line = 1;
      int lineStart = 0;
      for (int k = 0; k < offset; k++) {
        if (bytes[k] == '\n') {
          line++;
          lineStart = k + 1;
        }
      }
      problem(
          file,
          line,
          offset - lineStart + 1,
          String.format(
              Locale.ROOT,
              "not a MatrixMarket file: byte 0x%02X is not text (UTF-8); a MatrixMarket file is"
                  + " plain text",
              bytes[offset] & 0xFF));
      return null;
    }
    decoder.flush(text);
    text.flip();
    return text.toString().lines().toList();
  }

  /** Whether every token of the line is a number (integer or decimal, as entries and sizes are). */
  private static boolean allNumbers(String line) {
    for (String t : line.trim().split("\\s+")) {
      if (!t.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
        return false;
      }
    }
    return true;
  }

  private static boolean allIntegers(String[] tokens) {
    for (String t : tokens) {
      if (!t.matches("\\d+")) {
        return false;
      }
    }
    return true;
  }

  /** Adds a located problem of the file (no scenario key: the input is not a scenario yet). */
  private void problem(Path file, int line, int column, String message) {
    problems.add(new Problem(file, line, column, "", message));
  }
}
