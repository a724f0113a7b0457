package dev.vertigram.mtproto;

import dev.vertigram.mtproto.ScriptedPeer.Call;
import dev.vertigram.tl.TlReader;
import dev.vertigram.tl.TlSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static dev.vertigram.mtproto.ScriptedPeer.withConstructor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionWriteLoopTest {

  @Test
  void serviceConstructorIdsMatchTheSchema() {
    TlSchema s = TlSchema.api();
    assertEquals(s.constructor("msgs_ack").id(), ServiceMessages.MSGS_ACK);
    assertEquals(s.constructor("bad_msg_notification").id(), ServiceMessages.BAD_MSG_NOTIFICATION);
    assertEquals(s.constructor("bad_server_salt").id(), ServiceMessages.BAD_SERVER_SALT);
    assertEquals(s.constructor("msgs_state_req").id(), ServiceMessages.MSGS_STATE_REQ);
    assertEquals(s.constructor("msgs_state_info").id(), ServiceMessages.MSGS_STATE_INFO);
    assertEquals(s.constructor("msgs_all_info").id(), ServiceMessages.MSGS_ALL_INFO);
    assertEquals(s.constructor("msg_detailed_info").id(), ServiceMessages.MSG_DETAILED_INFO);
    assertEquals(s.constructor("msg_new_detailed_info").id(), ServiceMessages.MSG_NEW_DETAILED_INFO);
    assertEquals(s.constructor("msg_resend_req").id(), ServiceMessages.MSG_RESEND_REQ);
    assertEquals(s.constructor("rpc_result").id(), ServiceMessages.RPC_RESULT);
    assertEquals(s.constructor("rpc_error").id(), ServiceMessages.RPC_ERROR);
    assertEquals(s.constructor("future_salts").id(), ServiceMessages.FUTURE_SALTS);
    assertEquals(s.constructor("pong").id(), ServiceMessages.PONG);
    assertEquals(s.constructor("new_session_created").id(), ServiceMessages.NEW_SESSION_CREATED);
    assertEquals(s.constructor("gzip_packed").id(), ServiceMessages.GZIP_PACKED);
    assertEquals(s.method("rpc_drop_answer").id(), ServiceMessages.RPC_DROP_ANSWER);
    assertEquals(s.method("get_future_salts").id(), ServiceMessages.GET_FUTURE_SALTS);
    assertEquals(s.method("ping_delay_disconnect").id(), ServiceMessages.PING_DELAY_DISCONNECT);
    assertEquals(s.method("invokeAfterMsg").id(), ServiceMessages.INVOKE_AFTER_MSG);
    assertEquals(s.method("invokeWithLayer").id(), ServiceMessages.INVOKE_WITH_LAYER);
    assertEquals(s.method("initConnection").id(), ServiceMessages.INIT_CONNECTION);
    // the hand-written encoders agree with the codec
    assertEquals(ScriptedPeer.CODEC.decode(ServiceMessages.msgsAck(new long[] {5, 9}, 0, 2)),
        new JsonObject().put("_", "msgs_ack").put("msg_ids", new io.vertx.core.json.JsonArray().add(5L).add(9L)));
  }

  @Test
  void firstTickSendsStartupServiceMessagesTogether() {
    ScriptedPeer peer = new ScriptedPeer(null);
    peer.session.attach();
    peer.tick();
    assertEquals(1, peer.written.size());
    List<MtMessage> sent = peer.takeMessages();
    assertEquals(1, withConstructor(sent, ServiceMessages.PING_DELAY_DISCONNECT).size());
    assertEquals(1, withConstructor(sent, ServiceMessages.GET_FUTURE_SALTS).size());
  }

  @Test
  void callsOfOneTickArePackedWithinContainerLimits() {
    ScriptedPeer peer = ScriptedPeer.attached();
    List<Call> calls = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      Call c = new Call();
      calls.add(c);
      peer.session.send(c.query);
    }
    assertTrue(peer.written.isEmpty(), "nothing goes out before the end of the tick");
    peer.tick();
    assertEquals(3, peer.written.size());
    long lastId = 0;
    int lastSeqno = -1;
    for (Buffer frame : peer.written) {
      EncryptedMessage.Envelope env = peer.open(frame);
      assertEquals(ScriptedPeer.SALT, env.salt());
      assertEquals(peer.session.sessionId(), env.sessionId());
      List<MtMessage> inner = MsgContainer.unpack(env.message().body(), env.message().msgId());
      assertTrue(inner.size() <= Outbox.MAX_MESSAGES);
      int bytes = inner.stream().mapToInt(m -> m.body().length() + 16).sum();
      assertTrue(bytes <= Outbox.MAX_BYTES, "container holds " + bytes + " bytes");
      for (MtMessage m : inner) {
        assertTrue(m.msgId() > lastId && m.msgId() % 4 == 0);
        assertTrue(m.seqno() > lastSeqno && m.contentRelated());
        lastId = m.msgId();
        lastSeqno = m.seqno();
      }
      assertTrue(env.message().msgId() > lastId, "the container id is above its messages");
      assertTrue(env.message().seqno() >= lastSeqno && !env.message().contentRelated());
    }
    assertEquals(3000, peer.session.pendingCount() - 2); // + the startup ping and get_future_salts
  }

  @Test
  void bigCallGoesAlone() {
    ScriptedPeer peer = ScriptedPeer.attached();
    byte[] big = new byte[40_000];
    new Random(1).nextBytes(big);
    Buffer bigBody = Buffer.buffer().appendBuffer(Call.BODY).appendBytes(big);
    Call small1 = new Call();
    Call bigCall = new Call(bigBody, null);
    Call small2 = new Call();
    peer.session.send(small1.query);
    peer.session.send(bigCall.query);
    peer.session.send(small2.query);
    peer.tick();
    assertEquals(3, peer.written.size());
    MtMessage lone = peer.open(peer.written.get(1)).message();
    assertFalse(MsgContainer.isContainer(lone.body()));
    assertEquals(bigBody, lone.body());
    assertEquals(bigCall.query.msgId(), lone.msgId());
  }

  @Test
  void acksArePiggybackedOnTheNextCall() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call first = new Call();
    peer.session.send(first.query);
    peer.tick();
    peer.written.clear();
    long resultId = peer.serverClock.next(1);
    peer.deliver(resultId, 1, ScriptedPeer.rpcResult(first.query.msgId(), ScriptedPeer.nearestDc(2)));
    assertEquals(2, first.result.getInteger("this_dc"));
    Call second = new Call();
    peer.session.send(second.query);
    peer.tick();
    assertEquals(1, peer.written.size());
    List<MtMessage> sent = peer.takeMessages();
    List<MtMessage> acks = withConstructor(sent, ServiceMessages.MSGS_ACK);
    assertEquals(1, acks.size());
    assertEquals(List.of(resultId), ackedIds(acks.get(0)));
    assertFalse(acks.get(0).contentRelated());
  }

  @Test
  void manyPendingAcksGoOutAloneAndFewAfterTheTimer() {
    ScriptedPeer peer = ScriptedPeer.attached();
    for (int i = 0; i < 17; i++) {
      peer.deliver(updateShort(), true);
    }
    assertEquals(17, peer.updates.size());
    peer.tick();
    List<MtMessage> sent = peer.takeMessages();
    assertEquals(1, sent.size());
    assertEquals(17, ackedIds(sent.get(0)).size());

    peer.deliver(updateShort(), true);
    peer.tick();
    assertTrue(peer.written.isEmpty(), "one ack waits for the timer");
    peer.fireTimers();
    assertEquals(1, ackedIds(peer.takeMessages().get(0)).size());
  }

  @Test
  void queuedCallsAreChainedWithInvokeAfterMsgAndInitGoesFirst() {
    Buffer prefix = Buffer.buffer().appendIntLE(ServiceMessages.INVOKE_WITH_LAYER).appendIntLE(228);
    ScriptedPeer peer = new ScriptedPeer(prefix);
    peer.session.attach();
    Call a = new Call(Call.BODY, "q");
    Call b = new Call(Call.BODY, "q");
    Call other = new Call();
    peer.session.send(a.query);
    peer.session.send(b.query);
    peer.session.send(other.query);
    peer.tick();
    List<MtMessage> sent = peer.takeMessages();
    MtMessage ma = find(sent, a.query.msgId());
    MtMessage mb = find(sent, b.query.msgId());
    assertEquals(prefix.appendBuffer(Call.BODY), ma.body(), "the first call carries initConnection");
    assertEquals(ServiceMessages.INVOKE_AFTER_MSG, mb.body().getIntLE(0));
    assertEquals(a.query.msgId(), mb.body().getLongLE(4));
    assertEquals(Call.BODY, mb.body().slice(12, mb.body().length()));
    assertEquals(Call.BODY, find(sent, other.query.msgId()).body());

    // a fails: b gets MSG_WAIT_FAILED and runs again, no longer waiting for a
    peer.deliver(ScriptedPeer.rpcResult(a.query.msgId(), ScriptedPeer.rpcError(400, "PEER_ID_INVALID")), true);
    long oldB = b.query.msgId();
    peer.deliver(ScriptedPeer.rpcResult(oldB, ScriptedPeer.rpcError(400, "MSG_WAIT_FAILED")), true);
    assertEquals("400 PEER_ID_INVALID", a.error);
    assertEquals(0, b.outcomes);
    peer.tick();
    MtMessage again = find(peer.takeMessages(), b.query.msgId());
    assertTrue(b.query.msgId() > oldB);
    assertEquals(Call.BODY, again.body());
  }

  @Test
  void cancelBeforeSendDropsTheCallAndAfterSendsRpcDropAnswer() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call early = new Call();
    Call late = new Call();
    peer.session.send(early.query);
    peer.session.send(late.query);
    peer.session.cancel(early.query);
    peer.tick();
    List<MtMessage> sent = peer.takeMessages();
    assertEquals(1, sent.size());
    assertEquals(late.query.msgId(), sent.get(0).msgId());
    peer.session.cancel(late.query);
    peer.tick();
    MtMessage drop = peer.takeMessages().get(0);
    assertEquals(ServiceMessages.RPC_DROP_ANSWER, drop.constructorId());
    assertEquals(late.query.msgId(), drop.body().getLongLE(4));
    peer.deliver(ScriptedPeer.rpcResult(late.query.msgId(), ScriptedPeer.nearestDc(1)), true);
    assertEquals(0, early.outcomes + late.outcomes, "a cancelled call hears nothing");
  }

  static List<Long> ackedIds(MtMessage ack) {
    assertEquals(ServiceMessages.MSGS_ACK, ack.constructorId());
    List<Long> ids = new ArrayList<>();
    ScriptedPeer.CODEC.decode(ack.body()).getJsonArray("msg_ids").forEach(id -> ids.add(((Number) id).longValue()));
    return ids;
  }

  static MtMessage find(List<MtMessage> messages, long msgId) {
    return messages.stream().filter(m -> m.msgId() == msgId).findFirst().orElseThrow();
  }

  static Buffer updateShort() {
    return ScriptedPeer.encode(new JsonObject().put("_", "updateShort")
        .put("update", new JsonObject().put("_", "updateConfig")).put("date", 1));
  }
}
