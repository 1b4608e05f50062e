package org.corridorrisk.sim;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Link;
import org.corridorrisk.model.Node;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.stats.ShareHistogram;
import org.corridorrisk.stats.StoppingRule;

/**
 * Runs Monte Carlo studies. Entry point of the engine.
 *
 * <p>Contract: trial k's outcome depends only on (scenario, seed, k): identical for any thread
 * count. Trials of two scenarios that differ by a mitigation patch use common random numbers.
 *
 * <p>Design note: workers take fixed-size batches of consecutive trial indices from an atomic
 * counter and write each trial's values into trial-indexed arrays; per-batch sums are merged in
 * batch order and histograms hold integer counts, so every output is the same for any thread count.
 * With a relative CI target the study runs in rounds of {@value #CHECK_EVERY} trials and checks the
 * rule after each round on the trials 0..n-1, so where it stops depends only on the seed.
 */
public final class MonteCarlo {
  /** Trials per batch a worker takes at once. */
  static final int BATCH = 100;

  /** Trial counts at which {@code --target-ci} is checked: multiples of this. */
  public static final int CHECK_EVERY = 1000;

  private MonteCarlo() {}

  /** Runs the study. Thread-safe; allocates its own workers. */
  public static StudyResult run(Scenario scenario, RunOptions options) {
    StudyModel model = new StudyModel(scenario);
    return new Study(model, options, null).run();
  }

  /**
   * Runs the study with another engine executing the trial ranges (e.g. Spark); {@code
   * options.threads()} is then unused. The result is identical to {@link #run(Scenario,
   * RunOptions)}'s for the same scenario, seed and trial count.
   */
  public static StudyResult run(Scenario scenario, RunOptions options, RangeEngine engine) {
    StudyModel model = new StudyModel(scenario);
    return new Study(model, options, engine).run();
  }

  /**
   * Executes ranges of trials somewhere (threads here, a cluster elsewhere) and hands back their
   * {@link RangeResult}s in trial order.
   */
  public interface RangeEngine {
    /** The engine's name as summary.json states it ({@code "engine"}). */
    String name();

    /**
     * Runs trials {@code from} (a multiple of {@link #BATCH}) to {@code to} (exclusive) with {@code
     * seed} and gives the results to {@code inTrialOrder} in trial order, covering the range
     * without gaps.
     */
    void run(long seed, int from, int to, Consumer<RangeResult> inTrialOrder);
  }

  /** Trials per batch; ranges given to a {@link RangeEngine} start at multiples of it. */
  public static int batchSize() {
    return BATCH;
  }

  /**
   * A scenario compiled for trials: what each executor of a distributed engine builds once and
   * reuses. Thread-safe ({@link #runRange} allocates its own state).
   */
  public static final class Prepared {
    private final StudyModel m;

    public Prepared(Scenario scenario) {
      m = new StudyModel(scenario);
    }

    /**
     * Runs trials {@code from} (a multiple of {@link #batchSize()}) to {@code to} with {@code seed}
     * through the same batch loop as the local workers. A pure function of (scenario, seed, from,
     * to).
     */
    public RangeResult runRange(long seed, int from, int to) {
      if (from % BATCH != 0 || to <= from) {
        throw new IllegalArgumentException("bad trial range [" + from + ", " + to + ")");
      }
      RangeResult r = new RangeResult(m, from, to);
      Worker w = new Worker(m, seed, r);
      w.runBatches(from, to, (index, stats) -> r.batches.add(stats));
      r.histogram = w.histogram;
      return r;
    }
  }

  /**
   * What a range of trials produced: its per-trial values, its batches' sums in order and its share
   * histograms. Serializable, to travel from a Spark executor to the driver.
   */
  public static final class RangeResult implements Serializable {
    private static final long serialVersionUID = 1L;
    final int from;
    final int to;
    final double[][] metricValues;
    final double[][] unservedVolume;
    final double[][] peak;
    final double[][] indirect;
    final List<BatchStats> batches = new ArrayList<>();
    ShareHistogram histogram;

    RangeResult(StudyModel m, int from, int to) {
      this.from = from;
      this.to = to;
      int n = to - from;
      int sectors = m.impact.sectorCount();
      metricValues = new double[Metric.values().length][n];
      unservedVolume = new double[m.commodityCount][n];
      peak = new double[sectors][n];
      indirect = new double[sectors][n];
    }

    public int from() {
      return from;
    }

    public int to() {
      return to;
    }
  }

  private static final class Study {
    final StudyModel m;
    final RunOptions options;
    final int planned;
    final double[][] metricValues;
    final double[][] unservedVolume;
    final double[][] peak;
    final double[][] indirect;
    final OrderedMerger merger;
    final Worker[] workers;
    final AtomicInteger done = new AtomicInteger();
    final RangeEngine engine;
    final ShareHistogram engineHistogram;

