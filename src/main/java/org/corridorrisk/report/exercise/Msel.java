package org.corridorrisk.report.exercise;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.charts.NumberText;
import org.corridorrisk.sim.TrialEvent;
import org.corridorrisk.study.ExerciseReplay;

/**
 * The master scenario events list (MSEL) of a replayed trial: one inject per row, in time order,
 * written in plain language from the trial's events (hits, misses, repairs, restorations, hazards)
 * and their consequences (a sink's shortage starting, changing by 10 points or more, ending; a
 * storage falling below a quarter of its capacity or running empty), with the wording of {@link
 * MselTemplates}.
 *
 * <p>Design note: consequences are read from the replay's daily states, not predicted, so every
 * inject is something that happens in this very trial. An attempt is not an inject of its own (its
 * hit or miss is). A repair start on the day of its hit is left out (it says nothing new without
 * repair crews).
 */
public final class Msel {
  /** CSV columns, in order (the output contract). */
  public static final List<String> COLUMNS =
      List.of(
          "inject", "day", "date", "time", "from", "to", "method", "message", "expected_action");

  /** A shortage change of at least this many points of served share is an inject of its own. */
  static final double CHANGE_STEP = 0.10;

  /** Served share below 1 - this is a shortage (rounding residue is not). */
  static final double SHORT_TOLERANCE = 1e-6;

  /** A storage below this share of its capacity is low. */
  static final double LOW_SHARE = 0.25;

  /**
   * One inject.
   *
   * @param type the template type ({@code hit}, {@code shortage_start}, ...)
   */
  public record Inject(
      String id,
      int day,
      String date,
      String time,
      String from,
      String to,
      String method,
      String message,
      String expectedAction,
      String type) {

    /**
     * The row's cells; the texts (from the templates and the scenario's labels) kept from being
     * read as spreadsheet formulas.
     */
    List<String> cells() {
      return List.of(
          id,
          Integer.toString(day),
          date,
          time,
          text(from),
          text(to),
          text(method),
          text(message),
          text(expectedAction));
    }
  }

  private Msel() {}

