package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The greedy start of the daily max-flow: one round adds a feasible flow along search trees from
 * the source side, in time linear in the arcs it scans. Not always maximal ({@link #provedMaximal}
 * says when it is); {@link StagedMaxFlow} runs a few rounds before the exact phase. Each call of
 * {@link #augment} is one round; {@code limit} is ignored (a round never overshoots a maximum).
 */
final class GreedyStart implements AugmentingMaxFlow {
  private final Arcs g;
  private final Residuals r;
  private final int[] seen;
  private final int[] owner;
  private final int[] requested;
  private final int[] deliverArc;
  private final int[] arcUsed;
  private final double[] budget;
  // Entries of the greedy trees (a node may appear in several trees, once per tree).
  private final int[] entArc;
  private final int[] entParent;
  private final int[] entRoot;
  private final double[] entWant;
  private final double[] entLoad;
  private final double[] entLeft;
  private int stamp;
  private boolean provedMaximal;

  GreedyStart(Arcs g, Residuals r, int nodes) {
    this.g = g;
    this.r = r;
    int arcs = g.size();
    seen = new int[nodes];
    owner = new int[nodes];
    requested = new int[nodes];
    deliverArc = new int[nodes];
    arcUsed = new int[arcs];
    budget = new double[nodes];
    int entryCapacity = arcs + nodes;
    entArc = new int[entryCapacity];
    entParent = new int[entryCapacity];
    entRoot = new int[entryCapacity];
    entWant = new double[entryCapacity];
    entLoad = new double[entryCapacity];
    entLeft = new double[entryCapacity];
  }

  /** Whether the flow after the last round is provably maximal. */
  boolean provedMaximal() {
    return provedMaximal;
  }

  /**
   * One round of the greedy start: adds a feasible flow from {@code s} to {@code t} (never entering
   * {@code blocked}) and returns its value; sets {@link #provedMaximal()} when the flow is then
   * provably maximal.
   *
   * <p>A breadth-first search from {@code s} over residual arcs grows one tree per residual arc out
   * of {@code s} (its root; budget = that arc's residual capacity). Tree nodes are "entries": a
   * node is settled when an entry for it is taken from the queue, by the entry's tree, unless its
   * root has spent its budget (the entry is dropped and the node stays open for other trees) or the
   * node is already held by a tree that still has budget. A settled node with a residual arc into
   * {@code t} asks its root for up to that arc's capacity, once per round. A node held by a spent
   * tree may be settled again by another tree as a further entry, so spent trees do not wall off
   * the nodes behind them. No arc carries two entries in one round.
   *
   * <p>The requests are then routed along the trees: bottom-up, each entry's load (its request plus
   * its children's loads) is capped by the residual capacity of the arc into it; top-down, each
   * entry passes what it receives to its request first and then to its children, in order, up to
   * their loads. So no capacity is exceeded and flow is conserved. Cost: one scan of the arcs of
   * the settled nodes plus two passes over the entries.
   *
   * <p>Complete: when no entry was dropped or refused for lack of budget, the search reached every
   * node reachable from {@code s}; when moreover every request was routed in full and equalled the
   * residual capacity of its arc into {@code t}, every arc from that set into {@code t} is now
   * saturated, and pushing flow inside the set creates no residual arc leaving it, so no augmenting
   * path is left.
   */
  @Override
  public double augment(int base, int end, int s, int t, int blocked, double limit, double eps) {
    int[] arcStart = g.start;
    int[] arcHead = g.head;
    int id = nextStamp();
    boolean complete = true;
    int entries = 0;
    int capacity = entArc.length;
    for (int a = arcStart[s], e = arcStart[s + 1]; a < e; a++) {
      int x = arcHead[a];
      if (r.residual(a) > eps && x != t && x != blocked && seen[x] != id) {
        seen[x] = id;
        owner[x] = x;
        budget[x] = r.residual(a);
        arcUsed[a] = id;
        entArc[entries] = a;
        entParent[entries] = -1;
        entRoot[entries] = x;
        entries++;
      }
    }
    int roots = entries;
    boolean anyRequest = false;
    for (int head = 0; head < entries; head++) {
      int a = entArc[head];
      int v = arcHead[a];
      int root = entRoot[head];
      entWant[head] = 0;
      entLoad[head] = 0;
      double left = budget[root];
      if (head >= roots) {
        if (left <= eps) {
          entRoot[head] = -1;
          complete = false;
          continue;
        }
        if ((seen[v] == id && budget[owner[v]] > eps) || arcUsed[a] == id) {
          entRoot[head] = -1;
          continue;
        }
        seen[v] = id;
        owner[v] = root;
        arcUsed[a] = id;
      }
      for (int b = arcStart[v], e = arcStart[v + 1]; b < e; b++) {
        double rb = r.residual(b);
        if (rb <= eps) {
          continue;
        }
        int w = arcHead[b];
        if (w == t) {
          if (requested[v] == id) {
            continue;
          }
          if (left > eps) {
            double take = Math.min(rb, left);
            if (take < rb) {
              complete = false;
            }
            entWant[head] = take;
            deliverArc[v] = b;
            requested[v] = id;
            left -= take;
            budget[root] = left;
            anyRequest = true;
          } else {
            complete = false;
          }
          continue;
        }
        if (w == s || w == blocked || (seen[w] == id && budget[owner[w]] > eps)) {
          continue;
        }
        if (left <= eps || entries == capacity) {
          complete = false;
          continue;
        }
        entArc[entries] = b;
        entParent[entries] = head;
        entRoot[entries] = root;
        entries++;
      }
    }
    if (!anyRequest) {
      provedMaximal = complete;
      return 0;
    }
    // Bottom-up: loads capped by the residual capacity of the arc into each entry.
    for (int i = entries - 1; i >= 0; i--) {
      if (entRoot[i] < 0) {
        continue;
      }
      double l = entLoad[i] + entWant[i];
      if (l <= 0) {
        continue;
      }
      int a = entArc[i];
      if (l > r.residual(a)) {
        l = r.residual(a);
        complete = false;
      }
      entLoad[i] = l;
      int p = entParent[i];
      if (p >= 0) {
        entLoad[p] += l;
      }
    }
    // Top-down: an entry passes what it receives to its request first, then to its children.
    double delivered = 0;
    for (int i = 0; i < entries; i++) {
      entLeft[i] = 0;
      if (entRoot[i] < 0) {
        continue;
      }
      double received = entLoad[i];
      int p = entParent[i];
      if (p >= 0) {
        double left = entLeft[p];
        if (received > left) {
          received = left;
          complete = false;
        }
        entLeft[p] = left - received;
      }
      if (received <= 0) {
        continue;
      }
      int a = entArc[i];
      r.push(a, received);
      double own = Math.min(entWant[i], received);
      if (own > 0) {
        int d = deliverArc[arcHead[a]];
        r.push(d, own);
        delivered += own;
      }
      entLeft[i] = received - own;
    }
    provedMaximal = complete;
    return delivered;
  }

  private int nextStamp() {
    if (++stamp == Integer.MAX_VALUE) {
      Arrays.fill(seen, 0);
      Arrays.fill(requested, 0);
      Arrays.fill(arcUsed, 0);
      stamp = 1;
    }
    return stamp;
  }
}
