package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Path;
import org.corridorrisk.sim.StudyResult;

/** The self-contained HTML report of a run ({@code report.html}). */
public final class HtmlReport {
  private HtmlReport() {}

  /** Writes the report of {@code result} to {@code file}. */
  public static void write(StudyResult result, Path file) throws IOException {
    // Placeholder until the report is built: a minimal valid page.
    java.nio.file.Files.writeString(file, "<!doctype html><title>" + result.scenario().name()
        + "</title><p>Report not built yet.</p>");
  }
}
