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
import org.corridorrisk.sim.StudyResult;
import org.corridorrisk.stats.MetricSummary;
import org.corridorrisk.stats.Sums;

/**
 * Writes {@code summary.json} exactly as in the output contract: {@code format}, {@code scenario},
 * {@code trials}, {@code seed}, {@code metrics} (the seven metrics in {@link Metric} order, each
 * with mean, std, ci95_low, ci95_high, p50, p90, p95, p99, var95, cvar95, max), {@code
 * by_commodity} (unserved_volume per commodity, scenario order) and, only when the scenario has an
 * economy, {@code economy.sectors}.
 *
 * <p>Nothing run-dependent (timings, threads) goes in, so the file is byte-identical for a given
 * scenario, seed and trial count whatever the thread count. Numbers are written in Java's shortest
 * round-trip form.
 */
public final class SummaryJson {
  /** The value of the {@code format} key. */
  public static final String FORMAT = "corridor-risk/summary/v1";

  private SummaryJson() {}

  /** The {@code engine} value of a study run on this machine's threads. */
  public static final String LOCAL_ENGINE = "local";

  /** Writes the summary of {@code result} to {@code file} (UTF-8, trailing newline). */
  public static void write(StudyResult result, Path file) throws IOException {
    write(result, LOCAL_ENGINE, file);
  }

  /** As {@link #write(StudyResult, Path)}, for a study run by {@code engine} (e.g. "spark"). */
  public static void write(StudyResult result, String engine, Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(toBytes(result, engine));
    }
  }

  /** The summary as a string. */
  public static String toJson(StudyResult result) {
    return new String(toBytes(result, LOCAL_ENGINE), StandardCharsets.UTF_8);
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
      int n = r.trials();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeStringField("scenario", s.name());
      g.writeNumberField("trials", n);
      g.writeNumberField("seed", r.options().seed());
      g.writeStringField("engine", engine);
      g.writeObjectFieldStart("metrics");
      for (Metric metric : Metric.values()) {
        g.writeFieldName(metric.key());
        writeSummary(g, MetricSummary.of(r.values(metric), n));
      }
      g.writeEndObject();
      g.writeObjectFieldStart("by_commodity");
      for (int c = 0; c < s.commodities().size(); c++) {
        g.writeObjectFieldStart(s.commodities().get(c).id());
        g.writeFieldName("unserved_volume");
        writeSummary(g, MetricSummary.of(r.unservedVolume()[c], n));
        g.writeEndObject();
      }
      g.writeEndObject();
      if (s.economy().isPresent()) {
        Economy e = s.economy().get();
        g.writeObjectFieldStart("economy");
        g.writeArrayFieldStart("sectors");
        for (int i = 0; i < e.sectors().size(); i++) {
          g.writeStartObject();
          g.writeStringField("id", e.sectors().get(i).id());
          g.writeNumberField("mean_peak_inoperability", Sums.mean(r.peakInoperability()[i], n));
          g.writeNumberField("mean_indirect_loss", Sums.mean(r.sectorIndirectLoss()[i], n));
          g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeRaw('\n');
    } catch (IOException e) {
      throw new IllegalStateException("writing JSON to memory failed", e);
    }
    return bytes.toByteArray();
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
    g.writeEndObject();
  }
}
