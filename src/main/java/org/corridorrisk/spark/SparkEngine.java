package org.corridorrisk.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.JavaSparkStatusTracker;
import org.apache.spark.broadcast.Broadcast;
import org.corridorrisk.sim.EngineSetupException;
import org.corridorrisk.sim.MonteCarlo;
import org.corridorrisk.sim.ShutdownInProgressException;
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
  /**
   * Spark setting overriding the trials per task ({@code --conf}, or a local property of the
   * calling thread, which wins).
   */
  public static final String PARTITION_TRIALS = "spark.corridorrisk.partitionTrials";

  /** Tasks per core per round aimed at by the default partition size. */
  static final int TASKS_PER_CORE = 4;

  /**
   * Most trials in one task by default: 1,024 batches (102,400 trials; 2 s of one core at the
   * southern gas corridor's 18 us per trial, 100 s at the power grid's 1 ms).
   */
  static final long MAX_PARTITION_TRIALS = 1024L * MonteCarlo.BATCH;

  /** Start of the message of an unusable {@code --master} (the command line maps it to exit 2). */
  public static final String MASTER_PROBLEM = "--master: Spark cannot use ";

  private final JavaSparkContext sc;
  private final boolean owned;
  private final Broadcast<byte[]> scenario;
  private final String fileName;

  /** The mitigations the tasks apply to the shipped file (empty: its baseline). */
  private final List<String> mitigations;

  /** Whether {@link #close()} frees the context (if {@link #owned}) and the broadcast file. */
  private final boolean closes;

  private SparkEngine(JavaSparkContext sc, boolean owned, String fileName, byte[] bytes) {
    this(sc, owned, fileName, sc.broadcast(bytes), List.of(), true);
  }

  private SparkEngine(
      JavaSparkContext sc,
      boolean owned,
      String fileName,
      Broadcast<byte[]> scenario,
      List<String> mitigations,
      boolean closes) {
    this.sc = sc;
    this.owned = owned;
    this.fileName = fileName;
    this.scenario = scenario;
    this.mitigations = List.copyOf(mitigations);
    this.closes = closes;
  }

  /**
   * The same context and shipped file, with tasks that run the scenario with {@code mitigationIds}
   * applied (compare's variants); closing the view frees nothing.
   */
  @Override
  public SparkEngine withMitigations(List<String> mitigationIds) {
    return new SparkEngine(sc, false, fileName, scenario, mitigationIds, false);
  }

  /**
   * Points Log4j at the quiet configuration (errors only, on stderr) unless the user named one. The
   * command calls it before it reads the scenario: Log4j configures itself once, when first used,
   * and the reader's background warm-up may use it long before {@link #open}; Spark's errors would
   * then go to stdout with their stack traces.
   */
  public static void quietLogging() {
    QuietLogging.install();
  }

  /**
   * As {@link #quietLogging()}, or with {@code debug} (the command's {@code --debug}) Spark's
   * warnings and errors with their stack traces. The first call decides: Log4j configures itself
   * once.
   */
  public static void logging(boolean debug) {
    QuietLogging.install(debug);
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
    quietLogging();
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
    shipApplicationJar(conf, SparkEngine.class.getProtectionDomain().getCodeSource());
    conf.setIfMissing("spark.ui.showConsoleProgress", "false");
    // results stream to the driver and are merged as they come; Spark's cap on their total would
    // otherwise stop long studies (each result is small, their number grows with the trials)
    conf.setIfMissing("spark.driver.maxResultSize", "0");
    // results up to this size go to the driver with the task's status, not through the block
    // manager (the first trials' kept values make a task's result a few MB)
    conf.setIfMissing("spark.task.maxDirectResultSize", "64m");
    if (conf.contains(PARTITION_TRIALS)) {
      partitionTrials(conf.get(PARTITION_TRIALS)); // a bad value stops the study before it starts
    }
    SparkContext context;
    try {
      context = SparkContext.getOrCreate(conf);
    } catch (Exception e) {
      if (ShutdownInProgressException.jvmShuttingDown()) {
        throw new ShutdownInProgressException(e); // Ctrl-C while the context started: not --master
      }
      // a context that cannot start is a master or setting the user gave (an unparsable URL,
      // local[0], ...): said in one line, without Spark's stack trace
      throw new EngineSetupException(
          MASTER_PROBLEM + "'" + conf.get("spark.master") + "': " + firstLine(e), e);
    }
    return new SparkEngine(JavaSparkContext.fromSparkContext(context), !existing, fileName, bytes);
  }

  /**
   * On a cluster master ({@code ./corridor-risk ... --master spark://...}), names the jar this
   * class came from in {@code spark.jars}, so that the executors load the tasks' classes from it:
   * without it they failed with {@code ClassNotFoundException:
   * org.corridorrisk.sim.MonteCarlo$PartitionRequest}. spark-submit sets {@code spark.jars} itself
   * (its application jar), which is kept; a local master shares the driver's class path; classes
   * from a directory (tests) cannot be shipped.
   */
  static void shipApplicationJar(SparkConf conf, java.security.CodeSource source) {
    if (conf.get("spark.master", "local").startsWith("local")
        || conf.contains("spark.jars")
        || source == null
        || source.getLocation() == null) {
      return;
    }
    try {
      java.nio.file.Path jar = java.nio.file.Path.of(source.getLocation().toURI());
      if (java.nio.file.Files.isRegularFile(jar)) {
        conf.set("spark.jars", jar.toString());
      }
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      // not a file: nothing to ship
    }
  }

  /** Trials per alignment unit: ranges start at multiples of it. */
  static int alignment() {
    return MonteCarlo.BATCH;
  }

  /**
   * Trials per task for a requested size: the smallest batch size x 2^k at least {@code requested}
   * (at most 2^20 batches), so every task covers whole blocks of the merge tree.
   */
  static long alignedSize(long requested) {
    long size = alignment();
    while (size < requested && size < (1L << 20) * alignment()) {
      size *= 2;
    }
    return size;
  }

  /**
   * Splits [from, to) ({@code from} a multiple of the batch size) into task ranges for the merge
   * tree ({@link org.corridorrisk.stats.BatchTree}): a task starting at batch b spans at most
   * {@code 2^j} batches where {@code 2^j} divides b, and at most {@code partitionTrials} (rounded
   * up to 100 x 2^k). From batch 0 or any aligned start that gives equal tasks of the full size; a
   * stage that starts mid-way (e.g. at 1,000 trials, batch 10) first takes pieces of 2, 4, ...
   * batches until it is aligned.
   */
  static List<long[]> split(long from, long to, long partitionTrials) {
    long maxBatches = alignedSize(partitionTrials) / alignment();
    List<long[]> ranges = new ArrayList<>();
    long pos = from;
    while (pos < to) {
      long b = pos / alignment();
      long batches = b == 0 ? maxBatches : Math.min(maxBatches, Long.lowestOneBit(b));
      long end = Math.min(to, pos + batches * alignment());
      ranges.add(new long[] {pos, end});
      pos = end;
    }
    return ranges;
  }

  /** Default trials per task for {@code trials} trials on {@code cores} cores (aligned). */
  static long defaultPartitionTrials(long trials, int cores) {
    long tasks = (long) Math.max(1, cores) * TASKS_PER_CORE;
    long perTask = (trials + tasks - 1) / tasks;
    return Math.min(alignedSize(perTask), MAX_PARTITION_TRIALS);
  }

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public void run(
      MonteCarlo.PartitionRequest request,
      Predicate<MonteCarlo.Partition> sink,
      BooleanSupplier stop) {
    try {
      runJobs(request, sink, stop);
    } catch (Exception e) { // Spark's SparkException is checked, though Scala declares none
      if (!sc.sc().isStopped() || stop.getAsBoolean()) {
        throw e;
      }
      if (ShutdownInProgressException.jvmShuttingDown()) {
        // Ctrl-C or a signal in a command without its own handler (compare): Spark's shutdown
        // hook stopped the context; the master is not to blame
        throw new ShutdownInProgressException(e);
      }
      // e.g. "All masters are unresponsive": Spark gave up on the master and stopped the context
      throw new EngineSetupException(
          "Spark stopped the application before its trials ran (master '"
              + sc.getConf().get("spark.master", "?")
              + "'): check that the master is reachable and accepts applications (--debug shows"
              + " Spark's error)",
          e);
    }
  }

  private void runJobs(
      MonteCarlo.PartitionRequest request,
      Predicate<MonteCarlo.Partition> sink,
      BooleanSupplier stop) {
    String setting = sc.getLocalProperty(PARTITION_TRIALS);
    if (setting == null && sc.getConf().contains(PARTITION_TRIALS)) {
      setting = sc.getConf().get(PARTITION_TRIALS);
    }
    long size =
        setting != null
            ? partitionTrials(setting)
            : defaultPartitionTrials(request.to() - request.from(), sc.defaultParallelism());
    List<MonteCarlo.PartitionRequest> tasks = new ArrayList<>();
    for (long[] r : split(request.from(), request.to(), size)) {
      tasks.add(request.range(r[0], r[1]));
    }
    String group = "corridor-risk-" + JOBS.incrementAndGet();
    sc.setJobGroup(group, "trials " + request.from() + ".." + request.to(), false);
    // also a job not yet submitted when the stop comes (the group is this job's alone)
    OrderedResults ordered =
        new OrderedResults(
            sink, () -> sc.sc().cancelJobGroupAndFutureJobs(group, "the study was stopped"));
    Thread stopWatch = watchStop(stop, group, ordered);
    try {
      sc.sc()
          .runJob(
              sc.parallelize(tasks, tasks.size()).rdd(),
              partitionTask(scenario, fileName, mitigations),
              resultHandler(ordered),
              RESULT_TAG);
    } catch (Exception e) { // a cancelled job ends in a (checked) SparkException
      if (ordered.stopped() || stop.getAsBoolean()) {
        return; // cancelled on purpose, or Ctrl-C shut Spark down: the prefix handed on stands
      }
      throw e;
    } finally {
      stopWatch.interrupt();
      sc.clearJobGroup();
    }
    if (!ordered.stopped()) {
      ordered.checkComplete(tasks.size());
    }
  }

  /** How often a running job checks whether the study was asked to stop (Ctrl-C), in ms. */
  static final long STOP_POLL_MILLIS = 100;

  /**
   * Once {@code stop} says so (Ctrl-C), cancels the job as soon as none of its tasks is running:
   * tasks under way finish as the local engine's batches do (the first result in trial order then
   * ends the job through the sink), but a job without a running task, e.g. on a cluster that cannot
   * start its executors, or between its tasks, would otherwise wait for a result that never comes.
   * The results already handed on stand (a prefix of the trials). Interrupt the thread when the job
   * is over.
   */
  private Thread watchStop(BooleanSupplier stop, String group, OrderedResults ordered) {
    Thread watch =
        new Thread(
            () -> {
              try {
                while (!stop.getAsBoolean() || tasksRunning(group)) {
                  Thread.sleep(STOP_POLL_MILLIS);
                }
                ordered.stop();
              } catch (InterruptedException e) {
                // the job is over
              }
            },
            "corridor-risk-stop-watch");
    watch.setDaemon(true);
    watch.start();
    return watch;
  }

  /** Whether a task of the job group {@code group} is running now (Spark's status tracker). */
  private boolean tasksRunning(String group) {
    JavaSparkStatusTracker status = sc.statusTracker();
    for (int job : status.getJobIdsForGroup(group)) {
      SparkJobInfo info = status.getJobInfo(job);
      if (info == null) {
        continue;
      }
      for (int stage : info.stageIds()) {
        SparkStageInfo stageInfo = status.getStageInfo(stage);
        if (stageInfo != null && stageInfo.numActiveTasks() > 0) {
          return true;
        }
      }
    }
    return false;
  }

  /** The value of {@value #PARTITION_TRIALS}: a whole number of trials, at least 1. */
  static long partitionTrials(String setting) {
    try {
      long v = Long.parseLong(setting.trim());
      if (v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new EngineSetupException(
        PARTITION_TRIALS + " must be a whole number of trials >= 1, was '" + setting + "'");
  }

  private static String firstLine(Throwable e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static final AtomicLong JOBS = new AtomicLong();

  private static final ClassTag<byte[]> RESULT_TAG = ClassTag$.MODULE$.apply(byte[].class);

  /** The task: runs the partition's one range (a static method, so nothing else is captured). */
  private static Function1<scala.collection.Iterator<MonteCarlo.PartitionRequest>, byte[]>
      partitionTask(Broadcast<byte[]> scenario, String fileName, List<String> mitigations) {
    return (Function1<scala.collection.Iterator<MonteCarlo.PartitionRequest>, byte[]>
            & java.io.Serializable)
        it -> {
          MonteCarlo.PartitionRequest r = it.next();
          if (it.hasNext()) {
            throw new IllegalStateException("a Spark partition holds more than one trial range");
          }
          return TaskResults.encode(
              MonteCarlo.runPartition(
                  Executors.prepared(fileName, scenario.value(), mitigations), r));
        };
  }

  private static Function2<Object, byte[], BoxedUnit> resultHandler(OrderedResults ordered) {
    return (index, result) -> {
      ordered.add((Integer) index, TaskResults.decode(result));
      return BoxedUnit.UNIT;
    };
  }

  /**
   * Hands results to the sink in partition order, keeping early ones until their turn; once the
   * sink says stop, drops the rest and cancels the job.
   */
  private static final class OrderedResults {
    private final Predicate<MonteCarlo.Partition> sink;
    private final Runnable cancel;
    private final Map<Integer, MonteCarlo.Partition> waiting = new HashMap<>();
    private int next;
    private boolean stopped;

    OrderedResults(Predicate<MonteCarlo.Partition> sink, Runnable cancel) {
      this.sink = sink;
      this.cancel = cancel;
    }

    synchronized void add(int index, MonteCarlo.Partition result) {
      if (stopped) {
        return;
      }
      waiting.put(index, result);
      MonteCarlo.Partition r;
      while ((r = waiting.remove(next)) != null) {
        next++;
        if (!sink.test(r)) {
          stopped = true;
          waiting.clear();
          cancel.run();
          return;
        }
      }
    }

    /** Drops what is waiting and cancels the job, unless it was stopped already. */
    synchronized void stop() {
      if (!stopped) {
        stopped = true;
        waiting.clear();
        cancel.run();
      }
    }

    synchronized boolean stopped() {
      return stopped;
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
    if (!closes) {
      return; // a view of another engine (withMitigations): that engine frees what they share
    }
    try {
      scenario.destroy();
    } catch (RuntimeException e) {
      // the context is already stopped (Ctrl-C): nothing left to free
    }
    if (owned) {
      sc.stop();
    }
  }
}
