package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.corridorrisk.impact.Metric;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.report.SummaryJson;
import org.corridorrisk.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

class StopAndContinueTest {
  private static Scenario example() throws Exception {
    return ScenarioLoader.load(Path.of("scenarios/southern-gas-corridor.yaml")).baseline();
  }

  @Test
  void aStoppedStudyEqualsAStudyOfTheTrialsItFinished() throws Exception {
    Scenario s = example();
    AtomicLong seen = new AtomicLong();
    RunOptions stopping =
        new RunOptions(
            5_000,
            7,
            2,
            Double.NaN,
            (done, planned) -> seen.set(done),
            0,
            null,
            () -> seen.get() >= 1_234);
    StudyResult stopped = MonteCarlo.run(s, stopping);
    assertTrue(stopped.interrupted());
    long n = stopped.trials();
    assertTrue(n >= 1_234 && n < 5_000 && n % MonteCarlo.BATCH == 0, "prefix of batches: " + n);
    StudyResult plain = MonteCarlo.run(s, RunOptions.of(n, 7, 1));
    String a = SummaryJson.toJson(stopped).replace("  \"interrupted\" : true,\n", "");
    assertEquals(SummaryJson.toJson(plain), a);
  }

  @Test
  void summariesAreIdenticalForAnyThreadCountAndFromKeptValues() throws Exception {
    Scenario s = example();
    StudyResult one = MonteCarlo.run(s, RunOptions.of(3_333, 3, 1));
    StudyResult three = MonteCarlo.run(s, RunOptions.of(3_333, 3, 3));
    assertEquals(SummaryJson.toJson(one), SummaryJson.toJson(three));
    for (int c = 0; c < one.columns().length; c++) {
      assertTrue(one.columns()[c].sameAs(three.columns()[c]), "column " + c);
    }
    // the engine's accumulators equal those computed afresh from the kept per-trial values; a
    // study that keeps every trial's values takes its percentiles from them, so its accumulators
    // keep no sketch
    double[][] values = one.columnValues();
    for (int c = 0; c < values.length; c++) {
      assertFalse(one.columns()[c].hasSketch(), "column " + c);
      assertTrue(
          one.columns()[c].sameAs(
              org.corridorrisk.stats.MetricAccumulator.ofValues(
                  values[c], one.keptTrials(), false)),
          "column " + c);
    }
  }

  @Test
  void aStudyThatMayRunMoreTrialsThanItKeepsKeepsSketchesEqualToThoseOfItsValues()
      throws Exception {
    // a partition of a study planned beyond the exact limit: its accumulators must keep the
    // percentile sketch (the summary of such a study reads percentiles from it), and the sketch
    // must be the one of the partition's per-trial values
    Scenario s = example();
    long planned = MonteCarlo.EXACT_LIMIT + 1;
    int n = 1_250;
    MonteCarlo.Partition p = MonteCarlo.runPartition(s, RunOptions.of(planned, 5, 1), 0, n);
    org.corridorrisk.stats.BatchTree<BatchStats> tree =
        new org.corridorrisk.stats.BatchTree<>(BatchStats::merge);
    for (org.corridorrisk.stats.BatchTree.Block<BatchStats> b : p.blocks()) {
      tree.push(b.value(), b.size());
    }
    BatchStats total = tree.total();
    assertEquals(n, total.trials());
    for (int c = 0; c < p.kept().length; c++) {
      assertTrue(total.column(c).hasSketch(), "column " + c);
      assertTrue(
          total
              .column(c)
              .sameAs(org.corridorrisk.stats.MetricAccumulator.ofValues(p.kept()[c], n, true)),
          "column " + c);
    }
  }

  @Test
  void continuationDoublesWhileFewTrialsCarryTheMean() {
    // the coverage scenario: about 1 trial in 1,000 has a loss, so 10,000 trials give about 10
    Scenario s = CoverageTest.scenario();
    RunOptions auto =
        new RunOptions(
            MonteCarlo.DEFAULT_TRIALS,
            1,
            2,
            Double.NaN,
            null,
            MonteCarlo.DEFAULT_MAX_TRIALS,
            null,
            null);
    StudyResult r = MonteCarlo.run(s, auto);
    long n = r.trials();
    // a doubling of 10,000 (10k, 20k, 40k, ...)
    assertEquals(0, Long.bitCount(n / MonteCarlo.DEFAULT_TRIALS) - 1, "doubling: " + n);
    assertTrue(n > MonteCarlo.DEFAULT_TRIALS, "continued: " + n);
    assertFalse(MonteCarlo.needsMoreTrials(r.columns(), true), "stopped once enough trials");
    // and the stage before did need more
    StudyResult before = MonteCarlo.run(s, RunOptions.of(n / 2, 1, 2));
    assertTrue(MonteCarlo.needsMoreTrials(before.columns(), true));
    assertTrue(r.summary(Metric.UNSERVED_FRACTION).effectiveTrials() >= 30);
    // the same as a plain run of that many trials
    assertEquals(
        SummaryJson.toJson(MonteCarlo.run(s, RunOptions.of(n, 1, 1))), SummaryJson.toJson(r));
  }

  @Test
  void continuationGoesOnWhileNoTrialHadALoss_onlyWhenTheScenarioHasThreats() {
    // the coverage scenario's pipe, but a failure 1,000 times rarer: no loss in the first stages
    Scenario rare = CoverageTest.scenario(1e-6);
    RunOptions upTo40k =
        new RunOptions(MonteCarlo.DEFAULT_TRIALS, 1, 2, Double.NaN, null, 40_000, null, null);
    StudyResult r = MonteCarlo.run(rare, upTo40k);
    assertEquals(0, r.summary(Metric.ECONOMIC_LOSS).trialsWithLoss());
    assertEquals(40_000, r.trials(), "10,000 -> 20,000 -> 40,000 while nothing was seen");
    assertTrue(SummaryJson.noLossNote(r).startsWith("no trial of 40,000 had a loss"));
    // without threats every trial is the undisturbed run: no reason to go on, nothing to note
    Scenario calm =
        Build.horizon(120)
            .source("src", 1)
            .sink("city", 1)
            .link(org.corridorrisk.model.Link.of("pipe", "src", "city", "gas", 1))
            .scenario();
    StudyResult c = MonteCarlo.run(calm, upTo40k);
    assertEquals(MonteCarlo.DEFAULT_TRIALS, c.trials());
    assertEquals(null, SummaryJson.noLossNote(c));
  }

  @Test
  void partitionsRunApartAndAssembledInOrderGiveTheSameStudyBitForBit() throws Exception {
    Scenario s = example();
    RunOptions o = RunOptions.of(2_050, 11, 2);
    java.util.List<MonteCarlo.Partition> parts = new java.util.ArrayList<>();
    for (long from = 0; from < 2_050; from += 800) {
      MonteCarlo.Partition p = MonteCarlo.runPartition(s, o, from, Math.min(2_050, from + 800));
      // ship it as Spark would: Java serialization
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
        out.writeObject(p);
      }
      try (java.io.ObjectInputStream in =
          new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
        parts.add((MonteCarlo.Partition) in.readObject());
      }
    }
    StudyResult assembled = MonteCarlo.assemble(s, o, parts, 0);
    StudyResult local = MonteCarlo.run(s, o);
    assertEquals(SummaryJson.toJson(local), SummaryJson.toJson(assembled));
    assertTrue(java.util.Arrays.deepEquals(local.columnValues(), assembled.columnValues()));
    assertTrue(java.util.Arrays.deepEquals(local.daily().p95(), assembled.daily().p95()));
    assertEquals(local.sinks(), assembled.sinks());
  }
}
