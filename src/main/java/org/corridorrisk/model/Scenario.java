package org.corridorrisk.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;

/**
 * A complete, validated scenario: the network, its threats, couplings, economy and declared
 * mitigations. Immutable.
 *
 * <p>Design note: the constructor checks every cross-reference rule at once and throws one {@link
 * InvalidScenarioException} listing all violations, each with a document path ({@code
 * links[2].from}); the scenario loader maps those paths to file lines. Field-level rules (ranges)
 * live in the component records' constructors. Threat targets are resolved here, in a canonical
 * order (nodes in file order, then links in file order), which the simulator relies on for common
 * random numbers: assets a mitigation adds come last and do not shift the others.
 */
public final class Scenario {
  private final String name;
  private final String description;
  private final int horizonDays;
  private final String currency;
  private final List<Commodity> commodities;
  private final List<Node> nodes;
  private final List<Link> links;
  private final List<Threat> threats;
  private final List<Dependency> dependencies;
  private final Economy economy;
  private final List<Mitigation> mitigations;
  private final Incidents incidents;
  private final Map<String, Node> nodeById;
  private final Map<String, Link> linkById;

  /**
   * How a tier shares a shortage; set only by {@link #withSharing} on a fresh copy, before the copy
   * is published (so it is never seen changing).
   */
  private Sharing sharing = Sharing.FAIR;

  /**
   * Builds and validates a scenario.
   *
   * @param economy the economy, or {@code null} when the scenario has none
   * @throws InvalidScenarioException listing every violated rule
   */
  public Scenario(
      String name,
      String description,
      int horizonDays,
      String currency,
      List<Commodity> commodities,
      List<Node> nodes,
      List<Link> links,
      List<Threat> threats,
      List<Dependency> dependencies,
      Economy economy,
      List<Mitigation> mitigations) {
    this(
        name,
        description,
        horizonDays,
        currency,
        commodities,
        nodes,
        links,
        threats,
        dependencies,
        economy,
        mitigations,
        Incidents.NONE);
  }

