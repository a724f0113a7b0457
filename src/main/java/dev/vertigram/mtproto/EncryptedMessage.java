package dev.vertigram.mtproto;

import dev.vertigram.crypto.AuthKey;
import dev.vertigram.crypto.MessageCipher;
import dev.vertigram.crypto.SecurityCheckException;
import dev.vertigram.transport.FrameCodec;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.SecureRandom;

/**
 * The MTProto 2.0 encrypted envelope shared by the client and the Local DC:
 * {@code auth_key_id ‖ msg_key ‖ AES-IGE(salt ‖ session_id ‖ msg_id ‖ seq_no ‖ length ‖ body ‖ padding)}.
 *
 * <p>Decryption runs every check of the security guidelines that concerns the envelope itself: auth_key_id,
 * msg_key (in {@link MessageCipher}), the length field (non-negative, divisible by 4) and the padding length
 * (12..1024). Session id, salt and msg_id are checked by the session that owns the message.
 */
public final class EncryptedMessage {

  /** x for messages from client to server. */
  public static final int CLIENT_TO_SERVER = 0;
  /** x for messages from server to client. */
  public static final int SERVER_TO_CLIENT = 8;
  /** Size of the plaintext header: salt, session_id, msg_id, seq_no, length. */
  public static final int INNER_HEADER = 32;

  private EncryptedMessage() {
  }

  /**
   * A decrypted message with the header fields of its envelope.
   *
   * @param salt      the server salt it carries
   * @param sessionId the session it belongs to
   * @param message   the message itself
   */
  public record Envelope(long salt, long sessionId, MtMessage message) {
  }

  /**
   * Encrypts one message for the wire. The body is copied once, into the envelope encrypted in place; the envelope
   * lies in an array with room for any transport's frame around it, so {@link FrameCodec#encodeOwned} frames it
   * without copying it again.
   */
  public static Buffer encrypt(AuthKey key, int x, long salt, long sessionId, MtMessage message, SecureRandom random) {
    Buffer body = message.body();
    int len = INNER_HEADER + body.length();
    int length = MessageCipher.envelopeLength(len, random);
    int off = FrameCodec.HEADROOM;
    byte[] wire = new byte[off + length + FrameCodec.TAILROOM];
    ByteBuffer.wrap(wire, off + MessageCipher.HEADER, INNER_HEADER).order(ByteOrder.LITTLE_ENDIAN)
        .putLong(salt).putLong(sessionId).putLong(message.msgId()).putInt(message.seqno()).putInt(body.length());
    body.getBytes(wire, off + MessageCipher.HEADER + INNER_HEADER);
    MessageCipher.encryptInPlace(key, x, wire, off, length, len, random);
    return BufferInternal.buffer(Unpooled.wrappedBuffer(wire, off, length));
  }

  /** The auth_key_id at the start of an encrypted frame. */
  public static long authKeyId(Buffer frame) {
    if (frame.length() < 8) {
      throw new MtprotoException("frame too short for an auth_key_id: " + frame.length() + " bytes");
    }
    return frame.getLongLE(0);
  }

  /**
   * Decrypts and checks one encrypted frame, handed over: when it is exactly its backing array (as transports deliver
   * frames) it is decrypted in place, so do not use it afterwards.
   *
   * @throws SecurityCheckException when any check fails; the message must then be dropped
   */
  public static Envelope decrypt(AuthKey key, int x, Buffer frame) {
    byte[] wire = FrameCodec.ownedBytes(frame);
    MessageCipher.decryptInPlace(key, x, wire, 0, wire.length);
    int plainLength = wire.length - MessageCipher.HEADER;
    if (plainLength < INNER_HEADER + 12) {
      throw new SecurityCheckException("encrypted message too short: " + plainLength + " bytes");
    }
    Buffer p = BufferInternal.buffer(Unpooled.wrappedBuffer(wire, MessageCipher.HEADER, plainLength));
    int length = p.getIntLE(28);
    int padding = plainLength - INNER_HEADER - length;
    if (length < 0 || (length & 3) != 0 || padding < 12 || padding > 1024) {
      throw new SecurityCheckException("bad message length " + length + " in a " + plainLength + "-byte plaintext");
    }
    MtMessage message = new MtMessage(p.getLongLE(16), p.getIntLE(24), p.slice(INNER_HEADER, INNER_HEADER + length));
    return new Envelope(p.getLongLE(0), p.getLongLE(8), message);
  }
}
