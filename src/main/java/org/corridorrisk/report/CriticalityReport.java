package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.charts.Charts;
import org.corridorrisk.report.charts.HtmlPage;
import org.corridorrisk.report.charts.HtmlPage.Cell;
import org.corridorrisk.report.charts.NetworkMap;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.study.AssetOutage;
import org.corridorrisk.study.CriticalityResult;
import org.corridorrisk.study.SetOutage;
import org.corridorrisk.study.WorstSet;

/**
 * The self-contained {@code criticality.html} page: tornado charts of the top 20 assets per metric,
 * the worst-case sets per budget with their losses and how they were found, the N-2 pairs when
 * asked for, and a network map highlighting the worst-case assets. Charts are inline SVG from the
 * report's chart layer; the page needs no network access.
 */
public final class CriticalityReport {
  /** Assets shown per tornado chart. */
  static final int TOP = 20;

  private CriticalityReport() {}

  /** Writes the page for {@code result} to {@code file}. */
  public static void write(CriticalityResult result, Path file) throws IOException {
    page(result).write(file);
  }

  /** The page for {@code result}. */
  public static HtmlPage page(CriticalityResult r) {
    Scenario s = r.scenario();
    int days = Math.min(r.options().outageDays(), s.horizonDays());
    Metric objective = r.options().objective();
    HtmlPage page = new HtmlPage("Criticality: " + s.name());
    Map<String, String> facts = new LinkedHashMap<>();
    facts.put("assets ranked", Integer.toString(r.assets().size()));
    facts.put("outage", days + " of " + s.horizonDays() + " days, from day 0");
    facts.put("attack candidates", Integer.toString(r.candidates().size()));
    facts.put("attacker maximizes", objective.key());
    facts.put("budgets", r.worstCase().isEmpty() ? "none" : "1.." + r.worstCase().size());
    page.header(
        "Criticality: " + s.name(),
        "Each asset alone out for "
            + days
            + " days with no other threat acting; worst sets an attacker could disable.",
        facts);
    if (!r.assets().isEmpty()) {
      AssetOutage top = r.assets().get(0);
      StringBuilder headline =
          new StringBuilder(
              "Most critical single asset: "
                  + top.id()
                  + " ("
                  + top.type()
                  + ", "
                  + top.kind()
                  + "), economic loss "
                  + NumberText.money(s.currency(), top.get(Metric.ECONOMIC_LOSS))
                  + ", unserved "
                  + NumberText.percent(top.get(Metric.UNSERVED_FRACTION))
                  + " of demand.");
      if (!r.worstCase().isEmpty() && !r.worstCase().get(r.worstCase().size() - 1).anyLoss()) {
        headline.append(' ').append(noLossSentence(r));
      } else if (!r.worstCase().isEmpty()) {
        WorstSet last = r.worstCase().get(r.worstCase().size() - 1);
        headline
            .append(" Worst set of up to ")
            .append(last.budget())
            .append(": ")
            .append(String.join(", ", last.assetIds()))
            .append(" (")
            .append(objective.key())
            .append(' ')
            .append(format(objective, last.get(objective), s.currency()))
            .append(
                last.search().exact()
                    ? ", proven worst)."
                    : ", best found by the heuristic, not proven).");
      }
      page.headline(headline.toString());
    }

    page.section("ranking", "Single assets (N-1)");
    page.paragraph(
        (r.options().includeSinks()
                ? "Each node and link (sinks included, --include-sinks)"
                : "Each link, source, storage and junction (the infrastructure; sinks, the demand"
                    + " itself, are ranked only with --include-sinks)")
            + " is disabled alone from day 0 for "
            + days
            + " days; the bars show the loss "
            + "over the "
            + s.horizonDays()
            + "-day horizon. Sorted worst first by economic loss, then unserved "
            + "share, then id.");
    for (Metric m :
        List.of(
            Metric.ECONOMIC_LOSS, Metric.UNSERVED_FRACTION, Metric.PERSON_DAYS_WITHOUT_SERVICE)) {
      List<AssetOutage> sorted = new ArrayList<>(r.assets());
      sorted.sort(
          (a, b) -> {
            int c = Double.compare(b.get(m), a.get(m));
            return c != 0 ? c : a.id().compareTo(b.id());
          });
      List<Charts.Bar> rows = new ArrayList<>();
      for (AssetOutage a : sorted.subList(0, Math.min(TOP, sorted.size()))) {
        if (a.get(m) > 0) {
          rows.add(Charts.Bar.of(a.id(), "", a.get(m)));
        }
      }
      if (rows.isEmpty()) {
        page.note("No single asset's outage changes " + m.key() + " (all 0).");
        continue;
      }
      String unit = ReportFacts.unit(m, s);
      page.figure(
          Charts.horizontalBars(
              "tornado-" + m.key().replace('_', '-'),
              "Top " + rows.size() + " assets by " + m.key(),
              m.key()
                  + " ("
                  + unit
                  + ") over the "
                  + s.horizonDays()
                  + "-day horizon when the asset alone is out for "
                  + days
                  + " days; the intact network loses nothing.",
              rows,
              m.key() + " (" + unit + ")",
              m == Metric.UNSERVED_FRACTION));
    }
    HtmlPage.Table ranking =
        new HtmlPage.Table(
            "Top " + Math.min(TOP, r.assets().size()) + " assets",
            "asset",
            "type",
            "kind",
            "unserved_fraction",
            "economic_loss",
            "person_days_without_service",
            "spill_volume");
    for (AssetOutage a : r.assets().subList(0, Math.min(TOP, r.assets().size()))) {
      ranking.row(
          Cell.text(a.id()),
          Cell.text(a.type()),
          Cell.text(a.kind()),
          number(Metric.UNSERVED_FRACTION, a.get(Metric.UNSERVED_FRACTION), s.currency()),
          number(Metric.ECONOMIC_LOSS, a.get(Metric.ECONOMIC_LOSS), s.currency()),
          number(
              Metric.PERSON_DAYS_WITHOUT_SERVICE,
              a.get(Metric.PERSON_DAYS_WITHOUT_SERVICE),
              s.currency()),
          number(Metric.SPILL_VOLUME, a.get(Metric.SPILL_VOLUME), s.currency()));
    }
    page.table(ranking);

    page.section("worst-case", "Worst-case sets");
    if (r.worstCase().isEmpty()) {
      page.paragraph(
          r.options().budget() == 0
              ? "Not searched (--budget 0)."
              : "No threat targets any asset.");
    } else {
      page.raw(
          "<p>"
              + keepOptionsWhole(
                  HtmlPage.escape("What the attacker maximizes: " + objectiveDefinition(r) + "."))
              + "</p>\n");
      page.paragraph(
          "For each budget k, the set of at most k assets among the "
              + r.candidates().size()
              + " that some threat targets which maximizes "
              + objective.key()
              + ". 'exact' sets are proven worst ("
              + (r.monotoneObjective()
                  ? "branch and bound: the objective is monotone on this network"
                  : "exhaustive enumeration: the objective is not known to be monotone here")
              + "); others are the best a greedy search with 1-opt swaps found within --max-evaluations "
              + r.options().maxEvaluations()
              + ".");
      List<Charts.Bar> bars = new ArrayList<>();
      if (!r.worstCase().get(r.worstCase().size() - 1).anyLoss()) {
        page.headline(noLossSentence(r));
      }
      for (WorstSet w : r.worstCase()) {
        if (!w.anyLoss()) {
          continue; // no set to name
        }
        bars.add(
            Charts.Bar.of(
                "budget " + w.budget() + ": " + String.join(", ", w.assetIds()),
                w.search().exact() ? "exact" : "heuristic",
                w.get(objective)));
      }
      if (!bars.isEmpty()) {
        page.figure(
            Charts.horizontalBars(
                "worst-case",
                "Worst set per budget",
                objective.key() + " when the set is out for " + days + " days.",
                bars,
                objective.key(),
                objective == Metric.UNSERVED_FRACTION));
      }
      HtmlPage.Table t =
          new HtmlPage.Table(
              "Worst sets",
              "budget",
              "assets",
              "unserved_fraction",
              "economic_loss",
              "person_days_without_service",
              "exact",
              "method",
              "evaluations",
              "seconds");
      for (WorstSet w : r.worstCase()) {
        t.row(
            Cell.text(Integer.toString(w.budget())),
            Cell.text(w.anyLoss() ? String.join(", ", w.assetIds()) : "none causes any loss"),
            number(Metric.UNSERVED_FRACTION, w.get(Metric.UNSERVED_FRACTION), s.currency()),
            number(Metric.ECONOMIC_LOSS, w.get(Metric.ECONOMIC_LOSS), s.currency()),
            number(
                Metric.PERSON_DAYS_WITHOUT_SERVICE,
                w.get(Metric.PERSON_DAYS_WITHOUT_SERVICE),
                s.currency()),
            Cell.text(w.search().exact() ? "yes" : "no"),
            Cell.text(
                w.search().searched()
                    ? w.search().method()
                    : "not searched: " + notSearchedReason(w, r.candidates().size())),
            Cell.text(
                w.budget() == 1
                    ? w.search().evaluations()
                        + " new (reuses the "
                        + r.candidates().size()
                        + " single-asset outages)"
                    : w.search().searched()
                        ? Long.toString(w.search().evaluations())
                        : "0 (none needed)"),
            Cell.text(String.format(Locale.ROOT, "%.2f", w.search().seconds())));
      }
      page.table(t);
    }

    if (!r.pairs().isEmpty()) {
      page.section("pairs", "Pairs among the top " + r.options().pairs() + " assets (N-2)");
      HtmlPage.Table t =
          new HtmlPage.Table(
              "Pairs, worst first",
              "pair",
              "unserved_fraction",
              "economic_loss",
              "person_days_without_service");
      for (SetOutage p : r.pairs().subList(0, Math.min(50, r.pairs().size()))) {
        t.row(
            Cell.text(String.join(" + ", p.assetIds())),
            number(Metric.UNSERVED_FRACTION, p.get(Metric.UNSERVED_FRACTION), s.currency()),
            number(Metric.ECONOMIC_LOSS, p.get(Metric.ECONOMIC_LOSS), s.currency()),
            number(
                Metric.PERSON_DAYS_WITHOUT_SERVICE,
                p.get(Metric.PERSON_DAYS_WITHOUT_SERVICE),
                s.currency()));
      }
      page.table(t);
    }

    page.section("map", "Network map");
    page.figure(map(r));
    return page;
  }

