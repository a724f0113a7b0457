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
 * Writes frames to a socket from any thread: the frames queued during one tick are encoded on the socket's context
 * and leave in one write (one flush, not one per call). A frame larger than the bound is not sent: it goes to the
 * oversized handler (the peer would close the connection on it).
 */
public final class FrameWriter {

  private static final JsonFactory JSON = new JsonFactory();

  private final NetSocket socket;
  private final Context context;
  private final int maxFrameBytes;
  private final Consumer<JsonObject> onOversized;
  /** Frames to encode ({@link JsonObject}) or already encoded bodies ({@link Buffer}). */
  private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
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
   * Encodes every queued frame straight into one buffer with one JSON generator (no buffer per frame, no copies):
   * a length placeholder, the body, then the length patched in; a body over the bound is cut off again.
   */
  private void drain() {
    scheduled.set(false);
    ByteBuf out = Unpooled.buffer(8192);
    List<JsonObject> oversized = null;
    try (ByteBufOutputStream stream = new ByteBufOutputStream(out);
         JsonGenerator generator = JSON.createGenerator((OutputStream) stream)) {
      generator.setRootValueSeparator(null);
      for (Object next = queue.poll(); next != null; next = queue.poll()) {
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
    if (oversized != null) {
      oversized.forEach(onOversized);
    }
  }
}
