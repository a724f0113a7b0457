package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;

/**
 * Recovery from {@code bad_msg_notification} and {@code bad_server_salt}, only for messages we recently sent:
 * 16/17 resync the clock from the notification's own msg_id (17 also restarts the session, since our ids must go
 * back), 18/19/20/64 re-send under new ids, 32/33 restart the session (new session_id and seqno, as tdlib does),
 * 34/35 fail the calls (a bug on our side that a re-send would repeat), 48 stores the new salt and re-sends.
 */
final class BadMsgHandler {

  private static final Logger log = LoggerFactory.getLogger(BadMsgHandler.class);

  private final MtSession s;

  BadMsgHandler(MtSession session) {
    this.s = session;
  }

  /**
   * @param serverMsgId the notification's own msg_id (its time is the server's clock)
   * @return false when the notification is not about a message we recently sent (it is then ignored)
   */
  boolean handle(long serverMsgId, Buffer body) {
    long badMsgId = body.getLongLE(4);
    int code = body.getIntLE(16);
    long[] packetAcks = s.outbox.sentPacket(badMsgId);
    List<Query> affected = new ArrayList<>();
    for (Query q : s.pending.values()) {
      if (q.msgId == badMsgId || q.packetId == badMsgId) {
        affected.add(q);
      }
    }
    if (packetAcks == null && affected.isEmpty()) {
      log.debug("bad_msg_notification {} about {}, which we did not send recently", code, Long.toHexString(badMsgId));
      return false;
    }
    log.debug("bad_msg_notification {} for {} ({} calls)", code, Long.toHexString(badMsgId), affected.size());
    if (packetAcks != null) {
      for (long id : packetAcks) {
        s.outbox.ack(id); // the whole packet was refused, acks included
      }
    }
    switch (code) {
      case 16 -> {
        s.syncClock(MessageIdClock.secondsOf(serverMsgId));
        resend(affected);
      }
      case 17 -> {
        s.syncClock(MessageIdClock.secondsOf(serverMsgId));
        s.restart("our clock was ahead of the server");
      }
      case 32, 33 -> s.restart("seqno rejected with code " + code);
      case 34, 35 -> affected.forEach(q -> s.fail(q, new MtprotoException(
          "the server rejected the seqno parity of " + q.resultMethod + " (code " + code + ")")));
      case 48 -> {
        s.salts.replace(body.getLongLE(20));
        resend(affected);
      }
      default -> resend(affected);
    }
    s.outbox.scheduleFlush();
    return true;
  }

  private void resend(List<Query> affected) {
    affected.sort((a, b) -> Long.compareUnsigned(a.msgId, b.msgId));
    for (Query q : affected) {
      s.resendWithNewId(q);
    }
  }
}
