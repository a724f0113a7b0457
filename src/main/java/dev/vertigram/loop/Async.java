package dev.vertigram.loop;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * Asynchronous helpers for event-loop code, after MadelineProto's {@code Tools}: sleep, console input and output,
 * file locks. None blocks the calling thread; futures complete on the caller's context.
 */
public final class Async {

  private Async() {
  }

  /** Completes after {@code ms} milliseconds (at once when {@code ms <= 0}), on a Vert.x timer. */
  public static Future<Void> sleep(Vertx vertx, long ms) {
    return ms <= 0 ? Future.succeededFuture() : vertx.timer(ms).mapEmpty();
  }

  /**
   * Writes {@code prompt} to standard output, then reads a line from standard input (without its line terminator),
   * on a dedicated console thread; completes on {@code vertx.getOrCreateContext()}. At the end of input the future fails with an {@link java.io.EOFException}
   * ("end of standard input: no line to read"). Concurrent calls read successive lines, in call order.
   */
  public static Future<String> readLine(Vertx vertx, String prompt) {
    Context context = vertx.getOrCreateContext();
    return Console.write(context, prompt).compose(v -> Console.readLine(context));
  }

  /**
   * Writes {@code text} as is (no newline added) to standard output and flushes, on a dedicated console thread, in
   * call order. Completes on the caller's context (on the console thread when called outside Vert.x).
   */
  public static Future<Void> echo(String text) {
    return Console.write(Vertx.currentContext(), text);
  }

  /** {@link #flock(Vertx, Path, LockMode, long, long, Future)} with no timeout and no cancellation. */
  public static Future<FileLockHandle> flock(Vertx vertx, Path path, LockMode mode, long pollIntervalMs) {
    return flock(vertx, path, mode, pollIntervalMs, -1, null);
  }

  /**
   * Locks a file (created if absent): shared or exclusive, against other processes and within this one, trying on a
   * worker thread every {@code pollIntervalMs} until it succeeds. The future fails with a {@link TimeoutException}
   * after {@code timeoutMs} (negative: never), with a {@link CancellationException} once {@code cancel} (may be null)
   * completes, or with the I/O error that made a try fail. Release the handle with {@link FileLockHandle#release()}.
   */
  public static Future<FileLockHandle> flock(Vertx vertx, Path path, LockMode mode, long pollIntervalMs,
                                             long timeoutMs, Future<?> cancel) {
    return FileLockTable.acquire(vertx, path, mode, pollIntervalMs, timeoutMs, cancel);
  }
}
