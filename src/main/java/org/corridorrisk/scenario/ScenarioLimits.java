package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.corridorrisk.model.Checks;

/**
 * The limits {@code validate} applies to a scenario, for code that writes scenarios (the importer)
 * and must stay within them. Each value comes from where validation takes it: the reader's size
 * limits, the model's largest quantity, and the bundled JSON Schema ({@code scenario.schema.json})
 * for the name, the horizon and the link kinds. Thread-safe.
 */
public final class ScenarioLimits {
  private ScenarioLimits() {}

  /** Most nodes a scenario may have (the same limit holds for links). */
  public static final int MAX_NODES = DocumentReader.MAX_ELEMENTS;

  /** Most links a scenario may have. */
  public static final int MAX_LINKS = DocumentReader.MAX_ELEMENTS;

  /** Largest scenario file, in bytes. */
  public static final long MAX_FILE_BYTES = DocumentReader.MAX_FILE_BYTES;

  /** Largest quantity (supply, demand, capacity, value of lost load, ...) a scenario may give. */
  public static final double MAX_QUANTITY = Checks.MAX_QUANTITY;

  /** Largest {@code horizon_days} the schema accepts. */
  public static int maxHorizonDays() {
    return Schema.INSTANCE.path("properties").path("horizon_days").path("maximum").asInt();
  }

  /** The link kinds the schema accepts, in the schema's order. */
  public static List<String> linkKinds() {
    List<String> kinds = new ArrayList<>();
    JsonNode list =
        Schema.INSTANCE.path("$defs").path("link").path("properties").path("kind").path("enum");
    list.forEach(k -> kinds.add(k.asText()));
    return List.copyOf(kinds);
  }

  /**
   * Whether the schema accepts {@code name} as the scenario's {@code name} (its minimum length and
   * pattern; other rules of validation are not repeated here).
   */
  public static boolean schemaAcceptsName(String name) {
    JsonNode rule = Schema.INSTANCE.path("properties").path("name");
    if (name == null || name.length() < rule.path("minLength").asInt(0)) {
      return false;
    }
    String pattern = rule.path("pattern").asText(null);
    return pattern == null || Pattern.compile(pattern).matcher(name).find();
  }

  /** The schema, read once on first use. */
  private static final class Schema {
    static final JsonNode INSTANCE = read();

    private static JsonNode read() {
      try (InputStream in = ScenarioLimits.class.getResourceAsStream(SchemaCheck.RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + SchemaCheck.RESOURCE);
        }
        return new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
