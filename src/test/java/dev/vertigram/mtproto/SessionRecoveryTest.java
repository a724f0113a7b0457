package dev.vertigram.mtproto;

import dev.vertigram.mtproto.ScriptedPeer.Call;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.vertigram.mtproto.ScriptedPeer.withConstructor;
import static dev.vertigram.mtproto.SessionWriteLoopTest.find;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SessionRecoveryTest {

  private static Buffer badMsg(long badMsgId, int code) {
    return ScriptedPeer.encode(new JsonObject().put("_", "bad_msg_notification").put("bad_msg_id", badMsgId)
        .put("bad_msg_seqno", 1).put("error_code", code));
  }

  private static Call sendOne(ScriptedPeer peer) {
    Call call = new Call();
    peer.session.send(call.query);
    peer.tick();
    peer.written.clear();
    return call;
  }

  @Test
  void badServerSaltStoresTheSaltAndResendsUnderNewIds() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = new Call();
    Call b = new Call();
    peer.session.send(a.query);
    peer.session.send(b.query);
    peer.tick();
    long container = peer.open(peer.written.get(0)).message().msgId();
    long oldA = a.query.msgId();
    peer.written.clear();
    peer.deliver(ScriptedPeer.encode(new JsonObject().put("_", "bad_server_salt").put("bad_msg_id", container)
        .put("bad_msg_seqno", 4).put("error_code", 48).put("new_server_salt", 777L)), false);
    peer.tick();
    assertEquals(1, peer.written.size());
    assertEquals(777L, peer.open(peer.written.get(0)).salt());
    List<MtMessage> sent = peer.takeMessages();
    assertTrue(a.query.msgId() > container && a.query.msgId() != oldA);
    find(sent, a.query.msgId());
    find(sent, b.query.msgId());
  }

  @Test
  void notificationAboutAMessageWeNeverSentIsIgnored() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    long id = a.query.msgId();
    peer.deliver(badMsg(id + 400, 48), false);
    peer.tick();
    assertTrue(peer.written.isEmpty());
    assertEquals(id, a.query.msgId());
    assertEquals(1, peer.session.droppedMessages());
  }

  @Test
  void code16ResyncsTheClockFromTheNotificationAndResends() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    long serverNow = System.currentTimeMillis() / 1000 + 1000;
    peer.serverClock.syncSeconds(serverNow);
    peer.deliver(badMsg(a.query.msgId(), 16), false); // its msg_id is outside our window: allowed for 16/17
    peer.tick();
    find(peer.takeMessages(), a.query.msgId());
    assertTrue(Math.abs(MessageIdClock.secondsOf(a.query.msgId()) - serverNow) <= 2);
    assertTrue(peer.fatal.isEmpty());
  }

  @Test
  void code17RestartsTheSessionSinceIdsMustGoBack() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    long oldSession = peer.session.sessionId();
    long serverNow = System.currentTimeMillis() / 1000 - 1000;
    peer.serverClock.syncSeconds(serverNow);
    peer.deliver(badMsg(a.query.msgId(), 17), false);
    peer.tick();
    assertNotEquals(oldSession, peer.session.sessionId());
    EncryptedMessage.Envelope env = peer.open(peer.written.get(0));
    assertEquals(peer.session.sessionId(), env.sessionId());
    assertTrue(Math.abs(MessageIdClock.secondsOf(a.query.msgId()) - serverNow) <= 2);
  }

  @Test
  void seqnoErrorsRestartTheSession() {
    for (int code : new int[] {32, 33}) {
      ScriptedPeer peer = ScriptedPeer.attached();
      Call a = sendOne(peer);
      long oldSession = peer.session.sessionId();
      peer.deliver(badMsg(a.query.msgId(), code), false);
      peer.tick();
      assertNotEquals(oldSession, peer.session.sessionId());
      List<MtMessage> sent = peer.takeMessages();
      find(sent, a.query.msgId());
      assertEquals(1, sent.stream().mapToInt(MtMessage::seqno).filter(s -> (s & 1) == 1).min().orElse(-1),
          "seqno starts over in the new session");
    }
  }

  @Test
  void seqnoParityErrorsFailTheCall() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    peer.deliver(badMsg(a.query.msgId(), 35), false);
    assertTrue(a.failure instanceof MtprotoException);
  }

  @Test
  void newSessionCreatedResendsOlderCallsAndReportsAGap() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    Call b = sendOne(peer);
    long oldA = a.query.msgId();
    long oldB = b.query.msgId();
    peer.deliver(ScriptedPeer.encode(new JsonObject().put("_", "new_session_created").put("first_msg_id", oldB)
        .put("unique_id", 42L).put("server_salt", 999L)), true);
    peer.tick();
    assertTrue(a.query.msgId() > oldA, "sent before first_msg_id: re-sent");
    assertEquals(oldB, b.query.msgId());
    assertEquals(List.of("new_session_created"), peer.gaps);
    EncryptedMessage.Envelope env = peer.open(peer.written.get(0));
    assertEquals(999L, env.salt());
  }

  @Test
  void replaysAndForeignMessagesAreDroppedUnused() {
    ScriptedPeer peer = ScriptedPeer.attached();
    long id = peer.serverClock.next(3);
    peer.deliver(id, 1, SessionWriteLoopTest.updateShort());
    peer.deliver(id, 1, SessionWriteLoopTest.updateShort());
    assertEquals(1, peer.updates.size());
    assertEquals(1, peer.session.droppedMessages());
    assertTrue(peer.fatal.isEmpty(), "a re-sent message is not an attack");

    MtMessage m = new MtMessage(peer.serverClock.next(3), 1, SessionWriteLoopTest.updateShort());
    peer.session.onFrame(EncryptedMessage.encrypt(peer.key, EncryptedMessage.SERVER_TO_CLIENT, 1, 12345L, m,
        peer.random));
    assertEquals(1, peer.fatal.size(), "wrong session_id");
    Buffer good = EncryptedMessage.encrypt(peer.key, EncryptedMessage.SERVER_TO_CLIENT, 1, peer.session.sessionId(),
        new MtMessage(peer.serverClock.next(3), 1, SessionWriteLoopTest.updateShort()), peer.random);
    Buffer corrupted = good.copy();
    corrupted.setByte(10, (byte) (corrupted.getByte(10) ^ 1));
    peer.session.onFrame(corrupted);
    assertEquals(2, peer.fatal.size(), "bad msg_key");
    assertEquals(1, peer.updates.size());
  }

  @Test
  void reconnectResendsUnansweredCallsKeepingTheirIds() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = new Call();
    Call b = new Call();
    peer.session.send(a.query);
    peer.session.send(b.query);
    peer.tick();
    long oldContainer = peer.open(peer.written.get(0)).message().msgId();
    peer.written.clear();
    peer.deliver(ScriptedPeer.rpcResult(a.query.msgId(), ScriptedPeer.nearestDc(1)), true);
    long idB = b.query.msgId();
    peer.session.detach();
    peer.session.attach();
    peer.tick();
    EncryptedMessage.Envelope env = peer.open(peer.written.get(0));
    assertTrue(env.message().msgId() > oldContainer, "a new container");
    List<MtMessage> sent = peer.takeMessages();
    assertEquals(idB, find(sent, idB).msgId());
    assertEquals(1, sent.stream().filter(m -> m.body().equals(Call.BODY)).count());
    assertEquals(1, withConstructor(sent, ServiceMessages.MSGS_ACK).size());
  }

  @Test
  void stateRequestsAndResendRequestsAreAnswered() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    long seen = peer.serverClock.next(3);
    peer.deliver(seen, 1, SessionWriteLoopTest.updateShort());
    long unseen = peer.serverClock.next(3);
    long req = peer.serverClock.next(3);
    peer.deliver(req, 2, ScriptedPeer.encode(new JsonObject().put("_", "msgs_state_req")
        .put("msg_ids", new JsonArray().add(seen).add(unseen))));
    peer.deliver(ScriptedPeer.encode(new JsonObject().put("_", "msg_resend_req")
        .put("msg_ids", new JsonArray().add(a.query.msgId()))), false);
    peer.tick();
    List<MtMessage> sent = peer.takeMessages();
    MtMessage info = withConstructor(sent, ServiceMessages.MSGS_STATE_INFO).get(0);
    JsonObject decoded = ScriptedPeer.CODEC.decode(info.body());
    assertEquals(req, decoded.getLong("req_msg_id"));
    assertEquals(Buffer.buffer(new byte[] {4, 2}), decoded.getBuffer("info"));
    find(sent, a.query.msgId());
  }

  @Test
  void gzippedResultsAreInflated() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    Buffer packed = ScriptedPeer.encode(new JsonObject().put("_", "gzip_packed").put("packed_data",
        gzip(ScriptedPeer.nearestDc(4))));
    peer.deliver(ScriptedPeer.rpcResult(a.query.msgId(), packed), true);
    assertEquals(4, a.result.getInteger("nearest_dc"));
  }

  @Test
  void futureSaltsResyncTheClockAndAreReportedForSaving() {
    ScriptedPeer peer = ScriptedPeer.attached();
    long serverNow = System.currentTimeMillis() / 1000 + 1000;
    peer.deliver(ScriptedPeer.encode(new JsonObject().put("_", "future_salts").put("req_msg_id", 4L)
        .put("now", (int) serverNow).put("salts", new JsonArray().add(new JsonObject().put("_", "future_salt")
            .put("valid_since", (int) serverNow - 10).put("valid_until", (int) serverNow + 7200).put("salt", 555L)))),
        false);
    Call a = sendOne(peer);
    assertTrue(Math.abs(MessageIdClock.secondsOf(a.query.msgId()) - serverNow) <= 2, "clock follows future_salts.now");
    assertEquals(1, peer.savedSalts.size());
    SaltList restored = new SaltList(0, saved -> { });
    restored.restore(peer.savedSalts.get(0));
    assertEquals(peer.savedSalts.get(0), restored.saved());
    assertEquals(555L, restored.current(serverNow));
  }

  @Test
  void anRpcResultForAnUnknownCallIsAckedAndOtherwiseIgnored() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    long answer = peer.serverClock.next(1);
    peer.deliver(answer, 1, ScriptedPeer.rpcResult(a.query.msgId() + 4, ScriptedPeer.nearestDc(2)));
    peer.deliver(peer.serverClock.next(1), 3, ScriptedPeer.rpcResult(a.query.msgId() + 8,
        ScriptedPeer.rpcError(400, "GARBAGE")));
    assertEquals(0, a.outcomes);
    assertTrue(peer.fatal.isEmpty() && peer.updates.isEmpty());
    peer.fireTimers();
    List<MtMessage> acks = withConstructor(peer.takeMessages(), ServiceMessages.MSGS_ACK);
    assertEquals(answer, acks.get(0).body().getLongLE(12), "acked so that the server stops re-sending it");
    peer.deliver(ScriptedPeer.rpcResult(a.query.msgId(), ScriptedPeer.nearestDc(1)), true);
    assertEquals(1, a.result.getInteger("nearest_dc"));
  }

  @Test
  void answersUnderAnIdAlreadySeenStillCompleteTheirPendingQueries() {
    // a server restarted from its state may reuse msg_ids this session already took: a dropped rpc_result or pong
    // would leave its query waiting for ever on a connection that looks alive
    ScriptedPeer peer = new ScriptedPeer(null);
    peer.session.attach();
    peer.tick();
    MtMessage ping = ScriptedPeer.withConstructor(peer.takeMessages(), ServiceMessages.PING_DELAY_DISCONNECT).get(0);
    long reused = peer.serverClock.next(1);
    peer.deliver(reused, 1, SessionWriteLoopTest.updateShort());
    Call a = sendOne(peer);
    peer.deliver(reused, 1, ScriptedPeer.rpcResult(a.query.msgId(), ScriptedPeer.nearestDc(1)));
    assertEquals(1, a.outcomes);
    assertEquals(1, a.result.getInteger("nearest_dc"));
    peer.deliver(reused, 2, ScriptedPeer.encode(new JsonObject().put("_", "pong").put("msg_id", ping.msgId())
        .put("ping_id", ping.body().getLongLE(4))));
    peer.fireTimers();
    assertTrue(peer.fatal.isEmpty(), "the pong was taken: " + peer.fatal);

    peer.deliver(reused, 3, ScriptedPeer.rpcResult(a.query.msgId(), ScriptedPeer.nearestDc(2)));
    assertEquals(1, a.outcomes, "an answer to a query already answered is still a replay");
    assertEquals(1, peer.session.droppedMessages());
  }

  @Test
  void aContainerRepeatingAMessageKeepsTheOthers() {
    ScriptedPeer peer = ScriptedPeer.attached();
    Call a = sendOne(peer);
    MtMessage update = new MtMessage(peer.serverClock.next(3), 1, SessionWriteLoopTest.updateShort());
    MtMessage result = new MtMessage(peer.serverClock.next(1), 3,
        ScriptedPeer.rpcResult(a.query.msgId(), ScriptedPeer.nearestDc(1)));
    peer.deliver(peer.serverClock.next(3), 4, MsgContainer.pack(List.of(update, result, update)));
    assertTrue(peer.fatal.isEmpty());
    assertEquals(1, peer.updates.size());
    assertEquals(1, a.result.getInteger("nearest_dc"));
    assertEquals(1, peer.session.droppedMessages());
  }

  @Test
  void missingPongIsFatal() {
    ScriptedPeer peer = ScriptedPeer.attached();
    peer.fireTimers(); // the startup ping was never answered
    assertEquals(1, peer.fatal.size());
  }

  private static Buffer gzip(Buffer data) {
    try {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
        gz.write(data.getBytes());
      }
      return Buffer.buffer(out.toByteArray());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
