package dev.vertigram.ipc.impl;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;

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

  private final NetSocket socket;
  private final Context context;
  private final int maxFrameBytes;
  private final Consumer<JsonObject> onOversized;
  private final Queue<JsonObject> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** Writes to {@code socket}, which belongs to {@code context}; frames over {@code maxFrameBytes} go to onOversized. */
  public FrameWriter(NetSocket socket, Context context, int maxFrameBytes, Consumer<JsonObject> onOversized) {
    this.socket = socket;
    this.context = context;
    this.maxFrameBytes = maxFrameBytes;
    this.onOversized = onOversized;
  }

  /** Queues a frame; it leaves at the end of the current tick of the socket's context. */
  public void write(JsonObject frame) {
    queue.add(frame);
    if (scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> drain());
    }
  }

  private void drain() {
    scheduled.set(false);
    Buffer out = Buffer.buffer();
    for (JsonObject frame = queue.poll(); frame != null; frame = queue.poll()) {
      Buffer encoded = FrameReader.encode(frame);
      if (encoded.length() - 4 > maxFrameBytes) {
        onOversized.accept(frame);
      } else {
        out.appendBuffer(encoded);
      }
    }
    if (out.length() > 0) {
      socket.write(out);
    }
  }
}
