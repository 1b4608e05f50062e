package org.corridorrisk.study;

import java.util.Locale;
import java.util.Map;
import org.corridorrisk.impact.Metric;

/**
 * Plain-language verdicts, e.g. "reduces expected person-days without service by 31% (95% CI
 * 27-35%), better in 12% of trials, never worse; BCR 4.2".
 *
 * <p>Wording rules: "reduces" only when the whole 95% interval of the relative reduction is
 * above 0, "increases" only when it is below 0, otherwise "no clear change". Shares are of
 * trials. The benefit-cost ratio uses economic loss; a mitigation of cost 0 has none.
 */
final class Verdicts {
  private Verdicts() {}

  static String sentence(Metric headline, Map<Metric, PairedMetric> metrics, double costUsd, double bcr) {
    StringBuilder sb = new StringBuilder();
    boolean allUnchanged = metrics.values().stream().allMatch(PairedMetric::unchanged);
    PairedMetric p = metrics.get(headline);
    String what = "expected " + noun(headline);
    if (allUnchanged) {
      sb.append("changes no trial in any metric (no effect)");
    } else if (Double.isNaN(p.relativeReduction())) {
      sb.append("no ").append(noun(headline)).append(" at baseline to reduce");
    } else if (p.relativeCi95Low() > 0) {
      sb.append("reduces ").append(what).append(" by ").append(pct(p.relativeReduction()))
          .append(" (95% CI ").append(range(p.relativeCi95Low(), p.relativeCi95High())).append(')');
    } else if (p.relativeCi95High() < 0) {
      sb.append("increases ").append(what).append(" by ").append(pct(-p.relativeReduction()))
          .append(" (95% CI ").append(range(-p.relativeCi95High(), -p.relativeCi95Low())).append(')');
    } else {
      sb.append("no clear change in ").append(what).append(" (reduction ").append(pct(p.relativeReduction()))
          .append(", 95% CI ").append(range(p.relativeCi95Low(), p.relativeCi95High())).append(')');
    }
    if (!allUnchanged) {
      sb.append(", better ").append(inTrials(p.shareOfTrialsBetter())).append(", ");
      sb.append(p.shareOfTrialsWorse() == 0 ? "never worse" : "worse " + inTrials(p.shareOfTrialsWorse()));
    }
    sb.append("; ");
    if (costUsd > 0) {
      sb.append("BCR ").append(number(bcr));
    } else {
      sb.append("no cost given, so no BCR");
    }
    return sb.toString();
  }

  static String noun(Metric m) {
    return switch (m) {
      case UNSERVED_FRACTION -> "unserved share of demand";
      case PERSON_DAYS_WITHOUT_SERVICE -> "person-days without service";
      case DIRECT_LOSS -> "direct loss";
      case INDIRECT_LOSS -> "indirect loss";
      case REROUTING_COST -> "rerouting cost";
      case SPILL_VOLUME -> "spill volume";
      case ECONOMIC_LOSS -> "economic loss";
    };
  }

  /** A share 0..1 as a percentage with sensible precision ("31%", "4.5%", "0.03%"). */
  static String pct(double share) {
    return percentNumber(share * 100) + "%";
  }

  private static String range(double lowShare, double highShare) {
    String sep = lowShare < 0 || highShare < 0 ? " to " : "-";
    return percentNumber(lowShare * 100) + sep + percentNumber(highShare * 100) + "%";
  }

  private static String inTrials(double share) {
    if (share == 1) {
      return "in every trial";
    }
    if (share > 0 && share < 0.001) {
      return "in <0.1% of trials";
    }
    return "in " + pct(share) + " of trials";
  }

  private static String percentNumber(double percent) {
    double a = Math.abs(percent);
    if (a >= 10 || a == 0) {
      return String.format(Locale.ROOT, "%.0f", percent);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.1f", percent);
    }
    return String.format(Locale.ROOT, "%.2g", percent);
  }

  /** A ratio with two significant digits at most ("4.2", "0.031", "120"). */
  static String number(double x) {
    if (Double.isNaN(x)) {
      return "n/a";
    }
    double a = Math.abs(x);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", x);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.1f", x);
    }
    if (a >= 0.1 || a == 0) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return String.format(Locale.ROOT, "%.2g", x);
  }
}
