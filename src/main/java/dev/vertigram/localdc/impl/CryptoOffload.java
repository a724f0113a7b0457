package dev.vertigram.localdc.impl;

import io.vertx.core.Context;
import io.vertx.core.Future;

import java.util.concurrent.Callable;

/**
 * Where the Local DC runs the crypto of a frame (AES-IGE and the SHA-256 msg_key): inline on the DC's event loop for
 * the usual small frames, on a Vert.x worker thread for frames of at least {@value #OFF_LOOP_BYTES} bytes
 * (upload.getFile answers, saveFilePart queries), so that one DC's file traffic spreads over the cores instead of
 * holding its loop. The job must only read immutable data (key, bytes); its result comes back on the DC's loop, where
 * callers keep frames in order. A job that throws yields a failed future, never an exception on a thread.
 */
final class CryptoOffload {

  /** Frames from this size on are encrypted or decrypted off the event loop. */
  static final int OFF_LOOP_BYTES = 64 * 1024;

  private CryptoOffload() {
  }

  /** True when a frame of {@code bytes} goes to a worker thread (a DC not started yet has no context: inline). */
  static boolean offLoop(DcState dc, int bytes) {
    return bytes >= OFF_LOOP_BYTES && dc.context() != null;
  }

  /** Runs {@code job} for a frame of {@code bytes}: on a worker (unordered) when {@link #offLoop}, else right now. */
  static <T> Future<T> run(DcState dc, int bytes, Callable<T> job) {
    Context context = dc.context();
    if (offLoop(dc, bytes)) {
      return context.executeBlocking(job, false);
    }
    try {
      return Future.succeededFuture(job.call());
    } catch (Exception e) {
      return Future.failedFuture(e);
    }
  }
}