  /**
   * Builds and validates a scenario with the "time, damage and repairs" part.
   *
   * @param incidents profiles, damage states, hazards and repair crews ({@link Incidents#NONE} for
   *     none); its crews' assets are resolved here
   * @throws InvalidScenarioException listing every violated rule
   */
  public Scenario(
      String name,
      String description,
      int horizonDays,
      String currency,
      List<Commodity> commodities,
      List<Node> nodes,
      List<Link> links,
      List<Threat> threats,
      List<Dependency> dependencies,
      Economy economy,
      List<Mitigation> mitigations,
      Incidents incidents) {
    this.name = Checks.notNull(name, "name", "scenario");
    this.description = description == null ? "" : description;
    this.horizonDays = horizonDays;
    this.currency = currency == null ? "USD" : currency;
    this.commodities = List.copyOf(commodities);
    this.nodes = List.copyOf(nodes);
    this.links = List.copyOf(links);
    this.dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
    this.economy = economy;
    this.mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
    this.nodeById = new HashMap<>();
    this.linkById = new HashMap<>();
    for (Node n : this.nodes) {
      nodeById.putIfAbsent(n.id(), n);
    }
    for (Link l : this.links) {
      linkById.putIfAbsent(l.id(), l);
    }
    List<RuleViolation> violations = new ArrayList<>();
    List<Threat> resolved = new ArrayList<>();
    check(violations);
    List<Threat> given = threats == null ? List.of() : threats;
    Incidents extras = incidents == null ? Incidents.NONE : incidents;
    double totalAttempts = 0;
    for (int i = 0; i < given.size(); i++) {
      Threat t = given.get(i);
      boolean everything = t.model() == ThreatModel.HAZARD && t.targetSpec().isEmpty();
      List<String> targets =
          everything
              ? allAssets()
              : resolveTargets(t.targetSpec(), "threats[" + i + "].targets", violations);
      if (targets.isEmpty()) {
        violations.add(
            new RuleViolation(
                "threats[" + i + "].targets",
                Rule.SELECTS_NO_ASSET,
                values(t.id()),
                "selects no asset (threat '" + t.id() + "')"));
      }
      if (t.model() != ThreatModel.POISSON && t.startDay() >= horizonDays) {
        violations.add(
            new RuleViolation(
                "threats[" + i + "].start_day",
                Rule.AFTER_HORIZON,
                values(t.startDay()),
                "must be < horizon_days (" + horizonDays + "), was " + t.startDay()));
      }
      double attempts = expectedAttempts(t, horizonDays, extras);
      if (attempts > MAX_ATTEMPTS_PER_TRIAL) {
        boolean profiled = !extras.threat(t.id()).rateProfile().isEmpty();
        violations.add(
            new RuleViolation(
                "threats[" + i + "].events_per_year",
                Rule.TOO_MANY_ATTEMPTS,
                List.of(t.id(), Double.toString(attempts)),
                String.format(
                    java.util.Locale.ROOT,
                    "threat '%s' expects %,.0f attempts per trial (events_per_year %s x"
                        + " %shorizon_days %d / 365), more than the limit of %,d per trial; lower"
                        + " events_per_year%s or the horizon",
                    t.id(),
                    attempts,
                    t.eventsPerYear(),
                    profiled ? "the rate profile's factors summed over " : "",
                    horizonDays,
                    MAX_ATTEMPTS_PER_TRIAL,
                    profiled ? ", the rate profile" : "")));
      }
      totalAttempts += attempts;
      resolved.add(t.withTargets(targets));
    }
    if (totalAttempts > MAX_ATTEMPTS_PER_TRIAL
        && given.stream()
            .allMatch(t -> expectedAttempts(t, horizonDays, extras) <= MAX_ATTEMPTS_PER_TRIAL)) {
      violations.add(
          new RuleViolation(
              "threats",
              Rule.TOO_MANY_ATTEMPTS,
              List.of(Double.toString(totalAttempts)),
              String.format(
                  java.util.Locale.ROOT,
                  "the poisson and hazard threats together expect %,.0f attempts per trial, more than the"
                      + " limit of %,d per trial",
                  totalAttempts,
                  MAX_ATTEMPTS_PER_TRIAL)));
    }
    duplicates(given.stream().map(Threat::id).toList(), "threats", "threat", violations);
    this.threats = List.copyOf(resolved);
    Incidents inc = incidents == null ? Incidents.NONE : incidents;
    if (!inc.crews().isEmpty()) {
      List<Incidents.RepairCrew> crews = new ArrayList<>();
      for (int i = 0; i < inc.crews().size(); i++) {
        Incidents.RepairCrew c = inc.crews().get(i);
        List<String> served =
            resolveTargets(c.serves(), "repair_crews[" + i + "].serves", violations);
        crews.add(
            new Incidents.RepairCrew(c.id(), c.count(), c.serves(), c.mobilizationDays(), served));
      }
      inc = new Incidents(inc.startDate(), inc.profiles(), inc.assets(), inc.threats(), crews);
    }
    this.incidents = inc;
    if (!violations.isEmpty()) {
      throw new InvalidScenarioException(violations);
    }
  }

  /**
   * Most expected attempts per trial of the poisson and hazard threats (each and together): every
   * attempt of a trial is held in memory while the trial runs (about 40 bytes each per worker
   * thread), so the limit keeps a trial's memory bounded (and its run time finite).
   */
  public static final long MAX_ATTEMPTS_PER_TRIAL = 100_000;

  /**
   * Expected attempts (events) per trial of a poisson or hazard threat: {@code events_per_year /
   * 365} times the sum over the horizon's days of its rate profile's factor (1 a day without a rate
   * profile, so {@code events_per_year x horizon / 365}); 0 for other threats.
   */
  static double expectedAttempts(Threat t, int horizonDays, Incidents extras) {
    if (t.model() != ThreatModel.POISSON && t.model() != ThreatModel.HAZARD) {
      return 0;
    }
    List<String> rate = extras.threat(t.id()).rateProfile();
    if (rate.isEmpty()) {
      return t.eventsPerYear() * horizonDays / 365.0;
    }
    double factorDays = 0;
    for (int d = 0; d < horizonDays; d++) {
      factorDays += extras.factor(rate, d);
    }
    return t.eventsPerYear() / 365.0 * factorDays;
  }

