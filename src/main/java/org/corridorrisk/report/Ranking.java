package org.corridorrisk.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The first few items of a list in a given order, without sorting the whole list: what the report
 * shows of thousands of assets or sinks is a dozen bars or labels.
 *
 * <p>Design note: the result is exactly the head of a stable sort ({@code List.sort}, {@code
 * Stream.sorted}) by the same comparator, ties included. An item enters the kept head only when it
 * is strictly before the head's last item, and it is placed after every kept item it ties with:
 * items arrive in list order, so among equal items the earlier ones stay first, as in a stable
 * sort. Each item is compared once with the head's last item, and only items that enter are placed
 * by a binary search, so a list of n items costs about n comparisons instead of n log n (the
 * report's code runs once per process, mostly before the JIT compiles it).
 */
final class Ranking {
  private Ranking() {}

  /**
   * The first {@code k} items of {@code items} in the order of a stable sort by {@code order}
   * (fewer when the list is shorter).
   */
  static <T> List<T> first(List<? extends T> items, int k, Comparator<? super T> order) {
    List<T> head = new ArrayList<>(Math.max(0, Math.min(k, items.size())));
    if (k <= 0) {
      return head;
    }
    for (T item : items) {
      int n = head.size();
      if (n == k && order.compare(item, head.get(n - 1)) >= 0) {
        continue; // not strictly before the last kept item: a stable sort puts it after
      }
      // the first kept item strictly after this one; equal ones stay before it
      int lo = 0;
      int hi = n;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (order.compare(item, head.get(mid)) < 0) {
          hi = mid;
        } else {
          lo = mid + 1;
        }
      }
      head.add(lo, item);
      if (head.size() > k) {
        head.remove(k);
      }
    }
    return head;
  }
}
