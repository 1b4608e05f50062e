package org.corridorrisk.sim;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.impact.TrialLedger;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.model.Threat;
import org.corridorrisk.model.ThreatModel;
import org.corridorrisk.stats.BatchTree;
import org.corridorrisk.stats.Intervals;
import org.corridorrisk.stats.MetricAccumulator;
import org.corridorrisk.stats.Moments;
import org.corridorrisk.stats.ShareHistogram;
import org.corridorrisk.stats.StoppingRule;

/**
 * Runs Monte Carlo studies. Entry point of the engine.
 *
 * <p>Contract: trial k's outcome depends only on (scenario, seed, k): identical for any thread
 * count. Trials of two scenarios that differ by a mitigation patch use common random numbers.
 *
 * <p>Design note: workers take fixed batches of {@value BatchTree#BATCH} consecutive trial indices
 * from an atomic counter. Each batch fills one {@link BatchStats} in trial order; the batches are
 * merged in batch order through a {@link BatchTree} (a fixed dyadic tree), so every summary is the
 * same for any thread count and on any engine that merges the same way. Integer histograms merge
 * exactly in any order. Memory does not grow with the trial count: per-trial values are kept only
 * for the first {@link #EXACT_LIMIT} trials (exact percentiles) or, in larger studies, the first
 * {@link #CHART_SAMPLE} (for the charts), and {@code trials.csv} rows are handed to {@link
 * RunOptions#rows()} in trial order as batches finish. A worker waits before starting a batch more
 * than {@link #WINDOW_PER_THREAD} x threads batches ahead of the oldest unfinished one, which
 * bounds the finished batches waiting for their turn.
 *
 * <p>A study runs in stages: all trials at once; or, with a relative CI target, stages of {@value
 * #CHECK_EVERY} trials with the rule checked after each on trials 0..n-1; or, when it may continue
 * ({@link RunOptions#continueUpTo()}), it doubles its trials while {@link #needsMoreTrials} says an
 * estimate rests on few trials. Where it stops depends only on the seed. A stop request ({@link
 * RunOptions#stop()}) lets the batches under way finish, so the trials done are always a prefix.
 */
public final class MonteCarlo {
  /** Trials per batch (fixed for every engine and thread count). */
  public static final int BATCH = BatchTree.BATCH;

  /** Trial counts at which {@code --target-ci} is checked: multiples of this. */
  public static final int CHECK_EVERY = 1000;

  /** Up to this many trials, per-trial values are kept and percentiles are exact. */
  public static final long EXACT_LIMIT = 1_000_000;

  /** Beyond {@link #EXACT_LIMIT}, the first this many trials are kept for the charts. */
  public static final int CHART_SAMPLE = 100_000;

  /** The most trials a study may run. */
  public static final long MAX_TRIALS = 1_000_000_000_000L;

  /** Trials of a study without {@code --trials}: first stage. */
  public static final long DEFAULT_TRIALS = 10_000;

  /** Trials of a study without {@code --trials}: the most it continues to. */
  public static final long DEFAULT_MAX_TRIALS = 1_000_000;

  /**
   * Most day groups of the served-share histograms per commodity: longer horizons share a histogram
   * among consecutive days (memory per worker stays about 3 MB per commodity).
   */
  public static final int DAY_GROUPS = 400;

  /** Finished batches that may wait for their turn, per worker thread. */
  static final int WINDOW_PER_THREAD = 8;

  private MonteCarlo() {}

  /** Runs the study. Thread-safe; allocates its own workers. */
  public static StudyResult run(Scenario scenario, RunOptions options) {
    StudyModel model = new StudyModel(scenario);
    return new Study(model, options).run();
  }

  /**
   * Runs the study with another engine executing its trials as {@link Partition}s (Spark); the
   * stages, stopping rules, trials.csv rows, progress and stop request work as in {@link
   * #run(Scenario, RunOptions)}, whose result this equals bit for bit ({@code options.threads()} is
   * unused).
   */
  public static StudyResult run(Scenario scenario, RunOptions options, RangeEngine engine) {
    StudyModel model = new StudyModel(scenario);
    Study study = new Study(model, options);
    study.engine = engine;
    return study.run();
  }

  /**
   * Executes ranges of a study's trials elsewhere (e.g. as Spark tasks) through {@link
   * #runPartition(Prepared, PartitionRequest)} and hands the partitions back in trial order.
   */
  public interface RangeEngine {
    /** The engine's name, as summary.json states it ({@code "engine"}). */
    String name();

