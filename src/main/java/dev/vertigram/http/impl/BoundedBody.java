package dev.vertigram.http.impl;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

import java.util.function.Supplier;

/** Reads a whole body up to a bound counted while reading (a chunked body announces no length). */
final class BoundedBody {

  private BoundedBody() {
  }

  /**
   * Collects {@code body} (sized from {@code announced} when positive); past {@code maxBytes} it runs {@code abort}
   * and fails with {@code tooLarge}.
   */
  static Future<Buffer> read(ReadStream<Buffer> body, long announced, long maxBytes, Runnable abort,
      Supplier<? extends Throwable> tooLarge) {
    Promise<Buffer> done = Promise.promise();
    // sized from Content-Length when announced: growing by doubling copied a 128 MiB body ~twice more
    Buffer bytes = announced > 0 ? Buffer.buffer((int) Math.min(announced, Integer.MAX_VALUE - 8)) : Buffer.buffer();
    body.exceptionHandler(done::tryFail).endHandler(v -> done.tryComplete(bytes)).handler(chunk -> {
      if (done.future().isComplete()) {
        return;
      }
      if (bytes.length() + (long) chunk.length() > maxBytes) {
        done.tryFail(tooLarge.get());
        abort.run();
      } else {
        bytes.appendBuffer(chunk);
      }
    });
    body.resume();
    return done.future();
  }
}
