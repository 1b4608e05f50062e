package org.corridorrisk.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.Columns;
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.Intervals;
import org.corridorrisk.stats.LogHistogram;
import org.corridorrisk.stats.MetricSummary;

/**
 * Writes {@code summary.json} exactly as in the output contract: {@code format}, {@code scenario},
 * {@code trials}, {@code seed}, {@code metrics} (the seven metrics in {@link Metric} order, each
 * with mean, std, ci95_low, ci95_high, p50, p90, p95, p99, var95, cvar95, max), {@code
 * by_commodity} (unserved_volume per commodity, scenario order) and {@code economy.sectors} (empty
 * when the scenario has no economy). Besides the contract's keys: per commodity {@code
 * person_days_without_service} (same keys as a metric) and {@code people_served} (populations of
 * that commodity's sinks only: people are never added across commodities), {@code by_region} (only
 * when a sink carries a {@code region} label: people served and mean person-days per region and
 * commodity, see {@link PeopleServed}), {@code engine}, {@code percentiles} (method and error
 * bound), {@code intervals} (methods), {@code few_trials} (metrics whose mean rests on few trials),
 * {@code interrupted} (only when Ctrl-C cut the run short), and per summary the intervals of p99
 * and CVaR, the trials with a loss and their share's Wilson interval, and the effective number of
 * trials.
 *
 * <p>Nothing run-dependent (timings, threads) goes in, so the file is byte-identical for a given
 * scenario, seed and trial count whatever the thread count. Numbers are written in Java's shortest
 * round-trip form.
 */
public final class SummaryJson {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "corridor-risk/summary/v1";

  private SummaryJson() {}

  /** The value of the {@code engine} key for the local engine. */
  public static final String LOCAL = "local";

  /** Name of the interval method, the value of {@code intervals.mean}. */
  public static final String MEAN_INTERVAL = "hall-skew-corrected-t";

  /**
   * Name of CVaR95's interval method, the value of {@code intervals.cvar}: the asymptotic standard
   * error with Hall's correction for the tail values' skewness and a t quantile ({@link
   * org.corridorrisk.stats.Intervals#cvar}); not a normal interval since it became skew-corrected.
   */
  public static final String CVAR_INTERVAL = "asymptotic-hall-skew-corrected-t";

  /** Writes the summary of {@code result} to {@code file} (UTF-8, trailing newline). */
  public static void write(StudyResult result, Path file) throws IOException {
    write(result, file, LOCAL);
  }

