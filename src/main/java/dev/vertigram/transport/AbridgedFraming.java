package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Abridged: {@code len/4} in one byte when below 0x7f, else {@code 7f} + 3-byte LE {@code len/4}; payloads are
 * multiples of 4 bytes. A server quick ack is the token byte-swapped (big-endian) with no header: its first byte
 * has bit 7 set, which no length byte has.
 */
final class AbridgedFraming extends Framing {
  private static final int LONG_HEADER = 0x7f;

  AbridgedFraming(boolean fromServer) {
    super(fromServer);
  }

  @Override
  byte[] plainTag() {
    return new byte[] {(byte) 0xef};
  }

  @Override
  int headerLength(int len) {
    checkPayloadSize(len);
    if (len % 4 != 0) {
      throw new IllegalArgumentException("abridged payload length must be a multiple of 4, got " + len);
    }
    return len / 4 < LONG_HEADER ? 1 : 4;
  }

  @Override
  void frame(byte[] frame, int off, int len, int trailer) {
    int words = len / 4;
    if (words < LONG_HEADER) {
      frame[off - 1] = (byte) words;
    } else {
      putIntLE(frame, off - 4, words << 8 | LONG_HEADER);
    }
  }

  @Override
  byte[] encodeQuickAck(int token) {
    return new byte[] {(byte) (token >>> 24), (byte) (token >>> 16), (byte) (token >>> 8), (byte) token};
  }

  @Override
  boolean decodeOne(ByteQueue in, Consumer<Buffer> onFrame, IntConsumer onQuickAck) {
    if (!in.has(1)) {
      return false;
    }
    int first = in.getUnsignedByte(0);
    if (fromServer && first >= 0x80) {
      if (!in.has(4)) {
        return false;
      }
      int token = first << 24 | in.getUnsignedByte(1) << 16 | in.getUnsignedByte(2) << 8 | in.getUnsignedByte(3);
      in.skip(4);
      onQuickAck.accept(token);
      return true;
    }
    // From a client, bit 7 is the quick-ack request flag: ignored.
    int words = first & 0x7f;
    int header = 1;
    if (words == LONG_HEADER) {
      if (!in.has(4)) {
        return false;
      }
      header = 4;
      words = in.getIntLE(0) >>> 8;
    }
    long len = words * 4L;
    checkFrameSize(len);
    if (!in.has(header + len)) {
      return false;
    }
    in.skip(header);
    onFrame.accept(in.readBuffer((int) len));
    return true;
  }
}
