package dev.vertigram.localdc.impl;

import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.mtproto.EncryptedMessage;
import dev.vertigram.mtproto.MsgContainer;
import dev.vertigram.mtproto.MsgIdWindow;
import dev.vertigram.mtproto.MtMessage;
import dev.vertigram.mtproto.MtprotoException;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * The checks of an encrypted frame, in order: auth_key_id (unknown or expired: -404), msg_key and lengths (-404), the
 * outer msg_id (16/17/18/20, 19 for a re-used container id), the salt (bad_server_salt), the container (64, 34 when
 * content-related), then per message its msg_id, the seqno parity for its kind (34/35) and the seqno order (32/33).
 * Rejected messages are not remembered, so the client can re-send them, even with the same msg_id inside a new
 * container. A message already received is not executed again (see {@link MessageDispatcher#duplicate}).
 */
final class EncryptedLayer {

  private static final Logger log = LoggerFactory.getLogger(EncryptedLayer.class);

  private final DcState dc;

  EncryptedLayer(DcState dc) {
    this.dc = dc;
  }

  /**
   * Handles one encrypted frame. Returns null when it is done, or, for a big frame decrypted off the loop (see
   * {@link CryptoOffload}), a future completing on the loop once the frame is handled: the connection holds the frames
   * after it until then. The future fails with the {@link SecurityCheckException} of a bad frame.
   */
  Future<Void> onFrame(ServerConnection conn, Buffer frame) {
    long keyId = EncryptedMessage.authKeyId(frame);
    StoredKey key = dc.keys().find(keyId, dc.clock().millis());
    if (key == null) {
      conn.sendTransportError(-404, "unknown or expired auth_key_id");
      return null;
    }
    if (CryptoOffload.offLoop(dc, frame.length())) {
      return CryptoOffload.run(dc, frame.length(),
          () -> EncryptedMessage.decrypt(key.key(), EncryptedMessage.CLIENT_TO_SERVER, frame)).map(env -> {
            if (conn.closed()) {
              return null;
            }
            if (dc.keys().find(keyId, dc.clock().millis()) != key) {
              conn.sendTransportError(-404, "auth_key_id destroyed while the frame was decrypted");
            } else {
              decrypted(conn, key, env);
            }
            return null;
          });
    }
    EncryptedMessage.Envelope env;
    try {
      env = EncryptedMessage.decrypt(key.key(), EncryptedMessage.CLIENT_TO_SERVER, frame);
    } catch (SecurityCheckException e) {
      conn.sendTransportError(-404, e.getMessage());
      return null;
    }
    decrypted(conn, key, env);
    return null;
  }

  /** The checks and dispatch of a decrypted frame, in order (see the class comment). */
  private void decrypted(ServerConnection conn, StoredKey key, EncryptedMessage.Envelope env) {
    Session session = dc.sessions().open(key, env.sessionId());
    MtMessage m = env.message();
    boolean container = MsgContainer.isContainer(m.body());
    if (container) {
      dc.stats().container();
    } else {
      received(conn);
    }
    long now = dc.clock().seconds();
    MsgIdWindow.Verdict verdict = session.inbound().check(m.msgId(), now);
    if (verdict == MsgIdWindow.Verdict.OK || !session.attached()) {
      // a replayed old frame must not pull a live session (and its re-sends) onto another connection
      session.attach(conn);
    }
    if (verdict == MsgIdWindow.Verdict.DUPLICATE && !container) {
      dc.dispatcher().duplicate(session, m);
      return;
    }
    if (verdict != MsgIdWindow.Verdict.OK) {
      bad(session, m, verdict == MsgIdWindow.Verdict.DUPLICATE ? 19 : code(verdict));
      return;
    }
    if (dc.faults().takeBadServerSalt()) {
      badSalt(session, m, key.salts().rotate(now));
      return;
    }
    if (!key.salts().accepts(env.salt(), now)) {
      badSalt(session, m, key.salts().current(now));
      return;
    }
    List<Inbound> messages = container ? container(conn, session, m)
        : List.of(new Inbound(m, DecodedBody.of(m.body())));
    if (messages == null) {
      return;
    }
    session.announce(messages.stream().mapToLong(i -> i.message().msgId()).min().orElse(m.msgId()));
    for (Inbound in : messages) {
      accept(conn, session, in, now, container);
    }
  }

  /** One received message with its decoded body. */
  record Inbound(MtMessage message, DecodedBody body) {
  }

  /** Validates a whole container (64 when anything is wrong); null when it was rejected. */
  private List<Inbound> container(ServerConnection conn, Session session, MtMessage m) {
    if (m.contentRelated()) {
      bad(session, m, 34);
      return null;
    }
    List<MtMessage> inner;
    try {
      inner = MsgContainer.unpack(m.body(), m.msgId());
    } catch (MtprotoException e) {
      log.debug("DC{}: invalid container: {}", dc.id(), e.getMessage());
      bad(session, m, 64);
      return null;
    }
    List<Inbound> out = new ArrayList<>(inner.size());
    for (MtMessage i : inner) {
      received(conn);
      DecodedBody body = DecodedBody.of(i.body());
      if (i.seqno() > m.seqno() || body.malformed()) {
        log.debug("DC{}: invalid container: message {} seqno {} / body {}", dc.id(), i.msgId(), i.seqno(),
            body.error());
        bad(session, m, 64);
        return null;
      }
      out.add(new Inbound(i, body));
    }
    int seqnoError = session.inbound().seqnoError(m.msgId(), m.seqno());
    if (seqnoError != 0) {
      bad(session, m, seqnoError);
      return null;
    }
    session.inbound().accept(m, true);
    return out;
  }

  private void accept(ServerConnection conn, Session session, Inbound in, long now, boolean inContainer) {
    MtMessage m = in.message();
    if (inContainer) {
      MsgIdWindow.Verdict verdict = session.inbound().check(m.msgId(), now);
      if (verdict == MsgIdWindow.Verdict.DUPLICATE) {
        dc.dispatcher().duplicate(session, m);
        return;
      }
      if (verdict != MsgIdWindow.Verdict.OK) {
        bad(session, m, code(verdict));
        return;
      }
    }
    DecodedBody.Kind kind = in.body().kind();
    if (kind == DecodedBody.Kind.NEVER_CONTENT && m.contentRelated()) {
      bad(session, m, 34);
      return;
    }
    if (kind == DecodedBody.Kind.QUERY && !m.contentRelated()) {
      bad(session, m, 35);
      return;
    }
    int seqnoError = session.inbound().seqnoError(m.msgId(), m.seqno());
    if (seqnoError != 0) {
      bad(session, m, seqnoError);
      return;
    }
    InMsg accepted = session.inbound().accept(m, false);
    if (m.contentRelated()) {
      session.ackLater(accepted);
    }
    dc.dispatcher().dispatch(conn, session, accepted, m, in.body());
  }

  /** Counts a received message for the stats and the drop fault. */
  private void received(ServerConnection conn) {
    dc.stats().message();
    if (dc.faults().takeDropAfterMessage()) {
      conn.dropAfterFrame();
    }
  }

  private void bad(Session session, MtMessage m, int code) {
    log.debug("DC{}: bad_msg_notification {} for msg_id {} seqno {}", dc.id(), code, m.msgId(), m.seqno());
    session.send(ServiceBodies.badMsgNotification(m.msgId(), m.seqno(), code), 1, false);
  }

  private void badSalt(Session session, MtMessage m, long newSalt) {
    log.debug("DC{}: bad_server_salt for msg_id {}", dc.id(), m.msgId());
    session.send(ServiceBodies.badServerSalt(m.msgId(), m.seqno(), newSalt), 1, false);
  }

  private static int code(MsgIdWindow.Verdict verdict) {
    switch (verdict) {
      case TOO_OLD:
        return 16;
      case TOO_NEW:
        return 17;
      case BAD_RESIDUE:
        return 18;
      default:
        return 20;
    }
  }
}
