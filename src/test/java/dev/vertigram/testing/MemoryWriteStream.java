package dev.vertigram.testing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** A WriteStream that never pushes back: it keeps what it is given in memory, or drops it (benchmarks). */
public final class MemoryWriteStream implements WriteStream<Buffer> {

  private final Buffer collected;

  private MemoryWriteStream(Buffer collected) {
    this.collected = collected;
  }

  /** Keeps every write. */
  public static MemoryWriteStream collecting() {
    return new MemoryWriteStream(Buffer.buffer());
  }

  /** Keeps every write in {@code into}. */
  public static MemoryWriteStream collectingInto(Buffer into) {
    return new MemoryWriteStream(into);
  }

  /** Drops every write. */
  public static MemoryWriteStream discarding() {
    return new MemoryWriteStream(null);
  }

  /** What was written (collecting streams only). */
  public byte[] bytes() {
    return collected.getBytes();
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  @Override
  public Future<Void> write(Buffer data) {
    if (collected != null) {
      collected.appendBuffer(data);
    }
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> end() {
    return Future.succeededFuture();
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }

  @Override
  public boolean writeQueueFull() {
    return false;
  }

  @Override
  public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    return this;
  }
}
