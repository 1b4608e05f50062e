package org.corridorrisk.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
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
    return new Study(model, options).run();
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

    Study(StudyModel m, RunOptions options) {
      this.m = m;
      this.options = options;
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
          options.threads() > 1
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

    private StudyResult result(int trials, long elapsed) {
      BatchStats total = merger.total();
      ShareHistogram histogram = new ShareHistogram(m.commodityCount * m.horizonDays);
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
        double demandVolume = m.impact.sinkDemandVolume(k);
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

  /** One worker thread's state, reused across rounds. */
  private static final class Worker {
    final Study study;
    final TrialRunner runner;
    final ShareHistogram histogram;
    final double[] v = new double[Metric.values().length];
    final double[] u;
    final double[] p;
    final double[] q;

    Worker(Study study) {
      this.study = study;
      StudyModel m = study.m;
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
      StudyModel m = study.m;
      long seed = study.options.seed();
      int h = m.horizonDays;
      int lossIndex = Metric.ECONOMIC_LOSS.ordinal();
      int b;
      while ((b = nextBatch.getAndIncrement()) < batches) {
        int lo = from + b * BATCH;
        int hi = Math.min(to, lo + BATCH);
        BatchStats stats = study.merger.take();
        for (int trial = lo; trial < hi; trial++) {
          runner.runTrial(seed, trial);
          runner.writeMetrics(
              trial,
              study.metricValues,
              study.unservedVolume,
              study.peak,
              study.indirect,
              v,
              u,
              p,
              q);
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
        study.merger.complete(firstBatch + b, stats);
        int completed = study.done.addAndGet(hi - lo);
        RunOptions.TrialProgress progress = study.options.progress();
        if (progress != null) {
          progress.completed(completed, study.planned);
        }
      }
      reportCounters();
    }
  }
}
