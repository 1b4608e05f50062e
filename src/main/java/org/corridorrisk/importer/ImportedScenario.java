package org.corridorrisk.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.List;

/**
 * An imported scenario document ({@code corridor-risk/v1}) with the header comment that says where
 * it came from, its licence and the defaults used, and the warnings found while importing.
 *
 * @param document the scenario as a Jackson tree, keys as in the scenario format
 * @param header comment lines (without the leading {@code #}) written above the document
 * @param warnings things the user should check (also written into the header)
 */
public record ImportedScenario(ObjectNode document, List<String> header, List<String> warnings) {

  private static final YAMLMapper YAML =
      YAMLMapper.builder()
          .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
          .disable(YAMLGenerator.Feature.SPLIT_LINES)
          .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
          .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
          .build();

  public ImportedScenario {
    header = List.copyOf(header);
    warnings = List.copyOf(warnings);
  }

  /** Number of nodes in the document. */
  public int nodeCount() {
    return document.path("nodes").size();
  }

  /** Number of links in the document. */
  public int linkCount() {
    return document.path("links").size();
  }

  /** The YAML text: header comment, then the document. */
  public String toYaml() {
    StringBuilder sb = new StringBuilder();
    for (String line : header) {
      sb.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    if (!warnings.isEmpty()) {
      sb.append("#\n# Warnings:\n");
      for (String w : warnings) {
        sb.append("#   - ").append(w).append('\n');
      }
    }
    sb.append('\n');
    try {
      sb.append(YAML.writeValueAsString(document));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a Jackson tree as YAML", e);
    }
    return sb.toString();
  }

  /**
   * Writes the YAML to {@code out}. Never replaces an existing file unless {@code force}.
   *
   * @throws FileAlreadyExistsException when {@code out} exists and {@code force} is false
   * @throws IOException when the file cannot be written
   */
  public void write(Path out, boolean force) throws IOException {
    if (!force && Files.exists(out)) {
      throw new FileAlreadyExistsException(
          out.toString(),
          null,
          "already exists; choose another --out or add --force to overwrite it");
    }
    Path dir = out.toAbsolutePath().getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = newTemporaryFile(dir);
    try {
      Files.writeString(tmp, toYaml(), StandardCharsets.UTF_8);
      if (force) {
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } else {
        Files.move(tmp, out);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /**
   * A new empty file beside the output, to be moved over it once written. Created like any other
   * output file, so it gets the permissions the user's umask allows (e.g. 0644); {@link
   * Files#createTempFile} would make it 0600, and the move keeps that.
   */
  private static Path newTemporaryFile(Path dir) throws IOException {
    for (int attempt = 0; ; attempt++) {
      Path tmp =
          dir.resolve(".import-" + Long.toUnsignedString(RANDOM.nextLong(), 36) + ".yaml.tmp");
      try {
        Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return tmp;
      } catch (FileAlreadyExistsException e) {
        if (attempt >= 100) {
          throw e;
        }
      }
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
}
