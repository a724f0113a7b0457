package dev.vertigram.mtproto;

import dev.vertigram.tl.TlReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

import static dev.vertigram.mtproto.ServiceMessages.*;

/**
 * The service messages about messages that reach a session: {@code new_session_created} (new salt, re-sends, an
 * updates gap), {@code msgs_state_req}, {@code msg_resend_req}, {@code msg_detailed_info} and the answers to the
 * session's own service queries ({@code pong}, {@code future_salts}, whose {@code now} also resyncs the clock).
 * Bodies come checked and unpacked from {@link Inbound}.
 */
final class ServiceInbound {

  private final MtSession s;
  private long lastUniqueId;

  ServiceInbound(MtSession session) {
    this.s = session;
  }

  /** pong and future_salts: answers that come as plain messages naming the query's msg_id. */
  void answer(Buffer body) {
    JsonObject answer = s.codec.decode(body);
    if (body.getIntLE(0) == FUTURE_SALTS) {
      s.syncClock(Integer.toUnsignedLong(answer.getInteger("now")));
      s.salts.addFuture(answer);
    }
    Query q = s.pending.get(body.getLongLE(4));
    if (q != null) {
      s.succeed(q, answer);
    }
  }

  /** new_session_created: the server salt, re-sends of what it never saw, initConnection again, an updates gap. */
  void newSessionCreated(TlReader r) {
    long firstMsgId = r.readLong();
    long uniqueId = r.readLong();
    s.salts.replace(r.readLong());
    if (uniqueId == lastUniqueId) {
      return;
    }
    lastUniqueId = uniqueId;
    for (Query q : new ArrayList<>(s.pending.values())) {
      if (Long.compareUnsigned(q.msgId, firstMsgId) < 0) {
        s.resendWithNewId(q);
      }
    }
    if (s.initMsgId == 0 || Long.compareUnsigned(s.initMsgId, firstMsgId) < 0) {
      s.requireInit();
    }
    s.serviceQueries.requestSaltsIfLow();
    s.listener.onUpdatesGap("new_session_created");
  }

  /** msgs_state_req: one status byte per id (4 received, 2 not received, 3 not received and too new). */
  void stateRequest(long reqMsgId, TlReader r) {
    long[] ids = longVector(r);
    byte[] info = new byte[ids.length];
    long now = s.clock.serverSeconds();
    for (int i = 0; i < ids.length; i++) {
      info[i] = s.window.seen(ids[i]) ? (byte) 4
          : MessageIdClock.secondsOf(ids[i]) > now + MsgIdWindow.MAX_AHEAD_SECONDS ? (byte) 3 : (byte) 2;
    }
    s.outbox.enqueue(Query.service(msgsStateInfo(reqMsgId, info), null, false, false, null));
  }

  /** msg_resend_req: the server lost some of our messages; unknown ones get a msgs_state_info (1 = unknown). */
  void resendRequest(long reqMsgId, TlReader r) {
    long[] ids = longVector(r);
    List<Long> unknown = new ArrayList<>();
    for (long id : ids) {
      Query q = s.pending.get(id);
      if (q != null) {
        s.outbox.requeue(q);
      } else {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      byte[] info = new byte[ids.length];
      for (int i = 0; i < ids.length; i++) {
        info[i] = s.pending.containsKey(ids[i]) ? (byte) 4 : (byte) 1;
      }
      s.outbox.enqueue(Query.service(msgsStateInfo(reqMsgId, info), null, false, false, null));
    }
  }

  /** The answer to a call already exists: ack it if we have it, else ask for it again. */
  void detailedInfo(long reqMsgId, long answerMsgId) {
    boolean waiting = reqMsgId == 0 || s.pending.containsKey(reqMsgId);
    if (waiting && !s.window.seen(answerMsgId)) {
      s.outbox.enqueue(Query.service(msgResendReq(answerMsgId), null, false, false, null));
    } else {
      s.outbox.ack(answerMsgId);
    }
  }

  /** A boxed {@code Vector<long>} of at most 8192 ids (the protocol's limit for service messages). */
  private static long[] longVector(TlReader r) {
    if (r.readInt() != VECTOR) {
      throw new MtprotoException("expected a Vector<long>");
    }
    int count = r.readInt();
    if (count < 0 || count > 8192) {
      throw new MtprotoException("service message with " + count + " ids");
    }
    long[] ids = new long[count];
    for (int i = 0; i < count; i++) {
      ids[i] = r.readLong();
    }
    return ids;
  }
}
