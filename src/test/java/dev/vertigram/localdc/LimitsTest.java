package dev.vertigram.localdc;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §7: per-method flood limits (FLOOD_WAIT_X) and AUTH_KEY_DUPLICATED (one key from 127.0.0.1 and 127.0.0.2). */
class LimitsTest extends LocalDcTestBase {

  @Test
  void floodLimitAnswersFloodWait() throws Exception {
    LocalDc limited = LocalDc.start(vertx, new LocalDcOptions().ephemeralPorts(1).floodLimits(
            new JsonObject().put("help.getNearestDc", new JsonObject().put("calls", 2).put("seconds", 30))))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    try {
      TestConnection conn = TestConnection.open(vertx, limited.endpoints().get(0));
      TestSession s = TestSession.create(conn, limited, 1);
      assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
      assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
      JsonObject flood = s.call(q("help.getNearestDc"));
      assertEquals(420, flood.getInteger("error_code"), flood.encode());
      assertTrue(flood.getString("error_message").matches("FLOOD_WAIT_(29|30)"), flood.encode());
      conn.close();
    } finally {
      limited.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void oneKeyFromTwoAddressesIsDuplicated() throws Exception {
    TestSession first = session();
    assertEquals("nearestDc", first.call(q("help.getNearestDc")).getString("_"));
    TestConnection other = TestConnection.openFrom(vertx, endpoint(1), "127.0.0.2");
    try {
      TestSession second = first.sibling(other);
      second.sessionId = first.sessionId + 1;
      JsonObject dup = second.call(q("help.getNearestDc"));
      assertEquals(406, dup.getInteger("error_code"), dup.encode());
      assertEquals("AUTH_KEY_DUPLICATED", dup.getString("error_message"));
    } finally {
      other.close();
    }
  }
}
