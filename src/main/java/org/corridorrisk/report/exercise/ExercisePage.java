package org.corridorrisk.report.exercise;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.charts.HtmlPage;
import org.corridorrisk.report.charts.NetworkMap;

/**
 * Writes {@code exercise.html}: one self-contained page (inline CSS, script and data; no network)
 * for the exercise room. The page's script ({@code exercise-page.js} beside this class) draws the
 * network map coloured by the day's state, who is without service and for how long, storage gauges
 * with days left, the event log up to the day, the timeline, the branches side by side, the injects
 * and a printable briefing, from the exercise document embedded as JSON.
 *
 * <p>Design note: the page is a static template plus data, so its look can be changed without
 * touching Java, and the same JSON as {@code exercise.json} drives it (no second rendering of the
 * numbers). Rejected: server-side SVG per day (a 365-day horizon would embed 365 maps).
 */
public final class ExercisePage {
  private ExercisePage() {}

  /** Writes the page. */
  public static void write(
      Scenario scenario, ObjectNode exercise, List<Msel.Inject> msel, Path file)
      throws IOException {
    Files.writeString(file, html(scenario, exercise, msel), StandardCharsets.UTF_8);
  }

  /** The page's HTML. */
  public static String html(Scenario scenario, ObjectNode exercise, List<Msel.Inject> msel) {
    ObjectNode data = JsonNodeFactory.instance.objectNode();
    data.set("exercise", exercise);
    data.put("description", scenario.description());
    data.set("network", network(scenario));
    ArrayNode rows = data.putArray("msel");
    for (Msel.Inject i : msel) {
      rows.addObject()
          .put("inject", i.id())
          .put("day", i.day())
          .put("date", i.date())
          .put("time", i.time())
          .put("from", i.from())
          .put("to", i.to())
          .put("method", i.method())
          .put("message", i.message())
          .put("expected_action", i.expectedAction())
          .put("type", i.type());
    }
    String json;
    try {
      json = new ObjectMapper().writeValueAsString(data);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String title = "Exercise: " + scenario.name() + ", trial " + exercise.path("trial").asInt();
    return fill(
        resource("exercise-page.html"),
        Map.of(
            "__TITLE__", HtmlPage.escape(title),
            "__CSS__", resource("exercise-page.css"),
            "__JS__", resource("exercise-page.js"),
            "__DATA__", scriptSafe(json)));
  }

  /**
   * JSON text that can sit inside a {@code <script>} element: every {@code <}, {@code >} and {@code
   * &} becomes its JSON escape ({@code \u005Cu003c}, ...), the same string for {@code JSON.parse},
   * so no text the user wrote ({@code </script>}, {@code <!--}) can end the element early or switch
   * the HTML parser into its script-comment state. Rejected: escaping only {@code </} and {@code
   * <!--}; the second needed {@code <\!--}, which is not valid JSON, and the page stayed blank for
   * a scenario whose description held {@code <!--}.
   */
  static String scriptSafe(String json) {
    StringBuilder out = new StringBuilder(json.length() + 64);
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      switch (c) {
        case '<' -> out.append("\\u003c");
        case '>' -> out.append("\\u003e");
        case '&' -> out.append("\\u0026");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * The template with each placeholder replaced in one pass, so a placeholder's name inside a value
   * (a scenario named "__JS__") stays text.
   */
  private static String fill(String template, Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder(template.length() * 2);
    int at = 0;
    while (m.find()) {
      String value = values.get(m.group());
      if (value != null) {
        out.append(template, at, m.start()).append(value);
        at = m.end();
      }
    }
    return out.append(template, at, template.length()).toString();
  }

  private static final Pattern PLACEHOLDER = Pattern.compile("__[A-Z]+__");

  /**
   * The network for the page's map. Without a location on every node, each node also carries {@code
   * schematic: [column, height]}: the report's schematic layout ({@link NetworkMap#schematic}),
   * which the page draws instead of latitude and longitude.
   */
  static ObjectNode network(Scenario s) {
    ObjectNode net = JsonNodeFactory.instance.objectNode();
    Map<String, double[]> schematic = null;
    if (s.nodes().stream().anyMatch(n -> n.location() == null)) {
      List<NetworkMap.MapNode> mapNodes = new ArrayList<>();
      for (Node n : s.nodes()) {
        mapNodes.add(
            new NetworkMap.MapNode(
                n.id(),
                n.kind().name().toLowerCase(Locale.ROOT),
                Double.NaN,
                Double.NaN,
                0,
                false));
      }
      List<NetworkMap.MapLink> mapLinks = new ArrayList<>();
      for (Link l : s.links()) {
        mapLinks.add(new NetworkMap.MapLink(l.id(), l.from(), l.to(), 0));
      }
      schematic = NetworkMap.schematic(mapNodes, mapLinks);
    }
    ArrayNode nodes = net.putArray("nodes");
    for (Node n : s.nodes()) {
      ObjectNode o = nodes.addObject();
      o.put("id", n.id());
      o.put("kind", n.kind().fileName());
      o.put("commodity", n.commodity());
      if (n.location() != null) {
        o.put("lat", n.location().lat());
        o.put("lon", n.location().lon());
      }
      if (schematic != null) {
        double[] xy = schematic.get(n.id());
        o.putArray("schematic").add(xy[0]).add(xy[1]);
      }
      if (n.kind() == NodeKind.SINK) {
        o.put("demand", n.demandPerDay());
        o.put("priority", n.priority());
        o.put("population", n.population());
        o.put("voll", n.valueOfLostLoad());
      } else if (n.kind() == NodeKind.SOURCE) {
        o.put("supply", n.supplyPerDay());
      } else if (n.kind() == NodeKind.STORAGE) {
        o.put("inventory", n.inventory());
        o.put("capacity", n.storageCapacity());
        o.put("max_withdrawal", n.maxWithdrawalPerDay());
      }
      putLabels(o, s, n.id());
    }
    ArrayNode links = net.putArray("links");
    for (Link l : s.links()) {
      ObjectNode o = links.addObject();
      o.put("id", l.id());
      o.put("from", l.from());
      o.put("to", l.to());
      o.put("kind", l.kind().fileName());
      o.put("commodity", l.commodity());
      o.put("capacity", l.capacityPerDay());
      putLabels(o, s, l.id());
    }
    return net;
  }

  private static void putLabels(ObjectNode o, Scenario s, String id) {
    String region = AssetFacts.region(s, id);
    String operator = AssetFacts.operator(s, id);
    if (region != null) {
      o.put("region", region);
    }
    if (operator != null) {
      o.put("operator", operator);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ExercisePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + name, e);
    }
  }
}
