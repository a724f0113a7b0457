package dev.vertigram.storage.impl;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs a task (a save, a batch of writes) one run at a time on a context. Every {@link #request()} is answered by
 * the first run that starts after it, so requests made while a run is under way are coalesced into the next one.
 * A run starts {@code delayMs} after the first request that finds the coalescer idle (0 = the next tick).
 */
public final class Coalescer {

  private final Context ctx;
  private final long delayMs;
  private final Supplier<Future<Void>> task;
  private List<Promise<Void>> waiting = new ArrayList<>();
  private boolean running;
  private boolean scheduled;

  /** A coalescer running {@code task} on {@code ctx}. */
  public Coalescer(Context ctx, long delayMs, Supplier<Future<Void>> task) {
    this.ctx = ctx;
    this.delayMs = delayMs;
    this.task = task;
  }

  /** Completes (on the caller's context) with the outcome of the first run that starts after this call. */
  public Future<Void> request() {
    return Hop.on(ctx, () -> {
      Promise<Void> p = Promise.promise();
      waiting.add(p);
      schedule();
      return p.future();
    });
  }

  private void schedule() {
    if (running || scheduled) {
      return;
    }
    scheduled = true;
    if (delayMs > 0) {
      ctx.owner().setTimer(delayMs, t -> run());
    } else {
      ctx.runOnContext(v -> run());
    }
  }

  private void run() {
    scheduled = false;
    running = true;
    List<Promise<Void>> served = waiting;
    waiting = new ArrayList<>();
    Hop.guarded(task).onComplete(ar -> finish(served, ar));
  }

  private void finish(List<Promise<Void>> served, AsyncResult<Void> ar) {
    running = false;
    for (Promise<Void> p : served) {
      p.handle(ar);
    }
    if (!waiting.isEmpty()) {
      schedule();
    }
  }
}
