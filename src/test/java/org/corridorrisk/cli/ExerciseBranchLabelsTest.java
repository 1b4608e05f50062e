package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The terminal summary of {@code exercise} names each branch by its mitigation and decision day in
 * full, so branches of one mitigation decided on different days stay distinguishable.
 */
class ExerciseBranchLabelsTest {
  @TempDir Path tmp;

  @Test
  void longMitigationNames_keepTheirDecisionDay_inTheSummaryHeader() {
    Cli cli =
        Cli.run(
            "exercise",
            "scenarios/zangezur-corridor.yaml",
            "--trial",
            "1",
            "--trials",
            "10",
            "--decide",
            "0:zangezur-tripp-route",
            "--decide",
            "12:zangezur-tripp-route",
            "--decide",
            "5:zangezur-tripp-route+btk-capacity-upgrade",
            "--out",
            tmp.resolve("ex").toString());
    assertEquals(0, cli.code(), cli.err());
    String header = cli.out().lines().filter(l -> l.startsWith("total ")).findFirst().orElseThrow();
    assertTrue(header.contains(" zangezur-tripp-route d0"), header);
    assertTrue(header.contains(" zangezur-tripp-route d12"), header);
    assertTrue(header.contains(" zangezur-tripp-route+btk-capacity-upgrade d5"), header);
    String loss =
        cli.out().lines().filter(l -> l.startsWith("economic_loss ")).findFirst().orElseThrow();
    assertEquals(header.length(), loss.length(), header + "\n" + loss);
  }

  @Test
  void unservedFraction_isInPercent_asRunPrintsIt() throws Exception {
    Path file = Path.of(getClass().getResource("/exercise/decisions.yaml").toURI());
    Cli cli =
        Cli.run(
            "exercise",
            file.toString(),
            "--percentile",
            "95",
            "--metric",
            "unserved_fraction",
            "--trials",
            "100",
            "--decide",
            "3:faster-repair",
            "--out",
            tmp.resolve("ex").toString());
    assertEquals(0, cli.code(), cli.err());
    String row =
        cli.out().lines().filter(l -> l.startsWith("unserved_fraction ")).findFirst().orElseThrow();
    assertTrue(row.matches("unserved_fraction\\s+[0-9.<]+%\\s+[0-9.<]+%"), row);
    String first = cli.out().lines().findFirst().orElseThrow();
    assertTrue(first.matches(".*at percentile 95 of unserved_fraction \\([0-9.<]+%\\);.*"), first);
  }
}
