package org.corridorrisk.network;

import java.util.Arrays;

/**
 * The one owner of a flow's state on a graph: per arc its capacity and its residual capacity, so
 * that the flow on an arc is {@code capacity - residual}. Every algorithm changes the flow only
 * through {@link #push} (and the few setters for phases that change capacities); none holds the
 * arrays. One instance per solver (not thread-safe).
 *
 * <p>Design note: JGraphT's flow algorithms share residual-graph operations through one base class
 * ({@code MaximumFlowAlgorithmBase.pushFlowThrough}); here the state is an object passed explicitly
 * to each algorithm, so that the greedy start, ISAP, the fast path and cycle cancelling can be
 * combined on one flow without aliasing arrays. Rejected: handing {@code double[]} arrays to other
 * classes to mutate (who changed what became unclear).
 */
final class Residuals {
  private final int[] rev;
  private final double[] cap;
  private final double[] res;

  /**
   * Arcs marked as changed since {@link #clearMarks} (repeats allowed): what a search restarted
   * from an earlier state must look at again ({@link BoykovKolmogorov#augmentFrom}). Marking is
   * explicit: only the steps that prepare a day from its nominal state mark.
   */
  private int[] marks = new int[256];

  private int markCount;

  /**
   * Undo journal: while {@link #journaling}, every arc a single-arc change touches is listed once
   * ({@link #journal}), so that its {@link #journalOwner} can put a kept state back by restoring
   * only those arcs (and their reverses) instead of copying every arc ({@link
   * ReferenceFlow#installDay}; {@link FairShares}' snapshots). A change of a whole range, or more
   * arcs than the limit, ends it. {@link #restorePair} and {@link #restoreCapacity} do not list:
   * only {@link ReferenceFlow#installDay} uses them, which ends the journal right after.
   */
  private boolean journaling;

  private Object journalOwner;
  private int[] journal = new int[0];
  private int journalCount;

  /** Most arcs the current journal lists ({@link #startJournal}'s limit). */
  private int journalLimit;

  /** Per arc: the {@link #journalEpoch} it was last listed in. */
  private final int[] journalMark;

  private int journalEpoch;

  /**
   * Raised by every change of a capacity and by {@link #clearMarks}: while it stays the same, no
   * capacity changed and the marks listed then are still listed ({@link #capacityStamp}).
   */
  private long capacityStamp;

  /** Zero capacities on every arc of {@code arcs}. */
  Residuals(Arcs arcs) {
    this.rev = arcs.rev;
    this.cap = new double[arcs.size()];
    this.res = new double[arcs.size()];
    this.journalMark = new int[arcs.size()];
  }

  /**
   * Lists from now on every arc changed one at a time, for {@code owner}, up to {@code limit} arcs
   * (the list so far is forgotten).
   */
  void startJournal(Object owner, int limit) {
    if (journal.length < limit) {
      journal = new int[limit];
    }
    journalLimit = limit;
    if (++journalEpoch == Integer.MAX_VALUE) {
      Arrays.fill(journalMark, 0);
      journalEpoch = 1;
    }
    journalOwner = owner;
    journalCount = 0;
    journaling = true;
  }

  /**
   * Whether every arc changed since {@code owner}'s last {@link #startJournal} is listed: no range
   * was changed whole, no one else started a journal, and the limit was not reached.
   */
  boolean journalComplete(Object owner) {
    return journaling && journalOwner == owner;
  }

  /** Number of arcs in the journal. */
  int journalCount() {
    return journalCount;
  }

  /** The {@code i}-th arc in the journal. */
  int journaled(int i) {
    return journal[i];
  }

  private void note(int a) {
    if (journalMark[a] != journalEpoch) {
      journalMark[a] = journalEpoch;
      if (journalCount == journalLimit) {
        endJournal();
        return;
      }
      journal[journalCount++] = a;
    }
  }

