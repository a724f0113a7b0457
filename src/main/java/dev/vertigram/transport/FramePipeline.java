package dev.vertigram.transport;

import io.netty.buffer.ByteBuf;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;

import java.util.function.Consumer;
import java.util.function.IntConsumer;

/**
 * A framing, optionally inside obfuscated2, with its receive queue: the engine shared by {@link ClientTransport}
 * and {@link ServerTransport}. Once a {@link TransportException} has been thrown the stream is out of sync, so
 * every later decode throws too.
 */
final class FramePipeline {
  private final Framing framing;
  /** Null on a plain connection. */
  private final Obfuscated2 cipher;
  private final ByteQueue inbound = new ByteQueue();
  /** Bytes due before the first frame (tag or obfuscated2 header), null once sent. */
  private byte[] prefix;
  private boolean broken;

  FramePipeline(Framing framing, Obfuscated2 cipher, byte[] prefix) {
    this.framing = framing;
    this.cipher = cipher;
    this.prefix = prefix;
  }

  Buffer encode(Buffer payload) {
    return wire(framing.encode(payload));
  }

  Buffer encodeQuickAck(int token) {
    return wire(framing.encodeQuickAck(token));
  }

  /**
   * Parses a received chunk. The pipeline may keep the chunk's backing array and decrypt it in place: the caller must
   * not use the chunk afterwards.
   */
  void decode(Buffer chunk, Consumer<Buffer> onFrame, IntConsumer onQuickAck) {
    if (broken) {
      throw new TransportException("transport stream already broken by an earlier error");
    }
    if (chunk.length() > 0) {
      byte[] bytes = owned(chunk);
      if (cipher != null) {
        cipher.decrypt(bytes);
      }
      inbound.add(bytes);
    }
    try {
      while (framing.decodeOne(inbound, onFrame, onQuickAck)) {
        // one frame per iteration
      }
    } catch (TransportException e) {
      broken = true;
      throw e;
    }
  }

  /**
   * The bytes of a chunk: its backing array when the chunk is exactly that array (what a socket delivers: a heap
   * copy of the received bytes), so a big frame costs one copy less; else a copy.
   */
  private static byte[] owned(Buffer chunk) {
    if (chunk instanceof BufferInternal internal) {
      ByteBuf bb = internal.getByteBuf();
      if (bb.hasArray() && bb.arrayOffset() == 0 && bb.readerIndex() == 0
          && bb.array().length == bb.readableBytes()) {
        return bb.array();
      }
    }
    return chunk.getBytes();
  }

  private Buffer wire(byte[] frame) {
    if (cipher != null) {
      cipher.encrypt(frame);
    }
    Buffer out;
    if (prefix == null) {
      out = Buffer.buffer(frame.length);
    } else {
      out = Buffer.buffer(prefix.length + frame.length).appendBytes(prefix);
      prefix = null;
    }
    return out.appendBytes(frame);
  }
}
