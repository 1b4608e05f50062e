package org.corridorrisk.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.awt.Paint;
import java.awt.Stroke;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jfree.chart.ChartColor;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The one look of every corridor-risk chart: the Okabe-Ito colour-blind-safe palette, the bundled
 * DejaVu Sans font, white background, light grid.
 *
 * <p>Design note: charts must render the same on a headless server with no installed fonts, so the
 * font is read from the jar ({@code org/corridorrisk/report/fonts}, licence in {@code
 * NOTICE-fonts}) and registered with the {@link GraphicsEnvironment} once. In SVG output text stays
 * text, with the font family {@code 'DejaVu Sans'} and a sans-serif fallback, which keeps files
 * small; the browser's fallback font may be slightly wider, so labels are kept short. Thread-safe:
 * all state is immutable after class initialization.
 */
public final class ChartStyle {
  private ChartStyle() {}

  /** Okabe and Ito (2008) colours, in the order series use them. */
  public static final Color BLUE = new Color(0x00, 0x72, 0xB2);

  public static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  public static final Color BLUISH_GREEN = new Color(0x00, 0x9E, 0x73);
  public static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  public static final Color REDDISH_PURPLE = new Color(0xCC, 0x79, 0xA7);
  public static final Color SKY_BLUE = new Color(0x56, 0xB4, 0xE9);
  public static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
  public static final Color BLACK = new Color(0x00, 0x00, 0x00);

  /** Neutral grey for "no value" (junctions, assets never hit). */
  public static final Color NEUTRAL = new Color(0x99, 0x99, 0x99);

  /** Grid lines and outlines. */
  public static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  /** Axis text. */
  public static final Color TEXT = new Color(0x33, 0x33, 0x33);

  private static final Color[] SERIES = {
    BLUE, ORANGE, BLUISH_GREEN, VERMILLION, REDDISH_PURPLE, SKY_BLUE, BLACK, YELLOW
  };

  /** Font family name of the bundled font. */
  public static final String FONT_FAMILY = registerFonts();

  /** Chart title font. */
  public static final Font TITLE_FONT = new Font(FONT_FAMILY, Font.BOLD, 15);

  /** Axis labels, legend. */
  public static final Font LABEL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 12);

  /** Tick labels, annotations. */
  public static final Font SMALL_FONT = new Font(FONT_FAMILY, Font.PLAIN, 10);

  private static final StandardChartTheme THEME = createTheme();

  static {
    // JFreeChart draws rotated text (y-axis labels) through TextLayout by default, which SVG
    // output turns into glyph outlines; plain drawString keeps it as selectable <text>.
    org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
  }

  /** The {@code i}-th series colour (cycles after 8). */
  public static Color seriesColor(int i) {
    return SERIES[Math.floorMod(i, SERIES.length)];
  }

  /** {@code color} with the given opacity (0..1). */
  public static Color translucent(Color color, double alpha) {
    return new Color(
        color.getRed(), color.getGreen(), color.getBlue(), (int) Math.round(255 * alpha));
  }

  /** A solid line of the given width in pixels. */
  public static Stroke line(double widthPx) {
    return new BasicStroke((float) widthPx, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
  }

  /** Applies the theme to a chart built by JFreeChart's factory and removes its title padding. */
  public static JFreeChart apply(JFreeChart chart) {
    THEME.apply(chart);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(6, 6, 6, 10));
    TextTitle title = chart.getTitle();
    if (title != null) {
      title.setHorizontalAlignment(HorizontalAlignment.LEFT);
      title.setPadding(new RectangleInsets(2, 4, 8, 2));
    }
    if (chart.getLegend() != null) {
      chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
      chart.getLegend().setItemFont(LABEL_FONT);
    }
    return chart;
  }

  private static String registerFonts() {
    String family = "SansSerif";
    for (String file : new String[] {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
      try (InputStream in =
          ChartStyle.class.getResourceAsStream("/org/corridorrisk/report/fonts/" + file)) {
        if (in == null) {
          throw new IllegalStateException("bundled font " + file + " is missing from the jar");
        }
        Font font = Font.createFont(Font.TRUETYPE_FONT, in);
        GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(font);
        if (font.getStyle() == Font.PLAIN) {
          family = font.getFamily();
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read bundled font " + file, e);
      } catch (FontFormatException e) {
        throw new IllegalStateException("bundled font " + file + " is not a TrueType font", e);
      }
    }
    return family;
  }

  private static StandardChartTheme createTheme() {
    StandardChartTheme theme = new StandardChartTheme("corridor-risk", false);
    theme.setExtraLargeFont(TITLE_FONT);
    theme.setLargeFont(LABEL_FONT);
    theme.setRegularFont(LABEL_FONT);
    theme.setSmallFont(SMALL_FONT);
    theme.setTitlePaint(TEXT);
    theme.setSubtitlePaint(TEXT);
    theme.setLegendItemPaint(TEXT);
    theme.setAxisLabelPaint(TEXT);
    theme.setTickLabelPaint(TEXT);
    theme.setItemLabelPaint(TEXT);
    theme.setChartBackgroundPaint(Color.WHITE);
    theme.setLegendBackgroundPaint(Color.WHITE);
    theme.setPlotBackgroundPaint(Color.WHITE);
    theme.setPlotOutlinePaint(GRID);
    theme.setDomainGridlinePaint(GRID);
    theme.setRangeGridlinePaint(GRID);
    theme.setAxisOffset(new RectangleInsets(0, 0, 0, 0));
    theme.setBarPainter(new StandardBarPainter());
    theme.setXYBarPainter(new StandardXYBarPainter());
    theme.setShadowVisible(false);
    Paint[] outline = {GRID};
    theme.setDrawingSupplier(
        new DefaultDrawingSupplier(
            SERIES.clone(),
            SERIES.clone(),
            outline,
            new Stroke[] {line(2)},
            new Stroke[] {line(0.5)},
            DefaultDrawingSupplier.createStandardSeriesShapes()));
    theme.setErrorIndicatorPaint(BLACK);
    theme.setBaselinePaint(ChartColor.DARK_GRAY);
    return theme;
  }
}