    /**
     * Runs the trials {@code request} covers, cut into partitions that each start at a multiple of
     * {@code BATCH x 2^j} trials and span at most that many for one fixed j per partition (see
     * {@link BatchTree}), and gives them to {@code sink} in trial order, without gaps, until {@code
     * sink} returns false (a stop: the engine may then drop partitions not yet handed on and
     * return). Returns normally once done or stopped, also when the work failed while {@code stop}
     * says the study was asked to stop (Ctrl-C may shut the engine down first).
     */
    void run(
        PartitionRequest request,
        java.util.function.Predicate<Partition> sink,
        java.util.function.BooleanSupplier stop);

    /**
     * The same engine for the scenario with these mitigations applied (ids as the file declares
     * them, applied in this order, as {@code compare} builds a variant); it shares this engine's
     * resources, and closing this engine ends both. An empty list is the baseline.
     *
     * @throws UnsupportedOperationException if the engine runs only its file's baseline
     */
    default RangeEngine withMitigations(List<String> mitigationIds) {
      throw new UnsupportedOperationException(
          "the " + name() + " engine runs only the scenario's baseline");
    }
  }

  /**
   * What a partition task needs besides the scenario: a pure description (Serializable).
   *
   * @param seed the study's seed
   * @param maxTrials the most trials the study may run (decides which per-trial values are kept)
   * @param rows whether to return trials.csv rows
   * @param from first trial (a multiple of {@link #BATCH})
   * @param to end (exclusive)
   */
  public record PartitionRequest(long seed, long maxTrials, boolean rows, long from, long to)
      implements java.io.Serializable {
    /** The same study, another range. */
    public PartitionRequest range(long from, long to) {
      return new PartitionRequest(seed, maxTrials, rows, from, to);
    }
  }

  /**
   * A scenario compiled for trials (network, impact model, undisturbed run): built once per
   * executor JVM by a distributed engine and shared by its tasks. Immutable, thread-safe.
   */
  public static final class Prepared {
    private final StudyModel model;

    public Prepared(Scenario scenario) {
      this.model = new StudyModel(scenario);
    }
  }

  /** The metrics whose means the continuation rule watches. */
  public static final java.util.List<Metric> WATCHED =
      java.util.List.of(
          Metric.ECONOMIC_LOSS, Metric.PERSON_DAYS_WITHOUT_SERVICE, Metric.UNSERVED_FRACTION);

  /**
   * The continuation rule: whether a study should go on because the mean of {@code economic_loss},
   * {@code person_days_without_service} or {@code unserved_fraction} rests on few trials: some
   * trial had a loss, yet fewer than {@link Intervals#FEW_TRIALS} effective trials (Kish) carry the
   * mean; or because no trial had a loss at all although the scenario has threats (losses rarer
   * than one in the trials so far: an interval of [0, 0] would claim more than the trials show).
   *
   * @param threatened whether the scenario has a threat (without one every trial is the undisturbed
   *     run, and more trials cannot change anything)
   */
  public static boolean needsMoreTrials(MetricAccumulator[] columns, boolean threatened) {
    for (Metric m : WATCHED) {
      if (few(columns[m.ordinal()].moments())) {
        return true;
      }
    }
    return threatened && !anyLoss(columns);
  }

  /**
   * The {@code --target-ci} rule: whether a study may stop because the mean of {@code
   * economic_loss} is known to within {@code relative} of itself ({@link StoppingRule#converged}).
   * A study with threats in which no trial had a loss yet (in any watched metric) has not
   * converged, whatever {@code economic_loss}'s all-zero sample says: a loss rarer than one in the
   * trials so far is still possible, the interval [0, 0] would claim more than the trials show (the
   * rule {@link #needsMoreTrials} applies without a CI target).
   *
   * @param threatened whether the scenario has a threat ({@link #threatened(Scenario)})
   */
  public static boolean targetReached(
      MetricAccumulator[] columns, boolean threatened, double relative) {
    if (threatened && !anyLoss(columns)) {
      return false;
    }
    return StoppingRule.converged(columns[Metric.ECONOMIC_LOSS.ordinal()].moments(), relative);
  }

