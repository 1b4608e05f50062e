package org.corridorrisk.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Dependency;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.InvalidScenarioException;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Location;
import org.corridorrisk.model.Mitigation;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Rule;
import org.corridorrisk.model.RuleException;
import org.corridorrisk.model.RuleViolation;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.Selection;
import org.corridorrisk.model.Sharing;
import org.corridorrisk.model.Spill;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.corridorrisk.scenario.ScenarioFile.ChangeSpec;
import org.corridorrisk.scenario.ScenarioFile.CommoditySpec;
import org.corridorrisk.scenario.ScenarioFile.DependencySpec;
import org.corridorrisk.scenario.ScenarioFile.EconomySpec;
import org.corridorrisk.scenario.ScenarioFile.LinkSpec;
import org.corridorrisk.scenario.ScenarioFile.LocationSpec;
import org.corridorrisk.scenario.ScenarioFile.MitigationSpec;
import org.corridorrisk.scenario.ScenarioFile.NodeSpec;
import org.corridorrisk.scenario.ScenarioFile.RepairSpec;
import org.corridorrisk.scenario.ScenarioFile.SectorSpec;
import org.corridorrisk.scenario.ScenarioFile.SpillSpec;
import org.corridorrisk.scenario.ScenarioFile.ThreatSpec;

/**
 * Builds the model from the file records: applies the defaults of the format, checks which keys
 * apply to which kind, and lets the model's constructors check ranges and cross-references.
 *
 * <p>Design note: every element is built even when it is broken (a safe stand-in replaces it), so
 * list indexes in the model's rule paths ({@code links[2].from}) stay those of the file and every
 * rule can still be checked in the same pass. A model constructor throws a {@link RuleException}
 * whose structured violation names the offending key ({@code capacity}); that key is reported at
 * its own location, set back to its default, and the element is built again, so several faults of
 * one element are all reported. Which violations follow from a fault reported elsewhere is decided
 * by {@link Rule} and the violation's values, never by reading message text.
 */
final class ModelBuilder {
  private final Issues issues;
  private boolean tainted;

  ModelBuilder(Issues issues) {
    this.issues = issues;
  }

  /** The scenario, or null when the model rules reject it (problems are in the issues). */
  Scenario build(ScenarioFile f) {
    return build(f, null);
  }

