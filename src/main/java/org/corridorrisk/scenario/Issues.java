package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects the problems of one document by path, then locates, de-duplicates and sorts them.
 *
 * <p>Checks run in stages (reader, schema, element rules, scenario rules); a later stage's
 * complaint about a path that an earlier stage already reported at, or inside, is a follow-on of
 * the same fault and is dropped ({@link #addFollowOn}).
 */
final class Issues {
  /** One problem before it is located. {@code at} overrides the location lookup when set. */
  record Issue(String path, String message, boolean atKey, Locations.Loc at) {}

  private final List<Issue> issues = new ArrayList<>();
  private final List<Issue> warnings = new ArrayList<>();

  /**
   * A warning: the file is valid, but something in it probably does not do what the author meant
   * ({@code validate} prints it and still exits 0). {@code message} starts with {@code "warning:
   * "}.
   */
  void warn(String path, String message, boolean atKey) {
    warnings.add(new Issue(path, message, atKey, null));
  }

  /** The warnings, before they are located. */
  List<Issue> warnings() {
    return List.copyOf(warnings);
  }

  /** The warnings, located like problems. */
  List<Problem> toWarnings(Path file, Locations locations, JsonNode root) {
    List<Problem> out = new ArrayList<>();
    for (Issue i : warnings) {
      Locations.Loc loc =
          locations == null ? Locations.Loc.START : locations.locate(i.path(), i.atKey());
      out.add(
          new Problem(
              file,
              loc.line(),
              loc.column(),
              i.path(),
              Paths.messageNamingOwners(i.message(), i.path(), root)));
    }
    return out;
  }

  /** A problem whose location is the key (atKey) or the value at {@code path}. */
  void add(String path, String message, boolean atKey) {
    issues.add(new Issue(path, message, atKey, null));
  }

  /** A problem at an explicit location (syntax errors, limits). */
  void addAt(String path, String message, Locations.Loc at) {
    issues.add(new Issue(path, message, false, at));
  }

  /**
   * Adds a problem unless one is already reported at {@code path} or at an enclosing path.
   *
   * @return whether it was added
   */
  boolean addFollowOn(String path, String message, boolean atKey) {
    if (coveredAt(path)) {
      return false;
    }
    add(path, message, atKey);
    return true;
  }

  /** Whether a problem is already reported at {@code path} or at a path enclosing it. */
  boolean coveredAt(String path) {
    for (Issue i : issues) {
      if (Paths.within(path, i.path()) && !i.path().isEmpty()) {
        return true;
      }
    }
    return false;
  }

  boolean isEmpty() {
    return issues.isEmpty();
  }

  List<Issue> all() {
    return List.copyOf(issues);
  }

  void addAll(List<Issue> more) {
    issues.addAll(more);
  }

  private static final java.util.regex.Pattern FIRST_USED =
      java.util.regex.Pattern.compile("\\(first used at ([A-Za-z_.\\[\\]0-9]+)\\)");

  /** "(first used at nodes[0])" -> "(first used at line 7, nodes[0])". */
  private static String withLines(String message, Locations locations) {
    java.util.regex.Matcher m = FIRST_USED.matcher(message);
    if (!m.find() || locations == null) {
      return message;
    }
    Locations.Loc at = locations.locate(m.group(1), false);
    return message.substring(0, m.start())
        + "(first used at line "
        + at.line()
        + ", "
        + m.group(1)
        + ")"
        + message.substring(m.end());
  }

  /** Located problems, sorted by line, column, path, message, without exact repeats. */
  List<Problem> toProblems(Path file, Locations locations) {
    return toProblems(file, locations, null);
  }

  /**
   * As above; with the document's {@code root}, each message ends by naming the elements with an id
   * along its path ({@code nodes[6].supply: must be >= 0, was -5 (node 'incukalns-ugs')}, {@link
   * Paths#messageNamingOwners}); the path stays as the contract writes it.
   */
  List<Problem> toProblems(Path file, Locations locations, JsonNode root) {
    Set<Problem> out = new LinkedHashSet<>();
    for (Issue i : issues) {
      Locations.Loc loc =
          i.at() != null
              ? i.at()
              : locations == null ? Locations.Loc.START : locations.locate(i.path(), i.atKey());
      out.add(
          new Problem(
              file,
              loc.line(),
              loc.column(),
              i.path(),
              Paths.messageNamingOwners(withLines(i.message(), locations), i.path(), root)));
    }
    List<Problem> sorted = new ArrayList<>(out);
    sorted.sort(
        Comparator.comparingInt(Problem::line)
            .thenComparingInt(Problem::column)
            .thenComparing(Problem::path)
            .thenComparing(Problem::message));
    return sorted;
  }
}
