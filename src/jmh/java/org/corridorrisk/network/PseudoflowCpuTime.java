package org.corridorrisk.network;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.corridorrisk.model.Scenario;
import org.corridorrisk.scenario.ScenarioLoader;

/**
 * Hochbaum's pseudoflow algorithm (highest-label variant) against the engine's max-flows on a grid
 * family member's failed days (issue 15, session 22: the one method the issue names that had not
 * been measured). CPU time per day ({@link ThreadMXBean#getCurrentThreadCpuTime}) for, on the same
 * failure states:
 *
 * <ol>
 *   <li>{@code isap}: {@link Isap} from zero flow, every up sink open at its full demand;
 *   <li>{@code bk}: {@link BoykovKolmogorov} from zero flow on the same graph;
 *   <li>{@code pseudoflow}: the min cut by pseudoflow from zero flow (phase 1 only: the flow that
 *       would realise the cut is not recovered, so this is a lower bound on a pseudoflow solve);
 *   <li>{@code solve}: {@link DailyFlowSolver#solve} as a run does it (restarted from the
 *       undisturbed day).
 * </ol>
 *
 * The pseudoflow's cut capacity is checked against ISAP's flow value on every day (a mismatch
 * aborts). Failure states: 64, drawn as {@code MaxFlowCpuTime} draws them. Run (after {@code ./mvnw
 * -o -q test-compile} and {@code ./mvnw -o -q dependency:build-classpath
 * -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test}):
 *
 * <pre>
 * java -XX:+UseParallelGC -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) \
 *     org.corridorrisk.network.PseudoflowCpuTime MEMBER.yaml [ROUNDS] [DAYS_PER_ROUND]
 * </pre>
 */
public final class PseudoflowCpuTime {
  private static final int STATES = 64;
  private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

  private PseudoflowCpuTime() {}

  /**
   * Phase 1 of the pseudoflow algorithm with highest-label selection, the simple initialisation
   * (every residual arc out of {@code s} and into {@code t} saturated) and the gap rule. Nodes with
   * excess are strong, the others weak; each node is in a tree whose root holds the tree's excess.
   * A strong tree of label {@code L} is searched (depth first, over children of its own label) for
   * a residual arc to a node of label {@code L - 1}; if one is found the tree is re-rooted at the
   * arc's tail, hung under the arc's head, and its excess pushed up to the new root, splitting off
   * below any tree arc that cannot take it. If none is found the branch is relabelled. At the end
   * the strong trees are the source side of a minimum cut.
   */
  static final class HighestLabelPseudoflow {
    private static final int NONE = -1;

    private final Arcs g;
    private final Residuals r;
    private final int[] label;
    private final double[] excess;
    private final int[] parent;
    private final int[] parentArc;
    private final int[] firstChild;
    private final int[] nextSibling;
    private final int[] prevSibling;
    private final int[] nextArc;
    private final int[] nextScan;
    private final int[] bucketHead;
    private final int[] bucketNext;
    private final int[] labelCount;
    private final boolean[] inBucket;
    private final int[] stack;
    private int base;
    private int n;
    private int highest;
    private double eps;
    long merges;
    long relabels;
    long pushSteps;

    HighestLabelPseudoflow(Arcs g, Residuals r, int nodes) {
      this.g = g;
      this.r = r;
      label = new int[nodes];
      excess = new double[nodes];
      parent = new int[nodes];
      parentArc = new int[nodes];
      firstChild = new int[nodes];
      nextSibling = new int[nodes];
      prevSibling = new int[nodes];
      nextArc = new int[nodes];
      nextScan = new int[nodes];
      bucketHead = new int[nodes + 2];
      bucketNext = new int[nodes];
      labelCount = new int[nodes + 2];
      inBucket = new boolean[nodes];
      stack = new int[nodes];
    }

