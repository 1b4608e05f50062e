package org.corridorrisk.report.charts;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.text.TextBlock;
import org.jfree.chart.text.TextUtils;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A category axis whose labels, when too wide, lose characters from the middle, not the end, and
 * keep a trailing bracketed note whole: {@code "gas-sink-0-samkir-…-very-long-identifier (3.92%)"}.
 *
 * <p>Design note: JFreeChart's own axis cuts a label at the right and appends "...", so ids that
 * differ only at the end (segments "-east" and "-west" of one long line name) became the same text,
 * and the share in brackets that the charts' reading guides refer to ("in brackets: how often it
 * was disabled") disappeared first. The category keys stay the full ids (bars never merge); only
 * the drawn text is shortened, measured with the label's own font.
 */
final class FittingCategoryAxis extends CategoryAxis {
  private static final long serialVersionUID = 1L;

  /** A trailing note in round brackets, kept whole: " (3.92%)". */
  private static final Pattern NOTE = Pattern.compile("^(.+?)( \\([^()]*\\))$");

  static final String ELLIPSIS = "\u2026";

  FittingCategoryAxis() {
    super(null);
  }

  @Override
  protected TextBlock createLabel(
      Comparable category, float width, RectangleEdge edge, Graphics2D g2) {
    Font font = getTickLabelFont(category);
    FontMetrics metrics = g2.getFontMetrics(font);
    String fitted = fit(category.toString(), width, metrics::stringWidth);
    if (fitted == null) {
      return super.createLabel(category, width, edge, g2);
    }
    return TextUtils.createTextBlock(fitted, font, getTickLabelPaint(category));
  }

  /**
   * {@code text} itself when it is at most {@code maxWidth} wide; else the longest form with the
   * middle of its main part replaced by an ellipsis (about as many characters kept at each end) and
   * a trailing bracketed note kept, that fits; {@code null} when not even the note and two
   * characters around the ellipsis fit.
   */
  static String fit(String text, double maxWidth, ToIntFunction<String> width) {
    if (width.applyAsInt(text) <= maxWidth) {
      return text;
    }
    Matcher m = NOTE.matcher(text);
    String main = m.matches() ? m.group(1) : text;
    String note = m.matches() ? m.group(2) : "";
    for (int keep = main.length() - 1; keep >= 2; keep--) {
      int head = (keep + 1) / 2;
      String candidate =
          main.substring(0, head) + ELLIPSIS + main.substring(main.length() - (keep - head)) + note;
      if (width.applyAsInt(candidate) <= maxWidth) {
        return candidate;
      }
    }
    return null;
  }
}
