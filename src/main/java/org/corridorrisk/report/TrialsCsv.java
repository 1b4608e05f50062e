package org.corridorrisk.report;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Economy;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.StudyResult;

/**
 * Writes {@code trials.csv}: one row per trial, trials numbered from 0. Columns: {@code trial}, the
 * seven metrics in {@link Metric} order (contract names), then {@code unserved_volume.<commodity>}
 * per commodity, then {@code peak_inoperability.<sector>} per sector and {@code
 * indirect_loss.<sector>} per sector (only with an economy). Numbers are in Java's shortest
 * round-trip form; ids are plain ({@code [A-Za-z0-9._-]+}) so no quoting is needed.
 */
public final class TrialsCsv {
  private TrialsCsv() {}

  /** Writes all trials of {@code result} to {@code file} (UTF-8, LF line ends), streaming. */
  public static void write(StudyResult result, Path file) throws IOException {
    Scenario s = result.scenario();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      StringBuilder header = new StringBuilder("trial");
      for (Metric m : Metric.values()) {
        header.append(',').append(m.key());
      }
      s.commodities().forEach(c -> header.append(",unserved_volume.").append(c.id()));
      Economy e = s.economy().orElse(null);
      int sectors = e == null ? 0 : e.sectors().size();
      if (e != null) {
        e.sectors().forEach(x -> header.append(",peak_inoperability.").append(x.id()));
        e.sectors().forEach(x -> header.append(",indirect_loss.").append(x.id()));
      }
      w.write(header.toString());
      w.write('\n');
      double[][] values = result.metricValues();
      double[][] unserved = result.unservedVolume();
      StringBuilder row = new StringBuilder(256);
      for (int t = 0; t < result.trials(); t++) {
        row.setLength(0);
        row.append(t);
        for (double[] v : values) {
          row.append(',').append(v[t]);
        }
        for (double[] v : unserved) {
          row.append(',').append(v[t]);
        }
        for (int i = 0; i < sectors; i++) {
          row.append(',').append(result.peakInoperability()[i][t]);
        }
        for (int i = 0; i < sectors; i++) {
          row.append(',').append(result.sectorIndirectLoss()[i][t]);
        }
        row.append('\n');
        w.append(row);
      }
    }
  }
}