  /**
   * The scenario, or null when the model rules reject it; {@code tree} (the schema-clean document,
   * or null) supplies the "time, damage and repairs" keys ({@link IncidentsBuilder}).
   */
  Scenario build(ScenarioFile f, JsonNode tree) {
    int before = issues.all().size();
    IncidentsBuilder extra = new IncidentsBuilder(issues, this::repair, this::intensity);
    Incidents incidents = tree == null ? Incidents.NONE : extra.build(tree);
    List<Commodity> commodities = new ArrayList<>();
    List<CommoditySpec> cs = list(f.commodities());
    for (int i = 0; i < cs.size(); i++) {
      CommoditySpec c = orElse(cs.get(i), new CommoditySpec(null, null));
      String path = Paths.index("commodities", i);
      String id = id(c.id(), path);
      commodities.add(
          attempt(
              path,
              Set.of("id", "unit"),
              d -> new Commodity(id, c.unit()),
              () -> new Commodity(id, "")));
    }
    List<Node> nodes = new ArrayList<>();
    List<NodeSpec> ns = list(f.nodes());
    for (int i = 0; i < ns.size(); i++) {
      nodes.add(
          node(
              Paths.index("nodes", i),
              orElse(
                  ns.get(i),
                  new NodeSpec(
                      null, null, null, null, null, null, null, null, null, null, null, null, null,
                      null))));
    }
    List<Link> links = new ArrayList<>();
    List<LinkSpec> ls = list(f.links());
    for (int i = 0; i < ls.size(); i++) {
      links.add(
          link(
              Paths.index("links", i),
              orElse(
                  ls.get(i),
                  new LinkSpec(null, null, null, null, null, null, null, null, null, null, null))));
    }
    List<Threat> threats = new ArrayList<>();
    List<ThreatSpec> ts = list(f.threats());
    for (int i = 0; i < ts.size(); i++) {
      threats.add(
          threat(
              Paths.index("threats", i),
              orElse(
                  ts.get(i),
                  new ThreatSpec(null, null, null, null, null, null, null, null, null, null))));
    }
    List<Dependency> dependencies = new ArrayList<>();
    List<DependencySpec> ds = list(f.dependencies());
    for (int i = 0; i < ds.size(); i++) {
      DependencySpec d = orElse(ds.get(i), new DependencySpec(null, null, null));
      String path = Paths.index("dependencies", i);
      dependencies.add(
          attempt(
              path,
              Set.of("sink", "supports", "mode"),
              x -> new Dependency(orElse(d.sink(), ""), orElse(d.supports(), ""), d.mode()),
              () -> new Dependency(orElse(d.sink(), ""), orElse(d.supports(), ""), null)));
    }
    Economy economy = f.economy() == null ? null : economy(f.economy());
    List<Mitigation> mitigations = new ArrayList<>();
    List<MitigationSpec> ms = list(f.mitigations());
    for (int i = 0; i < ms.size(); i++) {
      MitigationSpec m = orElse(ms.get(i), new MitigationSpec(null, null, null, null));
      String path = Paths.index("mitigations", i);
      String id = id(m.id(), path);
      List<String> changes = changeLines(m.changes());
      mitigations.add(
          attempt(
              path,
              Set.of("id", "cost", "description"),
              d -> new Mitigation(id, num(m.cost(), "cost", d, 0), m.description(), changes),
              () -> new Mitigation(id, 0, m.description(), changes)));
    }
    // a missing or rejected horizon_days is reported already; 1 stands in so that the rest is
    // checked, and the rules that compare with the horizon are not reported against it (below)
    int horizon = f.horizonDays() == null ? 1 : f.horizonDays();
    try {
      Scenario s =
          new Scenario(
              orElse(f.name(), "unnamed"),
              f.description(),
              horizon,
              f.currency(),
              commodities,
              nodes,
              links,
              threats,
              dependencies,
              economy,
              mitigations,
              incidents);
      if (issues.all().size() == before) {
        extra.check(s);
        warnSectorsInMixedUnits(s);
        warnCommoditiesWithoutDemand(s);
      }
      Sharing sharing = f.sharing() == null ? null : Sharing.fromFileName(f.sharing());
      if (sharing != null) {
        s = s.withSharing(sharing);
      }
      return issues.all().size() == before ? s : null;
    } catch (InvalidScenarioException e) {
      Set<String> commodityIds = new HashSet<>();
      commodities.forEach(c -> commodityIds.add(c.id()));
      for (RuleViolation v : e.violations()) {
        if ((v.rule() == Rule.AFTER_HORIZON || v.rule() == Rule.TOO_MANY_ATTEMPTS)
            && issues.coveredAt("horizon_days")) {
          continue; // measured against the stand-in horizon; horizon_days itself is reported
        }
        if (tainted && v.rule() == Rule.UNREACHABLE_SINK) {
          continue; // a broken node or link upstream explains it; reported there
        }
        if (v.rule() == Rule.COMMODITY_MISMATCH && !commodityIds.containsAll(v.values())) {
          continue; // follows from an unknown commodity, reported at the node or link
        }
        if ((v.rule() == Rule.SELECTS_NO_ASSET || v.rule() == Rule.DEPENDENCY_CYCLE)
            && issues.all().stream().anyMatch(i -> Paths.within(i.path(), v.path()))) {
          continue; // follows from the unknown targets or dependency ends reported inside it
        }
        issues.addFollowOn(v.path(), v.message(), false);
      }
      return null;
    } catch (IllegalArgumentException e) {
      issues.addFollowOn("", Objects.toString(e.getMessage(), "invalid scenario"), false);
      return null;
    }
  }

  /**
   * Warns about each commodity without a sink of positive demand: nothing of it can go unserved, so
   * its losses are 0, and its unserved share (0) still counts in the top-level {@code
   * unserved_fraction}, the mean over commodities, which it dilutes.
   */
  private void warnCommoditiesWithoutDemand(Scenario s) {
    for (int i = 0; i < s.commodities().size(); i++) {
      String c = s.commodities().get(i).id();
      int sinks = 0;
      boolean demand = false;
      for (Node n : s.nodes()) {
        if (n.kind() == NodeKind.SINK && c.equals(n.commodity())) {
          sinks++;
          demand |= n.demandPerDay() > 0;
        }
      }
      if (demand) {
        continue;
      }
      issues.warn(
          Paths.index("commodities", i),
          "warning: "
              + (sinks == 0 ? "has no sink" : "has no sink with a demand above 0")
              + ", so none of it can go unserved: its losses are 0, and its unserved share (0)"
              + " still counts in the top-level unserved_fraction, the mean over commodities"
              + " (commodity '"
              + c
              + "')",
          false);
    }
  }

