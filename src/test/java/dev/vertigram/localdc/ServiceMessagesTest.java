package dev.vertigram.localdc;

import dev.vertigram.mtproto.MtMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceMessagesTest extends LocalDcTestBase {

  private static JsonObject ids(String name, long... ids) {
    JsonArray a = new JsonArray();
    for (long id : ids) {
      a.add(id);
    }
    return q(name).put("msg_ids", a);
  }

  @Test
  void pingPong() throws Exception {
    TestSession s = session();
    MtMessage ping = s.message(q("ping").put("ping_id", 42L), false);
    s.send(ping);
    TestSession.Received pong = s.await("pong");
    assertEquals(ping.msgId(), pong.body().getLong("msg_id"));
    assertEquals(42L, pong.body().getLong("ping_id"));
    assertEquals(1, pong.msgId() & 3, "an answer takes a msg_id of 1 mod 4");
  }

  @Test
  void pingDelayDisconnectCloses() throws Exception {
    TestSession s = session();
    s.send(s.message(q("ping_delay_disconnect").put("ping_id", 7L).put("disconnect_delay", 1), false));
    assertEquals(7L, s.await("pong").body().getLong("ping_id"));
    assertTrue(s.conn.awaitClosed(3000));
  }

  @Test
  void futureSalts() throws Exception {
    TestSession s = session();
    MtMessage req = s.message(q("get_future_salts").put("num", 3), false);
    s.send(req);
    JsonObject salts = s.await("future_salts").body();
    assertEquals(req.msgId(), salts.getLong("req_msg_id"));
    assertEquals(3, salts.getJsonArray("salts").size());
    JsonObject first = salts.getJsonArray("salts").getJsonObject(0);
    assertEquals(s.salt, first.getLong("salt"));
    assertTrue(first.getInteger("valid_until") > salts.getInteger("now"));
    s.send(s.message(q("get_future_salts").put("num", 100), false));
    assertEquals(64, s.await("future_salts").body().getJsonArray("salts").size());
    s.salt = salts.getJsonArray("salts").getJsonObject(1).getLong("salt");
    s.send(q("help.getNearestDc"));
    assertEquals(48, s.await(r -> r.name().startsWith("bad_")).body().getInteger("error_code"),
        "a future salt is not valid yet");
  }

  @Test
  void msgsStateReq() throws Exception {
    TestSession s = session();
    long query = s.send(q("help.getNearestDc"));
    s.result(query);
    MtMessage ack = s.message(ids("msgs_ack", 1L), false);
    s.send(ack);
    long gap = s.clock.next(0);
    long received = s.send(q("ping").put("ping_id", 1L));
    s.await("pong");
    long future = s.clock.next(0) + (1000L << 32);
    MtMessage req = s.message(ids("msgs_state_req", query, ack.msgId(), gap, future, 4L), false);
    s.send(req);
    JsonObject info = s.await("msgs_state_info").body();
    assertEquals(req.msgId(), info.getLong("req_msg_id"));
    byte[] status = info.getBuffer("info").getBytes();
    assertEquals(4 | 8 | 32 | 64, status[0], "query: received, acked, processed, answered");
    assertEquals(4 | 16, status[1], "ack: received, needs no ack");
    assertEquals(2, status[2], "not received, within the range");
    assertEquals(3, status[3], "not received, too high");
    assertEquals(1, status[4], "unknown, too low");
    assertTrue(received > 0);
  }

  @Test
  void unackedAnswersAreResentAfterReconnect() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    dc.faults().dropConnectionAfterMessages(1);
    long before = dc.stats().executions("help.getAppConfig");
    long id = s.send(q("help.getAppConfig").put("hash", 5));
    assertTrue(s.conn.awaitClosed(3000));
    s.conn = connect();
    s.send(s.message(q("ping").put("ping_id", 1L), false));
    assertEquals(5, s.result(id).body().getJsonObject("result").getInteger("hash"));
    assertEquals(1, dc.stats().executions("help.getAppConfig") - before);
  }

  @Test
  void aQueryResentAfterReconnectIsAnsweredOnceInAValidContainer() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    dc.faults().dropConnectionAfterMessages(1);
    long before = dc.stats().executions("help.getAppConfig");
    MtMessage query = s.message(q("help.getAppConfig").put("hash", 6), true);
    s.send(query);
    assertTrue(s.conn.awaitClosed(3000));
    s.conn = connect();
    // as a client does: the unanswered query again, with its msg_id, in a new container
    s.send(s.container(query, s.message(q("ping").put("ping_id", 2L), false)));
    // the strict container check of the test client fails if the answer is queued twice in one container
    assertEquals(6, s.result(query.msgId()).body().getJsonObject("result").getInteger("hash"));
    assertEquals(1, dc.stats().executions("help.getAppConfig") - before);
  }

  @Test
  void msgResendReq() throws Exception {
    TestSession s = session();
    long id = s.send(q("help.getNearestDc"));
    TestSession.Received answer = s.result(id);
    s.send(s.message(ids("msg_resend_req", answer.msgId()), false));
    assertEquals(answer.raw(), s.await(r -> r.msgId() == answer.msgId()).raw());
    s.send(s.message(ids("msg_resend_req", answer.msgId(), answer.msgId() + 4), false));
    assertEquals(2, s.await("msgs_state_info").body().getBuffer("info").length());
  }

  @Test
  void destroySession() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    long other = s.sessionId + 1;
    s.sendAs(s.salt, other, s.message(q("ping").put("ping_id", 1L), false));
    s.conn.frame(); // the pong of the other session
    s.send(s.message(q("destroy_session").put("session_id", other), false));
    assertEquals(other, s.await("destroy_session_ok").body().getLong("session_id"));
    s.send(s.message(q("destroy_session").put("session_id", other), false));
    assertEquals(other, s.await("destroy_session_none").body().getLong("session_id"));
  }

  @Test
  void destroyAuthKey() throws Exception {
    TestSession s = session();
    s.call(q("help.getNearestDc"));
    s.send(s.message(q("destroy_auth_key"), false));
    s.await("destroy_auth_key_ok");
    s.send(q("help.getNearestDc"));
    assertEquals(-404, s.conn.transportError());
  }

  @Test
  void rpcDropAnswer() throws Exception {
    TestSession s = session();
    long waiting = s.send(q("invokeAfterMsg").put("msg_id", s.clock.next(0) + (5L << 32))
        .put("query", q("help.getNearestDc")));
    long drop = s.send(q("rpc_drop_answer").put("req_msg_id", waiting));
    assertEquals("rpc_answer_dropped_running", s.result(drop).body().getJsonObject("result").getString("_"));
    long done = s.send(q("help.getNearestDc"));
    TestSession.Received answer = s.result(done);
    long drop2 = s.send(q("rpc_drop_answer").put("req_msg_id", done));
    JsonObject dropped = s.result(drop2).body().getJsonObject("result");
    assertEquals("rpc_answer_dropped", dropped.getString("_"));
    assertEquals(answer.msgId(), dropped.getLong("msg_id"));
    long drop3 = s.send(q("rpc_drop_answer").put("req_msg_id", 12345L << 2));
    assertEquals("rpc_answer_unknown", s.result(drop3).body().getJsonObject("result").getString("_"));
    Thread.sleep(700);
    s.send(s.message(q("ping").put("ping_id", 3L), false));
    s.await("pong");
    assertFalse(s.pending().stream().anyMatch(r -> "rpc_result".equals(r.name())
        && r.body().getLong("req_msg_id") == waiting), "a dropped call is never answered");
  }
}