    /**
     * Runs phase 1 on nodes {@code base .. end - 1} from the flow {@link Residuals} holds, never
     * entering {@code blocked}; afterwards {@link #isStrong} tells the sides of the cut.
     */
    void minCut(int base, int end, int s, int t, int blocked, double eps) {
      this.base = base;
      this.n = end - base;
      this.eps = eps;
      int[] start = g.start;
      int[] head = g.head;
      Arrays.fill(bucketHead, 0, n + 2, NONE);
      Arrays.fill(labelCount, 0, n + 2, 0);
      for (int v = base; v < end; v++) {
        int i = v - base;
        excess[i] = 0;
        parent[i] = NONE;
        parentArc[i] = NONE;
        firstChild[i] = NONE;
        nextSibling[i] = NONE;
        prevSibling[i] = NONE;
        inBucket[i] = false;
        nextArc[i] = start[v];
      }
      for (int a = start[s]; a < start[s + 1]; a++) {
        int v = head[a];
        double res = r.residual(a);
        if (v != blocked && v != s && res > eps) {
          r.push(a, res);
          excess[v - base] += res;
        }
      }
      for (int a = start[t]; a < start[t + 1]; a++) {
        int v = head[a];
        int in = g.rev[a];
        double res = r.residual(in);
        if (v != blocked && v != s && res > eps) {
          r.push(in, res);
          excess[v - base] -= res;
        }
      }
      for (int v = base; v < end; v++) {
        int i = v - base;
        if (v == s || v == t || v == blocked) {
          label[i] = -n - 10; // never a merger target, never processed
          continue;
        }
        if (excess[i] > eps) {
          label[i] = 1;
          labelCount[1]++;
          addStrong(i);
        } else {
          label[i] = 0;
          labelCount[0]++;
        }
      }
      highest = 1;
      for (int root; (root = highestStrongRoot()) != NONE; ) {
        processRoot(root);
      }
    }

    /** Whether {@code v} is in a strong tree (the source side of the cut) after {@link #minCut}. */
    boolean isStrong(int v) {
      int i = v - base;
      if (label[i] < 0) {
        return false;
      }
      while (parent[i] != NONE) {
        i = parent[i];
      }
      return excess[i] > eps;
    }

    private void addStrong(int i) {
      inBucket[i] = true;
      bucketNext[i] = bucketHead[label[i]];
      bucketHead[label[i]] = i;
    }

    private int pop(int l) {
      int i = bucketHead[l];
      bucketHead[l] = bucketNext[i];
      inBucket[i] = false;
      return i;
    }

    private int highestStrongRoot() {
      for (int l = highest; l > 0; l--) {
        if (bucketHead[l] == NONE) {
          continue;
        }
        highest = l;
        if (labelCount[l - 1] > 0) {
          return pop(l);
        }
        while (bucketHead[l] != NONE) {
          liftAll(pop(l));
        }
      }
      if (bucketHead[0] == NONE) {
        return NONE;
      }
      while (bucketHead[0] != NONE) {
        int i = pop(0);
        labelCount[0]--;
        label[i] = 1;
        labelCount[1]++;
        nextArc[i] = g.start[i + base];
        addStrong(i);
      }
      highest = 1;
      return pop(1);
    }

    /** The gap rule: a strong tree with no node one label below it can never merge. */
    private void liftAll(int root) {
      int top = 0;
      stack[top++] = root;
      while (top > 0) {
        int i = stack[--top];
        labelCount[label[i]]--;
        label[i] = n;
        for (int c = firstChild[i]; c != NONE; c = nextSibling[c]) {
          stack[top++] = c;
        }
      }
    }

    private void processRoot(int root) {
      int x = root;
      nextScan[x] = firstChild[x];
      if (findWeak(root, x)) {
        return;
      }
      checkChildren(x);
      while (true) {
        while (nextScan[x] != NONE) {
          int c = nextScan[x];
          nextScan[x] = nextSibling[c];
          x = c;
          nextScan[x] = firstChild[x];
          if (findWeak(root, x)) {
            return;
          }
          checkChildren(x);
        }
        if (x == root) {
          break;
        }
        x = parent[x];
        checkChildren(x);
      }
      addStrong(root);
      highest = label[root];
    }

