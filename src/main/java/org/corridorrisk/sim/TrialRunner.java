package org.corridorrisk.sim;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialLedger;
import org.corridorrisk.model.Selection;
import org.corridorrisk.network.DailyFlowSolver;
import org.corridorrisk.network.DayInput;
import org.corridorrisk.network.DayOutput;

/**
 * Runs trials, one at a time, for one worker thread. Holds every buffer a trial needs (solver, day
 * inputs and outputs, event lists, ledger, flow cache) and reuses them across trials: after warm-up
 * a trial allocates only its threats' random generators.
 *
 * <p>A trial: (1) draw every threat's events from its own stream (4 uniforms per Poisson attempt:
 * inter-arrival, target, success, repair; 2 per independent target: failure, repair); (2) until the
 * first day with a successful event, the trial equals the undisturbed run, so those days are taken
 * from it; (3) from then on, day by day: end finished outages, apply the day's events in time
 * order, route each commodity in evaluation order (re-solving a commodity only when its input
 * changed, through a bounded memo), account impacts, update storage inventories.
 *
 * <p>Invariant of the event-driven loop: for a commodity c with {@code dirty[c] == false}, the
 * entries of {@code out} for c are the solver's answer to the current entries of {@code in} for c.
 * Every write to {@code in} that changes a value marks its commodity dirty.
 *
 * <p>Not thread-safe.
 */
final class TrialRunner {
  private final StudyModel m;
  private final StudyModel.Baseline base;
  private final DailyFlowSolver solver;
  private final DayInput in;
  private final DayOutput out;
  private final DayInput scratchIn;
  private final DayOutput scratchOut;
  private final FlowCache cache;
  private final TrialLedger ledger;
  private final boolean[] dirty;

  /**
   * Per node: supply today before the dependency factor (nominal x profile x damage); sources only.
   */
  private final double[] baseSupply;

  /** Per asset: damage factor in force today (1 = intact, 0 = out). */
  private final double[] damage;

  private final double[] cost;
  private final double[] scratchCost;
  private final double[] inventory;
  private final double[] sinkServed;
  private final double[] scratchServed;
  private final double[] lossWork;
  private final int[] downUntil;
  private final int[] daysDown;
  private final int[] downList;
  private int downCount;
  private final int[] touched;
  private int touchedCount;
  private final boolean[] isTouched;
  // events of the current trial, sorted by time
  private int evCount;
  private double[] evTime = new double[16];
  private int[] evThreat = new int[16];
  private double[] evUTarget = new double[16];
  private boolean[] evSuccess = new boolean[16];
  private double[] evURepair = new double[16];
  private int[] evTargetPos = new int[16];
  private int[] evOrder = new int[16];
  private int[] evSortTmp = new int[16];
  private int[] forcedAssets;
  private int forcedDays;

  /** Reference mode for tests: no undisturbed prefix, no memo, every commodity solved every day. */
  private final boolean naive;

  TrialRunner(StudyModel model, StudyModel.Baseline baseline) {
    this(model, baseline, false);
  }

  /**
   * @param naive {@code true}: the plain day-by-day reference (for tests proving that the shortcuts
   *     change no result)
   */
  TrialRunner(StudyModel model, StudyModel.Baseline baseline, boolean naive) {
    this.naive = naive;
    m = model;
    base = baseline;
    solver = new DailyFlowSolver(m.net);
    in = new DayInput(m.net);
    out = new DayOutput(m.net);
    scratchIn = new DayInput(m.net);
    scratchOut = new DayOutput(m.net);
    cache = new FlowCache(m, FlowCache.slotsFor(m));
    ledger = new TrialLedger(m.impact);
    dirty = new boolean[m.commodityCount];
    Arrays.fill(dirty, true);
    cost = new double[m.commodityCount];
    scratchCost = new double[m.commodityCount];
    inventory = new double[m.nodeCount];
    baseSupply = new double[m.nodeCount];
    damage = new double[m.assetCount];
    Arrays.fill(damage, 1.0);
    for (int s : m.storageNodes) {
      inventory[s] = m.net.inventory(s);
    }
    sinkServed = new double[m.impact.sinkCount()];
    scratchServed = new double[m.impact.sinkCount()];
    lossWork = new double[3 * Math.max(1, m.impact.sectorCount())];
    downUntil = new int[m.assetCount];
    daysDown = new int[m.assetCount];
    downList = new int[m.assetCount];
    touched = new int[m.assetCount];
    isTouched = new boolean[m.assetCount];
    for (int n = 0; n < m.nodeCount; n++) {
      in.nodeUp[n] = true;
      in.supply[n] = m.net.supplyPerDay(n);
      baseSupply[n] = m.net.supplyPerDay(n);
    }
    Arrays.fill(in.linkUp, true);
  }

