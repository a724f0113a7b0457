package dev.vertigram.mtproto;

import dev.vertigram.tl.TlWriter;
import io.vertx.core.buffer.Buffer;

/**
 * Constructor ids and hand-written encoders of the MTProto service messages the session sends. They are tiny and
 * some sit on the hot path (acks), so they skip the generic codec; the ids are checked against the schema in tests.
 */
final class ServiceMessages {

  static final int VECTOR = 0x1cb5c415;
  static final int MSGS_ACK = 0x62d6b459;
  static final int BAD_MSG_NOTIFICATION = 0xa7eff811;
  static final int BAD_SERVER_SALT = 0xedab447b;
  static final int MSGS_STATE_REQ = 0xda69fb52;
  static final int MSGS_STATE_INFO = 0x04deb57d;
  static final int MSGS_ALL_INFO = 0x8cc0d131;
  static final int MSG_DETAILED_INFO = 0x276d3ec6;
  static final int MSG_NEW_DETAILED_INFO = 0x809db6df;
  static final int MSG_RESEND_REQ = 0x7d861a08;
  static final int RPC_RESULT = 0xf35c6d01;
  static final int RPC_ERROR = 0x2144ca19;
  static final int FUTURE_SALTS = 0xae500895;
  static final int PONG = 0x347773c5;
  static final int NEW_SESSION_CREATED = 0x9ec20908;
  static final int GZIP_PACKED = 0x3072cfa1;
  static final int RPC_DROP_ANSWER = 0x58e4a740;
  static final int GET_FUTURE_SALTS = 0xb921bd04;
  static final int PING_DELAY_DISCONNECT = 0xf3427b8c;
  static final int INVOKE_AFTER_MSG = 0xcb9f372d;
  static final int INVOKE_WITH_LAYER = 0xda9b0d0d;
  static final int INIT_CONNECTION = 0xc1cd5ea9;

  /** At most this many ids in one msgs_ack (the protocol allows 8192; 4096 keeps one ack under 32 KB). */
  static final int MAX_ACK_IDS = 4096;

  private ServiceMessages() {
  }

  /** {@code msgs_ack msg_ids:Vector<long>} over ids[from, to). */
  static Buffer msgsAck(long[] ids, int from, int to) {
    return longVector(MSGS_ACK, ids, from, to);
  }

  /** {@code msg_resend_req msg_ids:Vector<long>}. */
  static Buffer msgResendReq(long... ids) {
    return longVector(MSG_RESEND_REQ, ids, 0, ids.length);
  }

  /** {@code msgs_state_info req_msg_id:long info:string}, one status byte per asked id. */
  static Buffer msgsStateInfo(long reqMsgId, byte[] info) {
    TlWriter out = new TlWriter();
    out.writeInt(MSGS_STATE_INFO);
    out.writeLong(reqMsgId);
    out.writeBytes(info);
    return out.toBuffer();
  }

  static Buffer rpcDropAnswer(long reqMsgId) {
    return Buffer.buffer(12).appendIntLE(RPC_DROP_ANSWER).appendLongLE(reqMsgId);
  }

  static Buffer getFutureSalts(int num) {
    return Buffer.buffer(8).appendIntLE(GET_FUTURE_SALTS).appendIntLE(num);
  }

  static Buffer pingDelayDisconnect(long pingId, int disconnectDelay) {
    return Buffer.buffer(16).appendIntLE(PING_DELAY_DISCONNECT).appendLongLE(pingId).appendIntLE(disconnectDelay);
  }

  private static Buffer longVector(int constructor, long[] ids, int from, int to) {
    Buffer out = Buffer.buffer(12 + 8 * (to - from)).appendIntLE(constructor).appendIntLE(VECTOR).appendIntLE(to - from);
    for (int i = from; i < to; i++) {
      out.appendLongLE(ids[i]);
    }
    return out;
  }
}
