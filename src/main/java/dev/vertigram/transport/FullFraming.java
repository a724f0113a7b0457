package dev.vertigram.transport;

import dev.vertigram.crypto.Crc32;
import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Full: {@code len(4 LE, whole frame) ‖ seq(4 LE) ‖ payload ‖ crc32(len ‖ seq ‖ payload)}. Each direction counts
 * its frames from 0; a wrong sequence number or CRC breaks the stream. There are no quick acks and no tag.
 */
final class FullFraming extends Framing {
  private static final int OVERHEAD = 12;

  private int sendSeq;
  private int receiveSeq;

  FullFraming(boolean fromServer) {
    super(fromServer);
  }

  @Override
  byte[] plainTag() {
    return new byte[0];
  }

  @Override
  int headerLength(int len) {
    checkPayloadSize(len);
    return 8;
  }

  @Override
  int trailerLength() {
    return 4;
  }

  @Override
  void frame(byte[] frame, int off, int len, int trailer) {
    int start = off - 8;
    putIntLE(frame, start, OVERHEAD + len);
    putIntLE(frame, start + 4, sendSeq++);
    putIntLE(frame, off + len, Crc32.crc32(frame, start, 8 + len));
  }

  @Override
  byte[] encodeQuickAck(int token) {
    throw new UnsupportedOperationException("the full transport has no quick acks");
  }

  @Override
  boolean decodeOne(ByteQueue in, Consumer<Buffer> onFrame, IntConsumer onQuickAck) {
    if (!in.has(4)) {
      return false;
    }
    long len = in.getIntLE(0) & 0xffffffffL;
    if (len < OVERHEAD) {
      throw new TransportException("bad full-transport length " + len + " (min " + OVERHEAD + ")");
    }
    checkFrameSize(len - OVERHEAD);
    if (!in.has(len)) {
      return false;
    }
    byte[] frame = in.readBytes((int) len);
    int end = frame.length - 4;
    int expected = crc32(frame, end);
    int got = getIntLE(frame, end);
    if (expected != got) {
      throw new TransportException("bad crc, expected: " + Integer.toUnsignedString(expected)
        + ", got: " + Integer.toUnsignedString(got));
    }
    int seq = getIntLE(frame, 4);
    if (seq != receiveSeq) {
      throw new TransportException("bad seq, expected: " + receiveSeq + ", got: " + seq);
    }
    receiveSeq++;
    onFrame.accept(Buffer.buffer(end - 8).appendBytes(frame, 8, end - 8));
    return true;
  }

  private static int crc32(byte[] b, int len) {
    return Crc32.crc32(b, 0, len);
  }
}