  /** Ends the journal: {@link #journalComplete} is false until the next {@link #startJournal}. */
  void endJournal() {
    journaling = false;
    journalOwner = null;
  }

  /**
   * Arc {@code a} and its reverse get capacities and residuals from a kept state ({@code capacity},
   * {@code residual}, indexed from arc {@code first}).
   */
  void restorePair(int a, double[] capacity, double[] residual, int first) {
    capacityStamp++;
    int b = rev[a];
    cap[a] = capacity[a - first];
    res[a] = residual[a - first];
    cap[b] = capacity[b - first];
    res[b] = residual[b - first];
  }

  /** Forgets the marked arcs. */
  void clearMarks() {
    capacityStamp++;
    markCount = 0;
  }

  /**
   * A value that differs from every earlier one once a capacity has changed or the marks were
   * cleared: equal stamps mean that no capacity changed in between and that the marks listed at the
   * first are still listed (more may have been added).
   */
  long capacityStamp() {
    return capacityStamp;
  }

  /**
   * Arc {@code a} gets its capacity from a kept state ({@code capacity}, indexed from arc {@code
   * first}).
   */
  void restoreCapacity(int a, double[] capacity, int first) {
    capacityStamp++;
    cap[a] = capacity[a - first];
  }

  /**
   * Arcs {@code begin .. end - 1} get residuals {@code residual[0 .. end - begin - 1]}, keeping
   * their capacities.
   */
  void setResiduals(int begin, int end, double[] residual) {
    endJournal();
    System.arraycopy(residual, 0, res, begin, end - begin);
  }

  /** Marks arc {@code a} as changed. */
  void mark(int a) {
    if (markCount == marks.length) {
      marks = Arrays.copyOf(marks, 2 * marks.length);
    }
    marks[markCount++] = a;
  }

  /** Number of marks since {@link #clearMarks}. */
  int markCount() {
    return markCount;
  }

  /** The {@code i}-th marked arc. */
  int marked(int i) {
    return marks[i];
  }

  /** Residual capacity of arc {@code a}. */
  double residual(int a) {
    return res[a];
  }

  /** Capacity of arc {@code a}. */
  double capacity(int a) {
    return cap[a];
  }

  /** Flow on arc {@code a}: capacity minus residual (negative on a residual twin that is used). */
  double flow(int a) {
    return cap[a] - res[a];
  }

  /** Pushes {@code amount} along arc {@code a}: its residual falls, its reverse's rises. */
  void push(int a, double amount) {
    if (journaling) {
      note(a);
    }
    res[a] -= amount;
    res[rev[a]] += amount;
  }

  /** Arcs {@code begin .. end - 1} get capacity 0 and flow 0. */
  void clear(int begin, int end) {
    endJournal();
    capacityStamp++;
    Arrays.fill(cap, begin, end, 0);
    Arrays.fill(res, begin, end, 0);
  }

  /**
   * Arcs {@code begin .. end - 1} get capacities {@code capacity[0 .. end - begin - 1]} and
   * residuals {@code residual[0 .. end - begin - 1]} (a flow kept from an earlier state).
   */
  void setRange(int begin, int end, double[] capacity, double[] residual) {
    endJournal();
    capacityStamp++;
    System.arraycopy(capacity, 0, cap, begin, end - begin);
    System.arraycopy(residual, 0, res, begin, end - begin);
  }

  /** Removes the flow from arc {@code a} alone (residual = capacity); its reverse keeps its own. */
  void clearFlow(int a) {
    if (journaling) {
      note(a);
    }
    res[a] = cap[a];
  }

  /** Sets the capacity of arc {@code a} with no flow on it (the arc must carry none). */
  void setEmpty(int a, double capacity) {
    if (journaling) {
      note(a);
    }
    capacityStamp++;
    cap[a] = capacity;
    res[a] = capacity;
  }

  /** Raises or lowers the capacity of arc {@code a}, keeping its flow. */
  void changeCapacity(int a, double capacity) {
    if (journaling) {
      note(a);
    }
    capacityStamp++;
    res[a] += capacity - cap[a];
    cap[a] = capacity;
  }

