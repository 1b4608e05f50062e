package org.corridorrisk.report.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/**
 * Short, locale-independent number texts for charts and pages: three significant digits and k / M /
 * bn / tn suffixes ({@code 12345678 -> "12.3M"}). Thread-safe (stateless).
 */
public final class NumberText {
  private NumberText() {}

  /**
   * {@code v} with three significant digits and a magnitude suffix; "0" for zero, "-" for NaN, "∞"
   * for infinities; values below 0.001 in scientific notation ({@code "1.2e-05"}).
   */
  public static String compact(double v) {
    if (Double.isNaN(v)) {
      return "-";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == 0) {
      return "0";
    }
    double a = Math.abs(v);
    String sign = v < 0 ? "-" : "";
    if (a < 1e-3) {
      int exponent = (int) Math.floor(Math.log10(a));
      double mantissa =
          new BigDecimal(a / Math.pow(10, exponent)).round(new MathContext(2)).doubleValue();
      if (mantissa >= 10) {
        mantissa /= 10;
        exponent++;
      }
      return sign + plain(mantissa) + "e" + exponent;
    }
    String[] suffix = {"", "k", "M", "bn", "tn"};
    int k = 0;
    double scaled = a;
    while (k < suffix.length - 1 && round3(scaled) >= 1000) {
      scaled /= 1000;
      k++;
    }
    return sign + plain(round3(scaled)) + suffix[k];
  }

  /** {@code currency + " " + compact(v)}, e.g. {@code "USD 12.3M"}. */
  public static String money(String currency, double v) {
    return (currency == null || currency.isEmpty() ? "" : currency + " ") + compact(v);
  }

  /**
   * A share (0..1) as a percentage with up to three significant digits: {@code 0.1234 -> "12.3%"},
   * tiny positive shares as {@code "<0.01%"}.
   */
  public static String percent(double share) {
    if (Double.isNaN(share)) {
      return "-";
    }
    double p = share * 100;
    if (p > 0 && p < 0.01) {
      return "<0.01%";
    }
    if (p == 0) {
      return "0%";
    }
    return plain(round3(p)) + "%";
  }

  /** A JFreeChart tick-label format using {@link #compact(double)}. */
  public static NumberFormat compactFormat() {
    return new CompactFormat(false);
  }

  /** A JFreeChart tick-label format for shares (0..1) using {@link #percent(double)}. */
  public static NumberFormat percentFormat() {
    return new CompactFormat(true);
  }

  private static double round3(double a) {
    return new BigDecimal(a).round(new MathContext(3)).doubleValue();
  }

  private static String plain(double v) {
    String s = new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    return s;
  }

  /** Tick labels: compact numbers or percentages. */
  private static final class CompactFormat extends NumberFormat {
    private static final long serialVersionUID = 1L;
    private final boolean percent;

    CompactFormat(boolean percent) {
      this.percent = percent;
    }

    @Override
    public StringBuffer format(double number, StringBuffer toAppendTo, FieldPosition pos) {
      return toAppendTo.append(percent ? percent(number) : compact(number));
    }

    @Override
    public StringBuffer format(long number, StringBuffer toAppendTo, FieldPosition pos) {
      return format((double) number, toAppendTo, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
      throw new UnsupportedOperationException("tick labels are not parsed");
    }
  }
}
