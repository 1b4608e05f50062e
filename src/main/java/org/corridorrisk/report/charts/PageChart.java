package org.corridorrisk.report.charts;

/**
 * A chart's place on a page: either a drawn {@link Figure} or a {@link NoChart} line saying that
 * the chart has nothing to draw.
 */
public sealed interface PageChart permits Figure, NoChart {
  /** Lower-case file-name-safe id ({@code [a-z0-9-]+}), the same whether drawn or not. */
  String id();

  /** The chart's title. */
  String title();
}
