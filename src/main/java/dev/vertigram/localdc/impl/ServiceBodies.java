package dev.vertigram.localdc.impl;

import dev.vertigram.tl.TlSchema;
import dev.vertigram.tl.TlWriter;
import io.vertx.core.buffer.Buffer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Hand-written encoders for the small fixed-layout MTProto service objects the server sends on every turn (acks,
 * notifications, pongs, rpc_result envelopes): cheaper than building JSON for the codec. Constructor ids come from
 * the schema.
 */
final class ServiceBodies {

  static final int VECTOR = 0x1cb5c415;
  static final int MSGS_ACK = id("msgs_ack");
  static final int RPC_RESULT = id("rpc_result");
  static final int GZIP_PACKED = id("gzip_packed");
  private static final int BAD_MSG_NOTIFICATION = id("bad_msg_notification");
  private static final int BAD_SERVER_SALT = id("bad_server_salt");
  private static final int NEW_SESSION_CREATED = id("new_session_created");
  private static final int PONG = id("pong");
  private static final int MSGS_STATE_INFO = id("msgs_state_info");
  private static final int MSG_DETAILED_INFO = id("msg_detailed_info");
  private static final int FUTURE_SALTS = id("future_salts");
  private static final int DESTROY_SESSION_OK = id("destroy_session_ok");
  private static final int DESTROY_SESSION_NONE = id("destroy_session_none");
  private static final int DESTROY_AUTH_KEY_OK = id("destroy_auth_key_ok");
  private static final int RPC_ERROR = id("rpc_error");
  private static final int RPC_ANSWER_UNKNOWN = id("rpc_answer_unknown");
  private static final int RPC_ANSWER_DROPPED_RUNNING = id("rpc_answer_dropped_running");
  private static final int RPC_ANSWER_DROPPED = id("rpc_answer_dropped");

  private ServiceBodies() {
  }

  private static int id(String constructor) {
    return TlSchema.api().constructor(constructor).id();
  }

  static Buffer msgsAck(List<Long> msgIds) {
    TlWriter w = new TlWriter(12 + 8 * msgIds.size()).writeInt(MSGS_ACK).writeInt(VECTOR).writeInt(msgIds.size());
    for (long id : msgIds) {
      w.writeLong(id);
    }
    return w.toBuffer();
  }

  static Buffer badMsgNotification(long badMsgId, int badSeqno, int code) {
    return new TlWriter(20).writeInt(BAD_MSG_NOTIFICATION).writeLong(badMsgId).writeInt(badSeqno).writeInt(code)
        .toBuffer();
  }

  static Buffer badServerSalt(long badMsgId, int badSeqno, long newSalt) {
    return new TlWriter(28).writeInt(BAD_SERVER_SALT).writeLong(badMsgId).writeInt(badSeqno).writeInt(48)
        .writeLong(newSalt).toBuffer();
  }

  static Buffer newSessionCreated(long firstMsgId, long uniqueId, long salt) {
    return new TlWriter(28).writeInt(NEW_SESSION_CREATED).writeLong(firstMsgId).writeLong(uniqueId).writeLong(salt)
        .toBuffer();
  }

  static Buffer pong(long msgId, long pingId) {
    return new TlWriter(20).writeInt(PONG).writeLong(msgId).writeLong(pingId).toBuffer();
  }

  static Buffer msgsStateInfo(long reqMsgId, byte[] info) {
    return new TlWriter(16 + info.length).writeInt(MSGS_STATE_INFO).writeLong(reqMsgId).writeBytes(info).toBuffer();
  }

  static Buffer msgDetailedInfo(long msgId, long answerMsgId, int bytes) {
    return new TlWriter(28).writeInt(MSG_DETAILED_INFO).writeLong(msgId).writeLong(answerMsgId).writeInt(bytes)
        .writeInt(0).toBuffer();
  }

  static Buffer futureSalts(long reqMsgId, long now, List<ServerSalts.Salt> salts) {
    TlWriter w = new TlWriter(20 + 16 * salts.size()).writeInt(FUTURE_SALTS).writeLong(reqMsgId).writeInt((int) now)
        .writeInt(salts.size());
    for (ServerSalts.Salt s : salts) {
      w.writeInt((int) s.validSince()).writeInt((int) s.validUntil()).writeLong(s.salt()); // bare future_salt
    }
    return w.toBuffer();
  }

  static Buffer destroySession(boolean ok, long sessionId) {
    return new TlWriter(12).writeInt(ok ? DESTROY_SESSION_OK : DESTROY_SESSION_NONE).writeLong(sessionId).toBuffer();
  }

  static Buffer destroyAuthKeyOk() {
    return new TlWriter(4).writeInt(DESTROY_AUTH_KEY_OK).toBuffer();
  }

  static Buffer rpcError(int code, String message) {
    return new TlWriter(16 + message.length()).writeInt(RPC_ERROR).writeInt(code).writeString(message).toBuffer();
  }

  static Buffer rpcAnswerUnknown() {
    return new TlWriter(4).writeInt(RPC_ANSWER_UNKNOWN).toBuffer();
  }

  static Buffer rpcAnswerDroppedRunning() {
    return new TlWriter(4).writeInt(RPC_ANSWER_DROPPED_RUNNING).toBuffer();
  }

  static Buffer rpcAnswerDropped(long msgId, int seqno, int bytes) {
    return new TlWriter(20).writeInt(RPC_ANSWER_DROPPED).writeLong(msgId).writeInt(seqno).writeInt(bytes).toBuffer();
  }

  /** {@code rpc_result req_msg_id result}, where {@code result} is one boxed object. */
  static Buffer rpcResult(long reqMsgId, Buffer result) {
    return new TlWriter(12 + result.length()).writeInt(RPC_RESULT).writeLong(reqMsgId).writeRaw(result).toBuffer();
  }

}
