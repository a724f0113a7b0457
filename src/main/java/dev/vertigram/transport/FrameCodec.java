package dev.vertigram.transport;

import io.vertx.core.buffer.Buffer;

import java.util.function.Consumer;

/**
 * One side of a framed MTProto byte stream: turns payloads into wire bytes and wire bytes, split anywhere,
 * back into payloads. Not thread-safe: use it from one thread (the connection's event loop).
 */
public interface FrameCodec {

  /** Wire bytes for one payload (including the tag or obfuscated2 header before the first frame, when due). */
  Buffer encode(Buffer payload);

  /**
   * Feeds bytes received from the socket, split at any point. Every complete payload is passed to
   * {@code onFrame} in order; incomplete data is kept for the next call. The codec may keep the chunk's backing
   * array and decrypt it in place (obfuscated2): do not use the chunk after this call.
   *
   * @throws TransportException when the stream is broken; every later call throws again
   */
  void decode(Buffer chunk, Consumer<Buffer> onFrame);
}
