package org.corridorrisk.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.corridorrisk.importer.ImportFormat;
import org.corridorrisk.importer.ImportOptions;
import org.corridorrisk.importer.ImportedScenario;
import org.corridorrisk.importer.ScenarioImporter;
import org.corridorrisk.scenario.ScenarioException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import FILE [--format F] --out SCENARIO}: a public network file as a scenario
 * (docs/import.md).
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Turns a public network file into a scenario (YAML) that validates and runs.",
      "GasLib .zip/.net (+ .scn nomination), MatrixMarket .mtx, GraphML .graphml/.xml.",
      "Topology-only formats get documented defaults and a generated threat: edit them."
    })
final class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The network file to import.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "gaslib | matrix-market | graphml (default: from the file name).")
  String format;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "SCENARIO",
      description = "The scenario file to write (.yaml).")
  Path out;

  @Option(names = "--force", description = "Overwrite SCENARIO if it exists.")
  boolean force;

  @Option(names = "--name", description = "Scenario name (default: the file name).")
  String name;

  @Option(
      names = "--horizon-days",
      paramLabel = "DAYS",
      description = "Horizon (default 90 for GasLib, 1 otherwise).")
  Integer horizonDays;

  @Option(
      names = "--sources",
      paramLabel = "K",
      description =
          "Topology formats: number of highest-degree nodes made sources (default round(N/20)).")
  Integer sources;

  @Option(
      names = "--demand",
      paramLabel = "D",
      description = "Topology formats: demand per non-source node (default 1.0).")
  Double demand;

  @Option(
      names = "--capacity",
      paramLabel = "C",
      description =
          "Topology formats: capacity of every link (default 10 x total demand / sources).")
  Double capacity;

  @Option(
      names = "--failure-probability",
      paramLabel = "P",
      description = "Topology formats: probability each link fails on day 0 (default 0.05).")
  Double failureProbability;

  @Option(
      names = "--commodity",
      paramLabel = "ID",
      description = "Commodity id (default gas for GasLib, power otherwise).")
  String commodity;

  @Option(
      names = "--link-kind",
      paramLabel = "KIND",
      description = "Topology formats: link kind (default power-line).")
  String linkKind;

  @Option(
      names = "--voll",
      paramLabel = "V",
      description =
          "Value of lost load per unit for every sink (default 250000 USD/mcm for GasLib, 1.0 otherwise).")
  Double voll;

  @Override
  public Integer call() throws IOException, ScenarioException {
    ImportFormat f = null;
    if (format != null) {
      f = ImportFormat.fromOptionName(format);
      if (f == null) {
        throw new UserInputException(
            "--format must be gaslib, matrix-market or graphml, was '" + format + "'");
      }
    }
    ImportOptions options;
    try {
      options =
          new ImportOptions(
              name,
              horizonDays,
              sources,
              demand,
              capacity,
              failureProbability,
              commodity,
              linkKind,
              voll);
      options.requireApplicableTo(f != null ? f : ImportFormat.guess(file));
    } catch (IllegalArgumentException e) {
      throw new UserInputException(e.getMessage());
    }
    if (Files.isDirectory(file)) {
      throw new UserInputException(
          file + ": is a directory, not a network file; give the file to import");
    }
    refuseJsonOut();
    out = OutputDirectory.reachable(out);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      OutputDirectory.refuseFileInPath(out, "--out " + out);
      OutputDirectory.createFolder(parent, "--out " + out);
    }
    if (Files.exists(out) && Files.exists(file) && Files.isSameFile(out, file)) {
      throw new UserInputException("--out " + out + " is the input file; choose another name");
    }
    if (Files.isDirectory(out)) {
      throw new UserInputException(
          "--out "
              + out
              + " is a directory; give the scenario file to write, e.g. --out "
              + out.resolve("network.yaml"));
    }
    if (!force && Files.exists(out)) {
      throw new UserInputException(
          out + " already exists; choose another --out or add --force to overwrite it");
    }
    ImportedScenario imported = ScenarioImporter.importFile(file, f, options);
    try {
      imported.write(out, force);
    } catch (FileAlreadyExistsException e) {
      throw new UserInputException(
          out + " already exists; choose another --out or add --force to overwrite it");
    } catch (IOException e) {
      // the file system's message would name the temporary file written beside the output
      throw new UserInputException(
          "--out " + out + ": cannot write the file (" + reason(e) + "); choose another --out");
    }
    PrintWriter err = spec.commandLine().getErr();
    for (String w : imported.warnings()) {
      err.println("corridor-risk: warning: " + w);
    }
    int threats = imported.document().path("threats").size();
    spec.commandLine()
        .getOut()
        .printf(
            "Wrote %s: %d nodes, %d links, %d %s (defaults in its header comment;"
                + " edit the threats before drawing conclusions).%n",
            out,
            imported.nodeCount(),
            imported.linkCount(),
            threats,
            threats == 1 ? "threat" : "threats");
    return Failures.OK;
  }

  /** Why writing failed, in words and without the temporary file's name. */
  private static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "the folder does not accept new files";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason().toLowerCase(Locale.ROOT);
    }
    return e.getClass().getSimpleName();
  }

  /**
   * The scenario is written as YAML with a header comment, which a {@code .json} file cannot hold
   * (and {@code validate} reads {@code .json} files as JSON).
   */
  private void refuseJsonOut() {
    Path fileName = out.getFileName();
    if (fileName != null && fileName.toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
      throw new UserInputException(
          "--out "
              + out
              + ": import writes YAML (with a header comment), not JSON; give a .yaml file name,"
              + " e.g. --out "
              + out.resolveSibling(
                  fileName.toString().substring(0, fileName.toString().length() - 5) + ".yaml"));
    }
  }
}
