package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * describe on a network with many single points of failure: a source feeding 30 sinks, each by its
 * own line, and a threat on all 30 lines. By default the lists stop at 20 with a count of the rest;
 * {@code --full} prints everything.
 */
class DescribeLongListsTest {
  private static final int SINKS = 30;

  @Test
  void longListsAreCutUnlessFull(@TempDir Path dir) throws Exception {
    Path file = star(dir);
    String cut = DescribeCommand.describe(ScenarioLoader.load(file).baseline(), false);
    String full = DescribeCommand.describe(ScenarioLoader.load(file).baseline(), true);

    assertTrue(cut.contains("targets (30): line1, line2,"), cut);
    assertTrue(cut.contains("line20, ... and 10 more"), cut);
    assertFalse(cut.contains("line21"), cut);
    assertTrue(
        cut.contains(
            "gas: 30 sinks can each be cut off from every source and storage by losing one link or"
                + " node, and 30 links each cut sinks alone (describe --full lists them all)"),
        cut);
    assertEquals(20, cut.lines().filter(l -> l.contains("losing link")).count(), cut);

    assertTrue(full.contains("line29, line30\n"), full);
    assertEquals(30, full.lines().filter(l -> l.contains("losing link")).count(), full);
    assertEquals(30, full.lines().filter(l -> l.contains("has a single supply path")).count());
    assertTrue(
        full.contains(
            "gas: sink city7 has a single supply path: losing any one of link line7, node hub cuts"
                + " it off from every source and storage"),
        full);
  }

  /** A source, a hub below it, and 30 sinks each on its own line from the hub. */
  private static Path star(Path dir) throws IOException {
    StringBuilder y = new StringBuilder();
    y.append("format: corridor-risk/v1\nname: star\nhorizon_days: 1\n");
    y.append("commodities:\n  - {id: gas, unit: mcm/d}\n");
    y.append("nodes:\n  - {id: hub, kind: source, commodity: gas, supply: 100}\n");
    StringBuilder links = new StringBuilder("links:\n");
    StringBuilder targets = new StringBuilder();
    for (int i = 1; i <= SINKS; i++) {
      y.append("  - {id: city").append(i).append(", kind: sink, commodity: gas, demand: 1}\n");
      links
          .append("  - {id: line")
          .append(i)
          .append(", kind: pipeline, from: hub, to: city")
          .append(i)
          .append(", commodity: gas, capacity: 5}\n");
      targets.append(i == 1 ? "" : ", ").append("line").append(i);
    }
    y.append(links);
    y.append("threats:\n  - id: t\n    model: independent\n    probability: 0.1\n");
    y.append("    targets: {links: [").append(targets).append("]}\n");
    y.append("    repair_days: {dist: fixed, value: 1}\n");
    Path file = dir.resolve("star.yaml");
    Files.writeString(file, y.toString());
    return file;
  }
}
