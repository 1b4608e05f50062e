package org.corridorrisk.report.exercise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.ScenarioLoader;
import org.corridorrisk.sim.TrialEvent;
import org.corridorrisk.study.ExerciseStudy;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exercise page in headless Chromium (skipped when {@code /usr/bin/chromium} is missing):
 * pressing "next day" changes what is shown, the participants' view shows nothing after the current
 * day, and the page logs no console message.
 */
class ExerciseBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  record Rendered(int exitCode, String dom, String log) {}

  static Rendered dump(Path dir, Path html, String hash) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--enable-logging=stderr",
                "--v=0",
                "--dump-dom",
                html.toUri() + hash));
    Path out = dir.resolve("dom" + Math.abs(hash.hashCode()) + ".html");
    Path err = dir.resolve("log" + Math.abs(hash.hashCode()) + ".txt");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 90 s");
    }
    return new Rendered(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  static String element(String dom, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([\\s\\S]*?)</(ol|div|svg)>").matcher(dom);
    assertTrue(m.find(), "element " + id + " in the DOM");
    return m.group(1);
  }

  static void assertClean(Rendered r) {
    assertEquals(0, r.exitCode(), r.log());
    assertFalse(r.log().contains("Uncaught"), r.log());
    assertFalse(r.log().contains(":CONSOLE"), "console message: " + r.log());
  }

  static Path page(Path dir, Path scenarioFile, int trials, double percentile, String decide)
      throws Exception {
    LoadedScenario loaded = ScenarioLoader.load(scenarioFile);
    Scenario s = loaded.baseline();
    double[] loss = new double[trials];
    var replay = new org.corridorrisk.sim.TrialReplay(s);
    for (int k = 0; k < trials; k++) {
      loss[k] = replay.replay(1, k, null).get(org.corridorrisk.impact.Metric.ECONOMIC_LOSS);
    }
    ExerciseStudy.Pick pick = ExerciseStudy.nearestRank(loss, percentile, "economic_loss");
    List<ExerciseStudy.Decision> decisions = new ArrayList<>();
    if (decide != null) {
      decisions.add(new ExerciseStudy.Decision(3, decide, 1.0, loaded.variant(List.of(decide))));
    }
    ExerciseStudy.Result r = ExerciseStudy.run(s, 1, (long) trials, pick, decisions);
    ExerciseCalendar cal = new ExerciseCalendar(null);
    Provenance prov =
        new Provenance(
            "test", scenarioFile.toString(), "0".repeat(64), 1, (long) trials, List.of("test"));
    ObjectNode tree = ExerciseJson.tree(r, cal, prov);
    List<Msel.Inject> msel = Msel.build(s, r.baseline(), cal, MselTemplates.builtIn());
    Path html = dir.resolve("exercise.html");
    ExercisePage.write(s, tree, msel, html);
    return html;
  }

  static int firstHitDay(Path html) throws Exception {
    Matcher m =
        Pattern.compile("\\{\"day\":(\\d+),[^{}]*\"type\":\"hit\"").matcher(Files.readString(html));
    assertTrue(m.find(), "the trial has a hit");
    return Integer.parseInt(m.group(1));
  }

  @Test
  void steppingThroughDays_changesWhatIsShown_withoutConsoleErrors(@TempDir Path dir)
      throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    Path html =
        page(
            dir,
            Path.of("scenarios", "southern-gas-corridor.yaml"),
            300,
            99,
            "shared-warning-24-7");
    int hit = firstHitDay(html);
    Rendered start = dump(dir, html, "#step=0");
    assertClean(start);
    Rendered after = dump(dir, html, "#day=" + Math.max(0, hit - 2) + "&step=3");
    assertClean(after);
    String label0 = element(start.dom(), "daylabel");
    String label1 = element(after.dom(), "daylabel");
    assertTrue(label0.startsWith("Day 0 "), label0);
    assertTrue(label1.startsWith("Day " + (Math.max(0, hit - 2) + 3) + " "), label1);
    assertNotEquals(element(start.dom(), "events"), element(after.dom(), "events"));
    assertNotEquals(element(start.dom(), "map"), element(after.dom(), "map"));
    // the hit's asset is drawn out on the map after the hit (hits in this example last >= 1 day)
    assertTrue(
        after.dom().contains("class=\"link out\"") || after.dom().contains("class=\"node out\""),
        "an asset is shown out after the hit");
    assertFalse(start.dom().contains("class=\"link out\"") && hit > 0, "nothing is out on day 0");
    assertTrue(element(after.dom(), "branches").contains("shared-warning-24-7"));
  }

  @Test
  void participantsView_showsNothingAfterTheCurrentDay(@TempDir Path dir) throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "chromium not installed");
    Path file = Path.of(ExerciseBrowserTest.class.getResource("/exercise/decisions.yaml").toURI());
    Path html = page(dir, file, 100, 95, null);
    int day = firstHitDay(html);
    Rendered controller = dump(dir, html, "#day=" + day);
    Rendered participants = dump(dir, html, "#view=participants&day=" + day);
    assertClean(controller);
    assertClean(participants);
    String shown = element(participants.dom(), "events");
    Matcher m = Pattern.compile("day (\\d+) \\d\\d:\\d\\d").matcher(shown);
    int count = 0;
    while (m.find()) {
      assertTrue(Integer.parseInt(m.group(1)) <= day, "future event shown: " + m.group());
      count++;
    }
    assertTrue(count > 0, "the day's events are shown");
    assertFalse(shown.contains("later"), shown);
    assertTrue(element(controller.dom(), "events").contains("later"), "controller sees later");
    assertTrue(participants.dom().contains("<body class=\"participants\""));
    // the timeline is drawn only up to the current day: fewer points than the controller's
    assertTrue(
        element(participants.dom(), "timeline").length()
            < element(controller.dom(), "timeline").length());
    assertTrue(TrialEvent.Type.HIT.key().equals("hit"));
  }
}