  /** Assets coloured by the number of budgets whose worst set contains them. */
  private static org.corridorrisk.report.charts.Figure map(CriticalityResult r) {
    Scenario s = r.scenario();
    Map<String, Integer> inSets = new HashMap<>();
    for (WorstSet w : r.worstCase()) {
      w.assetIds().forEach(id -> inSets.merge(id, 1, Integer::sum));
    }
    Map<String, Integer> rank = new HashMap<>();
    for (int i = 0; i < r.assets().size(); i++) {
      rank.put(r.assets().get(i).id(), i);
    }
    boolean small = s.nodes().size() <= 40;
    List<NetworkMap.MapNode> nodes = new ArrayList<>();
    for (Node n : s.nodes()) {
      double lat = n.location() == null ? Double.NaN : n.location().lat();
      double lon = n.location() == null ? Double.NaN : n.location().lon();
      Integer count = inSets.get(n.id());
      nodes.add(
          new NetworkMap.MapNode(
              n.id(),
              n.kind().fileName(),
              lat,
              lon,
              count == null ? 0 : count,
              count != null || small || rank.getOrDefault(n.id(), Integer.MAX_VALUE) < 5));
    }
    List<NetworkMap.MapLink> links = new ArrayList<>();
    for (Link l : s.links()) {
      Integer count = inSets.get(l.id());
      links.add(
          new NetworkMap.MapLink(
              l.id(), l.from(), l.to(), count == null ? 0 : count, l.commodity()));
    }
    double max = Math.max(1, r.worstCase().size());
    // the map labels nodes only: name the worst-set links in the caption
    List<String> worstLinks =
        s.links().stream().map(Link::id).filter(inSets::containsKey).sorted().toList();
    String linksNamed =
        worstLinks.isEmpty()
            ? ""
            : " Links in a worst set are the darkest lines: "
                + String.join(", ", worstLinks.subList(0, Math.min(8, worstLinks.size())))
                + (worstLinks.size() > 8 ? " and " + (worstLinks.size() - 8) + " more" : "")
                + ".";
    return NetworkMap.of(
        "map",
        "Worst-case assets on the network",
        "Darker = in the worst set of more budgets (0 = in none). Nodes in a worst set are labelled"
            + (small ? " (on a map of up to 40 nodes, every node is)." : ".")
            + linksNamed,
        nodes,
        links,
        "budgets whose worst set has the link",
        max,
        "budgets whose worst set has the node",
        max,
        false);
  }

