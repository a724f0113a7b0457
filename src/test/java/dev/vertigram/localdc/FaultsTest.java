package dev.vertigram.localdc;

import dev.vertigram.crypto.DhChecks;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.mtproto.EncryptedMessage;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FaultsTest extends LocalDcTestBase {

  private static JsonObject ping(long id) {
    return q("ping").put("ping_id", id);
  }

  @Test
  void jsonForm() {
    JsonObject json = new JsonObject().put("badServerSalt", 2).put("clockSkewSeconds", 30)
        .put("rpcErrors", new JsonArray().add(new JsonObject().put("method", "help.getNearestDc").put("code", 420)
            .put("message", "FLOOD_WAIT_2").put("times", 1)))
        .put("transportError", new JsonObject().put("code", -429).put("times", 1)).put("oversizedFrame", 1);
    assertEquals(json, dc.faults().apply(json).toJson());
    assertEquals(new JsonObject(), dc.faults().clear().toJson());
  }

  @Test
  void dropConnectionCountsMessagesInsideContainers() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    dc.faults().dropConnectionAfterMessages(3);
    s.send(s.container(s.message(ping(1), false), s.message(ping(2), false)));
    s.await(r -> "pong".equals(r.name()) && r.body().getLong("ping_id") == 2);
    s.send(s.message(ping(3), false));
    assertTrue(s.conn.awaitClosed(3000));
  }

  @Test
  void badServerSaltRotatesTheSalt() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    dc.faults().badServerSalt(1);
    long id = s.send(q("help.getNearestDc"));
    JsonObject bad = s.await("bad_server_salt").body();
    assertEquals(id, bad.getLong("bad_msg_id"));
    long fresh = bad.getLong("new_server_salt");
    assertNotEquals(s.salt, fresh);
    s.send(q("help.getNearestDc")); // the old salt is dead now
    assertEquals(fresh, s.await("bad_server_salt").body().getLong("new_server_salt"));
    s.salt = fresh;
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
  }

  @Test
  void clockSkewMakesMsgIdsTooOld() throws Exception {
    TestSession s = session();
    dc.faults().clockSkewSeconds(400);
    long id = s.send(q("help.getNearestDc"));
    TestSession.Received bad = s.await("bad_msg_notification");
    assertEquals(16, bad.body().getInteger("error_code"));
    long serverTime = bad.msgId() >>> 32;
    assertTrue(Math.abs(serverTime - (System.currentTimeMillis() / 1000 + 400)) <= 2);
    assertEquals(id, bad.body().getLong("bad_msg_id"));
    s.clock.syncToMsgId(bad.msgId());
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
    // cleared: the client, now 400 s ahead, gets 17 with a msg_id telling the real time again
    dc.faults().clockSkewSeconds(0);
    s.forgetServerIds();
    s.send(q("help.getNearestDc"));
    TestSession.Received ahead = s.await(r -> r.name().equals("bad_msg_notification"));
    assertEquals(17, ahead.body().getInteger("error_code"));
    assertTrue(Math.abs((ahead.msgId() >>> 32) - System.currentTimeMillis() / 1000) <= 2);
  }

  @Test
  void injectedRpcErrors() throws Exception {
    TestSession s = session();
    dc.faults().rpcError("help.getNearestDc", 420, "FLOOD_WAIT_2", 1)
        .rpcError("help.getConfig", 303, "PHONE_MIGRATE_2", 2);
    long before = dc.stats().executions("help.getNearestDc");
    assertEquals("FLOOD_WAIT_2", s.call(q("help.getNearestDc")).getString("error_message"));
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
    assertEquals(2, dc.stats().executions("help.getNearestDc") - before);
    assertEquals(303, s.call(q("help.getConfig")).getInteger("error_code"));
    assertEquals(303, s.call(q("help.getConfig")).getInteger("error_code"));
    assertEquals("config", s.call(q("help.getConfig")).getString("_"));
  }

  @Test
  void injectedTransportError() throws Exception {
    TestSession s = session();
    dc.faults().transportError(-429, 1);
    s.send(q("help.getNearestDc"));
    assertEquals(-429, s.conn.transportError());
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
  }

  @Test
  void corruptMsgKey() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    dc.faults().corruptMsgKey(1);
    s.send(s.message(ping(1), false));
    Buffer frame = s.conn.frame();
    assertThrows(SecurityCheckException.class,
        () -> EncryptedMessage.decrypt(s.key, EncryptedMessage.SERVER_TO_CLIENT, frame));
  }

  @Test
  void replayLastMessage() throws Exception {
    TestSession s = session();
    s.send(s.message(ping(1), false));
    Buffer first = s.conn.frame();
    dc.faults().replayLastMessage(1);
    s.send(s.message(ping(2), false));
    assertEquals(first, s.conn.frame());
    assertNotEquals(first, s.conn.frame());
  }

  @Test
  void wrongNonce() throws Exception {
    dc.faults().wrongNonce(1);
    TestHandshake hs = new TestHandshake(connect(), dc.publicKey(), 1);
    JsonObject res = TlCodec.api().decode(hs.plain(hs.reqPqRequest()));
    assertFalse(Arrays.equals(hs.nonce, res.getBuffer("nonce").getBytes()));
  }

  @Test
  void gaOutOfRange() throws Exception {
    dc.faults().gaOutOfRange(1);
    TestHandshake hs = new TestHandshake(connect(), dc.publicKey(), 1);
    hs.reqPq();
    hs.reqDhParams(); // hash and nonces check out...
    assertEquals(BigInteger.ONE, hs.gA);
    assertThrows(SecurityCheckException.class, () -> DhChecks.checkGa(hs.gA, DhChecks.TELEGRAM_PRIME));
  }

  @Test
  void oversizedFrame() throws Exception {
    TestSession s = session();
    dc.faults().oversizedFrame(1);
    s.send(new MtMessage(s.clock.next(0), s.seqno.next(false), TestSession.CODEC.encode(ping(1))));
    assertTrue(s.conn.framingError().getMessage().contains("too large"));
  }
}
