package dev.vertigram.localdc.impl;

import dev.vertigram.mtproto.MtMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Acts on accepted messages: the MTProto service messages here, RPC queries through the {@link RpcDispatcher}.
 * Answers to service queries are top-level messages (pong, future_salts, msgs_state_info, destroy_session_ok/none,
 * destroy_auth_key_ok) except rpc_drop_answer's, which comes in an rpc_result. A content-related body that does not
 * decode is answered with {@code 400 INPUT_METHOD_INVALID} (unknown constructor) or {@code 400 INPUT_FETCH_ERROR}
 * (malformed). Confined to the DC's event loop.
 */
final class MessageDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MessageDispatcher.class);
  /** Most ids in one msgs_ack, msgs_state_req or msg_resend_req; more is a flood (-429). */
  static final int MAX_IDS = 8192;

  private final DcState dc;
  private final RpcDispatcher rpc;
  private final ResultEncoder encoder;

  MessageDispatcher(DcState dc, RpcDispatcher rpc, ResultEncoder encoder) {
    this.dc = dc;
    this.rpc = rpc;
    this.encoder = encoder;
  }

  void dispatch(ServerConnection conn, Session s, InMsg in, MtMessage m, DecodedBody body) {
    if (body.value() == null) {
      undecodable(s, in, body);
      return;
    }
    JsonObject b = body.value();
    String name = body.name();
    switch (name) {
      case "msgs_ack" -> ids(conn, b).ifPresent(s::acked);
      case "ping" -> s.send(ServiceBodies.pong(m.msgId(), b.getLong("ping_id")), 1, false);
      case "ping_delay_disconnect" -> {
        s.send(ServiceBodies.pong(m.msgId(), b.getLong("ping_id")), 1, false);
        conn.disconnectAfter(b.getInteger("disconnect_delay"));
      }
      case "get_future_salts" -> {
        long now = dc.clock().seconds();
        int num = Math.max(1, Math.min(64, b.getInteger("num")));
        s.send(ServiceBodies.futureSalts(m.msgId(), now, s.key().salts().future(now, num)), 1, false);
      }
      case "msgs_state_req" -> ids(conn, b).ifPresent(ids -> stateInfo(s, m, ids));
      case "msg_resend_req" -> ids(conn, b).ifPresent(ids -> resend(s, m, ids));
      case "destroy_session" -> {
        long id = b.getLong("session_id");
        boolean ok = id != s.sessionId() && dc.sessions().remove(s.key(), id);
        s.send(ServiceBodies.destroySession(ok, id), 1, false);
      }
      case "destroy_auth_key" -> {
        dc.keys().remove(s.key());
        dc.sessions().removeAll(s.key());
        s.send(ServiceBodies.destroyAuthKeyOk(), 1, false);
      }
      case "rpc_drop_answer" -> dropAnswer(s, in, b.getLong("req_msg_id"));
      default -> {
        if (body.kind() == DecodedBody.Kind.QUERY) {
          rpc.dispatch(dc, s, in, b);
        } else {
          log.debug("DC{}: ignoring a {} from the client", dc.id(), name);
        }
      }
    }
  }

  /** A message whose msg_id the session already received: never executed twice. */
  void duplicate(Session s, MtMessage m) {
    InMsg in = s.inbound().get(m.msgId());
    if (in == null) {
      return;
    }
    if (in.contentRelated) {
      s.ackLater(in);
    }
    MtMessage answer = in.answer;
    if (answer == null) {
      return; // not answered yet: the answer will follow
    }
    if (s.unacked(answer.msgId()) != null) {
      s.resend(answer);
    } else {
      s.send(ServiceBodies.msgDetailedInfo(m.msgId(), answer.msgId(), answer.body().length()), 1, false);
    }
  }

  private void undecodable(Session s, InMsg in, DecodedBody body) {
    log.debug("DC{}: undecodable message {}: {}", dc.id(), in.msgId, body.error());
    if (!in.contentRelated) {
      return;
    }
    String error = body.unknownConstructor() ? "INPUT_METHOD_INVALID" : "INPUT_FETCH_ERROR";
    in.rpc = InMsg.Rpc.FAILED;
    s.answer(in, encoder.error(in.msgId, 400, error));
    s.waiters().rpcFinished();
  }

  private static Optional<List<Long>> ids(ServerConnection conn, JsonObject b) {
    JsonArray array = b.getJsonArray("msg_ids");
    if (array.size() > MAX_IDS) {
      conn.flood("more than " + MAX_IDS + " msg_ids in one " + b.getString("_"));
      return Optional.empty();
    }
    List<Long> ids = new ArrayList<>(array.size());
    for (int i = 0; i < array.size(); i++) {
      ids.add(array.getLong(i));
    }
    return Optional.of(ids);
  }

  private static void stateInfo(Session s, MtMessage req, List<Long> ids) {
    byte[] info = new byte[ids.size()];
    for (int i = 0; i < info.length; i++) {
      info[i] = s.inbound().status(ids.get(i));
    }
    s.send(ServiceBodies.msgsStateInfo(req.msgId(), info), 1, false);
  }

  /** Re-sends the server messages asked for; if one is unknown, answers as for msgs_state_req instead. */
  private static void resend(Session s, MtMessage req, List<Long> ids) {
    List<MtMessage> found = new ArrayList<>(ids.size());
    for (long id : ids) {
      MtMessage m = s.unacked(id);
      if (m == null) {
        stateInfo(s, req, ids);
        return;
      }
      found.add(m);
    }
    found.forEach(s::resend);
  }

  private void dropAnswer(Session s, InMsg dropReq, long reqMsgId) {
    InMsg target = s.inbound().get(reqMsgId);
    Buffer answer;
    if (target == null || target.rpc == InMsg.Rpc.NONE) {
      answer = ServiceBodies.rpcAnswerUnknown();
    } else if (!target.finished()) {
      target.dropped = true;
      answer = ServiceBodies.rpcAnswerDroppedRunning();
    } else if (target.answer != null && s.unacked(target.answer.msgId()) != null) {
      MtMessage a = target.answer;
      s.forget(a);
      answer = ServiceBodies.rpcAnswerDropped(a.msgId(), a.seqno(), a.body().length());
    } else {
      answer = ServiceBodies.rpcAnswerUnknown();
    }
    dropReq.rpc = InMsg.Rpc.DONE;
    s.answer(dropReq, encoder.boxed(dropReq.msgId, answer));
  }
}
