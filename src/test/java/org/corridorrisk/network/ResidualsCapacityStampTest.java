package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * {@link Residuals#capacityStamp}: {@link ReferenceFlow#installDay} restores only some capacities
 * when the stamp is unchanged since its last day, so every operation that can change a capacity,
 * and clearing the marks, must change the stamp; one that only moves flow or adds a mark must not
 * (else the shortcut would never be taken).
 */
class ResidualsCapacityStampTest {
  /** Two nodes, arcs 0 (0 -> 1) and 1 (1 -> 0), each the other's reverse. */
  private static Residuals twoArcs() {
    Residuals r = new Residuals(new Arcs(new int[] {0, 1, 2}, new int[] {1, 0}, new int[] {1, 0}));
    r.setEmpty(0, 5);
    r.setEmpty(1, 5);
    return r;
  }

  private static void changes(String what, Consumer<Residuals> step) {
    Residuals r = twoArcs();
    long before = r.capacityStamp();
    step.accept(r);
    assertNotEquals(before, r.capacityStamp(), what + " must change the stamp");
  }

  private static void keeps(String what, Consumer<Residuals> step) {
    Residuals r = twoArcs();
    long before = r.capacityStamp();
    step.accept(r);
    assertEquals(before, r.capacityStamp(), what + " must keep the stamp");
  }

  @Test
  void everyCapacityChangeAndClearingTheMarks_changeTheStamp() {
    double[] kept = {3, 4};
    changes("setEmpty", r -> r.setEmpty(0, 2));
    changes("changeCapacity", r -> r.changeCapacity(0, 7));
    changes("freeze", r -> r.freeze(0));
    changes("saturateAt", r -> r.saturateAt(0, 1));
    changes("clear", r -> r.clear(0, 2));
    changes("setRange", r -> r.setRange(0, 2, kept, kept));
    changes("restorePair", r -> r.restorePair(0, kept, kept, 0));
    changes("restoreCapacity", r -> r.restoreCapacity(0, kept, 0));
    changes("restoreArc", r -> r.restoreArc(0, kept, kept));
    changes("clearMarks", Residuals::clearMarks);
  }

  @Test
  void movingFlowAndMarking_keepTheStamp() {
    double[] kept = {3, 4};
    keeps("push", r -> r.push(0, 1));
    keeps("clearFlow", r -> r.clearFlow(0));
    keeps("setFlow", r -> r.setFlow(0, 2));
    keeps("setResiduals", r -> r.setResiduals(0, 2, kept));
    keeps("mark", r -> r.mark(1));
    keeps("close and reopen", r -> r.reopen(0, r.close(0)));
  }
}
