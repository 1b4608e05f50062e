package org.corridorrisk.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.corridorrisk.study.CriticalityResult;

/** The self-contained {@code criticality.html} page. */
public final class CriticalityReport {
  private CriticalityReport() {}

  /** Writes the page for {@code result} to {@code file}. */
  public static void write(CriticalityResult result, Path file) throws IOException {
    Files.writeString(file, "<!doctype html><title>" + result.scenario().name() + "</title>");
  }
}
