package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

/**
 * The file locks this process holds. The OS lock (a {@link FileChannel} lock: fcntl on Linux) excludes other
 * processes; within the JVM, where Java allows one lock per file, this table counts the holders: many shared ones
 * on one OS shared lock, or one exclusive one.
 */
final class FileLockTable {

  private static final class Entry {
    final FileChannel channel;
    final FileLock lock;
    int holders = 1;

    Entry(FileChannel channel, FileLock lock) {
      this.channel = channel;
      this.lock = lock;
    }
  }

  private static final Map<Path, Entry> HELD = new HashMap<>();

  private FileLockTable() {
  }

  /**
   * Polls for the lock on a worker until it is acquired, {@code timeoutMs} have passed ({@link TimeoutException};
   * negative: no timeout) or {@code cancel} completes ({@link CancellationException}; may be null).
   */
  static Future<FileLockHandle> acquire(Vertx vertx, Path file, LockMode mode, long pollIntervalMs, long timeoutMs,
                                        Future<?> cancel) {
    if (pollIntervalMs < 1) {
      throw new IllegalArgumentException("poll interval must be at least 1 ms, got " + pollIntervalMs);
    }
    Polling polling = new Polling(vertx, file.toAbsolutePath().normalize(), mode, pollIntervalMs, timeoutMs, cancel);
    polling.attempt();
    return polling.promise.future();
  }

  /** One request for a lock, tried every poll interval. */
  private static final class Polling {
    final Vertx vertx;
    final Path path;
    final LockMode mode;
    final long pollIntervalMs;
    final long timeoutMs;
    final Future<?> cancel;
    final long start = System.nanoTime();
    final Promise<FileLockHandle> promise = Promise.promise();

    Polling(Vertx vertx, Path path, LockMode mode, long pollIntervalMs, long timeoutMs, Future<?> cancel) {
      this.vertx = vertx;
      this.path = path;
      this.mode = mode;
      this.pollIntervalMs = pollIntervalMs;
      this.timeoutMs = timeoutMs;
      this.cancel = cancel;
    }

    void attempt() {
      vertx.executeBlocking(() -> tryLock(path, mode) ? new FileLockHandle(vertx, path, mode) : null, false)
        .onComplete(done -> {
          if (done.failed()) {
            promise.fail(done.cause());
          } else if (cancel != null && cancel.isComplete()) {
            Future<Void> released = done.result() == null ? Future.succeededFuture() : done.result().release();
            released.onComplete(v -> promise.fail(new CancellationException("lock on " + path + " cancelled")));
          } else if (done.result() != null) {
            promise.complete(done.result());
          } else if (timeoutMs >= 0 && System.nanoTime() - start >= timeoutMs * 1_000_000) {
            promise.fail(new TimeoutException("could not lock " + path + " (" + mode + ") in " + timeoutMs + " ms"));
          } else {
            vertx.setTimer(pollIntervalMs, id -> attempt());
          }
        });
    }
  }

  /** One try (blocking I/O): whether the lock is now held. */
  private static boolean tryLock(Path path, LockMode mode) throws IOException {
    synchronized (HELD) {
      Entry entry = HELD.get(path);
      if (entry != null) {
        if (mode == LockMode.SHARED && entry.lock.isShared()) {
          entry.holders++;
          return true;
        }
        return false;
      }
      FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
      FileLock lock = null;
      try {
        lock = channel.tryLock(0, Long.MAX_VALUE, mode == LockMode.SHARED);
      } catch (OverlappingFileLockException e) {
        // Held through another channel of this JVM, outside this table: busy.
      } finally {
        if (lock == null) {
          channel.close();
        }
      }
      if (lock == null) {
        return false;
      }
      HELD.put(path, new Entry(channel, lock));
      return true;
    }
  }

  /** Lets go of one holder of the lock on {@code path} (blocking I/O on the last one). */
  static void release(Path path) throws IOException {
    synchronized (HELD) {
      Entry entry = HELD.get(path);
      if (entry == null || --entry.holders > 0) {
        return;
      }
      HELD.remove(path);
      try {
        entry.lock.release();
      } finally {
        entry.channel.close();
      }
    }
  }
}
