package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * Intermediate: 4-byte LE length + payload. A length with bit 31 set is, from a server, a quick-ack token with no
 * payload after it (no valid length has that bit); from a client, the quick-ack request flag (ignored).
 */
class IntermediateFraming extends Framing {

  IntermediateFraming(boolean fromServer) {
    super(fromServer);
  }

  /** The tag sent before the first frame, as a LE int. */
  int tag() {
    return TransportKind.INTERMEDIATE.obfuscatedTag();
  }

  @Override
  final int headerLength(int len) {
    checkPayloadSize(len);
    return 4;
  }

  @Override
  final void frame(byte[] frame, int off, int len, int trailer) {
    putIntLE(frame, off - 4, len + trailer);
    if (trailer > 0) {
      byte[] random = new byte[trailer];
      RANDOM.nextBytes(random);
      System.arraycopy(random, 0, frame, off + len, trailer);
    }
  }

  @Override
  final byte[] plainTag() {
    byte[] tag = new byte[4];
    putIntLE(tag, 0, tag());
    return tag;
  }

  @Override
  byte[] encodeQuickAck(int token) {
    byte[] frame = new byte[4];
    putIntLE(frame, 0, token);
    return frame;
  }

  @Override
  final boolean decodeOne(ByteQueue in, Consumer<Buffer> onFrame, IntConsumer onQuickAck) {
    if (!in.has(4)) {
      return false;
    }
    int len = in.getIntLE(0);
    if (len < 0) {
      if (fromServer) {
        in.skip(4);
        onQuickAck.accept(len);
        return true;
      }
      len &= Integer.MAX_VALUE;
    }
    checkFrameSize(len);
    if (!in.has(4L + len)) {
      return false;
    }
    in.skip(4);
    deliver(in, len, onFrame, onQuickAck);
    return true;
  }

  /** Takes a complete frame body of {@code len} bytes (the header already skipped) and hands it on. */
  void deliver(ByteQueue in, int len, Consumer<Buffer> onFrame, IntConsumer onQuickAck) {
    onFrame.accept(in.readBuffer(len));
  }
}
