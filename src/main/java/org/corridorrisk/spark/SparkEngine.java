package org.corridorrisk.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.MonteCarlo.RangeResult;
import scala.Function1;
import scala.Function2;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.BoxedUnit;

/**
 * The Spark engine of {@code run --engine spark}: executes ranges of trials as Spark tasks and
 * hands their results back to {@link MonteCarlo} in trial order, which merges them exactly as the
 * local engine does.
 *
 * <p>Design notes:
 *
 * <ul>
 *   <li><b>Pure tasks.</b> A task is one partition holding one trial range {@code [lo, hi)}; it
 *       runs {@link MonteCarlo.Prepared#runRange} (the local engine's batch loop) on a scenario
 *       rebuilt from the scenario file's bytes, shipped once per executor as a broadcast variable,
 *       so a task is a pure function of (file bytes, seed, range) and Spark may retry or speculate
 *       it.
 *   <li><b>Partition sizing.</b> Ranges start at multiples of {@link #alignment()} trials (a power
 *       of two number of batches) so they coincide with the blocks the local engine merges; the
 *       default size gives each core about {@value #TASKS_PER_CORE} tasks per round (load balance,
 *       short retries) and never more than {@link #MAX_PARTITION_TRIALS} trials per task; {@value
 *       #PARTITION_TRIALS} overrides it (rounded up to the alignment). See docs/scale-out.md.
 *   <li><b>Ordered, streaming merge.</b> Results come back through a job result handler as tasks
 *       finish; those that finish early wait until the ones before them are in, then go to the
 *       caller in trial order. The driver thus holds at most the out-of-order results, not all.
 *   <li><b>Context.</b> An active SparkContext (spark-submit, a test) is reused and left running;
 *       otherwise one is created for {@code --master} (default {@code spark.master} from
 *       spark-submit, else {@code local[*]}) and stopped by {@link #close()}.
 * </ul>
 */
public final class SparkEngine implements MonteCarlo.RangeEngine, AutoCloseable {
  /** Spark setting overriding the trials per task. */
  public static final String PARTITION_TRIALS = "spark.corridorrisk.partitionTrials";

  /** Tasks per core per round aimed at by the default partition size. */
  static final int TASKS_PER_CORE = 4;

  /**
   * Most trials in one task by default: 1,024 batches (102,400 trials; 2 s of one core at the
   * southern gas corridor's 18 us per trial, 100 s at the power grid's 1 ms).
   */
  static final int MAX_PARTITION_TRIALS = 1024 * MonteCarlo.batchSize();

  /** Start of the message of an unusable {@code --master} (the command line maps it to exit 2). */
  public static final String MASTER_PROBLEM = "--master: Spark cannot use ";

  private final JavaSparkContext sc;
  private final boolean owned;
  private final Broadcast<byte[]> scenario;
  private final String fileName;

  private SparkEngine(JavaSparkContext sc, boolean owned, String fileName, byte[] bytes) {
    this.sc = sc;
    this.owned = owned;
    this.fileName = fileName;
    this.scenario = sc.broadcast(bytes);
  }

  /**
   * Joins the active SparkContext or starts one.
   *
   * @param master Spark master URL, or {@code null} for spark-submit's or {@code local[*]}
   * @param appName the application name shown by Spark
   * @param fileName the scenario file's name (problems and syntax on the executors)
   * @param bytes the scenario file's contents
   */
  public static SparkEngine open(String master, String appName, String fileName, byte[] bytes) {
    QuietLogging.install();
    boolean existing = org.apache.spark.SparkEnv.get() != null;
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // results stream to the driver and are merged as they come; Spark's cap on their total would
    // otherwise stop long studies (each result is small, their number grows with the trials)
    conf.setIfMissing("spark.driver.maxResultSize", "0");
    SparkContext context;
    try {
      context = SparkContext.getOrCreate(conf);
    } catch (Exception e) {
      if (String.valueOf(e.getMessage()).contains("Master URL")) {
        throw new IllegalArgumentException(
            MASTER_PROBLEM + "'" + conf.get("spark.master") + "': " + e.getMessage(), e);
      }
      throw e;
    }
    return new SparkEngine(JavaSparkContext.fromSparkContext(context), !existing, fileName, bytes);
  }