  /**
   * Warns about each sector fed by sinks whose commodities have different volume units: its direct
   * inoperability (unserved demand over demand, each summed over its sinks) then adds numbers in
   * different units. Units compare as {@link Commodity#volumeUnit()} ("mcm/d" and "mcm/day" agree);
   * commodities without a unit count as one unit ("units").
   */
  private void warnSectorsInMixedUnits(Scenario s) {
    if (s.economy().isEmpty()) {
      return;
    }
    List<Sector> sectors = s.economy().get().sectors();
    for (int i = 0; i < sectors.size(); i++) {
      String sector = sectors.get(i).id();
      Map<String, List<String>> sinksByUnit = new LinkedHashMap<>();
      Map<String, Set<String>> commoditiesByUnit = new LinkedHashMap<>();
      for (Node n : s.nodes()) {
        if (n.kind() == NodeKind.SINK && sector.equals(n.sector())) {
          String unit = s.commodity(n.commodity()).volumeUnit();
          sinksByUnit.computeIfAbsent(unit, u -> new ArrayList<>()).add(n.id());
          commoditiesByUnit.computeIfAbsent(unit, u -> new LinkedHashSet<>()).add(n.commodity());
        }
      }
      if (sinksByUnit.size() < 2) {
        continue;
      }
      List<String> parts = new ArrayList<>();
      sinksByUnit.forEach(
          (unit, sinks) ->
              parts.add(
                  String.join(", ", commoditiesByUnit.get(unit))
                      + " in "
                      + unit
                      + ": "
                      + String.join(", ", sinks)));
      issues.warn(
          Paths.index("economy.sectors", i),
          "warning: is fed by sinks in different units ("
              + String.join("; ", parts)
              + "): its direct inoperability adds their unserved demand and their demand across"
              + " units, so the commodity with the larger numbers dominates; give each unit its own"
              + " sector",
          false);
    }
  }

  private Node node(String path, NodeSpec s) {
    String id = id(s.id(), path);
    NodeKind kind = s.kind() == null ? null : NodeKind.fromFileName(s.kind());
    boolean kindKnown = kind != null;
    if (kind == null) {
      tainted = true;
      kind = NodeKind.JUNCTION;
    }
    String commodity = commodity(s.commodity());
    NodeKind k = kind;
    notApplicable(
        path,
        kindKnown,
        k.fileName() + " node",
        Map.of(
            "supply", k == NodeKind.SOURCE || s.supply() == null,
            "demand", k == NodeKind.SINK || s.demand() == null,
            "priority", k == NodeKind.SINK || s.priority() == null,
            "population", k == NodeKind.SINK || s.population() == null,
            "value_of_lost_load", k == NodeKind.SINK || s.valueOfLostLoad() == null,
            "sector", k == NodeKind.SINK || s.sector() == null,
            "inventory", k == NodeKind.STORAGE || s.inventory() == null,
            "max_withdrawal", k == NodeKind.STORAGE || s.maxWithdrawal() == null,
            "capacity", k == NodeKind.STORAGE || s.capacity() == null,
            "max_injection", k == NodeKind.STORAGE || s.maxInjection() == null));
    Location location = location(Paths.field(path, "location"), s.location());
    Set<String> fields =
        Set.of(
            "supply",
            "demand",
            "priority",
            "population",
            "value_of_lost_load",
            "inventory",
            "max_withdrawal",
            "capacity",
            "max_injection");
    return attempt(
        path,
        fields,
        d -> {
          boolean source = k == NodeKind.SOURCE;
          boolean sink = k == NodeKind.SINK;
          boolean storage = k == NodeKind.STORAGE;
          double inventory = storage ? num(s.inventory(), "inventory", d, 0) : 0;
          double withdrawal = storage ? num(s.maxWithdrawal(), "max_withdrawal", d, 0) : 0;
          if (storage && s.capacity() != null && s.capacity() < inventory) {
            issues.warn(
                Paths.field(path, "capacity"),
                "warning: is below inventory ("
                    + inventory
                    + "): the storage starts with its inventory, so the refill ceiling is taken as "
                    + inventory,
                false);
          }
          return new Node(
              id,
              k,
              commodity,
              source ? num(s.supply(), "supply", d, 0) : 0,
              sink ? num(s.demand(), "demand", d, 0) : 0,
              sink && s.priority() != null && !d.contains("priority") ? s.priority() : 1,
              sink ? num(s.population(), "population", d, 0) : 0,
              sink ? num(s.valueOfLostLoad(), "value_of_lost_load", d, 0) : 0,
              sink ? s.sector() : null,
              inventory,
              withdrawal,
              storage ? num(s.capacity(), "capacity", d, inventory) : 0,
              storage ? num(s.maxInjection(), "max_injection", d, withdrawal) : 0,
              location);
        },
        () ->
            new Node(
                id,
                k,
                commodity,
                0,
                0,
                1,
                0,
                0,
                k == NodeKind.SINK ? s.sector() : null,
                0,
                0,
                0,
                0,
                location));
  }

