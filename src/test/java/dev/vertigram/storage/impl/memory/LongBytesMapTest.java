package dev.vertigram.storage.impl.memory;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongBytesMapTest {

  @Test
  void behavesLikeAHashMapUnderRandomOperations() {
    LongBytesMap map = new LongBytesMap();
    Map<Long, byte[]> model = new HashMap<>();
    Random rnd = new Random(42);
    for (int op = 0; op < 300_000; op++) {
      // a small key space forces collisions, long probe chains and removals inside them
      long key = rnd.nextInt(5000) * (rnd.nextBoolean() ? 1L : -1_000_000_007L);
      switch (rnd.nextInt(3)) {
        case 0, 1 -> {
          byte[] v = new byte[]{(byte) op};
          map.put(key, v);
          model.put(key, v);
        }
        default -> assertEquals(model.remove(key) != null, map.remove(key));
      }
      if (op % 1000 == 0) {
        assertEquals(model.size(), map.size());
      }
    }
    assertEquals(model.size(), map.size());
    model.forEach((k, v) -> assertArrayEquals(v, map.get(k), "key " + k));
    for (long k = -10; k < 10; k++) {
      if (!model.containsKey(k)) {
        assertNull(map.get(k));
      }
    }
  }

  @Test
  void snapshotIsACopy() {
    LongBytesMap map = new LongBytesMap();
    for (long k = 0; k < 1000; k++) {
      map.put(k, new byte[]{1});
    }
    LongBytesMap.Snapshot s = map.snapshot();
    map.put(5000, new byte[]{2});
    assertTrue(map.remove(3));
    assertFalse(map.remove(3));
    assertEquals(1000, s.size());
    int found = 0;
    for (int i = 0; i < s.values().length; i++) {
      if (s.values()[i] != null) {
        found++;
        assertTrue(s.keys()[i] >= 0 && s.keys()[i] < 1000);
      }
    }
    assertEquals(1000, found);
    map.clear();
    assertEquals(0, map.size());
    assertNull(map.get(5000));
  }
}