  TrialLedger ledger() {
    return ledger;
  }

  /**
   * Assets disabled at least one day in the last trial (asset indices), valid until the next trial.
   */
  int touchedCount() {
    return touchedCount;
  }

  int touched(int i) {
    return touched[i];
  }

  /** Days the asset was disabled in the last trial. */
  int daysDown(int asset) {
    return daysDown[asset];
  }

  FlowCache cache() {
    return cache;
  }

  // ---------------------------------------------------------------- entry points

  /** The run without threats; records what the baseline needs. */
  StudyModel.Baseline runUndisturbed() {
    int h = m.horizonDays;
    double[][] served = new double[h][];
    double[] costs = new double[h];
    double[][] inv = new double[h][m.storageNodes.length];
    resetTrial();
    ledger.reset();
    for (int d = 0; d < h; d++) {
      for (int i = 0; i < m.storageNodes.length; i++) {
        inv[d][i] = inventory[m.storageNodes[i]];
      }
      double c = simulateDay(d, Double.NaN);
      served[d] = sinkServed.clone();
      costs[d] = c;
    }
    double[][] shares = new double[m.commodityCount][];
    for (int c = 0; c < m.commodityCount; c++) {
      shares[c] = ledger.servedShareByCommodityDay()[c].clone();
    }
    TrialLedger copy = new TrialLedger(m.impact);
    copy.copyFrom(ledger);
    return new StudyModel.Baseline(
        served, costs, inv, ledger.toTrialMetrics(), ledger.unservedBySink().clone(), shares, copy);
  }

  /**
   * Runs trial {@code trial} of the study with {@code seed}; the ledger then holds its impacts.
   *
   * @return whether the trial had any successful event (false: identical to the undisturbed run)
   */
  boolean runTrial(long seed, long trial) {
    drawEvents(seed, trial);
    forcedAssets = null;
    return simulateFromFirstHit();
  }

  /** Deterministic outage: {@code assets} down from day 0 for {@code days} days, no threats. */
  void runForced(int[] assets, int days) {
    evCount = 0;
    forcedAssets = assets;
    forcedDays = Math.max(0, Math.min(days, m.horizonDays));
    if (assets.length > 0) {
      addEvent(0.0, -1, Double.NaN, true, Double.NaN, -1);
    }
    simulateFromFirstHit();
  }

  /** Writes the last trial's metrics into the study arrays at index {@code trial}. */
  void writeMetrics(
      int trial,
      double[][] metricValues,
      double[][] unservedVolume,
      double[][] peak,
      double[][] indirect,
      double[] v,
      double[] u,
      double[] p,
      double[] q) {
    ledger.writeMetrics(v, u, p, q);
    for (int i = 0; i < v.length; i++) {
      metricValues[i][trial] = v[i];
    }
    for (int i = 0; i < u.length; i++) {
      unservedVolume[i][trial] = u[i];
    }
    for (int i = 0; i < p.length; i++) {
      peak[i][trial] = p[i];
      indirect[i][trial] = q[i];
    }
  }

  // ---------------------------------------------------------------- events

