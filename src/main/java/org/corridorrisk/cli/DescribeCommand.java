package org.corridorrisk.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.corridorrisk.model.Commodity;
import org.corridorrisk.model.Dependency;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.LinkKind;
import org.corridorrisk.model.Mitigation;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.Printable;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Sector;
import org.corridorrisk.model.SupplyCuts;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.scenario.LoadedScenario;
import org.corridorrisk.scenario.Problem;
import org.corridorrisk.scenario.ScenarioException;
import org.corridorrisk.scenario.ScenarioLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code describe FILE}: what the network is, as plain text on stdout: counts by commodity and
 * kind, supply against demand, storage, corridors, threats and their targets with expected events
 * over the horizon, dependencies, economy, mitigations, and structural warnings: sinks that one
 * lost link or node cuts off from every source and storage, and the links whose loss alone cuts
 * sinks.
 *
 * <p>The structural warnings come from {@link SupplyCuts}; this command only formats.
 */
@Command(
    name = "describe",
    mixinStandardHelpOptions = true,
    description = "Describes a scenario's network, threats and structural weak points.")
final class DescribeCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "FILE",
      description = "Scenario file (.yaml, .yml or .json).")
  Path file;

  @picocli.CommandLine.Option(
      names = "--full",
      description =
          "List every threat target and every structural warning (by default long lists are cut"
              + " to the first "
              + SHOWN
              + " entries, with a count of the rest).")
  boolean full;

  @Spec CommandSpec spec;

  /** Entries of a long list shown without {@code --full}. */
  static final int SHOWN = 20;

  @Override
  public Integer call() throws ScenarioException {
    LoadedScenario loaded = ScenarioLoader.load(file);
    List<String> fileWarnings = loaded.warnings().stream().map(Problem::format).toList();
    PrintWriter out = spec.commandLine().getOut();
    // free text of the file (description, units, labels) may hold control characters
    out.print(
        Printable.escapeControlsKeepingLines(describe(loaded.baseline(), full, fileWarnings)));
    out.flush();
    return Failures.OK;
  }

  /** The description of a scenario as text (one trailing newline), long lists cut. */
  static String describe(Scenario s) {
    return describe(s, false);
  }

  /**
   * The description of a scenario as text (one trailing newline); {@code full} lists every target
   * and warning.
   */
  static String describe(Scenario s, boolean full) {
    return describe(s, full, List.of());
  }

  /**
   * The description of a scenario as text (one trailing newline); {@code full} lists every target
   * and warning; {@code fileWarnings} are the warnings of validate (the same lines), listed under
   * Warnings.
   */
  static String describe(Scenario s, boolean full, List<String> fileWarnings) {
    StringBuilder sb = new StringBuilder();
    sb.append("Scenario ")
        .append(s.name())
        .append(": horizon ")
        .append(num(s.horizonDays()))
        .append(" days, currency ")
        .append(s.currency())
        .append('\n');
    if (!s.description().isBlank()) {
      sb.append("  ").append(s.description().strip().replaceAll("\\s+", " ")).append('\n');
    }
    Incidents inc = s.incidents();
    if (inc.startDate() != null) {
      sb.append("  calendar: day 0 = ")
          .append(inc.startDate())
          .append(", last day ")
          .append(num(s.horizonDays() - 1))
          .append(" = ")
          .append(inc.dateOf(s.horizonDays() - 1))
          .append('\n');
    }
    network(s, sb);
    corridors(s, sb);
    profiles(s, sb);
    threats(s, sb, full);
    crews(s, sb);
    dependencies(s, sb);
    economy(s, sb);
    mitigations(s, sb);
    warnings(s, sb, full, fileWarnings);
    return sb.toString();
  }

  private static void network(Scenario s, StringBuilder sb) {
    sb.append("\nNetwork\n");
    for (Commodity c : s.commodities()) {
      String unit = c.flowUnit();
      List<Node> nodes = s.nodes().stream().filter(n -> n.commodity().equals(c.id())).toList();
      List<Link> links = s.links().stream().filter(l -> l.commodity().equals(c.id())).toList();
      Map<NodeKind, Integer> nodeKinds = new EnumMap<>(NodeKind.class);
      nodes.forEach(n -> nodeKinds.merge(n.kind(), 1, Integer::sum));
      Map<LinkKind, Integer> linkKinds = new EnumMap<>(LinkKind.class);
      links.forEach(l -> linkKinds.merge(l.kind(), 1, Integer::sum));
      sb.append("  ")
          .append(c.id())
          .append(" (")
          .append(unit)
          .append("): ")
          .append(plural(nodes.size(), "node"))
          .append(" (")
          .append(counts(nodeKinds, NodeKind::fileName))
          .append("), ")
          .append(plural(links.size(), "link"))
          .append(" (")
          .append(counts(linkKinds, LinkKind::fileName))
          .append(")\n");
      double supply = nodes.stream().mapToDouble(Node::supplyPerDay).sum();
      double demand = nodes.stream().mapToDouble(Node::demandPerDay).sum();
      String flow = c.flowUnit();
      String volume = c.volumeUnit();
      sb.append("    supply ")
          .append(num(supply))
          .append(' ')
          .append(flow)
          .append(" against demand ")
          .append(num(demand))
          .append(' ')
          .append(flow);
      if (demand > 0) {
        sb.append(
            String.format(
                Locale.ROOT, " (supply covers %,.0f%% of demand)", 100 * supply / demand));
      }
      sb.append('\n');
      List<Node> storages = nodes.stream().filter(n -> n.kind() == NodeKind.STORAGE).toList();
      if (!storages.isEmpty()) {
        double inventory = storages.stream().mapToDouble(Node::inventory).sum();
        double withdrawal = storages.stream().mapToDouble(Node::maxWithdrawalPerDay).sum();
        sb.append("    storage: inventory ")
            .append(num(inventory))
            .append(' ')
            .append(volume)
            .append(", withdrawal up to ")
            .append(num(withdrawal))
            .append(' ')
            .append(flow);
        if (demand > supply && demand > 0) {
          double gap = demand - supply;
          sb.append(
              String.format(
                  Locale.ROOT,
                  "; covers a supply gap of %s %s for about %,.0f days",
                  num(gap),
                  flow,
                  Math.min(withdrawal, gap) <= 0 ? 0 : inventory / Math.min(withdrawal, gap)));
        }
        sb.append('\n');
      }
      double population = nodes.stream().mapToDouble(Node::population).sum();
      if (population > 0) {
        sb.append("    people served: ").append(num(population)).append('\n');
      }
    }
  }

  private static void corridors(Scenario s, StringBuilder sb) {
    Map<String, List<String>> corridors = s.corridors();
    sb.append("\nCorridors");
    if (corridors.isEmpty()) {
      sb.append(": none\n");
      return;
    }
    sb.append('\n');
    corridors.forEach(
        (id, links) ->
            sb.append("  ").append(id).append(": ").append(String.join(", ", links)).append('\n'));
  }

  /**
   * Expected Poisson attempts over the horizon: {@code events_per_year / 365} times the sum over
   * days of the rate profile's factor (1 a day without a {@code rate_profile}).
   */
  static double expectedAttempts(Scenario s, double eventsPerYear, List<String> rateProfile) {
    double days = 0;
    for (int d = 0; d < s.horizonDays(); d++) {
      days += s.incidents().factor(rateProfile, d);
    }
    return eventsPerYear * days / 365.0;
  }

  private static void threats(Scenario s, StringBuilder sb, boolean full) {
    sb.append("\nThreats\n");
    for (Threat t : s.threats()) {
      sb.append("  ").append(t.id()).append(" (").append(t.model().fileName());
      Incidents.ThreatExtras x = s.incidents().threat(t.id());
      if (t.model() == ThreatModel.HAZARD) {
        Incidents.Hazard h = x.hazard();
        if (t.eventsPerYear() > 0) {
          sb.append(", ").append(num(t.eventsPerYear())).append(" events per year");
        } else {
          sb.append(", probability ")
              .append(num(t.probability()))
              .append(" on day ")
              .append(num(t.startDay()));
        }
        if (h != null) {
          sb.append(", epicentre ")
              .append(
                  h.epicenter() != null
                      ? "(" + num(h.epicenter().lat()) + ", " + num(h.epicenter().lon()) + ")"
                      : "in lat ["
                          + num(h.latMin())
                          + ", "
                          + num(h.latMax())
                          + "], lon ["
                          + num(h.lonMin())
                          + ", "
                          + num(h.lonMax())
                          + "]")
              .append(", intensity halves every ")
              .append(num(h.halvingKm()))
              .append(" km");
        }
        sb.append(")");
      } else if (t.model() == ThreatModel.POISSON) {
        double attempts = expectedAttempts(s, t.eventsPerYear(), x.rateProfile());
        sb.append(", ")
            .append(num(t.eventsPerYear()))
            .append(t.eventsPerYear() == 1 ? " attempt per year, " : " attempts per year, ")
            .append(t.selection().fileName())
            .append(" selection, success ")
            .append(num(t.successProbability()));
        sb.append(
            String.format(
                Locale.ROOT,
                "): expected %,.2f attempts and %,.2f successful hits over %,d days",
                attempts,
                attempts * t.successProbability(),
                s.horizonDays()));
      } else {
        double each = t.probability() * t.successProbability();
        sb.append(", probability ")
            .append(num(t.probability()))
            .append(" on day ")
            .append(num(t.startDay()));
        sb.append(
            String.format(
                Locale.ROOT,
                "): expected %,.2f of %,d targets to fail",
                each * t.targets().size(),
                t.targets().size()));
      }
      if (t.commonMode()) {
        sb.append("; common mode: a hit disables its whole corridor");
      }
      if (t.repair() == null) {
        sb.append("; repair: the damage state's or the asset's own\n");
      } else {
        sb.append("; repair ")
            .append(t.repair().distName())
            .append(String.format(Locale.ROOT, ", mean %,.1f days", t.repair().meanDays()))
            .append('\n');
      }
      if (!x.rateProfile().isEmpty()) {
        sb.append("    rate profile: ").append(String.join(" x ", x.rateProfile())).append('\n');
      }
      for (Incidents.DamageState d : x.damage()) {
        sb.append("    damage state: probability ")
            .append(num(d.probability()))
            .append(", capacity factor ")
            .append(num(d.capacityFactor()));
        if (d.repair() != null) {
          sb.append(
              String.format(Locale.ROOT, ", own repair mean %,.1f days", d.repair().meanDays()));
        }
        for (Incidents.Stage st : d.restoration()) {
          sb.append(
              String.format(
                  Locale.ROOT,
                  ", then %s for %,.1f days",
                  num(st.capacityFactor()),
                  st.days().meanDays()));
        }
        sb.append('\n');
      }
      if (x.hazard() != null) {
        for (Incidents.Fragility f : x.hazard().fragility()) {
          sb.append("    fragility of ")
              .append(String.join(", ", f.kinds()))
              .append(": median intensity ")
              .append(num(f.median()))
              .append(", beta ")
              .append(num(f.beta()))
              .append('\n');
        }
      }
      sb.append("    targets (")
          .append(num(t.targets().size()))
          .append("): ")
          .append(firstOf(t.targets(), full ? Integer.MAX_VALUE : SHOWN))
          .append('\n');
      if (x.hazard() != null) {
        undamaged(s, t, x.hazard(), sb, full);
      }
    }
  }

  /**
   * The targets a hazard cannot damage, with why: no fragility entry for their kind, or no location
   * (a link needs both ends located). The simulation leaves them alone; validate warns about them.
   */
  private static void undamaged(
      Scenario s, Threat t, Incidents.Hazard h, StringBuilder sb, boolean full) {
    List<String> noFragility = new ArrayList<>();
    List<String> noLocation = new ArrayList<>();
    for (String a : t.targets()) {
      if (!hasFragility(s, h, a)) {
        noFragility.add(a);
      } else if (!s.isLocated(a)) {
        noLocation.add(a);
      }
    }
    int n = noFragility.size() + noLocation.size();
    if (n == 0) {
      return;
    }
    int shown = full ? Integer.MAX_VALUE : SHOWN;
    List<String> parts = new ArrayList<>();
    if (!noFragility.isEmpty()) {
      parts.add(firstOf(noFragility, shown) + " (no fragility entry for their kind)");
    }
    if (!noLocation.isEmpty()) {
      parts.add(firstOf(noLocation, shown) + " (no location; a link needs both ends located)");
    }
    sb.append("    not damaged by this hazard (")
        .append(num(n))
        .append(" of ")
        .append(num(t.targets().size()))
        .append("): ")
        .append(String.join("; ", parts))
        .append('\n');
  }

  private static boolean hasFragility(Scenario s, Incidents.Hazard h, String asset) {
    Node n = s.node(asset);
    Link l = n == null ? s.link(asset) : null;
    String kind = n != null ? n.kind().fileName() : l != null ? l.kind().fileName() : null;
    return kind != null && h.fragility().stream().anyMatch(f -> f.kinds().contains(kind));
  }

  private static void profiles(Scenario s, StringBuilder sb) {
    Incidents inc = s.incidents();
    if (inc.profiles().isEmpty()) {
      return;
    }
    sb.append("\nProfiles (factors over time)\n");
    for (Incidents.Profile p : inc.profiles().values()) {
      double lo = Double.POSITIVE_INFINITY;
      double hi = Double.NEGATIVE_INFINITY;
      for (int d = 0; d < s.horizonDays(); d++) {
        double f = p.factor(d, inc);
        lo = Math.min(lo, f);
        hi = Math.max(hi, f);
      }
      List<String> users = new ArrayList<>();
      inc.assets()
          .forEach(
              (id, a) -> {
                if (a.profiles().contains(p.id())) {
                  users.add(id);
                }
              });
      inc.threats()
          .forEach(
              (id, t) -> {
                if (t.rateProfile().contains(p.id())) {
                  users.add("threat " + id);
                }
              });
      sb.append("  ")
          .append(p.id())
          .append(" (")
          .append(p.monthly() != null ? "monthly" : p.stepFrom().length + " steps")
          .append("): factor ")
          .append(num(lo))
          .append(" to ")
          .append(num(hi))
          .append(" over the horizon; used by ")
          .append(users.isEmpty() ? "nothing" : String.join(", ", users))
          .append('\n');
    }
  }

  private static void crews(Scenario s, StringBuilder sb) {
    Incidents inc = s.incidents();
    if (inc.crews().isEmpty()) {
      return;
    }
    sb.append("\nRepair crews\n");
    for (Incidents.RepairCrew c : inc.crews()) {
      sb.append("  ")
          .append(c.id())
          .append(": ")
          .append(plural(c.count(), "crew"))
          .append(", mobilization ")
          .append(num(c.mobilizationDays()))
          .append(" days; serves (")
          .append(num(c.assets().size()))
          .append("): ")
          .append(String.join(", ", c.assets()))
          .append('\n');
    }
    List<String> own = new ArrayList<>();
    inc.assets()
        .forEach(
            (id, a) -> {
              if (a.repair() != null) {
                own.add(
                    id + String.format(Locale.ROOT, " (mean %,.1f days)", a.repair().meanDays()));
              }
            });
    if (!own.isEmpty()) {
      sb.append("  own repair times: ").append(String.join(", ", own)).append('\n');
    }
  }

  private static void dependencies(Scenario s, StringBuilder sb) {
    if (s.dependencies().isEmpty()) {
      return;
    }
    sb.append("\nDependencies\n");
    for (Dependency d : s.dependencies()) {
      sb.append("  ")
          .append(d.supports())
          .append(" supplies in proportion to what ")
          .append(d.sink())
          .append(" receives\n");
    }
  }

  private static void economy(Scenario s, StringBuilder sb) {
    s.economy()
        .ifPresent(
            e -> {
              sb.append("\nEconomy\n");
              for (Sector sector : e.sectors()) {
                long sinks = s.nodes().stream().filter(n -> sector.id().equals(n.sector())).count();
                sb.append("  ")
                    .append(sector.id())
                    .append(": output ")
                    .append(num(sector.outputPerDay()))
                    .append(' ')
                    .append(s.currency())
                    .append("/day, fed by ")
                    .append(plural((int) sinks, "sink"))
                    .append('\n');
              }
              sb.append(
                  String.format(
                      Locale.ROOT,
                      "  interdependency spectral radius %.3f%n",
                      org.corridorrisk.model.Economy.spectralRadius(e.interdependency())));
            });
  }

  private static void mitigations(Scenario s, StringBuilder sb) {
    sb.append("\nMitigations");
    if (s.mitigations().isEmpty()) {
      sb.append(": none\n");
      return;
    }
    sb.append('\n');
    for (Mitigation m : s.mitigations()) {
      sb.append("  ")
          .append(m.id())
          .append(" (cost ")
          .append(num(m.costUsd()))
          .append(' ')
          .append(s.currency())
          .append(")");
      if (!m.description().isBlank()) {
        sb.append(": ").append(m.description().strip().replaceAll("\\s+", " "));
      }
      sb.append('\n');
      m.changes().forEach(c -> sb.append("    - ").append(c).append('\n'));
    }
  }

  private static void warnings(
      Scenario s, StringBuilder sb, boolean full, List<String> fileWarnings) {
    List<String> warnings = new ArrayList<>();
    for (Commodity c : s.commodities()) {
      warnings.addAll(cutWarnings(s, c.id(), full));
    }
    warnings.addAll(fileWarnings);
    sb.append("\nWarnings");
    if (warnings.isEmpty()) {
      sb.append(": none (no single link or node cuts a sink off from every source and storage)\n");
      return;
    }
    sb.append('\n');
    warnings.forEach(w -> sb.append("  ").append(w).append('\n'));
  }

  /**
   * Single points of failure of one commodity's network ({@link SupplyCuts}), as warning lines: one
   * per sink and per link, or, when that makes more than {@link #SHOWN} lines and {@code full} is
   * false, the counts and the {@link #SHOWN} links that cut the most sinks.
   */
  static List<String> cutWarnings(Scenario s, String commodity, boolean full) {
    SupplyCuts cuts = SupplyCuts.of(s, commodity);
    if (!full && cuts.sinkCuts().size() + cuts.linkCuts().size() > SHOWN) {
      return cutSummary(cuts);
    }
    List<String> out = new ArrayList<>();
    cuts.sinkCuts()
        .forEach(
            (sink, assets) ->
                out.add(
                    commodity
                        + ": sink "
                        + sink
                        + " has a single supply path: losing any one of "
                        + String.join(", ", assets)
                        + " cuts it off from every source and storage"));
    cuts.linkCuts()
        .forEach(
            (link, sinks) ->
                out.add(
                    commodity
                        + ": losing link "
                        + link
                        + " alone cuts "
                        + String.join(", ", sinks)));
    return out;
  }

  /** The counts of a long warning list and the links that cut the most sinks, worst first. */
  private static List<String> cutSummary(SupplyCuts cuts) {
    String commodity = cuts.commodity();
    List<String> out = new ArrayList<>();
    out.add(
        commodity
            + ": "
            + plural(cuts.sinkCuts().size(), "sink")
            + " can each be cut off from every source and storage by losing one link or node, and "
            + plural(cuts.linkCuts().size(), "link")
            + " each cut sinks alone (describe --full lists them all); the links that cut the"
            + " most sinks:");
    List<Map.Entry<String, List<String>>> worst = new ArrayList<>(cuts.linkCuts().entrySet());
    // stable: ties stay in file order
    worst.sort((a, b) -> Integer.compare(b.getValue().size(), a.getValue().size()));
    for (Map.Entry<String, List<String>> e : worst.subList(0, Math.min(SHOWN, worst.size()))) {
      out.add(
          commodity
              + ": losing link "
              + e.getKey()
              + " alone cuts "
              + plural(e.getValue().size(), "sink")
              + ": "
              + firstOf(e.getValue(), 5));
    }
    return out;
  }

  /** The first {@code shown} items joined by commas, then how many more there are. */
  private static String firstOf(List<String> items, int shown) {
    if (items.size() <= shown) {
      return String.join(", ", items);
    }
    return String.join(", ", items.subList(0, shown))
        + ", ... and "
        + num(items.size() - shown)
        + " more";
  }

  private static <K> String counts(
      Map<K, Integer> counts, java.util.function.Function<K, String> name) {
    if (counts.isEmpty()) {
      return "none";
    }
    List<String> parts = new ArrayList<>();
    counts.forEach((k, n) -> parts.add(plural(n, name.apply(k))));
    return String.join(", ", parts);
  }

  private static String plural(int n, String word) {
    return num(n) + " " + NumberText.plural(n, word);
  }

  /**
   * A number as the rest of the CLI writes it: thousands grouped with commas (21,000,000), others
   * to 4 significant digits (62.3, 5,633 for 5632.9).
   */
  static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.format(Locale.ROOT, "%,d", (long) v);
    }
    if (!Double.isFinite(v)) {
      return String.valueOf(v);
    }
    java.math.BigDecimal d =
        new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros();
    java.text.DecimalFormat f =
        new java.text.DecimalFormat(
            "#,##0.###############", java.text.DecimalFormatSymbols.getInstance(Locale.ROOT));
    return f.format(d);
  }
}
