package org.corridorrisk.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The output-folder rule shared by every command that writes a folder: nothing the user wrote is
 * ever overwritten. A folder may be written when it is missing, empty, or holds the marker file
 * {@value #MARKER} that corridor-risk leaves in every folder it writes; the marker lists the files
 * corridor-risk wrote there, and only those may be replaced (a {@code compare.json} the user put
 * into a folder {@code run} wrote stays); an output file may never be the scenario file itself.
 */
final class OutputDirectory {
  /** Name of the marker file that says a folder holds corridor-risk outputs. */
  static final String MARKER = ".corridor-risk-output";

  /** The folder under an output folder that {@code --charts} writes into. */
  static final String CHARTS = "charts";

  private OutputDirectory() {}

  /**
   * Checks that {@code dir} may receive {@code outputNames}, creates it when missing and writes the
   * marker.
   *
   * @param scenarioFile the scenario the command read, or {@code null}
   * @return the folder to write into: {@code dir} as {@link #reachable(Path)} resolves it
   * @throws UserInputException when the folder is a file, holds files corridor-risk did not write,
   *     or one of the outputs would replace the scenario file
   */
  static Path prepare(Path dir, Path scenarioFile, String... outputNames) throws IOException {
    return prepare(dir, scenarioFile, Set.of(), outputNames);
  }

  /**
   * As {@link #prepare(Path, Path, String...)}, for a command that also writes its charts into
   * {@code dir/}{@value #CHARTS}{@code /} in {@code chartFormats} (none: no charts). Every check is
   * made before anything is written or run: an output name taken by a directory, a {@value #CHARTS}
   * that is a file, or a chart file name ({@code .svg}, {@code .png} as asked) taken by a directory
   * is refused, since writing would fail after the study or remove what is there.
   *
   * @return the folder to write into: {@code dir} as {@link #reachable(Path)} resolves it
   */
  static Path prepare(
      Path asGiven, Path scenarioFile, Set<String> chartFormats, String... outputNames)
      throws IOException {
    if (asGiven.toString().isBlank()) {
      throw new UserInputException("--out must name a directory, e.g. --out out/study");
    }
    Path dir = reachable(asGiven);
    refuseFileInPath(dir, "--out " + dir);
    if (Files.exists(dir)) {
      if (!Files.isDirectory(dir)) {
        throw new UserInputException(
            "--out " + dir + " is a file, not a directory; choose a directory");
      }
      boolean empty;
      try (Stream<Path> entries = Files.list(dir)) {
        empty = entries.findAny().isEmpty();
      }
      if (!empty && !Files.exists(dir.resolve(MARKER))) {
        throw new UserInputException(
            "refusing to write into "
                + dir
                + ": it is not empty and was not created by "
                + "corridor-risk (no "
                + MARKER
                + " file); choose another --out or empty it");
      }
    }
    Path marker = dir.resolve(MARKER);
    if (Files.exists(marker) && !Files.isRegularFile(marker)) {
      throw new UserInputException(
          "refusing to write into " + dir + ": " + marker + " is not a file; choose another --out");
    }
    Set<String> ours = written(dir);
    for (String name : outputNames) {
      Path target = dir.resolve(name);
      if (Files.isDirectory(target)) {
        throw new UserInputException(
            "refusing to write "
                + name
                + ": "
                + target
                + " is a directory; move it or choose another --out");
      }
      if (scenarioFile != null
          && Files.exists(target)
          && Files.exists(scenarioFile)
          && Files.isSameFile(target, scenarioFile)) {
        throw new UserInputException(
            "refusing to overwrite the scenario file "
                + scenarioFile
                + " with "
                + name
                + "; choose another --out");
      }
      if (Files.exists(target) && !ours.contains(name)) {
        throw notOurs(target);
      }
    }
    refuseTakenChartNames(dir.resolve(CHARTS), chartFormats, ours);
    createFolder(dir, "--out " + dir);
    Set<String> names = new LinkedHashSet<>(ours);
    names.addAll(List.of(outputNames));
    writeMarker(dir, names);
    return dir;
  }

  /**
   * The path that reaches {@code path} once its missing folders are created: a {@code ..} right
   * after a folder that does not exist steps back over that folder's name ({@code ./sub/../r1} is
   * {@code ./r1} when {@code sub} is missing: the operating system would not find {@code sub/..},
   * and {@code sub} is not created), while a {@code ..} after a folder that exists is left to the
   * operating system (after a link it is the parent of the link's target, as everywhere else). A
   * path without {@code ..} is returned as it is.
   */
  static Path reachable(Path path) {
    boolean dotDot = false;
    for (Path name : path) {
      dotDot |= name.toString().equals("..");
    }
    if (!dotDot) {
      return path;
    }
    Path at = path.getRoot();
    for (Path name : path) {
      String n = name.toString();
      if (n.equals(".") && at != null) {
        continue;
      }
      if (n.equals("..")
          && at != null
          && at.getFileName() != null
          && !at.getFileName().toString().equals("..")
          && !at.getFileName().toString().equals(".")
          && !Files.exists(at)) {
        at = at.getParent();
        continue;
      }
      at = at == null ? name : at.resolve(name);
    }
    return at == null ? Path.of(".") : at;
  }

  /** The first line of the marker; the names of the files corridor-risk wrote follow. */
  static final String MARKER_HEADER =
      "This directory holds corridor-risk outputs; corridor-risk may overwrite the files it wrote"
          + " here, listed below.";

  /** Every file name a command writes into its output folder (for markers without a list). */
  private static final List<String> KNOWN_OUTPUTS =
      List.of(
          "summary.json",
          "trials.csv",
          "report.html",
          "compare.json",
          "compare.html",
          "criticality.json",
          "criticality.html",
          "exercise.json",
          "msel.csv",
          "exercise.html");

  /**
   * The files corridor-risk wrote into {@code dir} (names relative to it, {@code charts/x.svg} for
   * a chart), as its marker lists them; empty without a marker or with one that cannot be read. A
   * marker of an earlier version (one sentence, not {@link #MARKER_HEADER}, in several wordings)
   * lists nothing: the outputs any command writes that are there now count as written by
   * corridor-risk (as they did then), and are listed from now on.
   */
  static Set<String> written(Path dir) {
    Path marker = dir.resolve(MARKER);
    Set<String> names = new LinkedHashSet<>();
    if (!Files.isRegularFile(marker)) {
      return names;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(marker, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return names;
    }
    if (lines.isEmpty() || !lines.get(0).equals(MARKER_HEADER)) {
      for (String name : KNOWN_OUTPUTS) {
        if (Files.isRegularFile(dir.resolve(name))) {
          names.add(name);
        }
      }
      Path charts = dir.resolve(CHARTS);
      if (Files.isDirectory(charts)) {
        try (Stream<Path> entries = Files.list(charts)) {
          entries
              .filter(p -> isChartName(p, Set.of("svg", "png")) && Files.isRegularFile(p))
              .map(p -> CHARTS + "/" + p.getFileName())
              .sorted()
              .forEach(names::add);
        } catch (IOException e) {
          // no chart counts as ours
        }
      }
      return names;
    }
    for (String line : lines) {
      if (!line.isBlank() && !line.equals(MARKER_HEADER)) {
        names.add(line);
      }
    }
    return names;
  }

  /** Adds chart files just written into {@code dir/charts/} to the marker's list. */
  static void recordCharts(Path dir, List<Path> chartFiles) throws IOException {
    Set<String> names = written(dir);
    for (Path f : chartFiles) {
      names.add(CHARTS + "/" + f.getFileName());
    }
    writeMarker(dir, names);
  }

  /**
   * Removes the files {@code dir/charts/ID.FORMAT} of the given chart ids and formats that the
   * marker lists as written by corridor-risk (an earlier run's charts that this run does not draw),
   * and takes them off the list; a file the user wrote there stays.
   */
  static void removeCharts(Path dir, List<String> ids, Set<String> formats) throws IOException {
    Set<String> names = written(dir);
    boolean changed = false;
    for (String id : ids) {
      for (String format : formats) {
        String name = CHARTS + "/" + id + "." + format;
        if (names.contains(name)) {
          Path file = dir.resolve(name);
          if (!Files.isDirectory(file)) {
            Files.deleteIfExists(file);
          }
          names.remove(name);
          changed = true;
        }
      }
    }
    if (changed) {
      writeMarker(dir, names);
    }
  }

  private static void writeMarker(Path dir, Set<String> names) throws IOException {
    StringBuilder text = new StringBuilder(MARKER_HEADER).append('\n');
    for (String name : names) {
      text.append(name).append('\n');
    }
    Files.writeString(dir.resolve(MARKER), text, StandardCharsets.UTF_8);
  }

  private static UserInputException notOurs(Path target) {
    return new UserInputException(
        "refusing to overwrite "
            + target
            + ": corridor-risk did not write it (the "
            + MARKER
            + " file does not list it); move it or choose another --out");
  }

  /**
   * Refuses a charts folder that is a file, or that holds a directory named as a chart file of one
   * of the {@code formats}, or such a file corridor-risk did not write (the charts' names are known
   * only after the study, so any such name).
   */
  private static void refuseTakenChartNames(Path charts, Set<String> formats, Set<String> ours)
      throws IOException {
    if (formats.isEmpty() || !Files.exists(charts)) {
      return;
    }
    if (!Files.isDirectory(charts)) {
      throw new UserInputException(
          "refusing to write the charts: "
              + charts
              + " is a file, not a directory; move it or choose another --out");
    }
    try (Stream<Path> entries = Files.list(charts)) {
      for (Path p : (Iterable<Path>) entries.sorted()::iterator) {
        if (isChartName(p, formats) && Files.isDirectory(p)) {
          throw new UserInputException(
              "refusing to write the charts: "
                  + p
                  + " is a directory; move it or choose another --out");
        }
        if (isChartName(p, formats) && !ours.contains(CHARTS + "/" + p.getFileName())) {
          throw notOurs(p);
        }
      }
    }
  }

  /** Whether a file name ends in one of the chart {@code formats} ({@code .svg}, {@code .png}). */
  static boolean isChartName(Path p, Set<String> formats) {
    String name = p.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 && formats.contains(name.substring(dot + 1));
  }

  /**
   * Refuses a folder path that runs through a file ({@code --out notes.txt/sub}): the operating
   * system would only say "Not a directory".
   *
   * @param what how the message names the path, e.g. {@code "--out out/x"}
   */
  static void refuseFileInPath(Path dir, String what) {
    for (Path p = dir.toAbsolutePath().normalize().getParent(); p != null; p = p.getParent()) {
      if (Files.exists(p)) {
        if (!Files.isDirectory(p)) {
          throw new UserInputException(
              what
                  + ": cannot create it because "
                  + p
                  + " is a file, not a folder; choose another --out");
        }
        return;
      }
    }
  }

  /** Creates {@code dir} and its parents, or says in words why it cannot. */
  static void createFolder(Path dir, String what) {
    refuseFileInPath(dir, what);
    try {
      Files.createDirectories(dir);
    } catch (AccessDeniedException e) {
      throw new UserInputException(
          what + ": cannot create the folder: permission denied; choose another --out");
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? "the file system refused it" : e.getReason();
      throw new UserInputException(
          what
              + ": cannot create the folder ("
              + reason.toLowerCase(java.util.Locale.ROOT)
              + "); choose another --out");
    } catch (IOException e) {
      throw new UserInputException(
          what + ": cannot create the folder (" + e.getMessage() + "); choose another --out");
    }
  }

  /**
   * The address of a written file to open in a browser: its real path ({@code ./a/../b} and links
   * resolved), so the link is the one a browser's address bar shows; the absolute normalised path
   * when the real one cannot be read.
   */
  static java.net.URI browserUri(Path file) {
    try {
      return file.toRealPath().toUri();
    } catch (IOException e) {
      return file.toAbsolutePath().normalize().toUri();
    }
  }
}
