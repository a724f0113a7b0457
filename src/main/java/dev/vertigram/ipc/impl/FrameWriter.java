package dev.vertigram.ipc.impl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.buffer.Unpooled;
import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Writes frames to a socket from any thread, in order: the frames queued during one tick are encoded on the socket's
 * context and leave in one write (one flush, not one per call), a bounded batch per turn of the event loop, waiting
 * for the socket's write queue when it is full. A frame larger than the bound is not sent: it goes to the oversized
 * handler (the peer would close the connection on it).
 */
public final class FrameWriter {

  private static final JsonFactory JSON = new JsonFactory();
  /** The most frames one turn of the event loop encodes. */
  static final int MAX_FRAMES_PER_TURN = 256;
  /** About the most bytes one turn of the event loop encodes (the frame that crosses it still goes). */
  static final int MAX_BYTES_PER_TURN = 256 * 1024;

  private final NetSocket socket;
  private final Context context;
  private final int maxFrameBytes;
  private final Consumer<JsonObject> onOversized;
  /** Frames to encode ({@link JsonObject}) or already encoded bodies ({@link Buffer}). */
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
  /** Whether a drain is pending (scheduled, or waiting for the socket's write queue to drain). */
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** Writes to {@code socket}, which belongs to {@code context}; frames over {@code maxFrameBytes} go to onOversized. */
  public FrameWriter(NetSocket socket, Context context, int maxFrameBytes, Consumer<JsonObject> onOversized) {
    this.socket = socket;
    this.context = context;
    this.maxFrameBytes = maxFrameBytes;
    this.onOversized = onOversized;
  }

  /** A frame whose encoded body someone keeps (the owner's journal of replies). */
  private record Kept(JsonObject frame, Consumer<Buffer> onEncoded) {
  }

  /** Queues a frame; it leaves at the end of the current tick of the socket's context. */
  public void write(JsonObject frame) {
    enqueue(frame);
  }

  /** Queues a frame and hands a copy of its encoded body to {@code onEncoded} (not when oversized). */
  public void write(JsonObject frame, Consumer<Buffer> onEncoded) {
    enqueue(new Kept(frame, onEncoded));
  }

  /** Queues a frame body encoded earlier (one that {@link #write(JsonObject, Consumer)} handed out). */
  public void writeEncoded(Buffer body) {
    enqueue(body);
  }

  private void enqueue(Object frame) {
    queue.add(frame);
    if (scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  /**
   * Encodes the queued frames straight into one buffer with one JSON generator (no buffer per frame, no copies): a
   * length placeholder, the body, then the length patched in; a body over the bound is cut off again. One turn of the
   * event loop encodes at most {@link #MAX_FRAMES_PER_TURN} frames or about {@link #MAX_BYTES_PER_TURN} bytes; the
   * rest continues on a later turn, once the socket's write queue has room, so a long queue never holds the loop.
   */
  private void drain() {
    ByteBuf out = Unpooled.buffer(8192);
    List<JsonObject> oversized = null;
    int frames = 0;
    try (ByteBufOutputStream stream = new ByteBufOutputStream(out);
         JsonGenerator generator = JSON.createGenerator((OutputStream) stream)) {
      generator.setRootValueSeparator(null);
      while (frames < MAX_FRAMES_PER_TURN && out.writerIndex() < MAX_BYTES_PER_TURN) {
        Object next = queue.poll();
        if (next == null) {
          break;
        }
        frames++;
        if (next instanceof Buffer body) {
          out.writeInt(body.length());
          ByteBuf bytes = ((BufferInternal) body).getByteBuf();
          out.writeBytes(bytes, bytes.readerIndex(), bytes.readableBytes()); // leaves the kept body unread
          continue;
        }
        Kept kept = next instanceof Kept k ? k : null;
        JsonObject frame = kept != null ? kept.frame() : (JsonObject) next;
        int start = out.writerIndex();
        out.writeInt(0);
        JacksonCodec.encodeJson(frame, generator);
        generator.flush();
        int length = out.writerIndex() - start - 4;
        if (length > maxFrameBytes) {
          out.writerIndex(start);
          if (oversized == null) {
            oversized = new ArrayList<>();
          }
          oversized.add(frame);
        } else {
          out.setInt(start, length);
          if (kept != null) {
            byte[] body = new byte[length];
            out.getBytes(start + 4, body);
            kept.onEncoded().accept(Buffer.buffer(body));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.readableBytes() > 0) {
      socket.write(BufferInternal.buffer(out));
    } else {
      out.release();
    }
    continueLater();
    if (oversized != null) {
      oversized.forEach(onOversized);
    }
  }

  /** Schedules the next turn while frames are left (after the socket's write queue drains when it is full). */
  private void continueLater() {
    if (queue.isEmpty()) {
      scheduled.set(false);
      if (queue.isEmpty() || !scheduled.compareAndSet(false, true)) {
        return; // nothing left, or a writer that raced with us scheduled the next turn itself
      }
    }
    if (socket.writeQueueFull()) {
      socket.drainHandler(v -> {
        socket.drainHandler(null);
        drain();
      });
    } else {
      context.runOnContext(v -> drain());
    }
  }
}
