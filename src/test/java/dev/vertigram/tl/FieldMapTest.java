package dev.vertigram.tl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The map behind decoded values behaves like any mutable, insertion-ordered Map. */
class FieldMapTest {

  @Test
  void behavesLikeALinkedHashMap() {
    FieldMap m = new FieldMap(1);
    Map<String, Object> ref = new LinkedHashMap<>();
    for (int i = 0; i < 10; i++) {
      m.append("k" + i, i);
      ref.put("k" + i, i);
    }
    assertEquals(ref, m);
    assertEquals(m, ref);
    assertEquals(ref.hashCode(), m.hashCode());
    assertEquals(3, m.put("k3", 33));
    assertNull(m.put("new", "v"));
    assertEquals(4, m.remove("k4"));
    assertNull(m.remove("absent"));
    assertFalse(m.containsKey("k4"));
    assertTrue(m.containsKey(new String("k5")));
    assertEquals(List.of("k0", "k1", "k2", "k3", "k5", "k6", "k7", "k8", "k9", "new"), List.copyOf(m.keySet()));
    assertEquals(10, m.size());
  }

  @Test
  void iteratorWritesThroughAndRemoves() {
    FieldMap m = new FieldMap(4);
    m.append("a", 1);
    m.append("b", 2);
    m.append("c", 3);
    Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator();
    it.next().setValue(10);
    it.next();
    it.remove();
    assertThrows(IllegalStateException.class, it::remove);
    assertEquals("c", it.next().getKey());
    assertFalse(it.hasNext());
    assertEquals(Map.of("a", 10, "c", 3), m);
    m.clear();
    assertTrue(m.isEmpty());
  }

  @Test
  void decodedValuesAreOrdinaryJson() {
    TlCodec codec = TlCodec.api();
    JsonObject pong = codec.decode(codec.encode(new JsonObject().put("_", "pong").put("msg_id", 1L)
        .put("ping_id", 2L)));
    assertEquals("{\"_\":\"pong\",\"msg_id\":1,\"ping_id\":2}", pong.encode());
    pong.put("extra", true).remove("msg_id");
    assertEquals(new JsonObject().put("_", "pong").put("ping_id", 2L).put("extra", true), pong.copy());
  }
}
