package org.corridorrisk.sim;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.core.source64.L64X128Mix;

/**
 * Random streams: one Commons RNG {@code L64_X128_MIX} generator per (seed, trial, threat).
 *
 * <p>Design note: the generator's 256-bit state is derived from the seed, the trial index and a
 * 64-bit hash of the threat id through the SplitMix64 finalizer ({@link #mix(long)}), a bijection
 * with full avalanche. So trial k depends only on (seed, k) (any thread count, any batch split),
 * and a threat's draws depend only on its own id: adding, removing or patching another threat or
 * any asset never shifts them (common random numbers for mitigations). Rejected: one stream per
 * trial shared by all threats (a patched rate would shift every later threat's draws) and jumping
 * one master generator k times (cost grows with k).
 */
final class Streams {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private Streams() {}

  /** SplitMix64's finalizer (Steele, Lea and Flood 2014): a bijective 64-bit mixer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A 64-bit hash of a threat id: FNV-1a over its UTF-8 bytes, then mixed. */
  static long threatKey(String threatId) {
    long h = 0xCBF29CE484222325L;
    for (byte b : threatId.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xFF;
      h *= 0x100000001B3L;
    }
    return mix(h);
  }

  /**
   * One keyed uniform in [0, 1): draw {@code index} of {@code asset} in event {@code event} of a
   * threat in a trial. The draws that "Time, damage and repairs" adds (damage state, restoration
   * stages, hazard epicentre, intensity, failure and repair) come from here, never from the
   * threat's sequential stream, so adding them moves no earlier draw, and each depends only on its
   * own key (a counter-based generator: the key is hashed through {@link #mix(long)} rounds).
   *
   * @param asset {@link #threatKey(String)} of {@code "asset:" + id}, or {@link #EVENT} for draws
   *     of the event itself
   */
  static double uniform(long seed, long trial, long threatKey, long event, long asset, int index) {
    long a = mix(seed ^ GOLDEN);
    long b = mix(a + trial * GOLDEN + 1);
    long c = mix(b ^ threatKey);
    long z = mix(c + 0xD1B54A32D192ED03L * (event + 1));
    z = mix(z ^ asset);
    z = mix(z + GOLDEN * (index + 1) + 0x2545F4914F6CDD1DL);
    return (z >>> 11) * 0x1.0p-53;
  }

  /** The asset key of draws that belong to a whole event (hazard epicentre and intensity). */
  static final long EVENT = 0x5DEECE66DL;

  /** The generator of one threat in one trial. */
  static UniformRandomProvider stream(long seed, long trial, long threatKey) {
    long c = streamKey(seed, trial, threatKey);
    return new L64X128Mix(
        new long[] {
          mix(c + GOLDEN), mix(c + 2 * GOLDEN), mix(c + 3 * GOLDEN), mix(c + 4 * GOLDEN)
        });
  }

  private static long streamKey(long seed, long trial, long threatKey) {
    long a = mix(seed ^ GOLDEN);
    long b = mix(a + trial * GOLDEN + 1);
    return mix(b ^ threatKey);
  }

  /** The multiplier of the LCG half of {@code L64_X128_MIX} (Steele and Vigna 2021). */
  private static final long LCG_M = 0xd1342543de82ef95L;

  /** {@link #LCG_M} squared (modulo 2^64): the multiplier of two LCG steps. */
  private static final long LCG_M2 = LCG_M * LCG_M;

