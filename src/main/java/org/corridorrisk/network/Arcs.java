package org.corridorrisk.network;

/**
 * Topology of a directed graph in compressed sparse rows: the arcs leaving node {@code v} are
 * {@code start[v] .. start[v + 1] - 1}; arc {@code a} goes to {@code head[a]} and {@code rev[a]} is
 * its paired residual arc. Shared by the compiled {@link FlowGraph} (immutable after compiling) and
 * the fast path's small contracted graph (refilled per solve by its owner).
 */
final class Arcs {
  final int[] start;
  final int[] head;
  final int[] rev;

  Arcs(int[] start, int[] head, int[] rev) {
    this.start = start;
    this.head = head;
    this.rev = rev;
  }

  /** Number of arc slots. */
  int size() {
    return head.length;
  }
}