  private Location location(String path, LocationSpec l) {
    if (l == null || l.lat() == null || l.lon() == null) {
      return null;
    }
    return attempt(path, Set.of("lat", "lon"), d -> new Location(l.lat(), l.lon()), () -> null);
  }

  private Link link(String path, LinkSpec s) {
    String id = id(s.id(), path);
    String from = s.from();
    String to = s.to();
    if (from == null || to == null) {
      tainted = true;
    }
    String commodity = commodity(s.commodity());
    LinkKind kind =
        s.kind() == null
            ? LinkKind.OTHER
            : Objects.requireNonNullElse(LinkKind.fromFileName(s.kind()), LinkKind.OTHER);
    boolean directed = s.directed() == null || s.directed();
    Spill spill = s.spill() == null ? null : spill(Paths.field(path, "spill"), s.spill());
    return attempt(
        path,
        Set.of("capacity", "length_km", "cost_per_unit"),
        d ->
            new Link(
                id,
                orElse(from, ""),
                orElse(to, ""),
                commodity,
                kind,
                num(s.capacity(), "capacity", d, 0),
                directed,
                num(s.lengthKm(), "length_km", d, Double.NaN),
                s.corridor(),
                num(s.costPerUnit(), "cost_per_unit", d, 0),
                spill),
        () ->
            new Link(
                id,
                orElse(from, ""),
                orElse(to, ""),
                commodity,
                kind,
                0,
                directed,
                Double.NaN,
                s.corridor(),
                0,
                spill));
  }

  private Spill spill(String path, SpillSpec s) {
    return attempt(
        path,
        Set.of("detection_hours", "isolation_volume"),
        d ->
            new Spill(
                num(s.detectionHours(), "detection_hours", d, 0),
                num(s.isolationVolume(), "isolation_volume", d, 0)),
        () -> new Spill(0, 0));
  }

  private Threat threat(String path, ThreatSpec s) {
    String id = id(s.id(), path);
    ThreatModel model = s.model() == null ? null : ThreatModel.fromFileName(s.model());
    boolean poisson = model != ThreatModel.INDEPENDENT;
    boolean hazard = model == ThreatModel.HAZARD;
    if (model != null) {
      notApplicable(
          path,
          true,
          model.fileName() + " threat",
          Map.of(
              "events_per_year", poisson || s.eventsPerYear() == null,
              "selection", (poisson && !hazard) || s.selection() == null,
              "common_mode", !hazard || s.commonMode() == null,
              "success_probability", !hazard || s.successProbability() == null,
              "probability", !poisson || hazard || s.probability() == null,
              "start_day", !poisson || hazard || s.startDay() == null));
    }
    ThreatModel m = model == null ? ThreatModel.POISSON : model;
    Selection selection =
        s.selection() == null
            ? Selection.UNIFORM
            : Objects.requireNonNullElse(Selection.fromFileName(s.selection()), Selection.UNIFORM);
    // a threat without repair_days relies on its assets' or damage states' own (IncidentsBuilder)
    RepairTime repair =
        s.repairDays() == null ? null : repair(Paths.field(path, "repair_days"), s.repairDays());
    TargetSpec targets =
        s.targets() == null
            ? new TargetSpec(null, null, null, null, null)
            : new TargetSpec(
                strings(s.targets().links()),
                strings(s.targets().nodes()),
                strings(s.targets().kinds()),
                strings(s.targets().commodities()),
                strings(s.targets().corridors()));
    boolean commonMode = s.commonMode() != null && s.commonMode();
    return attempt(
        path,
        Set.of("events_per_year", "probability", "start_day", "success_probability"),
        d ->
            new Threat(
                id,
                m,
                poisson ? num(s.eventsPerYear(), "events_per_year", d, 0) : 0,
                poisson && !hazard ? 0 : num(s.probability(), "probability", d, 0),
                (poisson && !hazard) || s.startDay() == null || d.contains("start_day")
                    ? 0
                    : s.startDay(),
                selection,
                num(s.successProbability(), "success_probability", d, 1),
                commonMode,
                repair,
                targets,
                List.of()),
        () -> new Threat(id, m, 0, 0, 0, selection, 1, commonMode, repair, targets, List.of()));
  }

