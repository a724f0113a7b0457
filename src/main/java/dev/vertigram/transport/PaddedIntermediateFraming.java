package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Padded intermediate: like intermediate, but the length covers the payload plus 0..15 random bytes, and the
 * real payload length is not sent.
 *
 * <p>tdlib hands payload + padding upwards and its MTProto layer drops what does not fit. Here the decoder
 * restores the exact payload itself, from the shape of an MTProto packet, so that callers see the same
 * payloads with every framing:
 * <ul>
 *   <li>under 24 bytes starting with a negative int: a transport error, 4 bytes (a quick ack from a server is
 *       {@code ffffffff} + token + 0..8 random bytes, 8..16 bytes, and is reported as a quick ack);</li>
 *   <li>auth_key_id 0 (unencrypted message): 20 + message_data_length (the int at offset 16) bytes;</li>
 *   <li>any other auth_key_id (encrypted message, 8 + 16 + 16k bytes): the length minus (length - 8) mod 16;</li>
 *   <li>anything else: the length rounded down to a multiple of 4 (tdlib's rule for TL data).</li>
 * </ul>
 * Padding is always shorter than 16 bytes, so each rule is exact for a well-formed packet.
 */
final class PaddedIntermediateFraming extends IntermediateFraming {
  private static final int UNENCRYPTED_HEADER = 20;
  private static final int MIN_ENCRYPTED = 24;

  PaddedIntermediateFraming(boolean fromServer) {
    super(fromServer);
  }

  @Override
  int tag() {
    return TransportKind.PADDED_INTERMEDIATE.obfuscatedTag();
  }

  /** 0..15 random bytes after each payload. */
  @Override
  int trailerLength() {
    return RANDOM.nextInt(16);
  }

  @Override
  byte[] encodeQuickAck(int token) {
    int padding = RANDOM.nextInt(9);
    byte[] frame = new byte[12 + padding];
    RANDOM.nextBytes(frame);
    putIntLE(frame, 0, 8 + padding);
    putIntLE(frame, 4, -1);
    putIntLE(frame, 8, token);
    return frame;
  }

  @Override
  void deliver(ByteQueue in, int len, Consumer<Buffer> onFrame, IntConsumer onQuickAck) {
    if (fromServer && len >= 8 && len <= 16 && in.getIntLE(0) == -1) {
      int token = in.getIntLE(4);
      in.skip(len);
      onQuickAck.accept(token);
      return;
    }
    int payloadLength = payloadLength(in, len);
    Buffer payload = in.readBuffer(payloadLength);
    in.skip(len - payloadLength); // before onFrame, which may throw (transport error)
    onFrame.accept(payload);
  }

  private static int payloadLength(ByteQueue in, int len) {
    if (len >= 4 && len < MIN_ENCRYPTED && in.getIntLE(0) < 0) {
      return 4;
    }
    boolean unencrypted = len >= 8 && in.getIntLE(0) == 0 && in.getIntLE(4) == 0;
    if (unencrypted && len >= UNENCRYPTED_HEADER) {
      long exact = UNENCRYPTED_HEADER + (in.getIntLE(16) & 0xffffffffL);
      if (exact <= len && len - exact < 16) {
        return (int) exact;
      }
    } else if (!unencrypted && len >= MIN_ENCRYPTED) {
      return len - (len - 8) % 16;
    }
    return len & ~3;
  }
}