    private void checkChildren(int x) {
      int l = label[x];
      for (int c = nextScan[x]; c != NONE; c = nextSibling[c]) {
        if (label[c] == l) {
          nextScan[x] = c;
          return;
        }
      }
      nextScan[x] = NONE;
      labelCount[l]--;
      label[x] = l + 1;
      labelCount[l + 1]++;
      nextArc[x] = g.start[x + base];
      relabels++;
    }

    private boolean findWeak(int root, int x) {
      int target = label[x] - 1;
      int[] head = g.head;
      int end = g.start[x + base + 1];
      for (int a = nextArc[x]; a < end; a++) {
        int w = head[a] - base;
        if (label[w] == target && r.residual(a) > eps) {
          nextArc[x] = a;
          merge(x, w, a);
          pushExcess(root);
          return true;
        }
      }
      nextArc[x] = end;
      return false;
    }

    private void merge(int u, int w, int a) {
      merges++;
      int newParent = w;
      int newArc = a;
      for (int x = u; x != NONE; ) {
        int oldParent = parent[x];
        int oldArc = parentArc[x];
        if (oldParent != NONE) {
          unlink(oldParent, x);
        }
        parent[x] = newParent;
        parentArc[x] = newArc;
        link(newParent, x);
        newParent = x;
        newArc = oldArc == NONE ? NONE : g.rev[oldArc];
        x = oldParent;
      }
    }

    private void pushExcess(int from) {
      int x = from;
      while (parent[x] != NONE && excess[x] > 0) {
        int p = parent[x];
        int a = parentArc[x];
        double ex = excess[x];
        double res = r.residual(a);
        pushSteps++;
        if (res >= ex) {
          r.push(a, ex);
          excess[p] += ex;
          excess[x] = 0;
        } else {
          if (res > 0) {
            r.push(a, res);
          }
          excess[p] += res;
          excess[x] = ex - res;
          unlink(p, x);
          parent[x] = NONE;
          parentArc[x] = NONE;
          addStrong(x);
        }
        x = p;
      }
      if (parent[x] == NONE && excess[x] > eps && !inBucket[x]) {
        addStrong(x);
      }
    }

    private void link(int p, int c) {
      int f = firstChild[p];
      nextSibling[c] = f;
      prevSibling[c] = NONE;
      if (f != NONE) {
        prevSibling[f] = c;
      }
      firstChild[p] = c;
    }

    private void unlink(int p, int c) {
      int prev = prevSibling[c];
      int next = nextSibling[c];
      if (prev == NONE) {
        firstChild[p] = next;
      } else {
        nextSibling[prev] = next;
      }
      if (next != NONE) {
        prevSibling[next] = prev;
      }
      nextSibling[c] = NONE;
      prevSibling[c] = NONE;
    }
  }

