package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.study.Comparison;

/** The self-contained HTML page of a comparison ({@code compare.html}). */
public final class CompareReport {
  private CompareReport() {}

  /** Writes the page of {@code comparison} to {@code file}. */
  public static void write(Comparison comparison, Path file) throws IOException {
    Files.writeString(file, "<!doctype html><title>compare</title>");
  }
}