  private void drawEvents(long seed, long trial) {
    evCount = 0;
    ThreatPlan.Compiled[] threats = m.plan.threats;
    double horizon = m.horizonDays;
    for (int ti = 0; ti < threats.length; ti++) {
      ThreatPlan.Compiled th = threats[ti];
      if ((th.poisson && !(th.ratePerDay > 0)) || th.hazard) {
        continue;
      }
      UniformRandomProvider rng = Streams.stream(seed, trial, th.key);
      if (th.poisson && th.cumulativeRate != null) {
        // non-homogeneous: the same unit-exponential gaps, mapped through the inverse of the
        // cumulative rate (so the uniforms, and common random numbers, are those of the plain case)
        double sum = 0;
        while (true) {
          double uArrival = rng.nextDouble();
          sum += -Math.log1p(-uArrival);
          double t = th.timeAtCumulative(sum);
          if (!(t < horizon)) {
            break;
          }
          double uTarget = rng.nextDouble();
          double uSuccess = rng.nextDouble();
          double uRepair = rng.nextDouble();
          addEvent(t, ti, uTarget, uSuccess < th.successProbability, uRepair, -1);
        }
      } else if (th.poisson) {
        double t = 0;
        while (true) {
          double uArrival = rng.nextDouble();
          t += -Math.log1p(-uArrival) / th.ratePerDay;
          if (!(t < horizon)) {
            break;
          }
          double uTarget = rng.nextDouble();
          double uSuccess = rng.nextDouble();
          double uRepair = rng.nextDouble();
          addEvent(t, ti, uTarget, uSuccess < th.successProbability, uRepair, -1);
        }
      } else {
        for (int pos = 0; pos < th.targets.length; pos++) {
          double uFail = rng.nextDouble();
          double uRepair = rng.nextDouble();
          if (uFail < th.failProbability) {
            addEvent(th.startDay, ti, Double.NaN, true, uRepair, pos);
          }
        }
      }
    }
    sortEvents();
  }

  private void addEvent(
      double time, int threat, double uTarget, boolean success, double uRepair, int pos) {
    if (evCount == evTime.length) {
      int n = evCount * 2;
      evTime = Arrays.copyOf(evTime, n);
      evThreat = Arrays.copyOf(evThreat, n);
      evUTarget = Arrays.copyOf(evUTarget, n);
      evSuccess = Arrays.copyOf(evSuccess, n);
      evURepair = Arrays.copyOf(evURepair, n);
      evTargetPos = Arrays.copyOf(evTargetPos, n);
      evOrder = new int[n];
      evSortTmp = new int[n];
    }
    evTime[evCount] = time;
    evThreat[evCount] = threat;
    evUTarget[evCount] = uTarget;
    evSuccess[evCount] = success;
    evURepair[evCount] = uRepair;
    evTargetPos[evCount] = pos;
    evOrder[evCount] = evCount;
    evCount++;
  }

  /** Stable merge sort of event indices by time (ties keep threat order, then draw order). */
  private void sortEvents() {
    for (int i = 0; i < evCount; i++) {
      evOrder[i] = i;
    }
    for (int width = 1; width < evCount; width *= 2) {
      for (int lo = 0; lo < evCount; lo += 2 * width) {
        int mid = Math.min(lo + width, evCount);
        int hi = Math.min(lo + 2 * width, evCount);
        int a = lo;
        int b = mid;
        int k = lo;
        while (a < mid && b < hi) {
          evSortTmp[k++] = evTime[evOrder[b]] < evTime[evOrder[a]] ? evOrder[b++] : evOrder[a++];
        }
        while (a < mid) {
          evSortTmp[k++] = evOrder[a++];
        }
        while (b < hi) {
          evSortTmp[k++] = evOrder[b++];
        }
      }
      int[] t = evOrder;
      evOrder = evSortTmp;
      evSortTmp = t;
    }
  }

  // ---------------------------------------------------------------- trial loop

  private void resetTrial() {
    for (int i = 0; i < touchedCount; i++) {
      int a = touched[i];
      isTouched[a] = false;
      daysDown[a] = 0;
      if (downUntil[a] > 0) {
        downUntil[a] = 0;
        setUp(in, a, true, true);
      }
    }
    for (int i = 0; i < downCount; i++) {
      int a = downList[i];
      downUntil[a] = 0;
      setUp(in, a, true, true);
    }
    downCount = 0;
    touchedCount = 0;
    for (int s : m.storageNodes) {
      inventory[s] = m.net.inventory(s);
    }
  }