  /** Freezes arc {@code a} at its current flow: capacity = flow, residual 0. */
  void freeze(int a) {
    if (journaling) {
      note(a);
    }
    capacityStamp++;
    cap[a] -= res[a];
    res[a] = 0;
  }

  /** Sets the flow on arc {@code a} (from zero flow on it and its reverse) to {@code f}. */
  void setFlow(int a, double f) {
    if (journaling) {
      note(a);
    }
    res[a] = cap[a] - f;
    res[rev[a]] = cap[rev[a]] + f;
  }

  /** Sets the capacity of arc {@code a} to {@code f} and saturates it (its reverse had no flow). */
  void saturateAt(int a, double f) {
    if (journaling) {
      note(a);
    }
    capacityStamp++;
    cap[a] = f;
    res[a] = 0;
    res[rev[a]] = f;
  }

  /** Closes arc {@code a} (residual 0) and returns its residual, for {@link #reopen}. */
  double close(int a) {
    if (journaling) {
      note(a);
    }
    double saved = res[a];
    res[a] = 0;
    return saved;
  }

  /** Gives arc {@code a} back the residual {@link #close} returned. */
  void reopen(int a, double residual) {
    if (journaling) {
      note(a);
    }
    res[a] = residual;
  }

  /** Removes all flow from arcs {@code begin .. end - 1}, keeping their capacities. */
  void removeFlow(int begin, int end) {
    endJournal();
    System.arraycopy(cap, begin, res, begin, end - begin);
  }

  /** Copies the capacities and residuals of arcs {@code begin .. end - 1} into a snapshot. */
  void copyRange(int begin, int end, double[] snapCap, double[] snapRes) {
    System.arraycopy(cap, begin, snapCap, begin, end - begin);
    System.arraycopy(res, begin, snapRes, begin, end - begin);
  }

  /** Copies the capacity and residual of arc {@code a} into a snapshot. */
  void copyArc(int a, double[] snapCap, double[] snapRes) {
    snapCap[a] = cap[a];
    snapRes[a] = res[a];
  }

  /**
   * Restores the capacities and residuals of arcs {@code begin .. end - 1} from a snapshot (a
   * change of a whole range: ends the journal).
   */
  void restoreRange(int begin, int end, double[] snapCap, double[] snapRes) {
    endJournal();
    capacityStamp++;
    System.arraycopy(snapCap, begin, cap, begin, end - begin);
    System.arraycopy(snapRes, begin, res, begin, end - begin);
  }

  /** Restores the capacity and residual of arc {@code a} from a snapshot. */
  void restoreArc(int a, double[] snapCap, double[] snapRes) {
    if (journaling) {
      note(a);
    }
    capacityStamp++;
    cap[a] = snapCap[a];
    res[a] = snapRes[a];
  }

  /** The smallest residual capacity along {@code path[0 .. length - 1]}. */
  double bottleneck(int[] path, int length) {
    double bottleneck = Double.POSITIVE_INFINITY;
    for (int i = 0; i < length; i++) {
      bottleneck = Math.min(bottleneck, res[path[i]]);
    }
    return bottleneck;
  }

  /**
   * Pushes {@code amount} along every arc of {@code path[0 .. length - 1]} and returns the index of
   * the first arc left with residual at most {@code eps} ({@code length - 1} when none is before
   * it): the depth to which an augmenting-path search can back up and continue.
   */
  int pushAlong(int[] path, int length, double amount, double eps) {
    int firstSaturated = length - 1;
    for (int i = 0; i < length; i++) {
      int a = path[i];
      if (journaling) {
        note(a);
      }
      res[a] -= amount;
      res[rev[a]] += amount;
      if (res[a] <= eps && i < firstSaturated) {
        firstSaturated = i;
      }
    }
    return firstSaturated;
  }
}
