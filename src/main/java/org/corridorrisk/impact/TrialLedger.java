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
 * <p>Design note (bulk accounting of days): a day on which every sink is served, no sector is
 * inoperable and the cost is the undisturbed run's adds exactly +0.0 to every sum; its only trace
 * is a served share of 1.0 (see {@link #isNeutralDay}), so the trial loop skips such days of the
 * undisturbed run. Days with the same outcome are added with {@link #addDays}: the impacts are
 * computed once, then added once per day in day order, so every sum gets the same additions in the
 * same order as with {@link #addDay} day by day. Once told the undisturbed run's shares ({@link
 * #useUndisturbedShares}), the ledger keeps them in {@link #servedShareByCommodityDay()} for every
 * day not added since the last {@link #reset}, and lists the added days whose shares differ from
 * them ({@link #addedDayCount()}, {@link #addedDay(int)}): a caller can count the others in bulk.
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
  private final IimMemo iim;
  private final double[] peakBySector;
  private final double[] indirectBySector;
  private final double[][] servedShareByCommodityDay;
  private double personDays;
  private double directLoss;
  private double reroutingCost;
  private double spillVolume;

  /**
   * Demand volume per commodity over the horizon, the denominator of {@code unserved_fraction}: the
   * model's own, or after {@link #handOver} the demand of the days each model ran.
   */
  private double[] demandVolume;

  // the day being added (prepare): sinks with a shortfall, their unserved volume and people,
  // served share per commodity, indirect loss per sector
  private final int[] shortSink;
  private final double[] shortUnserved;
  private final double[] shortPeople;
  private final double[] shortLoss;
  private final double[] commodityPeople;

  /** Scratch of the one-commodity pass: the day's short sink slots and their shortfalls. */
  private final int[] listedSink;

  private final double[] listedUnserved;
  private int shortCount;
  private final double[] shareToday;
  private final double[] indirectToday;

  /** The undisturbed run's shares {@code [commodity][day]}, or {@code null} (not told). */
  private double[][] undisturbedShare;

  /** Days added since the last reset with shares other than the undisturbed ones; flags per day. */
  private final int[] addedDays;

  private final boolean[] isAdded;
  private int addedCount;

  /** One past the latest day added since the last reset (0: none). */
  private int addedEnd;

  /**
   * Sink slots whose {@link #unservedBySink} or {@link #personDaysBySink} entry may be nonzero:
   * every slot added with a shortfall since the last reset (listed once); every other slot holds
   * +0.0.
   */
  private final int[] lossSinks;

  private final boolean[] isLossSink;
  private int lossSinkCount;

  /** Per day: the first later day whose undisturbed shares differ from its own. */
  private int[] shareRunEnd;

  /** The undisturbed costs {@link #costRunEnd} describes, by identity. */
  private double[] costRunsOf;

  private int[] costRunEnd;

  public TrialLedger(ImpactModel model) {
    m = model;
    demandVolume = m.commodityDemandVolume;
    unservedByCommodity = new double[m.commodityCount];
    unservedTodayByCommodity = new double[m.commodityCount];
    unservedBySink = new double[m.sinkCount()];
    personDaysByCommodity = new double[m.commodityCount];
    personDaysBySink = new double[m.sinkCount()];
    sectorUnservedToday = new double[m.sectorCount];
    cStar = new double[m.sectorCount];
    q = new double[m.sectorCount];
    scratch = new double[m.sectorCount];
    iim = new IimMemo(m.interdependency);
    peakBySector = new double[m.sectorCount];
    indirectBySector = new double[m.sectorCount];
    servedShareByCommodityDay = new double[m.commodityCount][m.horizonDays];
    addedDays = new int[m.horizonDays];
    shortSink = new int[m.sinkCount()];
    shortUnserved = new double[m.sinkCount()];
    shortPeople = new double[m.sinkCount()];
    shortLoss = new double[m.sinkCount()];
    commodityPeople = new double[m.sinkCount()];
    listedSink = new int[m.sinkCount()];
    listedUnserved = new double[m.sinkCount()];
    shareToday = new double[m.commodityCount];
    indirectToday = new double[m.sectorCount];
    isAdded = new boolean[m.horizonDays];
    lossSinks = new int[m.sinkCount()];
    isLossSink = new boolean[m.sinkCount()];
  }

  /**
   * Tells the ledger the undisturbed run's served shares {@code [commodity][day]} (not copied; must
   * not change): from now on every day not added since the last {@link #reset} holds them.
   */
  public void useUndisturbedShares(double[][] shares) {
    if (shares.length != m.commodityCount) {
      throw new IllegalArgumentException("shares of another impact model");
    }
    undisturbedShare = shares;
    shareRunEnd = runEnds(shares, m.horizonDays);
    for (int c = 0; c < shares.length; c++) {
      System.arraycopy(shares[c], 0, servedShareByCommodityDay[c], 0, m.horizonDays);
    }
    clearAdded();
  }

  /**
   * Whether adding day {@code day} with {@code sinkServed} and a cost equal to the undisturbed cost
   * changes no sum (every sink served up to rounding, so no sector is inoperable and the rerouting
   * cost is 0): its only trace is a served share of 1.0 for every commodity.
   */
  public boolean isNeutralDay(int day, double[] sinkServed) {
    double[] demand = m.sinkDemandOn(day);
    for (int i = 0; i < demand.length; i++) {
      if (Impacts.unserved(demand[i], sinkServed[i]) > 0) {
        return false;
      }
    }
    for (int s = 0; s < m.sectorCount; s++) {
      // q = c* = 0 on such a day: the indirect loss adds 0 x output, which must be 0
      if (0.0 * m.sectorOutputPerDay[s] != 0.0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Days added since the last reset whose served shares may differ from the undisturbed run's
   * (every other day holds the undisturbed shares).
   */
  public int addedDayCount() {
    return addedCount;
  }

  /** The {@code i}-th of those days (in the order added). */
  public int addedDay(int i) {
    return addedDays[i];
  }

  private void clearAdded() {
    for (int i = 0; i < addedCount; i++) {
      isAdded[addedDays[i]] = false;
    }
    addedCount = 0;
    addedEnd = 0;
  }

  private void markAdded(int day) {
    if (!isAdded[day]) {
      isAdded[day] = true;
      addedDays[addedCount++] = day;
      addedEnd = Math.max(addedEnd, day + 1);
    }
  }

  /**
   * How many sink slots may have a nonzero {@link #unservedBySink()} or {@link #personDaysBySink()}
   * entry (those added with a shortfall since the last reset); every other slot holds +0.0 in both.
   */
  public int lossSinkCount() {
    return lossSinkCount;
  }

  /** The {@code i}-th of those sink slots (in no particular order). */
  public int lossSink(int i) {
    return lossSinks[i];
  }

  private void markLossSink(int i) {
    if (!isLossSink[i]) {
      isLossSink[i] = true;
      lossSinks[lossSinkCount++] = i;
    }
  }

  /**
   * Sets the per-sink sums back to +0.0 (only the listed slots can differ from it): slot by slot
   * when few are listed, by a plain fill when many are (a fill of the whole array is cheaper than
   * scattered stores once more than about one slot in eight is listed, as on a grid whose
   * undisturbed day already leaves many sinks short).
   */
  private void clearLossSinks() {
    if (lossSinkCount > unservedBySink.length / 8) {
      java.util.Arrays.fill(unservedBySink, 0);
      java.util.Arrays.fill(personDaysBySink, 0);
      java.util.Arrays.fill(isLossSink, false);
      lossSinkCount = 0;
      return;
    }
    for (int k = 0; k < lossSinkCount; k++) {
      int i = lossSinks[k];
      unservedBySink[i] = 0;
      personDaysBySink[i] = 0;
      isLossSink[i] = false;
    }
    lossSinkCount = 0;
  }

  /** Forgets everything: ready for a new trial. */
  public void reset() {
    demandVolume = m.commodityDemandVolume;
    java.util.Arrays.fill(unservedByCommodity, 0);
    clearLossSinks();
    java.util.Arrays.fill(personDaysByCommodity, 0);
    java.util.Arrays.fill(peakBySector, 0);
    java.util.Arrays.fill(indirectBySector, 0);
    personDays = 0;
    directLoss = 0;
    reroutingCost = 0;
    spillVolume = 0;
    if (undisturbedShare != null) {
      for (int i = 0; i < addedCount; i++) {
        int d = addedDays[i];
        for (int c = 0; c < servedShareByCommodityDay.length; c++) {
          servedShareByCommodityDay[c][d] = undisturbedShare[c][d];
        }
      }
    }
    clearAdded();
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
    // prepare and apply in one pass over the sinks: each sum gets the same additions in the same
    // order as prepare, then apply (every chain of additions is per sink, per commodity or over
    // the sinks in slot order, and none is read in between)
    int sectors = m.sectorCount;
    java.util.Arrays.fill(unservedTodayByCommodity, 0);
    for (int s = 0; s < sectors; s++) {
      sectorUnservedToday[s] = 0;
    }
    shortCount = 0; // the short lists are not filled (only addDays reads them)
    double[] demand = m.sinkDemandOn(day);
    double people = personDays;
    double loss = directLoss;
    if (unservedTodayByCommodity.length == 1) {
      addSinksOfOneCommodity(demand, sinkServed, people, loss);
      prepareSharesAndIim(day);
      applyCommoditiesAndSectors(day, costToday, undisturbedCostToday);
      return;
    }
    for (int i = 0; i < demand.length; i++) {
      double unserved = Impacts.unserved(demand[i], sinkServed[i]);
      if (!(unserved > 0)) {
        continue;
      }
      int c = m.sinkCommodity[i];
      unservedTodayByCommodity[c] += unserved;
      double p = m.sinkPopulation[i] * unserved / demand[i];
      int sector = m.sinkSector[i];
      if (sector >= 0) {
        sectorUnservedToday[sector] += unserved;
      }
      unservedBySink[i] += unserved;
      people += p;
      personDaysByCommodity[c] += p;
      personDaysBySink[i] += p;
      loss += m.sinkValueOfLostLoad[i] * unserved;
      markLossSink(i);
    }
    personDays = people;
    directLoss = loss;
    prepareSharesAndIim(day);
    applyCommoditiesAndSectors(day, costToday, undisturbedCostToday);
  }

  /**
   * The pass over the sinks of {@link #addDay} for a model with one commodity: the same additions
   * in the same order, with the commodity's two running sums in locals rather than in memory (a
   * chain of additions through memory waits for each store), and without the person-days of a sink
   * whose population is 0: its person-days are {@code 0 x unserved / demand = +0.0}, and adding
   * +0.0 changes no sum here (every sum starts at +0.0 and only adds values {@code >= +0.0}, so
   * none is -0.0), which spares a division and two sums per short sink on networks without
   * population.
   *
   * <p>Design note: two passes. The first lists the short sinks and their shortfalls in slot order
   * without a branch (every sink is written at the end of the list, which grows by one only when
   * the sink is short, {@link Impacts#isShort}); the second adds the listed sinks. On a grid day at
   * a 10% failure probability a third of the sinks are short in no pattern, so a branch on "short"
   * in a single pass was mispredicted about once in three sinks, and the pass took about twice as
   * long as the two.
   */
  private void addSinksOfOneCommodity(
      double[] demand, double[] sinkServed, double people, double loss) {
    int[] listed = listedSink;
    double[] listedShortfall = listedUnserved;
    int n = 0;
    for (int i = 0; i < demand.length; i++) {
      double d = demand[i];
      double shortfall = d - sinkServed[i];
      listed[n] = i;
      listedShortfall[n] = shortfall;
      assert Impacts.isShort(d, shortfall) == Impacts.unserved(d, sinkServed[i]) > 0;
      n += Impacts.isShort(d, shortfall) ? 1 : 0;
    }
    double today = unservedTodayByCommodity[0];
    double commodityPeople = personDaysByCommodity[0];
    double[] population = m.sinkPopulation;
    double[] valueOfLostLoad = m.sinkValueOfLostLoad;
    int[] sectorOf = m.sinkSector;
    for (int k = 0; k < n; k++) {
      int i = listed[k];
      double unserved = listedShortfall[k];
      today += unserved;
      int sector = sectorOf[i];
      if (sector >= 0) {
        sectorUnservedToday[sector] += unserved;
      }
      unservedBySink[i] += unserved;
      double pop = population[i];
      if (pop != 0) {
        double p = pop * unserved / demand[i];
        people += p;
        commodityPeople += p;
        personDaysBySink[i] += p;
      }
      loss += valueOfLostLoad[i] * unserved;
      markLossSink(i);
    }
    unservedTodayByCommodity[0] = today;
    personDaysByCommodity[0] = commodityPeople;
    personDays = people;
    directLoss = loss;
  }

  /**
   * Adds days {@code from..to-1} that all had the same outcome: exactly as {@link #addDay} for each
   * in turn (the same additions in the same order), the day's impacts computed once. The sinks'
   * demand must be the same on all of them (no profile changes it in between).
   *
   * @param sinkServed delivered per sink slot on each of the days
   * @param cost each day's transport cost summed over commodities
   * @param undisturbedCostPerDay {@code [day]} the run without threats' cost
   */
  public void addDays(
      int from, int to, double[] sinkServed, double cost, double[] undisturbedCostPerDay) {
    if (to <= from) {
      return;
    }
    assert sameDemand(from, to);
    prepare(from, sinkServed);
    if (shortCount > 0 || !noIndirectToday()) {
      addPreparedDays(to - from);
    }
    // with every sink served, the days add +0.0 to every sum but the rerouting cost (unserved
    // volume and indirect loss start at +0.0 and only grow, so adding +0.0 changes no bit); in any
    // case they write their shares and add their rerouting cost day by day, except along a run of
    // days whose undisturbed shares and cost are the same: when the day's shares are those and its
    // rerouting cost is +0.0, every day of the run already holds its shares (no day from here on
    // has been added since the reset) and adds nothing
    int[] costRuns = undisturbedShare == null ? null : costRunEnd(undisturbedCostPerDay);
    for (int d = from; d < to; ) {
      int runEnd = to;
      if (costRuns != null && d >= addedEnd) {
        runEnd = Math.min(to, Math.min(shareRunEnd[d], costRuns[d]));
        if (sameAsUndisturbedShares(d)
            && Double.doubleToRawLongBits(Impacts.reroutingCost(cost, undisturbedCostPerDay[d]))
                == 0L) {
          d = runEnd;
          continue;
        }
      }
      for (; d < runEnd; d++) {
        addSharesAndCost(d, cost, undisturbedCostPerDay[d]);
      }
    }
  }

  /** Day {@code d}'s prepared shares and its rerouting cost (its other sums are added). */
  private void addSharesAndCost(int d, double cost, double undisturbedCost) {
    boolean undisturbed = undisturbedShare != null;
    for (int c = 0; c < shareToday.length; c++) {
      servedShareByCommodityDay[c][d] = shareToday[c];
      undisturbed =
          undisturbed
              && Double.doubleToRawLongBits(shareToday[c])
                  == Double.doubleToRawLongBits(undisturbedShare[c][d]);
    }
    if (!undisturbed) {
      markAdded(d);
    }
    reroutingCost += Impacts.reroutingCost(cost, undisturbedCost);
  }

  /** Whether the prepared shares are bitwise the undisturbed run's on day {@code d}. */
  private boolean sameAsUndisturbedShares(int d) {
    for (int c = 0; c < shareToday.length; c++) {
      if (Double.doubleToRawLongBits(shareToday[c])
          != Double.doubleToRawLongBits(undisturbedShare[c][d])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Per day, the first later day whose undisturbed cost differs (bitwise) from its own, for the
   * array of undisturbed costs callers pass (computed once per array).
   */
  private int[] costRunEnd(double[] undisturbedCostPerDay) {
    if (costRunsOf != undisturbedCostPerDay) {
      costRunEnd = runEnds(new double[][] {undisturbedCostPerDay}, m.horizonDays);
      costRunsOf = undisturbedCostPerDay;
    }
    return costRunEnd;
  }

  /**
   * Per day d, the first day after d whose value differs from day d's in some row; h at the end.
   */
  private static int[] runEnds(double[][] rows, int h) {
    int[] end = new int[h];
    for (int d = h - 1; d >= 0; d--) {
      boolean same = d + 1 < h;
      for (int r = 0; same && r < rows.length; r++) {
        same = Double.doubleToRawLongBits(rows[r][d]) == Double.doubleToRawLongBits(rows[r][d + 1]);
      }
      end[d] = same ? end[d + 1] : d + 1;
    }
    return end;
  }

  /**
   * Adds the prepared day's shortfalls and indirect losses {@code n} times, exactly as {@code n}
   * calls of {@link #addDay} add them: every sum is its own chain of additions (per sink, per
   * commodity, per sector, and the totals over sinks, whose rounds add the day's sinks in slot
   * order), and each chain gets the same additions in the same order; each running sum is a local
   * (no memory round trip per addition), and each loop carries several independent chains (two
   * sinks, the totals with a lone commodity's sums, four sectors), so that the processor overlaps
   * additions that would otherwise each wait for the previous one. Shares and rerouting cost are
   * left to the caller.
   */
  private void addPreparedDays(int n) {
    // per sink, two sinks at a time: four independent chains in one loop (an addition waits only
    // for its own chain's previous one)
    int k = 0;
    for (; k + 1 < shortCount; k += 2) {
      int i = shortSink[k];
      int j = shortSink[k + 1];
      double unservedI = shortUnserved[k];
      double peopleI = shortPeople[k];
      double unservedJ = shortUnserved[k + 1];
      double peopleJ = shortPeople[k + 1];
      double ui = unservedBySink[i];
      double pi = personDaysBySink[i];
      double uj = unservedBySink[j];
      double pj = personDaysBySink[j];
      for (int d = 0; d < n; d++) {
        ui += unservedI;
        pi += peopleI;
        uj += unservedJ;
        pj += peopleJ;
      }
      unservedBySink[i] = ui;
      personDaysBySink[i] = pi;
      unservedBySink[j] = uj;
      personDaysBySink[j] = pj;
      markLossSink(i);
      markLossSink(j);
    }
    for (; k < shortCount; k++) {
      int i = shortSink[k];
      double unserved = shortUnserved[k];
      double people = shortPeople[k];
      double u = unservedBySink[i];
      double p = personDaysBySink[i];
      for (int d = 0; d < n; d++) {
        u += unserved;
        p += people;
      }
      unservedBySink[i] = u;
      personDaysBySink[i] = p;
      markLossSink(i);
    }
    double people = personDays;
    double loss = directLoss;
    if (unservedTodayByCommodity.length == 1) {
      // one commodity: its people chain adds the same values as the total's, so all four chains
      // (people, loss, the commodity's people and unserved volume) run in one loop
      double pc = personDaysByCommodity[0];
      double uc = unservedByCommodity[0];
      double today = unservedTodayByCommodity[0];
      for (int d = 0; d < n; d++) {
        for (int s = 0; s < shortCount; s++) {
          double p = shortPeople[s];
          people += p;
          loss += shortLoss[s];
          pc += p;
        }
        uc += today;
      }
      personDaysByCommodity[0] = pc;
      unservedByCommodity[0] = uc;
    } else {
      for (int d = 0; d < n; d++) {
        for (int s = 0; s < shortCount; s++) {
          people += shortPeople[s];
          loss += shortLoss[s];
        }
      }
      for (int c = 0; c < unservedTodayByCommodity.length; c++) {
        // the day's people of this commodity's sinks, in slot order
        int count = 0;
        for (int s = 0; s < shortCount; s++) {
          if (m.sinkCommodity[shortSink[s]] == c) {
            commodityPeople[count++] = shortPeople[s];
          }
        }
        double pc = personDaysByCommodity[c];
        double uc = unservedByCommodity[c];
        double today = unservedTodayByCommodity[c];
        for (int d = 0; d < n; d++) {
          for (int s = 0; s < count; s++) {
            pc += commodityPeople[s];
          }
          uc += today;
        }
        personDaysByCommodity[c] = pc;
        unservedByCommodity[c] = uc;
      }
    }
    personDays = people;
    directLoss = loss;
    // per sector, four at a time
    int s = 0;
    for (; s + 3 < m.sectorCount; s += 4) {
      double a = indirectBySector[s];
      double b = indirectBySector[s + 1];
      double c = indirectBySector[s + 2];
      double e = indirectBySector[s + 3];
      double ta = indirectToday[s];
      double tb = indirectToday[s + 1];
      double tc = indirectToday[s + 2];
      double te = indirectToday[s + 3];
      for (int d = 0; d < n; d++) {
        a += ta;
        b += tb;
        c += tc;
        e += te;
      }
      indirectBySector[s] = a;
      indirectBySector[s + 1] = b;
      indirectBySector[s + 2] = c;
      indirectBySector[s + 3] = e;
    }
    for (; s < m.sectorCount; s++) {
      double sum = indirectBySector[s];
      double today = indirectToday[s];
      for (int d = 0; d < n; d++) {
        sum += today;
      }
      indirectBySector[s] = sum;
    }
    for (s = 0; s < m.sectorCount; s++) {
      if (q[s] > peakBySector[s]) {
        peakBySector[s] = q[s];
      }
    }
  }

  /** Whether the prepared day adds exactly +0.0 of indirect loss and no inoperability. */
  private boolean noIndirectToday() {
    for (int s = 0; s < m.sectorCount; s++) {
      if (Double.doubleToRawLongBits(indirectToday[s]) != 0L || q[s] != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean sameDemand(int from, int to) {
    for (int d = from + 1; d < to; d++) {
      if (!java.util.Arrays.equals(m.sinkDemandOn(d), m.sinkDemandOn(from))) {
        return false;
      }
    }
    return true;
  }

  /** Computes the day's shortfalls, served shares and IIM into the "today" fields. */
  private void prepare(int day, double[] sinkServed) {
    int sectors = m.sectorCount;
    java.util.Arrays.fill(unservedTodayByCommodity, 0);
    for (int s = 0; s < sectors; s++) {
      sectorUnservedToday[s] = 0;
    }
    shortCount = 0;
    double[] demand = m.sinkDemandOn(day);
    for (int i = 0; i < demand.length; i++) {
      double unserved = Impacts.unserved(demand[i], sinkServed[i]);
      if (!(unserved > 0)) {
        continue;
      }
      unservedTodayByCommodity[m.sinkCommodity[i]] += unserved;
      shortSink[shortCount] = i;
      shortUnserved[shortCount] = unserved;
      shortPeople[shortCount] = m.sinkPopulation[i] * unserved / demand[i];
      shortLoss[shortCount++] = m.sinkValueOfLostLoad[i] * unserved;
      int sector = m.sinkSector[i];
      if (sector >= 0) {
        sectorUnservedToday[sector] += unserved;
      }
    }
    prepareSharesAndIim(day);
  }

  /** The day's served shares and IIM from its unserved volume per commodity and per sector. */
  private void prepareSharesAndIim(int day) {
    int sectors = m.sectorCount;
    double[] commodityDemand = m.commodityDemandOn(day);
    for (int c = 0; c < unservedTodayByCommodity.length; c++) {
      double d = commodityDemand[c];
      shareToday[c] = d > 0 ? Math.max(0, 1 - unservedTodayByCommodity[c] / d) : 1.0;
    }
    if (sectors > 0) {
      double[] sectorDemand = m.sectorDemandOn(day);
      for (int s = 0; s < sectors; s++) {
        double d = sectorDemand[s];
        cStar[s] = d > 0 ? Math.min(1, sectorUnservedToday[s] / d) : 0;
      }
      iim.leastFixedPoint(cStar, q, scratch);
      for (int s = 0; s < sectors; s++) {
        indirectToday[s] = (q[s] - cStar[s]) * m.sectorOutputPerDay[s];
      }
    }
  }

  /**
   * Adds the prepared day's unserved volume per commodity, shares and sector losses as day {@code
   * day} and its rerouting cost (the per-sink sums are added by the caller); lists the day as added
   * unless its served shares are bitwise the undisturbed run's.
   */
  private void applyCommoditiesAndSectors(int day, double costToday, double undisturbedCostToday) {
    boolean undisturbed = undisturbedShare != null;
    for (int c = 0; c < unservedTodayByCommodity.length; c++) {
      unservedByCommodity[c] += unservedTodayByCommodity[c];
      servedShareByCommodityDay[c][day] = shareToday[c];
      undisturbed =
          undisturbed
              && Double.doubleToRawLongBits(shareToday[c])
                  == Double.doubleToRawLongBits(undisturbedShare[c][day]);
    }
    if (!undisturbed) {
      markAdded(day);
    }
    for (int s = 0; s < m.sectorCount; s++) {
      indirectBySector[s] += indirectToday[s];
      if (q[s] > peakBySector[s]) {
        peakBySector[s] = q[s];
      }
    }
    reroutingCost += Impacts.reroutingCost(costToday, undisturbedCostToday);
  }

  /**
   * Makes this ledger hold exactly what {@code other} holds. Its model must be this one or have the
   * same shape (commodities, sinks, sectors, horizon: a patched scenario's, for a decision branch
   * that continues a baseline's days). With another model every day counts as added (its shares
   * need not be this model's undisturbed ones).
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
    clearLossSinks();
    for (int k = 0; k < other.lossSinkCount; k++) {
      int i = other.lossSinks[k];
      unservedBySink[i] = other.unservedBySink[i];
      personDaysBySink[i] = other.personDaysBySink[i];
      markLossSink(i);
    }
    System.arraycopy(
        other.personDaysByCommodity, 0, personDaysByCommodity, 0, personDaysByCommodity.length);
    System.arraycopy(other.peakBySector, 0, peakBySector, 0, peakBySector.length);
    System.arraycopy(other.indirectBySector, 0, indirectBySector, 0, indirectBySector.length);
    for (int c = 0; c < servedShareByCommodityDay.length; c++) {
      System.arraycopy(
          other.servedShareByCommodityDay[c], 0, servedShareByCommodityDay[c], 0, m.horizonDays);
    }
    clearAdded();
    if (other.m == m) {
      for (int i = 0; i < other.addedCount; i++) {
        markAdded(other.addedDays[i]);
      }
    } else {
      for (int d = 0; d < m.horizonDays; d++) {
        markAdded(d);
      }
    }
    personDays = other.personDays;
    directLoss = other.directLoss;
    reroutingCost = other.reroutingCost;
    spillVolume = other.spillVolume;
    demandVolume = other.m == m ? other.demandVolume : m.commodityDemandVolume;
  }

  /**
   * A decision's hand-over on day {@code day}: the sums of {@code before} (a ledger of the scenario
   * before the decision, filled up to that day) as by {@link #copyFrom}, and {@code
   * unserved_fraction}'s denominator made of {@code before}'s demand on the days before {@code day}
   * and this ledger's model's demand from it on (a patch may change demand profiles or rates).
   */
  public void handOver(TrialLedger before, int day) {
    copyFrom(before);
    boolean sameBefore = true;
    for (int d = 0; d < day && sameBefore; d++) {
      sameBefore = java.util.Arrays.equals(before.m.commodityDemandOn(d), m.commodityDemandOn(d));
    }
    if (sameBefore) {
      return; // the days before ran at this model's demand: its own total, to the last bit
    }
    double[] volume = new double[m.commodityCount];
    for (int d = 0; d < m.horizonDays; d++) {
      double[] demand = d < day ? before.m.commodityDemandOn(d) : m.commodityDemandOn(d);
      for (int c = 0; c < volume.length; c++) {
        volume[c] += demand[c];
      }
    }
    demandVolume = volume;
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
        Impacts.unservedFraction(unservedByCommodity, demandVolume);
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
