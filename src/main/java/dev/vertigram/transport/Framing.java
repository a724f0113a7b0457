package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.security.SecureRandom;
import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * One MTProto framing for one connection side: an encoder and a stateful decoder. The decoder only peeks at
 * a frame's header until the whole frame is buffered, then takes it in one copy.
 *
 * <p>{@code fromServer} says whose frames the decoder reads: a client reads server frames (which may be quick
 * acks), a server reads client frames (whose length may carry the quick-ack request bit, which is ignored:
 * the Local DC does not send quick acks unasked, and the Vertigram client never asks).
 */
abstract class Framing {
  /** Largest accepted payload: 16 MiB (gotd's cap; tdlib's is 4 MiB + 1 KiB). */
  static final int MAX_PAYLOAD = 16 << 20;

  static final SecureRandom RANDOM = new SecureRandom();

  /** True when decoding frames sent by a server. */
  final boolean fromServer;

  Framing(boolean fromServer) {
    this.fromServer = fromServer;
  }

  static Framing create(TransportKind kind, boolean fromServer) {
    switch (kind) {
      case ABRIDGED: return new AbridgedFraming(fromServer);
      case INTERMEDIATE: return new IntermediateFraming(fromServer);
      case PADDED_INTERMEDIATE: return new PaddedIntermediateFraming(fromServer);
      case FULL: return new FullFraming(fromServer);
      default: throw new IllegalArgumentException("unknown transport kind " + kind);
    }
  }

  /** Bytes the client sends once, before its first frame, on a plain (not obfuscated) connection. */
  abstract byte[] plainTag();

  /**
   * The length of the header in front of a {@code len}-byte payload (at most {@link FrameCodec#HEADROOM}).
   *
   * @throws IllegalArgumentException when this framing cannot carry such a payload
   */
  abstract int headerLength(int len);

  /** The length of what follows the next payload (padding, crc; at most {@link FrameCodec#TAILROOM}), per frame. */
  int trailerLength() {
    return 0;
  }

  /**
   * Turns {@code frame[off, off+len)}, a payload, into a frame: writes the {@link #headerLength} bytes before it and
   * the {@code trailer} bytes (from {@link #trailerLength}) after it.
   */
  abstract void frame(byte[] frame, int off, int len, int trailer);

  /** The server's quick-ack answer carrying {@code token} (a value with bit 31 set). */
  abstract byte[] encodeQuickAck(int token);

  /**
   * Takes at most one frame (or quick ack) off {@code in}.
   *
   * @return false when more bytes are needed
   * @throws TransportException on malformed or oversized frames
   */
  abstract boolean decodeOne(ByteQueue in, Consumer<Buffer> onFrame, IntConsumer onQuickAck);

  /** Encode-side size check: a caller bug, not a stream error. */
  static void checkPayloadSize(int length) {
    if (length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload too large: " + length + " bytes (max " + MAX_PAYLOAD + ")");
    }
  }

  /** Decode-side size check, done on the header alone so nothing is allocated for a refused frame. */
  static void checkFrameSize(long length) {
    if (length > MAX_PAYLOAD) {
      throw new TransportException("frame too large: " + length + " bytes (max " + MAX_PAYLOAD + ")");
    }
  }

  static void putIntLE(byte[] b, int off, int v) {
    b[off] = (byte) v;
    b[off + 1] = (byte) (v >>> 8);
    b[off + 2] = (byte) (v >>> 16);
    b[off + 3] = (byte) (v >>> 24);
  }

  static int getIntLE(byte[] b, int off) {
    return b[off] & 0xff | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
  }
}
