package org.corridorrisk.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.AbstractList;
import java.util.List;
import org.corridorrisk.sim.StudyResult.SinkStat;
import org.junit.jupiter.api.Test;

/**
 * A result's summary cache is keyed by identity: looking a summary up must not hash the scenario,
 * the sinks or the assets (a record's derived hashCode does, which cost about half a second per run
 * of the 4,941-node power grid).
 */
class StudyResultIdentityTest {

  /** A sink list that refuses to be hashed or compared: the derived record hashCode would. */
  private static final class UnhashableSinks extends AbstractList<SinkStat> {
    @Override
    public SinkStat get(int index) {
      throw new IndexOutOfBoundsException(index);
    }

    @Override
    public int size() {
      return 0;
    }

    @Override
    public int hashCode() {
      throw new AssertionError("the summary cache hashed the sink statistics");
    }

    @Override
    public boolean equals(Object o) {
      throw new AssertionError("the summary cache compared the sink statistics");
    }
  }

  private static StudyResult result(double[] values, List<SinkStat> sinks) {
    return new StudyResult(
        null,
        null,
        values.length,
        0,
        new double[][] {values},
        new double[0][],
        new double[0][],
        new double[0][],
        new double[0][],
        null,
        sinks,
        List.of());
  }

  @Test
  void summaryLookupDoesNotHashTheComponents() {
    StudyResult r = result(new double[] {1, 2, 6}, new UnhashableSinks());
    // mean of 1, 2, 6 = 9 / 3 = 3; computed once, then the same object from the cache
    assertEquals(3.0, r.summary(0).mean(), 1e-12);
    assertSame(r.summary(0), r.summary(0));
  }

  @Test
  void resultsWithTheSameComponentsAreDistinct() {
    double[] v = {1, 2, 6};
    List<SinkStat> sinks = List.of();
    StudyResult a = result(v, sinks);
    StudyResult b = result(v, sinks);
    assertNotEquals(a, b);
    assertEquals(a, a);
    assertNotSame(a.summary(0), b.summary(0));
    assertEquals(a.summary(0).mean(), b.summary(0).mean(), 0);
  }
}