  /**
   * Whether a threat can strike in the scenario's trials: some threat with targets and a chance
   * above 0 (a Poisson rate above 0, an independent failure with a probability above 0 on a day of
   * the horizon, and a success probability above 0; a hazard always counts). Without one every
   * trial is the undisturbed run, and more trials cannot change anything.
   */
  public static boolean threatened(Scenario scenario) {
    for (Threat t : scenario.threats()) {
      boolean can =
          switch (t.model()) {
            case HAZARD -> true;
            case POISSON -> t.eventsPerYear() > 0 && t.successProbability() > 0;
            case INDEPENDENT ->
                t.probability() > 0
                    && t.successProbability() > 0
                    && t.startDay() < scenario.horizonDays();
          };
      if (can && (t.model() == ThreatModel.HAZARD || !t.targets().isEmpty())) {
        return true;
      }
    }
    return false;
  }

  /** Whether some trial had a value above zero in a watched metric. */
  private static boolean anyLoss(MetricAccumulator[] columns) {
    for (Metric m : WATCHED) {
      if (columns[m.ordinal()].moments().effectiveCount() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Whether a mean with some non-zero value rests on fewer than the few-trials threshold. */
  public static boolean few(Moments m) {
    double e = m.effectiveCount();
    return e > 0 && e < Intervals.FEW_TRIALS;
  }

  /** The next stage's trial count for a study that may continue: double, capped at {@code max}. */
  public static long nextStage(long n, long max) {
    return Math.min(max, Math.max(n + 1, 2 * n));
  }

  /**
   * What one range of trials of a study produced, for engines that run ranges on other machines
   * (Spark): the blocks of its own {@link BatchTree}, its served-share histogram and the per-trial
   * values it keeps. Serializable.
   *
   * @param from first trial (a multiple of {@link #BATCH})
   * @param to end of the range (exclusive)
   * @param blocks the range's batch tree blocks, earliest first
   * @param histogram served-share counts per commodity and day group
   * @param kept per-trial values of the trials in [from, to) below the kept limit ({@link Columns}
   *     order), or arrays of length 0
   * @param rows the range's trials.csv rows in trial order, or {@code null} when not asked for
   */
  public record Partition(
      long from,
      long to,
      List<BatchTree.Block<BatchStats>> blocks,
      ShareHistogram histogram,
      double[][] kept,
      String rows)
      implements java.io.Serializable {}

  /**
   * Runs trials [from, to) of the study {@code options} describes (its trial count sets what is
   * kept; its threads, progress, rows and stop are not used), on one thread. For results
   * bit-identical to {@link #run}, partitions must start at a multiple of {@code BATCH x 2^j}
   * trials and span at most {@code BATCH x 2^j} trials for one fixed {@code j} (for example 102,400
   * trials, {@code j = 10}), and be handed to {@link #assemble} in trial order.
   */
  public static Partition runPartition(Scenario scenario, RunOptions options, long from, long to) {
    return runPartition(
        new Prepared(scenario),
        new PartitionRequest(options.seed(), options.trials(), false, from, to));
  }

  /**
   * Runs the partition {@code request} describes on {@code prepared}'s scenario, on the calling
   * thread: a pure function of (scenario, request). Thread-safe.
   */
  public static Partition runPartition(Prepared prepared, PartitionRequest request) {
    long from = request.from();
    long to = request.to();
    if (from % BATCH != 0 || from < 0 || to <= from) {
      throw new IllegalArgumentException(
          "a partition starts at a multiple of " + BATCH + " trials: [" + from + ", " + to + ")");
    }
    StringBuilder rows = request.rows() ? new StringBuilder() : null;
    Study study =
        new Study(
            prepared.model,
            new RunOptions(
                request.maxTrials(),
                request.seed(),
                1,
                Double.NaN,
                null,
                0,
                rows == null ? null : rows::append,
                null));
    study.nextToMerge = from / BATCH;
    study.keptOffset = Math.min(from, study.keepLimit);
    study.ensureKept(Math.min(to, study.keepLimit));
    long done = study.runRange(null, from, to);
    if (done < to) {
      throw new IllegalStateException(
          "partition stopped at " + done + " of [" + from + ", " + to + ")");
    }
    return new Partition(
        from,
        to,
        study.tree.blocks(),
        study.workerHistograms(),
        study.kept,
        rows == null ? null : rows.toString());
  }

  /**
   * Assembles the result of a study of {@code options.trials()} trials from its partitions in trial
   * order (covering 0..trials-1 without gaps): the same result, bit for bit, as {@link #run} with
   * those options.
   */
  public static StudyResult assemble(
      Scenario scenario, RunOptions options, List<Partition> partitions, long elapsedNanos) {
    Study study = new Study(new StudyModel(scenario), options.withExactly(options.trials(), null));
    ShareHistogram histogram =
        new ShareHistogram(study.m.commodityCount * dayGroups(study.m.horizonDays));
    long next = 0;
    int keptTrials = (int) Math.min(options.trials(), study.keepLimit);
    study.ensureKept(keptTrials);
    for (Partition p : partitions) {
      if (p.from() != next) {
        throw new IllegalArgumentException(
            "partitions must cover the trials in order: expected " + next + " but got " + p.from());
      }
      for (BatchTree.Block<BatchStats> b : p.blocks()) {
        study.tree.push(b.value(), b.size());
      }
      histogram.merge(p.histogram());
      int at = (int) Math.min(p.from(), study.keepLimit);
      for (int c = 0; c < p.kept().length; c++) {
        int len = Math.min(p.kept()[c].length, keptTrials - at);
        if (len > 0) {
          System.arraycopy(p.kept()[c], 0, study.kept[c], at, len);
        }
      }
      next = p.to();
    }
    if (next != options.trials()) {
      throw new IllegalArgumentException(
          "partitions end at " + next + " but the study has " + options.trials() + " trials");
    }
    return study.result(next, elapsedNanos, false, histogram);
  }

  /** Day groups of a horizon of {@code h} days. */
  static int dayGroups(int h) {
    return Math.min(h, DAY_GROUPS);
  }

  /** The group of day {@code d} (consecutive days share a group when the horizon is long). */
  static int dayGroup(int d, int h) {
    return (int) ((long) d * dayGroups(h) / h);
  }

  private static final class Study {
    final StudyModel m;
    final RunOptions options;
    final Columns cols;
    final int keepLimit;

    /**
     * Whether the column accumulators keep percentile sketches: only when the study may run more
     * trials than it keeps (otherwise every percentile comes from the kept values, {@link
     * StudyResult#exact()}).
     */
    final boolean sketches;

    double[][] kept;
    long keptOffset;
    final Worker[] workers;
    final AtomicLong done = new AtomicLong();
    final BatchTree<BatchStats> tree = new BatchTree<>(BatchStats::merge);
    final Map<Long, Finished> waiting = new HashMap<>();
    final int window;
    long nextToMerge;
    volatile long planned;
    volatile Throwable failure;

    /** Runs the trials when set ({@link #run(Scenario, RunOptions, RangeEngine)}), else threads. */
    RangeEngine engine;

    /** Served-share counts of the partitions an engine handed in. */
    ShareHistogram engineHistogram;

    record Finished(BatchStats stats, CharSequence rows) {}

    Study(StudyModel m, RunOptions options) {
      this.m = m;
      this.options = options;
      this.cols = new Columns(m.commodityCount, m.impact.sectorCount());
      long most = options.maxTrials();
      keepLimit = (int) (most <= EXACT_LIMIT ? most : CHART_SAMPLE);
      sketches = keepLimit < most;
      kept = new double[cols.count()][0];
      workers = new Worker[options.threads()];
      window = WINDOW_PER_THREAD * options.threads() + 8;
    }

    StudyResult run() {
      long start = System.nanoTime();
      long n = 0;
      boolean interrupted = false;
      ExecutorService pool =
          options.threads() > 1 && engine == null
              ? Executors.newFixedThreadPool(
                  options.threads(),
                  r -> {
                    Thread t = new Thread(r, "corridor-risk-worker");
                    t.setDaemon(true);
                    return t;
                  })
              : null;
      try {
        boolean ci = options.hasCiTarget();
        long max = options.maxTrials();
        long target = ci ? Math.min(max, CHECK_EVERY) : options.trials();
        while (true) {
          planned = ci ? max : target;
          ensureKept(Math.min(target, keepLimit));
          n = runRange(pool, n, target);
          if (n < target) {
            interrupted = true;
            break;
          }
          if (n >= max) {
            break;
          }
          BatchStats soFar = tree.total(this::emptyStats);
          if (ci) {
            if (targetReached(soFar.columns, threatened(m.scenario), options.targetRelativeCi())) {
              break;
            }
            target = Math.min(max, n + CHECK_EVERY);
          } else if (needsMoreTrials(soFar.columns, threatened(m.scenario))) {
            target = nextStage(n, max);
          } else {
            break;
          }
        }
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      long elapsed = System.nanoTime() - start;
      return result(n, elapsed, interrupted);
    }

    BatchStats emptyStats() {
      return new BatchStats(
          cols.count(),
          m.impact.sinkCount(),
          m.assetCount,
          m.commodityCount,
          m.horizonDays,
          sketches);
    }

    private void ensureKept(long want) {
      int size = (int) Math.max(0, want - keptOffset);
      if (kept.length > 0 && kept[0].length >= size) {
        return;
      }
      for (int c = 0; c < kept.length; c++) {
        kept[c] = java.util.Arrays.copyOf(kept[c], size);
      }
    }

    /** Runs trials [from, to); returns the end of the prefix done (to, unless stopped). */
    private long runRange(ExecutorService pool, long from, long to) {
      if (engine != null) {
        return runOnEngine(from, to);
      }
      long firstBatch = from / BATCH;
      long lastBatch = (to + BATCH - 1) / BATCH;
      AtomicLong next = new AtomicLong(firstBatch);
      if (pool == null) {
        worker(0).work(next, lastBatch, to);
      } else {
        List<Future<?>> futures = new ArrayList<>();
        for (int w = 0; w < workers.length; w++) {
          Worker worker = worker(w);
          futures.add(pool.submit(() -> worker.work(next, lastBatch, to)));
        }
        for (Future<?> f : futures) {
          try {
            f.get();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
          } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
              throw re;
            }
            if (cause instanceof Error err) {
              throw err;
            }
            throw new IllegalStateException(cause);
          }
        }
      }
      synchronized (this) {
        if (failure != null) {
          rethrow(failure);
        }
        return Math.min(to, nextToMerge * BATCH);
      }
    }

    /** {@link #runRange} on the engine: merges its partitions as the workers' batches are. */
    private long runOnEngine(long from, long to) {
      if (engineHistogram == null) {
        engineHistogram = new ShareHistogram(m.commodityCount * dayGroups(m.horizonDays));
      }
      if (stopRequested()) {
        return from;
      }
      PartitionRequest request =
          new PartitionRequest(
              options.seed(), options.maxTrials(), options.rows() != null, from, to);
      engine.run(request, this::acceptPartition, this::stopRequested);
      synchronized (this) {
        if (failure != null) {
          rethrow(failure);
        }
        return Math.min(to, nextToMerge * BATCH);
      }
    }

    /** Merges the next partition in trial order; false once the study should stop. */
    private synchronized boolean acceptPartition(Partition p) {
      if (p.from() != nextToMerge * BATCH) {
        throw new IllegalStateException(
            "partition [" + p.from() + ", " + p.to() + ") out of order at " + nextToMerge * BATCH);
      }
      for (BatchTree.Block<BatchStats> b : p.blocks()) {
        tree.push(b.value(), b.size());
      }
      engineHistogram.merge(p.histogram());
      int at = (int) Math.min(p.from(), keepLimit);
      for (int c = 0; c < p.kept().length; c++) {
        int len = Math.min(p.kept()[c].length, kept[c].length - at);
        if (len > 0) {
          System.arraycopy(p.kept()[c], 0, kept[c], at, len);
        }
      }
      if (p.rows() != null && options.rows() != null && failure == null) {
        try {
          options.rows().write(p.rows());
        } catch (IOException e) {
          failure = e;
        }
      }
      nextToMerge = (p.to() + BATCH - 1) / BATCH;
      long completed = done.addAndGet(p.to() - p.from());
      if (options.progress() != null) {
        options.progress().completed(completed, planned);
      }
      return !stopRequested();
    }

    private static void rethrow(Throwable t) {
      if (t instanceof RuntimeException re) {
        throw re;
      }
      if (t instanceof Error e) {
        throw e;
      }
      if (t instanceof IOException io) {
        throw new UncheckedIOException(io);
      }
      throw new IllegalStateException(t);
    }

    boolean stopRequested() {
      return failure != null || (options.stop() != null && options.stop().getAsBoolean());
    }

    /** Waits until batch {@code b} is within the window; false when the study fails meanwhile. */
    synchronized boolean awaitTurn(long b) {
      while (b >= nextToMerge + window && failure == null) {
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          failure = e;
          notifyAll();
          return false;
        }
      }
      return failure == null;
    }

    /** Hands in batch {@code b}; merges and writes every batch whose turn has come. */
    synchronized void complete(long b, BatchStats stats, CharSequence rows) {
      waiting.put(b, new Finished(stats, rows));
      Finished f;
      while ((f = waiting.remove(nextToMerge)) != null) {
        tree.push(f.stats(), 1);
        if (f.rows() != null && failure == null) {
          try {
            options.rows().write(f.rows());
          } catch (IOException e) {
            failure = e;
          }
        }
        nextToMerge++;
      }
      notifyAll();
    }

    synchronized void fail(Throwable t) {
      if (failure == null) {
        failure = t;
      }
      notifyAll();
    }

    private synchronized Worker worker(int w) {
      if (workers[w] == null) {
        workers[w] = new Worker(this);
      }
      return workers[w];
    }

    ShareHistogram workerHistograms() {
      ShareHistogram histogram = new ShareHistogram(m.commodityCount * dayGroups(m.horizonDays));
      if (engineHistogram != null) {
        histogram.merge(engineHistogram);
      }
      for (Worker w : workers) {
        if (w != null) {
          histogram.merge(w.histogram);
        }
      }
      return histogram;
    }

    private StudyResult result(long trials, long elapsed, boolean interrupted) {
      return result(trials, elapsed, interrupted, workerHistograms());
    }

    StudyResult result(long trials, long elapsed, boolean interrupted, ShareHistogram histogram) {
      BatchStats total = tree.total();
      if (total == null) {
        total = emptyStats();
      }
      int h = m.horizonDays;
      int groups = dayGroups(h);
      double[][] mean = new double[m.commodityCount][h];
      double[][] p05 = new double[m.commodityCount][h];
      double[][] p95 = new double[m.commodityCount][h];
      for (int c = 0; c < m.commodityCount; c++) {
        for (int d = 0; d < h; d++) {
          mean[c][d] = total.shareSum[c][d] / trials;
          p05[c][d] = histogram.percentile(c * groups + dayGroup(d, h), 0.05);
          p95[c][d] = histogram.percentile(c * groups + dayGroup(d, h), 0.95);
        }
      }
      Scenario s = m.scenario;
      List<String> commodityIds = s.commodities().stream().map(c -> c.id()).toList();
      List<StudyResult.SinkStat> sinks = new ArrayList<>();
      for (int k = 0; k < m.impact.sinkCount(); k++) {
        Node n = s.node(m.net.nodeId(m.impact.sinkNode(k)));
        double meanVolume = total.sinkUnserved[k] / trials;
        double demandVolume = m.impact.sinkDemandVolume(k);
        sinks.add(
            new StudyResult.SinkStat(
                n.id(),
                n.commodity(),
                n.priority(),
                n.demandPerDay(),
                n.population(),
                meanVolume,
                demandVolume > 0 ? meanVolume / demandVolume : 0,
                total.sinkPersonDays[k] / trials));
      }
      List<StudyResult.AssetStat> assets = new ArrayList<>();
      for (int a = 0; a < m.assetCount; a++) {
        boolean isLink = a >= m.nodeCount;
        String id = isLink ? m.net.linkId(a - m.nodeCount) : m.net.nodeId(a);
        String kind;
        if (isLink) {
          Link l = s.link(id);
          kind = l.kind().fileName();
        } else {
          kind = s.node(id).kind().fileName();
        }
        long count = total.assetTrials[a];
        assets.add(
            new StudyResult.AssetStat(
                id,
                isLink,
                kind,
                count / (double) trials,
                total.assetDays[a] / (double) trials,
                count > 0 ? total.assetLoss[a] / count : Double.NaN));
      }
      int keptTrials = (int) Math.min(trials, keepLimit);
      double[][] values = new double[cols.count()][];
      for (int c = 0; c < values.length; c++) {
        values[c] =
            kept[c].length == keptTrials ? kept[c] : java.util.Arrays.copyOf(kept[c], keptTrials);
      }
      kept = null;
      int sectors = cols.sectors;
      double[][] metricValues = new double[cols.metrics][];
      double[][] unserved = new double[cols.commodities][];
      double[][] personDays = new double[cols.commodities][];
      double[][] peak = new double[sectors][];
      double[][] indirect = new double[sectors][];
      for (int i = 0; i < cols.metrics; i++) {
        metricValues[i] = values[i];
      }
      for (int c = 0; c < cols.commodities; c++) {
        unserved[c] = values[cols.unservedVolume(c)];
        personDays[c] = values[cols.personDays(c)];
      }
      for (int i = 0; i < sectors; i++) {
        peak[i] = values[cols.peakInoperability(i)];
        indirect[i] = values[cols.indirectLoss(i)];
      }
      return new StudyResult(
          s,
          options,
          trials,
          elapsed,
          metricValues,
          unserved,
          personDays,
          peak,
          indirect,
          new StudyResult.DailyServed(commodityIds, mean, p05, p95),
          List.copyOf(sinks),
          List.copyOf(assets),
          total.columns,
          keptTrials,
          interrupted);
    }
  }

  /** One worker thread's state, reused across stages. */
  private static final class Worker {
    final Study study;
    final TrialRunner runner;
    final ShareHistogram histogram;
    final double[] v = new double[Metric.values().length];
    final double[] u;
    final double[] pd;
    final double[] p;
    final double[] q;
    final double[] x;
    final StringBuilder rows = new StringBuilder();
    final int[] dayGroup;

    /**
     * Per day: trials of the current batch whose ledger added the day (not the undisturbed one).
     */
    final int[] addedTimes;

    Worker(Study study) {
      this.study = study;
      StudyModel m = study.m;
      runner = new TrialRunner(m, m.baseline);
      histogram = new ShareHistogram(m.commodityCount * dayGroups(m.horizonDays));
      dayGroup = new int[m.horizonDays];
      for (int d = 0; d < dayGroup.length; d++) {
        dayGroup[d] = dayGroup(d, m.horizonDays);
      }
      u = new double[m.commodityCount];
      pd = new double[m.commodityCount];
      p = new double[m.impact.sectorCount()];
      q = new double[m.impact.sectorCount()];
      x = new double[study.cols.count()];
      addedTimes = new int[m.horizonDays];
    }

    private long reportedHits;
    private long reportedMisses;

    /** Adds this worker's flow-cache counts since the last report to {@link EngineCounters}. */
    private void reportCounters() {
      FlowCache cache = runner.cache();
      EngineCounters.add(cache.hits - reportedHits, cache.misses - reportedMisses);
      reportedHits = cache.hits;
      reportedMisses = cache.misses;
    }

    void work(AtomicLong nextBatch, long lastBatch, long to) {
      try {
        loop(nextBatch, lastBatch, to);
      } catch (RuntimeException | Error e) {
        study.fail(e);
        throw e;
      } finally {
        reportCounters();
      }
    }

    /**
     * Adds the undisturbed share of every day, for each of the batch's {@code trials} trials that
     * did not add the day itself (in day order, after the batch's own shares: the sums are a
     * function of the batch alone, so equal for any thread count and engine), and clears the
     * counts.
     */
    private void addUndisturbedShares(BatchStats stats, long trials) {
      double[][] base = study.m.baseline.servedShare();
      int groups = dayGroups(addedTimes.length);
      for (int d = 0; d < addedTimes.length; d++) {
        long times = trials - addedTimes[d];
        addedTimes[d] = 0;
        if (times == 0) {
          continue;
        }
        for (int cc = 0; cc < base.length; cc++) {
          double share = base[cc][d];
          stats.shareSum[cc][d] += times * share;
          histogram.add(cc * groups + dayGroup[d], share, times);
        }
      }
    }

    private void loop(AtomicLong nextBatch, long lastBatch, long to) {
      Study s = study;
      while (!s.stopRequested()) {
        long b = nextBatch.getAndIncrement();
        if (b >= lastBatch || !s.awaitTurn(b)) {
          return;
        }
        batch(b, to);
      }
    }

    /** Runs batch {@code b} (its trials below {@code to}) and hands it in. */
    private void batch(long b, long to) {
      Study s = study;
      boolean csv = s.options.rows() != null;
      long lo = b * BATCH;
      long hi = Math.min(to, lo + BATCH);
      BatchStats stats = s.emptyStats();
      rows.setLength(0);
      trials(s.options.seed(), lo, hi, stats, csv);
      addUndisturbedShares(stats, hi - lo);
      s.complete(b, stats, csv ? rows.toString() : null);
      long completed = s.done.addAndGet(hi - lo);
      RunOptions.TrialProgress progress = s.options.progress();
      if (progress != null) {
        progress.completed(completed, s.planned);
      }
    }

    /**
     * Trials {@code lo..hi-1} into {@code stats}.
     *
     * <p>Design note (what the JIT compiles): the loops of a worker sit in small methods of their
     * own, and the trial's work in {@link #trial}, which is too large to be inlined into them. The
     * optimizing compiler then compiles the trial's work once, as that method, and each loop on its
     * own. With the trial's work inside the batch loop, that loop was compiled on stack replacement
     * twice (at two loop entries) with the whole trial inlined, and the trial's own loops gave it
     * three more such compiles: the largest of the compiler's jobs in a million-trial run of a
     * small network (about 50 kB of code each), on a 2-core machine where the compiler competes
     * with the two workers (docs/performance.md, issue 15 session 7).
     */
    private void trials(long seed, long lo, long hi, BatchStats stats, boolean csv) {
      for (long trial = lo; trial < hi; trial++) {
        trial(seed, trial, stats, csv);
      }
    }

    /**
     * Runs trial {@code trial} and adds it to the batch's {@code stats} (and its row to {@link
     * #rows} when {@code csv}). Loop-free: every loop is in a small method it calls (see {@link
     * #trials}).
     */
    private void trial(long seed, long trial, BatchStats stats, boolean csv) {
      Study s = study;
      runner.runTrial(seed, trial);
      TrialLedger ledger = runner.ledger();
      ledger.writeMetrics(v, u, pd, p, q);
      gatherColumns();
      addColumns(stats);
      if (trial < s.keepLimit) {
        keep((int) (trial - s.keptOffset));
      }
      if (csv) {
        appendRow(trial);
      }
      addSinks(stats, ledger);
      addAssets(stats, v[Metric.ECONOMIC_LOSS.ordinal()]);
      addShares(stats, ledger);
    }

    /** The trial's values in column order ({@link Columns}) into {@link #x}. */
    private void gatherColumns() {
      int c = 0;
      for (double val : v) {
        x[c++] = val;
      }
      for (double val : u) {
        x[c++] = val;
      }
      for (double val : pd) {
        x[c++] = val;
      }
      for (double val : p) {
        x[c++] = val;
      }
      for (double val : q) {
        x[c++] = val;
      }
    }

    private void addColumns(BatchStats stats) {
      MetricAccumulator[] columns = stats.columns;
      for (int i = 0; i < columns.length; i++) {
        columns[i].add(x[i]);
      }
    }

    private void keep(int t) {
      double[][] kept = study.kept;
      for (int i = 0; i < x.length; i++) {
        kept[i][t] = x[i];
      }
    }

    private void appendRow(long trial) {
      rows.append(trial);
      for (int i = 0; i < x.length; i++) {
        rows.append(',').append(x[i]);
      }
      rows.append('\n');
    }

    /**
     * Adds the per-sink sums of only the sinks the trial added a shortfall to: the others hold
     * +0.0, and adding +0.0 to a sum that started at +0.0 and only grew changes no bit.
     */
    private static void addSinks(BatchStats stats, TrialLedger ledger) {
      double[] sinkUnserved = ledger.unservedBySink();
      double[] sinkPersonDays = ledger.personDaysBySink();
      for (int i = 0, n = ledger.lossSinkCount(); i < n; i++) {
        int k = ledger.lossSink(i);
        stats.sinkUnserved[k] += sinkUnserved[k];
        stats.sinkPersonDays[k] += sinkPersonDays[k];
      }
    }

    private void addAssets(BatchStats stats, double loss) {
      TrialRunner r = runner;
      for (int i = 0, n = r.touchedCount(); i < n; i++) {
        int a = r.touched(i);
        int days = r.daysDown(a);
        if (days > 0) {
          stats.assetDays[a] += days;
          stats.assetTrials[a]++;
          stats.assetLoss[a] += loss;
        }
      }
    }

    /**
     * Served shares: per day only where the trial's ledger added the day; every other day has the
     * undisturbed share and is counted in bulk at the end of the batch.
     */
    private void addShares(BatchStats stats, TrialLedger ledger) {
      double[][] shares = ledger.servedShareByCommodityDay();
      int groups = dayGroups(study.m.horizonDays);
      for (int i = 0, n = ledger.addedDayCount(); i < n; i++) {
        int d = ledger.addedDay(i);
        addedTimes[d]++;
        for (int cc = 0; cc < shares.length; cc++) {
          double share = shares[cc][d];
          stats.shareSum[cc][d] += share;
          histogram.add(cc * groups + dayGroup[d], share);
        }
      }
    }
  }
}
