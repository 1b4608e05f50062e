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

  /**
   * Watches the current trial (a replay); {@code null} in the study, where every use below is one
   * test of this field (see {@link TrialObserver}).
   */
  private TrialObserver observer;

  /** What {@link #observer} reads each day; created on first replay. */
  private DayState dayState;

  /** Replay only: per asset, the threat of the outage in force (for restoration events). */
  private String[] outageThreat;

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
    double[][] inv = new double[h + 1][m.storageNodes.length];
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
    for (int i = 0; i < m.storageNodes.length; i++) {
      inv[h][i] = inventory[m.storageNodes[i]];
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

  /**
   * Replays trial {@code trial} exactly as {@link #runTrial} runs it, reporting every event and
   * every day to {@code watcher}; the ledger then holds the trial's impacts.
   */
  void replayTrial(long seed, long trial, TrialObserver watcher) {
    observer = watcher;
    try {
      runTrial(seed, trial);
    } finally {
      observer = null;
    }
  }

  /**
   * Replays trial {@code trial} as a decision branch: this runner's model is the patched scenario,
   * {@code baseline} a runner of the scenario before the decision. Days before {@code fromDay} are
   * the baseline's (run by {@code baseline}, reported from it); on {@code fromDay} the state is
   * handed over (see {@link #takeOver}) and every later day runs in the patched model with its own
   * draws (common random numbers: the same streams pushed through the patched threats). The ledger
   * then holds the branch's impacts.
   *
   * @throws IllegalArgumentException when the patched scenario's sinks or sectors differ from the
   *     baseline's (a decision may not add or remove demand) or {@code fromDay} is outside the
   *     horizon
   */
  void replayBranch(
      long seed, long trial, int fromDay, TrialRunner baseline, TrialObserver watcher) {
    if (fromDay < 0 || fromDay >= m.horizonDays || baseline.m.horizonDays != m.horizonDays) {
      throw new IllegalArgumentException(
          "decision day must be in 0.." + (m.horizonDays - 1) + " but was " + fromDay);
    }
    checkSameDemand(baseline.m);
    baseline.observer = watcher;
    try {
      baseline.drawEvents(seed, trial);
      baseline.forcedAssets = null;
      baseline.simulateFromFirstHit(fromDay);
    } finally {
      baseline.observer = null;
    }
    observer = watcher;
    try {
      drawEvents(seed, trial);
      forcedAssets = null;
      takeOver(baseline, fromDay);
      int ev = 0;
      while (ev < evCount && (int) evTime[evOrder[ev]] < fromDay) {
        ev++;
      }
      simulateDays(fromDay, m.horizonDays, ev);
    } finally {
      observer = null;
    }
  }

  private void checkSameDemand(StudyModel other) {
    boolean same =
        other.impact.sinkCount() == m.impact.sinkCount()
            && other.impact.sectorCount() == m.impact.sectorCount()
            && other.commodityCount == m.commodityCount;
    for (int k = 0; same && k < m.impact.sinkCount(); k++) {
      same = other.net.nodeId(other.impact.sinkNode(k)).equals(m.net.nodeId(m.impact.sinkNode(k)));
    }
    if (!same) {
      throw new IllegalArgumentException(
          "a decision's scenario must have the same sinks, commodities and sectors as the baseline");
    }
  }

  /**
   * The hand-over on the decision day: the ledger's sums of the days before, storage inventories (a
   * storage whose initial {@code inventory} the patch changed gets the difference on this day, an
   * emergency delivery, within its capacity), and every outage in force with its end (repairs under
   * way keep their end). Assets are matched by id; nodes and links the patch adds start up.
   */
  private void takeOver(TrialRunner before, int day) {
    resetTrial();
    ledger.copyFrom(before.ledger);
    for (int s : m.storageNodes) {
      int a = before.m.net.nodeIndex(m.net.nodeId(s));
      if (a < 0) {
        continue;
      }
      double now = before.inventory[a];
      double initialBefore = before.m.net.inventory(a);
      double initialAfter = m.net.inventory(s);
      // unchanged inventory key, or nothing drawn yet: exact, no rounding through the difference
      inventory[s] =
          initialAfter == initialBefore
              ? now
              : now == initialBefore
                  ? initialAfter
                  : Math.max(
                      0, Math.min(m.net.storageCapacity(s), now + (initialAfter - initialBefore)));
    }
    for (int i = 0; i < before.downCount; i++) {
      int a = before.downList[i];
      String id =
          a < before.m.nodeCount
              ? before.m.net.nodeId(a)
              : before.m.net.linkId(a - before.m.nodeCount);
      int b = a < before.m.nodeCount ? m.net.nodeIndex(id) : m.nodeCount + m.net.linkIndex(id);
      downUntil[b] = before.downUntil[a];
      daysDown[b] = before.daysDown[a];
      if (!isTouched[b]) {
        isTouched[b] = true;
        touched[touchedCount++] = b;
      }
      setUp(in, b, false, true);
      downList[downCount++] = b;
      if (observer != null) {
        outageThreat()[b] = before.outageThreat == null ? null : before.outageThreat[a];
      }
    }
    Arrays.fill(dirty, true);
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
      if (th.poisson && !(th.ratePerDay > 0)) {
        continue;
      }
      UniformRandomProvider rng = Streams.stream(seed, trial, th.key);
      if (th.poisson) {
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
    return simulateFromFirstHit(m.horizonDays);
  }

  /**
   * Runs days {@code 0..stop-1} of the drawn trial ({@code stop < horizon}: the part before a
   * decision day, leaving the state at the start of day {@code stop}).
   */
  private boolean simulateFromFirstHit(int stop) {
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
    if (d0 >= h && stop == h && observer == null) {
      // no successful hit: the trial is the undisturbed run (same sums in the same order)
      ledger.copyFrom(base.ledger());
      return false;
    }
    // a replay reports the misses before the first hit, so it walks the events from the start
    int ev = observer == null ? first : 0;
    int prefixEnd = Math.min(d0, stop);
    for (int d = 0; d < prefixEnd; d++) {
      ledger.addDay(d, base.sinkServed()[d], base.costPerDay()[d], base.costPerDay()[d]);
      if (observer != null) {
        while (ev < evCount && (int) evTime[evOrder[ev]] == d) {
          reportMiss(evOrder[ev++], d);
        }
        reportUndisturbedDay(d);
      }
    }
    double[] inv0 = base.inventoryAtDayStart()[prefixEnd];
    for (int i = 0; i < m.storageNodes.length; i++) {
      inventory[m.storageNodes[i]] = inv0[i];
    }
    if (d0 >= stop) {
      return false;
    }
    simulateDays(d0, stop, ev);
    return true;
  }

  /** Days {@code from..to-1} day by day, applying events from position {@code ev} of the order. */
  private void simulateDays(int from, int to, int ev) {
    for (int d = from; d < to; d++) {
      releaseEnded(d);
      refreshCaps();
      while (ev < evCount && (int) evTime[evOrder[ev]] == d) {
        applyEvent(evOrder[ev++], d);
      }
      double total = simulateDayAfterEvents(d, base.costPerDay()[d]);
      if (observer != null) {
        reportDay(d, sinkServed, total, false);
      }
    }
  }

  /** One day without events (the undisturbed run); returns the day's total cost. */
  private double simulateDay(int d, double undisturbedCost) {
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
        if (observer != null) {
          observer.event(
              TrialEvent.of(
                  TrialEvent.Type.RESTORED, d, d, outageThreat()[a], assetId(a), 1.0, -1));
        }
      } else {
        downList[w++] = a;
      }
    }
    downCount = w;
  }

  /** Sets storage caps from today's inventory. */
  private void refreshCaps() {
    for (int s : m.storageNodes) {
      double inv = inventory[s];
      double w = Math.min(m.net.maxWithdrawalPerDay(s), inv);
      double j = Math.max(0, Math.min(m.net.maxInjectionPerDay(s), m.net.storageCapacity(s) - inv));
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
      if (observer != null) {
        reportMiss(e, d);
      }
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
    if (observer != null) {
      reportHits(e, d, th, pos, group, days);
      return;
    }
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
  private double spillOf(int asset) {
    if (asset < m.nodeCount) {
      return 0;
    }
    int l = asset - m.nodeCount;
    if (!m.impact.linkSpills(l)) {
      return 0;
    }
    double flow = 0;
    if (in.linkUp[l] && in.nodeUp[m.net.linkFrom(l)] && in.nodeUp[m.net.linkTo(l)]) {
      solveAll();
      flow = out.linkFlow[l];
    }
    double volume = m.impact.spillVolume(l, flow);
    ledger.addSpill(volume);
    return volume;
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

  // ---------------------------------------------------------------- replay reports

  private String assetId(int a) {
    return a < m.nodeCount ? m.net.nodeId(a) : m.net.linkId(a - m.nodeCount);
  }

  private String[] outageThreat() {
    if (outageThreat == null) {
      outageThreat = new String[m.assetCount];
    }
    return outageThreat;
  }

  /** An attempt and its miss (Poisson threats; an independent threat's failures are all hits). */
  private void reportMiss(int e, int d) {
    ThreatPlan.Compiled th = m.plan.threats[evThreat[e]];
    String target =
        th.selection == Selection.MAX_DAMAGE ? null : assetId(th.targets[th.pick(evUTarget[e])]);
    observer.event(
        TrialEvent.of(TrialEvent.Type.ATTEMPT, d, evTime[e], th.id, target, Double.NaN, -1));
    observer.event(
        TrialEvent.of(TrialEvent.Type.MISS, d, evTime[e], th.id, target, Double.NaN, -1));
  }

  /**
   * Applies a successful event exactly as {@link #applyEvent} does (spills of the whole group from
   * the flow before the hit, then the outages), reporting the attempt, each hit and each repair
   * start.
   */
  private void reportHits(
      int e, int d, ThreatPlan.Compiled th, int pos, int[] group, int repairDays) {
    String target = assetId(th.targets[pos]);
    if (th.poisson) {
      observer.event(
          TrialEvent.of(TrialEvent.Type.ATTEMPT, d, evTime[e], th.id, target, Double.NaN, -1));
    }
    double[] spills = new double[group.length];
    for (int i = 0; i < group.length; i++) {
      spills[i] = spillOf(group[i]);
    }
    for (int i = 0; i < group.length; i++) {
      int a = group[i];
      boolean wasOut = downUntil[a] > d;
      disable(a, d, repairDays);
      int end = Math.max(d, downUntil[a]);
      java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
      details.put("repair_days", repairDays);
      if (a != th.targets[pos]) {
        details.put("common_mode_of", target);
      }
      if (wasOut) {
        details.put("extended", true);
      }
      if (spills[i] > 0) {
        details.put("spill_volume", spills[i]);
      }
      observer.event(
          new TrialEvent(TrialEvent.Type.HIT, d, evTime[e], th.id, assetId(a), 0.0, end, details));
      if (end > d) {
        outageThreat()[a] = th.id;
        if (!wasOut) {
          observer.event(
              TrialEvent.of(TrialEvent.Type.REPAIR_START, d, d, th.id, assetId(a), 0.0, end));
        }
      }
    }
  }

  /** Reports an undisturbed day (taken from the run without threats). */
  private void reportUndisturbedDay(int d) {
    double[] inv = base.inventoryAtDayStart()[d + 1];
    for (int i = 0; i < m.storageNodes.length; i++) {
      inventory[m.storageNodes[i]] = inv[i];
    }
    reportDay(d, base.sinkServed()[d], base.costPerDay()[d], true);
  }

  /** Fills the day state from the current state and hands it to the observer. */
  private void reportDay(int d, double[] served, double totalCost, boolean undisturbed) {
    if (dayState == null) {
      dayState = new DayState(m);
    }
    DayState st = dayState;
    st.day = d;
    for (int k = 0; k < st.sinkServed.length; k++) {
      st.sinkServed[k] = served[k];
      st.sinkDemand[k] = m.impact.sinkDemandPerDay(k);
    }
    double[][] shares = ledger.servedShareByCommodityDay();
    for (int c = 0; c < st.servedShare.length; c++) {
      st.servedShare[c] = shares[c][d];
    }
    for (int i = 0; i < m.storageNodes.length; i++) {
      st.inventory[i] = inventory[m.storageNodes[i]];
    }
    for (int a = 0; a < m.assetCount; a++) {
      st.capacityFactor[a] = undisturbed || isUp(a) ? 1.0 : 0.0;
    }
    for (int s = 0; s < st.inoperability.length; s++) {
      st.inoperability[s] = ledger.sectorInoperabilityToday(s);
    }
    st.transportCost = totalCost;
    observer.day(st);
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
        double demand = m.net.demandPerDay(sink);
        factor *= demand > 0 ? Math.max(0, Math.min(1, output.served[sink] / demand)) : 1.0;
      }
      double supply = m.net.supplyPerDay(src) * factor;
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
      double loss = m.impact.dayEconomicLoss(scratchServed, total, undisturbed, lossWork);
      double share = m.impact.dayUnservedShareSum(scratchServed);
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