  public static void main(String[] args) throws Exception {
    Scenario scenario = ScenarioLoader.load(Path.of(args[0])).baseline();
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 500;
    NetworkIndex net = NetworkIndex.compile(scenario);
    double down = ExactPhaseCpuTime.lineFailureProbability(scenario);
    // the states MaxFlowCpuTime and SolveFloor draw: each line down with the member's probability
    DayInput[] days = ExactPhaseCpuTime.days(net, down, STATES, 42L).toArray(new DayInput[0]);
    FlowGraph graph = net.flowGraph();
    Block b = graph.blocks[0];
    Residuals res = new Residuals(graph.arcs);
    AugmentingMaxFlow[] fromZero = {
      new Isap(graph.arcs, res, graph.nodeCount, graph.maxBlockSize),
      new BoykovKolmogorov(graph.arcs, res, graph.nodeCount)
    };
    HighestLabelPseudoflow hpf = new HighestLabelPseudoflow(graph.arcs, res, graph.nodeCount);
    DailyFlowSolver solver = new DailyFlowSolver(net, SolverOptions.DEFAULTS);
    DayOutput out = new DayOutput(net, false);
    double[] isapValue = new double[STATES];
    double[] zero = new double[graph.arcs.size()];
    String[] names = {"isap", "bk", "pseudoflow", "solve"};
    double[][] micros = new double[4][rounds];
    double sink = 0;
    for (int round = -2; round < rounds; round++) {
      long[] spent = new long[4];
      if (round == 0) {
        hpf.merges = 0;
        hpf.relabels = 0;
        hpf.pushSteps = 0;
      }
      for (int i = 0; i < perRound; i++) {
        int d = i % STATES;
        for (int k = 0; k < 4; k++) {
          if (k < 3) {
            ExactPhaseCpuTime.setUp(net, graph, b, res, days[d]);
            res.removeFlow(b.arcBegin, b.arcEnd);
            if (k == 2 && i < STATES && round == -2) {
              for (int a = b.arcBegin; a < b.arcEnd; a++) {
                zero[a] = res.residual(a);
              }
            }
          }
          long t0 = CPU.getCurrentThreadCpuTime();
          double v = 0;
          switch (k) {
            case 0, 1 -> v = ExactPhaseCpuTime.maxFlow(fromZero[k], b);
            case 2 -> hpf.minCut(b.base, b.end, b.source, b.sink, b.storageRoot, b.flowEpsilon);
            default -> {
              solver.solve(0, days[d], out);
              v = out.served[0];
            }
          }
          spent[k] += CPU.getCurrentThreadCpuTime() - t0;
          sink += v;
          if (k == 0 && round == -2 && i < STATES) {
            isapValue[d] = v;
          }
          if (k == 1 && round == -2 && i < STATES) {
            check("Boykov-Kolmogorov", d, v, isapValue[d]);
          }
          if (k == 2 && round == -2 && i < STATES) {
            check("pseudoflow", d, cut(graph.arcs, b, hpf, zero), isapValue[d]);
          }
        }
      }
      if (round >= 0) {
        for (int k = 0; k < 4; k++) {
          micros[k][round] = spent[k] / 1e3 / perRound;
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%s: pseudoflow %.0f merges, %.0f relabels, %.0f push steps a day%n",
        args[0],
        (double) hpf.merges / rounds / perRound,
        (double) hpf.relabels / rounds / perRound,
        (double) hpf.pushSteps / rounds / perRound);
    StringBuilder line = new StringBuilder(args[0] + ": CPU us/day median (best)");
    for (int k = 0; k < 4; k++) {
      double[] m = micros[k].clone();
      Arrays.sort(m);
      line.append(String.format(Locale.ROOT, "; %s %.1f (%.1f)", names[k], m[rounds / 2], m[0]));
    }
    System.out.println(line + (sink != 0 ? "" : " ?"));
  }

  private static void check(String name, int d, double value, double expected) {
    if (Math.abs(value - expected) > 1e-7 * Math.max(1, expected)) {
      throw new IllegalStateException(
          "day " + d + ": ISAP " + expected + " but " + name + " " + value);
    }
  }

  /** Capacity, at zero flow, of the cut between the strong nodes (and s) and the rest. */
  private static double cut(Arcs g, Block b, HighestLabelPseudoflow hpf, double[] zero) {
    double total = 0;
    for (int x = b.base; x < b.end; x++) {
      if (x == b.storageRoot || x == b.sink) {
        continue;
      }
      boolean sourceSide = x == b.source || hpf.isStrong(x);
      if (!sourceSide) {
        continue;
      }
      for (int a = g.start[x]; a < g.start[x + 1]; a++) {
        int y = g.head[a];
        if (y == b.storageRoot || y == b.source) {
          continue;
        }
        if (y == b.sink || !hpf.isStrong(y)) {
          total += zero[a];
        }
      }
    }
    return total;
  }
}
