package org.corridorrisk.report.charts;

import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.CategoryLineAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.IntervalBarRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.Range;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.category.DefaultIntervalCategoryDataset;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The chart vocabulary of corridor-risk pages (run report, comparison, criticality): each factory
 * takes plain arrays and labels and returns a styled {@link Figure}. Callers give axis labels with
 * units ({@code "economic loss (USD)"}) and a one-line reading guide.
 *
 * <p>Design note: factories never keep more points than a reader can see: exceedance curves and
 * long lines are thinned (see {@link #exceedancePoints}), so a page for a million trials stays
 * small. Inputs are not modified. Non-finite values are ignored where noted.
 */
public final class Charts {
  private Charts() {}

  /** A named set of per-trial values (one curve of an exceedance chart). */
  public record Series(String name, double[] values) {}

  /**
   * A line with a shaded band, e.g. a mean with its 5-95% range.
   *
   * @param x abscissae, increasing
   * @param mid the line
   * @param low lower edge of the band (same length)
   * @param high upper edge of the band (same length)
   */
  public record Band(String name, double[] x, double[] mid, double[] low, double[] high) {
    public Band {
      if (mid.length != x.length || low.length != x.length || high.length != x.length) {
        throw new IllegalArgumentException(
            "band '"
                + name
                + "' arrays must have equal lengths but had x="
                + x.length
                + ", mid="
                + mid.length
                + ", low="
                + low.length
                + ", high="
                + high.length);
      }
    }
  }

  /**
   * One horizontal bar.
   *
   * @param label category label (unique within a chart)
   * @param group colour group shown in the legend (e.g. "priority 1"); may be ""
   * @param value bar length
   * @param low error bar start, {@code NaN} for none
   * @param high error bar end, {@code NaN} for none
   */
  public record Bar(String label, String group, double value, double low, double high) {
    /** A bar without error bar. */
    public static Bar of(String label, String group, double value) {
      return new Bar(label, group, value, Double.NaN, Double.NaN);
    }
  }

  /** One tornado row: the outcome at the low and high setting of one factor. */
  public record TornadoBar(String label, double low, double high) {}

  /**
   * A point of a scatter chart.
   *
   * @param label shown next to the point when {@code labelled}
   * @param group colour group (legend entry)
   */
  public record Point(String label, String group, double x, double y, boolean labelled) {}

  // ---------------------------------------------------------------- histogram

  /**
   * Whether a logarithmic axis shows these values better: their positive values span more than two
   * orders of magnitude between the 5th percentile and the maximum.
   */
  public static boolean logScaleUseful(double[] values) {
    double[] positive =
        Arrays.stream(values).filter(v -> v > 0 && Double.isFinite(v)).sorted().toArray();
    if (positive.length < 2) {
      return false;
    }
    double p05 = positive[(int) Math.floor(0.05 * (positive.length - 1))];
    return positive[positive.length - 1] / p05 > 100;
  }

  /**
   * Histogram of per-trial values; bar height = share of all values in the bin, so the bars sum to
   * the share of values shown. With {@code logX} only positive values are binned (logarithmically
   * spaced bins) and the guide should say how many were zero.
   *
   * @param bins number of bins (>= 1)
   */
  public static Figure histogram(
      String id,
      String title,
      String guide,
      double[] values,
      String xLabel,
      boolean logX,
      int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, was " + bins);
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    int total = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        total++;
        if (!logX || v > 0) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    XYIntervalSeries series = new XYIntervalSeries("share of trials");
    if (min <= max) {
      double lo = logX ? Math.log10(min) : min;
      double hi = logX ? Math.log10(max) : max;
      if (hi - lo < 1e-12) {
        lo -= 0.5;
        hi += 0.5;
        if (!logX && min >= 0) {
          lo = Math.max(lo, 0);
        }
      }
      double width = (hi - lo) / bins;
      long[] counts = new long[bins];
      for (double v : values) {
        if (Double.isFinite(v) && (!logX || v > 0)) {
          double t = logX ? Math.log10(v) : v;
          int b = (int) Math.floor((t - lo) / width);
          counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
      }
      for (int b = 0; b < bins; b++) {
        double from = lo + b * width;
        double to = from + width;
        double x0 = logX ? Math.pow(10, from) : from;
        double x1 = logX ? Math.pow(10, to) : to;
        double share = total == 0 ? 0 : (double) counts[b] / total;
        series.add(logX ? Math.sqrt(x0 * x1) : (x0 + x1) / 2, x0, x1, share, share, share);
      }
    }
    XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
    dataset.addSeries(series);
    NumberAxis y = new NumberAxis("share of trials");
    XYBarRenderer renderer = new XYBarRenderer(0.05);
    XYPlot plot = new XYPlot(dataset, valueAxis(xLabel, logX, min), y, renderer);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, false));
    y.setNumberFormatOverride(NumberText.percentFormat());
    renderer.setSeriesPaint(0, ChartStyle.BLUE);
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    return Figure.of(id, chart, guide);
  }

  /**
   * The non-zero part of paired differences, by sign, on a log scale of their size: one bar series
   * for positive differences (the mitigation helped: {@code positiveName}), one for negative ones
   * ({@code negativeName}), side by side in common logarithmic bins of |difference|; bar heights
   * are shares of ALL trials, so each series sums to the share of trials better (or worse).
   * Differences with {@code |d| <= zeroBelow} count as no difference and are not drawn: state their
   * share in the guide.
   *
   * <p>Design note: paired differences of rare losses are mostly exactly zero (trials in which
   * nothing the mitigation touches was hit) with tails over several orders of magnitude, so a
   * linear histogram shows one spike at zero and nothing else.
   *
   * @return the figure, or {@code null} when no difference is non-zero
   */
  public static Figure signedLogHistogram(
      String id,
      String title,
      String guide,
      double[] values,
      double zeroBelow,
      String xLabel,
      String positiveName,
      String negativeName,
      int bins) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    int total = 0;
    for (double v : values) {
      if (Double.isFinite(v)) {
        total++;
        double a = Math.abs(v);
        if (a > zeroBelow && a > 0) {
          min = Math.min(min, a);
          max = Math.max(max, a);
        }
      }
    }
    if (!(max > 0)) {
      return null;
    }
    double lo = Math.log10(min);
    double hi = Math.log10(max);
    if (hi - lo < 1e-9) {
      lo -= 0.5;
      hi += 0.5;
    }
    double width = (hi - lo) / bins;
    long[] better = new long[bins];
    long[] worse = new long[bins];
    for (double v : values) {
      double a = Math.abs(v);
      if (Double.isFinite(v) && a > zeroBelow && a > 0) {
        int b = Math.max(0, Math.min(bins - 1, (int) Math.floor((Math.log10(a) - lo) / width)));
        if (v > 0) {
          better[b]++;
        } else {
          worse[b]++;
        }
      }
    }
    XYIntervalSeries pos = new XYIntervalSeries(positiveName);
    XYIntervalSeries neg = new XYIntervalSeries(negativeName);
    for (int b = 0; b < bins; b++) {
      double x0 = Math.pow(10, lo + b * width);
      double x1 = Math.pow(10, lo + (b + 1) * width);
      double mid = Math.sqrt(x0 * x1);
      double sb = (double) better[b] / total;
      double sw = (double) worse[b] / total;
      pos.add(mid, x0, x1, sb, sb, sb);
      neg.add(mid, x0, x1, sw, sw, sw);
    }
    XYIntervalSeriesCollection dataset = new XYIntervalSeriesCollection();
    boolean anyBetter = Arrays.stream(better).anyMatch(k -> k > 0);
    boolean anyWorse = Arrays.stream(worse).anyMatch(k -> k > 0);
    List<Color> colors = new ArrayList<>();
    if (anyBetter) {
      dataset.addSeries(pos);
      colors.add(ChartStyle.BLUE);
    }
    if (anyWorse) {
      dataset.addSeries(neg); // drawn beside the positive bars only when there are any
      colors.add(ChartStyle.VERMILLION);
    }
    NumberAxis y = new NumberAxis("share of all trials");
    ClusteredXYBarRenderer renderer = new ClusteredXYBarRenderer(0.05, false);
    XYPlot plot = new XYPlot(dataset, valueAxis(xLabel, true, min), y, renderer);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
    y.setNumberFormatOverride(NumberText.percentFormat());
    for (int i = 0; i < colors.size(); i++) {
      renderer.setSeriesPaint(i, colors.get(i));
    }
    renderer.setDrawBarOutline(false);
    renderer.setShadowVisible(false);
    return Figure.of(id, chart, guide);
  }

  // ---------------------------------------------------------------- exceedance

  /**
   * Whether {@code values} are all finite and already in {@link Arrays#sort(double[])}'s order
   * ({@link Double#compare}, so -0.0 before 0.0): then filtering and sorting them would give them
   * back unchanged. A study's per-trial columns come sorted ({@code StudyResult.sortedValues}); one
   * pass spares a copy and sort of up to a million values per curve.
   */
  static boolean sortedFinite(double[] values) {
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i]) || (i > 0 && Double.compare(values[i - 1], values[i]) > 0)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Points of an empirical exceedance curve: for each kept value x, the share of values {@code >=
   * x}. Keeps at most {@code maxPoints} points, all of the largest 50 values and the rest spread
   * evenly in log-probability, so the tail is exact and the body is thinned. Non-finite values are
   * ignored; with {@code positiveOnly} values {@code <= 0} are not plotted (they still count in the
   * denominator).
   *
   * @return {@code [0]} values increasing, {@code [1]} probabilities decreasing
   */
  public static double[][] exceedancePoints(double[] values, int maxPoints, boolean positiveOnly) {
    double[] sorted =
        sortedFinite(values)
            ? values
            : Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
    int n = sorted.length;
    if (n == 0 || maxPoints < 2) {
      return new double[][] {new double[0], new double[0]};
    }
    // rank r = number of values >= sorted[n - r]; choose ranks 1..n.
    LinkedHashSet<Integer> ranks = new LinkedHashSet<>();
    for (int r = 1; r <= Math.min(n, 50); r++) {
      ranks.add(r);
    }
    int rest = Math.max(2, maxPoints - ranks.size());
    for (int i = 0; i < rest; i++) {
      int r = (int) Math.round(Math.exp(Math.log(n) * i / (rest - 1)));
      ranks.add(Math.max(1, Math.min(n, r)));
    }
    ranks.add(n);
    List<double[]> points = new ArrayList<>();
    double lastX = Double.NaN;
    for (int r : ranks.stream().sorted((a, b) -> b - a).toList()) {
      double x = sorted[n - r];
      if (positiveOnly && x <= 0) {
        continue;
      }
      if (x == lastX) {
        continue;
      }
      int firstAtLeast = lowerBound(sorted, x);
      points.add(new double[] {x, (double) (n - firstAtLeast) / n});
      lastX = x;
    }
    double[][] out = new double[2][points.size()];
    for (int i = 0; i < points.size(); i++) {
      out[0][i] = points.get(i)[0];
      out[1][i] = points.get(i)[1];
    }
    return out;
  }

  private static int lowerBound(double[] sorted, double x) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Exceedance curves: for each series, the probability that a trial reaches or exceeds x, at most
   * {@code maxPoints} points per curve. Log axes drop values {@code <= 0}.
   *
   * @param yLabel e.g. "probability of reaching x per 90-day period"
   */
  public static Figure exceedance(
      String id,
      String title,
      String guide,
      List<Series> series,
      String xLabel,
      String yLabel,
      boolean logX,
      boolean logY,
      int maxPoints) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minP = 1;
    for (Series s : series) {
      double[][] pts = exceedancePoints(s.values(), maxPoints, logX);
      XYSeries xy = new XYSeries(s.name(), false, true);
      for (int i = 0; i < pts[0].length; i++) {
        xy.add(pts[0][i], pts[1][i]);
        minX = Math.min(minX, pts[0][i] > 0 ? pts[0][i] : minX);
        maxX = Math.max(maxX, pts[0][i]);
        minP = Math.min(minP, pts[1][i]);
      }
      dataset.addSeries(xy);
    }
    ValueAxis y = valueAxis(yLabel, logY, minP);
    if (!logY) {
      ((NumberAxis) y).setRange(0, 1.02);
    } else if (minP < 1) {
      y.setRange(minP / 1.5, 1.2);
    }
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
    renderer.setDrawSeriesLineAsPath(true);
    ValueAxis x = valueAxis(xLabel, logX, minX);
    if (logX && Double.isFinite(minX) && !(maxX > minX)) {
      x.setRange(
          minX / 2,
          minX * 2); // one distinct value (e.g. one trial): a log axis cannot fit a point range
    }
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart =
        ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, series.size() > 1));
    if (y instanceof NumberAxis ny) {
      ny.setNumberFormatOverride(NumberText.percentFormat());
    } else {
      ((LogAxis) y).setNumberFormatOverride(NumberText.percentFormat());
    }
    for (int i = 0; i < series.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.seriesColor(i));
      renderer.setSeriesStroke(i, ChartStyle.line(2.2));
    }
    return Figure.of(id, chart, guide);
  }

  // ---------------------------------------------------------------- line with band

  /**
   * Lines with shaded bands (translucent, one colour per band).
   *
   * @param yRange fixed range of the y axis, or {@code null} for automatic
   */
  public static Figure bands(
      String id,
      String title,
      String guide,
      List<Band> bands,
      String xLabel,
      String yLabel,
      Range yRange,
      boolean yIsShare) {
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    for (Band b : bands) {
      YIntervalSeries s = new YIntervalSeries(b.name(), false, true);
      for (int i = 0; i < b.x().length; i++) {
        if (Double.isFinite(b.mid()[i])) {
          s.add(b.x()[i], b.mid()[i], b.low()[i], b.high()[i]);
        }
      }
      dataset.addSeries(s);
    }
    NumberAxis x = new NumberAxis(xLabel);
    x.setAutoRangeIncludesZero(false);
    NumberAxis y = new NumberAxis(yLabel);
    y.setAutoRangeIncludesZero(false);
    DeviationRenderer renderer = new DeviationRenderer(true, false);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    JFreeChart chart =
        ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, bands.size() > 1));
    if (yRange != null) {
      y.setRange(yRange);
    }
    if (yIsShare) {
      y.setStandardTickUnits(shareTickUnits());
    } else {
      y.setNumberFormatOverride(NumberText.compactFormat());
    }
    x.setNumberFormatOverride(NumberText.compactFormat());
    renderer.setAlpha(0.22f);
    for (int i = 0; i < bands.size(); i++) {
      Color c = ChartStyle.seriesColor(i);
      renderer.setSeriesPaint(i, c);
      renderer.setSeriesFillPaint(i, c);
      renderer.setSeriesStroke(i, ChartStyle.line(2));
    }
    return Figure.of(id, chart, guide);
  }

  /**
   * The y range of a share-served chart whose lowest band value is {@code lowest}: from 5 points
   * below it (at least 0) to just above 100%, so a line at 100% is not clipped by the frame but no
   * tick can fall above 100% (the margin is smaller than any tick unit of {@link #shareTickUnits()}
   * the axis can choose for that span).
   */
  public static Range shareRange(double lowest) {
    double low = Double.isFinite(lowest) ? Math.max(0, Math.min(1, lowest) - 0.05) : 0;
    return new Range(low, 1 + 0.004 * (1 - low));
  }

  /**
   * Tick units for shares (0..1) shown as percentages, each with as many decimals as its step
   * needs: steps of 0.25% are labelled 99.75%, 100%; steps of 5% are labelled 95%, 100%. A fixed
   * three-significant-digit format would label 99.95% and 100% both "100%".
   */
  static TickUnits shareTickUnits() {
    TickUnits units = new TickUnits();
    double[] steps = {0.0001, 0.0002, 0.00025, 0.0005, 0.001, 0.002, 0.0025, 0.005};
    for (double decade : new double[] {1, 10, 100}) {
      for (double step : steps) {
        double size = step * decade;
        if (size > 0.5) {
          continue;
        }
        java.math.BigDecimal percent =
            new java.math.BigDecimal(Double.toString(size * 100)).stripTrailingZeros();
        int decimals = Math.max(0, percent.scale());
        DecimalFormat f =
            new DecimalFormat(
                decimals == 0 ? "0%" : "0." + "#".repeat(decimals) + "%",
                DecimalFormatSymbols.getInstance(Locale.ROOT));
        units.add(new NumberTickUnit(size, f));
      }
    }
    return units;
  }

  // ---------------------------------------------------------------- bars

  /**
   * Horizontal bars, top to bottom in list order, coloured by group, with optional error bars (e.g.
   * a 95% confidence interval) drawn as black lines. The figure grows with the number of bars.
   */
  public static Figure horizontalBars(
      String id,
      String title,
      String guide,
      List<Bar> bars,
      String valueLabel,
      boolean valueIsShare) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    List<String> groups =
        new ArrayList<>(new LinkedHashSet<>(bars.stream().map(Bar::group).toList()));
    for (Bar b : bars) {
      for (String g : groups) {
        dataset.addValue(g.equals(b.group()) ? b.value() : null, g, b.label());
      }
    }
    CategoryAxis categories = new FittingCategoryAxis();
    NumberAxis values = new NumberAxis(valueLabel);
    StackedBarRenderer renderer = new StackedBarRenderer();
    CategoryPlot plot = new CategoryPlot(dataset, categories, values, renderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    boolean legend = groups.size() > 1 || (groups.size() == 1 && !groups.get(0).isEmpty());
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, legend));
    plot.setDomainGridlinesVisible(false);
    categories.setCategoryMargin(0.25);
    categories.setTickLabelFont(ChartStyle.SMALL_FONT);
    categories.setMaximumCategoryLabelWidthRatio(0.35f);
    values.setNumberFormatOverride(
        valueIsShare ? NumberText.percentFormat() : NumberText.compactFormat());
    renderer.setShadowVisible(false);
    renderer.setDrawBarOutline(false);
    renderer.setMaximumBarWidth(0.3);
    for (int i = 0; i < groups.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.seriesColor(i));
    }
    double upper = 0;
    for (Bar b : bars) {
      upper = Math.max(upper, Double.isFinite(b.high()) ? b.high() : b.value());
      if (Double.isFinite(b.low()) && Double.isFinite(b.high())) {
        plot.addAnnotation(
            new CategoryLineAnnotation(
                b.label(), b.low(), b.label(), b.high(), ChartStyle.BLACK, ChartStyle.line(1.6)));
      }
    }
    if (upper > 0) {
      values.setUpperBound(upper * 1.06);
    }
    return new Figure(id, chart, guide, Figure.WIDTH_PX, barChartHeight(bars.size(), legend));
  }

  /**
   * A tornado chart: for each row a bar from {@code base} to the low outcome and one from {@code
   * base} to the high outcome, rows in list order (callers sort widest first), with a line at
   * {@code base}.
   *
   * @param lowName legend name of the low side, e.g. "asset intact"
   * @param highName legend name of the high side, e.g. "asset disabled"
   */
  public static Figure tornado(
      String id,
      String title,
      String guide,
      List<TornadoBar> rows,
      double base,
      String valueLabel,
      String lowName,
      String highName) {
    int n = rows.size();
    String[] keys = new String[n];
    Number[][] lowStart = new Number[1][n];
    Number[][] lowEnd = new Number[1][n];
    Number[][] highStart = new Number[1][n];
    Number[][] highEnd = new Number[1][n];
    for (int i = 0; i < n; i++) {
      TornadoBar r = rows.get(i);
      keys[i] = r.label();
      // each side runs from the base to its outcome, whichever side of the base that is
      lowStart[0][i] = Math.min(r.low(), base);
      lowEnd[0][i] = Math.max(r.low(), base);
      highStart[0][i] = Math.min(r.high(), base);
      highEnd[0][i] = Math.max(r.high(), base);
    }
    CategoryAxis categories = new FittingCategoryAxis();
    NumberAxis values = new NumberAxis(valueLabel);
    IntervalBarRenderer lowRenderer = new IntervalBarRenderer();
    IntervalBarRenderer highRenderer = new IntervalBarRenderer();
    CategoryPlot plot =
        new CategoryPlot(
            new DefaultIntervalCategoryDataset(new String[] {lowName}, keys, lowStart, lowEnd),
            categories,
            values,
            lowRenderer);
    plot.setDataset(
        1, new DefaultIntervalCategoryDataset(new String[] {highName}, keys, highStart, highEnd));
    plot.setRenderer(1, highRenderer);
    plot.setOrientation(PlotOrientation.HORIZONTAL);
    plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_LEFT);
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, true));
    plot.setDomainGridlinesVisible(false);
    categories.setCategoryMargin(0.25);
    categories.setTickLabelFont(ChartStyle.SMALL_FONT);
    categories.setMaximumCategoryLabelWidthRatio(0.35f);
    values.setNumberFormatOverride(NumberText.compactFormat());
    for (IntervalBarRenderer r : List.of(lowRenderer, highRenderer)) {
      r.setShadowVisible(false);
      r.setDrawBarOutline(false);
      r.setMaximumBarWidth(0.3);
    }
    lowRenderer.setSeriesPaint(0, ChartStyle.SKY_BLUE);
    highRenderer.setSeriesPaint(0, ChartStyle.VERMILLION);
    ValueMarker marker = new ValueMarker(base, ChartStyle.BLACK, ChartStyle.line(1.2));
    plot.addRangeMarker(marker);
    return new Figure(id, chart, guide, Figure.WIDTH_PX, barChartHeight(n, true));
  }

  private static int barChartHeight(int bars, boolean legend) {
    return Math.max(200, 120 + (legend ? 30 : 0) + 24 * bars);
  }

  // ---------------------------------------------------------------- scatter

  /**
   * Scatter of points coloured by group, labelled where asked. Log axes drop values {@code <= 0}.
   */
  public static Figure scatter(
      String id,
      String title,
      String guide,
      List<Point> points,
      String xLabel,
      String yLabel,
      boolean logX,
      boolean logY) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    List<Point> shown = new ArrayList<>();
    for (Point p : points) {
      if (!Double.isFinite(p.x())
          || !Double.isFinite(p.y())
          || (logX && p.x() <= 0)
          || (logY && p.y() <= 0)) {
        continue;
      }
      minX = Math.min(minX, p.x() > 0 ? p.x() : minX);
      minY = Math.min(minY, p.y() > 0 ? p.y() : minY);
      shown.add(p);
    }
    String note = "";
    if (shown.size() > SCATTER_THIN_ABOVE) {
      List<Point> kept = thin(shown, logX, logY);
      note =
          " Points less than 2 pixels apart are drawn once ("
              + String.format(java.util.Locale.ROOT, "%,d", kept.size())
              + " of "
              + String.format(java.util.Locale.ROOT, "%,d", shown.size())
              + " drawn).";
      shown = kept;
    }
    // the series hold the points drawn (after thinning): one pass, groups in order of appearance
    Map<String, XYSeries> byGroup = new LinkedHashMap<>();
    for (Point p : shown) {
      byGroup.computeIfAbsent(p.group(), g -> new XYSeries(g, false, true)).add(p.x(), p.y());
    }
    XYSeriesCollection dataset = new XYSeriesCollection();
    byGroup.values().forEach(dataset::addSeries);
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
    ValueAxis x = valueAxis(xLabel, logX, minX);
    ValueAxis y = valueAxis(yLabel, logY, minY);
    XYPlot plot = new XYPlot(dataset, x, y, renderer);
    boolean legend = byGroup.size() > 1;
    JFreeChart chart = ChartStyle.apply(new JFreeChart(title, ChartStyle.TITLE_FONT, plot, legend));
    // filled without an outline of the same colour (one SVG element per point instead of two)
    Shape dot = new Ellipse2D.Double(-5, -5, 10, 10);
    renderer.setDrawOutlines(false);
    for (int i = 0; i < byGroup.size(); i++) {
      renderer.setSeriesPaint(i, ChartStyle.seriesColor(i));
      renderer.setSeriesShape(i, dot);
    }
    x.setUpperMargin(0.14); // room for labels right of the points
    if (x instanceof NumberAxis nx) {
      nx.setAutoRangeIncludesZero(false);
    }
    if (y instanceof NumberAxis ny) {
      ny.setAutoRangeIncludesZero(false);
    }
    List<ScatterLabels.Label> labels = new ArrayList<>();
    List<double[]> marks = new ArrayList<>();
    for (Point p : shown) {
      marks.add(new double[] {p.x(), p.y()});
      if (p.labelled()) {
        labels.add(new ScatterLabels.Label(p.label(), p.x(), p.y()));
      }
    }
    if (!labels.isEmpty()) {
      plot.addAnnotation(new ScatterLabels(labels, marks));
      note += " A label that would cover another label or a point is left out.";
    }
    return Figure.of(id, chart, guide + note);
  }

  /** Above this many points a scatter drops points that would land on an already drawn one. */
  static final int SCATTER_THIN_ABOVE = 500;

  /**
   * The points minus those of a group already drawn in the same cell of a grid of about two pixels
   * over the data's range (in the axes' scales): on a dot 10 pixels wide the picture does not
   * change visibly. Labelled points are always kept. Input order is kept.
   */
  static List<Point> thin(List<Point> points, boolean logX, boolean logY) {
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      double x = logX ? Math.log10(p.x()) : p.x();
      double y = logY ? Math.log10(p.y()) : p.y();
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    }
    double cellsX = (Figure.WIDTH_PX - 120.0) / 2; // the plot area is about 700 x 310 pixels
    double cellsY = (Figure.HEIGHT_PX - 150.0) / 2;
    double spanX = Math.max(maxX - minX, 1e-300);
    double spanY = Math.max(maxY - minY, 1e-300);
    Map<String, java.util.Set<Long>> taken = new HashMap<>();
    List<Point> kept = new ArrayList<>();
    for (Point p : points) {
      double x = logX ? Math.log10(p.x()) : p.x();
      double y = logY ? Math.log10(p.y()) : p.y();
      long cx = Math.round((x - minX) / spanX * cellsX);
      long cy = Math.round((y - minY) / spanY * cellsY);
      boolean fresh =
          taken
              .computeIfAbsent(p.group(), g -> new java.util.HashSet<>())
              .add(cx * 1_000_003L + cy);
      if (fresh || p.labelled()) {
        kept.add(p);
      }
    }
    return kept;
  }

  /**
   * A log axis whose tick labels are plain strings: JFreeChart's own log ticks are attributed
   * strings, which SVG output turns into glyph outlines (large, not selectable text).
   */
  private static final class TextLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;

    TextLogAxis(String label) {
      super(label);
    }

    @Override
    public List refreshTicks(
        java.awt.Graphics2D g2,
        org.jfree.chart.axis.AxisState state,
        java.awt.geom.Rectangle2D dataArea,
        org.jfree.chart.ui.RectangleEdge edge) {
      List<?> ticks = super.refreshTicks(g2, state, dataArea, edge);
      List<org.jfree.chart.axis.NumberTick> plain = new ArrayList<>(ticks.size());
      for (Object o : ticks) {
        org.jfree.chart.axis.ValueTick t = (org.jfree.chart.axis.ValueTick) o;
        String text =
            t.getTickType() == org.jfree.chart.axis.TickType.MAJOR
                ? NumberText.compact(t.getValue())
                : "";
        if (getNumberFormatOverride() != null
            && t.getTickType() == org.jfree.chart.axis.TickType.MAJOR) {
          text = getNumberFormatOverride().format(t.getValue());
        }
        plain.add(
            new org.jfree.chart.axis.NumberTick(
                t.getTickType(),
                t.getValue(),
                text,
                t.getTextAnchor(),
                t.getRotationAnchor(),
                t.getAngle()));
      }
      return plain;
    }
  }

  /** A linear or logarithmic value axis with compact tick labels. */
  static ValueAxis valueAxis(String label, boolean log, double smallestPositive) {
    if (log) {
      LogAxis axis = new TextLogAxis(label);
      axis.setBase(10);
      if (Double.isFinite(smallestPositive) && smallestPositive > 0) {
        axis.setSmallestValue(smallestPositive / 2);
      }
      axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // whole decades only
      axis.setMinorTickCount(9);
      axis.setNumberFormatOverride(NumberText.compactFormat());
      return axis;
    }
    NumberAxis axis = new NumberAxis(label);
    axis.setNumberFormatOverride(NumberText.compactFormat());
    return axis;
  }
}
