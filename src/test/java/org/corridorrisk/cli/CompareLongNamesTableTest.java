package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A portfolio with a long name keeps the columns of the ranking table aligned. */
class CompareLongNamesTableTest {
  @TempDir Path tmp;

  @Test
  void longPortfolioName_widensTheMitigationColumn_forEveryRow() {
    Cli cli =
        Cli.run(
            "compare",
            "scenarios/btc-oil.yaml",
            "--trials",
            "50",
            "--mitigations",
            "river-crossing-patrols",
            "--portfolio",
            "fast-leak-detection+river-crossing-patrols",
            "--out",
            tmp.resolve("c").toString());
    assertEquals(0, cli.code(), cli.err());
    List<String> lines = cli.out().lines().toList();
    int head = 0;
    while (!lines.get(head).startsWith("rank ")) {
      head++;
    }
    List<String> table = lines.subList(head, head + 3);
    assertTrue(
        table.stream().anyMatch(r -> r.contains(" fast-leak-detection+river-crossing-patrols ")),
        String.join("\n", table));
    int costEnd = table.get(0).indexOf("cost") + "cost".length();
    for (String row : table.subList(1, 3)) {
      assertEquals(table.get(0).length(), row.length(), String.join("\n", table));
      assertEquals(' ', row.charAt(costEnd), String.join("\n", table));
      assertTrue(row.charAt(costEnd - 1) != ' ', String.join("\n", table));
    }
  }
}
