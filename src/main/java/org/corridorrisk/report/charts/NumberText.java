package org.corridorrisk.report.charts;

import java.math.BigDecimal;
import java.math.MathContext;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;

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
      // rounded exactly, then split: dividing by 10^exponent overflowed for the smallest doubles
      // (10^-324 is 0 as a double), and a chart axis reaching 4.9e-324 ended in an internal error
      BigDecimal rounded = new BigDecimal(a).round(new MathContext(2));
      int exponent = rounded.precision() - rounded.scale() - 1;
      double mantissa = rounded.movePointLeft(exponent).doubleValue();
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

  /** A count of trials with thousands grouped: {@code 1 trial}, {@code 20,000 trials}. */
  public static String trials(long n) {
    return String.format(Locale.ROOT, "%,d %s", n, plural(n, "trial"));
  }

  /**
   * {@code word} as it goes after the count {@code n}: as given for 1, else its English plural
   * ({@code link} -> {@code links}, {@code class} -> {@code classes}, {@code entry} -> {@code
   * entries}, {@code day} -> {@code days}).
   */
  public static String plural(long n, String word) {
    if (n == 1) {
      return word;
    }
    if (word.endsWith("s")) {
      return word + "es";
    }
    boolean consonantY =
        word.length() > 1
            && word.endsWith("y")
            && "aeiou".indexOf(word.charAt(word.length() - 2)) < 0;
    return consonantY ? word.substring(0, word.length() - 1) + "ies" : word + "s";
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

  static double round3(double a) {
    long n = threeDigits(a);
    if (n == NO_FAST_PATH) {
      return new BigDecimal(a).round(new MathContext(3)).doubleValue();
    }
    if (n == 0) {
      return 0.0; // BigDecimal has no negative zero
    }
    int exponent = (int) (n >> 16);
    double digits = (short) n;
    // one correctly rounded operation on exact operands: the double nearest the decimal
    return exponent >= 0 ? digits * POWERS[exponent] : digits / POWERS[-exponent];
  }

  static String plain(double v) {
    long n = threeDigits(v);
    if (n == NO_FAST_PATH) {
      return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
    if (n == 0) {
      return "0";
    }
    int exponent = (int) (n >> 16);
    int digits = (short) n;
    StringBuilder text = new StringBuilder(12);
    if (digits < 0) {
      text.append('-');
      digits = -digits;
    }
    while (digits % 10 == 0) {
      digits /= 10;
      exponent++;
    }
    String d = Integer.toString(digits);
    if (exponent >= 0) {
      text.append(d);
      for (int k = 0; k < exponent; k++) {
        text.append('0');
      }
    } else if (-exponent < d.length()) {
      text.append(d, 0, d.length() + exponent)
          .append('.')
          .append(d, d.length() + exponent, d.length());
    } else {
      text.append("0.");
      for (int k = 0; k < -exponent - d.length(); k++) {
        text.append('0');
      }
      text.append(d);
    }
    return text.toString();
  }

  /** {@link #threeDigits}: the value is left to {@link BigDecimal}. */
  private static final long NO_FAST_PATH = Long.MIN_VALUE;

  /** Exact powers of ten as doubles (10^22 is the largest one a double holds exactly). */
  private static final double[] POWERS = new double[23];

  static {
    POWERS[0] = 1;
    for (int k = 1; k < POWERS.length; k++) {
      POWERS[k] = POWERS[k - 1] * 10;
    }
  }

  /**
   * {@code v} rounded to three significant digits, half away from zero, from its exact binary value
   * (as {@code new BigDecimal(v).round(new MathContext(3))}), as {@code (exponent << 16) | (digits
   * & 0xffff)} for the value {@code digits x 10^exponent} ({@code |digits|} from 100 to 999, or
   * 1000); 0 for zero; {@link #NO_FAST_PATH} when it cannot be sure in double arithmetic (the
   * scaled value lies within 10^-9 of half-way between two integers, or near a power of ten where
   * the exponent may be off, or the value is outside 10^-17 to 10^22) and {@link BigDecimal} must
   * decide.
   *
   * <p>Design note: {@code new BigDecimal(double)} expands the double's exact binary value (dozens
   * of digits) with {@code BigInteger} arithmetic; the report formats thousands of numbers, and the
   * optimizing compiler then compiles {@code BigInteger}'s multiplication and powers at the end of
   * every run. Scaling by an exact power of ten costs one rounding (a relative error below 2^-52),
   * so away from the boundaries the double decides as the exact value would.
   */
  private static long threeDigits(double v) {
    if (v == 0) {
      return 0;
    }
    double a = Math.abs(v);
    if (!(a >= 1e-17 && a < 1e22)) {
      return NO_FAST_PATH;
    }
    int e = (int) Math.floor(Math.log10(a));
    int shift = 2 - e; // scale a into [100, 1000)
    if (shift > 22 || shift < -22) {
      return NO_FAST_PATH;
    }
    double q = shift >= 0 ? a * POWERS[shift] : a / POWERS[-shift];
    if (!(q >= 100 && q < 1000 * (1 - 1e-12))) {
      // log10 was off by one: a power of ten, or the scaling's rounding crossed 1000
      return NO_FAST_PATH;
    }
    // q is within 6e-14 of the exact scaled value; only a value near half-way between two integers
    // (the rounding boundary) needs the exact one (a value just under 100 rounds to 100 either way)
    double whole = Math.floor(q);
    double fraction = q - whole;
    if (Math.abs(fraction - 0.5) < 1e-9) {
      return NO_FAST_PATH;
    }
    long digits = (long) whole + (fraction > 0.5 ? 1 : 0);
    int exponent = -shift;
    if (digits == 1000) {
      digits = 100;
      exponent++;
    }
    if (v < 0) {
      digits = -digits;
    }
    return ((long) exponent << 16) | (digits & 0xffff);
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
