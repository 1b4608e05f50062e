package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@link Main#commandLine} registers only the command a process runs when the first argument names
 * it, and every command otherwise; either way the commands are the annotated ones under their own
 * names.
 */
class LazySubcommandsTest {

  @Test
  void subcommands_carryTheNamesOfTheirAnnotations() {
    for (Map.Entry<String, Class<?>> e : Main.SUBCOMMANDS.entrySet()) {
      Command c = e.getValue().getAnnotation(Command.class);
      assertEquals(e.getKey(), c.name(), e.getValue().getName());
    }
  }

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
  void namedCommand_isTheOnlyOneRegistered(String command) {
    CommandLine cl = Main.commandLine(new String[] {command, "x.yaml"});
    assertEquals(List.of(command), List.copyOf(cl.getSubcommands().keySet()));
    assertEquals(
        Main.SUBCOMMANDS.get(command), cl.getSubcommands().get(command).getCommand().getClass());
  }

  @ParameterizedTest
  @ValueSource(strings = {"help", "--debug", "--help", "rn", "Run", ""})
  void otherwise_everyCommandIsRegisteredInUsageOrder(String first) {
    String[] args = first.isEmpty() ? new String[0] : new String[] {first, "run"};
    CommandLine cl = Main.commandLine(args);
    assertEquals(List.copyOf(Main.SUBCOMMANDS.keySet()), List.copyOf(cl.getSubcommands().keySet()));
  }

  @Test
  void mistypedCommand_stillSuggestsTheClosestOfAll() {
    Cli cli = Cli.run("crticality", "x.yaml");
    assertEquals(Failures.USER_INPUT, cli.code());
    assertTrue(cli.err().contains("did you mean 'corridor-risk criticality'?"), cli.err());
    assertTrue(
        cli.err()
            .contains(
                "Commands: validate, describe, run, compare, criticality, exercise, import, bench,"
                    + " help."),
        cli.err());
  }

  @Test
  void usageHelp_listsEveryCommand() {
    Cli cli = Cli.run("--help");
    assertEquals(0, cli.code());
    for (String name : Main.SUBCOMMANDS.keySet()) {
      assertTrue(cli.out().contains("\n  " + name + " "), name + " in\n" + cli.out());
    }
  }
}