  /** As above, naming the engine that ran the study ({@code local}, {@code spark}). */
  public static void write(StudyResult result, Path file, String engine) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(toBytes(result, engine));
    }
  }

  /** The summary as a string. */
  public static String toJson(StudyResult result) {
    return toJson(result, LOCAL);
  }

  /** The summary as a string, naming the engine. */
  public static String toJson(StudyResult result, String engine) {
    return new String(toBytes(result, engine), StandardCharsets.UTF_8);
  }

  private static byte[] toBytes(StudyResult r, String engine) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(bytes, JsonEncoding.UTF8)) {
      DefaultPrettyPrinter pp =
          new DefaultPrettyPrinter()
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n"));
      g.setPrettyPrinter(pp);
      Scenario s = r.scenario();
      long n = r.trials();
      Columns cols = Columns.of(s);
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("scenario", s.name());
      g.writeNumberField("trials", n);
      g.writeNumberField("seed", r.options().seed());
      g.writeStringField("engine", engine);
      if (r.interrupted()) {
        g.writeBooleanField("interrupted", true);
      }
      g.writeObjectFieldStart("percentiles");
      if (r.exact()) {
        g.writeStringField("method", "exact");
      } else {
        g.writeStringField("method", "log-histogram");
        g.writeNumberField("relative_error", LogHistogram.RELATIVE_ERROR);
      }
      g.writeEndObject();
      g.writeObjectFieldStart("intervals");
      g.writeStringField("mean", MEAN_INTERVAL);
      g.writeStringField("share", "wilson");
      g.writeStringField("quantile", "order-statistic");
      g.writeStringField("cvar", CVAR_INTERVAL);
      g.writeNumberField("few_trials_below", Intervals.FEW_TRIALS);
      g.writeEndObject();
      g.writeArrayFieldStart("few_trials");
      for (Metric metric : Metric.values()) {
        if (few(r.summary(metric))) {
          g.writeString(metric.key());
        }
      }
      g.writeEndArray();
      g.writeArrayFieldStart("notes");
      String noLoss = noLossNote(r);
      if (noLoss != null) {
        g.writeString(noLoss);
      }
      String target = targetCiNote(r);
      if (target != null) {
        g.writeString(target);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("metrics");
      for (Metric metric : Metric.values()) {
        g.writeFieldName(metric.key());
        writeSummary(g, r.summary(cols.metric(metric)));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("by_commodity");
      for (int c = 0; c < s.commodities().size(); c++) {
        g.writeObjectFieldStart(s.commodities().get(c).id());
        g.writeFieldName("unserved_volume");
        writeSummary(g, r.summary(cols.unservedVolume(c)));
        g.writeFieldName(Metric.PERSON_DAYS_WITHOUT_SERVICE.key());
        writeSummary(g, r.summary(cols.personDays(c)));
        g.writeNumberField("people_served", PeopleServed.people(s, s.commodities().get(c).id()));
        g.writeEndObject();
      }
      g.writeEndObject();
      if (PeopleServed.hasRegions(s)) {
        writeRegions(g, r);
      }
      // always written (the contract's example has it): no sectors without an economy section
      g.writeObjectFieldStart("economy");
      g.writeArrayFieldStart("sectors");
      if (s.economy().isPresent()) {
        Economy e = s.economy().get();
        for (int i = 0; i < e.sectors().size(); i++) {
          g.writeStartObject();
          g.writeStringField("id", e.sectors().get(i).id());
          g.writeNumberField(
              "mean_peak_inoperability", r.columns()[cols.peakInoperability(i)].moments().mean());
          g.writeNumberField(
              "mean_indirect_loss", r.columns()[cols.indirectLoss(i)].moments().mean());
          g.writeEndObject();
        }
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return bytes.toByteArray();
  }

  /**
   * {@code by_region}: per region label (order of first sink), per commodity with sinks there, the
   * people served and the mean person-days without service; sinks without a label are left out.
   */
  private static void writeRegions(JsonGenerator g, StudyResult r) throws IOException {
    g.writeObjectFieldStart("by_region");
    String open = null;
    for (PeopleServed.RegionPeople p : PeopleServed.byRegion(r)) {
      if (!p.region().equals(open)) {
        if (open != null) {
          g.writeEndObject();
        }
        g.writeObjectFieldStart(p.region());
        open = p.region();
      }
      g.writeObjectFieldStart(p.commodity());
      g.writeNumberField("people_served", p.people());
      g.writeNumberField("mean_person_days_without_service", p.meanPersonDays());
      g.writeEndObject();
    }
    if (open != null) {
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void writeSummary(JsonGenerator g, MetricSummary m) throws IOException {
    g.writeStartObject();
    List<Object[]> fields =
        List.of(
            new Object[] {"mean", m.mean()},
            new Object[] {"std", m.std()},
            new Object[] {"ci95_low", m.ci95Low()},
            new Object[] {"ci95_high", m.ci95High()},
            new Object[] {"p50", m.p50()},
            new Object[] {"p90", m.p90()},
            new Object[] {"p95", m.p95()},
            new Object[] {"p99", m.p99()},
            new Object[] {"var95", m.var95()},
            new Object[] {"cvar95", m.cvar95()},
            new Object[] {"max", m.max()});
    for (Object[] f : fields) {
      g.writeNumberField((String) f[0], (Double) f[1]);
    }
    writeNumberOrNull(g, "p99_ci95_low", m.p99Low());
    writeNumberOrNull(g, "p99_ci95_high", m.p99High());
    writeNumberOrNull(g, "cvar95_ci95_low", m.cvar95Low());
    writeNumberOrNull(g, "cvar95_ci95_high", m.cvar95High());
    g.writeNumberField("trials_with_loss", m.trialsWithLoss());
    g.writeNumberField("share_with_loss", m.shareWithLoss());
    g.writeNumberField("share_with_loss_ci95_low", m.shareWithLossLow());
    g.writeNumberField("share_with_loss_ci95_high", m.shareWithLossHigh());
    double e = m.effectiveTrials();
    g.writeNumberField("effective_trials", Double.isNaN(e) ? 0 : e);
    g.writeBooleanField("few_trials", few(m));
    g.writeEndObject();
  }

  /** A number, or {@code null} where the trials give none (an interval end they cannot bound). */
  private static void writeNumberOrNull(JsonGenerator g, String key, double value)
      throws IOException {
    if (Double.isFinite(value)) {
      g.writeNumberField(key, value);
    } else {
      g.writeNullField(key);
    }
  }

  /**
   * When no trial had a loss although the scenario has threats: a sentence saying what the trials
   * do show (the Wilson bound on the chance of a loss) and that the intervals [0, 0] only say no
   * loss was seen; {@code null} otherwise. A study without {@code --trials} or with {@code
   * --target-ci} only ends like this at its most trials ({@code MonteCarlo.needsMoreTrials}, {@code
   * MonteCarlo.targetReached}).
   */
  public static String noLossNote(StudyResult r) {
    if (!org.corridorrisk.sim.MonteCarlo.threatened(r.scenario())) {
      return null;
    }
    for (Metric m : org.corridorrisk.sim.MonteCarlo.WATCHED) {
      if (r.summary(m).trialsWithLoss() > 0) {
        return null;
      }
    }
    return String.format(
        java.util.Locale.ROOT,
        "no trial of %,d had a loss: the chance of a loss in one trial is below %.2g (upper end of"
            + " the 95%% Wilson interval), and the intervals [0, 0] only say that no loss was seen",
        r.trials(),
        r.summary(Metric.ECONOMIC_LOSS).shareWithLossHigh());
  }

  /**
   * The note for a {@code --target-ci REL} that the study did not reach (its {@code --trials} cap,
   * or Ctrl-C, came first): how wide the interval of mean {@code economic_loss} still is; {@code
   * null} without a target or when the final trials meet it ({@link
   * org.corridorrisk.sim.MonteCarlo#targetReached}, the rule that stops the study).
   */
  public static String targetCiNote(StudyResult r) {
    double rel = r.options().targetRelativeCi();
    if (!(rel > 0)
        || org.corridorrisk.sim.MonteCarlo.targetReached(
            r.columns(), org.corridorrisk.sim.MonteCarlo.threatened(r.scenario()), rel)) {
      return null;
    }
    MetricSummary loss = r.summary(Metric.ECONOMIC_LOSS);
    double half = loss.ci95HalfWidth();
    String reached =
        loss.mean() != 0 && Double.isFinite(half)
            ? String.format(
                java.util.Locale.ROOT,
                "the 95%% interval of mean economic_loss reaches %.1f%% of the mean",
                100 * half / Math.abs(loss.mean()))
            : "no trial had an economic loss, so there is no relative interval to compare";
    return String.format(
        java.util.Locale.ROOT,
        "--target-ci %s was not reached: after %,d trials %s%s; run more trials (--trials) for"
            + " that precision",
        new java.math.BigDecimal(Double.toString(rel)).stripTrailingZeros().toPlainString(),
        r.trials(),
        reached,
        few(loss) ? ", and the mean rests on few trials" : "");
  }

  /** Whether a summary's mean rests on few trials (some loss, few effective trials). */
  public static boolean few(MetricSummary m) {
    return m.effectiveTrials() > 0 && m.fewTrials();
  }
}
