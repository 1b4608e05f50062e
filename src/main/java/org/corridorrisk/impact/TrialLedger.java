package org.corridorrisk.impact;

/**
 * Accumulates one trial's impacts day by day and turns them into {@link TrialMetrics}. One per
 * worker thread, reset between trials; no allocation per day.
 *
 * <p>Per day it takes what each sink received (against that day's demand, after profiles) and the
 * day's transport cost, and adds: unserved volume per commodity and per sink, person-days without
 * service (in total and per commodity: people are never added across commodities), value of lost
 * load, the day's IIM (direct inoperability c* per sector, least fixed point q, indirect loss (q -
 * c*) x output, peak q) and the day's extra transport cost over the undisturbed run. Spills are
 * added per hit with {@link #addSpill(double)}.
 *
 * <p>Not thread-safe.
 */
public final class TrialLedger {
  private final ImpactModel m;
  private final double[] unservedByCommodity;
  private final double[] unservedTodayByCommodity;
  private final double[] unservedBySink;
  private final double[] personDaysByCommodity;
  private final double[] personDaysBySink;
  private final double[] sectorUnservedToday;
  private final double[] cStar;
  private final double[] q;
  private final double[] scratch;
  private final double[] peakBySector;
  private final double[] indirectBySector;
  private final double[][] servedShareByCommodityDay;
  private double personDays;
  private double directLoss;
  private double reroutingCost;
  private double spillVolume;

  public TrialLedger(ImpactModel model) {
    m = model;
    unservedByCommodity = new double[m.commodityCount];
    unservedTodayByCommodity = new double[m.commodityCount];
    unservedBySink = new double[m.sinkCount()];
    personDaysByCommodity = new double[m.commodityCount];
    personDaysBySink = new double[m.sinkCount()];
    sectorUnservedToday = new double[m.sectorCount];
    cStar = new double[m.sectorCount];
    q = new double[m.sectorCount];
    scratch = new double[m.sectorCount];
    peakBySector = new double[m.sectorCount];
    indirectBySector = new double[m.sectorCount];
    servedShareByCommodityDay = new double[m.commodityCount][m.horizonDays];
  }

  /** Forgets everything: ready for a new trial. */
  public void reset() {
    java.util.Arrays.fill(unservedByCommodity, 0);
    java.util.Arrays.fill(unservedBySink, 0);
    java.util.Arrays.fill(personDaysByCommodity, 0);
    java.util.Arrays.fill(personDaysBySink, 0);
    java.util.Arrays.fill(peakBySector, 0);
    java.util.Arrays.fill(indirectBySector, 0);
    personDays = 0;
    directLoss = 0;
    reroutingCost = 0;
    spillVolume = 0;
  }

  /**
   * Adds one day.
   *
   * @param day day index, 0-based
   * @param sinkServed delivered per sink slot that day
   * @param costToday the day's transport cost summed over commodities
   * @param undisturbedCostToday the same day's cost in the run without threats
   */
  public void addDay(int day, double[] sinkServed, double costToday, double undisturbedCostToday) {
    int sectors = m.sectorCount;
    java.util.Arrays.fill(unservedTodayByCommodity, 0);
    for (int s = 0; s < sectors; s++) {
      sectorUnservedToday[s] = 0;
    }
    double[] demand = m.sinkDemandOn(day);
    for (int i = 0; i < demand.length; i++) {
      double unserved = Impacts.unserved(demand[i], sinkServed[i]);
      if (!(unserved > 0)) {
        continue;
      }
      unservedTodayByCommodity[m.sinkCommodity[i]] += unserved;
      unservedBySink[i] += unserved;
      double people = m.sinkPopulation[i] * unserved / demand[i];
      personDays += people;
      personDaysByCommodity[m.sinkCommodity[i]] += people;
      personDaysBySink[i] += people;
      directLoss += m.sinkValueOfLostLoad[i] * unserved;
      int sector = m.sinkSector[i];
      if (sector >= 0) {
        sectorUnservedToday[sector] += unserved;
      }
    }
    for (int c = 0; c < unservedTodayByCommodity.length; c++) {
      unservedByCommodity[c] += unservedTodayByCommodity[c];
      double d = m.commodityDemandOn(day)[c];
      servedShareByCommodityDay[c][day] =
          d > 0 ? Math.max(0, 1 - unservedTodayByCommodity[c] / d) : 1.0;
    }
    if (sectors > 0) {
      for (int s = 0; s < sectors; s++) {
        double d = m.sectorDemandOn(day)[s];
        cStar[s] = d > 0 ? Math.min(1, sectorUnservedToday[s] / d) : 0;
      }
      Iim.leastFixedPoint(m.interdependency, cStar, q, scratch);
      for (int s = 0; s < sectors; s++) {
        indirectBySector[s] += (q[s] - cStar[s]) * m.sectorOutputPerDay[s];
        if (q[s] > peakBySector[s]) {
          peakBySector[s] = q[s];
        }
      }
    }
    reroutingCost += Impacts.reroutingCost(costToday, undisturbedCostToday);
  }

