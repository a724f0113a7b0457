package dev.vertigram.localdc;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.mtproto.EncryptedMessage;
import dev.vertigram.mtproto.MtMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class EncryptedLayerTest extends LocalDcTestBase {

  private static JsonObject appConfig(int hash) {
    return q("help.getAppConfig").put("hash", hash);
  }

  private static JsonObject ping(long id) {
    return q("ping").put("ping_id", id);
  }

  @Test
  void unknownAuthKeyGets404() throws Exception {
    TestSession s = session();
    TestSession stranger = new TestSession(s.conn, new AuthKey(TestHandshake.random(256)), 1, s.clock);
    stranger.send(q("help.getNearestDc"));
    assertEquals(-404, s.conn.transportError());
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
  }

  @Test
  void badMsgKeyGets404() throws Exception {
    TestSession s = session();
    Buffer frame = EncryptedMessage.encrypt(s.key, EncryptedMessage.CLIENT_TO_SERVER, s.salt, s.sessionId,
        s.message(q("help.getNearestDc"), true), TestHandshake.RANDOM);
    frame.setByte(10, (byte) (frame.getByte(10) ^ 1));
    s.conn.send(frame);
    assertEquals(-404, s.conn.transportError());
  }

  @Test
  void newSessionCreatedComesFirstWithTheFirstMsgIdAndSalt() throws Exception {
    TestSession s = session();
    long id = s.send(q("help.getNearestDc"));
    TestSession.Received created = s.await("new_session_created");
    assertEquals(id, created.body().getLong("first_msg_id"));
    assertEquals(s.salt, created.body().getLong("server_salt"));
    assertEquals(1, created.seqno() & 1, "new_session_created is content-related");
    s.result(id);
    long unique = created.body().getLong("unique_id");
    s.sessionId++;
    s.send(q("help.getNearestDc"));
    assertNotEquals(unique, s.await("new_session_created").body().getLong("unique_id"));
  }

  @Test
  void badSaltGetsTheValidSalt() throws Exception {
    TestSession s = session();
    long good = s.salt;
    s.salt = good + 1;
    long id = s.send(q("help.getNearestDc"));
    TestSession.Received bad = s.await("bad_server_salt");
    assertEquals(id, bad.body().getLong("bad_msg_id"));
    assertEquals(48, bad.body().getInteger("error_code"));
    assertEquals(good, bad.body().getLong("new_server_salt"));
    s.salt = good;
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
  }

  @Test
  void msgIdRules() throws Exception {
    TestSession s = session();
    long now = System.currentTimeMillis() / 1000;
    long tooOld = (now - 400) << 32 | 4;
    s.send(new MtMessage(tooOld, s.seqno.next(true), TestSession.CODEC.encode(q("help.getNearestDc"))));
    assertEquals(16, s.badMsg(tooOld));
    long tooNew = (now + 60) << 32 | 4;
    s.send(new MtMessage(tooNew, s.seqno.next(true), TestSession.CODEC.encode(q("help.getNearestDc"))));
    assertEquals(17, s.badMsg(tooNew));
    long odd = s.clock.next(0) | 2;
    s.send(new MtMessage(odd, s.seqno.next(true), TestSession.CODEC.encode(q("help.getNearestDc"))));
    assertEquals(18, s.badMsg(odd));
  }

  @Test
  void idsBelowAFullWindowGet20() throws Exception {
    TestSession s = session();
    long old = s.clock.next(0);
    for (int batch = 0; batch < 2; batch++) {
      MtMessage[] pings = new MtMessage[600];
      for (int i = 0; i < pings.length; i++) {
        pings[i] = s.message(ping(i), false);
      }
      s.send(s.container(pings));
      s.await(r -> "pong".equals(r.name()) && r.body().getLong("ping_id") == 599);
    }
    s.send(new MtMessage(old, s.seqno.next(false), TestSession.CODEC.encode(ping(1))));
    assertEquals(20, s.badMsg(old));
  }

  @Test
  void replayedFrameDoesNotMoveTheSession() throws Exception {
    TestSession s = session();
    MtMessage m = s.message(ping(1), false);
    Buffer frame = EncryptedMessage.encrypt(s.key, EncryptedMessage.CLIENT_TO_SERVER, s.salt, s.sessionId, m,
        TestHandshake.RANDOM);
    s.conn.send(frame);
    s.await("pong");
    TestConnection attacker = connect();
    attacker.send(frame);
    assertEquals("nearestDc", s.call(q("help.getNearestDc")).getString("_"));
    assertEquals(true, attacker.quiet(300));
  }

  @Test
  void reusedContainerIdGets19() throws Exception {
    TestSession s = session();
    MtMessage c = s.container(s.message(ping(1), false), s.message(ping(2), false));
    s.send(c);
    s.await(r -> "pong".equals(r.name()) && r.body().getLong("ping_id") == 2);
    MtMessage again = new MtMessage(c.msgId(), c.seqno(), s.container(s.message(ping(3), false)).body());
    s.send(again);
    assertEquals(19, s.badMsg(c.msgId()));
  }

  @Test
  void seqnoParityRules() throws Exception {
    TestSession s = session();
    MtMessage evenQuery = s.message(q("help.getNearestDc"), false);
    s.send(evenQuery);
    assertEquals(35, s.badMsg(evenQuery.msgId()));
    MtMessage oddAck = s.message(q("msgs_ack").put("msg_ids", new JsonArray().add(1L)), true);
    s.send(oddAck);
    assertEquals(34, s.badMsg(oddAck.msgId()));
    MtMessage oddContainer = new MtMessage(s.clock.next(0), 7, s.container(s.message(ping(1), false)).body());
    s.send(oddContainer);
    assertEquals(34, s.badMsg(oddContainer.msgId()));
  }

  @Test
  void seqnoOrderRules() throws Exception {
    TestSession s = session();
    Buffer body = TestSession.CODEC.encode(q("help.getNearestDc"));
    long first = s.clock.next(0);
    long second = s.clock.next(0);
    long third = s.clock.next(0);
    s.send(new MtMessage(second, 5, body));
    s.result(second);
    s.send(new MtMessage(third, 3, body)); // a later msg_id with a lower seqno
    assertEquals(32, s.badMsg(third));
    s.send(new MtMessage(first, 7, body)); // an earlier msg_id with a higher seqno
    assertEquals(33, s.badMsg(first));
    s.send(new MtMessage(third, 7, body)); // rejected messages can be sent again with a fixed seqno
    s.result(third);
  }

  @Test
  void invalidContainersGet64() throws Exception {
    TestSession s = session();
    MtMessage inner = s.message(ping(1), false);
    MtMessage nested = s.container(s.container(inner));
    s.send(nested);
    assertEquals(64, s.badMsg(nested.msgId()));
    MtMessage late = s.message(ping(2), false);
    MtMessage early = new MtMessage(late.msgId() - 4, 0, s.container(late).body());
    s.send(early);
    assertEquals(64, s.badMsg(early.msgId()));
    Buffer tooMany = Buffer.buffer().appendIntLE(0x73f1f8dc).appendIntLE(1025);
    for (int i = 0; i < 1025; i++) {
      tooMany.appendLongLE(s.clock.next(0)).appendIntLE(0).appendIntLE(12).appendBuffer(TestSession.CODEC.encode(ping(i)));
    }
    MtMessage oversized = new MtMessage(s.clock.next(0), s.seqno.next(false), tooMany);
    s.send(oversized);
    assertEquals(64, s.badMsg(oversized.msgId()));
    MtMessage truncated = s.message(ping(3), false);
    Buffer bad = truncated.body().slice(0, 8);
    MtMessage broken = s.container(new MtMessage(truncated.msgId(), 0, bad));
    s.send(broken);
    assertEquals(64, s.badMsg(broken.msgId()));
  }

  @Test
  void duplicateMsgIdIsNotExecutedAgain() throws Exception {
    TestSession s = session();
    long before = dc.stats().executions("help.getAppConfig");
    MtMessage m = s.message(appConfig(77), true);
    s.send(m);
    TestSession.Received answer = s.result(m.msgId());
    s.send(m); // same msg_id, answer not acked yet: the answer is re-sent as it was
    TestSession.Received again = s.await(r -> r.msgId() == answer.msgId());
    assertEquals(answer.raw(), again.raw());
    // once acked, a duplicate gets msg_detailed_info
    s.send(s.message(q("msgs_ack").put("msg_ids", new JsonArray().add(answer.msgId())), false));
    s.send(s.container(m, s.message(ping(9), false)));
    TestSession.Received info = s.await("msg_detailed_info");
    assertEquals(m.msgId(), info.body().getLong("msg_id"));
    assertEquals(answer.msgId(), info.body().getLong("answer_msg_id"));
    assertEquals(answer.raw().length(), info.body().getInteger("bytes"));
    assertEquals(1, dc.stats().executions("help.getAppConfig") - before);
  }

  @Test
  void contentRelatedMessagesWithoutAnAnswerAreAcked() throws Exception {
    TestSession s = session();
    long id = s.send(ping(5)); // content-related ping: pong plus an ack
    s.await("pong");
    TestSession.Received ack = s.await("msgs_ack");
    assertEquals(id, ack.body().getJsonArray("msg_ids").getLong(0));
    assertEquals(0, ack.seqno() & 1);
  }
}
