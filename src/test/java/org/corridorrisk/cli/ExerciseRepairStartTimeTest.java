package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code repair_start} event is never earlier in the day than the hit that made the repair
 * necessary: events are listed in the order the engine applies them, and their times follow. Before
 * the fix every repair start said 00:00, also right after a hit at 13:43 on the same day.
 */
class ExerciseRepairStartTimeTest {
  @TempDir Path tmp;

  @Test
  void repairStart_isNotBeforeItsHit_withOrWithoutACrew() throws Exception {
    Path dir = tmp.resolve("ex");
    Cli cli = Cli.exercise("/exercise/repair-start-time.yaml", 1, dir);
    assertEquals(0, cli.code(), cli.err());
    JsonNode events =
        new ObjectMapper().readTree(dir.resolve("exercise.json").toFile()).path("events");
    Map<String, JsonNode> lastHit = new HashMap<>();
    String previous = "";
    int sameDayStarts = 0;
    for (JsonNode e : events) {
      String when = String.format("%05d %s", e.path("day").asInt(), e.path("time").asText());
      assertTrue(when.compareTo(previous) >= 0, "events out of time order at " + e + ": " + events);
      previous = when;
      String asset = e.path("asset").asText();
      if (e.path("type").asText().equals("hit")) {
        lastHit.put(asset, e);
      } else if (e.path("type").asText().equals("repair_start")) {
        JsonNode hit = lastHit.get(asset);
        if (hit != null && hit.path("day").asInt() == e.path("day").asInt()) {
          sameDayStarts++;
          assertTrue(
              e.path("time").asText().compareTo(hit.path("time").asText()) >= 0,
              "repair starts before its hit: " + hit + " then " + e);
        }
      }
    }
    assertTrue(sameDayStarts >= 2, "the trial should start repairs on the day of a hit: " + events);
  }
}
