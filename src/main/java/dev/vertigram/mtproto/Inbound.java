package dev.vertigram.mtproto;

import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.tl.TlException;
import dev.vertigram.tl.GzipPacked;
import dev.vertigram.tl.TlReader;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static dev.vertigram.mtproto.ServiceMessages.*;

/**
 * The receive path of a session: decrypts and checks each frame (msg_key, session_id, msg_id window and replays),
 * unpacks containers and gzip, answers the service messages and hands results to their queries and the rest to the
 * updates listener. A message failing a check is dropped without using its data; a security failure also drops the
 * connection.
 */
final class Inbound {

  private static final Logger log = LoggerFactory.getLogger(Inbound.class);

  private final MtSession s;
  private final BadMsgHandler badMsgs;
  private final ServiceInbound service;
  long dropped;

  Inbound(MtSession session) {
    this.s = session;
    this.badMsgs = new BadMsgHandler(session);
    this.service = new ServiceInbound(session);
  }

  void onFrame(Buffer frame) {
    MtMessage m;
    try {
      EncryptedMessage.Envelope envelope = EncryptedMessage.decrypt(s.key, EncryptedMessage.SERVER_TO_CLIENT, frame);
      if (envelope.sessionId() != s.sessionId) {
        throw new SecurityCheckException("message for session " + Long.toHexString(envelope.sessionId())
            + ", ours is " + Long.toHexString(s.sessionId));
      }
      m = envelope.message();
    } catch (SecurityCheckException | MtprotoException e) {
      dropped++;
      s.listener.onFatal(e);
      return;
    }
    if (!s.clockSynced) {
      s.syncClock(MessageIdClock.secondsOf(m.msgId()));
    }
    try {
      handle(m, true);
    } catch (TlException | MtprotoException | IndexOutOfBoundsException e) {
      s.listener.onFatal(new MtprotoException("malformed message from the server: " + e.getMessage(), e));
      return;
    }
    s.outbox.acksAdded();
  }

  private void handle(MtMessage m, boolean topLevel) {
    MsgIdWindow.Verdict verdict = s.window.check(m.msgId(), s.clock.serverSeconds(), s.clockSynced);
    if (verdict == MsgIdWindow.Verdict.TOO_OLD || verdict == MsgIdWindow.Verdict.TOO_NEW) {
      // Only a clock notification about a message we sent may come from outside the window: it is how we learn
      // that our clock is off.
      if (topLevel && MsgContainer.isContainer(m.body())) {
        for (MtMessage inner : MsgContainer.unpackAllowingRepeats(m.body(), m.msgId())) {
          clockNotificationOnly(inner);
        }
      } else {
        clockNotificationOnly(m);
      }
      return;
    }
    if ((verdict == MsgIdWindow.Verdict.BELOW_WINDOW || verdict == MsgIdWindow.Verdict.DUPLICATE)
        && answersPendingQuery(m)) {
      // An answer re-sent long after (reconnect) may be older than every id we remember, and a server restarted
      // from its state may reuse an id it gave before. Neither can be replayed to any effect: a query is answered
      // once and then forgotten.
      if (verdict == MsgIdWindow.Verdict.BELOW_WINDOW) {
        s.window.accept(m.msgId());
      }
      log.debug("answer {} under a msg_id already seen ({}) taken: its query is pending",
          Long.toHexString(m.msgId()), verdict);
      verdict = MsgIdWindow.Verdict.OK;
    }
    if (verdict == MsgIdWindow.Verdict.DUPLICATE || verdict == MsgIdWindow.Verdict.BELOW_WINDOW) {
      if (m.contentRelated()) {
        s.outbox.ack(m.msgId()); // the server re-sends what it thinks we did not get; the ack uses no data
      }
      dropped++;
      log.debug("ignored message {} ({})", Long.toHexString(m.msgId()), verdict);
      return;
    }
    if (verdict != MsgIdWindow.Verdict.OK) {
      drop(m, verdict.toString());
      return;
    }
    if (m.contentRelated()) {
      s.outbox.ack(m.msgId());
    }
    dispatch(m.msgId(), m.body(), topLevel);
  }

