package org.corridorrisk.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hit on an asset that is already out: the replay says so, states when the asset is really back,
 * and the MSEL narrates it as a hit on an asset already out, not as a new outage.
 */
class ExerciseHitWhileOutTest {
  @TempDir Path tmp;

  @Test
  void aHitOnAnAssetAlreadyOut_isNarratedAsSuch_withTheRealEndOfTheOutage() throws Exception {
    Path dir = tmp.resolve("ex");
    Cli cli = Cli.exercise("/exercise/hit-while-out.yaml", 10, dir);
    assertEquals(0, cli.code(), cli.err());
    JsonNode events =
        new ObjectMapper().readTree(dir.resolve("exercise.json").toFile()).path("events");
    List<JsonNode> hits = new ArrayList<>();
    JsonNode restored = null;
    for (JsonNode e : events) {
      if (e.path("type").asText().equals("hit")) {
        hits.add(e);
      } else if (e.path("type").asText().equals("restored")) {
        restored = e;
      }
    }
    assertEquals(3, hits.size(), events.toString());
    assertFalse(hits.get(0).has("already_out"), hits.get(0).toString());
    assertEquals(12, hits.get(0).path("end_day").asInt());
    // second: out already, back on day 12 as before (not day 8), the outage not lengthened
    assertTrue(hits.get(1).path("already_out").asBoolean(), hits.get(1).toString());
    assertEquals(12, hits.get(1).path("end_day").asInt(), hits.get(1).toString());
    assertFalse(hits.get(1).has("extended"), hits.get(1).toString());
    // third: out already, lengthens the outage to day 20
    assertTrue(hits.get(2).path("already_out").asBoolean(), hits.get(2).toString());
    assertTrue(hits.get(2).path("extended").asBoolean(), hits.get(2).toString());
    assertEquals(20, hits.get(2).path("end_day").asInt());
    assertEquals(20, restored.path("day").asInt());
    assertEquals("third", restored.path("threat").asText());

    List<List<String>> rows = Cli.msel(dir);
    List<String> messages = rows.stream().skip(1).map(r -> r.get(7)).toList();
    long isolated = messages.stream().filter(m -> m.contains("section isolated")).count();
    assertEquals(1, isolated, "one new outage, two hits on it while out: " + messages);
    List<String> again = messages.stream().filter(m -> m.contains("already out")).toList();
    assertEquals(2, again.size(), messages.toString());
    assertTrue(again.get(0).contains("day 12") && again.get(0).contains("second"), again.get(0));
    assertTrue(again.get(1).contains("day 20") && again.get(1).contains("third"), again.get(1));
  }
}