  private boolean simulateFromFirstHit() {
    resetTrial();
    ledger.reset();
    int h = m.horizonDays;
    int first = 0;
    while (first < evCount && !evSuccess[evOrder[first]]) {
      first++;
    }
    int d0 = first < evCount ? (int) evTime[evOrder[first]] : h;
    if (naive) {
      d0 = 0;
      first = 0;
    }
    if (d0 >= h) {
      // no successful hit: the trial is the undisturbed run (same sums in the same order)
      ledger.copyFrom(base.ledger());
      return false;
    }
    for (int d = 0; d < d0; d++) {
      ledger.addDay(d, base.sinkServed()[d], base.costPerDay()[d], base.costPerDay()[d]);
    }
    if (d0 >= h) {
      return false;
    }
    double[] inv0 = base.inventoryAtDayStart()[d0];
    for (int i = 0; i < m.storageNodes.length; i++) {
      inventory[m.storageNodes[i]] = inv0[i];
    }
    int ev = first;
    for (int d = d0; d < h; d++) {
      releaseEnded(d);
      applyProfiles(d);
      refreshCaps();
      while (ev < evCount && (int) evTime[evOrder[ev]] == d) {
        applyEvent(evOrder[ev++], d);
      }
      simulateDayAfterEvents(d, base.costPerDay()[d]);
    }
    return true;
  }

  /** One day without events (the undisturbed run); returns the day's total cost. */
  private double simulateDay(int d, double undisturbedCost) {
    applyProfiles(d);
    refreshCaps();
    return simulateDayAfterEvents(d, undisturbedCost);
  }

  private double simulateDayAfterEvents(int d, double undisturbedCost) {
    solveAll();
    int[] sinkNodes = sinkNodes();
    for (int k = 0; k < sinkServed.length; k++) {
      sinkServed[k] = out.served[sinkNodes[k]];
    }
    double total = 0;
    for (int c = 0; c < cost.length; c++) {
      total += cost[c];
    }
    ledger.addDay(d, sinkServed, total, Double.isNaN(undisturbedCost) ? total : undisturbedCost);
    for (int s : m.storageNodes) {
      double next = inventory[s] + out.injected[s] - out.withdrawn[s];
      inventory[s] = Math.max(0, Math.min(m.net.storageCapacity(s), next));
    }
    return total;
  }

  private int[] sinkNodesCache;

  private int[] sinkNodes() {
    if (sinkNodesCache == null) {
      int[] s = new int[m.impact.sinkCount()];
      for (int i = 0; i < s.length; i++) {
        s[i] = m.impact.sinkNode(i);
      }
      sinkNodesCache = s;
    }
    return sinkNodesCache;
  }

  private void releaseEnded(int d) {
    int w = 0;
    for (int i = 0; i < downCount; i++) {
      int a = downList[i];
      if (downUntil[a] <= d) {
        setUp(in, a, true, true);
      } else {
        downList[w++] = a;
      }
    }
    downCount = w;
  }

  /** Sets today's profiled values (demand, supply, link capacity) of the profiled assets. */
  private void applyProfiles(int d) {
    for (int a : m.profiledAssets) {
      rates(a, d);
    }
  }

  /**
   * Writes asset {@code a}'s rates for day {@code d} into {@code in}: nominal x profile x damage
   * (sinks: nominal x profile); marks its commodity dirty when a value changed. Storages take their
   * damage factor in {@link #refreshCaps}.
   */
  private void rates(int a, int d) {
    double[] pf = m.profileFactor[a];
    double f = pf == null ? 1.0 : pf[d];
    if (a >= m.nodeCount) {
      int l = a - m.nodeCount;
      double v = m.net.linkCapacity(l) * f * damage[a];
      if (in.linkCapacity[l] != v) {
        in.linkCapacity[l] = v;
        dirty[m.net.linkCommodity(l)] = true;
      }
      return;
    }
    switch (m.net.nodeKind(a)) {
      case SOURCE -> {
        double v = m.net.supplyPerDay(a) * f * damage[a];
        baseSupply[a] = v;
        if (m.supplyDependsOn[a].length == 0 && in.supply[a] != v) {
          in.supply[a] = v;
          dirty[m.net.nodeCommodity(a)] = true;
        }
      }
      case SINK -> {
        double v = m.net.demandPerDay(a) * f;
        if (in.demand[a] != v) {
          in.demand[a] = v;
          dirty[m.net.nodeCommodity(a)] = true;
        }
      }
      default -> {}
    }
  }