  /** Trials per alignment unit: ranges start at multiples of it. */
  static int alignment() {
    return MonteCarlo.batchSize();
  }

  /**
   * Trials per task for a requested size: the smallest batch size x 2^k at least {@code requested}
   * (at most 2^20 batches), so every task covers whole blocks of the merge tree.
   */
  static int alignedSize(long requested) {
    long size = alignment();
    while (size < requested && size < (1L << 20) * alignment()) {
      size *= 2;
    }
    return (int) size;
  }

  /**
   * Splits [from, to) into task ranges of {@link #alignedSize} trials; {@code from} must be a
   * multiple of that size or the whole range must fit one task... in practice {@code from} is 0 or
   * a round boundary (a multiple of 1,000 trials, see MonteCarlo), so ranges start aligned to the
   * task size from trial 0 on: the first range ends at the next multiple of the size.
   */
  static List<int[]> split(int from, int to, int partitionTrials) {
    int size = alignedSize(partitionTrials);
    List<int[]> ranges = new ArrayList<>();
    long first = Math.min(to, ((long) from / size + 1) * size);
    if (from % size != 0) {
      ranges.add(new int[] {from, (int) first});
      from = (int) first;
    }
    for (long lo = from; lo < to; lo += size) {
      ranges.add(new int[] {(int) lo, (int) Math.min(to, lo + size)});
    }
    return ranges;
  }

  /** Default trials per task for {@code trials} trials on {@code cores} cores (aligned). */
  static int defaultPartitionTrials(long trials, int cores) {
    long tasks = (long) Math.max(1, cores) * TASKS_PER_CORE;
    long perTask = (trials + tasks - 1) / tasks;
    return Math.min(alignedSize(perTask), MAX_PARTITION_TRIALS);
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public void run(long seed, int from, int to, Consumer<RangeResult> inTrialOrder) {
    int size =
        sc.getConf().contains(PARTITION_TRIALS)
            ? Integer.parseInt(sc.getConf().get(PARTITION_TRIALS).trim())
            : defaultPartitionTrials(to - from, sc.defaultParallelism());
    List<int[]> ranges = split(from, to, size);
    JavaRDD<int[]> tasks = sc.parallelize(ranges, ranges.size());
    OrderedResults ordered = new OrderedResults(inTrialOrder);
    sc.sc()
        .runJob(
            tasks.rdd(), rangeTask(scenario, fileName, seed), resultHandler(ordered), RESULT_TAG);
    ordered.checkComplete(ranges.size());
  }

  private static final ClassTag<RangeResult> RESULT_TAG =
      ClassTag$.MODULE$.apply(RangeResult.class);

  /** The task: runs the partition's one range (a static method, so nothing else is captured). */
  private static Function1<scala.collection.Iterator<int[]>, RangeResult> rangeTask(
      Broadcast<byte[]> scenario, String fileName, long seed) {
    return (Function1<scala.collection.Iterator<int[]>, RangeResult> & java.io.Serializable)
        it -> {
          int[] range = it.next();
          if (it.hasNext()) {
            throw new IllegalStateException("a partition holds more than one range");
          }
          return Executors.prepared(fileName, scenario.value()).runRange(seed, range[0], range[1]);
        };
  }

  private static Function2<Object, RangeResult, BoxedUnit> resultHandler(OrderedResults ordered) {
    return (index, result) -> {
      ordered.add((Integer) index, result);
      return BoxedUnit.UNIT;
    };
  }

  /** Hands results to the caller in partition order, keeping early ones until their turn. */
  private static final class OrderedResults {
    private final Consumer<RangeResult> sink;
    private final Map<Integer, RangeResult> waiting = new HashMap<>();
    private int next;

    OrderedResults(Consumer<RangeResult> sink) {
      this.sink = sink;
    }

    synchronized void add(int index, RangeResult result) {
      waiting.put(index, result);
      RangeResult r;
      while ((r = waiting.remove(next)) != null) {
        sink.accept(r);
        next++;
      }
    }

    synchronized void checkComplete(int partitions) {
      if (next != partitions || !waiting.isEmpty()) {
        throw new IllegalStateException(
            "Spark returned " + next + " of " + partitions + " partitions in order");
      }
    }
  }

  @Override
  public void close() {
    scenario.destroy();
    if (owned) {
      sc.stop();
    }
  }
}
