package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters from a user's file or command line (a terminal's escape sequences, carriage
 * returns, tabs) are echoed as escapes: in the paths and messages of problems, in argument errors
 * and in {@code describe}.
 */
class ControlCharactersEchoTest {
  @TempDir Path tmp;

  private static boolean hasControl(String text) {
    return text.chars().anyMatch(c -> c != '\n' && (c < 0x20 || (c >= 0x7F && c <= 0x9F)));
  }

  private static final String HEAD =
      String.join(
          "\n",
          "format: corridor-risk/v1",
          "name: ctl",
          "horizon_days: 30",
          "commodities:",
          "  - {id: gas, unit: \"mc\\e[1mm\"}",
          "");

  @Test
  void anIdWithControlCharacters_isEscapedInThePathAndTheMessage() throws Exception {
    Path f = tmp.resolve("bad.yaml");
    Files.writeString(
        f,
        HEAD
            + String.join(
                "\n",
                "nodes:",
                "  - {id: src, kind: source, commodity: gas, supply: 10}",
                "  - {id: \"ci\\e[31mty\\rx\", kind: sink, commodity: gas, demand: 5}",
                "links:",
                "  - {id: line, from: src, to: \"ci\\e[31mty\\rx\", commodity: gas, capacity: 10}",
                ""));
    Cli cli = Cli.run("validate", f.toString());
    assertEquals(2, cli.code());
    assertFalse(hasControl(cli.err()), cli.err());
    assertTrue(cli.err().contains("nodes[1].id: "), cli.err());
    assertTrue(cli.err().contains("unknown node 'ci\\u001B[31mty\\rx'"), cli.err());
  }

  @Test
  void anArgumentWithControlCharacters_isEscapedInTheError() {
    Cli cli = Cli.run("run", "x.yaml", "--seed", "1\u001b[2J");
    assertEquals(2, cli.code());
    assertFalse(hasControl(cli.err()), cli.err());
    assertTrue(cli.err().contains("\\u001B[2J"), cli.err());
  }

  @Test
  void describe_escapesControlCharactersOfFreeText() throws Exception {
    Path f = tmp.resolve("ok.yaml");
    Files.writeString(
        f,
        HEAD.replace("name: ctl", "name: ctl\ndescription: \"before\\e[2Jafter\"")
            + String.join(
                "\n",
                "nodes:",
                "  - {id: src, kind: source, commodity: gas, supply: 10}",
                "  - {id: city, kind: sink, commodity: gas, demand: 5}",
                "links:",
                "  - {id: line, from: src, to: city, commodity: gas, capacity: 10}",
                "threats:",
                "  - {id: t, model: independent, probability: 0.1, targets: {links: [line]},",
                "     repair_days: {dist: fixed, value: 3}}",
                ""));
    Cli cli = Cli.run("describe", f.toString());
    assertEquals(0, cli.code(), cli.err());
    assertFalse(hasControl(cli.out()), cli.out());
    assertTrue(cli.out().contains("before\\u001B[2Jafter"), cli.out());
    assertTrue(cli.out().contains("mc\\u001B[1mm"), cli.out());
  }
}