  /** Sets storage caps from today's inventory. */
  private void refreshCaps() {
    for (int s : m.storageNodes) {
      double inv = inventory[s];
      double f = damage[s];
      double w = Math.min(m.net.maxWithdrawalPerDay(s) * f, inv);
      double j =
          Math.max(0, Math.min(m.net.maxInjectionPerDay(s) * f, m.net.storageCapacity(s) - inv));
      if (in.withdrawCap[s] != w || in.injectCap[s] != j) {
        in.withdrawCap[s] = w;
        in.injectCap[s] = j;
        dirty[m.net.nodeCommodity(s)] = true;
      }
    }
  }

  private void setUp(DayInput input, int asset, boolean up, boolean markDirty) {
    int c;
    if (asset < m.nodeCount) {
      if (input.nodeUp[asset] == up) {
        return;
      }
      input.nodeUp[asset] = up;
      c = m.net.nodeCommodity(asset);
    } else {
      int l = asset - m.nodeCount;
      if (input.linkUp[l] == up) {
        return;
      }
      input.linkUp[l] = up;
      c = m.net.linkCommodity(l);
    }
    if (markDirty) {
      dirty[c] = true;
    }
  }

  private boolean isUp(int asset) {
    return asset < m.nodeCount ? in.nodeUp[asset] : in.linkUp[asset - m.nodeCount];
  }

  private void applyEvent(int e, int d) {
    if (!evSuccess[e]) {
      return;
    }
    if (evThreat[e] < 0) {
      for (int a : forcedAssets) {
        spillOf(a);
      }
      for (int a : forcedAssets) {
        disable(a, d, forcedDays);
      }
      return;
    }
    ThreatPlan.Compiled th = m.plan.threats[evThreat[e]];
    int pos = evTargetPos[e];
    if (pos < 0) {
      pos =
          th.selection == Selection.MAX_DAMAGE
              ? maxDamageTarget(th, d, evUTarget[e])
              : th.pick(evUTarget[e]);
    }
    int[] group = th.hitGroup[pos];
    int days = th.repairDays(evURepair[e]);
    for (int a : group) {
      spillOf(a);
    }
    for (int a : group) {
      disable(a, d, days);
    }
  }

  /**
   * Adds the spill of a hit on {@code asset} (links with spill data only), from the flow before the
   * hit.
   */
  private void spillOf(int asset) {
    if (asset < m.nodeCount) {
      return;
    }
    int l = asset - m.nodeCount;
    if (!m.impact.linkSpills(l)) {
      return;
    }
    double flow = 0;
    if (in.linkUp[l] && in.nodeUp[m.net.linkFrom(l)] && in.nodeUp[m.net.linkTo(l)]) {
      solveAll();
      flow = out.linkFlow[l];
    }
    ledger.addSpill(m.impact.spillVolume(l, flow));
  }

  private void disable(int a, int d, int days) {
    int h = m.horizonDays;
    int end = (int) Math.min((long) h, (long) d + days);
    if (end <= d) {
      return;
    }
    if (!isTouched[a]) {
      isTouched[a] = true;
      touched[touchedCount++] = a;
    }
    if (downUntil[a] <= d) {
      daysDown[a] += end - d;
      downUntil[a] = end;
      if (isUp(a)) {
        setUp(in, a, false, true);
        downList[downCount++] = a;
      }
    } else if (end > downUntil[a]) {
      daysDown[a] += end - downUntil[a];
      downUntil[a] = end;
    }
  }

