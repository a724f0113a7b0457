package dev.vertigram.localdc;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.mtproto.EncryptedMessage;
import dev.vertigram.mtproto.MessageIdClock;
import dev.vertigram.mtproto.MsgContainer;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.mtproto.SeqNoCounter;
import dev.vertigram.tl.TlCodec;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An encrypted MTProto session of the test client: builds messages (well-formed or not), sends them, and receives the
 * server's messages flattened out of their containers, checking the server's side of the rules on the way
 * (odd msg_ids increasing, containers above their contents).
 */
final class TestSession {

  /** One message received from the server. */
  record Received(long msgId, int seqno, Buffer raw, JsonObject body) {
    String name() {
      return body.getString("_");
    }
  }

  static final TlCodec CODEC = TlCodec.api();

  TestConnection conn;
  final AuthKey key;
  final MessageIdClock clock;
  final SeqNoCounter seqno = new SeqNoCounter();
  long salt;
  long sessionId = TestHandshake.RANDOM.nextLong();
  private final List<Received> pending = new ArrayList<>();
  private long lastServerMsgId;

  TestSession(TestConnection conn, AuthKey key, long salt, MessageIdClock clock) {
    this.conn = conn;
    this.key = key;
    this.salt = salt;
    this.clock = clock;
  }

  /** A session over a fresh key made on {@code conn}. */
  static TestSession create(TestConnection conn, LocalDc dc, int dcId) throws InterruptedException {
    TestHandshake hs = new TestHandshake(conn, dc.publicKey(), dcId);
    AuthKey key = hs.run();
    return new TestSession(conn, key, hs.firstSalt(), hs.clock);
  }

  /** The same key and a new session on another connection. */
  TestSession sibling(TestConnection other) {
    return new TestSession(other, key, salt, clock);
  }

  MtMessage message(JsonObject body, boolean contentRelated) {
    return new MtMessage(clock.next(0), seqno.next(contentRelated), CODEC.encode(body));
  }

  MtMessage container(MtMessage... messages) {
    return new MtMessage(clock.next(0), seqno.next(false), MsgContainer.pack(List.of(messages)));
  }

  void send(MtMessage m) {
    sendAs(salt, sessionId, m);
  }

  void sendAs(long salt, long sessionId, MtMessage m) {
    conn.send(EncryptedMessage.encrypt(key, EncryptedMessage.CLIENT_TO_SERVER, salt, sessionId, m,
        TestHandshake.RANDOM));
  }

  /** Sends a content-related message; returns its msg_id. */
  long send(JsonObject body) {
    MtMessage m = message(body, true);
    send(m);
    return m.msgId();
  }

  /** Decrypts the next frame and queues its messages. */
  void receiveFrame() throws InterruptedException {
    Buffer frame = conn.frame();
    EncryptedMessage.Envelope env = EncryptedMessage.decrypt(key, EncryptedMessage.SERVER_TO_CLIENT, frame);
    assertEquals(sessionId, env.sessionId(), "server wrote to another session");
    MtMessage m = env.message();
    checkServerId(m.msgId());
    if (MsgContainer.isContainer(m.body())) {
      for (MtMessage inner : MsgContainer.unpack(m.body(), m.msgId())) {
        assertTrue((inner.msgId() & 1) == 1, "server msg_id must be odd");
        pending.add(new Received(inner.msgId(), inner.seqno(), inner.body(), CODEC.decode(inner.body())));
      }
    } else {
      pending.add(new Received(m.msgId(), m.seqno(), m.body(), CODEC.decode(m.body())));
    }
  }

  private void checkServerId(long msgId) {
    assertTrue((msgId & 1) == 1, "server msg_id must be odd");
    assertTrue(msgId > lastServerMsgId, "server msg_ids must increase on the wire");
    lastServerMsgId = msgId;
  }

  /** Accepts lower server msg_ids from now on (after the server clock was moved back). */
  void forgetServerIds() {
    lastServerMsgId = 0;
  }

  /** The first received message matching {@code p} (earlier non-matching ones stay queued). */
  Received await(Predicate<Received> p) throws InterruptedException {
    while (true) {
      for (Iterator<Received> it = pending.iterator(); it.hasNext(); ) {
        Received r = it.next();
        if (p.test(r)) {
          it.remove();
          return r;
        }
      }
      receiveFrame();
    }
  }

  Received await(String name) throws InterruptedException {
    return await(r -> name.equals(r.name()));
  }

  /** The rpc_result answering {@code reqMsgId}. */
  Received result(long reqMsgId) throws InterruptedException {
    return await(r -> "rpc_result".equals(r.name()) && r.body().getLong("req_msg_id") == reqMsgId);
  }

  /** Calls a method and returns its result object (an rpc_error is returned as is). */
  JsonObject call(JsonObject query) throws InterruptedException {
    return result(send(query)).body().getJsonObject("result");
  }

  /** The error code of the bad_msg_notification (or 48 for bad_server_salt) about {@code msgId}. */
  int badMsg(long msgId) throws InterruptedException {
    Received r = await(m -> m.name().startsWith("bad_") && m.body().getLong("bad_msg_id") == msgId);
    return r.body().getInteger("error_code");
  }

  /** Everything queued so far (for assertions on what was not received). */
  List<Received> pending() {
    return pending;
  }
}
