package org.corridorrisk.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link FastRecords} (through {@link Validation#mapLarge}) against Jackson's mapping of the whole
 * document: the same records, or null ("not sure") where Jackson would read something differently
 * or fail.
 */
class FastRecordsTest {
  private static JsonNode json(String text) {
    DocumentReader.Document doc =
        DocumentReader.read(text.getBytes(StandardCharsets.UTF_8), true, new Issues());
    assertNotNull(doc.root(), text);
    return doc.root();
  }

  private static String document(List<String> nodes, List<String> links) {
    return "{\"format\":\"corridor-risk/v1\",\"name\":\"t\",\"horizon_days\":30,"
        + "\"commodities\":[{\"id\":\"gas\"}],\"nodes\":["
        + String.join(",", nodes)
        + "],\"links\":["
        + String.join(",", links)
        + "],\"threats\":[{\"id\":\"t\",\"model\":\"poisson\",\"events_per_year\":1,"
        + "\"targets\":{\"kinds\":[\"pipeline\"]},\"repair_days\":{\"dist\":\"fixed\",\"value\":3}}]}";
  }

  /** A plain network of 100 nodes and 99 links using every field the records map. */
  private static String plain() {
    List<String> nodes = new ArrayList<>();
    List<String> links = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      nodes.add(
          i % 3 == 0
              ? "{\"id\":\"n"
                  + i
                  + "\",\"kind\":\"source\",\"commodity\":\"gas\",\"supply\":"
                  + (i + 0.5)
                  + ",\"location\":{\"lat\":40,\"lon\":-49.5},\"region\":\"r\"}"
              : i % 3 == 1
                  ? "{\"id\":\"n"
                      + i
                      + "\",\"kind\":\"sink\",\"commodity\":\"gas\",\"demand\":1,\"priority\":2,"
                      + "\"population\":3000000000,\"value_of_lost_load\":1.5,\"sector\":\"s\","
                      + "\"demand_profile\":\"p\",\"operator\":\"o\"}"
                  : "{\"id\":\"n"
                      + i
                      + "\",\"kind\":\"storage\",\"commodity\":\"gas\",\"inventory\":5,"
                      + "\"max_withdrawal\":2.25,\"capacity\":9,\"max_injection\":1e2,"
                      + "\"deliverability\":[{\"fill\":0,\"factor\":0.5}],\"repair_days\":"
                      + "{\"dist\":\"fixed\",\"value\":1}}");
      if (i > 0) {
        links.add(
            "{\"id\":\"l"
                + i
                + "\",\"from\":\"n"
                + (i - 1)
                + "\",\"to\":\"n"
                + i
                + "\",\"commodity\":\"gas\",\"kind\":\"pipeline\",\"capacity\":"
                + (i % 2 == 0 ? "7" : "7.5")
                + ",\"directed\":"
                + (i % 2 == 0)
                + ",\"length_km\":12.5,\"corridor\":\"c\",\"cost_per_unit\":0,"
                + "\"capacity_profile\":\"p\",\"region\":\"r\"}");
      }
    }
    return document(nodes, links);
  }

  @Test
  void plainNetwork_sameRecordsAsJackson() throws JsonProcessingException {
    JsonNode root = json(plain());
    ScenarioFile fast = Validation.mapLarge(root);
    assertNotNull(fast, "a plain network must be mapped here");
    assertEquals(Validation.mapAll(root), fast);
  }

  @Test
  void smallDocument_leftToJackson() {
    assertNull(
        Validation.mapLarge(
            json(
                document(
                    List.of(
                        "{\"id\":\"a\",\"kind\":\"source\",\"commodity\":\"gas\",\"supply\":1}"),
                    List.of()))));
  }

  /**
   * One field of one entry of the plain network replaced by a value of a random JSON type: the same
   * records as Jackson, or null; null whenever Jackson fails. Fixed seed.
   */
  @Test
  void randomValues_sameRecordsOrDeclined() {
    String[] values = {
      "1",
      "-3",
      "2.5",
      "1e300",
      "3000000000",
      "12345678901234567890",
      "\"x\"",
      "\"1.5\"",
      "\"\"",
      "true",
      "false",
      "null",
      "{}",
      "[]",
      "[1]",
      "{\"lat\":1,\"lon\":2}",
      "{\"lat\":1}",
      "{\"lat\":1,\"lon\":2,\"x\":3}",
      "{\"lat\":\"1\",\"lon\":2}",
      "1.0",
      "0"
    };
    String[] nodeKeys = {
      "id",
      "kind",
      "commodity",
      "supply",
      "demand",
      "priority",
      "population",
      "value_of_lost_load",
      "sector",
      "inventory",
      "max_withdrawal",
      "capacity",
      "max_injection",
      "location",
      "region",
      "throughput",
      "unknown"
    };
    String[] linkKeys = {
      "id",
      "from",
      "to",
      "commodity",
      "kind",
      "capacity",
      "directed",
      "length_km",
      "corridor",
      "cost_per_unit",
      "spill",
      "repair_days",
      "bogus"
    };
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(20261130L);
    String base = plain();
    int mapped = 0;
    for (int i = 0; i < 400; i++) {
      boolean node = rng.nextBoolean();
      String key =
          node ? nodeKeys[rng.nextInt(nodeKeys.length)] : linkKeys[rng.nextInt(linkKeys.length)];
      String value = values[rng.nextInt(values.length)];
      String anchor = node ? "{\"id\":\"n" + (1 + 3 * rng.nextInt(30)) + "\"," : "{\"id\":\"l7\",";
      String text =
          base.replace(anchor, anchor + "\"" + key + "\":" + value + ",")
              .replace(",\"" + key + "\":" + value + ",\"" + key + "\"", ",\"" + key + "\"");
      JsonNode root = json(text);
      ScenarioFile fast = Validation.mapLarge(root);
      ScenarioFile full;
      try {
        full = Validation.mapAll(root);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        assertNull(fast, "Jackson fails (" + e.getMessage() + ") but the fast mapping read " + key);
        continue;
      }
      if (fast != null) {
        mapped++;
        assertEquals(full, fast, key + ": " + value);
      }
    }
    assertTrue(mapped > 50, "too few documents mapped here: " + mapped);
  }
}
