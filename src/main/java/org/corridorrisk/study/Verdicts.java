package org.corridorrisk.study;

import java.util.Locale;
import java.util.Map;
import org.corridorrisk.impact.Metric;

/**
 * Plain-language verdicts, e.g. "reduces expected person-days without service by 31% (95% CI
 * 27-35%), better in 12% of trials, never worse; BCR 4.2".
 *
 * <p>Wording rules: "reduces" only when the whole 95% interval of the relative reduction is above
 * 0, "increases" only when it is below 0, otherwise "no clear change". Shares are of trials. The
 * benefit-cost ratio uses economic loss; a mitigation of cost 0 has none.
 */
final class Verdicts {
  private Verdicts() {}

  static String sentence(
      Metric headline, Map<Metric, PairedMetric> metrics, double costUsd, double bcr) {
    StringBuilder sb = new StringBuilder();
    boolean allUnchanged = metrics.values().stream().allMatch(PairedMetric::unchanged);
    Metric lead = headline;
    if (allUnchanged) {
      sb.append("changes no trial in any metric (no effect)");
    } else {
      if (metrics.get(headline).unchanged()) {
        lead = mostChanged(metrics);
        sb.append("leaves expected ").append(noun(headline)).append(" unchanged in every trial; ");
      }
      effect(sb, lead, metrics.get(lead));
    }
    sb.append("; ");
    if (costUsd > 0) {
      sb.append("BCR ").append(number(bcr));
    } else {
      sb.append("no cost given, so no BCR");
    }
    return sb.toString();
  }

  /** "reduces expected X by a% (95% CI l-h%), better in b% of trials, never worse". */
  private static void effect(StringBuilder sb, Metric metric, PairedMetric p) {
    String what = "expected " + noun(metric);
    if (Double.isNaN(p.relativeReduction())) {
      sb.append("no ")
          .append(noun(metric))
          .append(" at baseline to reduce (mean change ")
          .append(number(-p.meanReduction()))
          .append(')');
    } else if (p.relativeCi95Low() > 0) {
      sb.append("reduces ")
          .append(what)
          .append(" by ")
          .append(pct(p.relativeReduction()))
          .append(" (")
          .append(interval(p, p.relativeCi95Low(), p.relativeCi95High()))
          .append(')');
    } else if (p.relativeCi95High() < 0) {
      sb.append("increases ")
          .append(what)
          .append(" by ")
          .append(pct(-p.relativeReduction()))
          .append(" (")
          .append(interval(p, -p.relativeCi95High(), -p.relativeCi95Low()))
          .append(')');
    } else {
      sb.append("no clear change in ")
          .append(what)
          .append(" (reduction ")
          .append(pct(p.relativeReduction()))
          .append(", ")
          .append(interval(p, p.relativeCi95Low(), p.relativeCi95High()))
          .append(')');
    }
    sb.append(", better ").append(inTrials(p.shareOfTrialsBetter())).append(", ");
    sb.append(
        p.shareOfTrialsWorse() == 0 ? "never worse" : "worse " + inTrials(p.shareOfTrialsWorse()));
  }

  /**
   * "95% CI l-h%", or "no 95% interval: too few trials" when the reduction rests on few trials and
   * its interval has no width (one trial, or trials that all changed by one amount).
   */
  private static String interval(PairedMetric p, double low, double high) {
    return p.fewTrials() && !(high > low)
        ? "no 95% interval: too few trials"
        : "95% CI " + range(low, high);
  }

  /** The changed metric with the largest relative change (contract order breaks ties). */
  private static Metric mostChanged(Map<Metric, PairedMetric> metrics) {
    Metric best = null;
    double bestSize = -1;
    for (Metric m : Metric.values()) {
      PairedMetric p = metrics.get(m);
      if (p.unchanged()) {
        continue;
      }
      double size = Double.isNaN(p.relativeReduction()) ? 0 : Math.abs(p.relativeReduction());
      if (size > bestSize) {
        best = m;
        bestSize = size;
      }
    }
    return best;
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
    if (a == 0) {
      return "0";
    }
    if (a >= 0.1) {
      return String.format(Locale.ROOT, "%.2f", x);
    }
    return String.format(Locale.ROOT, "%.2g", x);
  }
}
