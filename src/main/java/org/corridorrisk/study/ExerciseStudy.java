package org.corridorrisk.study;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.corridorrisk.impact.TrialMetrics;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.sim.DayState;
import org.corridorrisk.sim.TrialEvent;
import org.corridorrisk.sim.TrialObserver;
import org.corridorrisk.sim.TrialReplay;
import org.corridorrisk.stats.MetricSummary;

/**
 * The {@code exercise} use case: picks a trial of a study and replays it, with decision branches.
 *
 * <p>Design note: the replay and every branch run through {@link TrialReplay}, the study's own
 * engine with an observer, so the baseline's totals are the trial's {@code trials.csv} row and a
 * branch differs from the baseline only by what its decision changes. Rejected: re-deriving a
 * trial's days from its events outside the engine (a second implementation that would drift).
 */
public final class ExerciseStudy {
  private ExerciseStudy() {}

  /**
   * A decision for a branch: from {@code day} on, the scenario with the mitigation(s) applied.
   *
   * @param day the first day the decision is in force, 0..horizon-1
   * @param mitigation the mitigation id, or ids joined by {@code +}
   * @param costUsd the mitigation's cost (sum for several)
   * @param patched the scenario with the patches applied
   */
  public record Decision(int day, String mitigation, double costUsd, Scenario patched) {}

  /** One branch: its decision and its replay. */
  public record Branch(Decision decision, ExerciseReplay replay) {}

  /**
   * The picked trial.
   *
   * @param trial trial index (0-based)
   * @param percentile the requested percentile (0..100), NaN when the trial was given directly
   * @param metric the metric key ranked for the percentile, or {@code null}
   * @param value that metric's value in the trial, NaN when not ranked
   */
  public record Pick(int trial, double percentile, String metric, double value) {
    public static Pick direct(int trial) {
      return new Pick(trial, Double.NaN, null, Double.NaN);
    }
  }

  /**
   * The baseline replay and its branches; {@code trials} is the study's trial count, or {@code
   * null} when it was not needed (a trial given directly).
   */
  public record Result(
      Scenario scenario,
      long seed,
      Long trials,
      Pick pick,
      ExerciseReplay baseline,
      List<Branch> branches) {}

  /**
   * The trial whose {@code values} entry is the nearest-rank percentile {@code p} (0..100) of all
   * values ({@link MetricSummary#percentile}: the {@code ceil(p/100 x n)}-th smallest, at least the
   * smallest); when several trials have that value, the lowest index.
   */
  public static Pick nearestRank(double[] values, double p, String metric) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no trials to rank");
    }
    if (!(p >= 0 && p <= 100)) {
      throw new IllegalArgumentException("percentile must be between 0 and 100, was " + p);
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double v = MetricSummary.percentile(sorted, p / 100.0);
    for (int k = 0; k < values.length; k++) {
      if (Double.compare(values[k], v) == 0) {
        return new Pick(k, p, metric, v);
      }
    }
    throw new IllegalStateException("percentile value not found");
  }

  /**
   * Replays trial {@code pick.trial()} of {@code scenario} and each decision's branch.
   *
   * @throws IllegalArgumentException naming the decision ({@code 'DAY:MITIGATION': ...}) when its
   *     scenario adds or removes sinks, commodities or sectors
   */
  public static Result run(
      Scenario scenario, long seed, Long trials, Pick pick, List<Decision> decisions) {
    TrialReplay base = new TrialReplay(scenario);
    Recorder rec = new Recorder();
    TrialMetrics totals = base.replay(seed, pick.trial(), rec);
    ExerciseReplay baseline = rec.replay(totals);
    List<Branch> branches = new ArrayList<>();
    for (Decision d : decisions) {
      TrialReplay patched = new TrialReplay(d.patched());
      Recorder r = new Recorder();
      TrialMetrics t;
      try {
        t = patched.branchFrom(base, seed, pick.trial(), d.day(), r);
      } catch (IllegalArgumentException e) {
        // name the decision: with several, the message alone would not say which one
        throw new IllegalArgumentException(
            "'" + d.day() + ":" + d.mitigation() + "': " + e.getMessage(), e);
      }
      branches.add(new Branch(d, r.replay(t)));
    }
    return new Result(scenario, seed, trials, pick, baseline, List.copyOf(branches));
  }

  /** Copies what the engine reports. */
  private static final class Recorder implements TrialObserver {
    final List<TrialEvent> events = new ArrayList<>();
    final List<ExerciseReplay.Day> days = new ArrayList<>();
    List<String> commodities;
    List<String> sinks;
    List<String> storages;
    List<String> sectors;

    @Override
    public void event(TrialEvent e) {
      events.add(e);
    }

    @Override
    public void day(DayState s) {
      // the branch's days after the decision come from the patched scenario: ids are its own
      commodities = ids(s.commodityCount(), s::commodityId);
      sinks = ids(s.sinkCount(), s::sinkId);
      storages = ids(s.storageCount(), s::storageId);
      sectors = ids(s.sectorCount(), s::sectorId);
      double[] share = new double[s.commodityCount()];
      for (int c = 0; c < share.length; c++) {
        share[c] = s.servedShare(c);
      }
      double[] demand = new double[s.sinkCount()];
      double[] served = new double[s.sinkCount()];
      for (int k = 0; k < served.length; k++) {
        demand[k] = s.sinkDemand(k);
        served[k] = s.sinkServed(k);
      }
      java.util.Map<String, Double> inv = new java.util.LinkedHashMap<>();
      for (int i = 0; i < s.storageCount(); i++) {
        inv.put(s.storageId(i), s.storageInventory(i));
      }
      List<String> out = new ArrayList<>();
      List<Double> factors = new ArrayList<>();
      for (int a = 0; a < s.assetCount(); a++) {
        if (s.capacityFactor(a) < 1) {
          out.add(s.assetId(a));
          factors.add(s.capacityFactor(a));
        }
      }
      double[] q = new double[s.sectorCount()];
      for (int i = 0; i < q.length; i++) {
        q[i] = s.sectorInoperability(i);
      }
      days.add(
          new ExerciseReplay.Day(
              s.day(),
              share,
              demand,
              served,
              java.util.Collections.unmodifiableMap(inv),
              List.copyOf(out),
              factors.stream().mapToDouble(Double::doubleValue).toArray(),
              q,
              s.transportCost()));
    }

    private static List<String> ids(int n, java.util.function.IntFunction<String> id) {
      List<String> l = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        l.add(id.apply(i));
      }
      return l;
    }

    ExerciseReplay replay(TrialMetrics totals) {
      return new ExerciseReplay(totals, events, days, commodities, sinks, storages, sectors);
    }
  }
}
