package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link DayKey} holds the entries that differ from the nominal day: keys are equal exactly when
 * the flags and rates are (any one flag flipped or rate changed gives another key, also in another
 * section at the same index), a key object that held a longer sequence before keeps nothing of it,
 * and reading indices as a range or through an index array gives the same key.
 */
class DayKeyTest {

  @Test
  void keysAreEqualExactlyWhenTheFlagsAndRatesAre() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    int n = 150;
    DayKey a = new DayKey(6 * n);
    DayKey b = new DayKey(6 * n);
    double[] nominal = new double[n];
    for (int i = 0; i < n; i++) {
      nominal[i] = rng.nextDouble() * 10;
    }
    for (int round = 0; round < 300; round++) {
      // a sparse or a dense pattern of down flags and changed rates
      double pDown = round % 2 == 0 ? 0.02 : 0.5;
      boolean[] up = new boolean[n];
      boolean[] up2 = new boolean[n];
      double[] rate = nominal.clone();
      for (int i = 0; i < n; i++) {
        up[i] = rng.nextDouble() >= pDown;
        up2[i] = rng.nextDouble() >= pDown;
        if (rng.nextDouble() < pDown) {
          rate[i] = rng.nextDouble() * 10;
        }
      }
      // b first holds a longer sequence (everything down and changed), so that nothing stale
      // may survive a restart
      write(b, new boolean[n], new boolean[n], new double[n], nominal, true);
      write(a, up, up2, rate, nominal, true);
      write(b, up, up2, rate, nominal, false);
      assertTrue(a.sameAs(b), "round " + round);
      assertEquals(a.hash(), b.hash());
      DayKey copy = new DayKey(a);
      copy.copyFrom(a);
      assertTrue(copy.sameAs(a), "round " + round + ": a copy equals its original");
      int i = rng.nextInt(n);
      switch (round % 4) {
        case 0 -> up[i] = !up[i];
        case 1 -> up2[i] = !up2[i];
        case 2 -> rate[i] = Math.nextUp(rate[i]);
        default -> {
          // the same entry down in the other flag section instead
          if (up[i] == up2[i]) {
            up[i] = !up[i];
            up2[i] = !up2[i];
          } else {
            boolean t = up[i];
            up[i] = up2[i];
            up2[i] = t;
          }
        }
      }
      write(b, up, up2, rate, nominal, round % 3 == 0);
      assertFalse(a.sameAs(b), "round " + round + " changed entry " + i);
    }
  }

  @Test
  void aKeyOfTheNominalDayIsEmpty() {
    double[] nominal = {1, 2, 3};
    boolean[] up = {true, true, true};
    DayKey k = new DayKey(20);
    write(k, up, up, nominal.clone(), nominal, true);
    assertEquals(0, k.length());
    // -0.0 and 0.0 are different rates to the key (bitwise), as to the old key
    double[] zero = {0.0, 0.0, 0.0};
    double[] negZero = {0.0, -0.0, 0.0};
    write(k, up, up, negZero, zero, false);
    assertEquals(2, k.length());
  }

  /**
   * Writes two flag sections and one rate section, as ranges ({@code asRange}) or through index
   * arrays.
   */
  private static void write(
      DayKey key, boolean[] up, boolean[] up2, double[] rate, double[] nominal, boolean asRange) {
    int n = up.length;
    key.start(0);
    if (asRange) {
      key.addDown(0, up, 0, n);
      key.addDown(1, up2, 0, n);
      key.addChanged(2, rate, nominal, 0, n);
    } else {
      key.addDown(0, up, range(n));
      key.addDown(1, up2, range(n));
      key.addChanged(2, rate, nominal, range(n));
    }
    key.finish();
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
