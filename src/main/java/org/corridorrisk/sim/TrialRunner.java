package org.corridorrisk.sim;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialLedger;
import org.corridorrisk.model.Incidents;
import org.corridorrisk.model.NodeKind;
import org.corridorrisk.model.RepairTime;
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
 * <p>Design note (bulk accounting of days, see docs/model.md section 7): days are simulated only
 * where they may differ. (a) Undisturbed stretches (the prefix before the first hit, and after a
 * merge back) add to the ledger only the undisturbed days that change a sum ({@code
 * Baseline.nextContributing}). (b) Merge back: at the start of a day with nothing down, no crew
 * busy and every storage either at bitwise the undisturbed inventory or at another inventory with
 * the same caps while the undisturbed run leaves it alone ({@code Baseline.nextStorageMove}), the
 * days up to the next successful hit are the undisturbed run's ({@link #undisturbedDaysFrom}). (c)
 * Steady days: a simulated day that moved no inventory repeats until the next hit, segment
 * boundary, profile change or crew release ({@link #steadyUntil}); the repeats go to the ledger in
 * one call that adds them day by day. Misses are skipped over (they change nothing without an
 * observer). Replays ({@code observer != null}) and the naive reference keep the plain day-by-day
 * loop; {@code ShortcutEquivalenceTest} compares every trial with the latter bit for bit.
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

  /** The day as it stands at a max-damage attempt, link flows filled. */
  private final DayOutput dayOut;

  private final MaxDamageChoice maxDamageChoice;

  /**
   * For tests: the max-damage attacker solves every candidate, also those whose group carries
   * nothing today (the reference that {@link MaxDamageChoice}'s shortcut is checked against).
   */
  boolean fullMaxDamage;

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

  /** Assets with an outage segment or a crew job in force (in no particular order). */
  private final int[] daysDown;

  private final int[] downList;
  private int downCount;
  private final int[] touched;
  private int touchedCount;
  private final boolean[] isTouched;
  private final boolean[] inDown;

  // Outages of the current trial as segments (pool): asset works at segFactor on days
  // [segFrom, segTo); the factor in force is the smallest of its segments covering the day.
  private static final int NO_END = Integer.MAX_VALUE;

  /**
   * The day {@code days} after {@code day}, or {@link #NO_END} when that lies beyond the days an
   * {@code int} counts: a repair or restoration stage that long outlasts every horizon, and the
   * stages after it never start (a plain sum would wrap to a negative day and bring a later stage
   * back over the horizon).
   */
  private static int dayAfter(int day, int days) {
    long end = (long) day + days;
    return end >= NO_END ? NO_END : (int) end;
  }

  private final int[] segHead;
  private int segCount;
  private int[] segFrom = new int[16];
  private int[] segTo = new int[16];
  private int[] segNext = new int[16];
  private double[] segFactor = new double[16];

  // Repair crew jobs of the current trial (pool); per asset its open job or -1.
  private final int[] jobOf;
  private int jobCount;
  private int[] jobAsset = new int[8];
  private int[] jobDay = new int[8];
  private int[] jobThreat = new int[8];
  private int[] jobRepair = new int[8];
  private int[] jobEnd = new int[8];
  private int[] jobSeg = new int[8];
  private int[] jobCrew = new int[8];
  private int[] jobStageFrom = new int[8];
  private int[] jobStageCount = new int[8];
  private boolean[] jobActive = new boolean[8];
  private double[] jobFactor = new double[8];

  /**
   * Per job, the threat of the hit whose damage state it carries (the one that set {@link
   * #jobFactor} and the stages after the job): the threat its segments are named by in a replay.
   */
  private int[] jobLead = new int[8];

  /** Restoration stages drawn this trial for crew jobs (factor, whole days). */
  private int stageCount;

  private double[] stageF = new double[8];
  private int[] stageD = new int[8];

  /** Per pool, per crew: first day it is free. Per pool: waiting jobs in queue order. */
  private final int[][] crewFree;

  private final int[][] waiting;
  private final int[] waitingCount;
  private long curSeed;
  private final int[] hazardHits;
  private long curTrial;
  // events of the current trial, sorted by time
  private int evCount;
  private double[] evTime = new double[16];
  private int[] evThreat = new int[16];
  private double[] evUTarget = new double[16];
  private boolean[] evSuccess = new boolean[16];
  private double[] evURepair = new double[16];
  private int[] evTargetPos = new int[16];
  private int[] evNumber = new int[16];

  /** Events of {@link #INDEPENDENT_FAILURES}: their first failure in {@link #failedPos}, count. */
  private int[] evFailFrom = new int[16];

  private int[] evFailCount = new int[16];
  private int[] evOrder = new int[16];
  private int[] evSortTmp = new int[16];

  /** Most events sorted by insertion ({@link #sortEvents}). */
  static final int INSERTION_SORT_MAX = 48;

  private int[] forcedAssets;
  private int forcedDays;

  /**
   * The failing target positions and repair uniforms of every independent threat in one trial, one
   * threat's after the other (each threat's failures are one event, {@link #INDEPENDENT_FAILURES}).
   */
  private final int[] failedPos;

  private final double[] failedURepair;

  /** How many entries of {@link #failedPos} the current trial uses. */
  private int failedCount;

  /** Workspace of {@link Streams#independentFailures}. */
  private final long[] drawScratch = new long[Streams.BLOCK];

  /** Reference mode for tests: no undisturbed prefix, no memo, every commodity solved every day. */
  private final boolean naive;

  /**
   * Facts of the model that let the event path skip per-asset look-ups (each a cache miss on a
   * large network, where a trial hits dozens of assets spread over the arrays): whether any link
   * spills, any asset has its own repair time, any asset has a repair crew; per threat, whether
   * every target is hit alone (no common-mode group).
   */
  private final boolean anySpill;

  private final boolean anyAssetRepair;
  private final boolean anyCrew;
  private final boolean[] hitsAlone;

  /**
   * The solver's hint on {@link #in} ({@link DayInput#hintChanges}): per link and per node, whether
   * its rates or state may differ from the nominal day's. Set for every asset with a profile and
   * every source with a dependency (always), and for every asset this trial touched ({@link
   * #track}, cleared when {@link #resetTrial} restores it): every write to {@code in} goes through
   * {@link #setUp}, {@link #rates} and {@link #updateDependentSupplies} for such assets only.
   */
  private final boolean[] linkMayDiffer;

  private final boolean[] nodeMayDiffer;

  /** Per asset: whether its flag above is set for good (a profile or a dependency). */
  private final boolean[] alwaysMayDiffer;

  /** Whether any asset's is. */
  private final boolean anyAlwaysMayDiffer;

  /**
   * Watches the current trial (a replay); {@code null} in the study, where every use below is one
   * test of this field (see {@link TrialObserver}).
   */
  private TrialObserver observer;

  /** What {@link #observer} reads each day; created on first replay. */
  private DayState dayState;

  /** Replay only: per asset, the threat of the outage in force (for restoration events). */
  private String[] outageThreat;

  /**
   * Replay only: per outage segment, the threat of the hit it belongs to (its repair or one of its
   * restoration stages); for a crew job, whose hits are merged, its segment and the stages after it
   * belong to the hit whose damage state the job carries ({@link #jobLead}). A partial restoration
   * names the threat of the segment that ended.
   */
  private String[] segThreat;

  /**
   * Replay only: among the segments the last {@link #factorOn} found ended, the one with the
   * smallest factor (the one whose end raised the factor), or -1.
   */
  private int endedSeg = -1;

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
    // link flows are read only for spills
    boolean spills = false;
    for (int l = 0; l < m.net.linkCount(); l++) {
      spills |= m.impact.linkSpills(l);
    }
    out = new DayOutput(m.net, spills);
    anySpill = spills;
    boolean repairs = false;
    boolean crews = false;
    for (int a = 0; a < m.assetCount; a++) {
      repairs |= m.assetRepair[a] != null;
      crews |= m.crewPool[a] >= 0;
    }
    anyAssetRepair = repairs;
    anyCrew = crews;
    hitsAlone = new boolean[m.plan.threats.length];
    for (int t = 0; t < hitsAlone.length; t++) {
      ThreatPlan.Compiled th = m.plan.threats[t];
      boolean alone = th.hitGroup != null;
      for (int pos = 0; alone && pos < th.hitGroup.length; pos++) {
        alone = th.hitGroup[pos].length == 1 && th.hitGroup[pos][0] == th.targets[pos];
      }
      hitsAlone[t] = alone;
    }
    scratchIn = new DayInput(m.net);
    scratchOut = new DayOutput(m.net, spills);
    dayOut = new DayOutput(m.net, true);
    int maxTargets = 0;
    for (ThreatPlan.Compiled th : m.plan.threats) {
      if (th.selection == Selection.MAX_DAMAGE) {
        maxTargets = Math.max(maxTargets, th.targets.length);
      }
    }
    maxDamageChoice = new MaxDamageChoice(m.net, maxTargets);
    cache = new FlowCache(m, FlowCache.slotsFor(m), spills);
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
    inDown = new boolean[m.assetCount];
    hazardHits = new int[m.assetCount];
    segHead = new int[m.assetCount];
    Arrays.fill(segHead, -1);
    jobOf = new int[m.assetCount];
    Arrays.fill(jobOf, -1);
    int pools = m.crewCount.length;
    crewFree = new int[pools][];
    waiting = new int[pools][];
    waitingCount = new int[pools];
    for (int p = 0; p < pools; p++) {
      crewFree[p] = new int[m.crewCount[p]];
      waiting[p] = new int[8];
    }
    int targets = 0;
    for (ThreatPlan.Compiled th : m.plan.threats) {
      if (!th.poisson && !th.hazard) {
        targets += th.targets.length;
      }
    }
    failedPos = new int[targets];
    failedURepair = new double[targets];
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
    if (baseline != null) {
      ledger.useUndisturbedShares(baseline.servedShare());
    }
    linkMayDiffer = new boolean[m.net.linkCount()];
    nodeMayDiffer = new boolean[m.nodeCount];
    alwaysMayDiffer = new boolean[m.assetCount];
    for (int a : m.profiledAssets) {
      alwaysMayDiffer[a] = true;
      flagMayDiffer(a);
    }
    for (int[] sources : m.dependentSources) {
      for (int a : sources) {
        alwaysMayDiffer[a] = true;
        flagMayDiffer(a);
      }
    }
    boolean always = false;
    for (boolean b : alwaysMayDiffer) {
      always |= b;
    }
    anyAlwaysMayDiffer = always;
    in.hintChanges(linkMayDiffer, nodeMayDiffer);
  }

  private void flagMayDiffer(int a) {
    if (a < m.nodeCount) {
      nodeMayDiffer[a] = true;
    } else {
      linkMayDiffer[a - m.nodeCount] = true;
    }
  }

  TrialLedger ledger() {
    return ledger;
  }

  /** Days this runner took from the undisturbed run after a first hit (merge back), for tests. */
  long mergedDays;

  /** Max-damage candidates this runner judged without a solve of their own, for tests. */
  long maxDamageSkips;

  /** Days this runner accounted as repeats of a steady day, for tests. */
  long repeatedDays;

  /** Of those, days on which a storage inventory moved (repeated by capsHoldUntil), for tests. */
  long movingRepeatedDays;

  /** Whether the last simulated day changed a storage inventory. */
  private boolean inventoryMoved;

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
    int[][] nextMove = new int[m.storageNodes.length][h + 1];
    resetTrial();
    ledger.reset();
    for (int d = 0; d < h; d++) {
      for (int i = 0; i < m.storageNodes.length; i++) {
        inv[d][i] = inventory[m.storageNodes[i]];
      }
      double c = simulateDay(d, Double.NaN);
      served[d] = sinkServed.clone();
      costs[d] = c;
      for (int i = 0; i < m.storageNodes.length; i++) {
        int s = m.storageNodes[i];
        // idle: marked with -1 for now, the next day it moves is filled in below
        nextMove[i][d] = out.injected[s] == 0 && out.withdrawn[s] == 0 ? -1 : d;
      }
    }
    for (int[] next : nextMove) {
      next[h] = h;
      for (int d = h - 1; d >= 0; d--) {
        if (next[d] < 0) {
          next[d] = next[d + 1];
        }
      }
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
    copy.useUndisturbedShares(shares);
    // per day, the first day from it on that changes a sum (not neutral), or h
    int[] nextContributing = new int[h + 1];
    nextContributing[h] = h;
    for (int d = h - 1; d >= 0; d--) {
      nextContributing[d] = ledger.isNeutralDay(d, served[d]) ? nextContributing[d + 1] : d;
    }
    return new StudyModel.Baseline(
        served,
        costs,
        inv,
        ledger.toTrialMetrics(),
        ledger.unservedBySink().clone(),
        shares,
        copy,
        nextContributing,
        nextMove);
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
          "decision day must be in 0.." + (m.horizonDays - 1) + ", was " + fromDay);
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
    ledger.handOver(before.ledger, day);
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
    stageCount = 0;
    for (int i = 0; i < before.downCount; i++) {
      int a = before.downList[i];
      String id =
          a < before.m.nodeCount
              ? before.m.net.nodeId(a)
              : before.m.net.linkId(a - before.m.nodeCount);
      int b = a < before.m.nodeCount ? m.net.nodeIndex(id) : m.nodeCount + m.net.linkIndex(id);
      track(b);
      daysDown[b] = before.daysDown[a];
      int job = before.jobOf[a];
      for (int g = before.segHead[a]; g >= 0; g = before.segNext[g]) {
        if (job >= 0 && g == before.jobSeg[job]) {
          continue; // the job's own segment is rebuilt below
        }
        int copy = addSegment(b, before.segFrom[g], before.segTo[g], before.segFactor[g]);
        if (copy >= 0 && before.segThreat != null && observer != null) {
          segThreat[copy] = before.segThreat[g];
        }
      }
      if (job >= 0) {
        // the crew job: its stages, then in progress (keeps its end and a crew) or waiting (queued
        // again; crews of the patched pool take it from the decision day on)
        int stageFrom = stageCount;
        for (int k = 0; k < before.jobStageCount[job]; k++) {
          int g = before.jobStageFrom[job] + k;
          if (stageCount == stageF.length) {
            stageF = Arrays.copyOf(stageF, stageCount * 2);
            stageD = Arrays.copyOf(stageD, stageCount * 2);
          }
          stageF[stageCount] = before.stageF[g];
          stageD[stageCount++] = before.stageD[g];
        }
        int pool = m.crewPool[b];
        int r = before.jobRepair[job];
        double f = before.jobFactor[job];
        if (pool < 0) {
          int end = before.jobActive[job] ? before.jobEnd[job] : dayAfter(day, r);
          int firstSeg = segCount;
          addSegment(b, before.jobDay[job], end, f);
          int t = end;
          for (int k = 0; k < before.jobStageCount[job]; k++) {
            int next = dayAfter(t, stageD[stageFrom + k]);
            addSegment(b, t, next, stageF[stageFrom + k]);
            t = next;
          }
          if (observer != null) {
            for (int g = firstSeg; g < segCount; g++) {
              segThreat[g] = m.plan.threats[before.jobLead[job]].id;
            }
          }
        } else {
          crewHit(
              b,
              before.jobDay[job],
              before.jobThreat[job],
              r,
              f,
              stageFrom,
              before.jobStageCount[job]);
          setJobLead(jobOf[b], before.jobLead[job]);
          if (before.jobActive[job]) {
            int j = jobOf[b];
            removeWaiting(pool, j);
            int[] free = crewFree[pool];
            int k = 0;
            for (int c = 1; c < free.length; c++) {
              if (free[c] < free[k]) {
                k = c;
              }
            }
            jobActive[j] = true;
            jobCrew[j] = k;
            jobEnd[j] = before.jobEnd[job];
            segTo[jobSeg[j]] = jobEnd[j];
            free[k] = jobEnd[j];
          }
        }
      }
      // the factor the baseline left it at (the day before the decision): releaseEnded on the
      // decision day then ends what ends that day as the baseline would, with its restored events
      setDamage(b, before.damage[a], day);
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
      addEvent(0.0, -1, Double.NaN, true, Double.NaN, -1, 0);
    }
    simulateFromFirstHit();
  }

  // ---------------------------------------------------------------- events

  private void drawEvents(long seed, long trial) {
    evCount = 0;
    failedCount = 0;
    curSeed = seed;
    curTrial = trial;
    ThreatPlan.Compiled[] threats = m.plan.threats;
    double horizon = m.horizonDays;
    for (int ti = 0; ti < threats.length; ti++) {
      ThreatPlan.Compiled th = threats[ti];
      boolean rated = th.poisson || (th.hazard && th.hazardRated);
      if (rated && !(th.ratePerDay > 0)) {
        continue;
      }
      if (!th.poisson && !th.hazard) {
        int failed =
            Streams.independentFailures(
                seed,
                trial,
                th.key,
                th.targets.length,
                th.failProbability,
                failedPos,
                failedURepair,
                failedCount,
                drawScratch);
        if (failed > 0) {
          // one event for all of them: they share the time, and the order of events with the same
          // time is threat order, then draw order, which the failures keep within the event
          addEvent(th.startDay, ti, Double.NaN, true, Double.NaN, INDEPENDENT_FAILURES, 0);
          evFailFrom[evCount - 1] = failedCount;
          evFailCount[evCount - 1] = failed;
          failedCount += failed;
        }
        continue;
      }
      UniformRandomProvider rng = Streams.stream(seed, trial, th.key);
      if (th.hazard) {
        // one uniform per event (arrival, or occurrence); the footprint's draws are keyed
        // (Streams.uniform) and taken when the event is applied
        if (!th.hazardRated) {
          if (rng.nextDouble() < th.failProbability) {
            addEvent(th.startDay, ti, Double.NaN, true, Double.NaN, HAZARD_EVENT, 0);
          }
          continue;
        }
        double sum = 0;
        double t = 0;
        for (int k = 0; ; k++) {
          double uArrival = rng.nextDouble();
          if (th.cumulativeRate != null) {
            sum += -Math.log1p(-uArrival);
            t = th.timeAtCumulative(sum);
          } else {
            t += -Math.log1p(-uArrival) / th.ratePerDay;
          }
          if (!(t < horizon)) {
            break;
          }
          addEvent(t, ti, Double.NaN, true, Double.NaN, HAZARD_EVENT, k);
        }
        continue;
      }
      int number = 0;
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
          addEvent(t, ti, uTarget, uSuccess < th.successProbability, uRepair, -1, number++);
        }
      } else {
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
          addEvent(t, ti, uTarget, uSuccess < th.successProbability, uRepair, -1, number++);
        }
      }
    }
    sortEvents();
  }

  /** {@code pos} of a hazard event: the footprint decides the assets. */
  private static final int HAZARD_EVENT = -2;

  /**
   * {@code pos} of an independent threat's failures in a trial (at least one): each is a hit of its
   * own on its target position with its own repair uniform, applied in draw order.
   */
  private static final int INDEPENDENT_FAILURES = -3;

  /**
   * @param pos -1 (the target is chosen when applied), {@link #HAZARD_EVENT} or {@link
   *     #INDEPENDENT_FAILURES}
   * @param number the event's number within its threat (Poisson: attempt index; independent: 0),
   *     keying its new draws (damage state, stages, hazard footprint)
   */
  private void addEvent(
      double time,
      int threat,
      double uTarget,
      boolean success,
      double uRepair,
      int pos,
      int number) {
    if (evCount == evTime.length) {
      int n = evCount * 2;
      evTime = Arrays.copyOf(evTime, n);
      evThreat = Arrays.copyOf(evThreat, n);
      evUTarget = Arrays.copyOf(evUTarget, n);
      evSuccess = Arrays.copyOf(evSuccess, n);
      evURepair = Arrays.copyOf(evURepair, n);
      evTargetPos = Arrays.copyOf(evTargetPos, n);
      evNumber = Arrays.copyOf(evNumber, n);
      evFailFrom = Arrays.copyOf(evFailFrom, n);
      evFailCount = Arrays.copyOf(evFailCount, n);
      evOrder = new int[n];
      evSortTmp = new int[n];
    }
    evTime[evCount] = time;
    evThreat[evCount] = threat;
    evUTarget[evCount] = uTarget;
    evSuccess[evCount] = success;
    evURepair[evCount] = uRepair;
    evTargetPos[evCount] = pos;
    evNumber[evCount] = number;
    evOrder[evCount] = evCount;
    evCount++;
  }

  /** Orders the events by time ({@link #stableOrderByTime}). */
  private void sortEvents() {
    int[] sorted = stableOrderByTime(evTime, evCount, evOrder, evSortTmp);
    if (sorted != evOrder) {
      evSortTmp = evOrder;
      evOrder = sorted;
    }
  }

  /**
   * Indices {@code 0..n-1} ordered by {@code time}, ties in index order (for events: threat order,
   * then draw order), in {@code order} or {@code tmp} (returned; the other is scratch): nothing to
   * do when the times are already in order, insertion sort for the usual handful of events (each
   * threat's events come in time order, so few moves), bottom-up merge sort above {@link
   * #INSERTION_SORT_MAX}. Both are stable, so the order is the same either way.
   */
  static int[] stableOrderByTime(double[] time, int n, int[] order, int[] tmp) {
    boolean sorted = true;
    for (int i = 0; i < n; i++) {
      order[i] = i;
      sorted &= i == 0 || !(time[i] < time[i - 1]);
    }
    if (sorted) {
      return order; // e.g. one independent threat's failures, all on its start day
    }
    if (n <= INSERTION_SORT_MAX) {
      for (int i = 1; i < n; i++) {
        int e = order[i];
        double t = time[e];
        int j = i;
        while (j > 0 && t < time[order[j - 1]]) {
          order[j] = order[j - 1];
          j--;
        }
        order[j] = e;
      }
      return order;
    }
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int a = lo;
        int b = mid;
        int k = lo;
        while (a < mid && b < hi) {
          tmp[k++] = time[order[b]] < time[order[a]] ? order[b++] : order[a++];
        }
        while (a < mid) {
          tmp[k++] = order[a++];
        }
        while (b < hi) {
          tmp[k++] = order[b++];
        }
      }
      int[] t = order;
      order = tmp;
      tmp = t;
    }
    return order;
  }

  // ---------------------------------------------------------------- trial loop

  private void resetTrial() {
    // every asset in the down list is in the touched list too (both are filled by track only)
    assert downListIsTouched();
    for (int i = 0; i < touchedCount; i++) {
      int a = touched[i];
      isTouched[a] = false;
      daysDown[a] = 0;
      restoreFully(a);
      if (!anyAlwaysMayDiffer || !alwaysMayDiffer[a]) {
        if (a < m.nodeCount) {
          nodeMayDiffer[a] = false;
        } else {
          linkMayDiffer[a - m.nodeCount] = false;
        }
      }
    }
    downCount = 0;
    touchedCount = 0;
    segCount = 0;
    jobCount = 0;
    stageCount = 0;
    for (int p = 0; p < crewFree.length; p++) {
      Arrays.fill(crewFree[p], 0);
      waitingCount[p] = 0;
    }
    for (int s : m.storageNodes) {
      inventory[s] = m.net.inventory(s);
    }
  }

  private boolean downListIsTouched() {
    for (int i = 0; i < downCount; i++) {
      if (!isTouched[downList[i]]) {
        return false;
      }
    }
    return true;
  }

  /** Back to intact with no outage state (values of profiled assets are set again each day). */
  private void restoreFully(int a) {
    inDown[a] = false;
    segHead[a] = -1;
    if (anyCrew) {
      jobOf[a] = -1; // only a crew's job sets it (a store less per hit asset without crews)
    }
    if (damage[a] != 1.0) {
      double old = damage[a];
      damage[a] = 1.0;
      setUp(in, a, true, true);
      if (rateFactor(old) != 1.0) {
        rates(a, 0);
      } else {
        assert ratesHold(a, 0) : "rates of asset " + a + " not those of its damage";
      }
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
    if (observer == null) {
      addUndisturbedDays(0, prefixEnd);
    } else {
      for (int d = 0; d < prefixEnd; d++) {
        ledger.addDay(d, base.sinkServed()[d], base.costPerDay()[d], base.costPerDay()[d]);
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

  /**
   * Adds days {@code from..to-1} of the undisturbed run to the ledger: only those that change a sum
   * (the others add +0.0 everywhere; their served shares are the undisturbed ones the ledger
   * keeps).
   */
  private void addUndisturbedDays(int from, int to) {
    int[] next = base.nextContributing();
    double[][] served = base.sinkServed();
    double[] costs = base.costPerDay();
    for (int d = next[from]; d < to; d = next[d + 1]) {
      ledger.addDay(d, served[d], costs[d], costs[d]);
    }
  }

  /**
   * How many days from {@code d} on (at most up to {@code end}) equal the undisturbed run's days,
   * given the state at the start of day {@code d} (after its outages ended); 0 when day {@code d}
   * may differ. Such days follow when no asset is down or waiting for a crew and no stage is
   * pending (nothing in the down list), no crew is busy after {@code d}, and every storage either
   * holds bitwise the undisturbed inventory or holds another one that gives the same withdrawal and
   * injection caps while the undisturbed run neither injects nor withdraws there (then both stay
   * put, and the day's inputs are the undisturbed day's). Nothing else is carried from one day to
   * the next: the day's inputs are set from these, its dependent supplies from the same day's
   * flows.
   */
  private int undisturbedDaysFrom(int d, int end) {
    if (downCount != 0) {
      return 0;
    }
    for (int[] free : crewFree) {
      for (int f : free) {
        if (f > d) {
          return 0;
        }
      }
    }
    double[] inv = base.inventoryAtDayStart()[d];
    int stretchEnd = end;
    for (int i = 0; i < inv.length; i++) {
      int s = m.storageNodes[i];
      double own = inventory[s];
      if (Double.doubleToRawLongBits(own) == Double.doubleToRawLongBits(inv[i])) {
        continue;
      }
      stretchEnd = Math.min(stretchEnd, base.nextStorageMove()[i][d]);
      if (stretchEnd <= d
          || Double.doubleToRawLongBits(withdrawCap(s, own))
              != Double.doubleToRawLongBits(withdrawCap(s, inv[i]))
          || Double.doubleToRawLongBits(injectCap(s, own))
              != Double.doubleToRawLongBits(injectCap(s, inv[i]))) {
        return 0;
      }
    }
    return stretchEnd - d;
  }

  /** Days {@code from..to-1} day by day, applying events from position {@code ev} of the order. */
  private void simulateDays(int from, int to, int ev) {
    // merge back (not for replays, which report every day, nor the naive reference): once the
    // state is the undisturbed run's, every day up to the next hit is that run's day
    boolean mayMerge = observer == null && !naive;
    for (int d = from; d < to; d++) {
      applyProfiles(d);
      releaseEnded(d);
      if (mayMerge && downCount == 0) {
        int e = ev;
        while (e < evCount && !evSuccess[evOrder[e]]) {
          e++; // misses change nothing without an observer
        }
        int nextHit = e < evCount ? Math.min((int) evTime[evOrder[e]], to) : to;
        int days = nextHit > d ? undisturbedDaysFrom(d, nextHit) : 0;
        if (days > 0) {
          int resume = d + days;
          addUndisturbedDays(d, resume);
          double[] start = base.inventoryAtDayStart()[d];
          double[] inv = base.inventoryAtDayStart()[resume];
          for (int i = 0; i < inv.length; i++) {
            int s = m.storageNodes[i];
            if (Double.doubleToRawLongBits(inventory[s]) == Double.doubleToRawLongBits(start[i])) {
              inventory[s] = inv[i]; // followed the undisturbed run; the others stayed put
            }
          }
          mergedDays += days;
          ev = e;
          d = resume - 1;
          continue;
        }
      }
      refreshCaps();
      crewTime = d;
      while (ev < evCount && (int) evTime[evOrder[ev]] == d) {
        crewTime = evTime[evOrder[ev]];
        applyEvent(evOrder[ev++], d);
      }
      assignCrews(d);
      for (int i = 0; i < downCount; i++) {
        int a = downList[i];
        if (damage[a] < 1.0) {
          daysDown[a]++;
        }
      }
      double total = simulateDayAfterEvents(d, base.costPerDay()[d]);
      if (observer != null) {
        reportDay(d, sinkServed, total, false);
      } else if (mayMerge && d + 1 < to) {
        // a steady day: the next days have its inputs, so its flows, until something changes
        int e = ev;
        while (e < evCount && !evSuccess[evOrder[e]]) {
          e++;
        }
        int end = e < evCount ? Math.min((int) evTime[evOrder[e]], to) : to;
        end = steadyUntil(d, end);
        if (inventoryMoved && end > d + 1) {
          end = capsHoldUntil(d + 1, end);
          movingRepeatedDays += end - d - 1;
        }
        if (end > d + 1) {
          ledger.addDays(d + 1, end, sinkServed, total, base.costPerDay());
          for (int i = 0; i < downCount; i++) {
            int a = downList[i];
            if (damage[a] < 1.0) {
              daysDown[a] += end - d - 1;
            }
          }
          repeatedDays += end - d - 1;
          ev = e;
          d = end - 1;
        }
      }
    }
  }

  /**
   * Repeats the last day's storage flows from day {@code from} on while every storage's caps stay
   * those of the current inputs (the inventory moves the same way each day, with the same
   * arithmetic as the day loop): returns the first day whose caps differ (or {@code end}); the
   * inventories are then those at its start.
   */
  private int capsHoldUntil(int from, int end) {
    if (m.storageNodes.length == 1) {
      return capsHoldUntil(m.storageNodes[0], from, end);
    }
    for (int t = from; t < end; t++) {
      for (int s : m.storageNodes) {
        if (Double.doubleToRawLongBits(withdrawCap(s, inventory[s]))
                != Double.doubleToRawLongBits(in.withdrawCap[s])
            || Double.doubleToRawLongBits(injectCap(s, inventory[s]))
                != Double.doubleToRawLongBits(in.injectCap[s])) {
          return t;
        }
      }
      for (int s : m.storageNodes) {
        double next = inventory[s] + out.injected[s] - out.withdrawn[s];
        inventory[s] = Math.max(0, Math.min(m.net.storageCapacity(s), next));
      }
    }
    return end;
  }

  /**
   * {@link #capsHoldUntil(int, int)} for a network with the one storage {@code s}: the same caps
   * and inventory arithmetic ({@link #withdrawCap}, {@link #injectCap}, the day loop's update) with
   * the storage's fixed figures and its inventory in locals; stops early at a fixed point (an
   * inventory that a day leaves bitwise unchanged keeps the caps for every later day too).
   */
  private int capsHoldUntil(int s, int from, int end) {
    long withdraw = Double.doubleToRawLongBits(in.withdrawCap[s]);
    long inject = Double.doubleToRawLongBits(in.injectCap[s]);
    double maxWithdraw = m.net.maxWithdrawalPerDay(s) * damage[s];
    double maxInject = m.net.maxInjectionPerDay(s) * damage[s];
    double capacity = m.net.storageCapacity(s);
    boolean curve = m.storageHasCurve[s];
    double injected = out.injected[s];
    double withdrawn = out.withdrawn[s];
    double inv = inventory[s];
    int t = from;
    for (; t < end; t++) {
      double deliver = 1;
      if (curve) {
        deliver = m.storageExtras[s].withdrawalFactor(capacity > 0 ? inv / capacity : 0);
      }
      if (Double.doubleToRawLongBits(Math.min(maxWithdraw * deliver, inv)) != withdraw
          || Double.doubleToRawLongBits(Math.max(0, Math.min(maxInject, capacity - inv)))
              != inject) {
        break;
      }
      double next = Math.max(0, Math.min(capacity, inv + injected - withdrawn));
      if (Double.doubleToRawLongBits(next) == Double.doubleToRawLongBits(inv)) {
        t = end;
        break;
      }
      inv = next;
    }
    inventory[s] = inv;
    return t;
  }

  /**
   * The first day after {@code d} (at most {@code end}) whose inputs may differ from day {@code
   * d}'s apart from storage caps, given that no event comes before {@code end}: a profile's factor
   * changes, an outage segment (repair, stage) starts or ends, or a crew becomes free for a waiting
   * job. Until then every day's inputs, so flows, are day {@code d}'s.
   */
  private int steadyUntil(int d, int end) {
    end = Math.min(end, m.nextProfileChange[d + 1]);
    for (int i = 0; i < downCount && end > d + 1; i++) {
      for (int g = segHead[downList[i]]; g >= 0; g = segNext[g]) {
        if (segFrom[g] > d) {
          end = Math.min(end, segFrom[g]);
        }
        if (segTo[g] > d) {
          end = Math.min(end, segTo[g]);
        }
      }
    }
    for (int p = 0; p < waitingCount.length && end > d + 1; p++) {
      if (waitingCount[p] > 0) {
        for (int f : crewFree[p]) {
          end = Math.min(end, Math.max(f, d + 1));
        }
      }
    }
    return end;
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
    boolean moved = false;
    for (int s : m.storageNodes) {
      double next = inventory[s] + out.injected[s] - out.withdrawn[s];
      next = Math.max(0, Math.min(m.net.storageCapacity(s), next));
      moved |= Double.doubleToRawLongBits(next) != Double.doubleToRawLongBits(inventory[s]);
      inventory[s] = next;
    }
    inventoryMoved = moved;
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

  /**
   * Starts day {@code d}'s outage state: ends crew jobs whose repair is done (their restoration
   * stages begin), drops finished segments, and sets every affected asset to the factor in force.
   */
  private void releaseEnded(int d) {
    int w = 0;
    for (int i = 0; i < downCount; i++) {
      int a = downList[i];
      int j = jobOf[a];
      if (j >= 0 && jobActive[j] && jobEnd[j] <= d) {
        finishJob(j);
      }
      setDamage(a, factorOn(a, d), d);
      if (segHead[a] >= 0 || jobOf[a] >= 0) {
        downList[w++] = a;
      } else {
        inDown[a] = false;
      }
    }
    downCount = w;
  }

  /**
   * The first day asset {@code a} is back from the outage it is in on day {@code d}: the latest end
   * among its segments covering {@code d} (a job in progress included), -1 when none covers it.
   */
  private int outageEnd(int a, int d) {
    int end = -1;
    for (int g = segHead[a]; g >= 0; g = segNext[g]) {
      if (segFrom[g] <= d && segTo[g] > d && segFactor[g] < 1.0) {
        end = Math.max(end, segTo[g]);
      }
    }
    return end;
  }

  /** The smallest factor among {@code a}'s segments covering day {@code d}; unlinks ended ones. */
  private double factorOn(int a, int d) {
    double f = 1.0;
    int prev = -1;
    if (observer != null) {
      endedSeg = -1;
    }
    for (int g = segHead[a]; g >= 0; ) {
      int next = segNext[g];
      if (segTo[g] <= d) {
        if (observer != null && (endedSeg < 0 || segFactor[g] < segFactor[endedSeg])) {
          endedSeg = g;
        }
        if (prev < 0) {
          segHead[a] = next;
        } else {
          segNext[prev] = next;
        }
      } else {
        if (segFrom[g] <= d && segFactor[g] < f) {
          f = segFactor[g];
        }
        prev = g;
      }
      g = next;
    }
    return f;
  }

  /**
   * Sets the factor of asset {@code a} on day {@code d}: up when above 0 (nodes and links keep
   * their nominal rates while out, so the memo keys of "out" do not depend on the damage), today's
   * rates scaled by it otherwise.
   */
  private void setDamage(int a, double f, int d) {
    double old = damage[a];
    if (old == f) {
      return;
    }
    damage[a] = f;
    setUp(in, a, f > 0, true);
    if (rateFactor(old) != rateFactor(f)) {
      rates(a, d);
    } else {
      assert ratesHold(a, d) : "rates of asset " + a + " not those of its damage";
    }
    if (a < m.nodeCount && m.net.nodeKind(a) == NodeKind.STORAGE) {
      refreshCaps();
    }
    if (observer != null && f > old) {
      // fully back: the threat whose outage ended last; partly back (every call passes the factor
      // factorOn just found for this asset): the threat of the segment whose end raised it
      String threat = outageThreat()[a];
      if (f < 1.0 && endedSeg >= 0 && segThreat[endedSeg] != null) {
        threat = segThreat[endedSeg];
      }
      observer.event(TrialEvent.of(TrialEvent.Type.RESTORED, d, d, threat, assetId(a), f, -1));
    }
  }

  private int addSegment(int a, int from, int to, double factor) {
    if (to <= from) {
      return -1;
    }
    if (segCount == segFrom.length) {
      int n = segCount * 2;
      segFrom = Arrays.copyOf(segFrom, n);
      segTo = Arrays.copyOf(segTo, n);
      segNext = Arrays.copyOf(segNext, n);
      segFactor = Arrays.copyOf(segFactor, n);
    }
    int g = segCount++;
    segFrom[g] = from;
    segTo[g] = to;
    segFactor[g] = factor;
    segNext[g] = segHead[a];
    segHead[a] = g;
    if (observer != null) {
      if (segThreat == null || segThreat.length < segFrom.length) {
        segThreat =
            segThreat == null
                ? new String[segFrom.length]
                : Arrays.copyOf(segThreat, segFrom.length);
      }
      segThreat[g] = null;
    }
    return g;
  }

  /** Puts {@code a} in the list of assets with an outage in force (and in the touched list). */
  private void track(int a) {
    if (!inDown[a]) {
      inDown[a] = true;
      downList[downCount++] = a;
    }
    if (!isTouched[a]) {
      isTouched[a] = true;
      touched[touchedCount++] = a;
      flagMayDiffer(a);
    }
  }

  // ---------------------------------------------------------------- repair crews

  private void crewHit(int a, int d, int threat, int r, double f, int stageFrom, int stages) {
    int pool = m.crewPool[a];
    int j = jobOf[a];
    if (j >= 0) {
      // already out: no new job; a waiting job keeps the longer draw, a job in progress ends at the
      // later of its end and the hit day plus the new draw; the smaller factor applies
      if (!jobActive[j]) {
        jobRepair[j] = Math.max(jobRepair[j], r);
      } else if (dayAfter(d, r) > jobEnd[j]) {
        jobEnd[j] = dayAfter(d, r);
        segTo[jobSeg[j]] = jobEnd[j];
        crewFree[pool][jobCrew[j]] = jobEnd[j];
      }
      if (f <= jobFactor[j]) {
        jobFactor[j] = f;
        segFactor[jobSeg[j]] = f;
        jobStageFrom[j] = stageFrom;
        jobStageCount[j] = stages;
        setJobLead(j, threat);
      }
      return;
    }
    if (jobCount == jobAsset.length) {
      int n = jobCount * 2;
      jobAsset = Arrays.copyOf(jobAsset, n);
      jobDay = Arrays.copyOf(jobDay, n);
      jobThreat = Arrays.copyOf(jobThreat, n);
      jobRepair = Arrays.copyOf(jobRepair, n);
      jobEnd = Arrays.copyOf(jobEnd, n);
      jobSeg = Arrays.copyOf(jobSeg, n);
      jobCrew = Arrays.copyOf(jobCrew, n);
      jobStageFrom = Arrays.copyOf(jobStageFrom, n);
      jobStageCount = Arrays.copyOf(jobStageCount, n);
      jobActive = Arrays.copyOf(jobActive, n);
      jobFactor = Arrays.copyOf(jobFactor, n);
      jobLead = Arrays.copyOf(jobLead, n);
    }
    j = jobCount++;
    jobAsset[j] = a;
    jobDay[j] = d;
    jobThreat[j] = threat;
    jobRepair[j] = r;
    jobEnd[j] = NO_END;
    jobCrew[j] = -1;
    jobActive[j] = false;
    jobFactor[j] = f;
    jobStageFrom[j] = stageFrom;
    jobStageCount[j] = stages;
    jobSeg[j] = addSegment(a, d, NO_END, f);
    setJobLead(j, threat);
    jobOf[a] = j;
    enqueue(pool, j);
  }

  /** Job {@code j} now carries the damage state of a hit of threat {@code threat}. */
  private void setJobLead(int j, int threat) {
    jobLead[j] = threat;
    if (observer != null) {
      segThreat[jobSeg[j]] = m.plan.threats[threat].id;
    }
  }

  /**
   * Inserts job {@code j} into its pool's queue: by hit day, then threat order, then asset order.
   */
  private void enqueue(int pool, int j) {
    int n = waitingCount[pool];
    if (n == waiting[pool].length) {
      waiting[pool] = Arrays.copyOf(waiting[pool], n * 2);
    }
    int[] q = waiting[pool];
    int at = n;
    while (at > 0 && before(j, q[at - 1])) {
      q[at] = q[at - 1];
      at--;
    }
    q[at] = j;
    waitingCount[pool] = n + 1;
  }

  private boolean before(int x, int y) {
    if (jobDay[x] != jobDay[y]) {
      return jobDay[x] < jobDay[y];
    }
    if (jobThreat[x] != jobThreat[y]) {
      return jobThreat[x] < jobThreat[y];
    }
    return jobAsset[x] < jobAsset[y];
  }

  private void removeWaiting(int pool, int j) {
    int[] q = waiting[pool];
    int n = waitingCount[pool];
    for (int i = 0; i < n; i++) {
      if (q[i] == j) {
        System.arraycopy(q, i + 1, q, i, n - i - 1);
        waitingCount[pool] = n - 1;
        return;
      }
    }
  }

  /**
   * When crews are assigned on the current day, in days: after the day's last event (so a replay's
   * {@code repair_start} never comes before the hit that made the job), else the day's start.
   */
  private double crewTime;

  /** Free crews take waiting jobs in queue order (after the day's hits). */
  private void assignCrews(int d) {
    for (int p = 0; p < waitingCount.length; p++) {
      int[] free = crewFree[p];
      while (waitingCount[p] > 0) {
        int k = -1;
        for (int c = 0; c < free.length; c++) {
          if (free[c] <= d) {
            k = c;
            break;
          }
        }
        if (k < 0) {
          break;
        }
        int j = waiting[p][0];
        System.arraycopy(waiting[p], 1, waiting[p], 0, waitingCount[p] - 1);
        waitingCount[p]--;
        int end = dayAfter(dayAfter(d, m.crewMobilization[p]), jobRepair[j]);
        jobActive[j] = true;
        jobCrew[j] = k;
        jobEnd[j] = end;
        segTo[jobSeg[j]] = end;
        free[k] = end;
        int a = jobAsset[j];
        if (observer != null) {
          java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
          details.put("crew", m.crewId[p]);
          details.put("mobilization_days", m.crewMobilization[p]);
          details.put("repair_days", jobRepair[j]);
          observer.event(
              new TrialEvent(
                  TrialEvent.Type.REPAIR_START,
                  d,
                  crewTime,
                  outageThreat()[a],
                  assetId(a),
                  jobFactor[j],
                  end,
                  details));
        }
        if (end <= d) {
          finishJob(j);
          setDamage(a, factorOn(a, d), d);
        }
      }
    }
  }

  /** The repair of job {@code j} is done: its restoration stages start on its end day. */
  private void finishJob(int j) {
    int a = jobAsset[j];
    int t = jobEnd[j];
    for (int k = 0; k < jobStageCount[j]; k++) {
      int g = jobStageFrom[j] + k;
      int next = dayAfter(t, stageD[g]);
      int seg = addSegment(a, t, next, stageF[g]);
      if (seg >= 0 && observer != null) {
        segThreat[seg] = m.plan.threats[jobLead[j]].id; // the stages of the job's damage state
      }
      t = next;
    }
    jobOf[a] = -1;
  }

  /**
   * The factor a damage puts on an asset's rates ({@link #rates}): the damage when above 0; 1 when
   * out (an asset that is out keeps its nominal rates, its up flag says it is out). A change of
   * damage that keeps this factor (from intact to out and back, the usual hit) leaves the rates as
   * they are, so {@link #rates} is skipped then: the rates of every asset are those of its damage
   * ({@link #ratesHold}) at all times, for today's profile factor once {@link #applyProfiles} ran.
   */
  private static double rateFactor(double damage) {
    return damage > 0 ? damage : 1.0;
  }

  /**
   * Whether {@link #rates} would leave {@code in} as it is for asset {@code a} on day {@code d}
   * (checked with {@code -ea} where it is skipped); assets with a profile are not checked, their
   * rates may still hold the factor of an earlier day until {@link #applyProfiles} runs.
   */
  private boolean ratesHold(int a, int d) {
    if (m.profileFactor[a] != null) {
      return true;
    }
    double f = rateFactor(damage[a]);
    if (a >= m.nodeCount) {
      int l = a - m.nodeCount;
      return in.linkCapacity[l] == m.net.linkCapacity(l) * f;
    }
    return switch (m.net.nodeKind(a)) {
      case SOURCE -> baseSupply[a] == m.net.supplyPerDay(a) * f;
      case JUNCTION -> {
        double v = m.net.throughputPerDay(a) * f;
        yield in.throughput[a] == v || !(v < Double.POSITIVE_INFINITY);
      }
      default -> true;
    };
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
    // an asset that is out keeps its nominal rates (its up flag says it is out)
    double f = (pf == null ? 1.0 : pf[d]) * (damage[a] > 0 ? damage[a] : 1.0);
    if (a >= m.nodeCount) {
      int l = a - m.nodeCount;
      double v = m.net.linkCapacity(l) * f;
      if (in.linkCapacity[l] != v) {
        in.linkCapacity[l] = v;
        dirty[m.net.linkCommodity(l)] = true;
      }
      return;
    }
    switch (m.net.nodeKind(a)) {
      case SOURCE -> {
        double v = m.net.supplyPerDay(a) * f;
        baseSupply[a] = v;
        if (m.supplyDependsOn[a].length == 0 && in.supply[a] != v) {
          in.supply[a] = v;
          dirty[m.net.nodeCommodity(a)] = true;
        }
      }
      case SINK -> {
        double v = m.net.demandPerDay(a) * (pf == null ? 1.0 : pf[d]);
        if (in.demand[a] != v) {
          in.demand[a] = v;
          dirty[m.net.nodeCommodity(a)] = true;
        }
      }
      case JUNCTION -> {
        double v = m.net.throughputPerDay(a) * f;
        if (in.throughput[a] != v && v < Double.POSITIVE_INFINITY) {
          in.throughput[a] = v;
          dirty[m.net.nodeCommodity(a)] = true;
        }
      }
      default -> {}
    }
  }

  /** Sets storage caps from today's inventory. */
  private void refreshCaps() {
    for (int s : m.storageNodes) {
      double w = withdrawCap(s, inventory[s]);
      double j = injectCap(s, inventory[s]);
      if (in.withdrawCap[s] != w || in.injectCap[s] != j) {
        in.withdrawCap[s] = w;
        in.injectCap[s] = j;
        dirty[m.net.nodeCommodity(s)] = true;
      }
    }
  }

  /** Storage {@code s}'s withdrawal cap for the day with inventory {@code inv} at its start. */
  private double withdrawCap(int s, double inv) {
    double deliver = 1; // the factor without a deliverability curve
    if (m.storageHasCurve[s]) {
      double capacity = m.net.storageCapacity(s);
      deliver = m.storageExtras[s].withdrawalFactor(capacity > 0 ? inv / capacity : 0);
    }
    return Math.min(m.net.maxWithdrawalPerDay(s) * damage[s] * deliver, inv);
  }

  /** Storage {@code s}'s injection cap for the day with inventory {@code inv} at its start. */
  private double injectCap(int s, double inv) {
    return Math.max(
        0, Math.min(m.net.maxInjectionPerDay(s) * damage[s], m.net.storageCapacity(s) - inv));
  }

  private void setUp(DayInput input, int asset, boolean up, boolean markDirty) {
    if (asset < m.nodeCount) {
      if (input.nodeUp[asset] == up) {
        return;
      }
      input.nodeUp[asset] = up;
    } else {
      int l = asset - m.nodeCount;
      if (input.linkUp[l] == up) {
        return;
      }
      input.linkUp[l] = up;
    }
    if (markDirty) {
      dirty[commodityOf(asset)] = true;
    }
  }

  /** The commodity of an asset: with one commodity, without looking it up. */
  private int commodityOf(int asset) {
    if (dirty.length == 1) {
      return 0;
    }
    return asset < m.nodeCount
        ? m.net.nodeCommodity(asset)
        : m.net.linkCommodity(asset - m.nodeCount);
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
        if (addSegment(a, d, d + forcedDays, 0.0) >= 0) {
          track(a);
          setDamage(a, factorOn(a, d), d);
        }
      }
      return;
    }
    ThreatPlan.Compiled th = m.plan.threats[evThreat[e]];
    if (evTargetPos[e] == HAZARD_EVENT) {
      applyHazard(e, d, th);
      return;
    }
    int pos = evTargetPos[e];
    if (pos == INDEPENDENT_FAILURES) {
      for (int k = evFailFrom[e], end = k + evFailCount[e]; k < end; k++) {
        hitTarget(e, d, th, failedPos[k], failedURepair[k]);
      }
      return;
    }
    if (pos < 0) {
      pos =
          th.selection == Selection.MAX_DAMAGE
              ? maxDamageTarget(th, d, evUTarget[e])
              : th.pick(evUTarget[e]);
    }
    hitTarget(e, d, th, pos, evURepair[e]);
  }

  /**
   * A successful hit of event {@code e} on target position {@code pos}: its common-mode group is
   * hit (spills first, from the flow before the hit; members already down do not spill again),
   * reported when watched.
   */
  private void hitTarget(int e, int d, ThreatPlan.Compiled th, int pos, double uRepair) {
    if (observer == null && hitsAlone[evThreat[e]]) {
      // the usual hit of a study: one asset, nothing reported (what the loop below does then)
      int a = th.targets[pos];
      if (anySpill) {
        spillOf(a);
      }
      hitAsset(a, d, e, th, uRepair, null, 0);
      return;
    }
    int[] group = th.hitGroup[pos];
    String target = null;
    double[] spills = null;
    if (observer != null) {
      target = assetId(th.targets[pos]);
      if (th.poisson) {
        observer.event(
            TrialEvent.of(TrialEvent.Type.ATTEMPT, d, evTime[e], th.id, target, Double.NaN, -1));
      }
      spills = new double[group.length];
    }
    for (int i = 0; i < group.length; i++) {
      // the hit target spills as any hit does; a corridor member the blast finds already down is
      // not taken down by it and spilled when it went down (one spill per pipe and blast)
      int a = group[i];
      double v = a == th.targets[pos] || isUp(a) ? spillOf(a) : 0;
      if (spills != null) {
        spills[i] = v;
      }
    }
    for (int i = 0; i < group.length; i++) {
      int a = group[i];
      hitAsset(
          a,
          d,
          e,
          th,
          uRepair,
          a != th.targets[pos] ? target : null,
          spills == null ? 0 : spills[i]);
    }
  }

  /**
   * A successful hit of event {@code e} on asset {@code a}: draws its damage state (own keyed
   * uniform), its repair time (the first given of the state's, the asset's and the threat's {@code
   * repair_days}, all on the same uniform {@code uRepair}) and its restoration stages; then either
   * schedules the outage at once or queues a job for the asset's repair crew pool.
   */
  private void hitAsset(
      int a,
      int d,
      int e,
      ThreatPlan.Compiled th,
      double uRepair,
      String commonModeOf,
      double spill) {
    int number = evNumber[e];
    long key = 0; // read only for damage states (their draws and stages are keyed by the asset)
    int state = -1;
    double f = 0.0;
    if (th.stateFactor.length > 0) {
      key = m.assetKey[a];
      state = th.damageState(Streams.uniform(curSeed, curTrial, th.key, number, key, 0));
      f = th.stateFactor[state];
    }
    RepairTime dist = state >= 0 ? th.stateRepair[state] : null;
    if (dist == null && anyAssetRepair) {
      dist = m.assetRepair[a];
    }
    if (dist == null) {
      dist = th.repair;
    }
    int r = repairDays(dist, uRepair);
    int stages = state >= 0 ? th.stageFactor[state].length : 0;
    int stageFrom = stageCount;
    for (int k = 0; k < stages; k++) {
      if (stageCount == stageF.length) {
        stageF = Arrays.copyOf(stageF, stageCount * 2);
        stageD = Arrays.copyOf(stageD, stageCount * 2);
      }
      stageF[stageCount] = th.stageFactor[state][k];
      stageD[stageCount] =
          repairDays(
              th.stageDays[state][k],
              Streams.uniform(curSeed, curTrial, th.key, number, key, 3 + k));
      stageCount++;
    }
    boolean wasOut = observer != null && inDown[a] && (jobOf[a] >= 0 || damage[a] < 1.0);
    // for the replay's narrative: when an asset already out is hit again, the day it is really
    // back, and whether this hit lengthens the outage it is in
    long extentBefore = wasOut ? outageExtent(a) : 0;
    int outageEnd = wasOut ? outageEnd(a, d) : -1;
    int pool = anyCrew ? m.crewPool[a] : -1;
    int end;
    if (pool >= 0) {
      crewHit(a, d, evThreat[e], r, f, stageFrom, stages);
      track(a);
      int j = jobOf[a];
      end = j >= 0 && jobActive[j] ? jobEnd[j] : -1;
    } else {
      end = dayAfter(d, r);
      int t = end;
      int firstSeg = segCount;
      boolean any = addSegment(a, d, t, f) >= 0;
      for (int k = 0; k < stages; k++) {
        int g = stageFrom + k;
        int next = dayAfter(t, stageD[g]);
        any |= addSegment(a, t, next, stageF[g]) >= 0;
        t = next;
      }
      if (observer != null) {
        for (int g = firstSeg; g < segCount; g++) {
          segThreat[g] = th.id; // this hit's repair and stages
        }
      }
      if (any) {
        track(a);
      }
      end = Math.max(end, outageEnd);
    }
    setDamage(a, factorOn(a, d), d);
    if (observer != null) {
      boolean extended = wasOut && outageExtent(a) > extentBefore;
      java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
      details.put("repair_days", r);
      if (state >= 0) {
        details.put("damage_state", state);
      }
      if (commonModeOf != null) {
        details.put("common_mode_of", commonModeOf);
      }
      if (wasOut) {
        details.put("already_out", true);
      }
      if (extended) {
        details.put("extended", true);
      }
      if (pool >= 0) {
        details.put("crew", m.crewId[pool]);
        if (end < 0) {
          details.put("waiting", true);
        }
      }
      if (spill > 0) {
        details.put("spill_volume", spill);
      }
      observer.event(
          new TrialEvent(TrialEvent.Type.HIT, d, evTime[e], th.id, assetId(a), f, end, details));
      if ((r > 0 || jobOf[a] >= 0) && (!wasOut || extended)) {
        outageThreat()[a] = th.id; // the threat whose outage ends last (named when it is restored)
        if (!wasOut && pool < 0 && r > 0) {
          observer.event(
              TrialEvent.of(TrialEvent.Type.REPAIR_START, d, evTime[e], th.id, assetId(a), f, end));
        }
      }
    }
  }

  /** Per repair time (by identity): its quantile function, built once per runner. */
  private final java.util.IdentityHashMap<RepairTime, java.util.function.DoubleUnaryOperator>
      quantiles = new java.util.IdentityHashMap<>();

  /** The repair time {@link #repairDays} looked up last, and its quantile function. */
  private RepairTime lastRepair;

  private java.util.function.DoubleUnaryOperator lastQuantiles;

  /**
   * {@link ThreatPlan.Compiled#days} through the runner's quantile functions (same values); the
   * last one looked up is kept aside, since the hits of a trial (hundreds on a grid at p 10%)
   * mostly share one repair time.
   */
  private int repairDays(RepairTime dist, double u) {
    if (dist != lastRepair) {
      lastQuantiles = quantiles.computeIfAbsent(dist, RepairTime::quantiles);
      lastRepair = dist;
    }
    return ThreatPlan.Compiled.wholeDays(lastQuantiles.applyAsDouble(u));
  }

  /**
   * A hazard event: draws the epicentre and the intensity at it (keyed by the event), then each
   * affected asset's failure on its own keyed uniform ({@code Phi(ln(I / median) / beta)}); the
   * failing assets are hit in asset order (spills from the flow before the event).
   */
  private void applyHazard(int e, int d, ThreatPlan.Compiled th) {
    ThreatPlan.Footprint fp = th.footprint;
    if (fp == null) {
      return;
    }
    int number = evNumber[e];
    Incidents.Hazard h = fp.hazard;
    double lat;
    double lon;
    if (h.epicenter() != null) {
      lat = h.epicenter().lat();
      lon = h.epicenter().lon();
    } else {
      double u0 = Streams.uniform(curSeed, curTrial, th.key, number, Streams.EVENT, 0);
      double u1 = Streams.uniform(curSeed, curTrial, th.key, number, Streams.EVENT, 1);
      lat = h.latMin() + u0 * (h.latMax() - h.latMin());
      lon = h.lonMin() + u1 * (h.lonMax() - h.lonMin());
    }
    double i0 =
        fp.intensityAtEpicenter(
            Streams.uniform(curSeed, curTrial, th.key, number, Streams.EVENT, 2));
    double[] epi = ThreatPlan.Footprint.unit(lat, lon);
    if (observer != null) {
      java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
      details.put("epicenter_lat", lat);
      details.put("epicenter_lon", lon);
      details.put("intensity", i0);
      observer.event(
          new TrialEvent(
              TrialEvent.Type.HAZARD, d, evTime[e], th.id, null, Double.NaN, -1, details));
    }
    int failed = 0;
    for (int i = 0; i < fp.assets.length; i++) {
      int a = fp.assets[i];
      double p = fp.failProbability(i, epi, i0);
      if (p > 0 && Streams.uniform(curSeed, curTrial, th.key, number, m.assetKey[a], 2) < p) {
        hazardHits[failed++] = a;
      }
    }
    double[] spills = new double[failed];
    for (int i = 0; i < failed; i++) {
      spills[i] = spillOf(hazardHits[i]);
    }
    for (int i = 0; i < failed; i++) {
      int a = hazardHits[i];
      double uRepair = Streams.uniform(curSeed, curTrial, th.key, number, m.assetKey[a], 1);
      hitAsset(a, d, e, th, uRepair, null, spills[i]);
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

  // ---------------------------------------------------------------- replay reports

  private String assetId(int a) {
    return a < m.nodeCount ? m.net.nodeId(a) : m.net.linkId(a - m.nodeCount);
  }

  /**
   * Replay only: how far asset {@code a}'s outage is scheduled to run (the end of its last segment
   * or restoration stage; a crew job waiting for a crew counts past every date, by its repair
   * draw), to tell whether a hit extended it.
   */
  private long outageExtent(int a) {
    int j = jobOf[a];
    long end = 0;
    for (int g = segHead[a]; g >= 0; g = segNext[g]) {
      if (j < 0 || g != jobSeg[j]) {
        end = Math.max(end, segTo[g]);
      }
    }
    if (j >= 0) {
      long jobDone = jobActive[j] ? jobEnd[j] : (long) NO_END + jobRepair[j];
      for (int k = 0; k < jobStageCount[j]; k++) {
        jobDone += stageD[jobStageFrom[j] + k];
      }
      end = Math.max(end, jobDone);
    }
    return end;
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
      st.sinkDemand[k] = m.impact.sinkDemandOn(d)[k];
    }
    double[][] shares = ledger.servedShareByCommodityDay();
    for (int c = 0; c < st.servedShare.length; c++) {
      st.servedShare[c] = shares[c][d];
    }
    for (int i = 0; i < m.storageNodes.length; i++) {
      st.inventory[i] = inventory[m.storageNodes[i]];
    }
    for (int a = 0; a < m.assetCount; a++) {
      st.capacityFactor[a] = undisturbed ? 1.0 : damage[a];
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
    if (!cache.worthAsking(c)) {
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
   *
   * <p>The day is solved once as it stands; a target whose hit group carries nothing in that flow
   * costs exactly the day's own loss and share, without a solve of its own ({@link
   * MaxDamageChoice}). Every other target is solved with its group out.
   */
  private int maxDamageTarget(ThreatPlan.Compiled th, int d, double uTarget) {
    MaxDamageChoice choice = maxDamageChoice;
    choice.start();
    double undisturbed = base.costPerDay()[d];
    boolean daySolved = false;
    for (int pos = 0; pos < th.targets.length; pos++) {
      if (!isUp(th.targets[pos])) {
        continue;
      }
      if (!fullMaxDamage && !daySolved) {
        scratchIn.copyFrom(in);
        solveDayWithLinkFlows(scratchIn, dayOut);
        choice.readDay(dayOut);
        double loss = loss(d, dayOut, scratchCost, undisturbed);
        choice.day(loss, m.impact.dayUnservedShareSum(d, scratchServed));
        daySolved = true;
      }
      if (daySolved && choice.carriesNothing(th.hitGroup[pos], dayOut)) {
        choice.offerIdle(pos);
        maxDamageSkips++;
        continue;
      }
      scratchIn.copyFrom(in);
      for (int a : th.hitGroup[pos]) {
        setUp(scratchIn, a, false, false);
      }
      for (int c : m.order) {
        updateDependentSupplies(c, scratchIn, scratchOut, false);
        solveCached(c, scratchIn, scratchOut, scratchCost);
      }
      double loss = loss(d, scratchOut, scratchCost, undisturbed);
      choice.offer(pos, loss, m.impact.dayUnservedShareSum(d, scratchServed));
    }
    int best = choice.best();
    return best >= 0 ? best : th.pick(uTarget);
  }

  /**
   * Solves every commodity of {@code input} in evaluation order into {@code output} (link flows
   * filled), each straight from the solver: the flow memo keeps link flows only when a link spills.
   */
  private void solveDayWithLinkFlows(DayInput input, DayOutput output) {
    for (int c : m.order) {
      updateDependentSupplies(c, input, output, false);
      solver.solve(c, input, output);
      scratchCost[c] = output.cost;
    }
  }

  /**
   * The day's economic loss for the deliveries in {@code output} and the transport costs {@code
   * costs} (summed in evaluation order); leaves the deliveries per sink in {@link #scratchServed}.
   */
  private double loss(int d, DayOutput output, double[] costs, double undisturbed) {
    double total = 0;
    for (int c : m.order) {
      total += costs[c];
    }
    int[] sinkNodes = sinkNodes();
    for (int k = 0; k < scratchServed.length; k++) {
      scratchServed[k] = output.served[sinkNodes[k]];
    }
    return m.impact.dayEconomicLoss(d, scratchServed, total, undisturbed, lossWork);
  }

  /** The last max-damage scan, for tests (an observer reads it at the hit that follows it). */
  MaxDamageChoice maxDamageChoice() {
    return maxDamageChoice;
  }

  /** The economic loss of the last trial (after it ran). */
  double lastEconomicLoss(double[] scratchValues) {
    ledger.writeMetrics(
        scratchValues,
        new double[m.commodityCount],
        new double[m.commodityCount],
        new double[m.impact.sectorCount()],
        new double[m.impact.sectorCount()]);
    return scratchValues[Metric.ECONOMIC_LOSS.ordinal()];
  }
}
