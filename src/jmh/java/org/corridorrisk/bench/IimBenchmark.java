package org.corridorrisk.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.corridorrisk.impact.Iim;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One economy fixed point ({@link Iim#leastFixedPoint}) against the plain one-row-at-a-time loop it
 * replaced, on a dense interdependency matrix with every off-diagonal entry {@code 0.5 / S} (as
 * {@code docs/scenario-variants.py --economy S} writes it) and 64 seeded direct-inoperability
 * vectors, each with a few sectors hit. Both give bitwise the same result ({@code IimTest}). Run:
 * {@code ./mvnw -o -q test-compile exec:exec -Dexec.executable=java -Dexec.args="-cp %classpath
 * org.openjdk.jmh.Main IimBenchmark -f 1 -wi 2 -i 3"}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IimBenchmark {
  @Param({"5", "50", "200"})
  public int sectors;

  private double[][] a;
  private double[][] cStars;
  private double[] q;
  private double[] scratch;
  private int next;

  @Setup
  public void setUp() {
    int n = sectors;
    a = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        a[i][j] = i == j ? 0 : 0.5 / n;
      }
    }
    SplittableRandom random = new SplittableRandom(12);
    cStars = new double[64][n];
    for (double[] c : cStars) {
      for (int k = 0; k < 1 + n / 10; k++) {
        c[random.nextInt(n)] = random.nextDouble();
      }
    }
    q = new double[n];
    scratch = new double[n];
  }

  @Benchmark
  public double fourRows() {
    double[] c = cStars[next++ & 63];
    Iim.leastFixedPoint(a, c, q, scratch);
    return q[0];
  }

  @Benchmark
  public double plainLoop() {
    double[] c = cStars[next++ & 63];
    int n = c.length;
    System.arraycopy(c, 0, q, 0, n);
    for (int iter = 0; iter < 1_000_000; iter++) {
      double change = 0;
      for (int i = 0; i < n; i++) {
        double s = c[i];
        double[] row = a[i];
        for (int j = 0; j < n; j++) {
          s += row[j] * q[j];
        }
        double v = Math.min(1.0, s);
        change = Math.max(change, Math.abs(v - q[i]));
        scratch[i] = v;
      }
      System.arraycopy(scratch, 0, q, 0, n);
      if (change < Iim.TOLERANCE) {
        break;
      }
    }
    return q[0];
  }
}
