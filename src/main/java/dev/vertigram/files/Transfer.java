package dev.vertigram.files;

import dev.vertigram.client.CallOptions;
import dev.vertigram.client.CancellationToken;
import dev.vertigram.client.MtprotoClient;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * What uploads and downloads share: one context their state lives on, calls whose results come back to it,
 * progress (callback and {@code vertigram.<session>.progress} events: id, done, total, bytesPerSecond), and the
 * outcome, completed once (a cancellation fails it with a {@link CancellationException}).
 */
abstract class Transfer<T> {

  private static final long MIN_EVENT_INTERVAL_NANOS = 50_000_000;

  final MtprotoClient client;
  final Vertx vertx;
  final Context ctx;
  final TransferOptions options;
  final Promise<T> outcome = Promise.promise();
  private final String progressAddress;
  private final String id;
  private final long started = System.nanoTime();
  private long lastEvent;
  private long resumedAt;
  long total;
  long done;

  /** @param kind "upload" or "download", the start of the transfer's id in progress events */
  Transfer(FileTransfers files, TransferOptions options, String kind) {
    this.client = files.client();
    this.vertx = files.vertx();
    this.ctx = vertx.getOrCreateContext();
    this.options = options;
    this.progressAddress = files.progressAddress();
    this.id = kind + "-" + UUID.randomUUID();
    CancellationToken token = options.cancellation();
    if (token != null) {
      Runnable onCancel = () -> ctx.runOnContext(v -> fail(new CancellationException("cancelled")));
      token.onCancel(onCancel);
      outcome.future().onComplete(ar -> token.remove(onCancel));
    }
  }

  /**
   * Calls a method on the media connection of {@code dcId} (0 = home); made on this context, the call completes
   * on it.
   */
  Future<JsonObject> call(JsonObject method, int dcId) {
    return client.call(method, CallOptions.create().media(true).dcId(dcId).cancellation(options.cancellation()));
  }

  /** {@code handler} run on this context (a stream's handlers may be called on another one). */
  <E> Handler<E> onContext(Handler<E> handler) {
    return event -> {
      if (Vertx.currentContext() == ctx) {
        handler.handle(event);
      } else {
        ctx.runOnContext(v -> handler.handle(event));
      }
    };
  }

  boolean finished() {
    return outcome.future().isComplete();
  }

  void fail(Throwable cause) {
    if (!finished()) {
      cleanUp();
      outcome.fail(cause);
    }
  }

  /** Releases what the transfer holds (sources paused, temp files) after a failure. */
  abstract void cleanUp();

  /** Counts {@code bytes} as done before this transfer started (a resumed download), out of the speed. */
  void resumedAt(long bytes) {
    resumedAt = bytes;
    done += bytes;
    total += bytes;
  }

  void advance(long bytes) {
    done += bytes;
    long now = System.nanoTime();
    if (now - lastEvent < MIN_EVENT_INTERVAL_NANOS && done != total) {
      return;
    }
    lastEvent = now;
    double seconds = Math.max(1e-9, (now - started) / 1e9);
    Progress p = new Progress(done, total, (done - resumedAt) / seconds);
    if (options.progress() != null) {
      options.progress().accept(p);
    }
    vertx.eventBus().publish(progressAddress, new JsonObject().put("id", id).put("done", p.done())
        .put("total", p.total()).put("bytesPerSecond", p.bytesPerSecond()));
  }
}