  // ---------------------------------------------------------------- flows

  /** Routes every commodity in evaluation order for the current state of {@code in}. */
  private void solveAll() {
    for (int c : m.order) {
      updateDependentSupplies(c, in, out, true);
      if (dirty[c] || naive) {
        solveCached(c, in, out, cost);
        dirty[c] = false;
      }
    }
  }

  private void updateDependentSupplies(int c, DayInput input, DayOutput output, boolean markDirty) {
    for (int src : m.dependentSources[c]) {
      double factor = 1;
      for (int sink : m.supplyDependsOn[src]) {
        double demand = input.demand[sink];
        factor *= demand > 0 ? Math.max(0, Math.min(1, output.served[sink] / demand)) : 1.0;
      }
      double supply = baseSupply[src] * factor;
      if (input.supply[src] != supply) {
        input.supply[src] = supply;
        if (markDirty) {
          dirty[c] = true;
        }
      }
    }
  }

  private void solveCached(int c, DayInput input, DayOutput output, double[] costs) {
    if (naive) {
      solver.solve(c, input, output);
      costs[c] = output.cost;
      return;
    }
    if (cache.lookup(c, input, output, costs)) {
      return;
    }
    solver.solve(c, input, output);
    costs[c] = output.cost;
    cache.store(c, output, output.cost);
  }

  /**
   * The max-damage attacker's choice: the currently-up target whose loss (with its common-mode
   * group) now costs most over today, judged by the day's economic loss, then the day's unserved
   * share, ties by canonical target order. When no target is up, the target uniform picks one.
   */
  private int maxDamageTarget(ThreatPlan.Compiled th, int d, double uTarget) {
    int best = -1;
    double bestLoss = Double.NEGATIVE_INFINITY;
    double bestShare = Double.NEGATIVE_INFINITY;
    double undisturbed = base.costPerDay()[d];
    for (int pos = 0; pos < th.targets.length; pos++) {
      if (!isUp(th.targets[pos])) {
        continue;
      }
      System.arraycopy(in.nodeUp, 0, scratchIn.nodeUp, 0, in.nodeUp.length);
      System.arraycopy(in.linkUp, 0, scratchIn.linkUp, 0, in.linkUp.length);
      System.arraycopy(in.supply, 0, scratchIn.supply, 0, in.supply.length);
      System.arraycopy(in.demand, 0, scratchIn.demand, 0, in.demand.length);
      System.arraycopy(in.linkCapacity, 0, scratchIn.linkCapacity, 0, in.linkCapacity.length);
      System.arraycopy(in.withdrawCap, 0, scratchIn.withdrawCap, 0, in.withdrawCap.length);
      System.arraycopy(in.injectCap, 0, scratchIn.injectCap, 0, in.injectCap.length);
      for (int a : th.hitGroup[pos]) {
        setUp(scratchIn, a, false, false);
      }
      double total = 0;
      for (int c : m.order) {
        updateDependentSupplies(c, scratchIn, scratchOut, false);
        solveCached(c, scratchIn, scratchOut, scratchCost);
        total += scratchCost[c];
      }
      int[] sinkNodes = sinkNodes();
      for (int k = 0; k < scratchServed.length; k++) {
        scratchServed[k] = scratchOut.served[sinkNodes[k]];
      }
      double loss = m.impact.dayEconomicLoss(d, scratchServed, total, undisturbed, lossWork);
      double share = m.impact.dayUnservedShareSum(d, scratchServed);
      if (loss > bestLoss || (loss == bestLoss && share > bestShare)) {
        best = pos;
        bestLoss = loss;
        bestShare = share;
      }
    }
    return best >= 0 ? best : th.pick(uTarget);
  }

  /** The economic loss of the last trial (after it ran). */
  double lastEconomicLoss(double[] scratchValues) {
    ledger.writeMetrics(
        scratchValues,
        new double[m.commodityCount],
        new double[m.impact.sectorCount()],
        new double[m.impact.sectorCount()]);
    return scratchValues[Metric.ECONOMIC_LOSS.ordinal()];
  }
}