    Study(StudyModel m, RunOptions options, RangeEngine engine) {
      this.m = m;
      this.options = options;
      this.engine = engine;
      this.engineHistogram = new ShareHistogram(m.commodityCount * m.horizonDays);
      this.planned = options.trials();
      int sectors = m.impact.sectorCount();
      metricValues = new double[Metric.values().length][planned];
      unservedVolume = new double[m.commodityCount][planned];
      peak = new double[sectors][planned];
      indirect = new double[sectors][planned];
      merger =
          new OrderedMerger(m.impact.sinkCount(), m.assetCount, m.commodityCount, m.horizonDays);
      workers = new Worker[options.threads()];
    }

    StudyResult run() {
      long start = System.nanoTime();
      boolean early = options.targetRelativeCi() > 0;
      int trials = 0;
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
        while (trials < planned) {
          int limit = early ? Math.min(planned, trials + CHECK_EVERY) : planned;
          runRange(pool, trials, limit);
          trials = limit;
          if (early
              && trials < planned
              && StoppingRule.converged(
                  metricValues[Metric.ECONOMIC_LOSS.ordinal()],
                  trials,
                  options.targetRelativeCi())) {
            break;
          }
        }
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      long elapsed = System.nanoTime() - start;
      return result(trials, elapsed);
    }

