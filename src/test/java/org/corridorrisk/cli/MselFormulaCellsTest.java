package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * msel.csv opens in a spreadsheet: a text cell starting with {@code = + - @} (from a template or a
 * label) is written with a leading {@code '}, so it is shown, never run as a formula.
 */
class MselFormulaCellsTest {
  @TempDir Path tmp;

  @Test
  void textCellsThatLookLikeFormulas_areDefused_theOthersKept() throws Exception {
    Path templates = tmp.resolve("t.yaml");
    Files.writeString(
        templates,
        String.join(
            "\n",
            "defaults:",
            "  method: \"@SUM(A1:A9)\"",
            "  from: \"+1 555 0100\"",
            "  to: \"-crisis cell\"",
            "  expected_action: \"Call the crisis cell\"",
            "hit:",
            "  default:",
            "    message: \"=HYPERLINK(\\\"http://example.invalid\\\",\\\"{asset}\\\")\"",
            "restored:",
            "  default:",
            "    message: \"{asset} back\"",
            ""));
    Path dir = tmp.resolve("ex");
    Cli cli =
        Cli.exercise("/exercise/hit-while-out.yaml", 10, dir, "--templates", templates.toString());
    assertEquals(0, cli.code(), cli.err());
    List<List<String>> rows = Cli.msel(dir);
    List<String> hit = rows.stream().filter(r -> r.get(7).contains("HYPERLINK")).findFirst().get();
    assertEquals("'=HYPERLINK(\"http://example.invalid\",\"line\")", hit.get(7));
    assertEquals("'+1 555 0100", hit.get(4));
    assertEquals("'-crisis cell", hit.get(5));
    assertEquals("'@SUM(A1:A9)", hit.get(6));
    assertEquals("Call the crisis cell", hit.get(8));
    assertEquals("--01-03", hit.get(2), "the dates keep their ISO month-day form");
    for (List<String> r : rows.subList(1, rows.size())) {
      for (String cell : r.subList(4, r.size())) {
        assertFalse("=+-@".indexOf(cell.isEmpty() ? ' ' : cell.charAt(0)) >= 0, r.toString());
      }
    }
    assertTrue(rows.stream().anyMatch(r -> r.get(7).equals("line back")), rows.toString());
  }
}
