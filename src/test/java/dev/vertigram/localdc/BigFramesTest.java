package dev.vertigram.localdc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Frames of 64 KiB and more are encrypted and decrypted off the DC's event loop: what the client sends after a big
 * frame is still handled after it, and what the DC answers after a big answer still reaches the wire after it
 * ({@link TestSession} checks that server msg_ids increase frame after frame).
 */
class BigFramesTest extends LocalDcTestBase {

  private static final AtomicLong USERS = new AtomicLong(9_300_000);

  private TestSession user() throws Exception {
    TestSession s = session();
    assertTrue(dc.authorize(s.key.id(), USERS.incrementAndGet()));
    return s;
  }

  @Test
  void framesAfterABigOneAreHandledAfterIt() throws Exception {
    TestSession s = user();
    for (int round = 0; round < 5; round++) {
      long big = s.send(FilesTest.savePart(round, 0, -1, FilesTest.random(FilesTest.PART)));
      // sent at once, in its own frame: must find the big message already received
      long state = s.send(q("msgs_state_req").put("msg_ids", new JsonArray().add(big)));
      JsonObject info = s.await("msgs_state_info").body();
      assertEquals(state, info.getLong("req_msg_id"));
      assertEquals(4, info.getBuffer("info").getByte(0) & 4, "the big message was received before the small one");
      assertEquals("boolTrue", s.result(big).body().getJsonObject("result").getString("_"));
    }
  }

  @Test
  void answersAfterABigOneAreWrittenAfterIt() throws Exception {
    TestSession s = user();
    byte[] data = FilesTest.random(2 * FilesTest.MIB);
    String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    JsonObject document = s.call(FilesTest.document(FilesTest.upload(s, data, false, md5), "application/x-test"))
        .getJsonObject("document");
    JsonObject location = FilesTest.location(document);
    for (int round = 0; round < 3; round++) {
      long get = s.send(FilesTest.getFile(location, 0, FilesTest.MIB));
      long[] pings = new long[20];
      for (int i = 0; i < pings.length; i++) {
        pings[i] = s.send(q("ping").put("ping_id", (long) i));
      }
      JsonObject file = s.result(get).body().getJsonObject("result");
      assertArrayEquals(Arrays.copyOf(data, FilesTest.MIB), file.getBuffer("bytes").getBytes());
      for (int i = 0; i < pings.length; i++) {
        long id = i;
        s.await(r -> "pong".equals(r.name()) && r.body().getLong("ping_id") == id);
      }
    }
  }
}
