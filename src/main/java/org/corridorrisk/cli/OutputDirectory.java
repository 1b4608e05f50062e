package org.corridorrisk.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The output-folder rule shared by every command that writes a folder: nothing the user wrote is
 * ever overwritten. A folder may be written when it is missing, empty, or holds the marker file
 * {@value #MARKER} that corridor-risk leaves in every folder it writes; an output file may never be
 * the scenario file itself.
 */
final class OutputDirectory {
  /** Name of the marker file that says a folder holds corridor-risk outputs. */
  static final String MARKER = ".corridor-risk-output";

  private OutputDirectory() {}

  /**
   * Checks that {@code dir} may receive {@code outputNames}, creates it when missing and writes the
   * marker.
   *
   * @param scenarioFile the scenario the command read, or {@code null}
   * @throws UserInputException when the folder is a file, holds files corridor-risk did not write,
   *     or one of the outputs would replace the scenario file
   */
  static void prepare(Path dir, Path scenarioFile, String... outputNames) throws IOException {
    if (dir.toString().isBlank()) {
      throw new UserInputException("--out must name a directory, e.g. --out out/study");
    }
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
    for (String name : outputNames) {
      Path target = dir.resolve(name);
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
    }
    createFolder(dir, "--out " + dir);
    Path marker = dir.resolve(MARKER);
    if (!Files.exists(marker)) {
      Files.writeString(
          marker,
          "This directory holds corridor-risk outputs; corridor-risk may overwrite "
              + "the files it wrote here.\n");
    }
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