    private void runRange(ExecutorService pool, int from, int to) {
      if (engine != null) {
        int[] next = {from};
        engine.run(
            options.seed(),
            from,
            to,
            r -> {
              if (r.from != next[0] || r.to > to) {
                throw new IllegalStateException(
                    "range [" + r.from + ", " + r.to + ") out of order, expected " + next[0]);
              }
              int n = r.to - r.from;
              copyInto(r.metricValues, metricValues, r.from, n);
              copyInto(r.unservedVolume, unservedVolume, r.from, n);
              copyInto(r.peak, peak, r.from, n);
              copyInto(r.indirect, indirect, r.from, n);
              int first = r.from / BATCH;
              for (int i = 0; i < r.batches.size(); i++) {
                merger.complete(first + i, r.batches.get(i));
              }
              engineHistogram.merge(r.histogram);
              next[0] = r.to;
              int completed = done.addAndGet(n);
              if (options.progress() != null) {
                options.progress().completed(completed, planned);
              }
            });
        if (next[0] != to) {
          throw new IllegalStateException("engine stopped at trial " + next[0] + " of " + to);
        }
        return;
      }
      AtomicInteger nextBatch = new AtomicInteger();
      int batches = (to - from + BATCH - 1) / BATCH;
      int firstBatch = from / BATCH;
      if (pool == null) {
        worker(0).work(nextBatch, batches, firstBatch, from, to);
        return;
      }
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < workers.length; w++) {
        Worker worker = worker(w);
        futures.add(pool.submit(() -> worker.work(nextBatch, batches, firstBatch, from, to)));
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

    private synchronized Worker worker(int w) {
      if (workers[w] == null) {
        workers[w] = new Worker(this);
      }
      return workers[w];
    }

    private static void copyInto(double[][] from, double[][] to, int offset, int n) {
      for (int i = 0; i < from.length; i++) {
        System.arraycopy(from[i], 0, to[i], offset, n);
      }
    }

    private StudyResult result(int trials, long elapsed) {
      BatchStats total = merger.total();
      ShareHistogram histogram = new ShareHistogram(m.commodityCount * m.horizonDays);
      histogram.merge(engineHistogram);
      for (Worker w : workers) {
        if (w != null) {
          histogram.merge(w.histogram);
        }
      }
      int h = m.horizonDays;
      double[][] mean = new double[m.commodityCount][h];
      double[][] p05 = new double[m.commodityCount][h];
      double[][] p95 = new double[m.commodityCount][h];
      for (int c = 0; c < m.commodityCount; c++) {
        for (int d = 0; d < h; d++) {
          mean[c][d] = total.shareSum[c][d] / trials;
          p05[c][d] = histogram.percentile(c * h + d, 0.05);
          p95[c][d] = histogram.percentile(c * h + d, 0.95);
        }
      }
      Scenario s = m.scenario;
      List<String> commodityIds = s.commodities().stream().map(c -> c.id()).toList();
      List<StudyResult.SinkStat> sinks = new ArrayList<>();
      for (int k = 0; k < m.impact.sinkCount(); k++) {
        Node n = s.node(m.net.nodeId(m.impact.sinkNode(k)));
        double meanVolume = total.sinkUnserved[k] / trials;
        double demandVolume = n.demandPerDay() * h;
        sinks.add(
            new StudyResult.SinkStat(
                n.id(),
                n.commodity(),
                n.priority(),
                n.demandPerDay(),
                n.population(),
                meanVolume,
                demandVolume > 0 ? meanVolume / demandVolume : 0));
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
      return new StudyResult(
          s,
          options,
          trials,
          elapsed,
          trim(metricValues, trials),
          trim(unservedVolume, trials),
          trim(peak, trials),
          trim(indirect, trials),
          new StudyResult.DailyServed(commodityIds, mean, p05, p95),
          List.copyOf(sinks),
          List.copyOf(assets));
    }

    private static double[][] trim(double[][] arrays, int n) {
      if (arrays.length == 0 || arrays[0].length == n) {
        return arrays;
      }
      double[][] out = new double[arrays.length][];
      for (int i = 0; i < arrays.length; i++) {
        out[i] = java.util.Arrays.copyOf(arrays[i], n);
      }
      return out;
    }
  }

  /** Receives a finished batch's sums. */
  private interface BatchSink {
    void complete(int batchIndex, BatchStats stats);
  }

  /**
   * One worker's state, reused across rounds: writes trial values into the study's arrays (local
   * engine) or into a {@link RangeResult}'s (one range of a distributed engine), at index {@code
   * trial - offset}.
   */
  private static final class Worker {
    final StudyModel m;
    final long seed;
    final Study study;
    final TrialRunner runner;
    final ShareHistogram histogram;
    final double[][] metricValues;
    final double[][] unservedVolume;
    final double[][] peakValues;
    final double[][] indirectValues;
    final int offset;
    final double[] v = new double[Metric.values().length];
    final double[] u;
    final double[] p;
    final double[] q;

    Worker(Study study) {
      this(
          study.m,
          study.options.seed(),
          study,
          study.metricValues,
          study.unservedVolume,
          study.peak,
          study.indirect,
          0);
    }

    Worker(StudyModel m, long seed, RangeResult r) {
      this(m, seed, null, r.metricValues, r.unservedVolume, r.peak, r.indirect, r.from);
    }

    private Worker(
        StudyModel m,
        long seed,
        Study study,
        double[][] metricValues,
        double[][] unservedVolume,
        double[][] peakValues,
        double[][] indirectValues,
        int offset) {
      this.m = m;
      this.seed = seed;
      this.study = study;
      this.metricValues = metricValues;
      this.unservedVolume = unservedVolume;
      this.peakValues = peakValues;
      this.indirectValues = indirectValues;
      this.offset = offset;
      runner = new TrialRunner(m, m.baseline);
      histogram = new ShareHistogram(m.commodityCount * m.horizonDays);
      u = new double[m.commodityCount];
      p = new double[m.impact.sectorCount()];
      q = new double[m.impact.sectorCount()];
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

    void work(AtomicInteger nextBatch, int batches, int firstBatch, int from, int to) {
      int b;
      while ((b = nextBatch.getAndIncrement()) < batches) {
        int lo = from + b * BATCH;
        int hi = Math.min(to, lo + BATCH);
        runBatch(lo, hi, firstBatch + b, study.merger::complete, study.merger.take());
        int completed = study.done.addAndGet(hi - lo);
        RunOptions.TrialProgress progress = study.options.progress();
        if (progress != null) {
          progress.completed(completed, study.planned);
        }
      }
      reportCounters();
    }

    /** Runs the batches of [from, to) in order (a distributed engine's range). */
    void runBatches(int from, int to, BatchSink sink) {
      for (int lo = from; lo < to; lo += BATCH) {
        int hi = Math.min(to, lo + BATCH);
        runBatch(
            lo,
            hi,
            lo / BATCH,
            sink,
            new BatchStats(m.impact.sinkCount(), m.assetCount, m.commodityCount, m.horizonDays));
      }
      reportCounters();
    }

    /** Runs trials [lo, hi) (one batch) and hands the batch's sums to {@code sink}. */
    private void runBatch(int lo, int hi, int batchIndex, BatchSink sink, BatchStats stats) {
      int h = m.horizonDays;
      int lossIndex = Metric.ECONOMIC_LOSS.ordinal();
      for (int trial = lo; trial < hi; trial++) {
        runner.runTrial(seed, trial);
        runner.writeMetrics(
            trial - offset, metricValues, unservedVolume, peakValues, indirectValues, v, u, p, q);
        double[] sinkUnserved = runner.ledger().unservedBySink();
        for (int k = 0; k < sinkUnserved.length; k++) {
          stats.sinkUnserved[k] += sinkUnserved[k];
        }
        double loss = v[lossIndex];
        for (int i = 0; i < runner.touchedCount(); i++) {
          int a = runner.touched(i);
          int days = runner.daysDown(a);
          if (days > 0) {
            stats.assetDays[a] += days;
            stats.assetTrials[a]++;
            stats.assetLoss[a] += loss;
          }
        }
        double[][] shares = runner.ledger().servedShareByCommodityDay();
        for (int c = 0; c < shares.length; c++) {
          double[] row = shares[c];
          double[] sum = stats.shareSum[c];
          for (int d = 0; d < h; d++) {
            sum[d] += row[d];
            histogram.add(c * h + d, row[d]);
          }
        }
      }
      sink.complete(batchIndex, stats);
    }
  }
}
