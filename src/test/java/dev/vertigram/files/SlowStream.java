package dev.vertigram.files;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

import java.util.ArrayDeque;

/**
 * A WriteStream that takes one write off its queue every few milliseconds and reports itself full past
 * {@code maxQueued} bytes; it records the largest queue it held.
 */
public final class SlowStream implements WriteStream<Buffer> {

  private final Vertx vertx;
  private final int maxQueued;
  private final Buffer written = Buffer.buffer();
  private final ArrayDeque<Buffer> queue = new ArrayDeque<>();
  private final ArrayDeque<Promise<Void>> acks = new ArrayDeque<>();
  private int queued;
  private int largest;
  private Handler<Void> drain;
  private Promise<Void> ended;

  public SlowStream(Vertx vertx, int maxQueued) {
    this.vertx = vertx;
    this.maxQueued = maxQueued;
  }

  public byte[] bytes() {
    return written.getBytes();
  }

  public int largestQueue() {
    return largest;
  }

  @Override
  public synchronized Future<Void> write(Buffer data) {
    Promise<Void> ack = Promise.promise();
    queue.add(data);
    acks.add(ack);
    queued += data.length();
    largest = Math.max(largest, queued);
    if (queue.size() == 1) {
      vertx.setTimer(5, t -> takeOne());
    }
    return ack.future();
  }

  private void takeOne() {
    Handler<Void> toCall = null;
    Promise<Void> ack;
    synchronized (this) {
      ack = acks.poll();
      Buffer b = queue.poll();
      written.appendBuffer(b);
      queued -= b.length();
      if (!queue.isEmpty()) {
        vertx.setTimer(5, t -> takeOne());
      }
      if (queue.isEmpty() && ended != null) {
        vertx.runOnContext(v -> ended.complete());
      }
      if (!writeQueueFull() && drain != null) {
        toCall = drain;
        drain = null;
      }
    }
    ack.complete();
    if (toCall != null) {
      toCall.handle(null);
    }
  }

  @Override
  public synchronized boolean writeQueueFull() {
    return queued >= maxQueued;
  }

  @Override
  public synchronized WriteStream<Buffer> drainHandler(Handler<Void> handler) {
    this.drain = handler;
    return this;
  }

  @Override
  public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    return this;
  }

  /** Completes once the queued writes are taken. */
  @Override
  public synchronized Future<Void> end() {
    ended = Promise.promise();
    if (queue.isEmpty()) {
      ended.complete();
    }
    return ended.future();
  }

  @Override
  public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
    return this;
  }
}