  /**
   * Makes this ledger hold exactly what {@code other} holds. Its model must be this one or have the
   * same shape (commodities, sinks, sectors, horizon: a patched scenario's, for a decision branch
   * that continues a baseline's days).
   */
  public void copyFrom(TrialLedger other) {
    if (other.m != m
        && (other.m.commodityCount != m.commodityCount
            || other.m.sinkCount() != m.sinkCount()
            || other.m.sectorCount != m.sectorCount
            || other.m.horizonDays != m.horizonDays)) {
      throw new IllegalArgumentException("ledgers of impact models of different shapes");
    }
    System.arraycopy(
        other.unservedByCommodity, 0, unservedByCommodity, 0, unservedByCommodity.length);
    System.arraycopy(other.unservedBySink, 0, unservedBySink, 0, unservedBySink.length);
    System.arraycopy(
        other.personDaysByCommodity, 0, personDaysByCommodity, 0, personDaysByCommodity.length);
    System.arraycopy(other.personDaysBySink, 0, personDaysBySink, 0, personDaysBySink.length);
    System.arraycopy(other.peakBySector, 0, peakBySector, 0, peakBySector.length);
    System.arraycopy(other.indirectBySector, 0, indirectBySector, 0, indirectBySector.length);
    for (int c = 0; c < servedShareByCommodityDay.length; c++) {
      System.arraycopy(
          other.servedShareByCommodityDay[c], 0, servedShareByCommodityDay[c], 0, m.horizonDays);
    }
    personDays = other.personDays;
    directLoss = other.directLoss;
    reroutingCost = other.reroutingCost;
    spillVolume = other.spillVolume;
  }

  /** Adds the volume of one spill. */
  public void addSpill(double volume) {
    spillVolume += volume;
  }

  /**
   * Total inoperability q of sector {@code s} on the last day added (IIM least fixed point), for
   * replays; 0 before any day.
   */
  public double sectorInoperabilityToday(int s) {
    return q[s];
  }

  /** Unserved volume per sink slot so far (owned by the ledger; read only). */
  public double[] unservedBySink() {
    return unservedBySink;
  }

  /** Person-days without service per sink slot so far (owned by the ledger; read only). */
  public double[] personDaysBySink() {
    return personDaysBySink;
  }

  /** Share of demand served per commodity and day (owned by the ledger; read only). */
  public double[][] servedShareByCommodityDay() {
    return servedShareByCommodityDay;
  }

  /**
   * Writes the trial's metrics.
   *
   * @param values length {@code Metric.values().length}, indexed by ordinal
   * @param unservedVolume per commodity
   * @param personDays person-days without service per commodity (the sinks of that commodity only;
   *     their sum is the {@code person_days_without_service} metric up to rounding)
   * @param peakInoperability per sector
   * @param indirectLoss per sector
   */
  public void writeMetrics(
      double[] values,
      double[] unservedVolume,
      double[] personDays,
      double[] peakInoperability,
      double[] indirectLoss) {
    double indirect = 0;
    for (int s = 0; s < m.sectorCount; s++) {
      indirect += indirectBySector[s];
    }
    values[Metric.UNSERVED_FRACTION.ordinal()] =
        Impacts.unservedFraction(unservedByCommodity, m.commodityDemandVolume);
    values[Metric.PERSON_DAYS_WITHOUT_SERVICE.ordinal()] = this.personDays;
    values[Metric.DIRECT_LOSS.ordinal()] = directLoss;
    values[Metric.INDIRECT_LOSS.ordinal()] = indirect;
    values[Metric.REROUTING_COST.ordinal()] = reroutingCost;
    values[Metric.SPILL_VOLUME.ordinal()] = spillVolume;
    values[Metric.ECONOMIC_LOSS.ordinal()] = directLoss + indirect + reroutingCost;
    System.arraycopy(unservedByCommodity, 0, unservedVolume, 0, unservedByCommodity.length);
    System.arraycopy(personDaysByCommodity, 0, personDays, 0, personDaysByCommodity.length);
    System.arraycopy(peakBySector, 0, peakInoperability, 0, peakBySector.length);
    System.arraycopy(indirectBySector, 0, indirectLoss, 0, indirectBySector.length);
  }

  /** The trial's metrics as a new object. */
  public TrialMetrics toTrialMetrics() {
    double[] v = new double[Metric.values().length];
    double[] u = new double[m.commodityCount];
    double[] pd = new double[m.commodityCount];
    double[] p = new double[m.sectorCount];
    double[] i = new double[m.sectorCount];
    writeMetrics(v, u, pd, p, i);
    return new TrialMetrics(v, u, pd, p, i);
  }
}
