package dev.vertigram.files;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A ReadStream giving {@code data} in chunks, one per event loop turn of its own context, only while it is not
 * paused (a source of unknown size, like an HTTP body without a length); it counts the bytes it gave.
 */
final class GeneratedStream implements ReadStream<Buffer> {

  private final Context ctx;
  private final byte[] data;
  private final int chunk;
  private Handler<Buffer> handler;
  private Handler<Void> endHandler;
  private volatile long emitted;
  private boolean paused = true;
  private boolean scheduled;

  GeneratedStream(Vertx vertx, byte[] data, int chunk) {
    this.ctx = vertx.getOrCreateContext();
    this.data = data;
    this.chunk = chunk;
  }

  long emitted() {
    return emitted;
  }

  private synchronized void schedule() {
    if (!paused && !scheduled && handler != null) {
      scheduled = true;
      ctx.runOnContext(v -> emitOne());
    }
  }

  private void emitOne() {
    Handler<Buffer> h;
    Handler<Void> end = null;
    Buffer next = null;
    synchronized (this) {
      scheduled = false;
      if (paused || handler == null) {
        return;
      }
      h = handler;
      int from = (int) emitted;
      if (from < data.length) {
        int n = Math.min(chunk, data.length - from);
        next = Buffer.buffer().appendBytes(data, from, n);
        emitted += n;
      } else {
        end = endHandler;
        paused = true;
      }
    }
    if (next != null) {
      h.handle(next);
      schedule();
    } else if (end != null) {
      end.handle(null);
    }
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> handler(Handler<Buffer> handler) {
    this.handler = handler;
    schedule();
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> pause() {
    paused = true;
    return this;
  }

  @Override
  public synchronized ReadStream<Buffer> resume() {
    paused = false;
    schedule();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    return resume();
  }

  @Override
  public synchronized ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    this.endHandler = endHandler;
    return this;
  }
}
