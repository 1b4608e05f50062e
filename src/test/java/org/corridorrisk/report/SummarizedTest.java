package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.corridorrisk.report.ReportFacts.Summarized;
import org.junit.jupiter.api.Test;

/**
 * A series summarized from its sorted values against the definitions applied to the values in trial
 * order: negligible level, share of trials with a loss above it, and the cleaned values (negligible
 * positive ones set to 0) as a multiset, in ascending order.
 */
class SummarizedTest {

  @Test
  void fromSortedValues_matchesTheDefinitionsOnTheValuesInTrialOrder() {
    UniformRandomProvider rng = RandomSource.L64_X128_MIX.create(3L);
    int cleanedSome = 0;
    for (int round = 0; round < 400; round++) {
      int n = 1 + rng.nextInt(round < 200 ? 20 : 3000);
      double[] v = new double[n];
      double scale = Math.exp(30 * rng.nextDouble() - 10);
      for (int i = 0; i < n; i++) {
        double u = rng.nextDouble();
        v[i] =
            switch (rng.nextInt(6)) {
              case 0 -> 0.0;
              case 1 -> -0.0;
              case 2 -> scale * 1e-12 * u; // floating-point residuals: negligible
              case 3 -> round % 3 == 0 ? -scale * u : scale * u;
              case 4 -> scale * 1e-9 * (0.5 + u); // around the negligible level
              default -> scale * u;
            };
      }
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      Summarized s = Summarized.of(sorted, null);
      // the definitions, on the values in trial order
      double largest = Math.max(Math.abs(sorted[0]), Math.abs(sorted[n - 1]));
      double negligible = largest * ReportFacts.NEGLIGIBLE_SHARE_OF_MAX;
      int noLoss = 0;
      double[] cleaned = v.clone();
      for (int i = 0; i < n; i++) {
        if (v[i] <= negligible) {
          noLoss++;
        }
        if (cleaned[i] > 0 && cleaned[i] <= negligible) {
          cleaned[i] = 0;
        }
      }
      Arrays.sort(cleaned);
      if (!Arrays.equals(cleaned, sorted)) {
        cleanedSome++;
      }
      assertEquals(negligible, s.negligible(), "round " + round);
      assertEquals((double) (n - noLoss) / n, s.shareNonZero(), "round " + round);
      assertArrayEquals(cleaned, s.cleaned(), "round " + round);
      assertSame(sorted, s.sorted());
      for (double p : new double[] {0, 0.01, 0.5, 0.9, 0.99, 1}) {
        int rank = (int) Math.ceil(p * n - 1e-9);
        assertEquals(sorted[Math.max(0, Math.min(n, rank) - 1)], s.quantile(p));
      }
    }
    // the rounds must exercise the cleaning
    org.junit.jupiter.api.Assertions.assertTrue(cleanedSome > 50, "cleaned in " + cleanedSome);
  }
}
