package org.corridorrisk.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Ranking#first} must give the head of a stable sort by the same comparator, the very same
 * objects in the same order, ties in list order included.
 */
class RankingTest {
  /** An item whose key ties often; {@code seq} tells equal keys apart by list position. */
  private record Item(double key, int seq) {}

  private static final Comparator<Item> LARGEST_FIRST =
      Comparator.comparingDouble(Item::key).reversed();

  @Test
  void first_isTheHeadOfAStableSort_onRandomListsWithManyTies() {
    Random random = new Random(10); // test data only
    double[] keys = {0, -0.0, 1, 2, 2.5, Double.NaN, Double.POSITIVE_INFINITY, -1};
    int ties = 0;
    for (int round = 0; round < 2_000; round++) {
      int n = random.nextInt(80);
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        items.add(new Item(keys[random.nextInt(1 + random.nextInt(keys.length))], i));
      }
      int k = random.nextInt(n + 3);
      Comparator<Item> order =
          round % 2 == 0 ? LARGEST_FIRST : Comparator.comparingDouble(Item::key);
      List<Item> sorted = new ArrayList<>(items);
      sorted.sort(order);
      List<Item> expected = sorted.subList(0, Math.min(k, n));
      List<Item> got = Ranking.first(items, k, order);
      assertEquals(expected.size(), got.size(), "round " + round);
      for (int i = 0; i < got.size(); i++) {
        assertSame(expected.get(i), got.get(i), "round " + round + ", position " + i);
      }
      for (int i = 1; i < got.size(); i++) {
        if (order.compare(got.get(i - 1), got.get(i)) == 0) {
          ties++;
        }
      }
    }
    assertTrue(ties > 1_000, "the random lists must have ties inside the head, had " + ties);
  }

  @Test
  void first_ofNothingOrNone_isEmpty() {
    List<Item> items = List.of(new Item(1, 0), new Item(2, 1));
    assertEquals(List.of(), Ranking.first(items, 0, LARGEST_FIRST));
    assertEquals(List.of(), Ranking.first(List.<Item>of(), 5, LARGEST_FIRST));
    // 2 before 1 largest first: hand-checked
    assertEquals(List.of(items.get(1), items.get(0)), Ranking.first(items, 5, LARGEST_FIRST));
  }
}
