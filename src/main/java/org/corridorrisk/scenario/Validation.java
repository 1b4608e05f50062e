package org.corridorrisk.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.corridorrisk.model.Scenario;

/**
 * The checks of one document tree, in order: schema (structure), mapping into the file records,
 * model rules (ranges, cross-references, reachability). Also checks each mitigation's patch by
 * validating the patched document.
 */
final class Validation {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private static final java.util.regex.Pattern FIRST_USED =
      java.util.regex.Pattern.compile("\\(first used at ([A-Za-z_.\\[\\]0-9]+)\\)");

  private Validation() {}

  /** The scenario, or null with the problems in {@code issues}. */
  static Scenario check(JsonNode root, Issues issues) {
    if (!root.isObject()) {
      issues.add(
          "",
          "a scenario file must be a mapping of keys (format, name, horizon_days, commodities, nodes, "
              + "links, threats, ...) but this one is "
              + SchemaCheck.show(root),
          false);
      return null;
    }
    JsonNode clean = SchemaCheck.check(root, issues);
    ScenarioFile file = mapLarge(clean);
    if (file == null) {
      try {
        file = MAPPER.treeToValue(clean, ScenarioFile.class);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        String path = e instanceof JsonMappingException jm ? path(jm) : "";
        issues.addFollowOn(path, "cannot be read: " + firstLine(e.getMessage()), false);
        return null;
      }
    }
    return new ModelBuilder(issues).build(file, clean);
  }

  /**
   * The file records of a large document, with its nodes and links mapped by {@link FastRecords}
   * and the rest by Jackson; null when the document is small or {@link FastRecords} or Jackson is
   * not sure (the whole document is then mapped by Jackson, which reports what cannot be read).
   */
  static ScenarioFile mapLarge(JsonNode clean) {
    ObjectNode rest = FastRecords.rest(clean);
    if (rest == null) {
      return null;
    }
    List<ScenarioFile.NodeSpec> nodes = FastRecords.nodes(clean.get("nodes"));
    List<ScenarioFile.LinkSpec> links =
        nodes == null ? null : FastRecords.links(clean.get("links"));
    if (links == null) {
      return null;
    }
    ScenarioFile f;
    try {
      f = MAPPER.treeToValue(rest, ScenarioFile.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null;
    }
    return new ScenarioFile(
        f.format(),
        f.name(),
        f.description(),
        f.horizonDays(),
        f.currency(),
        f.commodities(),
        nodes,
        links,
        f.threats(),
        f.dependencies(),
        f.mitigations(),
        f.economy(),
        f.sharing());
  }

  /** The whole document mapped by Jackson (for tests of {@link #mapLarge}). */
  static ScenarioFile mapAll(JsonNode clean) throws JsonProcessingException {
    return MAPPER.treeToValue(clean, ScenarioFile.class);
  }

  /**
   * Validates each mitigation alone on the baseline; problems go to {@code issues} at the patches.
   */
  static void checkMitigations(JsonNode root, Issues issues) {
    JsonNode mitigations = root.path("mitigations");
    if (!mitigations.isArray()) {
      return;
    }
    Set<String> base = new HashSet<>();
    issues.all().forEach(i -> base.add(i.path() + "\n" + i.message()));
    for (int m = 0; m < mitigations.size(); m++) {
      patched(root, List.of(m), issues, base);
    }
  }

  /** Applies the mitigations and validates the result; problems are mapped onto the patches. */
  static Scenario patched(JsonNode root, List<Integer> indexes, Issues issues, Set<String> known) {
    Patcher.Patched p = Patcher.apply(root, indexes, issues);
    Issues inner = new Issues();
    Scenario s = check(p.root(), inner);
    List<Issues.Issue> mapped = new ArrayList<>();
    for (Issues.Issue i : inner.all()) {
      if (known.contains(i.path() + "\n" + i.message())) {
        continue;
      }
      String alias = p.alias(i.path());
      String message = i.message();
      java.util.regex.Matcher first = FIRST_USED.matcher(message);
      if (first.find() && p.alias(first.group(1)) != null) {
        message =
            message.substring(0, first.start(1))
                + p.alias(first.group(1))
                + message.substring(first.end(1));
      }
      if (alias != null) {
        mapped.add(new Issues.Issue(alias, message, i.atKey(), null));
        continue;
      }
      String toucher = p.toucher(i.path());
      String where =
          toucher != null
              ? toucher
              : indexes.size() == 1 ? "mitigations[" + indexes.get(0) + "]" : "mitigations";
      mapped.add(
          new Issues.Issue(
              where,
              (toucher != null ? "after this change, " : "with this mitigation applied, ")
                  + (i.path().isEmpty() ? "" : i.path() + ": ")
                  + message,
              false,
              null));
    }
    issues.addAll(mapped);
    // a warning about a value a patch wrote (an implausible intensity) is the patch's, as a problem
    // with it would be; the others belong to the baseline (reported there) or to the combination
    for (Issues.Issue w : inner.warnings()) {
      String alias = p.alias(w.path());
      if (alias != null) {
        issues.warn(alias, w.message(), w.atKey());
      }
    }
    // what the patches added goes after the baseline's assets in every threat's targets
    return mapped.isEmpty() && s != null
        ? s.withAddedAssetsLast(root.path("nodes").size(), root.path("links").size())
        : null;
  }

  private static String path(JsonMappingException e) {
    String p = "";
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        p = Paths.field(p, r.getFieldName());
      } else if (r.getIndex() >= 0) {
        p = Paths.index(p, r.getIndex());
      }
    }
    return p;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid value";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
