package org.corridorrisk.importer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Collects undirected edges, dropping self-loops and repeats (in either direction). */
final class EdgeList {
  private final List<String> ids = new ArrayList<>();
  private int[] from = new int[16];
  private int[] to = new int[16];
  private int size;
  private int selfLoops;
  private int repeats;
  private final Set<Long> seen = new HashSet<>();

  /**
   * Adds edge {@code a}-{@code b} (0-based node indices) with an optional id; returns whether it
   * was kept.
   */
  boolean add(int a, int b, String id) {
    if (a == b) {
      selfLoops++;
      return false;
    }
    long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
    if (!seen.add(key)) {
      repeats++;
      return false;
    }
    if (size == from.length) {
      from = java.util.Arrays.copyOf(from, size * 2);
      to = java.util.Arrays.copyOf(to, size * 2);
    }
    from[size] = a;
    to[size] = b;
    size++;
    ids.add(id);
    return true;
  }

  Topology toTopology(List<String> nodeIds, double[] lat, double[] lon) {
    return new Topology(
        List.copyOf(nodeIds),
        lat,
        lon,
        java.util.Collections.unmodifiableList(new ArrayList<>(ids)),
        java.util.Arrays.copyOf(from, size),
        java.util.Arrays.copyOf(to, size),
        selfLoops,
        repeats);
  }
}