  /** Builds the injects of {@code replay} of {@code scenario}, sorted by day, time, then origin. */
  public static List<Inject> build(
      Scenario scenario,
      ExerciseReplay replay,
      ExerciseCalendar calendar,
      MselTemplates templates) {
    List<Pending> pending = new ArrayList<>();
    Map<String, Integer> hitDay = new HashMap<>();
    int seq = 0;
    for (TrialEvent e : replay.events()) {
      seq++;
      String type =
          switch (e.type()) {
            case ATTEMPT -> null;
            case MISS -> "miss";
            case HIT ->
                Boolean.TRUE.equals(e.details().get("already_out")) ? "hit_while_out" : "hit";
            case REPAIR_START -> "repair_start";
            case RESTORED -> "restored";
            case HAZARD -> "hazard";
          };
      if (type == null) {
        continue;
      }
      if (e.type() == TrialEvent.Type.HIT && e.asset() != null) {
        hitDay.put(e.asset(), e.day());
      }
      if (e.type() == TrialEvent.Type.REPAIR_START
          && Integer.valueOf(e.day()).equals(hitDay.get(e.asset()))) {
        continue;
      }
      String kind = AssetFacts.kind(scenario, e.asset());
      Map<String, String> v = common(scenario, calendar, e.day());
      assetValues(scenario, e.asset(), v);
      v.put("threat", e.threat());
      v.put("asset_kind", kind == null ? null : kind.replace('-', ' '));
      if (e.endDay() >= 0) {
        boolean within = e.endDay() < scenario.horizonDays();
        v.put("end_day", within ? Integer.toString(e.endDay()) : "after the horizon");
        v.put("end_date", within ? calendar.label(e.endDay()) : "not within the exercise");
      }
      if (!Double.isNaN(e.capacityFactor())) {
        v.put("capacity_factor", NumberText.percent(e.capacityFactor()));
      }
      e.details().forEach((k, x) -> v.put(k, detailText(x)));
      boolean ownTime =
          e.type() == TrialEvent.Type.HIT
              || e.type() == TrialEvent.Type.MISS
              || e.type() == TrialEvent.Type.HAZARD;
      String time =
          templates.raw(type, kind, "time") != null && !ownTime
              ? templates.raw(type, kind, "time")
              : ExerciseCalendar.clock(e.time());
      pending.add(new Pending(type, kind, e.day(), time, seq, v));
    }
    // a consequence is reported after the day's events that cause it: at its template time, or
    // an hour after the day's last event, whichever is later
    Map<Integer, String> lastEvent = new HashMap<>();
    for (Pending p : pending) {
      lastEvent.merge(p.day, p.time, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    List<Pending> effects = new ArrayList<>();
    consequences(scenario, replay, calendar, templates, effects);
    for (Pending p : effects) {
      String after = lastEvent.get(p.day);
      String time = after == null ? p.time : later(p.time, plusHour(after));
      pending.add(new Pending(p.type, p.kind, p.day, time, p.seq, p.values));
    }
    pending.sort(
        Comparator.comparingInt(Pending::day)
            .thenComparing(Pending::time)
            .thenComparingInt(Pending::seq));
    List<Inject> out = new ArrayList<>();
    for (Pending p : pending) {
      if (templates.skips(p.type, p.kind)) {
        continue;
      }
      out.add(
          new Inject(
              String.format(Locale.ROOT, "INJ-%03d", out.size() + 1),
              p.day,
              calendar.isoDate(p.day),
              p.time,
              templates.fill(p.type, p.kind, "from", p.values),
              templates.fill(p.type, p.kind, "to", p.values),
              templates.fill(p.type, p.kind, "method", p.values),
              templates.fill(p.type, p.kind, "message", p.values),
              templates.fill(p.type, p.kind, "expected_action", p.values),
              p.type));
    }
    return out;
  }

  private static String later(String a, String b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** {@code HH:MM} plus one hour, at most 23:59 (injects stay on their day). */
  private static String plusHour(String clock) {
    int minutes =
        Integer.parseInt(clock.substring(0, 2)) * 60 + Integer.parseInt(clock.substring(3));
    minutes = Math.min(23 * 60 + 59, minutes + 60);
    return String.format(Locale.ROOT, "%02d:%02d", minutes / 60, minutes % 60);
  }

  private record Pending(
      String type, String kind, int day, String time, int seq, Map<String, String> values) {}

  private static Map<String, String> common(Scenario s, ExerciseCalendar cal, int day) {
    Map<String, String> v = new HashMap<>();
    v.put("day", Integer.toString(day));
    v.put("date", cal.label(day));
    v.put("scenario", s.name());
    return v;
  }

  private static void assetValues(Scenario s, String asset, Map<String, String> v) {
    v.put("asset", asset);
    v.put("region", AssetFacts.region(s, asset));
    v.put("operator", AssetFacts.operator(s, asset));
    String c = AssetFacts.commodity(s, asset);
    if (c != null) {
      v.put("commodity", c);
      v.put("unit", s.commodity(c).unit());
    }
  }

  private static String detailText(Object x) {
    if (x instanceof Double d) {
      return NumberText.compact(d);
    }
    return String.valueOf(x);
  }

  /** Shortages per sink and storage thresholds, from the daily states. */
  private static void consequences(
      Scenario s, ExerciseReplay r, ExerciseCalendar cal, MselTemplates t, List<Pending> pending) {
    int seq = 1_000_000;
    List<String> sinks = r.sinkIds();
    boolean[] isShort = new boolean[sinks.size()];
    double[] reported = new double[sinks.size()];
    int[] since = new int[sinks.size()];
    Map<String, Boolean> low = new LinkedHashMap<>();
    Map<String, Boolean> empty = new LinkedHashMap<>();
    Map<String, Double> previous = new HashMap<>();
    for (ExerciseReplay.Day d : r.days()) {
      for (int k = 0; k < sinks.size(); k++) {
        double demand = d.sinkDemand()[k];
        if (!(demand > 0)) {
          continue;
        }
        double share = Math.max(0, Math.min(1, d.sinkServed()[k] / demand));
        boolean nowShort = share < 1 - SHORT_TOLERANCE;
        String type = null;
        if (nowShort && !isShort[k]) {
          type = "shortage_start";
          since[k] = d.day();
        } else if (nowShort && Math.abs(share - reported[k]) >= CHANGE_STEP - 1e-12) {
          type = "shortage_change";
        } else if (!nowShort && isShort[k]) {
          type = "shortage_end";
        }
        isShort[k] = nowShort;
        if (type == null) {
          continue;
        }
        reported[k] = share;
        Node n = s.node(sinks.get(k));
        Map<String, String> v = common(s, cal, d.day());
        assetValues(s, n.id(), v);
        v.put("sink", n.id());
        v.put("served", NumberText.percent(share));
        v.put("unserved", NumberText.percent(1 - share));
        double affected = n.population() * (1 - share);
        v.put("people", people(affected));
        v.put(
            "people_clause",
            affected > 0 ? ", about " + people(affected) + " people affected" : "");
        v.put("demand", NumberText.compact(demand));
        v.put("served_volume", NumberText.compact(d.sinkServed()[k]));
        v.put("days_short", Integer.toString(d.day() - since[k] + (nowShort ? 1 : 0)));
        String time = t.raw(type, n.commodity(), "time");
        pending.add(
            new Pending(type, n.commodity(), d.day(), time == null ? "06:00" : time, seq++, v));
      }
      for (Map.Entry<String, Double> st : d.storage().entrySet()) {
        Node n = s.node(st.getKey());
        double cap = n.storageCapacity();
        double inv = st.getValue();
        double before = previous.getOrDefault(n.id(), n.inventory());
        previous.put(n.id(), inv);
        double draw = before - inv;
        String type = null;
        if (inv <= 1e-9 * Math.max(1, cap)) {
          if (!empty.getOrDefault(n.id(), false) && before > inv) {
            type = "storage_empty";
            empty.put(n.id(), true);
            low.put(n.id(), true);
          }
        } else {
          if (inv > LOW_SHARE * cap) {
            empty.put(n.id(), false);
          }
          if (inv < LOW_SHARE * cap && !low.getOrDefault(n.id(), false) && draw > 0) {
            type = "storage_low";
            low.put(n.id(), true);
          } else if (inv >= 2 * LOW_SHARE * cap) {
            low.put(n.id(), false);
          }
        }
        if (type == null) {
          continue;
        }
        Map<String, String> v = common(s, cal, d.day());
        assetValues(s, n.id(), v);
        // an inventory is a volume: "mcm", not the commodity's rate unit "mcm/d"
        v.put("unit", s.commodity(n.commodity()).volumeUnit());
        v.put("storage", n.id());
        v.put("inventory", NumberText.compact(inv));
        v.put("capacity", NumberText.compact(cap));
        v.put("percent", NumberText.percent(cap > 0 ? inv / cap : 0));
        v.put(
            "days_left",
            draw > 0 ? String.format(Locale.ROOT, "%.0f", Math.floor(inv / draw)) : "n/a");
        String time = t.raw(type, "storage", "time");
        pending.add(new Pending(type, "storage", d.day(), time == null ? "18:00" : time, seq++, v));
      }
    }
  }

  /** People as a rounded figure: "1.2 million", "45,000", "800". */
  static String people(double n) {
    if (!(n > 0)) {
      return "0";
    }
    if (n >= 1e6) {
      return String.format(Locale.ROOT, "%.1f million", n / 1e6);
    }
    double rounded = n >= 1000 ? Math.round(n / 1000.0) * 1000.0 : Math.round(n / 10.0) * 10.0;
    return String.format(Locale.ROOT, "%,.0f", rounded);
  }

  /** Writes the injects as RFC 4180 CSV (UTF-8, CRLF, quotes where needed), header first. */
  public static void write(List<Inject> injects, Path file) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(toCsv(injects));
    }
  }

  /** The CSV text. */
  public static String toCsv(List<Inject> injects) {
    StringBuilder sb = new StringBuilder();
    row(sb, COLUMNS);
    for (Inject i : injects) {
      row(sb, i.cells());
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(',');
      }
      sb.append(field(cells.get(i)));
    }
    sb.append("\r\n");
  }

  /**
   * A text cell that a spreadsheet would take for a formula (it starts with {@code =}, {@code +},
   * {@code -}, {@code @}, a tab or a carriage return) with a {@code '} in front, so that opening
   * msel.csv never runs what a template or a label wrote (CSV injection); other texts unchanged.
   */
  static String text(String s) {
    if (s == null || s.isEmpty()) {
      return s;
    }
    char c = s.charAt(0);
    boolean formula = c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    return formula ? "'" + s : s;
  }

  /** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF; quotes doubled. */
  static String field(String s) {
    if (s == null) {
      return "";
    }
    boolean quote =
        s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
    return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
  }
}
