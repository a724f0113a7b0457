package dev.vertigram.transport;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.util.function.Consumer;

/**
 * One side of a framed MTProto byte stream: turns payloads into wire bytes and wire bytes, split anywhere,
 * back into payloads. Not thread-safe: use it from one thread (the connection's event loop).
 */
public interface FrameCodec {

  /** Free bytes a payload handed to {@link #encodeOwned} needs before it in its array to be framed in place. */
  int HEADROOM = 8;
  /** Free bytes a payload handed to {@link #encodeOwned} needs after it in its array to be framed in place. */
  int TAILROOM = 16;

  /** Wire bytes for one payload (including the tag or obfuscated2 header before the first frame, when due). */
  Buffer encode(Buffer payload);

  /**
   * As {@link #encode}, but the caller hands the payload over: when it is a heap buffer with {@link #HEADROOM} free
   * bytes before it and {@link #TAILROOM} after it in its backing array (as {@code EncryptedMessage.encrypt} makes
   * them), the frame is built in that array around the payload, which obfuscated2 encrypts in place, and the result is
   * a fixed-size view of it: no copy. Otherwise it is {@link #encode}. The caller must not write to the array
   * afterwards, nor read the payload on an obfuscated connection.
   */
  Buffer encodeOwned(Buffer payload);

  /**
   * The bytes of a buffer handed over: its backing array when the buffer is exactly that array (what a socket
   * delivers, and the payloads {@link #decode} delivers), so that the caller may work in place and a big frame costs
   * one copy less; else a copy.
   */
  static byte[] ownedBytes(Buffer owned) {
    if (owned instanceof BufferInternal internal) {
      ByteBuf bb = internal.getByteBuf();
      if (bb.hasArray() && bb.arrayOffset() == 0 && bb.readerIndex() == 0
          && bb.array().length == bb.readableBytes()) {
        return bb.array();
      }
    }
    return owned.getBytes();
  }

  /**
   * Feeds bytes received from the socket, split at any point. Every complete payload is passed to
   * {@code onFrame} in order, each in a buffer of its own (the receiver may decrypt it in place); incomplete data is
   * kept for the next call. The codec may keep the chunk's backing array and decrypt it in place (obfuscated2): do
   * not use the chunk after this call.
   *
   * @throws TransportException when the stream is broken; every later call throws again
   */
  void decode(Buffer chunk, Consumer<Buffer> onFrame);
}
