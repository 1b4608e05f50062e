package org.corridorrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code validate FILE...}: checks every file completely; prints each problem on stderr as {@code
 * FILE:LINE:COLUMN: path: message} and {@code FILE: ok (...)} on stdout for good files. Exit 2 when
 * any file has a problem. Warnings ({@code FILE:LINE:COLUMN: path: warning: message}) go to stderr
 * and do not change the exit code.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Checks scenario files against the schema and the model rules; prints every problem.",
    footer = {
      "",
      "Exit codes: 0 all files valid, 2 a file has a problem (each printed as FILE:LINE:COLUMN: path: message)."
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Scenario files (.yaml, .yml or .json).")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    boolean bad = false;
    for (Path file : files) {
      try {
        LoadedScenario s = ScenarioLoader.load(file);
        for (Problem w : s.warnings()) {
          err.println(w.format());
        }
        out.println(
            file
                + ": ok ("
                + count(s.baseline().nodes().size(), "node")
                + ", "
                + count(s.baseline().links().size(), "link")
                + ", "
                + count(s.baseline().threats().size(), "threat")
                + ", "
                + count(s.baseline().mitigations().size(), "mitigation")
                + ")");
      } catch (ScenarioException e) {
        bad = true;
        for (Problem p : e.problems()) {
          err.println(p.format());
        }
      }
    }
    out.flush();
    err.flush();
    return bad ? Failures.USER_INPUT : Failures.OK;
  }

  /** {@code n} and the word, plural unless {@code n} is 1 ("1 link", "0 mitigations"). */
  private static String count(int n, String word) {
    return n + " " + NumberText.plural(n, word);
  }
}
