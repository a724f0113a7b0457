package dev.vertigram.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.buffer.UnpooledHeapByteBuf;
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

  /** The frame of a copy of {@code payload}, in one growable buffer (callers may append to it). */
  Buffer encode(Buffer payload) {
    int len = payload.length();
    int header = framing.headerLength(len);
    int trailer = framing.trailerLength();
    int before = (prefix == null ? 0 : prefix.length) + header;
    byte[] wire = new byte[before + len + trailer];
    payload.getBytes(0, len, wire, before);
    framing.frame(wire, before, len, trailer);
    seal(wire, before - header, header + len + trailer);
    return growable(wire);
  }

  /** See {@link FrameCodec#encodeOwned}. */
  Buffer encodeOwned(Buffer payload) {
    if (prefix == null && payload instanceof BufferInternal internal) {
      ByteBuf bb = internal.getByteBuf();
      int len = bb.readableBytes();
      if (bb.hasArray()) {
        byte[] array = bb.array();
        int off = bb.arrayOffset() + bb.readerIndex();
        if (off >= FrameCodec.HEADROOM && array.length - off - len >= FrameCodec.TAILROOM) {
          int header = framing.headerLength(len);
          int trailer = framing.trailerLength();
          framing.frame(array, off, len, trailer);
          seal(array, off - header, header + len + trailer);
          return BufferInternal.buffer(Unpooled.wrappedBuffer(array, off - header, header + len + trailer));
        }
      }
    }
    return encode(payload);
  }

  Buffer encodeQuickAck(int token) {
    byte[] ack = framing.encodeQuickAck(token);
    int before = prefix == null ? 0 : prefix.length;
    byte[] wire = new byte[before + ack.length];
    System.arraycopy(ack, 0, wire, before, ack.length);
    seal(wire, before, ack.length);
    return growable(wire);
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
      byte[] bytes = FrameCodec.ownedBytes(chunk);
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
   * Obfuscates the frame {@code wire[start, start+len)} in place and writes the pending prefix (sent in clear) right
   * before it, where the caller left room for it.
   */
  private void seal(byte[] wire, int start, int len) {
    if (cipher != null) {
      cipher.encrypt(wire, start, len);
    }
    if (prefix != null) {
      System.arraycopy(prefix, 0, wire, start - prefix.length, prefix.length);
      prefix = null;
    }
  }

  /** A buffer over the whole of {@code wire}, without copying it, that still grows when appended to. */
  private static Buffer growable(byte[] wire) {
    return BufferInternal.buffer(new UnpooledHeapByteBuf(UnpooledByteBufAllocator.DEFAULT, wire, Integer.MAX_VALUE) {
    });
  }
}
