package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.junit.jupiter.api.Test;

/**
 * {@link DayKey#addBits} packs bits word by word across calls that start and end inside a word:
 * equal sequences give equal keys, a sequence with any one bit flipped does not, also when the key
 * object held a longer sequence before (nothing of it may remain).
 */
class DayKeyBitsTest {

  @Test
  void addBits_keysAreEqualExactlyWhenTheBitSequencesAre() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    DayKey a = new DayKey(400, 4);
    DayKey b = new DayKey(400, 4);
    for (int round = 0; round < 300; round++) {
      int first = rng.nextInt(200);
      int second = rng.nextInt(200);
      boolean[] up = new boolean[first + second];
      for (int i = 0; i < up.length; i++) {
        up[i] = rng.nextBoolean();
      }
      // b first holds a longer all-ones sequence, to show nothing stale survives a restart
      boolean[] ones = new boolean[400];
      java.util.Arrays.fill(ones, true);
      write(b, ones, 400, 0);
      write(a, up, first, second);
      write(b, up, first, second);
      assertTrue(a.sameAs(b), "round " + round);
      if (up.length > 0) {
        int flip = rng.nextInt(up.length);
        up[flip] = !up[flip];
        write(b, up, first, second);
        assertFalse(a.sameAs(b), "round " + round + " flipped bit " + flip);
      }
    }
  }

  /** Writes {@code up[0 .. first + second - 1]} as two addBits calls. */
  private static void write(DayKey key, boolean[] up, int first, int second) {
    key.start(0);
    key.addBits(up, range(0, first));
    key.addBits(up, range(first, first + second));
    key.finish();
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }
}
