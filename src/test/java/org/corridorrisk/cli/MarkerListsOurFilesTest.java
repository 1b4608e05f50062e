package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marker does not make every file in a folder fair game: only the files corridor-risk wrote
 * there (the marker lists them) may be replaced. The user's own compare.json, put into a folder a
 * {@code run} wrote, stays.
 */
class MarkerListsOurFilesTest {
  @TempDir Path tmp;

  @Test
  void usersOwnFileInAMarkedFolder_isNotOverwritten() throws IOException {
    Path dir = tmp.resolve("study");
    OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    Files.writeString(dir.resolve("compare.json"), "my own notes");
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> OutputDirectory.prepare(dir, null, "compare.json", "compare.html"));
    assertTrue(e.getMessage().contains(dir.resolve("compare.json").toString()), e.getMessage());
    assertEquals("my own notes", Files.readString(dir.resolve("compare.json")));
  }

  @Test
  void compareIntoARunsFolderWithTheUsersCompareJson_exit2AndNothingRuns() throws IOException {
    Path dir = tmp.resolve("run-then-mine");
    OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    Files.writeString(dir.resolve("compare.json"), "my own notes");
    Cli cli =
        Cli.run(
            "compare",
            "scenarios/middle-corridor.yaml",
            "--trials",
            "10",
            "--quiet",
            "--out",
            dir.toString());
    assertEquals(2, cli.code(), cli.err());
    assertEquals(1, cli.err().trim().lines().count(), cli.err());
    assertEquals("my own notes", Files.readString(dir.resolve("compare.json")));
    assertFalse(Files.exists(dir.resolve("compare.html")));
  }

  @Test
  void ourOwnOutputs_arereplacedByEveryCommandThatWroteThem() throws IOException {
    Path dir = tmp.resolve("shared");
    OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    for (String name : RunCommand.OUTPUTS) {
      Files.writeString(dir.resolve(name), "old");
    }
    OutputDirectory.prepare(dir, null, "compare.json", "compare.html");
    Files.writeString(dir.resolve("compare.json"), "old");
    OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    OutputDirectory.prepare(dir, null, "compare.json", "compare.html");
  }

  @Test
  void usersOwnChartFile_isNotOverwritten_ourChartsAre() throws IOException {
    Path dir = tmp.resolve("charts");
    OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    Path charts = Files.createDirectories(dir.resolve(OutputDirectory.CHARTS));
    OutputDirectory.recordCharts(dir, java.util.List.of(charts.resolve("loss-histogram.svg")));
    Files.writeString(charts.resolve("loss-histogram.svg"), "<svg/>");
    OutputDirectory.prepare(dir, null, Set.of("svg"), RunCommand.OUTPUTS);
    Files.writeString(charts.resolve("my-map.svg"), "<svg>mine</svg>");
    assertThrows(
        UserInputException.class,
        () -> OutputDirectory.prepare(dir, null, Set.of("svg"), RunCommand.OUTPUTS));
    // without --charts the charts folder is not written, so nothing is in the way
    OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    assertEquals("<svg>mine</svg>", Files.readString(charts.resolve("my-map.svg")));
  }

  @Test
  void aMarkerThatIsAFolder_isRefusedInWords() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("odd").resolve(OutputDirectory.MARKER));
    UserInputException e =
        assertThrows(
            UserInputException.class,
            () -> OutputDirectory.prepare(dir.getParent(), null, RunCommand.OUTPUTS));
    assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
  }

  @Test
  void aFolderMarkedByAnEarlierVersion_keepsItsOutputsReplaceable() throws IOException {
    // earlier versions wrote one sentence (three wordings over time) and no list: the outputs then
    // in the folder stay ours
    List<String> sentences =
        List.of(
            "This directory holds corridor-risk outputs; corridor-risk may overwrite the files it"
                + " wrote here.\n",
            "This directory holds corridor-risk outputs; corridor-risk may overwrite its output"
                + " files here.\n",
            "This directory holds corridor-risk outputs; corridor-risk may overwrite summary.json,"
                + " trials.csv and report.html here.\n");
    for (int i = 0; i < sentences.size(); i++) {
      Path dir = Files.createDirectories(tmp.resolve("legacy-" + i));
      Files.writeString(dir.resolve(OutputDirectory.MARKER), sentences.get(i));
      Files.writeString(dir.resolve("summary.json"), "old");
      Files.writeString(dir.resolve("report.html"), "old");
      OutputDirectory.prepare(dir, null, "compare.json", "compare.html");
      OutputDirectory.prepare(dir, null, RunCommand.OUTPUTS);
    }
  }
}