  /** An rpc_result or a pong (both name the query's msg_id first) whose query still waits for it. */
  private boolean answersPendingQuery(MtMessage m) {
    int constructor = m.constructorId();
    return (constructor == RPC_RESULT || constructor == PONG) && m.body().length() >= 12
        && s.pending.containsKey(m.body().getLongLE(4));
  }

  private void clockNotificationOnly(MtMessage m) {
    if (m.constructorId() == BAD_MSG_NOTIFICATION && m.body().length() >= 20) {
      int code = m.body().getIntLE(16);
      if ((code == 16 || code == 17) && badMsgs.handle(m.msgId(), m.body())) {
        return;
      }
    }
    drop(m, "msg_id outside the time window");
  }

  private void dispatch(long msgId, Buffer body, boolean topLevel) {
    if (body.length() < 4) {
      throw new MtprotoException("empty message body");
    }
    switch (body.getIntLE(0)) {
      case MsgContainer.ID -> {
        if (!topLevel) {
          throw new MtprotoException("nested msg_container");
        }
        for (MtMessage inner : MsgContainer.unpackAllowingRepeats(body, msgId)) {
          handle(inner, false);
        }
      }
      case GZIP_PACKED -> dispatch(msgId, inflate(body), false);
      case RPC_RESULT -> rpcResult(body);
      case BAD_MSG_NOTIFICATION, BAD_SERVER_SALT -> {
        if (!badMsgs.handle(msgId, body)) {
          dropped++; // about a message we did not send, or that was answered meanwhile
        }
      }
      case NEW_SESSION_CREATED -> service.newSessionCreated(reader(body));
      case PONG, FUTURE_SALTS -> service.answer(body);
      case MSGS_STATE_REQ -> service.stateRequest(msgId, reader(body));
      case MSG_RESEND_REQ -> service.resendRequest(msgId, reader(body));
      case MSG_DETAILED_INFO -> service.detailedInfo(body.getLongLE(4), body.getLongLE(12));
      case MSG_NEW_DETAILED_INFO -> service.detailedInfo(0, body.getLongLE(4));
      case MSGS_ACK, MSGS_ALL_INFO -> {
        // nothing to do: unanswered calls are re-sent on reconnect whether acked or not
      }
      default -> update(body);
    }
  }

  private static Buffer inflate(Buffer gzipPacked) {
    return Buffer.buffer(GzipPacked.inflate(reader(gzipPacked).readBytes(), GzipPacked.MAX_INFLATED));
  }

  private void rpcResult(Buffer body) {
    long reqMsgId = body.getLongLE(4);
    Query q = s.pending.get(reqMsgId);
    if (q == null) {
      log.debug("rpc_result for {} which is no longer pending", reqMsgId);
      return;
    }
    Buffer result = body.slice(12, body.length());
    if (result.length() >= 4 && result.getIntLE(0) == GZIP_PACKED) {
      result = inflate(result);
    }
    if (result.length() >= 4 && result.getIntLE(0) == RPC_ERROR) {
      TlReader r = reader(result);
      int code = r.readInt();
      String message = r.readString();
      if (q.queueId != null && (message.equals("MSG_WAIT_FAILED") || message.equals("MSG_WAIT_TIMEOUT"))) {
        s.resendWithNewId(q); // its predecessor failed or was late: run it again, still in order
      } else {
        s.rpcError(q, code, message);
      }
      return;
    }
    JsonObject decoded;
    try {
      decoded = s.codec.decodeResult(q.resultMethod, new TlReader(result));
    } catch (TlException e) {
      s.fail(q, e);
      return;
    }
    s.succeed(q, decoded);
  }

  private void update(Buffer body) {
    JsonObject update;
    try {
      update = s.codec.decode(body);
    } catch (TlException e) {
      log.warn("undecodable update dropped: {}", e.getMessage());
      s.listener.onUpdatesGap("undecodable update");
      return;
    }
    try {
      s.listener.onUpdate(update);
    } catch (RuntimeException e) {
      log.error("updates listener failed", e);
    }
  }

  private void drop(MtMessage m, String why) {
    dropped++;
    log.warn("dropped message {} from the server: {}", Long.toHexString(m.msgId()), why);
  }

  static TlReader reader(Buffer body) {
    TlReader r = new TlReader(body);
    r.position(4);
    return r;
  }
}
