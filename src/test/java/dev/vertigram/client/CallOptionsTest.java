package dev.vertigram.client;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallOptionsTest {

  @Test
  void theSharedDefaultCannotBeChanged() {
    assertThrows(IllegalStateException.class, () -> CallOptions.DEFAULT.queueId("q"));
    assertThrows(IllegalStateException.class, () -> CallOptions.DEFAULT.floodWaitLimit(5));
    assertThrows(IllegalStateException.class, () -> CallOptions.DEFAULT.timeoutMillis(5));
    assertThrows(IllegalStateException.class, () -> CallOptions.DEFAULT.dcId(2));
    assertThrows(IllegalStateException.class, () -> CallOptions.DEFAULT.media(true));
    assertThrows(IllegalStateException.class, () -> CallOptions.DEFAULT.cancellation(CancellationToken.create()));
    assertNull(CallOptions.DEFAULT.queueId());
  }

  @Test
  void createdOptionsAreIndependent() {
    CallOptions a = CallOptions.create().queueId("a").floodWaitLimit(60);
    CallOptions b = CallOptions.create();
    assertEquals("a", a.queueId());
    assertEquals(60, a.floodWaitLimit());
    assertNull(b.queueId());
  }

  @Test
  void optionsFromEventBusHeaders() {
    CallOptions o = CallOptions.fromHeaders(MultiMap.caseInsensitiveMultiMap()
        .add("queueId", "chat").add("floodWaitLimit", "10").add("timeout", "2500").add("dcId", "4"));
    assertEquals("chat", o.queueId());
    assertEquals(10, o.floodWaitLimit());
    assertEquals(2500, o.timeoutMillis());
    assertEquals(4, o.dcId());
  }
}
