package org.corridorrisk.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.Incidents.AssetExtras;
import org.corridorrisk.model.Incidents.DamageState;
import org.corridorrisk.model.Incidents.Fragility;
import org.corridorrisk.model.Incidents.Hazard;
import org.corridorrisk.model.Incidents.Profile;
import org.corridorrisk.model.Incidents.RepairCrew;
import org.corridorrisk.model.Incidents.Stage;
import org.corridorrisk.model.Incidents.ThreatExtras;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Location;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.RepairTime;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Spelling;
import org.corridorrisk.model.TargetSpec;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.corridorrisk.scenario.ScenarioFile.RepairSpec;

/**
 * Reads the "time, damage and repairs" keys (start date, profiles, per-asset extras, damage states,
 * hazards, repair crews) from the schema-clean document tree into {@link Incidents}, reporting
 * every bad value at its own path. The schema has already checked types and ranges; this adds the
 * rules it cannot express (a known profile id, steps starting at day 0, damage probabilities
 * summing to 1, partial factors only where a capacity can be partial, one epicentre form, ...).
 *
 * <p>Two passes: {@link #build} before the scenario is constructed (everything that needs only the
 * file), {@link #check} after (rules on resolved threat targets, and the warnings about hazard
 * targets without a location or a matching fragility entry).
 */
final class IncidentsBuilder {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

  private final Issues issues;

  /** Every profile id written in the file, also of profiles with a fault (reported there). */
  private final Set<String> declaredProfiles = new java.util.LinkedHashSet<>(); // file order

  private final BiFunction<String, RepairSpec, RepairTime> repairs;

  /** Builds a hazard's intensity distribution: a repair distribution without the 1e30 limit. */
  private final BiFunction<String, RepairSpec, RepairTime> intensities;

  IncidentsBuilder(
      Issues issues,
      BiFunction<String, RepairSpec, RepairTime> repairs,
      BiFunction<String, RepairSpec, RepairTime> intensities) {
    this.issues = issues;
    this.repairs = repairs;
    this.intensities = intensities;
  }

