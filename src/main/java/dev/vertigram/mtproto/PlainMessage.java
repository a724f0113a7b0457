package dev.vertigram.mtproto;

import io.vertx.core.buffer.Buffer;

/**
 * Unencrypted messages ({@code auth_key_id = 0 ‖ msg_id ‖ length ‖ body}), used only for the auth key exchange.
 */
public final class PlainMessage {

  /** Header size: auth_key_id (8), msg_id (8) and length (4). */
  public static final int HEADER = 20;

  private PlainMessage() {
  }

  /** Wraps a body into an unencrypted message. */
  public static Buffer encode(long msgId, Buffer body) {
    Buffer out = Buffer.buffer(HEADER + body.length());
    out.appendLongLE(0).appendLongLE(msgId).appendIntLE(body.length()).appendBuffer(body);
    return out;
  }

  /** Whether a transport payload is an unencrypted message (its auth_key_id is zero). */
  public static boolean isPlain(Buffer frame) {
    return frame.length() >= 8 && frame.getLongLE(0) == 0;
  }

  /**
   * Reads an unencrypted message. The declared length must fit in the frame; the body is what it declares
   * (seqno is 0: unencrypted messages have none).
   */
  public static MtMessage decode(Buffer frame) {
    if (frame.length() < HEADER + 4) {
      throw new MtprotoException("unencrypted message too short: " + frame.length() + " bytes");
    }
    if (frame.getLongLE(0) != 0) {
      throw new MtprotoException("not an unencrypted message (auth_key_id is not 0)");
    }
    long msgId = frame.getLongLE(8);
    int length = frame.getIntLE(16);
    if (length < 4 || length > frame.length() - HEADER || (length & 3) != 0) {
      throw new MtprotoException("unencrypted message length " + length + " does not fit a "
          + frame.length() + "-byte frame");
    }
    return new MtMessage(msgId, 0, frame.slice(HEADER, HEADER + length));
  }
}
