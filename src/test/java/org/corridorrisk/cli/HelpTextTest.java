package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command has --help that exits 0 and prints clean text. Pins a defect where an unescaped '%'
 * in an option description made picocli print format warnings on every run.
 */
class HelpTextTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "validate",
        "describe",
        "run",
        "compare",
        "criticality",
        "exercise",
        "import",
        "bench"
      })
  void help_everyCommand_exitsZeroWithoutWarnings(String command) {
    PrintStream oldErr = System.err;
    ByteArrayOutputStream rawErr = new ByteArrayOutputStream();
    Cli cli;
    try {
      System.setErr(new PrintStream(rawErr, true, StandardCharsets.UTF_8));
      cli = Cli.run(command, "--help");
    } finally {
      System.setErr(oldErr);
    }
    assertEquals(0, cli.code());
    assertTrue(cli.out().contains("Usage: corridor-risk " + command), cli.out());
    String warnings = cli.err() + rawErr.toString(StandardCharsets.UTF_8);
    assertFalse(warnings.contains("WARN"), warnings);
    assertFalse(cli.out().contains("%n"), cli.out());
  }

  /** The commands the contract gives --quiet describe it as what it does: output paths only. */
  @ParameterizedTest
  @ValueSource(strings = {"run", "compare", "criticality", "exercise"})
  void help_quietCommands_describeQuiet(String command) {
    Cli cli = Cli.run(command, "--help");
    assertEquals(0, cli.code());
    // picocli wraps descriptions: compare with the line breaks and indentation folded away
    String help = cli.out().replaceAll("\\s+", " ");
    assertTrue(help.contains("--quiet"), help);
    assertTrue(help.contains("print only where the outputs went"), help);
  }

  /**
   * The top-level command list shows each command's first description line: every one is a whole
   * sentence, not a line cut off mid-sentence.
   */
  @org.junit.jupiter.api.Test
  void topLevelHelp_summariesAreWholeSentences() {
    StringWriter out = new StringWriter();
    assertEquals(
        0, Main.execute(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(out)));
    String text = out.toString();
    String commands = text.substring(text.indexOf("Commands:"));
    // join each command's wrapped continuation lines onto its first line
    String joined = commands.replaceAll("\\R {10,}", " ");
    for (String line : joined.split("\\R")) {
      if (line.startsWith("  ") && !line.isBlank()) {
        String summary = line.strip();
        assertTrue(summary.endsWith("."), "summary cut off: " + summary);
      }
    }
    assertTrue(
        joined.contains("exercise     Replays one trial of the study as a day-by-day"), joined);
    assertTrue(
        joined.contains("bench        Runs the built-in benchmark suite and prints"), joined);
  }
}