  /** The incidents part of {@code root} ({@link Incidents#NONE} when the file has none of it). */
  Incidents build(JsonNode root) {
    LocalDate start = startDate(root.get("start_date"));
    Map<String, Profile> profiles = profiles(root.path("profiles"));
    Map<String, AssetExtras> assets = new LinkedHashMap<>();
    JsonNode nodes = root.path("nodes");
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode n = nodes.get(i);
      String path = Paths.index("nodes", i);
      if (!n.isObject() || !n.path("id").isTextual()) {
        continue;
      }
      NodeKind kind = NodeKind.fromFileName(n.path("kind").asText(""));
      List<String> refs = new ArrayList<>();
      refs.addAll(
          profileRefs(path, n, "demand_profile", kind == null || kind == NodeKind.SINK, profiles));
      refs.addAll(
          profileRefs(
              path, n, "supply_profile", kind == null || kind == NodeKind.SOURCE, profiles));
      double throughput = Double.NaN;
      if (n.has("throughput")) {
        if (kind != null && kind != NodeKind.JUNCTION) {
          notForKind(Paths.field(path, "throughput"), kind.fileName() + " node");
        } else if (n.get("throughput").isNumber()) {
          throughput = n.get("throughput").doubleValue();
          if (throughput > ScenarioLimits.MAX_QUANTITY) {
            // the schema checks ">= 0" only: a larger limit overflowed like any other quantity
            issues.add(
                Paths.field(path, "throughput"),
                org.corridorrisk.model.Checks.aboveMaxQuantity(String.valueOf(throughput)),
                false);
            throughput = Double.NaN;
          }
        }
      }
      List<Incidents.DeliverabilityPoint> curve = List.of();
      if (n.has("deliverability")) {
        if (kind != null && kind != NodeKind.STORAGE) {
          notForKind(Paths.field(path, "deliverability"), kind.fileName() + " node");
        } else {
          curve = deliverability(Paths.field(path, "deliverability"), n.get("deliverability"));
        }
      }
      extras(assets, n, path, refs, throughput, curve);
    }
    JsonNode links = root.path("links");
    for (int i = 0; i < links.size(); i++) {
      JsonNode l = links.get(i);
      String path = Paths.index("links", i);
      if (!l.isObject() || !l.path("id").isTextual()) {
        continue;
      }
      extras(
          assets,
          l,
          path,
          profileRefs(path, l, "capacity_profile", true, profiles),
          Double.NaN,
          List.of());
    }
    Map<String, ThreatExtras> threats = new LinkedHashMap<>();
    JsonNode ts = root.path("threats");
    for (int i = 0; i < ts.size(); i++) {
      JsonNode t = ts.get(i);
      if (t.isObject() && t.path("id").isTextual()) {
        ThreatExtras x = threat(Paths.index("threats", i), t, profiles);
        if (!x.isNone()) {
          threats.putIfAbsent(t.get("id").textValue(), x);
        }
      }
    }
    List<RepairCrew> crews = new ArrayList<>();
    JsonNode cs = root.path("repair_crews");
    Map<String, String> crewIds = new HashMap<>();
    for (int i = 0; i < cs.size(); i++) {
      JsonNode c = cs.get(i);
      String path = Paths.index("repair_crews", i);
      if (!c.isObject() || !c.path("id").isTextual()) {
        continue;
      }
      String id = c.get("id").textValue();
      String first = crewIds.putIfAbsent(id, path);
      if (first != null) {
        // reported also when this crew has another fault (as for nodes, threats, profiles)
        issues.addFollowOn(
            Paths.field(path, "id"),
            "duplicate repair crew id '" + id + "' (first used at " + first + ")",
            false);
        continue;
      }
      if (!c.path("count").canConvertToInt()) {
        continue; // the schema reports it
      }
      JsonNode s = c.path("serves");
      TargetSpec serves =
          new TargetSpec(
              strings(s.get("links")),
              strings(s.get("nodes")),
              strings(s.get("kinds")),
              strings(s.get("commodities")),
              strings(s.get("corridors")));
      int count = c.get("count").intValue();
      int mobilization = c.path("mobilization_days").asInt(0);
      if (count < 1 || mobilization < 0) {
        continue; // the schema reports it
      }
      crews.add(new RepairCrew(id, count, serves, mobilization, List.of()));
    }
    Incidents inc = new Incidents(start, profiles, assets, threats, crews);
    return inc.isEmpty() ? Incidents.NONE : inc;
  }

  /** A date as the format writes it: four-digit year, month and day. */
  private static final java.util.regex.Pattern ISO_DATE =
      java.util.regex.Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  private LocalDate startDate(JsonNode v) {
    if (v == null || !v.isTextual()) {
      return null;
    }
    try {
      if (!ISO_DATE.matcher(v.textValue()).matches()) {
        // LocalDate.parse also reads the expanded years of ISO 8601, '+12023-01-01', '-0001-01-01'
        throw new DateTimeParseException("not YYYY-MM-DD", v.textValue(), 0);
      }
      return LocalDate.parse(v.textValue());
    } catch (DateTimeParseException e) {
      issues.addFollowOn(
          "start_date",
          "must be a calendar date written YYYY-MM-DD (ISO 8601), was '" + v.textValue() + "'",
          false);
      return null;
    }
  }

  private Map<String, Profile> profiles(JsonNode list) {
    Map<String, Profile> out = new LinkedHashMap<>();
    Map<String, String> firstAt = new HashMap<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode p = list.get(i);
      String path = Paths.index("profiles", i);
      if (!p.isObject() || !p.path("id").isTextual()) {
        continue;
      }
      String id = p.get("id").textValue();
      declaredProfiles.add(id);
      String first = firstAt.putIfAbsent(id, path);
      if (first != null) {
        issues.addFollowOn(
            Paths.field(path, "id"),
            "duplicate profile id '" + id + "' (first used at " + first + ")",
            false);
        continue;
      }
      JsonNode monthly = p.get("monthly");
      JsonNode steps = p.get("steps");
      if ((monthly == null) == (steps == null)) {
        issues.addFollowOn(
            path,
            monthly == null
                ? "must have monthly (12 factors, January..December) or steps"
                    + " ([{from_day, factor}, ...] from day 0)"
                : "must have monthly or steps, not both",
            false);
        continue;
      }
      if (monthly != null) {
        if (monthly.size() != 12) {
          issues.addFollowOn(
              Paths.field(path, "monthly"),
              "must list 12 factors (January..December) but lists " + monthly.size(),
              false);
          continue;
        }
        double[] f = new double[12];
        boolean ok = true;
        for (int m = 0; m < 12; m++) {
          ok &= monthly.get(m).isNumber() && monthly.get(m).doubleValue() >= 0;
          f[m] = monthly.get(m).doubleValue();
        }
        if (ok) {
          out.put(id, new Profile(id, f, null, null));
        }
        continue;
      }
      int[] from = new int[steps.size()];
      double[] factor = new double[steps.size()];
      boolean ok = steps.size() > 0;
      for (int k = 0; k < steps.size(); k++) {
        JsonNode st = steps.get(k);
        String sp = Paths.index(Paths.field(path, "steps"), k);
        if (!st.path("from_day").canConvertToInt() || !st.path("factor").isNumber()) {
          ok = false;
          continue;
        }
        from[k] = st.get("from_day").intValue();
        factor[k] = st.get("factor").doubleValue();
        if (k == 0 && from[k] != 0) {
          issues.addFollowOn(
              Paths.field(sp, "from_day"),
              "the first step must start at day 0 (from_day: 0) but starts at " + from[k],
              false);
          ok = false;
        } else if (k > 0 && from[k] <= from[k - 1]) {
          issues.addFollowOn(
              Paths.field(sp, "from_day"),
              "must be greater than the previous step's from_day ("
                  + from[k - 1]
                  + "), was "
                  + from[k],
              false);
          ok = false;
        }
      }
      if (ok) {
        out.put(id, new Profile(id, null, from, factor));
      }
    }
    return out;
  }

  /** The profile ids named by {@code key} of {@code owner}, each checked to exist. */
  private List<String> profileRefs(
      String path, JsonNode owner, String key, boolean applies, Map<String, Profile> profiles) {
    JsonNode v = owner.get(key);
    if (v == null) {
      return List.of();
    }
    String at = Paths.field(path, key);
    if (!applies) {
      NodeKind kind = NodeKind.fromFileName(owner.path("kind").asText(""));
      notForKind(at, (kind == null ? "" : kind.fileName() + " ") + "node");
      return List.of();
    }
    List<String> ids = new ArrayList<>();
    if (v.isTextual()) {
      known(at, v.textValue(), profiles, ids);
    } else if (v.isArray()) {
      for (int i = 0; i < v.size(); i++) {
        if (v.get(i).isTextual()) {
          known(Paths.index(at, i), v.get(i).textValue(), profiles, ids);
        }
      }
    }
    return ids;
  }

  private void known(String at, String id, Map<String, Profile> profiles, List<String> ids) {
    if (profiles.containsKey(id)) {
      ids.add(id);
      return;
    }
    if (declaredProfiles.contains(id)) {
      return; // the profile itself is broken, reported there
    }
    // hints name every profile the file declares, broken ones too (those are reported there)
    String close = Spelling.closest(id, declaredProfiles);
    issues.addFollowOn(
        at,
        "unknown profile '"
            + id
            + "'"
            + (close != null
                ? " (did you mean '" + close + "'?)"
                : declaredProfiles.isEmpty()
                    ? " (the file defines no profiles: add them under profiles)"
                    : " (defined: " + String.join(", ", declaredProfiles) + ")"),
        false);
  }

  private void notForKind(String at, String what) {
    issues.addFollowOn(
        at,
        "does not apply to "
            + Values.withArticle(what)
            + "; remove it (docs/scenario-format.md lists the keys of each kind)",
        true);
  }

  private void extras(
      Map<String, AssetExtras> assets,
      JsonNode e,
      String path,
      List<String> profiles,
      double throughput,
      List<Incidents.DeliverabilityPoint> deliverability) {
    RepairTime repair =
        e.has("repair_days")
            ? repair(Paths.field(path, "repair_days"), e.get("repair_days"))
            : null;
    String region = e.path("region").isTextual() ? e.get("region").textValue() : null;
    String operator = e.path("operator").isTextual() ? e.get("operator").textValue() : null;
    AssetExtras x = new AssetExtras(profiles, throughput, repair, region, operator, deliverability);
    if (!x.isNone()) {
      assets.putIfAbsent(e.get("id").textValue(), x);
    }
  }

  /**
   * A storage's deliverability curve, sorted by fill; empty when its shape is wrong (the schema
   * reports that) or two points share a fill (reported here).
   */
  private List<Incidents.DeliverabilityPoint> deliverability(String path, JsonNode v) {
    if (!v.isArray()) {
      return List.of();
    }
    List<Incidents.DeliverabilityPoint> points = new ArrayList<>();
    for (int k = 0; k < v.size(); k++) {
      JsonNode p = v.get(k);
      if (!p.path("fill").isNumber() || !p.path("factor").isNumber()) {
        return List.of();
      }
      double fill = p.get("fill").doubleValue();
      for (Incidents.DeliverabilityPoint q : points) {
        if (q.fill() == fill) {
          issues.addFollowOn(
              Paths.field(Paths.index(path, k), "fill"),
              "two points of the curve have fill " + fill + "; give each fill once",
              false);
          return List.of();
        }
      }
      points.add(new Incidents.DeliverabilityPoint(fill, p.get("factor").doubleValue()));
    }
    points.sort(java.util.Comparator.comparingDouble(Incidents.DeliverabilityPoint::fill));
    return points;
  }

  private RepairTime repair(String path, JsonNode v) {
    return distribution(path, v, repairs);
  }

  private RepairTime distribution(
      String path, JsonNode v, BiFunction<String, RepairSpec, RepairTime> build) {
    if (v == null || !v.isObject()) {
      return null;
    }
    try {
      RepairSpec spec = MAPPER.treeToValue(v, RepairSpec.class);
      int before = issues.all().size();
      RepairTime r = build.apply(path, spec);
      return issues.all().size() == before && spec.dist() != null ? r : null;
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return null; // the schema reports the shape
    }
  }

  private ThreatExtras threat(String path, JsonNode t, Map<String, Profile> profiles) {
    ThreatModel model = ThreatModel.fromFileName(t.path("model").asText(""));
    boolean hazard = model == ThreatModel.HAZARD;
    List<String> rate = List.of();
    if (t.has("rate_profile")) {
      if (model == ThreatModel.INDEPENDENT || (hazard && !given(path, t, "events_per_year"))) {
        issues.addFollowOn(
            Paths.field(path, "rate_profile"),
            "applies only to events that come at a rate (events_per_year); remove it",
            true);
      } else {
        rate = profileRefs(path, t, "rate_profile", true, profiles);
      }
    }
    List<DamageState> damage = damage(Paths.field(path, "damage"), t.get("damage"));
    Hazard footprint = null;
    if (hazard) {
      footprint = hazard(path, t);
    } else if (model != null) {
      for (String key : List.of("epicenter", "epicenter_area", "intensity", "fragility")) {
        if (t.has(key)) {
          issues.addFollowOn(
              Paths.field(path, key),
              "does not apply to "
                  + Values.withArticle(model.fileName() + " threat")
                  + " (only to model: hazard)",
              true);
        }
      }
    }
    return new ThreatExtras(damage, rate, footprint);
  }

  private List<DamageState> damage(String path, JsonNode list) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      return List.of();
    }
    List<DamageState> out = new ArrayList<>();
    double sum = 0;
    boolean ok = true;
    boolean probabilitiesOk = true; // the sum is worth checking even when a factor is wrong
    for (int i = 0; i < list.size(); i++) {
      JsonNode s = list.get(i);
      String sp = Paths.index(path, i);
      double p = s.path("probability").isNumber() ? s.get("probability").doubleValue() : Double.NaN;
      if (p >= 0 && p <= 1) {
        sum += p;
      } else {
        probabilitiesOk = false;
      }
      if (!s.path("capacity_factor").isNumber()) {
        ok = false;
        continue;
      }
      double f = s.get("capacity_factor").doubleValue();
      if (!(p >= 0 && p <= 1 && f >= 0 && f <= 1)) {
        ok = false;
        continue;
      }
      RepairTime repair =
          s.has("repair_days")
              ? repair(Paths.field(sp, "repair_days"), s.get("repair_days"))
              : null;
      List<Stage> stages = new ArrayList<>();
      JsonNode rs = s.path("restoration");
      for (int k = 0; k < rs.size(); k++) {
        JsonNode st = rs.get(k);
        String stp = Paths.index(Paths.field(sp, "restoration"), k);
        double sf = st.path("capacity_factor").asDouble(Double.NaN);
        RepairTime days = repair(Paths.field(stp, "days"), st.get("days"));
        if (!(sf >= 0 && sf <= 1) || days == null) {
          ok = false;
          continue;
        }
        stages.add(new Stage(sf, days));
      }
      out.add(new DamageState(p, f, repair, stages));
    }
    if (probabilitiesOk && Math.abs(sum - 1) > 1e-9) {
      issues.addFollowOn(
          path,
          "the probabilities of the damage states must sum to 1 but sum to "
              + new java.math.BigDecimal(sum)
                  .round(new java.math.MathContext(12))
                  .stripTrailingZeros()
                  .toPlainString()
              + " (a successful hit always leaves the asset in one of them)",
          false);
      ok = false;
    }
    return ok ? out : List.of();
  }

  /**
   * Whether threat {@code t} at {@code path} gives {@code key}: present, or written with a value
   * the schema rejected (and removed from the tree) and reported already, so that the rules that
   * depend on which keys are written do not add a second problem for the same value.
   */
  private boolean given(String path, JsonNode t, String key) {
    return t.has(key) || issues.coveredAt(Paths.field(path, key));
  }

  private Hazard hazard(String path, JsonNode t) {
    boolean rate = given(path, t, "events_per_year");
    boolean once = given(path, t, "probability");
    if (rate == once) {
      issues.addFollowOn(
          path,
          rate
              ? "a hazard takes events_per_year (events at a rate) or probability (once on"
                  + " start_day), not both"
              : "a hazard needs events_per_year (events at a rate) or probability (once on"
                  + " start_day)",
          false);
    }
    if (t.has("start_day") && rate && !once) {
      issues.addFollowOn(
          Paths.field(path, "start_day"),
          "applies only to a hazard that happens once (with probability); remove it",
          true);
    }
    JsonNode fixed = t.get("epicenter");
    JsonNode area = t.get("epicenter_area");
    if ((fixed == null) == (area == null)) {
      issues.addFollowOn(
          path,
          fixed == null
              ? "a hazard needs epicenter: {lat, lon} or epicenter_area: {lat: [min, max], lon:"
                  + " [min, max]}"
              : "a hazard takes epicenter or epicenter_area, not both",
          false);
      return null;
    }
    Location at = null;
    double[] lat = {0, 0};
    double[] lon = {0, 0};
    if (fixed != null) {
      if (!fixed.path("lat").isNumber() || !fixed.path("lon").isNumber()) {
        return null;
      }
      double la = fixed.get("lat").doubleValue();
      double lo = fixed.get("lon").doubleValue();
      if (!(Math.abs(la) <= 90 && Math.abs(lo) <= 180)) {
        return null;
      }
      at = new Location(la, lo);
    } else {
      if (!range(Paths.field(Paths.field(path, "epicenter_area"), "lat"), area.get("lat"), 90, lat)
          | !range(
              Paths.field(Paths.field(path, "epicenter_area"), "lon"), area.get("lon"), 180, lon)) {
        return null;
      }
    }
    JsonNode intensity = t.path("intensity");
    String ip = Paths.field(path, "intensity");
    JsonNode i0 = intensity.get("at_epicenter");
    double halving = intensity.path("halving_km").asDouble(Double.NaN);
    boolean finite = finite(Paths.field(ip, "halving_km"), halving, ">");
    if (i0 == null || !(halving > 0)) {
      return null;
    }
    RepairTime dist = null;
    double value = Double.NaN;
    if (i0.isNumber()) {
      value = i0.doubleValue();
      if (!finite(Paths.field(ip, "at_epicenter"), value, ">=") || !(value >= 0)) {
        return null;
      }
    } else {
      dist = distribution(Paths.field(ip, "at_epicenter"), i0, intensities);
      if (dist == null) {
        return null;
      }
    }
    List<Fragility> fragility = new ArrayList<>();
    JsonNode fs = t.path("fragility");
    for (int i = 0; i < fs.size(); i++) {
      JsonNode f = fs.get(i);
      String fp = Paths.index(Paths.field(path, "fragility"), i);
      double median = f.path("median").asDouble(Double.NaN);
      double beta = f.path("beta").asDouble(Double.NaN);
      boolean finiteEntry =
          finite(Paths.field(fp, "median"), median, ">")
              & finite(Paths.field(fp, "beta"), beta, ">");
      List<String> kinds = strings(f.get("kinds"));
      if (!(median > 0) || !(beta > 0) || kinds == null || kinds.isEmpty()) {
        return null;
      }
      if (!finiteEntry) {
        finite = false;
        continue;
      }
      fragility.add(new Fragility(kinds, median, beta));
    }
    if (!finite) {
      return null;
    }
    if (fragility.isEmpty()) {
      return null;
    }
    return new Hazard(at, lat[0], lat[1], lon[0], lon[1], dist, value, halving, fragility);
  }

  /**
   * Whether {@code v} is not infinite; reports it otherwise. A number too large for a double (such
   * as {@code 1e400}) reads as infinite, and the schema's bounds let it through.
   *
   * @param bound the lower bound the value must also meet, for the message ({@code ">"} or {@code
   *     ">="} 0)
   */
  private boolean finite(String path, double v, String bound) {
    if (!Double.isInfinite(v)) {
      return true;
    }
    issues.addFollowOn(
        path, "must be a finite number " + bound + " 0, was " + Values.number(v), false);
    return false;
  }

  private boolean range(String path, JsonNode v, double limit, double[] out) {
    if (v == null
        || !v.isArray()
        || v.size() != 2
        || !v.get(0).isNumber()
        || !v.get(1).isNumber()) {
      return false;
    }
    out[0] = v.get(0).doubleValue();
    out[1] = v.get(1).doubleValue();
    String was = ", was [" + Values.number(out[0]) + ", " + Values.number(out[1]) + "]";
    if (!(Math.abs(out[0]) <= limit && Math.abs(out[1]) <= limit)) {
      issues.addFollowOn(
          path, "must lie within [-" + (int) limit + ", " + (int) limit + "] degrees" + was, false);
      return false;
    }
    if (out[0] > out[1]) {
      issues.addFollowOn(path, "must be [min, max] with min <= max" + was, false);
      return false;
    }
    return true;
  }

  /**
   * Rules on the built scenario: partial damage factors only on assets whose capacity can be
   * partial; warnings (see {@link Issues#warn}) about hazard targets that the hazard cannot affect.
   */
  void check(Scenario s) {
    Incidents inc = s.incidents();
    List<Threat> threats = s.threats();
    for (int i = 0; i < threats.size(); i++) {
      Threat t = threats.get(i);
      ThreatExtras x = inc.threat(t.id());
      String path = Paths.index("threats", i);
      Hazard h = x.hazard();
      List<String> hit = new ArrayList<>();
      for (String a : t.targets()) {
        if (h == null || fragilityOf(s, h, a) != null) {
          hit.add(a);
        }
      }
      // a hazard damages only the assets it can locate (see the warning below)
      List<String> damaged = h == null ? hit : located(s, hit);
      if (t.repair() == null) {
        unrepaired(s, x, damaged, Paths.field(path, "repair_days"));
      }
      for (int k = 0; k < x.damage().size(); k++) {
        DamageState d = x.damage().get(k);
        String sp = Paths.index(Paths.field(path, "damage"), k);
        partial(s, inc, damaged, d.capacityFactor(), Paths.field(sp, "capacity_factor"));
        for (int j = 0; j < d.restoration().size(); j++) {
          partial(
              s,
              inc,
              damaged,
              d.restoration().get(j).capacityFactor(),
              Paths.field(Paths.index(Paths.field(sp, "restoration"), j), "capacity_factor"));
        }
      }
      if (h != null) {
        implausibleIntensity(h, Paths.field(Paths.field(path, "intensity"), "at_epicenter"));
        List<String> noLocation = new ArrayList<>();
        List<String> noFragility = new ArrayList<>();
        for (String a : t.targets()) {
          if (fragilityOf(s, h, a) == null) {
            noFragility.add(a);
          } else if (!s.isLocated(a)) {
            noLocation.add(a);
          }
        }
        if (!noLocation.isEmpty()) {
          issues.warn(
              path,
              "warning: "
                  + noLocation.size()
                  + " asset(s) the hazard could damage have no location (a link needs both ends"
                  + " located) and are not affected: "
                  + few(noLocation),
              false);
        }
        if (!noFragility.isEmpty() && !t.targetSpec().isEmpty()) {
          issues.warn(
              Paths.field(path, "fragility"),
              "warning: "
                  + noFragility.size()
                  + " target(s) have no fragility entry for their kind and are not affected: "
                  + few(noFragility),
              false);
        } else if (hit.isEmpty()) {
          issues.warn(
              Paths.field(path, "fragility"),
              "warning: no asset of the scenario has a kind listed in the fragility entries",
              false);
        }
      }
    }
  }

  /**
   * How many times its sturdiest fragility median a hazard's intensity at the epicentre may reach
   * before {@code validate} warns. There every asset the fragility covers fails with probability
   * {@code Phi(ln(1000) / beta)} (at least 0.9997 for beta up to 2), so a larger intensity changes
   * nothing near the epicentre and only widens the footprint, by {@code halving_km} per doubling: a
   * sign of a unit slip or a typo rather than an event.
   */
  static final double IMPLAUSIBLE_INTENSITY_RATIO = 1000;

  /** Circumference of the sphere distances are measured on, halved: no asset is farther away. */
  private static final double FARTHEST_KM = Math.PI * 6371;

  /**
   * Warns when hazard {@code h}'s intensity at the epicentre (the number, or the 99.9th percentile
   * of the distribution) is more than {@link #IMPLAUSIBLE_INTENSITY_RATIO} times its largest
   * fragility median. The file stays valid: the format sets no upper bound.
   */
  private void implausibleIntensity(Hazard h, String at) {
    // a fixed distribution is the number written another way, and reads the same
    boolean one = h.intensity() == null || h.intensity() instanceof RepairTime.Fixed;
    double top = h.intensity() == null ? h.intensityValue() : h.intensity().quantileDays(0.999);
    double median = 0;
    for (Fragility f : h.fragility()) {
      median = Math.max(median, f.median());
    }
    if (!(top > IMPLAUSIBLE_INTENSITY_RATIO * median)) {
      return;
    }
    // the distance within which the sturdiest assets are at or above their median intensity
    double km = h.halvingKm() * (Math.log(top) - Math.log(median)) / Math.log(2);
    String value =
        one
            ? "is " + Values.number(top)
            : "reaches "
                + (Double.isInfinite(top)
                    ? "beyond 1.8E308"
                    : Values.number(
                        new java.math.BigDecimal(top)
                            .round(new java.math.MathContext(4))
                            .doubleValue()))
                + " (its 99.9th percentile)";
    String reach =
        km >= FARTHEST_KM
            ? "anywhere on Earth"
            : String.format(java.util.Locale.ROOT, "up to %,.0f km away", km);
    issues.warn(
        at,
        "warning: "
            + value
            + ", more than "
            + (int) IMPLAUSIBLE_INTENSITY_RATIO
            + " times the largest fragility median ("
            + Values.number(median)
            + "): near the epicentre every asset it can damage fails almost surely, and assets of the"
            + " sturdiest kind are at their median intensity or above "
            + reach
            + " (is the intensity in the fragility's units?)",
        false);
  }

  private void partial(Scenario s, Incidents inc, List<String> hit, double factor, String at) {
    if (!(factor > 0)) {
      return;
    }
    List<String> sinks = new ArrayList<>();
    List<String> junctions = new ArrayList<>();
    for (String a : hit) {
      Node n = s.node(a);
      if (n == null) {
        continue;
      }
      if (n.kind() == NodeKind.SINK) {
        sinks.add(a);
      } else if (n.kind() == NodeKind.JUNCTION && Double.isNaN(inc.asset(a).throughput())) {
        junctions.add(a);
      }
    }
    // one message for both kinds: a second problem at the same key would be dropped as a follow-on
    List<String> reasons = new ArrayList<>();
    if (!sinks.isEmpty()) {
      reasons.add(
          (sinks.size() == 1 ? "sink '" + sinks.get(0) + "'" : "sinks " + few(sinks))
              + ", which can only be out (partial capacity applies to links, sources, storages and"
              + " junctions with throughput)");
    }
    if (!junctions.isEmpty()) {
      reasons.add(
          (junctions.size() == 1
                  ? "junction '" + junctions.get(0) + "', which has"
                  : "junctions " + few(junctions) + ", which have")
              + " no throughput to scale (give "
              + (junctions.size() == 1 ? "it" : "them")
              + " throughput: ... or use capacity_factor: 0)");
    }
    if (!reasons.isEmpty()) {
      issues.addFollowOn(
          at, "is above 0 but the threat can hit " + String.join(", and ", reasons), false);
    }
  }

  /**
   * A threat without {@code repair_days}: each asset it can damage needs a repair time from the
   * precedence (the damage state's, else the asset's own), so when not every damage state gives
   * one, every such asset must have its own.
   */
  private void unrepaired(Scenario s, ThreatExtras x, List<String> assets, String at) {
    boolean everyState = !x.damage().isEmpty();
    for (DamageState d : x.damage()) {
      everyState &= d.repair() != null;
    }
    if (everyState) {
      return;
    }
    List<String> without = new ArrayList<>();
    for (String a : assets) {
      if (s.incidents().asset(a).repair() == null) {
        Node n = s.node(a);
        without.add((n != null ? n.kind().fileName() : "link") + " '" + a + "'");
      }
    }
    if (without.size() == 1) {
      issues.add(
          at,
          "is required but missing: "
              + without.get(0)
              + " has no repair_days of its own and not every damage state gives one",
          false);
    } else if (!without.isEmpty()) {
      issues.add(
          at,
          "is required but missing: "
              + without.size()
              + " assets have no repair_days of their own and not every damage state gives one: "
              + few(without),
          false);
    }
  }

  private static List<String> located(Scenario s, List<String> assets) {
    List<String> out = new ArrayList<>();
    for (String a : assets) {
      if (s.isLocated(a)) {
        out.add(a);
      }
    }
    return out;
  }

  /** The first fragility entry listing the asset's kind, or {@code null}. */
  static Fragility fragilityOf(Scenario s, Hazard h, String asset) {
    Node n = s.node(asset);
    String kind;
    if (n != null) {
      kind = n.kind().fileName();
    } else {
      Link l = s.link(asset);
      if (l == null) {
        return null;
      }
      kind = l.kind().fileName();
    }
    for (Fragility f : h.fragility()) {
      if (f.kinds().contains(kind)) {
        return f;
      }
    }
    return null;
  }

  private static String few(List<String> ids) {
    return ids.size() <= 5
        ? String.join(", ", ids)
        : String.join(", ", ids.subList(0, 5)) + ", ... (" + (ids.size() - 5) + " more)";
  }

  private static List<String> strings(JsonNode v) {
    if (v == null || !v.isArray()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    v.forEach(x -> out.add(x.asText()));
    return out;
  }
}