  private void check(List<RuleViolation> out) {
    if (horizonDays < 1) {
      out.add(
          new RuleViolation(
              "horizon_days", Rule.RANGE, values(horizonDays), "must be >= 1, was " + horizonDays));
    }
    if (commodities.isEmpty()) {
      out.add(
          new RuleViolation(
              "commodities", Rule.TOO_FEW, values(0), "must list at least one commodity"));
    }
    if (nodes.size() < 2) {
      out.add(
          new RuleViolation(
              "nodes",
              Rule.TOO_FEW,
              values(nodes.size()),
              "must list at least 2 nodes but had " + nodes.size()));
    }
    if (links.isEmpty()) {
      out.add(new RuleViolation("links", Rule.TOO_FEW, values(0), "must list at least one link"));
    }
    duplicates(commodities.stream().map(Commodity::id).toList(), "commodities", "commodity", out);
    Set<String> commodityIds = new HashSet<>();
    commodities.forEach(c -> commodityIds.add(c.id()));

    // first use of each asset id: node i as i, link i as -1 - i (the path is built only for
    // duplicates)
    Map<String, Integer> firstAsset = new HashMap<>(2 * (nodes.size() + links.size()));
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      checkAsset("nodes", i, i, n.id(), n.commodity(), firstAsset, commodityIds, out);
    }
    for (int i = 0; i < links.size(); i++) {
      Link l = links.get(i);
      checkAsset("links", i, -1 - i, l.id(), l.commodity(), firstAsset, commodityIds, out);
      checkEnd(l, l.from(), i, ".from", out);
      checkEnd(l, l.to(), i, ".to", out);
      if (l.from().equals(l.to())) {
        out.add(
            new RuleViolation(
                "links[" + i + "].to",
                Rule.LOOP,
                values(l.from()),
                "must differ from 'from' (link '" + l.id() + "' is a loop)"));
      }
    }
    if (out.isEmpty()) {
      checkReachability(firstAsset, out);
    }
    checkDependencies(out);
    checkEconomy(out);
    duplicates(mitigations.stream().map(Mitigation::id).toList(), "mitigations", "mitigation", out);
  }

  /**
   * The checks a node and a link share: its id is not used by an earlier asset ({@code code}: node
   * {@code i} as {@code i}, link {@code i} as {@code -1 - i}, as {@link #assetPath} reads it) and
   * its commodity is declared. {@code list} and {@code i} give the asset's path ({@code nodes[3]}),
   * built only for a violation.
   */
  private static void checkAsset(
      String list,
      int i,
      int code,
      String id,
      String commodity,
      Map<String, Integer> firstAsset,
      Set<String> commodityIds,
      List<RuleViolation> out) {
    Integer prior = firstAsset.putIfAbsent(id, code);
    if (prior != null) {
      out.add(
          new RuleViolation(
              list + "[" + i + "].id",
              Rule.DUPLICATE_ID,
              values(id, assetPath(prior)),
              "duplicate id '" + id + "' (first used at " + assetPath(prior) + ")"));
    }
    if (!commodityIds.contains(commodity)) {
      out.add(
          new RuleViolation(
              list + "[" + i + "].commodity",
              Rule.UNKNOWN_REFERENCE,
              values(commodity),
              "unknown commodity '"
                  + commodity
                  + "'"
                  + Spelling.didYouMean(commodity, commodityIds)));
    }
  }

  private static String assetPath(int code) {
    return code >= 0 ? "nodes[" + code + "]" : "links[" + (-1 - code) + "]";
  }

  private void checkEnd(Link l, String nodeId, int link, String end, List<RuleViolation> out) {
    Node n = nodeById.get(nodeId);
    if (n == null) {
      out.add(
          new RuleViolation(
              "links[" + link + "]" + end,
              Rule.UNKNOWN_REFERENCE,
              values(nodeId),
              "unknown node '" + nodeId + "'" + Spelling.didYouMean(nodeId, nodeById.keySet())));
    } else if (!n.commodity().equals(l.commodity())) {
      out.add(
          new RuleViolation(
              "links[" + link + "]" + end,
              Rule.COMMODITY_MISMATCH,
              values(n.commodity(), l.commodity()),
              "node '"
                  + nodeId
                  + "' carries "
                  + n.commodity()
                  + " but link '"
                  + l.id()
                  + "' carries "
                  + l.commodity()));
    }
  }

  /**
   * Reports every sink that no source or storage reaches along the links (undirected links both
   * ways). Runs only when every id is unique and every link end is a known node, so {@code
   * firstAsset} (id to node index, or {@code -1 - link index}) gives each link end its node index;
   * the search runs over arrays of indices (adjacency in compressed rows, in link order).
   */
  private void checkReachability(Map<String, Integer> firstAsset, List<RuleViolation> out) {
    int nodeCount = nodes.size();
    int linkCount = links.size();
    int[] from = new int[linkCount];
    int[] to = new int[linkCount];
    int[] start = new int[nodeCount + 1];
    for (int l = 0; l < linkCount; l++) {
      Link link = links.get(l);
      from[l] = firstAsset.get(link.from());
      to[l] = firstAsset.get(link.to());
      start[from[l] + 1]++;
      if (!link.directed()) {
        start[to[l] + 1]++;
      }
    }
    for (int n = 0; n < nodeCount; n++) {
      start[n + 1] += start[n];
    }
    int[] next = new int[start[nodeCount]];
    int[] fill = java.util.Arrays.copyOf(start, nodeCount);
    for (int l = 0; l < linkCount; l++) {
      next[fill[from[l]]++] = to[l];
      if (!links.get(l).directed()) {
        next[fill[to[l]]++] = from[l];
      }
    }
    boolean[] reached = new boolean[nodeCount];
    int[] queue = new int[nodeCount];
    int tail = 0;
    for (int n = 0; n < nodeCount; n++) {
      NodeKind kind = nodes.get(n).kind();
      if (kind == NodeKind.SOURCE || kind == NodeKind.STORAGE) {
        reached[n] = true;
        queue[tail++] = n;
      }
    }
    for (int head = 0; head < tail; head++) {
      int n = queue[head];
      for (int k = start[n]; k < start[n + 1]; k++) {
        int m = next[k];
        if (!reached[m]) {
          reached[m] = true;
          queue[tail++] = m;
        }
      }
    }
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.kind() == NodeKind.SINK && !reached[i]) {
        out.add(
            new RuleViolation(
                "nodes[" + i + "]",
                Rule.UNREACHABLE_SINK,
                values(n.id()),
                "sink '"
                    + n.id()
                    + "' cannot be reached from any source or storage of "
                    + n.commodity()
                    + " even with nothing disabled"));
      }
    }
  }

  private void checkDependencies(List<RuleViolation> out) {
    Map<String, Set<String>> feeds = new HashMap<>();
    for (int i = 0; i < dependencies.size(); i++) {
      Dependency d = dependencies.get(i);
      Node sink = nodeById.get(d.sink());
      Node supported = nodeById.get(d.supports());
      if (sink == null || sink.kind() != NodeKind.SINK) {
        out.add(
            new RuleViolation(
                "dependencies[" + i + "].sink",
                Rule.WRONG_KIND,
                values(d.sink()),
                "must name a sink node, was '" + d.sink() + "'"));
      }
      if (supported == null || supported.kind() != NodeKind.SOURCE) {
        out.add(
            new RuleViolation(
                "dependencies[" + i + "].supports",
                Rule.WRONG_KIND,
                values(d.supports()),
                "must name a source node, was '" + d.supports() + "'"));
      }
      if (sink != null && supported != null) {
        feeds.computeIfAbsent(sink.commodity(), k -> new HashSet<>()).add(supported.commodity());
      }
    }
    List<String> order = commodityOrder(feeds);
    if (order.size() < commodities.size() && !dependencies.isEmpty()) {
      out.add(
          new RuleViolation(
              "dependencies",
              Rule.DEPENDENCY_CYCLE,
              values(),
              "commodities depend on each other in a cycle; "
                  + "format v1 needs an order in which each commodity's supply is known before it is routed"));
    }
  }

  /** Kahn's algorithm over commodities; shorter than all commodities when there is a cycle. */
  private List<String> commodityOrder(Map<String, Set<String>> feeds) {
    Map<String, Integer> indegree = new LinkedHashMap<>();
    commodities.forEach(c -> indegree.put(c.id(), 0));
    feeds.forEach((from, tos) -> tos.forEach(to -> indegree.merge(to, 1, Integer::sum)));
    ArrayDeque<String> ready = new ArrayDeque<>();
    indegree.forEach(
        (c, d) -> {
          if (d == 0) {
            ready.add(c);
          }
        });
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String c = ready.poll();
      order.add(c);
      for (String to : feeds.getOrDefault(c, Set.of())) {
        if (indegree.merge(to, -1, Integer::sum) == 0) {
          ready.add(to);
        }
      }
    }
    return order;
  }

  private void checkEconomy(List<RuleViolation> out) {
    if (economy == null) {
      return;
    }
    duplicates(
        economy.sectors().stream().map(Sector::id).toList(), "economy.sectors", "sector", out);
    Set<String> sectorIds = new HashSet<>();
    economy.sectors().forEach(s -> sectorIds.add(s.id()));
    for (int i = 0; i < nodes.size(); i++) {
      Node n = nodes.get(i);
      if (n.sector() != null && !sectorIds.contains(n.sector())) {
        out.add(
            new RuleViolation(
                "nodes[" + i + "].sector",
                Rule.UNKNOWN_REFERENCE,
                values(n.sector()),
                "unknown sector '"
                    + n.sector()
                    + "'"
                    + Spelling.didYouMean(n.sector(), sectorIds)));
      }
    }
  }

  /** The offending values of a violation, as text. */
  private static List<String> values(Object... values) {
    List<String> text = new ArrayList<>(values.length);
    for (Object v : values) {
      text.add(String.valueOf(v));
    }
    return text;
  }

  private static void duplicates(
      List<String> ids, String listPath, String what, List<RuleViolation> out) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!seen.add(ids.get(i))) {
        out.add(
            new RuleViolation(
                listPath + "[" + i + "].id",
                Rule.DUPLICATE_ID,
                values(ids.get(i)),
                "duplicate " + what + " id '" + ids.get(i) + "'"));
      }
    }
  }

  /**
   * Resolves a target spec against this scenario's assets: nodes in file order, then links in file
   * order, each once. Unknown names are ignored here (the constructor reports them).
   */
  public List<String> resolveTargets(TargetSpec spec) {
    return resolveTargets(spec, "targets", new ArrayList<>());
  }

  private List<String> resolveTargets(TargetSpec spec, String path, List<RuleViolation> out) {
    Set<String> wantedNodes = new HashSet<>(spec.nodes());
    Set<String> wantedLinks = new HashSet<>(spec.links());
    for (int i = 0; i < spec.nodes().size(); i++) {
      if (!nodeById.containsKey(spec.nodes().get(i))) {
        out.add(
            new RuleViolation(
                path + ".nodes[" + i + "]",
                Rule.UNKNOWN_REFERENCE,
                values(spec.nodes().get(i)),
                "unknown node '"
                    + spec.nodes().get(i)
                    + "'"
                    + Spelling.didYouMean(spec.nodes().get(i), nodeById.keySet())));
      }
    }
    for (int i = 0; i < spec.links().size(); i++) {
      if (!linkById.containsKey(spec.links().get(i))) {
        out.add(
            new RuleViolation(
                path + ".links[" + i + "]",
                Rule.UNKNOWN_REFERENCE,
                values(spec.links().get(i)),
                "unknown link '"
                    + spec.links().get(i)
                    + "'"
                    + Spelling.didYouMean(spec.links().get(i), linkById.keySet())));
      }
    }
    Set<NodeKind> nodeKinds = new HashSet<>();
    Set<LinkKind> linkKinds = new HashSet<>();
    for (int i = 0; i < spec.kinds().size(); i++) {
      String k = spec.kinds().get(i);
      NodeKind nk = NodeKind.fromFileName(k);
      LinkKind lk = LinkKind.fromFileName(k);
      if (nk != null) {
        nodeKinds.add(nk);
      } else if (lk != null) {
        linkKinds.add(lk);
      } else {
        out.add(
            new RuleViolation(
                path + ".kinds[" + i + "]",
                Rule.UNKNOWN_REFERENCE,
                values(k),
                "unknown kind '"
                    + k
                    + "' (node kinds: source, sink, junction, storage; link kinds: pipeline, subsea-pipeline, subsea-cable, rail, road, sea, power-line, other)"));
      }
    }
    Set<String> commodityIds = new HashSet<>();
    commodities.forEach(c -> commodityIds.add(c.id()));
    for (int i = 0; i < spec.commodities().size(); i++) {
      if (!commodityIds.contains(spec.commodities().get(i))) {
        out.add(
            new RuleViolation(
                path + ".commodities[" + i + "]",
                Rule.UNKNOWN_REFERENCE,
                values(spec.commodities().get(i)),
                "unknown commodity '"
                    + spec.commodities().get(i)
                    + "'"
                    + Spelling.didYouMean(spec.commodities().get(i), commodityIds)));
      }
    }
    Set<String> corridorIds = corridors().keySet();
    for (int i = 0; i < spec.corridors().size(); i++) {
      if (!corridorIds.contains(spec.corridors().get(i))) {
        out.add(
            new RuleViolation(
                path + ".corridors[" + i + "]",
                Rule.UNKNOWN_REFERENCE,
                values(spec.corridors().get(i)),
                "unknown corridor '"
                    + spec.corridors().get(i)
                    + "'"
                    + Spelling.didYouMean(spec.corridors().get(i), corridorIds)));
      }
    }
    Set<String> wantedCommodities = new HashSet<>(spec.commodities());
    Set<String> wantedCorridors = new HashSet<>(spec.corridors());
    LinkedHashSet<String> result = new LinkedHashSet<>();
    for (Node n : nodes) {
      if (wantedNodes.contains(n.id()) || nodeKinds.contains(n.kind())) {
        result.add(n.id());
      }
    }
    for (Link l : links) {
      if (wantedLinks.contains(l.id())
          || linkKinds.contains(l.kind())
          || wantedCommodities.contains(l.commodity())
          || (l.corridor() != null && wantedCorridors.contains(l.corridor()))) {
        result.add(l.id());
      }
    }
    return List.copyOf(result);
  }

  /**
   * Whether asset {@code id} has a place on the map: a node its {@code location}, a link both its
   * ends' (what a hazard's distance needs). False for an unknown id.
   */
  public boolean isLocated(String id) {
    Node n = node(id);
    if (n != null) {
      return n.location() != null;
    }
    Link l = link(id);
    if (l == null) {
      return false;
    }
    Node from = node(l.from());
    Node to = node(l.to());
    return from != null && to != null && from.location() != null && to.location() != null;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public int horizonDays() {
    return horizonDays;
  }

  public String currency() {
    return currency;
  }

  public List<Commodity> commodities() {
    return commodities;
  }

  /** Nodes in file order (nodes added by a mitigation come last). */
  public List<Node> nodes() {
    return nodes;
  }

  /** Links in file order (links added by a mitigation come last). */
  public List<Link> links() {
    return links;
  }

  /** Threats with resolved targets. */
  public List<Threat> threats() {
    return threats;
  }

  public List<Dependency> dependencies() {
    return dependencies;
  }

  /** The economy, if the scenario has one. */
  public Optional<Economy> economy() {
    return Optional.ofNullable(economy);
  }

  public List<Mitigation> mitigations() {
    return mitigations;
  }

  /** The node with this id, or {@code null}. */
  public Node node(String id) {
    return nodeById.get(id);
  }

  /** The link with this id, or {@code null}. */
  public Link link(String id) {
    return linkById.get(id);
  }

  /** Commodity with this id, or {@code null}. */
  public Commodity commodity(String id) {
    for (Commodity c : commodities) {
      if (c.id().equals(id)) {
        return c;
      }
    }
    return null;
  }

  /** Corridor id to the ids of the links in it, in file order. */
  public Map<String, List<String>> corridors() {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (Link l : links) {
      if (l.corridor() != null) {
        result.computeIfAbsent(l.corridor(), k -> new ArrayList<>()).add(l.id());
      }
    }
    result.replaceAll((k, v) -> Collections.unmodifiableList(v));
    return Collections.unmodifiableMap(result);
  }

  /**
   * Commodities in evaluation order: a commodity whose sinks feed another commodity's sources
   * (through {@link #dependencies()}) comes before it; otherwise file order.
   */
  public List<String> commodityEvaluationOrder() {
    Map<String, Set<String>> feeds = new HashMap<>();
    for (Dependency d : dependencies) {
      feeds
          .computeIfAbsent(node(d.sink()).commodity(), k -> new HashSet<>())
          .add(node(d.supports()).commodity());
    }
    return commodityOrder(feeds);
  }

  /**
   * A JGraphT view of one commodity's network for analysis (not for the hot loop): vertices are
   * node ids, edges are {@link Arc}s; an undirected link appears as two arcs.
   */
  public Graph<String, Arc> graph(String commodityId) {
    Graph<String, Arc> g = new DirectedMultigraph<>(Arc.class);
    for (Node n : nodes) {
      if (n.commodity().equals(commodityId)) {
        g.addVertex(n.id());
      }
    }
    for (Link l : links) {
      if (l.commodity().equals(commodityId)) {
        g.addEdge(l.from(), l.to(), new Arc(l, true));
        if (!l.directed()) {
          g.addEdge(l.to(), l.from(), new Arc(l, false));
        }
      }
    }
    return g;
  }

  /** An arc of {@link #graph(String)}: a link traversed forward (from to to) or backward. */
  public record Arc(Link link, boolean forward) {}

  /** Every node id in file order, then every link id in file order. */
  private List<String> allAssets() {
    List<String> all = new ArrayList<>(nodes.size() + links.size());
    nodes.forEach(n -> all.add(n.id()));
    links.forEach(l -> all.add(l.id()));
    return all;
  }

  /** Profiles, damage states, hazards and repair crews ({@link Incidents#NONE} when none). */
  public Incidents incidents() {
    return incidents;
  }

  /** How a priority tier shares a shortage among its sinks ({@code sharing}; default fair). */
  public Sharing sharing() {
    return sharing;
  }

  /**
   * A copy of this scenario with another {@code sharing} rule.
   *
   * <p>The rules are not checked again: the sharing rule takes part in none of them, and this
   * scenario passed them all when it was built, so the copy shares its validated parts (lists, id
   * maps, resolved threat targets and crews) instead of building them anew. A large imported
   * network with a {@code sharing} key in its file paid for its checks twice before.
   */
  public Scenario withSharing(Sharing newSharing) {
    return new Scenario(this, Checks.notNull(newSharing, "sharing", "scenario"), threats);
  }

  /**
   * A copy of this scenario whose threats list the assets a mitigation added after every other
   * target: the first {@code baseNodes} nodes and {@code baseLinks} links are the baseline's (a
   * patch appends what it adds), and each threat's targets keep the canonical order of those
   * (nodes, then links, in file order), followed by the added nodes, then the added links. A
   * threat's draws are taken per target position, so a mitigation that adds assets leaves every
   * baseline target's draws where they were (common random numbers, docs/model.md section 2).
   * Returns this scenario when nothing was added. The rules are not checked again: only the order
   * of targets changes.
   */
  public Scenario withAddedAssetsLast(int baseNodes, int baseLinks) {
    if (baseNodes >= nodes.size() && baseLinks >= links.size()) {
      return this;
    }
    Set<String> added = new HashSet<>();
    nodes.subList(Math.min(baseNodes, nodes.size()), nodes.size()).forEach(n -> added.add(n.id()));
    Set<String> addedLinks = new HashSet<>();
    links
        .subList(Math.min(baseLinks, links.size()), links.size())
        .forEach(l -> addedLinks.add(l.id()));
    List<Threat> reordered = new ArrayList<>(threats.size());
    for (Threat t : threats) {
      List<String> base = new ArrayList<>();
      List<String> newNodes = new ArrayList<>();
      List<String> newLinks = new ArrayList<>();
      for (String id : t.targets()) {
        (added.contains(id) ? newNodes : addedLinks.contains(id) ? newLinks : base).add(id);
      }
      base.addAll(newNodes);
      base.addAll(newLinks);
      reordered.add(base.equals(t.targets()) ? t : t.withTargets(base));
    }
    return new Scenario(this, sharing, List.copyOf(reordered));
  }

  /**
   * The copy of {@link #withSharing} and {@link #withAddedAssetsLast}: every part of {@code from},
   * and {@code sharing} and {@code threats}.
   */
  private Scenario(Scenario from, Sharing sharing, List<Threat> threats) {
    this.name = from.name;
    this.description = from.description;
    this.horizonDays = from.horizonDays;
    this.currency = from.currency;
    this.commodities = from.commodities;
    this.nodes = from.nodes;
    this.links = from.links;
    this.threats = threats;
    this.dependencies = from.dependencies;
    this.economy = from.economy;
    this.mitigations = from.mitigations;
    this.incidents = from.incidents;
    this.nodeById = from.nodeById;
    this.linkById = from.linkById;
    this.sharing = sharing;
  }

  /** A copy of this scenario with other mitigations declared (the loader uses it). */
  public Scenario withMitigations(List<Mitigation> newMitigations) {
    Scenario copy = newScenarioWith(newMitigations);
    copy.sharing = sharing;
    return copy;
  }

  private Scenario newScenarioWith(List<Mitigation> newMitigations) {
    return new Scenario(
        name,
        description,
        horizonDays,
        currency,
        commodities,
        nodes,
        links,
        threats,
        dependencies,
        economy,
        newMitigations,
        incidents);
  }

  @Override
  public String toString() {
    return "Scenario["
        + name
        + ": "
        + nodes.size()
        + " nodes, "
        + links.size()
        + " links, "
        + threats.size()
        + " threats]";
  }
}
