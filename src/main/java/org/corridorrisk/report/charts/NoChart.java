package org.corridorrisk.report.charts;

/**
 * A chart left out because every value it would show is zero (a study without loss): an empty chart
 * would only show a made-up axis such as -5e-9 to 5e-9. The page shows one line instead, and {@code
 * --charts} writes no file for it.
 *
 * @param id the id the chart would have had
 * @param title the chart's title
 * @param reason one sentence for the reader, e.g. "No trial had an economic loss: nothing to
 *     chart."
 */
public record NoChart(String id, String title, String reason) implements PageChart {
  /** The reason given when no trial had an economic loss. */
  public static final String NO_ECONOMIC_LOSS = "No trial had an economic loss: nothing to chart.";
}