  RepairTime repair(String path, RepairSpec r) {
    return distribution(path, r, true);
  }

  /**
   * A hazard's intensity at the epicentre given as a distribution: as {@link #repair}, without the
   * 1e30 limit of quantities (the format sets the intensity no upper bound, for a number or a
   * distribution alike; {@link IncidentsBuilder} warns about an implausible one).
   */
  RepairTime intensity(String path, RepairSpec r) {
    return distribution(path, r, false);
  }

  private RepairTime distribution(String path, RepairSpec r, boolean quantity) {
    RepairTime fallback = new RepairTime.Fixed(0);
    if (r == null || r.dist() == null) {
      return fallback;
    }
    Map<String, List<String>> takes =
        Map.of(
            "fixed",
            List.of("value"),
            "exponential",
            List.of("mean"),
            "lognormal",
            List.of("median", "p90"),
            "triangular",
            List.of("min", "mode", "max"),
            "uniform",
            List.of("min", "max"));
    List<String> own = takes.get(r.dist());
    if (own == null) {
      return fallback;
    }
    Map<String, Double> given = new java.util.LinkedHashMap<>();
    given.put("value", r.value());
    given.put("mean", r.mean());
    given.put("median", r.median());
    given.put("p90", r.p90());
    given.put("min", r.min());
    given.put("mode", r.mode());
    given.put("max", r.max());
    for (Map.Entry<String, Double> e : given.entrySet()) {
      if (e.getValue() != null && !own.contains(e.getKey())) {
        issues.addFollowOn(
            Paths.field(path, e.getKey()),
            "does not apply to dist " + r.dist() + " (it takes " + String.join(", ", own) + ")",
            true);
      }
    }
    for (String k : own) {
      if (given.get(k) == null) {
        return fallback; // the schema reports the missing key
      }
    }
    return attempt(
        path,
        Set.of("value", "mean", "median", "p90", "min", "mode", "max"),
        d -> {
          if (d.stream().anyMatch(own::contains)) {
            return fallback;
          }
          RepairTime t =
              switch (r.dist()) {
                case "fixed" -> new RepairTime.Fixed(r.value());
                case "exponential" -> new RepairTime.Exponential(r.mean());
                case "lognormal" -> new RepairTime.Lognormal(r.median(), r.p90());
                case "triangular" -> new RepairTime.Triangular(r.min(), r.mode(), r.max());
                default -> new RepairTime.Uniform(r.min(), r.max());
              };
          return quantity ? t.withinQuantityLimit() : t;
        },
        () -> fallback);
  }

  private Economy economy(EconomySpec e) {
    List<Sector> sectors = new ArrayList<>();
    List<SectorSpec> ss = list(e.sectors());
    for (int i = 0; i < ss.size(); i++) {
      SectorSpec s = orElse(ss.get(i), new SectorSpec(null, null));
      String path = Paths.index("economy.sectors", i);
      String id = id(s.id(), path);
      sectors.add(
          attempt(
              path,
              Set.of("output_per_day"),
              d -> new Sector(id, num(s.outputPerDay(), "output_per_day", d, 0)),
              () -> new Sector(id, 0)));
    }
    List<List<Double>> rows = e.interdependency();
    return attempt(
        "economy",
        Set.of("interdependency"),
        d -> {
          if (rows == null || d.contains("interdependency")) {
            return new Economy(sectors, null);
          }
          double[][] a = new double[rows.size()][];
          for (int i = 0; i < a.length; i++) {
            List<Double> row = rows.get(i) == null ? List.of() : rows.get(i);
            a[i] = new double[row.size()];
            for (int j = 0; j < a[i].length; j++) {
              Double v = row.get(j);
              a[i][j] = v == null || d.contains("interdependency[" + i + "][" + j + "]") ? 0 : v;
            }
          }
          return new Economy(sectors, a);
        },
        () -> new Economy(sectors, null));
  }

