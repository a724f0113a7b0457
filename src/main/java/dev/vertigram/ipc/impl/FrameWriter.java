package dev.vertigram.ipc.impl;

import io.vertx.core.Context;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetSocket;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Writes frames to a socket from any thread: the frames queued during one tick are encoded on the socket's context
 * and leave in one write (one flush, not one per call).
 */
public final class FrameWriter {

  private final NetSocket socket;
  private final Context context;
  private final Queue<JsonObject> queue = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  /** Writes to {@code socket}, which belongs to {@code context}. */
  public FrameWriter(NetSocket socket, Context context) {
    this.socket = socket;
    this.context = context;
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
      out.appendBuffer(FrameReader.encode(frame));
    }
    if (out.length() > 0) {
      socket.write(out);
    }
  }
}