  /**
   * Why budget {@code w} was not searched, for a planner: "budget 1 already leaves 100% of demand
   * unserved, so no larger set can do worse", or "there are only 3 threat targets, so no set larger
   * than budget 3's exists". Only for a set that is not {@link
   * org.corridorrisk.study.WorstCaseResult#searched}.
   */
  public static String notSearchedReason(WorstSet w, int candidates) {
    int from = w.search().keptFromBudget();
    if (w.budget() > candidates) {
      return "there "
          + (candidates == 1
              ? "is only 1 threat target"
              : "are only " + candidates + " threat targets")
          + ", so no set larger than budget "
          + from
          + "'s exists";
    }
    return "budget "
        + from
        + " already leaves 100% of demand unserved, so no larger set can do worse";
  }

  /**
   * What the objective measures, in words, e.g. for two commodities: "unserved_fraction, the mean
   * of the 2 commodities' unserved shares of demand over the horizon (gas, power: each counts
   * equally, so all gas and no power lost is 50%); --objective economic_loss or
   * person_days_without_service weighs by money or by people instead".
   */
  public static String objectiveDefinition(CriticalityResult r) {
    Scenario s = r.scenario();
    Metric objective = r.options().objective();
    int n = s.commodities().size();
    String others =
        "; --objective economic_loss or person_days_without_service weighs by money or by people"
            + " instead";
    return switch (objective) {
      case UNSERVED_FRACTION ->
          n > 1
              ? "unserved_fraction, the mean of the "
                  + n
                  + " commodities' unserved shares of demand over the horizon ("
                  + String.join(", ", s.commodities().stream().map(c -> c.id()).toList())
                  + " count equally whatever their volumes, so losing all "
                  + s.commodities().get(0).id()
                  + " and nothing else is "
                  + NumberText.percent(1.0 / n)
                  + ")"
                  + others
              : "unserved_fraction, the share of demand not served over the horizon" + others;
      case ECONOMIC_LOSS ->
          "economic_loss in "
              + s.currency()
              + " (lost load valued at each sink's value_of_lost_load, plus indirect losses and"
              + " rerouting cost; not monotone, so the search enumerates or, when that is too"
              + " large, uses a heuristic marked not exact)";
      case PERSON_DAYS_WITHOUT_SERVICE ->
          "person_days_without_service (each sink's population times its unserved share, summed"
              + " over days and commodities; not monotone, so the search enumerates or, when that"
              + " is too large, uses a heuristic marked not exact)";
      default -> objective.key() + " (" + objective.unitKind() + ")";
    };
  }

  /** Command-line options (--name) as code that the browser does not break after "--". */
  static String keepOptionsWhole(String escapedHtml) {
    return escapedHtml.replaceAll(
        "(--[a-z][a-z-]*)", "<code style=\"white-space:nowrap\">$1</code>");
  }

  /** "No set of up to K of the N threat targets causes any loss (proven ...)." */
  static String noLossSentence(CriticalityResult r) {
    WorstSet last = r.worstCase().get(r.worstCase().size() - 1);
    return "No set of up to "
        + last.budget()
        + " of the "
        + r.candidates().size()
        + " threat targets causes any loss of "
        + r.options().objective().key()
        + (last.search().exact()
            ? " (proven by " + last.search().method() + ")."
            : " that the heuristic found (not proven: it may have missed one).");
  }

  private static Cell number(Metric m, double v, String currency) {
    return Cell.number(format(m, v, currency), v, Map.of());
  }

  private static String format(Metric m, double v, String currency) {
    return switch (m) {
      case UNSERVED_FRACTION -> NumberText.percent(v);
      case ECONOMIC_LOSS, DIRECT_LOSS, INDIRECT_LOSS, REROUTING_COST ->
          NumberText.money(currency, v);
      default -> NumberText.compact(v);
    };
  }
}
