package org.corridorrisk.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.Columns;
import org.corridorrisk.sim.RunOptions;
import org.corridorrisk.sim.StudyResult;

/**
 * Writes {@code trials.csv}: one row per trial, trials numbered from 0. Columns: {@code trial}, the
 * seven metrics in {@link Metric} order (contract names), then {@code unserved_volume.<commodity>}
 * per commodity, then {@code peak_inoperability.<sector>} per sector and {@code
 * indirect_loss.<sector>} per sector (only with an economy). Numbers are in Java's shortest
 * round-trip form; ids are plain ({@code [A-Za-z0-9._-]+}) so no quoting is needed.
 *
 * <p>The engine formats each batch's rows and hands them in trial order to {@link #open}'s writer
 * as batches finish ({@link RunOptions#rows()}), so the file is streamed and never held in memory.
 */
public final class TrialsCsv implements RunOptions.TrialRows, Closeable {
  private final BufferedWriter out;

  private TrialsCsv(BufferedWriter out) {
    this.out = out;
  }

  /** The header line (without line end). */
  public static String header(Scenario s) {
    return "trial," + String.join(",", Columns.names(s));
  }

  /** Creates {@code file}, writes the header and returns the writer for the engine's rows. */
  public static TrialsCsv open(Path file, Scenario s) throws IOException {
    BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    w.write(header(s));
    w.write('\n');
    return new TrialsCsv(w);
  }

  @Override
  public void write(CharSequence rows) throws IOException {
    out.append(rows);
  }

  /** Pushes what was written so far to the file (rows end on a line end, so the file is whole). */
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  /**
   * Writes the kept trials of {@code result} to {@code file} (UTF-8, LF line ends); all trials when
   * the result kept them all ({@link StudyResult#exact()}).
   */
  public static void write(StudyResult result, Path file) throws IOException {
    try (TrialsCsv w = open(file, result.scenario())) {
      double[][] columns = result.columnValues();
      StringBuilder row = new StringBuilder(256);
      for (int t = 0; t < result.keptTrials(); t++) {
        row.setLength(0);
        row.append(t);
        for (double[] v : columns) {
          row.append(',').append(v[t]);
        }
        row.append('\n');
        w.write(row);
      }
    }
  }
}
