package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.stats.MetricAccumulator;
import org.corridorrisk.stats.MetricSummary;
import org.junit.jupiter.api.Test;

/**
 * The sorted values a result shares between its summaries and the report: each column's kept values
 * in {@link Arrays#sort(double[])} order, and summaries bit for bit those of the values alone
 * ({@link MetricSummary#of(double[], int)}, which orders only what it reads), whether computed one
 * by one or all at once in parallel.
 */
class StudyResultSortedValuesTest {

  private static double[] values(UniformRandomProvider rng, int n, int shape) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      double u = rng.nextDouble();
      v[i] =
          switch (shape) {
            case 0 -> u < 0.8 ? 0 : Math.exp(20 * rng.nextDouble()); // mostly no loss, wide tail
            case 1 -> Math.floor(u * 5); // ties
            case 2 -> u < 0.3 ? -0.0 : (u < 0.6 ? 0.0 : u - 0.7); // signed zeros and negatives
            default -> 1 / (1e-9 + u); // heavy tail
          };
    }
    return v;
  }

  private static StudyResult result(double[][] columns) {
    int n = columns[0].length;
    return new StudyResult(
        null,
        null,
        n,
        0,
        columns,
        new double[0][],
        new double[0][],
        new double[0][],
        new double[0][],
        null,
        List.of(),
        List.of());
  }

  @Test
  void sortedValuesAreTheSortedColumn_andSummariesEqualThoseOfTheValues() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(11L);
    for (int n : new int[] {1, 7, 4095, 4096, 50_001}) {
      double[][] columns = new double[4][];
      for (int shape = 0; shape < columns.length; shape++) {
        columns[shape] = values(rng, n, shape);
      }
      double[][] original = new double[columns.length][];
      for (int c = 0; c < columns.length; c++) {
        original[c] = columns[c].clone();
      }
      StudyResult oneByOne = result(columns);
      StudyResult parallel = result(columns);
      parallel.prepareSummaries();
      for (int c = 0; c < columns.length; c++) {
        double[] expected = original[c].clone();
        Arrays.sort(expected);
        assertArrayEquals(expected, oneByOne.sortedValues(c), "n " + n + " column " + c);
        assertArrayEquals(expected, parallel.sortedValues(c), "n " + n + " column " + c);
        assertSame(oneByOne.sortedValues(c), oneByOne.sortedValues(c), "computed once");
        MetricSummary direct =
            MetricSummary.of(MetricAccumulator.ofValues(original[c], n), expected);
        assertEquals(MetricSummary.of(original[c], n), direct, "n " + n + " column " + c);
        assertEquals(direct, oneByOne.summary(c), "n " + n + " column " + c);
        assertEquals(direct, parallel.summary(c), "n " + n + " column " + c);
        // the per-trial arrays keep trial order
        assertArrayEquals(original[c], columns[c]);
      }
    }
  }
}