  /** Readable change lines for a mitigation, e.g. {@code link scp: capacity = 30}. */
  static List<String> changeLines(List<ChangeSpec> changes) {
    List<String> lines = new ArrayList<>();
    for (ChangeSpec c : list(changes)) {
      if (c == null) {
        continue;
      }
      String target =
          c.node() != null
              ? "node " + c.node()
              : c.link() != null
                  ? "link " + c.link()
                  : c.threat() != null
                      ? "threat " + c.threat()
                      : c.repairCrew() != null
                          ? "repair crew " + c.repairCrew()
                          : c.profile() != null ? "profile " + c.profile() : null;
      if (target != null && c.set() != null && c.set().isObject()) {
        List<String> parts = new ArrayList<>();
        c.set()
            .fields()
            .forEachRemaining(f -> parts.add(f.getKey() + " = " + Values.flow(f.getValue())));
        lines.add(target + ": " + String.join(", ", parts));
      } else if (c.addLink() != null) {
        JsonNode l = c.addLink();
        lines.add(
            "add link "
                + l.path("id").asText("?")
                + " ("
                + l.path("from").asText("?")
                + " -> "
                + l.path("to").asText("?")
                + ", "
                + l.path("commodity").asText("?")
                + ", capacity "
                + Values.flow(l.get("capacity"))
                + ")");
      } else if (c.addNode() != null) {
        JsonNode n = c.addNode();
        lines.add(
            "add node "
                + n.path("id").asText("?")
                + " ("
                + n.path("kind").asText("?")
                + ", "
                + n.path("commodity").asText("?")
                + ")");
      }
    }
    return lines;
  }

  private void notApplicable(String path, boolean check, String what, Map<String, Boolean> fine) {
    if (!check || !fine.containsValue(false)) {
      return; // the kind itself is wrong (reported there), or every key applies
    }
    fine.entrySet().stream()
        .filter(e -> !e.getValue())
        .map(Map.Entry::getKey)
        .sorted()
        .forEach(
            key ->
                issues.addFollowOn(
                    Paths.field(path, key),
                    "does not apply to "
                        + Values.withArticle(what)
                        + "; remove it (docs/scenario-format.md lists the keys of each kind)",
                    true));
  }

  /**
   * Calls {@code factory} with the set of keys to treat as absent; when a model constructor rejects
   * a key, reports it at that key and retries without it; falls back to {@code safe}.
   */
  private <T> T attempt(
      String path, Set<String> keys, Function<Set<String>, T> factory, Supplier<T> safe) {
    Set<String> dropped = new HashSet<>();
    for (int round = 0; round < 16; round++) {
      try {
        return factory.apply(dropped);
      } catch (RuleException e) {
        RuleViolation v = e.violation();
        String field = v.path();
        boolean known = keys.contains(field) || field.startsWith("interdependency");
        String at = known ? Paths.field(path, field) : path;
        String message = known ? v.message() : e.messageWithoutOwner();
        issues.addFollowOn(at, improve(v.rule(), message), false);
        if (!known || !dropped.add(field)) {
          return safe.get();
        }
      } catch (IllegalArgumentException e) {
        issues.addFollowOn(path, Objects.toString(e.getMessage(), "is invalid"), false);
        return safe.get();
      }
    }
    return safe.get();
  }

  private static String improve(Rule rule, String message) {
    if (rule == Rule.STABILITY) {
      return message
          + "; the inoperability model q = A* q + c* then has no finite solution"
          + " (make each row of A* sum to less than 1)";
    }
    return message;
  }

  private double num(Double value, String key, Set<String> dropped, double fallback) {
    return value == null || dropped.contains(key) ? fallback : value;
  }

  private String id(String id, String path) {
    if (id == null) {
      tainted = true;
      return "__missing-id-" + path.replaceAll("[^A-Za-z0-9]", "-");
    }
    return id;
  }

  private String commodity(String commodity) {
    if (commodity == null) {
      tainted = true;
      return "";
    }
    return commodity;
  }

  private static List<String> strings(List<String> values) {
    return values == null ? null : values.stream().filter(Objects::nonNull).toList();
  }

  private static <T> List<T> list(List<T> values) {
    return values == null ? List.of() : values;
  }

  private static <T> T orElse(T value, T fallback) {
    return value == null ? fallback : value;
  }
}
