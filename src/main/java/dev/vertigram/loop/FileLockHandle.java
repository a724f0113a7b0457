package dev.vertigram.loop;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** A lock held on a file, from {@link Async#flock}. Release it once; further releases do nothing. */
public final class FileLockHandle {

  private final Vertx vertx;
  private final Path path;
  private final LockMode mode;
  private final AtomicBoolean released = new AtomicBoolean();

  FileLockHandle(Vertx vertx, Path path, LockMode mode) {
    this.vertx = vertx;
    this.path = path;
    this.mode = mode;
  }

  /** The locked file (absolute, normalized). */
  public Path path() {
    return path;
  }

  public LockMode mode() {
    return mode;
  }

  /** Whether {@link #release()} was called. */
  public boolean isReleased() {
    return released.get();
  }

  /** Releases the lock (on a worker thread: it closes the file). The first call does it; later ones succeed at once. */
  public Future<Void> release() {
    if (!released.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    return vertx.executeBlocking(() -> {
      FileLockTable.release(path);
      return null;
    }, false);
  }

  @Override
  public String toString() {
    return "FileLockHandle[" + path + ", " + mode + (isReleased() ? ", released]" : "]");
  }
}
