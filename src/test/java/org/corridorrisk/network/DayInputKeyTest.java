package org.corridorrisk.network;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/**
 * The memo key of a day covers every input of {@link DayInput}: for each public per-day array,
 * changing one entry at some node or link of the commodity changes the key. A field added to {@code
 * DayInput} without going into {@link DayInput#writeKey} fails here, so a flow cache cannot serve
 * stale flows for it.
 */
class DayInputKeyTest {
  private static NetworkIndex network() {
    // one node of every kind (a junction with a throughput limit), linked in a chain: s -> j -> st
    // -> k
    return new TestNetworks()
        .source("s", 10)
        .junction("j", 8)
        .storage("st", 5, 2, 10, 3)
        .sink("k", 4)
        .link("s", "j", 10)
        .link("j", "st", 10)
        .link("st", "k", 10)
        .compile();
  }

  @Test
  void everyPublicArray_isPartOfTheKey() throws IllegalAccessException {
    NetworkIndex net = network();
    int arrays = 0;
    for (Field field : DayInput.class.getDeclaredFields()) {
      if (!Modifier.isPublic(field.getModifiers()) || !field.getType().isArray()) {
        continue;
      }
      arrays++;
      boolean covered = false;
      int length = java.lang.reflect.Array.getLength(field.get(new DayInput(net)));
      for (int i = 0; i < length && !covered; i++) {
        DayInput base = new DayInput(net);
        DayInput changed = new DayInput(net);
        Object array = field.get(changed);
        if (array instanceof boolean[] flags) {
          flags[i] = !flags[i];
        } else if (array instanceof double[] values) {
          values[i] = values[i] + 1.5;
        } else {
          throw new AssertionError("unexpected array type of DayInput." + field.getName());
        }
        covered = !sameKey(net, base, changed);
      }
      assertTrue(covered, "DayInput." + field.getName() + " is not part of the memo key");
    }
    assertTrue(arrays >= 5, "found " + arrays + " public arrays");
  }

  /** A copy has every public array of its original, so its memo key too. */
  @Test
  void copyFrom_copiesEveryPublicArray() throws IllegalAccessException {
    NetworkIndex net = network();
    for (Field field : DayInput.class.getDeclaredFields()) {
      if (!Modifier.isPublic(field.getModifiers()) || !field.getType().isArray()) {
        continue;
      }
      DayInput changed = new DayInput(net);
      Object array = field.get(changed);
      int length = java.lang.reflect.Array.getLength(array);
      for (int i = 0; i < length; i++) {
        if (array instanceof boolean[] flags) {
          flags[i] = !flags[i];
        } else {
          ((double[]) array)[i] += 1.5 + i;
        }
      }
      DayInput copy = new DayInput(net);
      copy.copyFrom(changed);
      Object copied = field.get(copy);
      assertTrue(
          java.util.Objects.deepEquals(array, copied), "DayInput." + field.getName() + " copied");
      assertTrue(sameKey(net, changed, copy), "DayInput." + field.getName() + " in the key");
    }
  }

  @Test
  void equalInputs_giveEqualKeys() {
    NetworkIndex net = network();
    assertTrue(sameKey(net, new DayInput(net), new DayInput(net)));
    DayInput a = new DayInput(net);
    DayInput b = new DayInput(net);
    a.linkUp[1] = false;
    assertFalse(sameKey(net, a, b));
    b.linkUp[1] = false;
    assertTrue(sameKey(net, a, b));
  }

  private static boolean sameKey(NetworkIndex net, DayInput a, DayInput b) {
    DayKey ka = new DayKey(net);
    DayKey kb = new DayKey(net);
    a.writeKey(0, ka);
    b.writeKey(0, kb);
    DayKey copy = new DayKey(net);
    copy.copyFrom(ka);
    assertTrue(copy.sameAs(ka), "a copy equals its original");
    return ka.sameAs(kb);
  }
}