  /**
   * The failure draws of an independent threat in one trial, exactly as drawing them from {@link
   * #stream}: for each target position in order, {@code u = nextDouble()}; when {@code u <
   * failProbability} the position fails and {@code nextDouble()} is its repair uniform, otherwise
   * the repair uniform is stepped over ({@code nextLong()}). Writes the failing positions in order
   * to {@code failed} and their repair uniforms to {@code uRepair}, from index {@code at} on (both
   * at least {@code at + targets} long); returns how many failed.
   *
   * <p>Design note: this is Commons RNG's {@code L64X128Mix.next()} (an LCG step, a xoroshiro128
   * step, the lea64 mix of their sum) and {@code nextDouble() = (nextLong() >>> 11) * 0x1.0p-53}
   * with the generator's four state words in locals rather than in an object's fields, and without
   * the mix of the values stepped over (their output is never read; the state advances the same
   * way). Grid scenarios draw two uniforms for each of thousands of lines per trial, so this loop
   * was about a tenth of a trial. {@code IndependentFailureDrawsTest} checks it against the library
   * generator. The decision {@code u < p} is taken on the integer {@code nextLong() >>> 11} against
   * {@link #failThreshold}, the same decision for every draw.
   *
   * <p>Two loops take the same draws. Below {@link #BLOCKS_FROM} (or for fewer than {@link #BLOCK}
   * targets), one target at a time with a branch on "fails" (rarely taken, so well predicted, or
   * taken a few times only). From it on, where that branch would be mispredicted often (at 10%,
   * about once in ten targets, in no pattern), per block of {@link #BLOCK} targets: a first loop
   * steps the stream and sets the bit of each failing target without a branch, keeping each
   * target's xoroshiro word after its first step in {@code scratch}; then each set bit's repair
   * uniform is mixed from that word and the LCG state, which is the block's first state stepped
   * {@code 2j + 1} times ({@link #STEPS_MUL}, {@link #STEPS_ADD}: {@code s -> m^k s + (1 + m + ...
   * + m^(k-1)) a}). Below {@link #BLOCKS_FROM} the plain loop is faster: it stores nothing per
   * target. Both loops stay in this method, which a study calls once per trial: with the block loop
   * in a method of its own, trials ran about a tenth slower for their first several thousand
   * (measured on a p 10% grid member, until C2 compiled this method and inlined the loop here), a
   * loop in this method is compiled from its back branches within the first trials.
   *
   * @param scratch at least {@link #BLOCK} long (the block loop's workspace)
   */
  static int independentFailures(
      long seed,
      long trial,
      long threatKey,
      int targets,
      double failProbability,
      int[] failed,
      double[] uRepair,
      int at,
      long[] scratch) {
    long c = streamKey(seed, trial, threatKey);
    // the state L64X128Mix(long[]) takes from the same four seed words
    long la = mix(c + GOLDEN) | 1L;
    long ls = mix(c + 2 * GOLDEN);
    long x0 = mix(c + 3 * GOLDEN);
    long x1 = mix(c + 4 * GOLDEN);
    long threshold = failThreshold(failProbability);
    // two LCG steps at once (s -> m s + a twice is s -> m^2 s + (m + 1) a, modulo 2^64): the LCG's
    // chain of dependent multiplications is then as long as the xoroshiro step's, not twice
    long la2 = (LCG_M + 1) * la;
    int n = at;
    if (failProbability >= BLOCKS_FROM && targets >= BLOCK) {
      for (int from = 0; from < targets; from += BLOCK) {
        int len = Math.min(BLOCK, targets - from);
        long lsBlock = ls;
        long bits = 0;
        for (int j = 0; j < len; j++) {
          long z = lea64(ls + x0);
          long s1 = x1 ^ x0;
          x0 = Long.rotateLeft(x0, 24) ^ s1 ^ (s1 << 16);
          x1 = Long.rotateLeft(s1, 37);
          scratch[j] = x0;
          // both below 2^53 + 1: the difference is negative exactly when the target fails
          bits |= (((z >>> 11) - threshold) >>> 63) << j;
          ls = LCG_M2 * ls + la2;
          s1 = x1 ^ x0;
          x0 = Long.rotateLeft(x0, 24) ^ s1 ^ (s1 << 16);
          x1 = Long.rotateLeft(s1, 37);
        }
        while (bits != 0) {
          int j = Long.numberOfTrailingZeros(bits);
          bits &= bits - 1;
          long lcg = STEPS_MUL[j] * lsBlock + STEPS_ADD[j] * la;
          failed[n] = from + j;
          uRepair[n++] = (lea64(lcg + scratch[j]) >>> 11) * 0x1.0p-53;
        }
      }
      return n - at;
    }
    for (int pos = 0; pos < targets; pos++) {
      // the failure uniform
      long z = lea64(ls + x0);
      long s1 = x1 ^ x0;
      x0 = Long.rotateLeft(x0, 24) ^ s1 ^ (s1 << 16);
      x1 = Long.rotateLeft(s1, 37);
      // the repair uniform: always a step of the stream; mixed only when read
      if ((z >>> 11) < threshold) {
        failed[n] = pos;
        uRepair[n++] = (lea64(LCG_M * ls + la + x0) >>> 11) * 0x1.0p-53;
      }
      ls = LCG_M2 * ls + la2;
      s1 = x1 ^ x0;
      x0 = Long.rotateLeft(x0, 24) ^ s1 ^ (s1 << 16);
      x1 = Long.rotateLeft(s1, 37);
    }
    return n - at;
  }

  /** The failure probability from which {@link #independentFailures} draws in blocks. */
  static final double BLOCKS_FROM = 0.04;

  /** Targets per block of {@link #independentFailures}: the bits of a {@code long}. */
  static final int BLOCK = 64;

  /** Per j below {@link #BLOCK}: {@code m^(2j+1)} for the LCG multiplier m (modulo 2^64). */
  private static final long[] STEPS_MUL = new long[BLOCK];

  /** Per j below {@link #BLOCK}: {@code 1 + m + ... + m^(2j)} (modulo 2^64). */
  private static final long[] STEPS_ADD = new long[BLOCK];

  static {
    long power = 1; // m^k
    long sum = 0; // 1 + m + ... + m^(k-1)
    int k = 0;
    for (int j = 0; j < BLOCK; j++) {
      for (; k < 2 * j + 1; k++) {
        sum += power;
        power *= LCG_M;
      }
      STEPS_MUL[j] = power;
      STEPS_ADD[j] = sum;
    }
  }

  /**
   * The integer threshold of a failure probability: for every 53-bit {@code k}, {@code k <
   * failThreshold(p)} exactly when the uniform {@code k * 0x1.0p-53 < p}. The uniform is exact, and
   * so is {@code p * 2^53} (a power of two), so the condition is {@code k < p 2^53}, which for an
   * integer k is {@code k < ceil(p 2^53)}; clamped to {@code [0, 2^53]} (NaN: 0, nothing fails).
   */
  static long failThreshold(double p) {
    double t = Math.ceil(p * 0x1.0p53);
    if (!(t > 0)) {
      return 0;
    }
    return t >= 0x1.0p53 ? 1L << 53 : (long) t;
  }

  /** The output mix of the LXM generators (Commons RNG's {@code LXMSupport.lea64}). */
  private static long lea64(long x) {
    x = (x ^ (x >>> 32)) * 0xdaba0b6eb09322e3L;
    x = (x ^ (x >>> 32)) * 0xdaba0b6eb09322e3L;
    return x ^ (x >>> 32);
  }
}
